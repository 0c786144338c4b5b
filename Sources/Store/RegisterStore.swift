import Domain
public import Foundation
import GRDB
import Localization

/// The county register: one SQLite file through GRDB, migrated on open.
///
/// Reads go through `read`, writes through `write`, which runs its body in one transaction:
/// either every change lands or none does. Every write names its actor for the audit log.
public final class RegisterStore: Sendable {
    let writer: any DatabaseWriter
    /// The database file, for a register on disk.
    public let path: String?

    /// Opens (creating if needed) the database file at `path` and applies pending migrations.
    /// A writer waits up to `busyTimeout` seconds for another's transaction — by default long
    /// enough for the write phase of a million-row import — and then gets `unavailable` (HTTP 503,
    /// exit 69) rather than a raw "database is locked".
    public init(path: String, busyTimeout: TimeInterval = RegisterStore.busyTimeoutSeconds) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        Self.createPrivately(path)
        writer = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Schema.migrator().migrate(writer)
    }

    /// Creates an empty file readable by its owner only (0600) where there is none: the register
    /// holds password hashes and session digests, and SQLite gives its -wal and -shm files the
    /// database file's mode.
    static func createPrivately(_ path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
    }

    /// The actor the audit log records for a change made outside this program.
    public static let outsideActor = "outside-program"

    /// How long a writer waits for another writer's transaction, in seconds.
    public static let busyTimeoutSeconds: TimeInterval = 120

    /// A private in-memory register, for tests and dry runs.
    public init() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: configuration)
        path = nil
        try Schema.migrator().migrate(writer)
    }

    /// A number that changes whenever any data changes, by any writer (this process, the command
    /// line, a script): the audit log's last id — every table of data is audited by triggers.
    public func dataStamp() throws -> Int64 {
        try read { try $0.dataStamp() }
    }

    /// A value derived from the register (a roll-up, a status table), computed once per data stamp
    /// and shared by every caller until the data changes. `key` names the value and its
    /// parameters; the value must not depend on anything else.
    public func derived<T: Sendable>(_ key: String, _ compute: () throws -> T) throws -> T {
        try memo.value(key, stamp: try dataStamp(), compute)
    }

    private let memo = DerivedMemo()

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Schema.migrator().appliedMigrations(db) }
    }

    /// Runs `body` on a consistent snapshot of the register.
    public func read<T>(_ body: (RegisterReader) throws -> T) throws -> T {
        try Self.translating { try writer.read { db in try body(RegisterReader(db: db, memo: memo)) } }
    }

    /// Runs `body` in one transaction, recording `actor` (and the import, if any) in the audit log.
    /// Throwing from `body` rolls every change back.
    public func write<T>(actor: String, _ body: (RegisterWriter) throws -> T) throws -> T {
        try Self.translating {
            try writer.write { db in
                try db.execute(sql: "UPDATE audit_context SET actor = ?, import_id = NULL WHERE id = 1", arguments: [actor])
                let result = try body(RegisterWriter(db: db))
                // A change made later by another writer (the sqlite3 shell, a script) is not
                // recorded under this actor.
                try db.execute(sql: "UPDATE audit_context SET actor = ?, import_id = NULL WHERE id = 1", arguments: [Self.outsideActor])
                return result
            }
        }
    }

    /// Turns the database's refusals into the user's error: a register busy beyond the timeout is
    /// `unavailable` (try again), a rule of the schema is `rejected` with the rule quoted.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw userError(error) ?? error
        }
    }

    static func userError(_ error: DatabaseError) -> UserError? {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return UserError(.unavailable, L10n.message(.databaseBusy))
        case .SQLITE_CONSTRAINT:
            return UserError.rejected(file: "—", L10n.message(.databaseRule, error.message ?? "\(error.resultCode)"))
        default:
            return nil
        }
    }

    /// Opens a backup file read-only, without migrating it; `nil` when the file is not a database
    /// of this program (no migration table, or not even SQLite).
    public init?(backupAt path: String) {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration),
            let first = try? queue.read({ db in
                try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid LIMIT 1")
            }),
            first == Schema.firstMigration
        else { return nil }
        writer = queue
        self.path = path
    }

    /// Replaces this register by a backup (SQLite's online backup), applies the migrations the
    /// backup lacks, and records the restore in the audit log under an id above both registers'
    /// last ones — so the data stamp moves forward and no cache (of this process or a server that
    /// has the file open) takes the restored data for data it has seen. Returns the new stamp.
    public func restore(from backup: RegisterStore, actor: String) throws -> Int64 {
        let before = try dataStamp()
        try backup.writer.backup(to: writer)
        try Schema.migrator().migrate(writer)
        memo.clear()
        return try Self.translating {
            try writer.write { db in
                let last = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM audit_log") ?? 0
                let id = max(before, last) + 1
                try db.execute(
                    sql: """
                        INSERT INTO audit_log (id, table_name, row_key, action, before_json, after_json, actor)
                        VALUES (?, 'metadata', 'restored', 'update', NULL, json_object('restored_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)
                        """, arguments: [id, actor])
                return id
            }
        }
    }

    /// Writes a consistent copy of the whole database to a new file at `path` (SQLite's online
    /// backup, WAL content included), closed and complete when this returns; its data stamp.
    public func backup(toFile path: String) throws -> Int64 {
        Self.createPrivately(path)
        let copy = try DatabaseQueue(path: path)
        try writer.backup(to: copy)
        // One self-contained file: the copy takes the source's WAL mode, which reading it would
        // turn into -wal and -shm files beside it.
        try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
        let stamp = try copy.read { try RegisterReader(db: $0, memo: nil).dataStamp() }
        try copy.close()
        return stamp
    }

    /// Copies the whole database into another store (an online backup; WAL content included).
    public func backup(toStore destination: RegisterStore) throws {
        destination.memo.clear()
        defer { destination.memo.clear() }
        try writer.backup(to: destination.writer)
    }
}

/// Failures of the store that a user can act on.
public enum StoreError: Error, Sendable, Equatable {
    /// A row that should exist does not (e.g. a township id from a stale form).
    case notFound(String)
}
