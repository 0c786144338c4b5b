import Foundation
import Interchange
import Localization
import Testing
import ZIPFoundation

/// Writes a minimal workbook whose first sheet's XML is `sheet` (bytes, so they may be broken).
func workbook(sheet: Data, sharedStrings: String? = nil, name: String = "hostile.xlsx") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    let archive = try Archive(url: url, accessMode: .create)
    func add(_ path: String, _ data: Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    try add(
        "xl/workbook.xml",
        Data(#"<workbook xmlns:r="r"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8))
    try add(
        "xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)
    )
    try add("xl/worksheets/sheet1.xml", sheet)
    if let sharedStrings { try add("xl/sharedStrings.xml", Data(sharedStrings.utf8)) }
    return url
}

/// A sheet of inline-string rows.
func sheetXML(_ rows: [[String]]) -> String {
    let body = rows.enumerated().map { r, cells in
        "<row r=\"\(r + 1)\">"
            + cells.enumerated().map { c, text in
                "<c r=\"\(ColumnLetters.letters(for: c + 1))\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
    }.joined()
    return "<worksheet><sheetData>\(body)</sheetData></worksheet>"
}

/// Reads every row of a workbook's first sheet.
func rows(_ url: URL, limit: Int = XMLStream.maximumBytes) throws -> [[String]] {
    var all: [[String]] = []
    try XLSXTableSource(url: url, sheet: nil, maximumPartBytes: limit).forEachRow { all.append($0.cells) }
    return all
}

/// The refusal of a file, or nil if it was read.
func refusal(_ url: URL, limit: Int = XMLStream.maximumBytes) -> UserError? {
    do {
        _ = try rows(url, limit: limit)
        return nil
    } catch let error as UserError {
        return error
    } catch {
        Issue.record("not a UserError: \(error)")
        return nil
    }
}

@Suite("Hostile workbooks are refused with a reason, never read in part, never a trap")
struct HostileXLSXTests {
    let good = sheetXML([["乡镇", "学校名称"], ["天宁", "甲校"], ["西营", "乙校"]])

    @Test("a well-formed sheet reads, entities and character references included")
    func wellFormed() throws {
        let url = try workbook(sheet: Data(sheetXML([["A &amp; B", "&#x4E2D;&lt;x&gt;"]]).utf8))
        #expect(try rows(url) == [["A & B", "中<x>"]])
    }

    @Test("a cell reference with many letters is refused (it overflowed and then allocated 3×10⁸ cells)")
    func manyLetters() throws {
        for reference in ["AAAAAAAAAAAAAAAAAAAAAA3", "AAAAAAA3", "XFE1"] {
            let url = try workbook(
                sheet: Data("<worksheet><sheetData><row r=\"3\"><c r=\"\(reference)\"><v>1</v></c></row></sheetData></worksheet>".utf8))
            #expect(refusal(url)?.issues.first?.message.zh == "单元格引用「\(reference)」无效", "\(reference)")
        }
        let edge = try workbook(
            sheet: Data("<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row></sheetData></worksheet>".utf8))
        #expect(try rows(edge).first?.count == 16_384)
    }

    @Test("an element name with invalid UTF-8 is broken XML (it trapped inside FoundationXML)")
    func invalidUTF8() throws {
        var bytes = Data(good.utf8)
        bytes.replaceSubrange(bytes.range(of: Data("<c ".utf8))!, with: [0x3C, 0xE5, 0xA4, 0x63, 0x20])
        let error = try #require(refusal(try workbook(sheet: bytes)))
        #expect(error.kind == .rejected)
        #expect(error.issues.first?.message.zh.hasPrefix("XLSX 内部 XML 损坏") == true)
    }

    @Test("a truncated sheet is refused, not read up to the cut", arguments: [0.5, 0.75, 0.93])
    func truncated(fraction: Double) throws {
        let bytes = Data(good.utf8)
        let cut = bytes.prefix(Int(Double(bytes.count) * fraction))
        #expect(refusal(try workbook(sheet: cut))?.kind == .rejected, "cut at \(cut.count) of \(bytes.count)")
        let atRowBoundary = bytes.prefix(upTo: bytes.range(of: Data("<row r=\"3\"".utf8))!.lowerBound)
        #expect(refusal(try workbook(sheet: atRowBoundary))?.kind == .rejected)
    }

    @Test("a DTD or an entity to expand is refused (no billion laughs, no external entities)")
    func entities() throws {
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"#
        #expect(refusal(try workbook(sheet: Data(laughs.utf8)))?.kind == .rejected)
    }

    @Test("a part larger than the cap is refused before and while inflating (a zip bomb)")
    func zipBomb() throws {
        let padding = String(repeating: "<row/>", count: 400_000)  // 2.4 MB that deflates to a few KB
        let bomb = try workbook(sheet: Data("<worksheet><sheetData>\(padding)</sheetData></worksheet>".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? 0 < 100_000)
        let error = try #require(refusal(bomb, limit: 1 << 20))
        #expect(error.issues.first?.message.zh.contains("解压后超过 1 MB") == true)
        #expect(try rows(bomb, limit: 4 << 20).count == 400_000, "under the cap it reads")
    }

    @Test("a corrupted archive is a refused workbook, not a crash or exit 1")
    func corruptedArchive() throws {
        let url = try workbook(sheet: Data(good.utf8))
        var bytes = try Data(contentsOf: url)
        for i in stride(from: 40, to: min(bytes.count, 400), by: 7) { bytes[i] ^= 0x5A }
        try bytes.write(to: url)
        let error = try #require(refusal(url))
        #expect(error.kind == .rejected)
    }

    @Test("a row number beyond a spreadsheet's rows is refused")
    func tooManyRows() throws {
        let url = try workbook(sheet: Data("<worksheet><sheetData><row r=\"2000000\"><c><v>1</v></c></row></sheetData></worksheet>".utf8))
        #expect(refusal(url)?.kind == .rejected)
    }
}
