import Foundation
import Localization
import Testing

@testable import Interchange

@Suite("Streaming decoding and CSV parsing across chunk boundaries")
struct StreamingTests {
    /// Feeds bytes through the decoder and parser in chunks of `size`.
    func parse(_ bytes: [UInt8], chunk size: Int) throws -> [[String]] {
        var decoder = StreamingTextDecoder()
        var parser = CSVParser()
        var records: [[String]] = []
        var offset = 0
        repeat {
            let end = min(offset + size, bytes.count)
            let text = try decoder.decode(Array(bytes[offset..<end]), isLast: end == bytes.count)
            parser.feed(text) { records.append($0.cells) }
            offset = end
        } while offset < bytes.count
        parser.finish { records.append($0.cells) }
        return records
    }

    let expected = [["乡镇", "学校名称"], ["天宁镇（岭底\n片区）", "东雷庄学校"], ["天宁", "说\"好\",的"]]

    @Test("UTF-8 split inside characters at every chunk size", arguments: [1, 2, 3, 5, 7, 64])
    func utf8(size: Int) throws {
        let text = "乡镇,学校名称\r\n\"天宁镇（岭底\r\n片区）\",东雷庄学校\r\n天宁,\"说\"\"好\"\",的\"\r\n"
        #expect(try parse(Array(text.utf8), chunk: size) == expected)
    }

    @Test("GBK split inside double-byte characters at every chunk size", arguments: [1, 2, 3, 5, 7, 64])
    func gbk(size: Int) throws {
        let text = "乡镇,学校名称\n\"天宁镇（岭底\n片区）\",东雷庄学校\n天宁,\"说\"\"好\"\",的\"\n"
        #expect(try parse(GB18030Encoder.encode(text), chunk: size) == expected)
    }

    @Test("a file that is ASCII for a long while and GBK later is still read as GBK")
    func lateGBK() throws {
        let ascii = String(repeating: "a,b\n", count: 1000)
        var bytes = Array(ascii.utf8)
        bytes += [0xCC, 0xEC, 0xC4, 0xFE, 0x2C, 0x41, 0x0A]  // 天宁,A in GBK
        let records = try parse(bytes, chunk: 100)
        #expect(records.last == ["天宁", "A"])
    }

    @Test("tab is chosen when the header has more tabs than commas")
    func delimiter() {
        #expect(CSVParser.chooseDelimiter(Array("a\tb\tc,d".utf8)[...]) == 0x09)
        #expect(CSVParser.chooseDelimiter(Array("\"a\tb\",c".utf8)[...]) == UInt8(ascii: ","))
    }

    @Test("lone CR and CRLF both end records; a missing final newline still ends the last record")
    func lineEndings() throws {
        #expect(try parse(Array("a,b\rc,d\r\ne,f".utf8), chunk: 2) == [["a", "b"], ["c", "d"], ["e", "f"]])
    }

    @Test("column letters and references")
    func columnLetters() {
        #expect(ColumnLetters.letters(for: 1) == "A")
        #expect(ColumnLetters.letters(for: 27) == "AA")
        #expect(ColumnLetters.column(ofCellReference: "AB12") == 28)
    }

    @Test("spreadsheet numbers are written as a person would type them")
    func numbers() {
        #expect(NumberText.shortest("7.0899999999999999") == "7.09")
        #expect(NumberText.shortest("6") == "6")
        #expect(NumberText.shortest("12.75") == "12.75")
    }

    @Test("cells with units, full-width digits and thousands separators")
    func cellNumbers() throws {
        #expect(try CellNumber.count("1,581", maximum: 100_000).get() == 1581)
        #expect(try CellNumber.count("１５８１人", maximum: 100_000).get() == 1581)
        #expect(try CellNumber.quantity("15亩", units: ["亩"], maximum: 1000).get() == 15)
        #expect(try CellNumber.count("", maximum: 1).get() == nil)
        #expect(throws: CellNumber.Problem.self) { try CellNumber.count("5000000000000000000", maximum: 100_000).get() }
    }
}
