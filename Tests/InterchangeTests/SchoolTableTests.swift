import Domain
import Foundation
import Interchange
import Localization
import Testing

/// Reads a school table fixture and returns its rows and summary.
func readSchools(_ name: String, sheet: String? = nil) throws -> ([SchoolImportRow], SchoolTableSummary) {
    let source = try TableSources.open(Fixture.url(name), sheet: sheet)
    var rows: [SchoolImportRow] = []
    let summary = try SchoolTableReader(register: TestRegister.jiaocheng()).read(source) { rows.append($0) }
    return (rows, summary)
}

/// The figures of the seed's table 表六/1, in order: township id, name, level, students, staff, land (亩).
let seedFigures: [(Int64, String, SchoolLevel, Int, Int, Double)] = [
    (2, "东雷庄学校", .primary, 6, 3, 15), (2, "交城县阳渠学校", .nineYear, 716, 68, 28.8),
    (2, "交城县奈林学校", .nineYear, 518, 49, 27.5), (2, "交城县西汾阳学校", .nineYear, 450, 54, 63.1),
    (2, "交城县杜家庄学校", .primary, 45, 14, 7.09), (6, "西社学校", .nineYear, 350, 44, 20),
    (6, "西社明德小学", .primary, 105, 15, 17), (4, "交城县西营学校", .nineYear, 1581, 58, 60),
    (4, "交城县石侯学校", .nineYear, 600, 35, 12.75), (4, "交城县大营学校", .nineYear, 413, 43, 20),
    (4, "交城县城头学校", .nineYear, 191, 30, 15), (4, "交城县寨子学校", .nineYear, 245, 29, 19.8),
    (5, "水峪贯镇初级中学", .junior, 125, 23, 15), (5, "水峪贯中心小学", .primary, 163, 21, 12),
    (8, "交城县成村学校", .nineYear, 652, 60, 40), (8, "交城县安定学校", .nineYear, 620, 50, 32.2),
    (8, "交城县洪相学校", .nineYear, 260, 26, 19), (8, "交城县广兴学校", .nineYear, 274, 29, 18),
    (12, "会立初级中学校", .nineYear, 180, 30, 12),
]

@Suite("The seed's table 表六/1 is read exactly, in every format a clerk saves it in")
struct SeedTableTests {
    @Test(
        "every encoding and layout gives the seed's 19 schools",
        arguments: [
            "seed_utf8_bom.csv", "seed_utf8.csv", "seed_gbk.csv", "seed_tab.tsv", "seed_english_headers.csv", "seed.xlsx",
        ])
    func seedTable(file: String) throws {
        let (rows, summary) = try readSchools(file)
        #expect(rows.count == 19)
        for (row, expected) in zip(rows, seedFigures) {
            #expect(row.townshipID.rawValue == expected.0, "\(row.name)")
            #expect(row.name == expected.1)
            #expect(row.level == expected.2)
            #expect(row.students == expected.3)
            #expect(row.staff == expected.4)
            #expect(row.landMu == expected.5, "\(row.name) land \(String(describing: row.landMu))")
        }
        #expect(summary.townshipsListedWithoutRows.map(\.name) == ["夏家营镇", "庞泉沟镇", "东坡底乡"])
        #expect(Set(summary.townshipsWithRows.map(\.name)) == ["天宁镇", "西营镇", "水峪贯镇", "西社镇", "洪相镇", "会立乡"])
    }

    @Test("bracketed notes are kept: 天宁镇（岭底⏎片区） and （会立）")
    func notes() throws {
        let (rows, _) = try readSchools("seed_utf8_bom.csv")
        #expect(rows[0].note == "岭底片区")
        #expect(rows[1].note == nil, "a new township cell ends the note")
        #expect(rows[18].note == "（会立）")
        #expect(rows[18].townshipID == 12)
    }

    @Test("GB18030 characters outside GBK are decoded")
    func gb18030() throws {
        let (rows, _) = try readSchools("seed_gb18030.csv")
        #expect(rows[6].name == "西社明德䶮小学")
    }

    @Test("a named XLSX sheet is read; the default is the first sheet")
    func namedSheet() throws {
        let (rows, _) = try readSchools("seed_second_sheet.xlsx", sheet: "学校")
        #expect(rows.count == 19)
        #expect(throws: UserError.self) { try readSchools("seed_second_sheet.xlsx") }
    }

    @Test("the format is described for the import log")
    func formats() throws {
        #expect(try TableSources.open(Fixture.url("seed_gbk.csv")).describeFormat() == "CSV GBK/GB18030 逗号/comma")
        #expect(try TableSources.open(Fixture.url("seed_utf8_bom.csv")).describeFormat() == "CSV UTF-8 (BOM) 逗号/comma")
        #expect(try TableSources.open(Fixture.url("seed_tab.tsv")).describeFormat() == "CSV UTF-8 TAB")
        #expect(try TableSources.open(Fixture.url("seed.xlsx")).describeFormat() == "XLSX 工作表/sheet「表六-1」")
    }
}

@Suite("Every bad input is refused with file, row, column and reason in Chinese and English")
struct BadSchoolTableTests {
    /// The single error of a rejected file.
    func rejection(_ file: String, sheet: String? = nil) throws -> [ImportIssue] {
        do {
            _ = try readSchools(file, sheet: sheet)
        } catch let rejected as UserError {
            return rejected.errors
        }
        Issue.record("\(file) was accepted")
        return []
    }

