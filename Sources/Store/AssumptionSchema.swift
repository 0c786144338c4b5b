import GRDB

/// Migration "2026-12-02 positions and assumptions": a position may be published but only
/// approximate, a position may be stored without a stated quality, and targets, ratios and
/// deadlines say when they are the system's reading of the plan rather than the plan's words.
enum AssumptionSchema {
    static func migrate(_ db: Database) throws {
        try rebuildDivisions(db)
        try db.execute(
            sql: """
                ALTER TABLE indicator_targets ADD COLUMN year_assumed INTEGER NOT NULL DEFAULT 0 CHECK (year_assumed IN (0, 1));
                ALTER TABLE indicators ADD COLUMN denominator_assumed INTEGER NOT NULL DEFAULT 0
                    CHECK (denominator_assumed IN (0, 1));
                ALTER TABLE tasks ADD COLUMN deadline_assumed INTEGER NOT NULL DEFAULT 0 CHECK (deadline_assumed IN (0, 1));
                """)
        for table in AuditedTable.assumptions {
            for action in ["insert", "update", "delete"] {
                try db.execute(sql: "DROP TRIGGER audit_\(table.name)_\(action)")
            }
            try db.execute(sql: table.triggerSQL())
        }
    }

    /// SQLite cannot change a CHECK in place: the table is copied into one with the new rules
    /// (location quality `approximate`; coordinates allowed with quality `unknown`; an inferred
    /// successor flag), then its index and triggers are made again. Foreign keys are off during migrations (GRDB), so the
    /// rows that reference divisions keep their ids.
    static func rebuildDivisions(_ db: Database) throws {
        let list = (AuditedTable.register[0].columns + ["boundary_geojson"]).joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TABLE divisions_rebuilt (
                    id INTEGER PRIMARY KEY,
                    code TEXT UNIQUE CHECK (code IS NULL OR (length(code) = 12 AND code NOT GLOB '*[^0-9]*')),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN (\(Schema.divisionKinds))),
                    parent_id INTEGER REFERENCES divisions(id) ON DELETE RESTRICT,
                    urban_rural_class INTEGER CHECK (urban_rural_class IS NULL OR urban_rural_class IN (111,112,121,122,123,210,220)),
                    population INTEGER CHECK (population IS NULL OR population >= 0),
                    households INTEGER CHECK (households IS NULL OR households >= 0),
                    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
                    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
                    location_quality TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (location_quality IN ('surveyed','published','approximate','illustrative','unknown')),
                    location_source TEXT,
                    boundary_geojson TEXT CHECK (boundary_geojson IS NULL OR json_valid(boundary_geojson)),
                    status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current','historical')),
                    valid_from TEXT,
                    valid_to TEXT,
                    successor_code TEXT REFERENCES divisions(code) ON DELETE RESTRICT,
                    successor_inferred INTEGER NOT NULL DEFAULT 0 CHECK (successor_inferred IN (0, 1)),
                    note TEXT,
                    source TEXT,
                    CHECK ((longitude IS NULL) = (latitude IS NULL)),
                    CHECK (longitude IS NOT NULL OR location_quality = 'unknown'),
                    CHECK ((kind = 'county') = (parent_id IS NULL)),
                    CHECK (successor_code IS NULL OR status = 'historical'),
                    CHECK (successor_inferred = 0 OR successor_code IS NOT NULL),
                    UNIQUE (parent_id, name)
                );
                INSERT INTO divisions_rebuilt (\(list)) SELECT \(list) FROM divisions;
                DROP TABLE divisions;
                PRAGMA legacy_alter_table = ON;
                ALTER TABLE divisions_rebuilt RENAME TO divisions;
                PRAGMA legacy_alter_table = OFF;
                CREATE INDEX divisions_parent ON divisions(parent_id);
                CREATE TRIGGER divisions_parent_tier BEFORE INSERT ON divisions
                WHEN NEW.parent_id IS NOT NULL AND (SELECT CASE kind WHEN 'county' THEN 1
                        WHEN 'village' THEN 3 WHEN 'community' THEN 3 ELSE 2 END
                    FROM divisions WHERE id = NEW.parent_id) <> (CASE NEW.kind WHEN 'village' THEN 2
                        WHEN 'community' THEN 2 ELSE 1 END)
                BEGIN SELECT RAISE(ABORT, 'a division''s parent must be one tier above it'); END;
                """)
        try db.execute(sql: AuditedTable.divisions.triggerSQL())
    }
}

extension AssumptionSchema {
    /// Migration "2026-12-02 register rules": one county per register, a unit never changes tier,
    /// and a re-parented unit stays one tier below its parent — whoever writes. Triggers check new
    /// writes only, so a register that already broke a rule still opens.
    static func registerRules(_ db: Database) throws {
        let tier = { (column: String) in
            "(CASE \(column) WHEN 'county' THEN 1 WHEN 'village' THEN 3 WHEN 'community' THEN 3 ELSE 2 END)"
        }
        try db.execute(
            sql: """
                CREATE TRIGGER divisions_one_county BEFORE INSERT ON divisions
                WHEN NEW.kind = 'county' AND EXISTS (SELECT 1 FROM divisions WHERE kind = 'county')
                BEGIN SELECT RAISE(ABORT, 'a register holds one county'); END;
                CREATE TRIGGER divisions_tier_fixed BEFORE UPDATE OF kind ON divisions
                WHEN \(tier("OLD.kind")) <> \(tier("NEW.kind"))
                BEGIN SELECT RAISE(ABORT, 'a division''s tier does not change'); END;
                CREATE TRIGGER divisions_parent_tier_update BEFORE UPDATE OF parent_id ON divisions
                WHEN NEW.parent_id IS NOT NULL AND (SELECT \(tier("kind")) FROM divisions WHERE id = NEW.parent_id) <> \(tier("NEW.kind")) - 1
                BEGIN SELECT RAISE(ABORT, 'a division''s parent must be one tier above it'); END;
                """)
    }
}

extension AuditedTable {
    /// Metadata (the plan's findings, the dataset's kind), audited from migration "2026-12-02
    /// audited metadata" on, so that every change of data — metadata included — moves the audit
    /// log's last id, which is the register's data stamp (frozen with it).
    static let metadata = AuditedTable(name: "metadata", key: { "\($0).key" }, columns: ["key", "value"])

    /// The divisions table as rebuilt by migration "2026-12-02 positions and assumptions" (frozen with it).
    static let divisions = AuditedTable(
        name: "divisions", key: { "\($0).id" },
        columns: [
            "id", "code", "name", "kind", "parent_id", "urban_rural_class", "population", "households", "longitude",
            "latitude", "location_quality", "location_source", "status", "valid_from", "valid_to", "successor_code",
            "successor_inferred", "note", "source",
        ])

    /// Tables whose audit triggers migration "2026-12-02 positions and assumptions" made anew with
    /// their new columns (frozen with it).
    static let assumptions: [AuditedTable] = [
        AuditedTable(
            name: "indicators", key: { "\($0).code" },
            columns: [
                "code", "name_zh", "name_en", "unit", "levels", "direction", "kind", "denominator_assumed", "baseline_value",
                "baseline_year", "source", "yellow_share", "stale_after_years", "note",
            ]),
        AuditedTable(
            name: "indicator_targets", key: { "\($0).id" },
            columns: ["id", "indicator_code", "area_id", "value", "year", "year_assumed", "statement"]),
        AuditedTable(
            name: "tasks", key: { "\($0).id" },
            columns: [
                "id", "code", "name", "owner_unit", "start", "deadline", "deadline_assumed", "status", "percent_complete",
                "evidence", "source",
            ]),
    ]
}
