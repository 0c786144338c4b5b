/// One problem found in an input file (or a form, or an API body), located as precisely as the
/// format allows.
public struct ImportIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Whether the issue blocks the import.
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    /// The file's name as the user gave it (last path component), or "—" for a form or request.
    public var file: String
    /// 1-based row as a spreadsheet shows it (the header is row 1); nil for whole-file issues.
    public var row: Int?
    /// 1-based column; nil when the issue concerns the whole row or file.
    public var column: Int?
    /// The column's header as written in the file (or the field's name).
    public var columnName: String?
    public var message: Localized
    public var severity: Severity

    public init(
        file: String, row: Int? = nil, column: Int? = nil, columnName: String? = nil, message: Localized,
        severity: Severity = .error
    ) {
        self.file = file
        self.row = row
        self.column = column
        self.columnName = columnName
        self.message = message
        self.severity = severity
    }

    /// The location in both languages, e.g. "schools.csv 第 5 行 第 4 列（D「在校人数」）".
    public var location: Localized {
        var parts = [L10n.message(.issueFile, file)]
        if let row { parts.append(L10n.message(.issueRow, row)) }
        if let column {
            let letter = ColumnLetters.letters(for: column)
            parts.append(
                columnName.map { L10n.message(.issueColumnNamed, column, letter, $0) } ?? L10n.message(.issueColumn, column, letter))
        }
        return Localized(zh: parts.map(\.zh).joined(separator: " "), en: parts.map(\.en).joined(separator: " "))
    }

    /// The full line printed for a clerk: location and reason in Chinese, then English.
    public var description: String {
        let tag = L10n.message(severity == .error ? .uiError : .uiWarning)
        return L10n.message(.issueLine, zh: [tag.zh, location.zh, message.zh], en: [tag.en, location.en, message.en]).bilingual
    }
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
public enum ColumnLetters {
    /// The most columns a worksheet can have (XFD in Excel and WPS).
    public static let maximumColumn = 16_384

    /// The letters of a 1-based column number.
    public static func letters(for column: Int) -> String {
        var n = column
        var result = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            n = (n - 1) / 26
        }
        return result
    }

    /// The 1-based column number of a cell reference such as "AB12"; nil when it has no letters
    /// or names a column beyond `maximumColumn` (at most three letters, as in every spreadsheet).
    public static func column(ofCellReference reference: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
        }
        return n == 0 || n > maximumColumn ? nil : n
    }
}

/// A column of an import table as the format guide shows it.
public struct ImportColumn: Sendable {
    /// The header names it is found under, the template's first.
    public var names: [String]
    /// Whether a file without it is refused.
    public var required: Bool

    public init(names: [String], required: Bool) {
        self.names = names
        self.required = required
    }
}
