public import Foundation
import GRDB

/// A stored consolidation scenario: its name, when it was run, and its options and result as
/// JSON (the shapes belong to the planning module; the store keeps them whole).
public struct StoredScenario: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var createdAt: String
    public var model: String
    public var level: String
    public var optionsJSON: Data
    public var resultJSON: Data
    public var objective: Double
    public var provenOptimal: Bool
    public var seconds: Double
    public var actor: String
}

/// The scenarios table (migration "2026-11-29 scenarios").
enum ScenarioSchema {
    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE scenarios (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    model TEXT NOT NULL CHECK (model IN ('pmedian','cpmedian','mclp','lscp','pcenter')),
                    level TEXT NOT NULL CHECK (level IN ('primary','junior')),
                    options_json TEXT NOT NULL CHECK (json_valid(options_json)),
                    result_json TEXT NOT NULL CHECK (json_valid(result_json)),
                    objective REAL NOT NULL,
                    proven_optimal INTEGER NOT NULL CHECK (proven_optimal IN (0, 1)),
                    seconds REAL NOT NULL CHECK (seconds >= 0),
                    actor TEXT NOT NULL
                );
                """)
        try db.execute(sql: AuditedTable.scenarios.triggerSQL())
    }
}

extension AuditedTable {
    /// The scenarios table (migration "2026-11-29 scenarios"; frozen with it). The result JSON
    /// is not copied into the audit log: it is derived, and the options that produced it are.
    static let scenarios = AuditedTable(
        name: "scenarios", key: { "\($0).id" },
        columns: ["id", "name", "created_at", "model", "level", "options_json", "objective", "proven_optimal", "actor"])
}

extension RegisterReader {
    /// Every stored scenario, oldest first.
    public func scenarios() throws -> [StoredScenario] {
        try db.rows("SELECT * FROM scenarios ORDER BY id").map(Self.scenario)
    }

    /// One scenario by id.
    public func scenario(id: Int64) throws -> StoredScenario? {
        try db.row("SELECT * FROM scenarios WHERE id = ?", id).map(Self.scenario)
    }

    /// One scenario by name.
    public func scenario(named name: String) throws -> StoredScenario? {
        try db.row("SELECT * FROM scenarios WHERE name = ?", name).map(Self.scenario)
    }

    static func scenario(_ row: SQLRow) -> StoredScenario {
        let options: String = row["options_json"]
        let result: String = row["result_json"]
        return StoredScenario(
            id: row["id"], name: row["name"], createdAt: row["created_at"], model: row["model"], level: row["level"],
            optionsJSON: Data(options.utf8), resultJSON: Data(result.utf8), objective: row["objective"],
            provenOptimal: row["proven_optimal"], seconds: row["seconds"], actor: row["actor"])
    }
}

extension RegisterWriter {
    /// Stores a scenario and returns its id.
    @discardableResult
    public func saveScenario(
        name: String, model: String, level: String, optionsJSON: Data, resultJSON: Data, objective: Double, provenOptimal: Bool,
        seconds: Double, actor: String
    ) throws -> Int64 {
        try db.insertReturningID(
            """
            INSERT INTO scenarios (name, created_at, model, level, options_json, result_json, objective, proven_optimal, seconds, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            name, SQLTimestamp.now(), model, level, String(decoding: optionsJSON, as: UTF8.self),
            String(decoding: resultJSON, as: UTF8.self), objective, provenOptimal, seconds, actor)
    }
}

extension RegisterWriter {
    /// Renames a stored scenario; false when there is none with this id.
    @discardableResult
    public func renameScenario(_ id: Int64, to name: String) throws -> Bool {
        try db.execute("UPDATE scenarios SET name = ? WHERE id = ?", name, id) > 0
    }

    /// Deletes a stored scenario (the audit log keeps its options); false when there is none.
    @discardableResult
    public func deleteScenario(_ id: Int64) throws -> Bool {
        try db.execute("DELETE FROM scenarios WHERE id = ?", id) > 0
    }
}
