public import Domain
import Foundation

/// Write access inside one transaction (see `RegisterStore.write`).
public struct RegisterWriter {
    let db: any SQLConnection

    /// Reads within the same transaction.
    public var reader: RegisterReader { RegisterReader(db: db, memo: nil) }

    /// Runs `body` so that a refusal by the database undoes only what `body` did and the
    /// transaction goes on (an import that collects every row's problem before giving up). On
    /// PostgreSQL a failed statement would abort the whole transaction, so `body` runs in a
    /// savepoint there; SQLite undoes just the failed statement by itself.
    public func tolerating<T>(_ body: () throws -> T) throws -> T {
        guard db.dialect == .postgres else { return try body() }
        try db.execute("SAVEPOINT tolerated", [])
        do {
            let result = try body()
            try db.execute("RELEASE SAVEPOINT tolerated", [])
            return result
        } catch {
            try db.execute("ROLLBACK TO SAVEPOINT tolerated", [])
            try db.execute("RELEASE SAVEPOINT tolerated", [])
            throw error
        }
    }

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
        try db.execute("UPDATE divisions SET boundary_geojson = ? WHERE id = ?", geoJSON, divisionID.rawValue)
    }

    /// Inserts a school and returns its id.
    @discardableResult
    public func insert(_ school: School) throws -> School.ID {
        School.ID(try insert(into: "schools", RowMapping.schoolArguments(school)))
    }

    /// Inserts schools in one statement per `batchSize` (an import's rows: one round trip for many
    /// rows on PostgreSQL, one prepared statement on SQLite).
    public func insert(_ schools: [School], batchSize: Int = 500) throws {
        guard let first = schools.first else { return }
        let columns = RowMapping.schoolArguments(first).keys.sorted()
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < schools.count {
            let batch = schools[start..<min(start + batchSize, schools.count)]
            var arguments: [SQLValue] = []
            arguments.reserveCapacity(batch.count * columns.count)
            for school in batch {
                let values = RowMapping.schoolArguments(school)
                for column in columns { arguments.append(values[column]?.sqlValue ?? .null) }
            }
            try db.execute(
                "INSERT INTO schools (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: row, count: batch.count).joined(separator: ", "), arguments)
            start += batchSize
        }
    }

    /// Replaces every field of a stored school.
    public func update(_ school: Stored<School>) throws {
        try update("schools", id: school.id.rawValue, RowMapping.schoolArguments(school.value))
    }

    /// The school of a township with this name, if stored.
    public func school(townshipID: Division.ID, name: String) throws -> Stored<School>? {
        try db.row("SELECT * FROM schools WHERE township_id = ? AND name = ?", townshipID.rawValue, name).map(RowMapping.school)
    }

    /// Inserts or replaces a norm (matched by key).
    public func save(_ norm: Norm) throws {
        try db.execute(
            """
            INSERT INTO norms (key, value, unit, name_zh, name_en, source, verification, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, unit = excluded.unit, name_zh = excluded.name_zh,
                name_en = excluded.name_en, source = excluded.source, verification = excluded.verification,
                note = excluded.note
            """,
            norm.key, norm.value, norm.unit, norm.nameZh, norm.nameEn, norm.source, norm.verification.rawValue, norm.note)
    }

    /// Records whether a township reported a topic.
    public func save(_ report: TownshipReport) throws {
        try db.execute(
            """
            INSERT INTO township_reports (township_id, topic, status, source) VALUES (?, ?, ?, ?)
            ON CONFLICT(township_id, topic) DO UPDATE SET status = excluded.status, source = excluded.source
            """,
            report.townshipID.rawValue, report.topic, report.status.rawValue, report.source)
    }

    /// Opens an import-log entry and tags every following change in this transaction with it.
    public func beginImport(kind: String, fileName: String, format: String?, actor: String) throws -> Int64 {
        let id = try db.insertReturningID(
            "INSERT INTO import_log (started_at, kind, file_name, format, actor) VALUES (?, ?, ?, ?, ?)", SQLTimestamp.now(), kind,
            fileName, format, actor)
        try db.execute("UPDATE audit_context SET import_id = ? WHERE id = 1", id)
        return id
    }

    /// Closes an import-log entry with its counts.
    public func finishImport(_ id: Int64, rowsRead: Int, inserted: Int, updated: Int, note: String?) throws {
        try db.execute(
            "UPDATE import_log SET finished_at = ?, rows_read = ?, rows_inserted = ?, rows_updated = ?, note = ? WHERE id = ?",
            SQLTimestamp.now(), rowsRead, inserted, updated, note, id)
        try db.execute("UPDATE audit_context SET import_id = NULL WHERE id = 1")
    }

    /// Sets a metadata value.
    public func setMetadata(_ key: String, _ value: String) throws {
        try db.execute("INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
    }

    private func insert(into table: String, _ values: [String: any SQLBindable]) throws -> Int64 {
        let pairs = values.sorted { $0.key < $1.key }
        let placeholders = Array(repeating: "?", count: pairs.count).joined(separator: ", ")
        return try db.insertReturningID(
            "INSERT INTO \(table) (\(pairs.map(\.key).joined(separator: ", "))) VALUES (\(placeholders))", pairs.map(\.value.sqlValue))
    }

    private func update(_ table: String, id: Int64, _ values: [String: any SQLBindable]) throws {
        let pairs = values.sorted { $0.key < $1.key }
        let assignments = pairs.map { "\($0.key) = ?" }.joined(separator: ", ")
        let changed = try db.execute("UPDATE \(table) SET \(assignments) WHERE id = ?", pairs.map(\.value.sqlValue) + [.integer(id)])
        if changed == 0 { throw StoreError.notFound("\(table) \(id)") }
    }
}
