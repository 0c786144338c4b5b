/// A table whose every change is copied into `audit_log` by triggers, with the row's
/// values before and after as JSON. Triggers (not application code) do it, so a change made
/// by any writer is recorded; the actor and import come from the one-row `audit_context`.
struct AuditedTable {
    let name: String
    /// The SQL expression of the row's key, given the row alias (NEW or OLD).
    let key: @Sendable (String) -> String
    let columns: [String]

    /// The register's tables (migration "2026-11-29 audit log"; frozen with it).
    static let register: [AuditedTable] = [
        AuditedTable(
            name: "divisions", key: { "\($0).id" },
            columns: [
                "id", "code", "name", "kind", "parent_id", "urban_rural_class", "population", "households", "longitude",
                "latitude", "location_quality", "location_source", "status", "valid_from", "valid_to", "successor_code",
                "note", "source",
            ]),
        AuditedTable(
            name: "schools", key: { "\($0).id" },
            columns: [
                "id", "township_id", "village_id", "name", "level", "students", "staff", "land_mu", "classes", "data_year",
                "source", "note",
            ]),
        AuditedTable(
            name: "norms", key: { "\($0).key" },
            columns: ["key", "value", "unit", "name_zh", "name_en", "source", "verification", "note"]),
        AuditedTable(
            name: "township_reports", key: { "\($0).township_id || '/' || \($0).topic" },
            columns: ["township_id", "topic", "status", "source"]),
    ]

    /// The monitoring tables (migration "2026-11-29 monitoring"; frozen with it).
    static let monitoring: [AuditedTable] = [
        AuditedTable(
            name: "indicators", key: { "\($0).code" },
            columns: [
                "code", "name_zh", "name_en", "unit", "levels", "direction", "kind", "baseline_value", "baseline_year",
                "source", "yellow_share", "stale_after_years", "note",
            ]),
        AuditedTable(
            name: "indicator_targets", key: { "\($0).id" },
            columns: ["id", "indicator_code", "area_id", "value", "year", "statement"]),
        AuditedTable(
            name: "observations", key: { "\($0).id" },
            columns: ["id", "indicator_code", "area_id", "period", "value", "source", "note"]),
        AuditedTable(
            name: "validation_rules", key: { "\($0).id" },
            columns: ["id", "indicator_code", "kind", "minimum", "maximum", "other_indicator", "share", "severity"]),
        AuditedTable(
            name: "tasks", key: { "\($0).id" },
            columns: [
                "id", "code", "name", "owner_unit", "start", "deadline", "status", "percent_complete", "evidence", "source",
            ]),
        AuditedTable(
            name: "task_indicators", key: { "\($0).task_id || '/' || \($0).indicator_code" },
            columns: ["task_id", "indicator_code"]),
    ]

    /// The three triggers (insert, update, delete) as one SQL script.
    func triggerSQL() -> String {
        func json(_ row: String) -> String {
            "json_object(" + columns.map { "'\($0)', \(row).\($0)" }.joined(separator: ", ") + ")"
        }
        let changed = columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
        let insert = "INSERT INTO audit_log (table_name, row_key, action, before_json, after_json, actor, import_id)"
        return """
            CREATE TRIGGER audit_\(name)_insert AFTER INSERT ON \(name) BEGIN
                \(insert) SELECT '\(name)', \(key("NEW")), 'insert', NULL, \(json("NEW")), actor, import_id
                FROM audit_context WHERE id = 1;
            END;
            CREATE TRIGGER audit_\(name)_update AFTER UPDATE ON \(name) WHEN \(changed) BEGIN
                \(insert) SELECT '\(name)', \(key("NEW")), 'update', \(json("OLD")), \(json("NEW")), actor, import_id
                FROM audit_context WHERE id = 1;
            END;
            CREATE TRIGGER audit_\(name)_delete AFTER DELETE ON \(name) BEGIN
                \(insert) SELECT '\(name)', \(key("OLD")), 'delete', \(json("OLD")), NULL, actor, import_id
                FROM audit_context WHERE id = 1;
            END;
            """
    }
}