    @Test("UTF-16 is refused as a wrong encoding")
    func utf16() throws {
        let issue = try #require(try rejection("bad_utf16.csv").first)
        #expect(issue.file == "bad_utf16.csv")
        #expect(issue.message.zh.contains("UTF-16"))
        #expect(issue.description.contains("错误") && issue.description.contains("error"))
    }

    @Test("bytes valid in neither UTF-8 nor GBK are refused with their line")
    func invalidBytes() throws {
        let issue = try #require(try rejection("bad_bytes.csv").first)
        #expect(issue.row == 6, "text line 6: the quoted cell on record 2 spans two lines")
        #expect(issue.message.zh.contains("编码"))
        #expect(issue.message.en.contains("encoding"))
    }

    @Test("a UTF-8 file with GBK rows later on is refused")
    func mixedEncodings() throws {
        let issue = try #require(try rejection("bad_utf8_then_gbk.csv").first)
        #expect(issue.row == 6)
        #expect(issue.message.en.contains("UTF-8"))
    }

    @Test("a ragged row names its row and cell counts")
    func ragged() throws {
        let issue = try #require(try rejection("bad_ragged.csv").first)
        #expect(issue.row == 6)
        #expect(issue.message.zh == "此行有 5 列，表头有 6 列")
    }

    @Test("a missing required column is named")
    func missingColumn() throws {
        let issue = try #require(try rejection("bad_missing_column.csv").first)
        #expect(issue.message.zh == "缺少必需的列：教职人数")
        #expect(issue.message.en == "required column missing: staff")
    }

    @Test("non-numeric, negative and fractional counts name row, column and value")
    func numbers() throws {
        let nonNumeric = try #require(try rejection("bad_non_numeric.csv").first)
        #expect(nonNumeric.row == 4)
        #expect(nonNumeric.column == 4)
        #expect(nonNumeric.columnName == "在校人数")
        #expect(nonNumeric.message.zh == "「五百一十八」不是数字")
        #expect(
            nonNumeric.description
                == "错误 bad_non_numeric.csv 第 4 行 第 4 列（D「在校人数」）：「五百一十八」不是数字 | error file bad_non_numeric.csv row 4 column 4 (D \"在校人数\"): \"五百一十八\" is not a number"
        )
        let negative = try #require(try rejection("bad_negative.csv").first)
        #expect((negative.row, negative.column) == (6, 4))
        #expect(negative.message.en == "\"-45\" is negative")
        let fraction = try #require(try rejection("bad_fraction.csv").first)
        #expect((fraction.row, fraction.column) == (6, 5))
        #expect(fraction.message.zh == "「14.5」应为整数")
    }

    @Test("staff without students is refused")
    func staffWithoutStudents() throws {
        let issue = try #require(try rejection("bad_staff_without_students.csv").first)
        #expect((issue.row, issue.column) == (9, 4))
        #expect(issue.message.zh == "教职人数为 58，但在校人数为空")
    }

    @Test("a school listed twice in one township names both rows")
    func duplicate() throws {
        let issue = try #require(try rejection("bad_duplicate.csv").first)
        #expect(issue.row == 5)
        #expect(issue.message.zh == "学校「交城县阳渠学校」在天宁镇重复（首次出现在第 3 行）")
    }

    @Test("an unknown township lists the known ones")
    func unknownTownship() throws {
        let issue = try #require(try rejection("bad_unknown_township.csv").first)
        #expect((issue.row, issue.column) == (7, 1))
        #expect(issue.message.zh.hasPrefix("乡镇「西山」不在区划名录中"))
        #expect(issue.message.zh.contains("天宁镇"))
    }

    @Test("an unknown level lists the allowed ones")
    func unknownLevel() throws {
        let issue = try #require(try rejection("bad_unknown_level.csv").first)
        #expect(issue.message.zh == "规模「大学」无法识别（可用：幼儿园、小学、初中、小初一体、高中）")
    }

    @Test("empty and header-only files are refused")
    func empty() throws {
        #expect(try rejection("bad_empty.csv").first?.message.zh == "文件为空")
        #expect(try rejection("bad_header_only.csv").first?.message.zh == "表头之后没有数据行")
    }

    @Test("an unterminated quote, a legacy .xls and a broken XLSX are refused")
    func brokenFiles() throws {
        #expect(try rejection("bad_unterminated_quote.csv").first?.row == 4)
        #expect(try rejection("bad_legacy.xls").first?.message.en.contains(".xlsx") == true)
        #expect(try rejection("bad_not_a_workbook.xlsx").first?.message.zh == "文件不是有效的 XLSX 工作簿")
        let sheet = try #require(try rejection("seed.xlsx", sheet: "2099").first)
        #expect(sheet.message.zh == "工作簿中没有名为「2099」的工作表（现有：表六-1、说明）")
    }

    @Test("a negative count in XLSX names its spreadsheet row and column")
    func xlsxNegative() throws {
        let issue = try #require(try rejection("bad_negative.xlsx").first)
        #expect((issue.row, issue.column) == (6, 4))
    }

    @Test("at most 200 errors are listed, the rest counted")
    func manyErrors() throws {
        let errors = try rejection("bad_many_errors.csv")
        #expect(errors.count == 201)
        #expect(errors.last?.message.zh == "另有 400 处问题未列出")
    }
}
