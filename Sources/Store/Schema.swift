import GRDB

/// The register's schema as named, forward-only migrations. Rules live here: NOT NULL,
/// CHECK and foreign keys, so that no writer — this program, a script, a DBA — can store
/// a negative count or an orphan school. A migration, once shipped, is never edited:
/// changes come as new migrations appended to the list.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration, migrate: createDivisions)
        migrator.registerMigration("2026-11-29 schools", migrate: createSchools)
        migrator.registerMigration("2026-11-29 norms", migrate: createNorms)
        migrator.registerMigration("2026-11-29 township reports", migrate: createTownshipReports)
        migrator.registerMigration("2026-11-29 import log", migrate: createImportLog)
        migrator.registerMigration("2026-11-29 metadata", migrate: createMetadata)
        migrator.registerMigration("2026-11-29 audit log", migrate: createAudit)
        migrator.registerMigration("2026-11-29 monitoring", migrate: MonitoringSchema.create)
        migrator.registerMigration("2026-11-29 scenarios", migrate: ScenarioSchema.create)
        migrator.registerMigration("2026-12-02 positions and assumptions", migrate: AssumptionSchema.migrate)
        migrator.registerMigration("2026-12-02 register rules", migrate: AssumptionSchema.registerRules)
        migrator.registerMigration("2026-12-02 audited metadata") { db in try db.execute(sql: AuditedTable.metadata.triggerSQL()) }
        migrator.registerMigration("2026-12-02 audited boundaries", migrate: NameAndBoundarySchema.auditBoundaries)
        migrator.registerMigration("2026-12-02 canonical names", migrate: NameAndBoundarySchema.canonicalNames)
        migrator.registerMigration("2026-12-02 accounts", migrate: AccountSchema.create)
        migrator.registerMigration(LayerSchema.migration, migrate: LayerSchema.create)
        migrator.registerMigration(VillageSchema.migration, migrate: VillageSchema.create)
        migrator.registerMigration(RoadSchema.migration, migrate: RoadSchema.create)
        migrator.registerMigration(HealthSchema.migration, migrate: HealthSchema.create)
        migrator.registerMigration(PupilSchema.migration, migrate: PupilSchema.create)
        return migrator
    }

    /// The name of the first migration: a database without it is not this program's.
    static let firstMigration = "2026-11-29 divisions"

    static let divisionKinds = "'county','town','township','subdistrict','village','community'"
    static let schoolLevels = "'kindergarten','primary','junior','nineYear','senior'"

    static func createDivisions(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE divisions (
                    id INTEGER PRIMARY KEY,
                    code TEXT UNIQUE CHECK (code IS NULL OR (length(code) = 12 AND code NOT GLOB '*[^0-9]*')),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN (\(divisionKinds))),
                    parent_id INTEGER REFERENCES divisions(id) ON DELETE RESTRICT,
                    urban_rural_class INTEGER CHECK (urban_rural_class IS NULL OR urban_rural_class IN (111,112,121,122,123,210,220)),
                    population INTEGER CHECK (population IS NULL OR population >= 0),
                    households INTEGER CHECK (households IS NULL OR households >= 0),
                    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
                    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
                    location_quality TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (location_quality IN ('surveyed','published','illustrative','unknown')),
                    location_source TEXT,
                    boundary_geojson TEXT CHECK (boundary_geojson IS NULL OR json_valid(boundary_geojson)),
                    status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current','historical')),
                    valid_from TEXT,
                    valid_to TEXT,
                    successor_code TEXT REFERENCES divisions(code) ON DELETE RESTRICT,
                    note TEXT,
                    source TEXT,
                    CHECK ((longitude IS NULL) = (latitude IS NULL)),
                    CHECK ((longitude IS NULL) = (location_quality = 'unknown')),
                    CHECK ((kind = 'county') = (parent_id IS NULL)),
                    CHECK (successor_code IS NULL OR status = 'historical'),
                    UNIQUE (parent_id, name)
                );
                CREATE INDEX divisions_parent ON divisions(parent_id);
                CREATE TRIGGER divisions_parent_tier BEFORE INSERT ON divisions
                WHEN NEW.parent_id IS NOT NULL AND (SELECT CASE kind WHEN 'county' THEN 1
                        WHEN 'village' THEN 3 WHEN 'community' THEN 3 ELSE 2 END
                    FROM divisions WHERE id = NEW.parent_id) <> (CASE NEW.kind WHEN 'village' THEN 2
                        WHEN 'community' THEN 2 ELSE 1 END)
                BEGIN SELECT RAISE(ABORT, 'a division''s parent must be one tier above it'); END;
                """)
    }

    static func createSchools(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE schools (
                    id INTEGER PRIMARY KEY,
                    township_id INTEGER NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
                    village_id INTEGER REFERENCES divisions(id) ON DELETE SET NULL,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    level TEXT NOT NULL CHECK (level IN (\(schoolLevels))),
                    students INTEGER CHECK (students IS NULL OR students >= 0),
                    staff INTEGER CHECK (staff IS NULL OR staff >= 0),
                    land_mu REAL CHECK (land_mu IS NULL OR land_mu >= 0),
                    classes INTEGER CHECK (classes IS NULL OR classes >= 0),
                    data_year INTEGER CHECK (data_year IS NULL OR data_year BETWEEN 1949 AND 2100),
                    source TEXT,
                    note TEXT,
                    CHECK (NOT (staff > 0 AND students IS NULL)),
                    UNIQUE (township_id, name)
                );
                CREATE INDEX schools_village ON schools(village_id);
                CREATE TRIGGER schools_township_tier BEFORE INSERT ON schools
                WHEN (SELECT kind FROM divisions WHERE id = NEW.township_id) NOT IN ('town','township','subdistrict')
                BEGIN SELECT RAISE(ABORT, 'a school''s township must be a township-level division'); END;
                CREATE TRIGGER schools_township_tier_update BEFORE UPDATE OF township_id ON schools
                WHEN (SELECT kind FROM divisions WHERE id = NEW.township_id) NOT IN ('town','township','subdistrict')
                BEGIN SELECT RAISE(ABORT, 'a school''s township must be a township-level division'); END;
                """)
    }

    static func createNorms(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE norms (
                    key TEXT PRIMARY KEY NOT NULL,
                    value REAL NOT NULL,
                    unit TEXT NOT NULL,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (length(trim(source)) > 0),
                    verification TEXT NOT NULL CHECK (verification IN ('verified','secondary','assumption')),
                    note TEXT
                );
                """)
    }

    static func createTownshipReports(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE township_reports (
                    township_id INTEGER NOT NULL REFERENCES divisions(id) ON DELETE CASCADE,
                    topic TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('reported','not_reported')),
                    source TEXT,
                    PRIMARY KEY (township_id, topic)
                );
                """)
    }

    static func createImportLog(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE import_log (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    kind TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    format TEXT,
                    rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
                    rows_inserted INTEGER NOT NULL DEFAULT 0 CHECK (rows_inserted >= 0),
                    rows_updated INTEGER NOT NULL DEFAULT 0 CHECK (rows_updated >= 0),
                    actor TEXT NOT NULL,
                    note TEXT
                );
                """)
    }

    static func createMetadata(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE metadata (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
    }

    static func createAudit(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    table_name TEXT NOT NULL,
                    row_key TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
                    before_json TEXT,
                    after_json TEXT,
                    actor TEXT NOT NULL,
                    import_id INTEGER REFERENCES import_log(id)
                );
                CREATE INDEX audit_log_row ON audit_log(table_name, row_key);
                CREATE TABLE audit_context (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    actor TEXT NOT NULL,
                    import_id INTEGER
                );
                INSERT INTO audit_context (id, actor) VALUES (1, 'system');
                """)
        for table in AuditedTable.register {
            try db.execute(sql: table.triggerSQL())
        }
    }
}
