public import Foundation
import Localization
import ZIPFoundation

/// The first (or a named) worksheet of an Office Open XML workbook (.xlsx), as Excel, WPS
/// and LibreOffice save it: shared strings, inline strings, numbers, booleans and merged
/// cells (whose value sits in the top-left cell only).
///
/// Every part is inflated under a cap checked twice — against the size the archive declares,
/// then while inflating — and read with libxml2's streaming reader (`XMLStream`): broken,
/// truncated or hostile XML, a corrupted archive, a cell reference beyond column XFD or more
/// rows than a spreadsheet holds are each refused with a reason, never read in part.
public struct XLSXTableSource: TableSource {
    public let url: URL
    /// The worksheet's name; nil means the first sheet.
    public let sheet: String?
    public var fileName: String { url.lastPathComponent }
    public var rowsHaveFixedWidth: Bool { false }

    /// The most rows a worksheet holds (Excel's and WPS's limit).
    public static let maximumRows = 1_048_576
    /// The largest inflated part read (the default is `XMLStream.maximumBytes`).
    public let maximumPartBytes: Int

    public init(url: URL, sheet: String?, maximumPartBytes: Int = XMLStream.maximumBytes) {
        self.url = url
        self.sheet = sheet
        self.maximumPartBytes = min(maximumPartBytes, XMLStream.maximumBytes)
    }

    public func describeFormat() throws -> String {
        let workbook = try openWorkbook()
        return "XLSX 工作表/sheet「\(try workbook.chosenSheet(sheet).name)」"  // data
    }

    public func forEachRow(_ body: (TableRow) throws -> Void) throws {
        let workbook = try openWorkbook()
        let chosen = try workbook.chosenSheet(sheet)
        let shared = try workbook.sharedStrings()
        var reader = SheetReader(sharedStrings: shared, fileName: fileName)
        try XMLStream.read(try workbook.entryData(chosen.path), fileName: fileName) { event in
            if let row = try reader.take(event) { try body(row) }
        }
    }

    private func openWorkbook() throws -> Workbook {
        do {
            return try Workbook(archive: Archive(url: url, accessMode: .read), fileName: fileName, limit: maximumPartBytes)
        } catch let rejected as UserError {
            throw rejected
        } catch {
            throw UserError.rejected(file: fileName, L10n.message(.xlsxNotAWorkbook))
        }
    }
}

/// The parts of a workbook needed to find and read a sheet.
private struct Workbook {
    struct Sheet {
        var name: String
        var path: String
    }

    let archive: Archive
    let fileName: String
    let limit: Int
    let sheets: [Sheet]

    init(archive: Archive, fileName: String, limit: Int) throws {
        self.archive = archive
        self.fileName = fileName
        self.limit = limit
        var book: [[String: String]] = []
        try XMLStream.read(try Self.data(archive, "xl/workbook.xml", fileName, limit), fileName: fileName) { event in
            if case .start("sheet", let attributes, _) = event { book.append(attributes) }
        }
        var targets: [String: String] = [:]
        try XMLStream.read(try Self.data(archive, "xl/_rels/workbook.xml.rels", fileName, limit), fileName: fileName) { event in
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        sheets = book.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"], let path = targets[id] else { return nil }
            return Sheet(name: name, path: path)
        }
        if sheets.isEmpty { throw UserError.rejected(file: fileName, L10n.message(.xlsxNoSheets)) }
    }

    func chosenSheet(_ name: String?) throws -> Sheet {
        guard let name else { return sheets[0] }
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        let names = sheets.map(\.name).joined(separator: "、")
        throw UserError.rejected(file: fileName, L10n.message(.xlsxSheetMissing, name, names))
    }

    func entryData(_ path: String) throws -> Data { try Self.data(archive, path, fileName, limit) }

