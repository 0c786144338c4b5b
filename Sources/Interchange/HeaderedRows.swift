import Localization

/// The data rows of a table under its recognised headers: read into memory for short files
/// (divisions, observations, tasks), or streamed row by row (`stream`) for long ones (cost tables).
struct HeaderedRows<Column: Hashable & CaseIterable & Sendable> {
    /// One data row: its number and the trimmed text of each recognised column.
    struct Record {
        var row: Int
        var values: [Column: String]

        func callAsFunction(_ column: Column) -> String { values[column] ?? "" }
    }

    let file: String
    let columns: [Column: Int]
    let headers: [String]
    var records: [Record] = []
    /// Structural problems (ragged rows) found while reading.
    var issues: IssueList

    /// Reads the header (the first row naming every required column, within the first ten rows)
    /// and the data rows below it into memory; blank rows are skipped.
    init(_ source: any TableSource, matcher: HeaderMatcher<Column>, required: [Column], requiredNames: Localized) throws {
        var records: [Record] = []
        let header = try Self.stream(source, matcher: matcher, required: required, requiredNames: requiredNames) {
            records.append($1)
        }
        self = header
        self.records = records
    }

    private init(file: String, columns: [Column: Int], headers: [String], issues: IssueList) {
        self.file = file
        self.columns = columns
        self.headers = headers
        self.issues = issues
    }

    /// Reads the header, then hands each data row to `each` (with the header, to place issues)
    /// without keeping it — for tables of millions of rows (cost tables). Returns the header and
    /// the structural issues, no records.
    static func stream(
        _ source: any TableSource, matcher: HeaderMatcher<Column>, required: [Column], requiredNames: Localized,
        each: (HeaderedRows, Record) throws -> Void
    ) throws -> HeaderedRows {
        var found: [Column: Int]?
        var headers: [String] = []
        var header: HeaderedRows?
        var issues = IssueList(file: source.fileName)
        var seen = 0
        var recordCount = 0
        try source.forEachRow { row in
            seen += 1
            guard let columns = found else {
                let matched = matcher.match(row.cells)
                if required.allSatisfy({ matched[$0] != nil }) {
                    found = matched
                    headers = row.cells.map { $0.trimmedCell }
                    header = HeaderedRows(
                        file: source.fileName, columns: matched, headers: headers, issues: IssueList(file: source.fileName))
                } else if matched.count >= 2 || seen >= 10 {
                    throw UserError.rejected([
                        ImportIssue(
                            file: source.fileName, row: row.number,
                            message: L10n.message(.missingColumns, requiredNames.zh, requiredNames.en))
                    ])
                }
                return
            }
            guard !row.isBlank else { return }
            let tooLong = row.cells.count > headers.count && !row.cells[headers.count...].allSatisfy { $0.isEmpty }
            if tooLong || (source.rowsHaveFixedWidth && row.cells.count != headers.count) {
                issues.append(
                    ImportIssue(file: source.fileName, row: row.number, message: L10n.message(.raggedRow, row.cells.count, headers.count)))
                return
            }
            recordCount += 1
            if let header { try each(header, Record(row: row.number, values: columns.mapValues { row[$0].trimmedCell })) }
        }
        guard let columns = found else {
            let message = seen == 0 ? L10n.message(.fileEmpty) : L10n.message(.missingColumns, requiredNames.zh, requiredNames.en)
            throw UserError.rejected([ImportIssue(file: source.fileName, message: message)])
        }
        if recordCount == 0 && issues.isEmpty {
            issues.append(ImportIssue(file: source.fileName, message: L10n.message(.noDataRows)))
        }
        return HeaderedRows(file: source.fileName, columns: columns, headers: headers, issues: issues)
    }

    /// An issue located at a row and (when the file has it) a column.
    func issue(_ row: Int, _ column: Column?, _ message: Localized) -> ImportIssue {
        guard let column, let index = columns[column] else { return ImportIssue(file: file, row: row, message: message) }
        return ImportIssue(
            file: file, row: row, column: index + 1, columnName: index < headers.count ? headers[index] : nil, message: message)
    }
}
