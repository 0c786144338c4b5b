import Domain
import GRDB

/// Migration "2026-12-09 roads": the road network (one, replaced whole by each import; its lines
/// come and go with it, unaudited like a layer's features) and the speed of each road class
/// (audited and editable; the defaults are rows like any).
enum RoadSchema {
    static let migration = "2026-12-09 roads"
    static let classes = RoadClassKey.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let directions = RoadDirection.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "road_networks", key: { "\($0).id" },
            columns: [
                "id", "source_file", "source_format", "source_crs", "working_crs", "feature_count", "length_m", "tolerance_m",
                "illustrative", "imported_at", "import_id",
            ]),
        AuditedTable(name: "road_classes", key: { "\($0).key" }, columns: ["key", "kmh", "excluded", "source"]),
    ]

    static func tables(key: String, int: String, text: String, real: String, blob: String) -> String {
        """
        CREATE TABLE road_networks (
            id \(key),
            source_file \(text) NOT NULL,
            source_format \(text) NOT NULL,
            source_crs \(int) NOT NULL CHECK (source_crs > 0),
            working_crs \(int) NOT NULL CHECK (working_crs > 0),
            feature_count \(int) NOT NULL CHECK (feature_count >= 0),
            length_m \(real) NOT NULL CHECK (length_m >= 0),
            tolerance_m \(real) NOT NULL CHECK (tolerance_m >= 0),
            illustrative \(int) NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
            imported_at \(text) NOT NULL,
            import_id \(int) REFERENCES import_log(id)
        );
        CREATE TABLE road_features (
            id \(key),
            network_id \(int) NOT NULL REFERENCES road_networks(id) ON DELETE CASCADE,
            number \(int) NOT NULL CHECK (number >= 1),
            name \(text),
            road_class \(text) NOT NULL CHECK (road_class IN (\(classes))),
            direction \(text) NOT NULL CHECK (direction IN (\(directions))),
            length_m \(real) NOT NULL CHECK (length_m >= 0),
            geometry \(blob) NOT NULL,
            UNIQUE (network_id, number)
        );
        CREATE INDEX road_features_network ON road_features(network_id);
        CREATE TABLE road_classes (
            key \(text) PRIMARY KEY CHECK (key IN (\(classes))),
            kmh \(real) NOT NULL CHECK (kmh > 0 AND kmh <= 200),
            excluded \(int) NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
            source \(text) NOT NULL DEFAULT ''
        );
        """
            + RoadClass.defaults.map { c in
                "\nINSERT INTO road_classes (key, kmh, excluded, source) VALUES ('\(c.key.rawValue)', \(c.kilometresPerHour), \(c.excluded ? 1 : 0), '\(c.source)');"
            }.joined()
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: tables(key: "INTEGER PRIMARY KEY", int: "INTEGER", text: "TEXT", real: "REAL", blob: "BLOB"))
        for table in audited { try db.execute(sql: table.triggerSQL()) }
    }

    /// The same on PostgreSQL.
    static func postgres() -> String {
        tables(key: PostgresSchema.key, int: "BIGINT", text: PostgresSchema.text, real: "DOUBLE PRECISION", blob: "BYTEA") + "\n"
            + audited.map(PostgresSchema.auditSQL).joined(separator: "\n")
    }
}
