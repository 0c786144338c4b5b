public import Domain
import Foundation

/// Read access to the register inside one snapshot.
public struct RegisterReader {
    let db: any SQLConnection
    /// Derived values shared across reads of committed data; nil inside a write.
    let memo: DerivedMemo?

    /// Every division, historical ones included, ordered by tier then code.
    public func divisions() throws -> [Stored<Division>] {
        try db.rows(
            """
            SELECT \(RowMapping.divisionColumns.map { "d.\($0)" }.joined(separator: ", ")), p.code AS parent_code
            FROM divisions d LEFT JOIN divisions p ON p.id = d.parent_id
            ORDER BY CASE d.kind WHEN 'county' THEN 1 WHEN 'village' THEN 3 WHEN 'community' THEN 3 ELSE 2 END,
                d.code IS NULL, d.code, d.id
            """
        ).map(RowMapping.division)
    }

    /// The county's name, if the register has a county.
    public func countyName() throws -> String? {
        try db.value(String.self, "SELECT name FROM divisions WHERE kind = 'county' ORDER BY id LIMIT 1")
    }

    /// The division hierarchy as a lookup structure.
    /// Built once per data stamp outside writes (a prefecture's 20,000 villages take a while).
    public func register() throws -> DivisionRegister {
        guard let memo else { return DivisionRegister(try divisions()) }
        return try memo.value("register", stamp: try dataStamp()) { DivisionRegister(try divisions()) }
    }

    /// The audit log's last id that is not about accounts: moves with every change of data, and
    /// not when a user is added or a token issued (pages are per user anyway; a token for a script
    /// must not empty every cache).
    func dataStamp() throws -> Int64 {
        try db.value(Int64.self, "SELECT coalesce(max(id), 0) FROM audit_log WHERE table_name NOT IN (\(AccountSchema.auditedNames))")
            ?? 0
    }

    /// The county outline (or any division's boundary) as stored GeoJSON geometry text.
    public func boundaryGeoJSON(divisionID: Division.ID) throws -> String? {
        try db.value(String.self, "SELECT boundary_geojson FROM divisions WHERE id = ?", divisionID.rawValue)
    }

    /// Every school, by township then name.
    public func schools() throws -> [Stored<School>] {
        try db.rows("SELECT * FROM schools ORDER BY township_id, id").map(RowMapping.school)
    }

    /// One school by id.
    public func school(id: School.ID) throws -> Stored<School>? {
        try db.row("SELECT * FROM schools WHERE id = ?", id.rawValue).map(RowMapping.school)
    }

    /// Every norm, by key.
    public func norms() throws -> [Norm] {
        try db.rows("SELECT * FROM norms ORDER BY key").map(RowMapping.norm)
    }

    /// Reporting status per township for a topic (e.g. "schools").
    public func townshipReports(topic: String) throws -> [TownshipReport] {
        try db.rows("SELECT * FROM township_reports WHERE topic = ? ORDER BY township_id", topic)
            .map { row in
                TownshipReport(
                    townshipID: row.id("township_id"), topic: row["topic"],
                    status: ReportStatus(rawValue: row["status"]) ?? .notReported, source: row["source"])
            }
    }

    /// The import log, newest first.
    public func importLog(limit: Int = 100) throws -> [ImportLogEntry] {
        try db.rows("SELECT * FROM import_log ORDER BY id DESC LIMIT ?", limit).map { row in
            ImportLogEntry(
                id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], kind: row["kind"],
                fileName: row["file_name"], format: row["format"], rowsRead: row["rows_read"],
                rowsInserted: row["rows_inserted"], rowsUpdated: row["rows_updated"], actor: row["actor"], note: row["note"])
        }
    }

    /// The audit log, newest first; optionally only one table.
    public func auditLog(table: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        let filter = table == nil ? "" : "WHERE table_name = ?"
        let arguments: [SQLValue] = (table.map { [SQLValue.text($0)] } ?? []) + [.integer(Int64(limit))]
        return try db.rows("SELECT * FROM audit_log \(filter) ORDER BY id DESC LIMIT ?", arguments)
            .map { row in
                AuditEntry(
                    id: row["id"], changedAt: row["changed_at"], table: row["table_name"], rowKey: row["row_key"],
                    action: row["action"], before: row["before_json"], after: row["after_json"], actor: row["actor"],
                    importID: row["import_id"])
            }
    }

    /// Number of audit entries (all tables).
    public func auditCount() throws -> Int {
        try db.value(Int.self, "SELECT count(*) FROM audit_log") ?? 0
    }

    /// A metadata value (e.g. `dataset` = `demo`).
    public func metadata(_ key: String) throws -> String? {
        try db.value(String.self, "SELECT value FROM metadata WHERE key = ?", key)
    }
}

/// One committed import.
public struct ImportLogEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var kind: String
    public var fileName: String
    public var format: String?
    public var rowsRead: Int
    public var rowsInserted: Int
    public var rowsUpdated: Int
    public var actor: String
    public var note: String?
}

/// One recorded change: which row of which table, when, by whom, and its values before and after.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var changedAt: String
    public var table: String
    public var rowKey: String
    /// insert, update or delete.
    public var action: String
    /// The row as JSON before the change (nil for an insert).
    public var before: String?
    /// The row as JSON after the change (nil for a delete).
    public var after: String?
    public var actor: String
    public var importID: Int64?
}
