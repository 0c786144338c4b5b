import Localization

/// The register's schema on PostgreSQL. A new PostgreSQL register starts at the schema the SQLite
/// migrations had reached when PostgreSQL arrived (one baseline script, recorded under every
/// SQLite migration's name, so both backends report the same list); later migrations come as pairs,
/// one script per backend, appended to both lists.
///
/// The rules are the SQLite schema's, in PostgreSQL's words: the same CHECKs, keys and uniqueness;
/// the tier rules as trigger functions; the audit log filled by one trigger function per table,
/// generated from the same column lists (`AuditedTable`). Text compares bytewise (`COLLATE "C"`,
/// as SQLite does), so lists sort the same on both. Audit ids are handed out under a
/// transaction-level lock, so they rise in commit order and the data stamp never goes back. Each
/// trigger function keeps the search path it was created with (the register's schema), so a
/// change made from psql with another search path is still audited in this register.
enum PostgresSchema {
    /// Migrations after the baseline: name and script.
    static let later: [(name: String, script: String)] = [
        (LayerSchema.migration, LayerSchema.postgres()), (VillageSchema.migration, VillageSchema.postgres()),
        (RoadSchema.migration, RoadSchema.postgres()),
        (HealthSchema.migration, HealthSchema.postgres()),
        (PupilSchema.migration, PupilSchema.postgres()),
    ]

