public import Foundation
import Localization
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The first (or a named) worksheet of an Office Open XML workbook (.xlsx), as Excel, WPS
/// and LibreOffice save it: shared strings, inline strings, numbers, booleans and merged
/// cells (whose value sits in the top-left cell only).
public struct XLSXTableSource: TableSource {
    public let url: URL
    /// The worksheet's name; nil means the first sheet.
    public let sheet: String?
    public var fileName: String { url.lastPathComponent }
    public var rowsHaveFixedWidth: Bool { false }

    public init(url: URL, sheet: String?) {
        self.url = url
        self.sheet = sheet
    }

    public func describeFormat() throws -> String {
        let workbook = try openWorkbook()
        return "XLSX 工作表/sheet「\(try workbook.chosenSheet(sheet).name)」"  // data
    }

    public func forEachRow(_ body: (TableRow) throws -> Void) throws {
        let workbook = try openWorkbook()
        let chosen = try workbook.chosenSheet(sheet)
        let xml = try workbook.entryData(chosen.path)
        let handler = SheetHandler(sharedStrings: try workbook.sharedStrings())
        try XMLEvents.parse(xml, fileName: fileName, delegate: handler)
        for row in handler.rows {
            try body(row)
        }
    }

    private func openWorkbook() throws -> Workbook {
        do {
            return try Workbook(archive: Archive(url: url, accessMode: .read), fileName: fileName)
        } catch let rejected as UserError {
            throw rejected
        } catch {
            throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.xlsxNotAWorkbook))])
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
    let sheets: [Sheet]

    init(archive: Archive, fileName: String) throws {
        self.archive = archive
        self.fileName = fileName
        let bookXML = try Self.data(archive, "xl/workbook.xml", fileName)
        let relsXML = try Self.data(archive, "xl/_rels/workbook.xml.rels", fileName)
        let book = AttributeCollector(element: "sheet")
        try XMLEvents.parse(bookXML, fileName: fileName, delegate: book)
        let rels = AttributeCollector(element: "Relationship")
        try XMLEvents.parse(relsXML, fileName: fileName, delegate: rels)
        var targets: [String: String] = [:]
        for rel in rels.found {
            if let id = rel["Id"], let target = rel["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        sheets = book.found.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"], let path = targets[id] else { return nil }
            return Sheet(name: name, path: path)
        }
        if sheets.isEmpty {
            throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.xlsxNoSheets))])
        }
    }

    func chosenSheet(_ name: String?) throws -> Sheet {
        guard let name else { return sheets[0] }
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        let names = sheets.map(\.name).joined(separator: "、")
        throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.xlsxSheetMissing, name, names))])
    }

    func entryData(_ path: String) throws -> Data { try Self.data(archive, path, fileName) }

    func sharedStrings() throws -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        let collector = SharedStringsHandler()
        try XMLEvents.parse(try entryData("xl/sharedStrings.xml"), fileName: fileName, delegate: collector)
        return collector.strings
    }

    static func data(_ archive: Archive, _ path: String, _ fileName: String) throws -> Data {
        guard let entry = archive[path] else {
            throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.xlsxPartMissing, path))])
        }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }
}

/// Runs Foundation's XMLParser and turns a parse failure into an import issue.
enum XMLEvents {
    static func parse(_ data: Data, fileName: String, delegate: any XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            throw UserError.rejected([
                ImportIssue(file: fileName, message: L10n.message(.xlsxBrokenXML, parser.lineNumber))
            ])
        }
    }
}

/// Collects the attributes of every element with a given name.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) {
        self.element = element
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == element || elementName.hasSuffix(":" + element) { found.append(attributes) }
    }
}

/// Reads `sharedStrings.xml`: each `<si>` is one string, possibly split into rich-text runs.
private final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Reads a worksheet's `<sheetData>` into rows, filling skipped cells with "".
private final class SheetHandler: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var rows: [TableRow] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0
    private var cellType = "n"
    private var value = ""
    private var inValue = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(ColumnLetters.column(ofCellReference:)) ?? cells.count + 1
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            inValue = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t":
            inValue = false
        case "c":
            while cells.count < cellColumn - 1 { cells.append("") }
            cells.append(cellText())
        case "row":
            rows.append(TableRow(number: rowNumber, cells: cells))
        default:
            break
        }
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