    /// Every shared string, in order: each `<si>` is one, possibly split into rich-text runs;
    /// phonetic runs (`<rPh>`) are not part of the text.
    func sharedStrings() throws -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try XMLStream.read(try entryData("xl/sharedStrings.xml"), fileName: fileName) { event in
            switch event {
            case .start("si", _, _): current = ""
            case .start("t", _, _): inText = !inPhonetic
            case .start("rPh", _, _): inPhonetic = true
            case .text(let text) where inText: current += text
            case .end("si"): strings.append(current)
            case .end("t"): inText = false
            case .end("rPh"): inPhonetic = false
            default: break
            }
        }
        return strings
    }

    /// A part inflated under `XMLStream.maximumBytes`: the declared size is checked before
    /// inflating and the bytes while inflating (a declared size can lie); a damaged archive is a
    /// refused file, not a crash.
    static func data(_ archive: Archive, _ path: String, _ fileName: String, _ limit: Int) throws -> Data {
        guard let entry = archive[path] else { throw UserError.rejected(file: fileName, L10n.message(.xlsxPartMissing, path)) }
        let tooLarge = UserError.rejected(file: fileName, L10n.message(.xlsxPartTooLarge, max(1, limit >> 20)))
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw tooLarge }
                data.append(chunk)
            }
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError.rejected(file: fileName, L10n.message(.xlsxNotAWorkbook))
        }
        return data
    }
}

/// Turns a worksheet's `<sheetData>` events into rows, filling skipped cells with "".
private struct SheetReader {
    let sharedStrings: [String]
    let fileName: String
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0
    private var cellType = "n"
    private var value = ""
    private var inValue = false

    init(sharedStrings: [String], fileName: String) {
        self.sharedStrings = sharedStrings
        self.fileName = fileName
    }

    /// Takes one event; returns a row when one ends.
    mutating func take(_ event: XMLStream.Event) throws -> TableRow? {
        switch event {
        case .start("row", let attributes, _):
            if let text = attributes["r"] {
                guard let number = Int(text), (1...XLSXTableSource.maximumRows).contains(number) else {
                    throw UserError.rejected(file: fileName, L10n.message(.xlsxBadCell, text))
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            guard rowNumber <= XLSXTableSource.maximumRows else {
                throw UserError.rejected(file: fileName, L10n.message(.xlsxTooManyRows, XLSXTableSource.maximumRows))
            }
            cells = []
        case .start("c", let attributes, _):
            if let reference = attributes["r"] {
                guard let column = ColumnLetters.column(ofCellReference: reference) else {
                    throw UserError.rejected(file: fileName, L10n.message(.xlsxBadCell, reference))
                }
                cellColumn = column
            } else {
                cellColumn = cells.count + 1
            }
            guard cellColumn <= ColumnLetters.maximumColumn else {
                throw UserError.rejected(file: fileName, L10n.message(.xlsxBadCell, attributes["r"] ?? String(cellColumn)))
            }
            cellType = attributes["t"] ?? "n"
            value = ""
        case .start("v", _, _), .start("t", _, _):
            inValue = true
        case .text(let text) where inValue:
            value += text
        case .end("v"), .end("t"):
            inValue = false
        case .end("c"):
            while cells.count < cellColumn - 1 { cells.append("") }
            cells.append(cellText())
        case .end("row"):
            return TableRow(number: rowNumber, cells: cells)
        default:
            break
        }
        return nil
    }

    private func cellText() -> String {
        switch cellType {
        case "s":
            guard let index = Int(value), index >= 0, index < sharedStrings.count else { return "" }
            return sharedStrings[index]
        case "b":
            return value == "1" ? "TRUE" : "FALSE"
        case "n":
            return NumberText.shortest(value)
        default:
            return value
        }
    }
}

/// Writes numbers as a person would type them: 7.0899999999999999 → 7.09, 6.0 → 6.
enum NumberText {
    static func shortest(_ raw: String) -> String {
        guard let number = Double(raw), number.isFinite else { return raw }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let rounded = (number * 1e10).rounded() / 1e10
        return "\(rounded)"
    }
}
