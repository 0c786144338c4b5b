public import Domain
import Foundation
import GRDB

/// Write access inside one transaction (see `RegisterStore.write`).
public struct RegisterWriter {
    let db: Database

    /// Reads within the same transaction.
    public var reader: RegisterReader { RegisterReader(db: db, memo: nil) }

    /// Inserts a division and returns its id.
    @discardableResult
    public func insert(_ division: Division) throws -> Division.ID {
        Division.ID(try insert(into: "divisions", RowMapping.divisionArguments(division)))
    }

    /// Replaces every field of a stored division.
    public func update(_ division: Stored<Division>) throws {
        try update("divisions", id: division.id.rawValue, RowMapping.divisionArguments(division.value))
    }

    /// Stores a division's boundary as GeoJSON geometry text.
    public func setBoundary(divisionID: Division.ID, geoJSON: String?) throws {
        try db.execute(sql: "UPDATE divisions SET boundary_geojson = ? WHERE id = ?", arguments: [geoJSON, divisionID.rawValue])
    }

    /// Inserts a school and returns its id.
    @discardableResult
    public func insert(_ school: School) throws -> School.ID {
        School.ID(try insert(into: "schools", RowMapping.schoolArguments(school)))
    }

    /// Replaces every field of a stored school.
    public func update(_ school: Stored<School>) throws {
        try update("schools", id: school.id.rawValue, RowMapping.schoolArguments(school.value))
    }

    /// The school of a township with this name, if stored.
    public func school(townshipID: Division.ID, name: String) throws -> Stored<School>? {
        try Row.fetchOne(
            try db.cachedStatement(sql: "SELECT * FROM schools WHERE township_id = ? AND name = ?"),
            arguments: [townshipID.rawValue, name]
        ).map(RowMapping.school)
    }

    /// Inserts or replaces a norm (matched by key).
    public func save(_ norm: Norm) throws {
        try db.execute(
            sql: """
                INSERT INTO norms (key, value, unit, name_zh, name_en, source, verification, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, unit = excluded.unit, name_zh = excluded.name_zh,
                    name_en = excluded.name_en, source = excluded.source, verification = excluded.verification,
                    note = excluded.note
                """,
            arguments: [
                norm.key, norm.value, norm.unit, norm.nameZh, norm.nameEn, norm.source, norm.verification.rawValue,
                norm.note,
            ])
    }

    /// Records whether a township reported a topic.
    public func save(_ report: TownshipReport) throws {
        try db.execute(
            sql: """
                INSERT INTO township_reports (township_id, topic, status, source) VALUES (?, ?, ?, ?)
                ON CONFLICT(township_id, topic) DO UPDATE SET status = excluded.status, source = excluded.source
                """,
            arguments: [report.townshipID.rawValue, report.topic, report.status.rawValue, report.source])
    }

    /// Opens an import-log entry and tags every following change in this transaction with it.
    public func beginImport(kind: String, fileName: String, format: String?, actor: String) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO import_log (started_at, kind, file_name, format, actor)
                VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?)
                """,
            arguments: [kind, fileName, format, actor])
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE audit_context SET import_id = ? WHERE id = 1", arguments: [id])
        return id
    }

    /// Closes an import-log entry with its counts.
    public func finishImport(_ id: Int64, rowsRead: Int, inserted: Int, updated: Int, note: String?) throws {
        try db.execute(
            sql: """
                UPDATE import_log SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), rows_read = ?,
                    rows_inserted = ?, rows_updated = ?, note = ? WHERE id = ?
                """,
            arguments: [rowsRead, inserted, updated, note, id])
        try db.execute(sql: "UPDATE audit_context SET import_id = NULL WHERE id = 1")
    }

    /// Sets a metadata value.
    public func setMetadata(_ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    private func insert(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        let columns = values.keys.sorted()
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        // Cached: an import inserts thousands of rows, and preparing the statement (with its audit
        // trigger) costs far more than running it.
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        let arguments: [(any DatabaseValueConvertible)?] = columns.map { values[$0] ?? nil }
        try RegisterStore.translating { try statement.execute(arguments: StatementArguments(arguments)) }
        return db.lastInsertedRowID
    }

    private func update(_ table: String, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        let columns = values.keys.sorted()
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "UPDATE \(table) SET \(assignments) WHERE id = ?")
        let arguments: [(any DatabaseValueConvertible)?] = columns.map { values[$0] ?? nil } + [id]
        try RegisterStore.translating { try statement.execute(arguments: StatementArguments(arguments)) }
        if db.changesCount == 0 { throw StoreError.notFound("\(table) \(id)") }
    }
}
