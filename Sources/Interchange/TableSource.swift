public import Foundation
import Localization

/// One row of a table file: its number as a spreadsheet shows it and its cells as text.
public struct TableRow: Sendable, Equatable {
    /// 1-based row number; the header is row 1 in a CSV file.
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at a 0-based index, or "" when the row is shorter.
    public subscript(index: Int) -> String { index < cells.count ? cells[index] : "" }

    /// True when every cell is empty or white space.
    public var isBlank: Bool { cells.allSatisfy { $0.isEmpty || $0.trimmedCell.isEmpty } }
}

/// A table file that can be read row by row, as many times as needed (validation, then commit).
public protocol TableSource: Sendable {
    /// The file's name for messages.
    var fileName: String { get }
    /// Reads every row in order, the header first. Throws `ImportRejected` when the file
    /// itself cannot be read (encoding, broken quoting, not a spreadsheet).
    func forEachRow(_ body: (TableRow) throws -> Void) throws
    /// A short description of how the file was read (encoding, sheet), for the import log.
    func describeFormat() throws -> String
    /// True when every row must have as many cells as the header (CSV); spreadsheets omit
    /// trailing empty cells, so for them only extra non-empty cells are an error.
    var rowsHaveFixedWidth: Bool { get }
}

/// Opens CSV or XLSX by looking at the file's first bytes, not only its extension.
public enum TableSources {
    /// A source for the file; `sheet` picks an XLSX worksheet by name (default: the first).
    public static func open(_ url: URL, sheet: String? = nil) throws -> any TableSource {
        let name = url.lastPathComponent
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.fileUnreadable, url.path))])
        }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        if head.isEmpty {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.fileEmpty))])
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return XLSXTableSource(url: url, sheet: sheet)
        }
        if url.pathExtension.lowercased() == "xls" || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.fileLegacyXLS))])
        }
        if sheet != nil {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.sheetOnlyForXLSX))])
        }
        return CSVTableSource(url: url)
    }
}

/// A CSV or TSV file in UTF-8, UTF-8 with BOM, GBK or GB18030, read in 1 MiB chunks.
public struct CSVTableSource: TableSource {
    public let url: URL
    public var fileName: String { url.lastPathComponent }
    public var rowsHaveFixedWidth: Bool { true }
    /// Bytes read per chunk.
    public var chunkSize = 1 << 20

    public init(url: URL) {
        self.url = url
    }

    public func forEachRow(_ body: (TableRow) throws -> Void) throws {
        _ = try read(body)
    }

    public func describeFormat() throws -> String {
        let (encoding, delimiter) = try read { _ in }
        return "CSV \(encoding.rawValue) \(delimiter == 0x09 ? "TAB" : "逗号/comma")"  // data
    }

    private func read(_ body: (TableRow) throws -> Void) throws -> (SourceEncoding, UInt8) {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.fileUnreadable, url.path))])
        }
        defer { try? handle.close() }
        var decoder = StreamingTextDecoder()
        var parser = CSVParser()
        var sawAnyByte = false
        let emit: (CSVParser.Record) throws -> Void = { record in
            try body(TableRow(number: record.number, cells: record.cells))
        }
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            let isLast = chunk.count < chunkSize
            sawAnyByte = sawAnyByte || !chunk.isEmpty
            let text: [UInt8]
            do {
                text = try decoder.decode([UInt8](chunk), isLast: isLast)
            } catch {
                throw UserError.rejected([ImportIssue(file: fileName, row: error.line, message: error.message)])
            }
            try parser.feed(text, emit: emit)
            if isLast { break }
        }
        if !sawAnyByte {
            throw UserError.rejected([ImportIssue(file: fileName, message: L10n.message(.fileEmpty))])
        }
        if parser.isInsideQuotes {
            throw UserError.rejected([
                ImportIssue(file: fileName, row: parser.recordsSoFar + 1, message: L10n.message(.csvUnterminatedQuote))
            ])
        }
        try parser.finish(emit: emit)
        return (decoder.resolvedEncoding, parser.delimiter ?? UInt8(ascii: ","))
    }
}
