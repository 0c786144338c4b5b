#!/usr/bin/env python3
"""Writes the importer test fixtures. Run once; the outputs are committed so tests need no Python.

The base table is the seed's 表六/1 (交城县乡村振兴规划 第六章), as a clerk saves it from the plan
document; every bad-input fixture is that table with one thing broken.
"""
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
HEADER = ["乡镇", "学校名称", "规模", "在校人数", "教职人数", "占地面积（亩）"]
ROWS = [
    ["天宁镇（岭底\n片区）", "东雷庄学校", "小学", "6", "3", "15"],
    ["天宁", "交城县阳渠学校", "小初一体", "716", "68", "28.8"],
    ["", "交城县奈林学校", "小初一体", "518", "49", "27.5"],
    ["", "交城县西汾阳学校", "小初一体", "450", "54", "63.1"],
    ["", "交城县杜家庄学校", "小学", "45", "14", "7.09"],
    ["西社", "西社学校", "小初一体", "350", "44", "20"],
    ["", "西社明德小学", "小学", "105", "15", "17"],
    ["西营", "交城县西营学校", "小初一体", "1581", "58", "60"],
    ["", "交城县石侯学校", "小初一体", "600", "35", "12.75"],
    ["", "交城县大营学校", "小初一体", "413", "43", "20"],
    ["", "交城县城头学校", "小初一体", "191", "30", "15"],
    ["", "交城县寨子学校", "小初一体", "245", "29", "19.8"],
    ["水峪贯", "水峪贯镇初级中学", "初中", "125", "23", "15"],
    ["", "水峪贯中心小学", "小学", "163", "21", "12"],
    ["洪相", "交城县成村学校", "小初一体", "652", "60", "40"],
    ["", "交城县安定学校", "小初一体", "620", "50", "32.2"],
    ["", "交城县洪相学校", "小初一体", "260", "26", "19"],
    ["", "交城县广兴学校", "小初一体", "274", "29", "18"],
    ["（会立）", "会立初级中学校", "小初一体", "180", "30", "12"],
    ["庞泉沟", "", "", "", "", ""],
    ["夏家营", "", "", "", "", ""],
    ["东坡底", "", "", "", "", ""],
]
TITLE = ["表六/1  各乡镇学校人数统计情况", "", "", "", "", ""]


