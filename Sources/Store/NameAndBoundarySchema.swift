import Domain
import GRDB

/// Migrations "2026-12-02 audited boundaries" and "2026-12-02 canonical names".
enum NameAndBoundarySchema {
    /// A change of a division's boundary is recorded in the audit log (by its size: the GeoJSON of
    /// an outline is too large to copy into every entry), so it moves the data stamp like any
    /// other change and a cached map shows the new outline at once.
    static func auditBoundaries(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER audit_divisions_boundary AFTER UPDATE OF boundary_geojson ON divisions
                WHEN OLD.boundary_geojson IS NOT NEW.boundary_geojson
                BEGIN
                    INSERT INTO audit_log (table_name, row_key, action, before_json, after_json, actor, import_id)
                    SELECT 'divisions', NEW.id, 'update', json_object('boundary_geojson_bytes', length(OLD.boundary_geojson)),
                        json_object('boundary_geojson_bytes', length(NEW.boundary_geojson)), actor, import_id
                    FROM audit_context WHERE id = 1;
                END;
                """)
    }

    /// Names stored before names were canonicalised (`DivisionNames.canonical`) take their
    /// canonical form, audited under the actor "migration", so that a stored name and the same
    /// name typed again match. A name whose canonical form is already taken where names must be
    /// unique is left as it was.
    static func canonicalNames(_ db: Database) throws {
        try db.execute(sql: "UPDATE audit_context SET actor = 'migration', import_id = NULL WHERE id = 1")
        for table in ["divisions", "schools"] {
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") {
                let id: Int64 = row[0]
                let name: String = row[1]
                let canonical = DivisionNames.canonical(name)
                // Compared by scalars: Swift's == already treats 豈 (U+F900) and 豈 (U+8C48) as equal.
                guard !canonical.unicodeScalars.elementsEqual(name.unicodeScalars), !canonical.isEmpty else { continue }
                do {
                    try db.execute(sql: "UPDATE \(table) SET name = ? WHERE id = ?", arguments: [canonical, id])
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    continue
                }
            }
        }
    }
}