    /// Brings the register's schema up to date, under a lock so two programs starting at once do
    /// not both migrate.
    static func migrate(_ session: PostgresSession, location: PostgresLocation, create: Bool) throws {
        try session.transaction("BEGIN") {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext(? || ' migrations'))", [.text(location.schema)])
            // Created only when missing: CREATE SCHEMA IF NOT EXISTS needs the database's CREATE
            // privilege even when the schema is there, which a role owning only its schema lacks.
            let exists = try session.value(Int.self, "SELECT count(*) FROM pg_namespace WHERE nspname = ?", location.schema) == 1
            let migrations = try session.value(
                Int.self, "SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = 'schema_migrations'", location.schema)
            let registered = exists && migrations == 1
            guard registered || create else {
                throw UserError(.missingInput, L10n.message(.postgresNoRegister, location.description))
            }
            if !exists { try session.executeScript("CREATE SCHEMA \(location.schema)") }
            try session.executeScript(
                "CREATE TABLE IF NOT EXISTS schema_migrations (ordinal BIGINT PRIMARY KEY, identifier TEXT COLLATE \"C\" NOT NULL UNIQUE)")
            var applied = Set(try appliedMigrations(session))
            if applied.isEmpty {
                try session.executeScript(baseline())
                for (ordinal, name) in baselineNames.enumerated() {
                    try session.execute("INSERT INTO schema_migrations (ordinal, identifier) VALUES (?, ?)", ordinal + 1, name)
                }
                applied = Set(baselineNames)
            }
            for (offset, migration) in later.enumerated() where !applied.contains(migration.name) {
                try session.executeScript(migration.script)
                try session.execute(
                    "INSERT INTO schema_migrations (ordinal, identifier) VALUES (?, ?)", baselineNames.count + offset + 1, migration.name)
            }
        }
    }

    /// The migrations applied, in order.
    static func appliedMigrations(_ session: PostgresSession) throws -> [String] {
        try session.values(String.self, "SELECT identifier FROM schema_migrations ORDER BY ordinal")
    }

    /// Every table of a register's schema.
    static let tables: Set<String> = [
        "adoption_tasks", "adoptions", "api_tokens", "audit_context", "audit_log", "conflict_rules", "divisions", "import_log",
        "indicator_targets", "indicators",
        "idle_assets", "layer_features", "layers", "metadata", "norms", "park_enterprises", "parks", "school_decisions",
        "observations", "scenarios", "schema_migrations", "schools", "sessions", "sign_in_failures", "task_indicators", "tasks",
        "township_reports", "users", "validation_rules", "village_attributes", "village_rules", "zoning_criteria", "road_networks",
        "road_features", "road_classes", "health_facilities", "health_unification", "pupil_counts",
    ]

    /// The SQLite migrations the baseline stands for.
    static let baselineNames = [
        "2026-11-29 divisions", "2026-11-29 schools", "2026-11-29 norms", "2026-11-29 township reports", "2026-11-29 import log",
        "2026-11-29 metadata", "2026-11-29 audit log", "2026-11-29 monitoring", "2026-11-29 scenarios",
        "2026-12-02 positions and assumptions", "2026-12-02 register rules", "2026-12-02 audited metadata",
        "2026-12-02 audited boundaries", "2026-12-02 canonical names", "2026-12-02 accounts",
    ]

    /// The audited tables as the baseline has them (the last column list of each).
    static let audited: [AuditedTable] =
        [AuditedTable.divisions] + AuditedTable.register.filter { $0.name != "divisions" } + AuditedTable.assumptions
        + AuditedTable.monitoring.filter { table in !AuditedTable.assumptions.contains { $0.name == table.name } }
        + [AuditedTable.scenarios, AuditedTable.metadata] + AccountSchema.audited

    static let text = "TEXT COLLATE \"C\""
    static let key = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    static let now = "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    static func tier(_ kind: String) -> String {
        "(CASE \(kind) WHEN 'county' THEN 1 WHEN 'village' THEN 3 WHEN 'community' THEN 3 ELSE 2 END)"
    }
    static let datePattern = "'^[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?$'"

    /// The whole schema as it stood after the SQLite migrations of `baselineNames`.
    static func baseline() -> String {
        """
        CREATE TABLE divisions (
            id \(key),
            code \(text) UNIQUE CHECK (code IS NULL OR code ~ '^[0-9]{12}$'),
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            kind \(text) NOT NULL CHECK (kind IN (\(Schema.divisionKinds))),
            parent_id BIGINT REFERENCES divisions(id) ON DELETE RESTRICT,
            urban_rural_class BIGINT CHECK (urban_rural_class IS NULL OR urban_rural_class IN (111,112,121,122,123,210,220)),
            population BIGINT CHECK (population IS NULL OR population >= 0),
            households BIGINT CHECK (households IS NULL OR households >= 0),
            longitude DOUBLE PRECISION CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
            latitude DOUBLE PRECISION CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
            location_quality \(text) NOT NULL DEFAULT 'unknown'
                CHECK (location_quality IN ('surveyed','published','approximate','illustrative','unknown')),
            location_source \(text),
            boundary_geojson \(text) CHECK (boundary_geojson IS NULL OR boundary_geojson::jsonb IS NOT NULL),
            status \(text) NOT NULL DEFAULT 'current' CHECK (status IN ('current','historical')),
            valid_from \(text),
            valid_to \(text),
            successor_code \(text) REFERENCES divisions(code) ON DELETE RESTRICT,
            successor_inferred BIGINT NOT NULL DEFAULT 0 CHECK (successor_inferred IN (0, 1)),
            note \(text),
            source \(text),
            CHECK ((longitude IS NULL) = (latitude IS NULL)),
            CHECK (longitude IS NOT NULL OR location_quality = 'unknown'),
            CHECK ((kind = 'county') = (parent_id IS NULL)),
            CHECK (successor_code IS NULL OR status = 'historical'),
            CHECK (successor_inferred = 0 OR successor_code IS NOT NULL),
            UNIQUE (parent_id, name)
        );
        CREATE INDEX divisions_parent ON divisions(parent_id);
        CREATE FUNCTION divisions_rules() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            IF TG_OP = 'INSERT' AND NEW.kind = 'county' AND EXISTS (SELECT 1 FROM divisions WHERE kind = 'county') THEN
                RAISE EXCEPTION 'a register holds one county';
            END IF;
            IF TG_OP = 'UPDATE' AND \(tier("OLD.kind")) <> \(tier("NEW.kind")) THEN
                RAISE EXCEPTION 'a division''s tier does not change';
            END IF;
            IF NEW.parent_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.parent_id IS DISTINCT FROM OLD.parent_id)
                AND (SELECT \(tier("kind")) FROM divisions WHERE id = NEW.parent_id) <> \(tier("NEW.kind")) - 1 THEN
                RAISE EXCEPTION 'a division''s parent must be one tier above it';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER divisions_rules BEFORE INSERT OR UPDATE ON divisions FOR EACH ROW EXECUTE FUNCTION divisions_rules();

        CREATE TABLE schools (
            id \(key),
            township_id BIGINT NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
            village_id BIGINT REFERENCES divisions(id) ON DELETE SET NULL,
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            level \(text) NOT NULL CHECK (level IN (\(Schema.schoolLevels))),
            students BIGINT CHECK (students IS NULL OR students >= 0),
            staff BIGINT CHECK (staff IS NULL OR staff >= 0),
            land_mu DOUBLE PRECISION CHECK (land_mu IS NULL OR land_mu >= 0),
            classes BIGINT CHECK (classes IS NULL OR classes >= 0),
            data_year BIGINT CHECK (data_year IS NULL OR data_year BETWEEN 1949 AND 2100),
            source \(text),
            note \(text),
            CHECK (NOT (staff > 0 AND students IS NULL)),
            UNIQUE (township_id, name)
        );
        CREATE INDEX schools_village ON schools(village_id);
        CREATE FUNCTION schools_township_tier() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            IF (SELECT kind FROM divisions WHERE id = NEW.township_id) NOT IN ('town','township','subdistrict') THEN
                RAISE EXCEPTION 'a school''s township must be a township-level division';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER schools_township_tier BEFORE INSERT OR UPDATE OF township_id ON schools
            FOR EACH ROW EXECUTE FUNCTION schools_township_tier();

        CREATE TABLE norms (
            key \(text) PRIMARY KEY,
            value DOUBLE PRECISION NOT NULL,
            unit \(text) NOT NULL,
            name_zh \(text) NOT NULL,
            name_en \(text) NOT NULL,
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            verification \(text) NOT NULL CHECK (verification IN ('verified','secondary','assumption')),
            note \(text)
        );
        CREATE TABLE township_reports (
            township_id BIGINT NOT NULL REFERENCES divisions(id) ON DELETE CASCADE,
            topic \(text) NOT NULL,
            status \(text) NOT NULL CHECK (status IN ('reported','not_reported')),
            source \(text),
            PRIMARY KEY (township_id, topic)
        );
        CREATE TABLE import_log (
            id \(key),
            started_at \(text) NOT NULL,
            finished_at \(text),
            kind \(text) NOT NULL,
            file_name \(text) NOT NULL,
            format \(text),
            rows_read BIGINT NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
            rows_inserted BIGINT NOT NULL DEFAULT 0 CHECK (rows_inserted >= 0),
            rows_updated BIGINT NOT NULL DEFAULT 0 CHECK (rows_updated >= 0),
            actor \(text) NOT NULL,
            note \(text)
        );
        CREATE TABLE metadata (
            key \(text) PRIMARY KEY,
            value \(text) NOT NULL
        );
        CREATE TABLE audit_log (
            id \(key),
            changed_at \(text) NOT NULL DEFAULT \(now),
            table_name \(text) NOT NULL,
            row_key \(text) NOT NULL,
            action \(text) NOT NULL CHECK (action IN ('insert','update','delete')),
            before_json \(text),
            after_json \(text),
            actor \(text) NOT NULL,
            import_id BIGINT REFERENCES import_log(id)
        );
        CREATE INDEX audit_log_row ON audit_log(table_name, row_key);
        CREATE TABLE audit_context (
            id BIGINT PRIMARY KEY CHECK (id = 1),
            actor \(text) NOT NULL,
            import_id BIGINT
        );
        INSERT INTO audit_context (id, actor) VALUES (1, '\(RegisterStore.outsideActor)');

        CREATE TABLE indicators (
            code \(text) PRIMARY KEY CHECK (length(trim(code)) > 0),
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            name_zh \(text) NOT NULL CHECK (length(trim(name_zh)) > 0),
            name_en \(text) NOT NULL,
            unit \(text) NOT NULL,
            levels \(text) NOT NULL CHECK (length(levels) > 0),
            direction \(text) NOT NULL CHECK (direction IN ('higher','lower')),
            kind \(text) NOT NULL CHECK (kind = 'value' OR kind LIKE 'ratio:%/%' OR kind LIKE 'computed:%'),
            baseline_value DOUBLE PRECISION,
            baseline_year BIGINT CHECK (baseline_year IS NULL OR baseline_year BETWEEN 1949 AND 2100),
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            yellow_share DOUBLE PRECISION NOT NULL DEFAULT 0.2 CHECK (yellow_share > 0 AND yellow_share <= 1),
            stale_after_years DOUBLE PRECISION NOT NULL DEFAULT 2 CHECK (stale_after_years > 0),
            note \(text),
            denominator_assumed BIGINT NOT NULL DEFAULT 0 CHECK (denominator_assumed IN (0, 1)),
            CHECK ((baseline_value IS NULL) = (baseline_year IS NULL))
        );
        CREATE TABLE indicator_targets (
            id \(key),
            indicator_code \(text) NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
            area_id BIGINT REFERENCES divisions(id) ON DELETE CASCADE,
            value DOUBLE PRECISION NOT NULL,
            year BIGINT NOT NULL CHECK (year BETWEEN 1949 AND 2100),
            statement \(text),
            year_assumed BIGINT NOT NULL DEFAULT 0 CHECK (year_assumed IN (0, 1))
        );
        CREATE UNIQUE INDEX indicator_targets_unique ON indicator_targets(indicator_code, coalesce(area_id, 0), year);
        CREATE TABLE observations (
            id \(key),
            indicator_code \(text) NOT NULL REFERENCES indicators(code) ON DELETE RESTRICT,
            area_id BIGINT NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
            period \(text) NOT NULL CHECK (period ~ '^[12][0-9]{3}(Q[1-4]|-[01][0-9])?$'),
            value DOUBLE PRECISION NOT NULL,
            source \(text),
            note \(text),
            UNIQUE (indicator_code, area_id, period)
        );
        CREATE TABLE validation_rules (
            id \(key),
            indicator_code \(text) NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
            kind \(text) NOT NULL CHECK (kind IN ('range','not_above','township_sum','jump')),
            minimum DOUBLE PRECISION,
            maximum DOUBLE PRECISION,
            other_indicator \(text) REFERENCES indicators(code) ON DELETE CASCADE,
            share DOUBLE PRECISION CHECK (share IS NULL OR share > 0),
            severity \(text) NOT NULL CHECK (severity IN ('error','warning')),
            CHECK (kind <> 'not_above' OR other_indicator IS NOT NULL),
            CHECK (kind <> 'jump' OR share IS NOT NULL)
        );
        CREATE TABLE tasks (
            id \(key),
            code \(text) NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
            name \(text) NOT NULL CHECK (length(trim(name)) > 0),
            owner_unit \(text),
            start \(text) CHECK (start IS NULL OR start ~ \(datePattern)),
            deadline \(text) CHECK (deadline IS NULL OR deadline ~ \(datePattern)),
            status \(text) NOT NULL DEFAULT 'unknown'
                CHECK (status IN ('unknown','not_started','in_progress','done','suspended')),
            percent_complete DOUBLE PRECISION CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100),
            evidence \(text),
            source \(text) NOT NULL CHECK (length(trim(source)) > 0),
            deadline_assumed BIGINT NOT NULL DEFAULT 0 CHECK (deadline_assumed IN (0, 1))
        );
        CREATE TABLE task_indicators (
            task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            indicator_code \(text) NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
            PRIMARY KEY (task_id, indicator_code)
        );
        CREATE TABLE scenarios (
            id \(key),
            name \(text) NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            created_at \(text) NOT NULL DEFAULT \(now),
            model \(text) NOT NULL CHECK (model IN ('pmedian','cpmedian','mclp','lscp','pcenter')),
            level \(text) NOT NULL CHECK (level IN ('primary','junior')),
            options_json \(text) NOT NULL CHECK (options_json::jsonb IS NOT NULL),
            result_json \(text) NOT NULL CHECK (result_json::jsonb IS NOT NULL),
            objective DOUBLE PRECISION NOT NULL,
            proven_optimal BIGINT NOT NULL CHECK (proven_optimal IN (0, 1)),
            seconds DOUBLE PRECISION NOT NULL CHECK (seconds >= 0),
            actor \(text) NOT NULL
        );
        CREATE TABLE users (
            id \(key),
            name \(text) NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64 AND name = trim(name)),
            role \(text) NOT NULL CHECK (role IN (\(AccountSchema.roles))),
            bureau \(text) CHECK (bureau IS NULL OR bureau IN (\(AccountSchema.bureaus))),
            township_id BIGINT REFERENCES divisions(id) ON DELETE RESTRICT,
            password_hash \(text) NOT NULL CHECK (password_hash LIKE '$2_$%'),
            disabled BIGINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at \(text) NOT NULL DEFAULT \(now),
            password_changed_at \(text) NOT NULL DEFAULT \(now),
            CHECK ((role = 'bureau-editor') = (bureau IS NOT NULL)),
            CHECK ((role = 'township-editor') = (township_id IS NOT NULL))
        );
        CREATE TABLE api_tokens (
            id \(key),
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
            token_hash \(text) NOT NULL UNIQUE CHECK (length(token_hash) = 64),
            label \(text),
            created_at \(text) NOT NULL DEFAULT \(now),
            revoked_at \(text)
        );
        CREATE TABLE sessions (
            token_hash \(text) PRIMARY KEY CHECK (length(token_hash) = 64),
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at DOUBLE PRECISION NOT NULL,
            last_seen DOUBLE PRECISION NOT NULL,
            expires_at DOUBLE PRECISION NOT NULL CHECK (expires_at >= created_at)
        );
        CREATE INDEX sessions_user ON sessions(user_id);
        CREATE INDEX sessions_expiry ON sessions(expires_at);
        CREATE TABLE sign_in_failures (
            name \(text) NOT NULL,
            at DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX sign_in_failures_name ON sign_in_failures(name, at);

        \(audited.map(auditSQL).joined(separator: "\n"))
        CREATE FUNCTION audit_divisions_boundary() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_SCHEMA || ' audit'));
            INSERT INTO audit_log (table_name, row_key, action, before_json, after_json, actor, import_id)
            SELECT 'divisions', NEW.id::text, 'update',
                '{"boundary_geojson_bytes":' || coalesce(length(OLD.boundary_geojson)::text, 'null') || '}',
                '{"boundary_geojson_bytes":' || coalesce(length(NEW.boundary_geojson)::text, 'null') || '}', actor, import_id
            FROM audit_context WHERE id = 1;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_divisions_boundary AFTER UPDATE OF boundary_geojson ON divisions FOR EACH ROW
            WHEN (OLD.boundary_geojson IS DISTINCT FROM NEW.boundary_geojson) EXECUTE FUNCTION audit_divisions_boundary();
        """
    }

    /// One table's audit: a trigger function writing the row before and after as JSON (its listed
    /// columns only), and its three triggers; an update that changes none of them writes nothing.
    static func auditSQL(_ table: AuditedTable) -> String {
        // Written out as SQLite's json_object writes it — compact, in the column list's order — so
        // the audit log reads the same on both backends.
        func json(_ row: String) -> String {
            "'{' || "
                + table.columns.map { "'\"\($0)\":' || coalesce(to_json(\(row).\($0))::text, 'null')" }.joined(separator: " || ',' || ")
                + " || '}'"
        }
        func entry(_ action: String, _ row: String, before: String, after: String) -> String {
            """
            INSERT INTO audit_log (table_name, row_key, action, before_json, after_json, actor, import_id)
                    SELECT '\(table.name)', (\(table.key(row)))::text, '\(action)', \(before), \(after), actor, import_id
                    FROM audit_context WHERE id = 1;
            """
        }
        let changed =
            "ROW(\(table.columns.map { "OLD.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM ROW(\(table.columns.map { "NEW.\($0)" }.joined(separator: ", ")))"
        return """
            CREATE FUNCTION audit_\(table.name)() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_SCHEMA || ' audit'));
                IF TG_OP = 'INSERT' THEN
                    \(entry("insert", "NEW", before: "NULL", after: json("NEW")))
                ELSIF TG_OP = 'UPDATE' THEN
                    \(entry("update", "NEW", before: json("OLD"), after: json("NEW")))
                ELSE
                    \(entry("delete", "OLD", before: json("OLD"), after: "NULL"))
                    RETURN OLD;
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER audit_\(table.name)_insert AFTER INSERT ON \(table.name) FOR EACH ROW EXECUTE FUNCTION audit_\(table.name)();
            CREATE TRIGGER audit_\(table.name)_update AFTER UPDATE ON \(table.name) FOR EACH ROW
                WHEN (\(changed)) EXECUTE FUNCTION audit_\(table.name)();
            CREATE TRIGGER audit_\(table.name)_delete AFTER DELETE ON \(table.name) FOR EACH ROW EXECUTE FUNCTION audit_\(table.name)();
            """
    }
}