def cell(text, sep):
    if any(c in text for c in (sep, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(rows, sep=",", eol="\r\n"):
    return eol.join(sep.join(cell(c, sep) for c in r) for r in rows) + eol


def write(name, rows, encoding="utf-8", sep=",", bom=False):
    data = csv_text(rows, sep).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (HERE / name).write_bytes(data)


def with_row(index, new):
    rows = [r[:] for r in ROWS]
    rows[index] = new
    return rows


seed = [TITLE, HEADER] + ROWS
write("seed_utf8_bom.csv", seed, bom=True)
write("seed_utf8.csv", [HEADER] + ROWS)
write("seed_gbk.csv", seed, encoding="gbk")
# GB18030: a school name with 䶮 (U+4DAE, outside GBK: four bytes in GB18030).
write("seed_gb18030.csv", [HEADER] + with_row(6, ["", "西社明德䶮小学", "小学", "105", "15", "17"]), encoding="gb18030")
write("seed_tab.tsv", [HEADER] + ROWS, sep="\t")
english = [["township", "school", "level", "students", "staff", "land_mu"]] + ROWS
write("seed_english_headers.csv", english)

# Bad inputs — each breaks one thing.
(HERE / "bad_utf16.csv").write_bytes(csv_text([HEADER] + ROWS).encode("utf-16"))
(HERE / "bad_bytes.csv").write_bytes(csv_text([HEADER] + ROWS[:3]).encode("utf-8") + b"\xff\xfe\x80,\x80\r\n")
(HERE / "bad_utf8_then_gbk.csv").write_bytes(
    csv_text([HEADER] + ROWS[:3]).encode("utf-8") + csv_text([ROWS[3]]).encode("gbk"))
write("bad_ragged.csv", [HEADER] + ROWS[:4] + [["", "交城县西汾阳学校", "小初一体", "450", "54"]] + ROWS[5:])
write("bad_missing_column.csv", [[h for h in HEADER if h != "教职人数"]] + [r[:4] + r[5:] for r in ROWS])
write("bad_non_numeric.csv", [HEADER] + with_row(2, ["", "交城县奈林学校", "小初一体", "五百一十八", "49", "27.5"]))
write("bad_negative.csv", [HEADER] + with_row(4, ["", "交城县杜家庄学校", "小学", "-45", "14", "7.09"]))
write("bad_fraction.csv", [HEADER] + with_row(4, ["", "交城县杜家庄学校", "小学", "45", "14.5", "7.09"]))
write("bad_staff_without_students.csv", [HEADER] + with_row(7, ["西营", "交城县西营学校", "小初一体", "", "58", "60"]))
write("bad_duplicate.csv", [HEADER] + ROWS[:3] + [["", "交城县阳渠学校", "小初一体", "700", "60", "28.8"]] + ROWS[3:])
write("bad_unknown_township.csv", [HEADER] + with_row(5, ["西山", "西社学校", "小初一体", "350", "44", "20"]))
write("bad_unknown_level.csv", [HEADER] + with_row(0, ["天宁", "东雷庄学校", "大学", "6", "3", "15"]))
write("bad_header_only.csv", [HEADER])
(HERE / "bad_empty.csv").write_bytes(b"")
(HERE / "bad_unterminated_quote.csv").write_bytes(
    csv_text([HEADER] + ROWS[:2]).encode("utf-8") + '西社,"西社学校,小初一体,350,44,20\r\n'.encode("utf-8"))
(HERE / "bad_legacy.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
write("bad_many_errors.csv", [HEADER] + [["天宁", f"学校{i}", "小学", "-1", "x", "1"] for i in range(300)])


# XLSX, written part by part as Excel does: shared strings, a title row, merged township cells
# (value only in the top-left cell), numbers stored as floating point (7.09 as 7.0899999999999999).
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, strings, merges=()):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{col(c)}{r}"
            if value == "":
                continue
            if isinstance(value, float) or isinstance(value, int):
                text = repr(value) if not (isinstance(value, float) and value == 7.09) else "7.0899999999999999"
                cells.append(f'<c r="{ref}" s="1"><v>{text}</v></c>')
            else:
                if value not in strings:
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>')
        out.append(f'<row r="{r}" spans="1:6">{"".join(cells)}</row>')
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def number(v):
    if v == "":
        return ""
    f = float(v)
    return int(f) if f.is_integer() else f


def xlsx(name, sheets):
    strings = []
    parts = {}
    for i, (sheet_name, rows, merges) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, strings, merges)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                + "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _, _) in enumerate(sheets, start=1))
                + "</sheets></workbook>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            + "</Relationships>")
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
                     + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 "</Relationships>")
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", sst)
        for path, xml in parts.items():
            z.writestr(path, xml)


table_rows = [TITLE, HEADER] + [[r[0], r[1], r[2], number(r[3]), number(r[4]), number(r[5])] for r in ROWS]
# Merged township cells as in the document: rows 4–7 (天宁), 8–9 (西社), …; the blank cells stay empty.
merges = ["A1:F1", "A4:A7", "A8:A9", "A10:A14", "A15:A16", "A17:A20"]
notes = [["说明"], ["本工作簿由规划文本表六/1 整理"]]
xlsx("seed.xlsx", [("表六-1", table_rows, merges), ("说明", notes, [])])
xlsx("seed_second_sheet.xlsx", [("说明", notes, []), ("学校", table_rows, merges)])
bad_rows = [TITLE, HEADER] + [[r[0], r[1], r[2], number(r[3]), number(r[4]), number(r[5])] for r in ROWS]
bad_rows[5][3] = -450
xlsx("bad_negative.xlsx", [("表六-1", bad_rows, merges)])
(HERE / "bad_not_a_workbook.xlsx").write_bytes(b"PK\x03\x04" + b"not really a zip file" * 4)

# Observations as a bureau sends them in Excel: indicator code, area, period, value; one sheet.
obs_rows = [["指标代码", "地区", "期间", "值", "来源"],
            ["EDU_RETENTION", "交城县", "2024", 97.5, "教育局年报"],
            ["INS_WHEAT", "天宁", "2024年", 88, "农业农村局"],
            ["INS_WHEAT", "西营镇", "2024Q2", "九十", "农业农村局"]]
xlsx("observations.xlsx", [("2024", obs_rows, [])])
