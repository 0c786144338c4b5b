import Domain
import GRDB

/// Migration "2026-12-08 villages, parks and assets": village figures by year, the ordered
/// village classification rules, the zoning criteria and their weights, the characteristic parks
/// and their enterprises, the idle land and asset register, and scenario adoptions (which schools
/// an adopted scenario marks 拟撤并, which assets and tasks it made). Every table is audited; the
/// default rules and criteria are rows like any.
enum VillageSchema {
    static let migration = "2026-12-08 villages, parks and assets"

    static func list<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
        cases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    }

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "village_attributes", key: { "\($0).id" },
            columns: [
                "id", "division_id", "year", "registered_population", "resident_population", "households", "area_km2", "heritage",
                "farmland_mu", "high_standard_mu", "irrigated_mu", "market_km", "source", "import_id",
            ]),
        AuditedTable(
            name: "village_rules", key: { "\($0).id" },
            columns: ["id", "position", "condition", "type", "threshold", "second_threshold", "enabled"]),
        AuditedTable(name: "zoning_criteria", key: { "\($0).key" }, columns: ["key", "direction", "weight", "enabled"]),
        AuditedTable(
            name: "parks", key: { "\($0).id" },
            columns: [
                "id", "name", "township_id", "kind", "status", "industries", "boundary_layer", "boundary_feature", "source", "note",
            ]),
        AuditedTable(
            name: "park_enterprises", key: { "\($0).id" },
            columns: ["id", "park_id", "name", "sector", "year", "jobs", "output_wan", "investment_wan", "source"]),
        AuditedTable(name: "adoptions", key: { "\($0).id" }, columns: ["id", "scenario_id", "adopted_at", "actor"]),
        AuditedTable(name: "school_decisions", key: { "\($0).school_id" }, columns: ["school_id", "adoption_id", "decision"]),
        AuditedTable(
            name: "adoption_tasks", key: { "\($0).adoption_id || '/' || \($0).task_id" }, columns: ["adoption_id", "task_id"]),
        AuditedTable(
            name: "idle_assets", key: { "\($0).id" },
            columns: [
                "id", "kind", "name", "division_id", "area_m2", "owner", "status", "proposed_use", "actual_use", "date", "evidence",
                "longitude", "latitude", "school_id", "adoption_id", "source", "note",
            ]),
    ]

    /// The tables in either dialect: the type names are the dialect's words. `lastingKey` is a key
    /// never used again after its row is deleted (SQLite's AUTOINCREMENT; an identity on
    /// PostgreSQL), for records people cite by number: 「资产 #3」 must not name another asset after
    /// a revert.
    static func tables(key: String, lastingKey: String, int: String, text: String, real: String) -> String {
        """
        CREATE TABLE village_attributes (
            id \(key),
            division_id \(int) NOT NULL REFERENCES divisions(id) ON DELETE CASCADE,
            year \(int) NOT NULL CHECK (year BETWEEN 1949 AND 2100),
            registered_population \(int) CHECK (registered_population IS NULL OR registered_population >= 0),
            resident_population \(int) CHECK (resident_population IS NULL OR resident_population >= 0),
            households \(int) CHECK (households IS NULL OR households >= 0),
            area_km2 \(real) CHECK (area_km2 IS NULL OR area_km2 > 0),
            heritage \(text) CHECK (heritage IS NULL OR heritage IN (\(list(HeritageDesignation.allCases)))),
            farmland_mu \(real) CHECK (farmland_mu IS NULL OR farmland_mu >= 0),
            high_standard_mu \(real) CHECK (high_standard_mu IS NULL OR high_standard_mu >= 0),
            irrigated_mu \(real) CHECK (irrigated_mu IS NULL OR irrigated_mu >= 0),
            market_km \(real) CHECK (market_km IS NULL OR market_km >= 0),
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            import_id \(int) REFERENCES import_log(id),
            UNIQUE (division_id, year)
        );
        CREATE TABLE village_rules (
            id \(key),
            position \(int) NOT NULL UNIQUE CHECK (position >= 1),
            condition \(text) NOT NULL CHECK (condition IN (\(list(VillageCondition.allCases)))),
            type \(text) NOT NULL CHECK (type IN (\(list(VillageType.allCases)))),
            threshold \(real) CHECK (threshold IS NULL OR threshold >= 0),
            second_threshold \(real) CHECK (second_threshold IS NULL OR second_threshold >= 0),
            enabled \(int) NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
        );
        CREATE TABLE zoning_criteria (
            key \(text) PRIMARY KEY,
            direction \(text) NOT NULL CHECK (direction IN ('benefit', 'cost')),
            weight \(real) NOT NULL CHECK (weight >= 0),
            enabled \(int) NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
        );
        CREATE TABLE parks (
            id \(key),
            name \(text) NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            township_id \(int) NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
            kind \(text) NOT NULL CHECK (length(trim(kind)) > 0),
            status \(text) NOT NULL CHECK (status IN (\(list(ParkStatus.allCases)))),
            industries \(text),
            boundary_layer \(text),
            boundary_feature \(int) CHECK (boundary_feature IS NULL OR boundary_feature >= 1),
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            note \(text)
        );
        CREATE TABLE park_enterprises (
            id \(key),
            park_id \(int) NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            sector \(text),
            year \(int) NOT NULL CHECK (year BETWEEN 1949 AND 2100),
            jobs \(int) CHECK (jobs IS NULL OR jobs >= 0),
            output_wan \(real) CHECK (output_wan IS NULL OR output_wan >= 0),
            investment_wan \(real) CHECK (investment_wan IS NULL OR investment_wan >= 0),
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            UNIQUE (park_id, name, year)
        );
        CREATE TABLE adoptions (
            id \(lastingKey),
            scenario_id \(int) NOT NULL UNIQUE REFERENCES scenarios(id) ON DELETE RESTRICT,
            adopted_at \(text) NOT NULL,
            actor \(text) NOT NULL
        );
        CREATE TABLE school_decisions (
            school_id \(int) PRIMARY KEY REFERENCES schools(id) ON DELETE CASCADE,
            adoption_id \(int) NOT NULL REFERENCES adoptions(id) ON DELETE CASCADE,
            decision \(text) NOT NULL CHECK (decision IN ('closure', 'stage-closure'))
        );
        CREATE TABLE adoption_tasks (
            adoption_id \(int) NOT NULL REFERENCES adoptions(id) ON DELETE CASCADE,
            task_id \(int) NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            PRIMARY KEY (adoption_id, task_id)
        );
        CREATE TABLE idle_assets (
            id \(lastingKey),
            kind \(text) NOT NULL CHECK (kind IN (\(list(AssetKind.allCases)))),
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            division_id \(int) NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
            area_m2 \(real) CHECK (area_m2 IS NULL OR area_m2 >= 0),
            owner \(text) CHECK (owner IS NULL OR owner IN (\(list(AssetOwner.allCases)))),
            status \(text) NOT NULL CHECK (status IN (\(list(AssetStatus.allCases)))),
            proposed_use \(text),
            actual_use \(text),
            date \(text),
            evidence \(text),
            longitude \(real) CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
            latitude \(real) CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
            school_id \(int) REFERENCES schools(id) ON DELETE SET NULL,
            adoption_id \(int) REFERENCES adoptions(id) ON DELETE CASCADE,
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            note \(text),
            CHECK ((longitude IS NULL) = (latitude IS NULL)),
            UNIQUE (division_id, kind, name)
        );
        CREATE INDEX idle_assets_adoption ON idle_assets(adoption_id);
        CREATE INDEX school_decisions_adoption ON school_decisions(adoption_id);
        \(defaults())
        """
    }

    /// The default classification rules and zoning criteria as rows.
    static func defaults() -> String {
        func value(_ number: Double?) -> String { number.map { "\($0)" } ?? "NULL" }
        let rules = VillageRule.defaults.map { rule in
            """
            INSERT INTO village_rules (position, condition, type, threshold, second_threshold, enabled)
                VALUES (\(rule.position), '\(rule.condition.rawValue)', '\(rule.type.rawValue)', \(value(rule.threshold)), \(value(rule.secondThreshold)), 1);
            """
        }
        let criteria = ZoningCriterion.defaults.map { c in
            "INSERT INTO zoning_criteria (key, direction, weight, enabled) VALUES ('\(c.key.rawValue)', '\(c.key.direction)', \(c.weight), 1);"
        }
        return (rules + criteria).joined(separator: "\n")
    }

    static func create(_ db: Database) throws {
        try db.execute(
            sql: tables(
                key: "INTEGER PRIMARY KEY", lastingKey: "INTEGER PRIMARY KEY AUTOINCREMENT", int: "INTEGER", text: "TEXT", real: "REAL"))
        for table in audited { try db.execute(sql: table.triggerSQL()) }
    }

    /// The same on PostgreSQL.
    static func postgres() -> String {
        tables(key: PostgresSchema.key, lastingKey: PostgresSchema.key, int: "BIGINT", text: PostgresSchema.text, real: "DOUBLE PRECISION")
            + "\n"
            + audited.map(PostgresSchema.auditSQL).joined(separator: "\n")
    }
}
