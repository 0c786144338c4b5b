import Domain
import GRDB

/// Migration "2026-12-09 pupils": pupils by the village they live in, stage and (where known)
/// grade, per year; audited. Grade 0 is the stage's total (a key column cannot be NULL in a
/// uniqueness rule both backends read alike).
enum PupilSchema {
    static let migration = "2026-12-09 pupils"

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "pupil_counts", key: { "\($0).id" },
            columns: ["id", "division_id", "year", "level", "grade", "pupils", "source", "import_id"])
    ]

    static func tables(key: String, int: String, text: String) -> String {
        """
        CREATE TABLE pupil_counts (
            id \(key),
            division_id \(int) NOT NULL REFERENCES divisions(id) ON DELETE CASCADE,
            year \(int) NOT NULL CHECK (year BETWEEN 1949 AND 2100),
            level \(text) NOT NULL CHECK (level IN ('kindergarten','primary','junior')),
            grade \(int) NOT NULL DEFAULT 0 CHECK ((level = 'primary' AND grade BETWEEN 0 AND 6)
                OR (level = 'junior' AND (grade = 0 OR grade BETWEEN 7 AND 9)) OR (level = 'kindergarten' AND grade = 0)),
            pupils \(int) NOT NULL CHECK (pupils >= 0),
            source \(text),
            import_id \(int) REFERENCES import_log(id),
            UNIQUE (division_id, year, level, grade)
        );
        """
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: tables(key: "INTEGER PRIMARY KEY", int: "INTEGER", text: "TEXT"))
        for table in audited { try db.execute(sql: table.triggerSQL()) }
    }

    /// The same on PostgreSQL.
    static func postgres() -> String {
        tables(key: PostgresSchema.key, int: "BIGINT", text: PostgresSchema.text) + "\n"
            + audited.map(PostgresSchema.auditSQL).joined(separator: "\n")
    }
}
