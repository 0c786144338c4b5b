import Localization

/// The data rows of a small table read into memory under its recognised headers, for readers
/// whose files are short (divisions, observations, tasks). The school reader streams instead.
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
    /// and the data rows below it; blank rows are skipped.
    init(_ source: any TableSource, matcher: HeaderMatcher<Column>, required: [Column], requiredNames: Localized) throws {
        var found: [Column: Int]?
        var headers: [String] = []
        var records: [Record] = []
        var issues = IssueList(file: source.fileName)
        var seen = 0
        try source.forEachRow { row in
            seen += 1
            guard let columns = found else {
                let matched = matcher.match(row.cells)
                if required.allSatisfy({ matched[$0] != nil }) {
                    found = matched
                    headers = row.cells.map { $0.trimmedCell }
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
            records.append(Record(row: row.number, values: columns.mapValues { row[$0].trimmedCell }))
        }
        guard let columns = found else {
            let message = seen == 0 ? L10n.message(.fileEmpty) : L10n.message(.missingColumns, requiredNames.zh, requiredNames.en)
            throw UserError.rejected([ImportIssue(file: source.fileName, message: message)])
        }
        if records.isEmpty && issues.isEmpty {
            issues.append(ImportIssue(file: source.fileName, message: L10n.message(.noDataRows)))
        }
        self.file = source.fileName
        self.columns = columns
        self.headers = headers
        self.records = records
        self.issues = issues
    }

    /// An issue located at a row and (when the file has it) a column.
    func issue(_ row: Int, _ column: Column?, _ message: Localized) -> ImportIssue {
        guard let column, let index = columns[column] else { return ImportIssue(file: file, row: row, message: message) }
        return ImportIssue(
            file: file, row: row, column: index + 1, columnName: index < headers.count ? headers[index] : nil, message: message)
    }
}
