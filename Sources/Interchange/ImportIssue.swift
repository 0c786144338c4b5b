public import Localization

/// One problem found in an input file, located as precisely as the format allows.
public struct ImportIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Whether the issue blocks the import.
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    /// The file's name as the user gave it (last path component).
    public var file: String
    /// 1-based row as a spreadsheet shows it (the header is row 1); nil for whole-file issues.
    public var row: Int?
    /// 1-based column; nil when the issue concerns the whole row or file.
    public var column: Int?
    /// The column's header as written in the file.
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
        var zh = file
        var en = "file \(file)"
        if let row {
            zh += " 第 \(row) 行"
            en += " row \(row)"
        }
        if let column {
            let letter = ColumnLetters.letters(for: column)
            let header = columnName.map { "「\($0)」" } ?? ""
            zh += " 第 \(column) 列（\(letter)\(header)）"
            en += " column \(column) (\(letter)\(columnName.map { " \"\($0)\"" } ?? ""))"
        }
        return Localized(zh: zh, en: en)
    }

    /// The full line printed for a clerk: location and reason in Chinese, then English.
    public var description: String {
        let tagZh = severity == .error ? "错误" : "警告"
        let tagEn = severity == .error ? "error" : "warning"
        return "\(tagZh) \(location.zh)：\(message.zh) | \(tagEn) \(location.en): \(message.en)"
    }
}

/// The import was refused; nothing was written. Holds every issue found (errors and warnings).
public struct ImportRejected: Error, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]

    public init(issues: [ImportIssue]) {
        self.issues = issues
    }

    /// Only the blocking issues.
    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
public enum ColumnLetters {
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

    /// The 1-based column number of a cell reference such as "AB12"; nil when it has no letters.
    public static func column(ofCellReference reference: String) -> Int? {
        var n = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
        }
        return n == 0 ? nil : n
    }
}
