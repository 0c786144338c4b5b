import GRDB

/// Tables of the monitoring system: indicators with targets, observations, validation rules,
/// and the task checklist. All audited.
enum MonitoringSchema {
    static let periodPattern = """
        (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]Q[1-4]'
         OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]')
        """
    static func datePattern(_ column: String) -> String {
        """
        (\(column) IS NULL OR \(column) GLOB '[12][0-9][0-9][0-9]' OR \(column) GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
         OR \(column) GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
        """
    }

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE indicators (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(trim(code)) > 0),
                    name_zh TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
                    name_en TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    levels TEXT NOT NULL CHECK (length(levels) > 0),
                    direction TEXT NOT NULL CHECK (direction IN ('higher','lower')),
                    kind TEXT NOT NULL CHECK (kind = 'value' OR kind LIKE 'ratio:%/%' OR kind LIKE 'computed:%'),
                    baseline_value REAL,
                    baseline_year INTEGER CHECK (baseline_year IS NULL OR baseline_year BETWEEN 1949 AND 2100),
                    source TEXT NOT NULL CHECK (length(trim(source)) > 0),
                    yellow_share REAL NOT NULL DEFAULT 0.2 CHECK (yellow_share > 0 AND yellow_share <= 1),
                    stale_after_years REAL NOT NULL DEFAULT 2 CHECK (stale_after_years > 0),
                    note TEXT,
                    CHECK ((baseline_value IS NULL) = (baseline_year IS NULL))
                );
                CREATE TABLE indicator_targets (
                    id INTEGER PRIMARY KEY,
                    indicator_code TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
                    area_id INTEGER REFERENCES divisions(id) ON DELETE CASCADE,
                    value REAL NOT NULL,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
                    statement TEXT
                );
                CREATE UNIQUE INDEX indicator_targets_unique ON indicator_targets(indicator_code, ifnull(area_id, 0), year);
                CREATE TABLE observations (
                    id INTEGER PRIMARY KEY,
                    indicator_code TEXT NOT NULL REFERENCES indicators(code) ON DELETE RESTRICT,
                    area_id INTEGER NOT NULL REFERENCES divisions(id) ON DELETE RESTRICT,
                    period TEXT NOT NULL CHECK \(periodPattern),
                    value REAL NOT NULL,
                    source TEXT,
                    note TEXT,
                    UNIQUE (indicator_code, area_id, period)
                );
                CREATE TABLE validation_rules (
                    id INTEGER PRIMARY KEY,
                    indicator_code TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('range','not_above','township_sum','jump')),
                    minimum REAL,
                    maximum REAL,
                    other_indicator TEXT REFERENCES indicators(code) ON DELETE CASCADE,
                    share REAL CHECK (share IS NULL OR share > 0),
                    severity TEXT NOT NULL CHECK (severity IN ('error','warning')),
                    CHECK (kind <> 'not_above' OR other_indicator IS NOT NULL),
                    CHECK (kind <> 'jump' OR share IS NOT NULL)
                );
                CREATE TABLE tasks (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    owner_unit TEXT,
                    start TEXT CHECK \(datePattern("start")),
                    deadline TEXT CHECK \(datePattern("deadline")),
                    status TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (status IN ('unknown','not_started','in_progress','done','suspended')),
                    percent_complete REAL CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100),
                    evidence TEXT,
                    source TEXT NOT NULL CHECK (length(trim(source)) > 0)
                );
                CREATE TABLE task_indicators (
                    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    indicator_code TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
                    PRIMARY KEY (task_id, indicator_code)
                );
                """)
        for table in AuditedTable.monitoring {
            try db.execute(sql: table.triggerSQL())
        }
    }
}
