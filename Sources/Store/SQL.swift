import Foundation

/// A value bound to a statement or read from a row, the same on SQLite and PostgreSQL: the
/// register stores integers (booleans as 0 and 1), doubles, text, and bytes (geometries as
/// well-known binary), nothing else.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes([UInt8])
}

/// A Swift value that can be bound to a statement.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension [UInt8]: SQLBindable { var sqlValue: SQLValue { .bytes(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable { var sqlValue: SQLValue { self?.sqlValue ?? .null } }

/// A Swift value that can be read from a column.
protocol SQLReadable {
    /// The value, or nil when the column holds NULL or a value of another kind.
    init?(sqlValue: SQLValue)
}

extension Int64: SQLReadable {
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let v): self = v
        case .real(let v) where v.rounded() == v && abs(v) < 9e18: self = Int64(v)
        default: return nil
        }
    }
}

extension Int: SQLReadable {
    init?(sqlValue: SQLValue) {
        guard let v = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(v)
    }
}

extension Double: SQLReadable {
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let v): self = v
        case .integer(let v): self = Double(v)
        default: return nil
        }
    }
}

extension String: SQLReadable {
    init?(sqlValue: SQLValue) {
        guard case .text(let v) = sqlValue else { return nil }
        self = v
    }
}

extension [UInt8]: SQLReadable {
    init?(sqlValue: SQLValue) {
        guard case .bytes(let v) = sqlValue else { return nil }
        self = v
    }
}

extension Bool: SQLReadable {
    init?(sqlValue: SQLValue) {
        guard let v = Int64(sqlValue: sqlValue) else { return nil }
        self = v != 0
    }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    init?(sqlValue: SQLValue) {
        if case .null = sqlValue {
            self = .none
        } else {
            guard let value = Wrapped(sqlValue: sqlValue) else { return nil }
            self = .some(value)
        }
    }
}

/// The names of a result's columns, shared by its rows.
final class SQLColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        self.index = index
    }
}

/// One row of a result. Reading a column as a type it does not hold (NULL as a non-optional, text
/// as a number) is a broken schema rule, not a user's mistake, and stops the program with the
/// column named — as GRDB's rows did.
struct SQLRow {
    let columns: SQLColumns
    let values: [SQLValue]

    subscript<T: SQLReadable>(_ position: Int) -> T {
        guard let value = T(sqlValue: values[position]) else {
            preconditionFailure("column \(columns.names[position]) holds \(values[position]), not \(T.self)")
        }
        return value
    }

    subscript<T: SQLReadable>(_ name: String) -> T {
        guard let position = columns.index[name] else { preconditionFailure("no column \(name)") }
        return self[position]
    }
}

/// The two SQL dialects the register speaks.
enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// One connection inside one transaction (or one read snapshot). Statements use `?` placeholders
/// and SQL that both dialects read the same; the few differences are in the schema, which each
/// dialect has of its own.
protocol SQLConnection {
    var dialect: SQLDialect { get }
    /// Runs a statement; the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a query; every row.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs an INSERT into a table with an integer `id` key; the new row's id.
    func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64
}

extension SQLConnection {
    /// Runs a statement with Swift values as arguments; the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    /// Every row of a query with Swift values as arguments.
    func rows(_ sql: String, _ arguments: any SQLBindable...) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    /// The first row of a query, if any.
    func row(_ sql: String, _ arguments: any SQLBindable...) throws -> SQLRow? {
        try rows(sql, arguments.map(\.sqlValue)).first
    }

    /// The first column of the first row, if any (nil also for NULL).
    func value<T: SQLReadable>(_ type: T.Type, _ sql: String, _ arguments: any SQLBindable...) throws -> T? {
        guard let row = try rows(sql, arguments.map(\.sqlValue)).first, let value = row.values.first else { return nil }
        return T(sqlValue: value)
    }

    /// The first column of every row (rows holding NULL are left out).
    func values<T: SQLReadable>(_ type: T.Type, _ sql: String, _ arguments: any SQLBindable...) throws -> [T] {
        try rows(sql, arguments.map(\.sqlValue)).compactMap { $0.values.first.flatMap(T.init(sqlValue:)) }
    }

    /// Runs an INSERT with Swift values as arguments; the new row's id.
    func insertReturningID(_ sql: String, _ arguments: any SQLBindable...) throws -> Int64 {
        try insertReturningID(sql, arguments.map(\.sqlValue))
    }
}

/// A moment as the register writes it: UTC, ISO 8601 with milliseconds (as SQLite's
/// `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` wrote it before statements took the time from Swift).
enum SQLTimestamp {
    static func now() -> String {
        let seconds = Date().timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        var parts = tm()
        gmtime_r(&whole, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }
}
