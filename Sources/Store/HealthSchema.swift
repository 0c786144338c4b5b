import Domain
import GRDB

/// Migration "2026-12-09 health": the medical facilities (县级医院, 乡镇卫生院, 村卫生室) and the
/// 六统一 status of each 乡镇卫生院 item by item, both audited. A facility's number is never used
/// again after it is deleted (it is cited: 「卫生室 #12」).
enum HealthSchema {
    static let migration = "2026-12-09 health"
    static let kinds = HealthFacilityKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let items = UnificationItem.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let statuses = UnificationStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "health_facilities", key: { "\($0).id" },
            columns: [
                "id", "name", "kind", "division_id", "longitude", "latitude", "doctors", "village_doctors", "nurses", "beds", "alliance",
                "source", "note", "import_id",
            ]),
        AuditedTable(
            name: "health_unification", key: { "\($0).facility_id || '/' || \($0).item" },
            columns: ["facility_id", "item", "status", "evidence", "date"]),
    ]

    static func tables(lastingKey: String, int: String, text: String, real: String) -> String {
        """
        CREATE TABLE health_facilities (
            id \(lastingKey),
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            kind \(text) NOT NULL CHECK (kind IN (\(kinds))),
            division_id \(int) NOT NULL REFERENCES divisions(id),
            longitude \(real) CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
            latitude \(real) CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
            doctors \(int) CHECK (doctors IS NULL OR doctors >= 0),
            village_doctors \(int) CHECK (village_doctors IS NULL OR village_doctors >= 0),
            nurses \(int) CHECK (nurses IS NULL OR nurses >= 0),
            beds \(int) CHECK (beds IS NULL OR beds >= 0),
            alliance \(text),
            source \(text),
            note \(text),
            import_id \(int) REFERENCES import_log(id),
            CHECK ((longitude IS NULL) = (latitude IS NULL)),
            UNIQUE (division_id, name)
        );
        CREATE TABLE health_unification (
            facility_id \(int) NOT NULL REFERENCES health_facilities(id) ON DELETE CASCADE,
            item \(text) NOT NULL CHECK (item IN (\(items))),
            status \(text) NOT NULL CHECK (status IN (\(statuses))),
            evidence \(text),
            date \(text) CHECK (date IS NULL OR length(date) = 10),
            PRIMARY KEY (facility_id, item)
        );
        """
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: tables(lastingKey: "INTEGER PRIMARY KEY AUTOINCREMENT", int: "INTEGER", text: "TEXT", real: "REAL"))
        for table in audited { try db.execute(sql: table.triggerSQL()) }
    }

    /// The same on PostgreSQL.
    static func postgres() -> String {
        tables(lastingKey: PostgresSchema.key, int: "BIGINT", text: PostgresSchema.text, real: "DOUBLE PRECISION") + "\n"
            + audited.map(PostgresSchema.auditSQL).joined(separator: "\n")
    }
}
