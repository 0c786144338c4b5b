import Domain
import GRDB

/// Migration "2026-12-07 plan layers": plan layers (多规合一), their features, and the conflict
/// rules between kinds of layer.
///
/// A layer's record is audited (who imported which file, when, in which system); its features
/// are not — a layer of 100,000 parcels would copy every geometry into the audit log — they come
/// and go with their layer (`ON DELETE CASCADE`), and a layer is replaced whole. Geometries are
/// 2D well-known binary in the county's working system (`working_crs`, a 3° Gauss–Krüger zone
/// in metres), with their bounding box beside them; on SQLite an R*Tree indexes the boxes, kept
/// by triggers. Conflict rules are audited and editable; the default rules are rows like any.
enum LayerSchema {
    static let migration = "2026-12-07 plan layers"
    static let kinds = LayerKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let relations = ConflictRelation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let severities = ConflictSeverity.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "layers", key: { "\($0).id" },
            columns: [
                "id", "name", "kind", "source_file", "source_format", "source_crs", "working_crs", "encoding", "feature_count",
                "area_m2", "label_field", "class_field", "repaired_count", "illustrative", "imported_at", "import_id",
            ]),
        AuditedTable(
            name: "conflict_rules", key: { "\($0).id" },
            columns: ["id", "relation", "kind_a", "classes_a", "kind_b", "min_area_m2", "severity", "enabled"]),
    ]

    /// The tables in either dialect: the type names are the dialect's words.
    static func tables(key: String, int: String, text: String, real: String, blob: String, json: (String) -> String) -> String {
        """
        CREATE TABLE layers (
            id \(key),
            name \(text) NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            kind \(text) NOT NULL CHECK (kind IN (\(kinds))),
            source_file \(text) NOT NULL,
            source_format \(text) NOT NULL,
            source_crs \(int) NOT NULL CHECK (source_crs > 0),
            working_crs \(int) NOT NULL CHECK (working_crs > 0),
            encoding \(text),
            feature_count \(int) NOT NULL CHECK (feature_count >= 0),
            area_m2 \(real) NOT NULL CHECK (area_m2 >= 0),
            label_field \(text),
            class_field \(text),
            fields_json \(text) NOT NULL CHECK (\(json("fields_json"))),
            repaired_count \(int) NOT NULL DEFAULT 0 CHECK (repaired_count >= 0),
            illustrative \(int) NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
            imported_at \(text) NOT NULL,
            import_id \(int) REFERENCES import_log(id)
        );
        CREATE TABLE layer_features (
            id \(key),
            layer_id \(int) NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            number \(int) NOT NULL CHECK (number >= 1),
            label \(text),
            land_class \(text),
            attributes_json \(text) NOT NULL CHECK (\(json("attributes_json"))),
            geometry \(blob) NOT NULL,
            area_m2 \(real) NOT NULL CHECK (area_m2 >= 0),
            min_x \(real) NOT NULL,
            min_y \(real) NOT NULL,
            max_x \(real) NOT NULL,
            max_y \(real) NOT NULL,
            repaired \(int) NOT NULL DEFAULT 0 CHECK (repaired IN (0, 1)),
            CHECK (min_x <= max_x AND min_y <= max_y),
            UNIQUE (layer_id, number)
        );
        CREATE TABLE conflict_rules (
            id \(key),
            relation \(text) NOT NULL CHECK (relation IN (\(relations))),
            kind_a \(text) NOT NULL CHECK (kind_a IN (\(kinds))),
            classes_a \(text) NOT NULL DEFAULT '',
            kind_b \(text) NOT NULL CHECK (kind_b IN (\(kinds))),
            min_area_m2 \(real) NOT NULL DEFAULT 1 CHECK (min_area_m2 >= 0),
            severity \(text) NOT NULL CHECK (severity IN (\(severities))),
            enabled \(int) NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            CHECK (kind_a <> kind_b),
            UNIQUE (relation, kind_a, classes_a, kind_b)
        );
        \(defaultRules())
        """
    }

    static func defaultRules() -> String {
        ConflictRule.defaults.map { rule in
            """
            INSERT INTO conflict_rules (relation, kind_a, classes_a, kind_b, min_area_m2, severity, enabled)
                VALUES ('\(rule.relation.rawValue)', '\(rule.a.rawValue)', '\(rule.classes.joined(separator: ","))', '\(rule.b.rawValue)', \(rule.minimumArea), '\(rule.severity.rawValue)', 1);
            """
        }.joined(separator: "\n")
    }

    static func create(_ db: Database) throws {
        try db.execute(
            sql: tables(key: "INTEGER PRIMARY KEY", int: "INTEGER", text: "TEXT", real: "REAL", blob: "BLOB", json: { "json_valid(\($0))" })
        )
        try db.execute(
            sql: """
                CREATE INDEX layer_features_layer ON layer_features(layer_id);
                CREATE VIRTUAL TABLE layer_feature_boxes USING rtree(id, min_x, max_x, min_y, max_y);
                CREATE TRIGGER layer_feature_boxes_insert AFTER INSERT ON layer_features BEGIN
                    INSERT INTO layer_feature_boxes (id, min_x, max_x, min_y, max_y)
                    VALUES (NEW.id, NEW.min_x, NEW.max_x, NEW.min_y, NEW.max_y);
                END;
                CREATE TRIGGER layer_feature_boxes_delete AFTER DELETE ON layer_features BEGIN
                    DELETE FROM layer_feature_boxes WHERE id = OLD.id;
                END;
                """)
        for table in audited { try db.execute(sql: table.triggerSQL()) }
    }

    /// The same on PostgreSQL: boxes in plain columns under a B-tree (PostGIS is not required).
    static func postgres() -> String {
        tables(
            key: PostgresSchema.key, int: "BIGINT", text: PostgresSchema.text, real: "DOUBLE PRECISION", blob: "BYTEA",
            json: { "\($0)::jsonb IS NOT NULL" })
                + """

                CREATE INDEX layer_features_layer ON layer_features(layer_id);
                CREATE INDEX layer_features_box ON layer_features(min_x, max_x);

                """
            + audited.map(PostgresSchema.auditSQL).joined(separator: "\n")
    }
}
