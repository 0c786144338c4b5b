import Domain
public import Foundation
import GRDB
import Localization
import PostgresNIO

/// The county register: a SQLite file through GRDB (the default, one office) or a PostgreSQL
/// database through postgres-nio (a county's or a prefecture's many users), migrated on open.
///
/// Reads go through `read`, writes through `write`, which runs its body in one transaction:
/// either every change lands or none does. Every write names its actor for the audit log.
/// Both backends run the same statements (`SQLConnection`); each has its own schema script.
public final class RegisterStore: Sendable {
    enum Backend: Sendable {
        case sqlite(any DatabaseWriter)
        case postgres(PostgresPool)
    }

    let backend: Backend
    /// The database file, for a SQLite register on disk.
    public let path: String?

    /// Opens (creating if needed) the register at `path` — a SQLite file, or a PostgreSQL database
    /// named by a `postgres://` URL — and applies pending migrations. A writer waits up to
    /// `busyTimeout` seconds for another's transaction — by default long enough for the write phase
    /// of a million-row import — and then gets `unavailable` (HTTP 503, exit 69) rather than a raw
    /// "database is locked".
    /// On PostgreSQL, `create: false` refuses a schema that holds no register (`missingInput`)
    /// instead of creating one: a mistyped schema name must not start an empty register.
    public init(path: String, create: Bool = true, busyTimeout: TimeInterval = RegisterStore.busyTimeoutSeconds) throws {
        if PostgresLocation.isURL(path) {
            let pool = try PostgresPool(try PostgresLocation(url: path))
            backend = .postgres(pool)
            self.path = nil
            self.busyTimeout = busyTimeout
            try pool.withConnection { try PostgresSchema.migrate($0, location: pool.location, create: create) }
            return
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        Self.createPrivately(path)
        let writer = try DatabasePool(path: path, configuration: configuration)
        backend = .sqlite(writer)
        self.path = path
        self.busyTimeout = busyTimeout
        try Schema.migrator().migrate(writer)
    }

    /// Whether `location` names a PostgreSQL register (a `postgres://` URL) rather than a file.
    public static func isServerLocation(_ location: String) -> Bool { PostgresLocation.isURL(location) }

    /// The PostgreSQL register this store uses, as shown to people (no password); nil for SQLite.
    public var serverDescription: String? {
        if case .postgres(let pool) = backend { return pool.location.description }
        return nil
    }

    private let busyTimeout: TimeInterval

    /// Creates an empty file readable by its owner only (0600) where there is none: the register
    /// holds password hashes and session digests, and SQLite gives its -wal and -shm files the
    /// database file's mode.
    static func createPrivately(_ path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
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
        let writer = try DatabaseQueue(configuration: configuration)
        backend = .sqlite(writer)
        path = nil
        busyTimeout = Self.busyTimeoutSeconds
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

    /// A value derived from named inputs, kept while `version` (which must describe every input,
    /// e.g. the ids and import times of the layers read) stays the same, whatever else changes.
    /// `computed` tells whether this call computed it.
    public func versioned<T: Sendable>(_ key: String, version: String, _ compute: () throws -> T) rethrows -> (value: T, computed: Bool) {
        var computed = false
        let value = try versions.value(key, version: version) {
            computed = true
            return try compute()
        }
        return (value, computed)
    }

    private let versions = VersionedMemo()

    /// Forgets every derived value (the register was replaced under this store).
    func memoCleared() {
        memo.clear()
        versions.clear()
    }

    /// A register's location as shown to people: a file path as given, a PostgreSQL URL without its
    /// password.
    public static func shown(_ location: String) -> String {
        PostgresLocation.isURL(location) ? PostgresLocation.redacted(location) : location
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        switch backend {
        case .sqlite(let writer): try writer.read { db in try Schema.migrator().appliedMigrations(db) }
        case .postgres(let pool): try pool.withConnection { try PostgresSchema.appliedMigrations($0) }
        }
    }

    /// Runs `body` on a consistent snapshot of the register.
    public func read<T>(_ body: (RegisterReader) throws -> T) throws -> T {
        try reading { try body(RegisterReader(db: $0, memo: memo)) }
    }

    /// Runs `body` on a consistent snapshot, on either backend.
    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let writer):
            return try Self.translating { try writer.read { db in try body(SQLiteConnection(db: db)) } }
        case .postgres(let pool):
            return try pool.withConnection { session in
                try session.transaction("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY") { try body(session) }
            }
        }
    }

    /// Runs `body` in one transaction, recording `actor` (and the import, if any) in the audit log.
    /// Throwing from `body` rolls every change back.
    public func write<T>(actor: String, _ body: (RegisterWriter) throws -> T) throws -> T {
        try writing { db in
            // On PostgreSQL this row lock also makes writers take turns, as SQLite's write lock does.
            try db.execute("UPDATE audit_context SET actor = ?, import_id = NULL WHERE id = 1", actor)
            let result = try body(RegisterWriter(db: db))
            // A change made later by another writer (the sqlite3 shell, psql, a script) is not
            // recorded under this actor.
            try db.execute("UPDATE audit_context SET actor = ?, import_id = NULL WHERE id = 1", Self.outsideActor)
            return result
        }
    }

    /// Runs `body` as `write` does and then rolls every change back: a rehearsal that checks what a
    /// write would do (the database's own rules included) and leaves the register as it was.
    public func rehearse<T>(actor: String, _ body: (RegisterWriter) throws -> T) throws -> T {
        var outcome: T?
        do {
            _ = try write(actor: actor) { writer -> Void in
                outcome = try body(writer)
                throw Rehearsal()
            }
        } catch is Rehearsal {}
        guard let outcome else { throw StoreError.notFound("rehearsal") }
        return outcome
    }

    private struct Rehearsal: Error {}

    /// Runs `body` in one transaction on either backend.
    func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let writer):
            return try Self.translating { try writer.write { db in try body(SQLiteConnection(db: db)) } }
        case .postgres(let pool):
            return try pool.withConnection { session in
                try session.transaction("BEGIN") {
                    try session.execute("SELECT set_config('lock_timeout', ?, true)", "\(Int(busyTimeout * 1000))ms")
                    return try body(session)
                }
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
        } catch let error as PSQLError {
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

    /// PostgreSQL's refusals by SQLSTATE class: 23 (a constraint), P0001 (a rule's trigger) and
    /// 22 (a value the column cannot hold) are rules; 55P03, 40001 and 40P01 mean busy; a lost
    /// connection means the server is unavailable.
    static func userError(_ error: PSQLError) -> UserError? {
        guard let state = error.serverInfo?[.sqlState] else {
            switch error.code {
            case .server, .queryCancelled: return nil
            default: return UserError(.unavailable, L10n.message(.postgresLost, PostgresPool.reason(error)))
            }
        }
        let message = error.serverInfo?[.message] ?? state
        if state.hasPrefix("23") || state.hasPrefix("22") || state == "P0001" {
            return UserError.rejected(file: "—", L10n.message(.databaseRule, message))
        }
        if ["55P03", "40001", "40P01", "57014"].contains(state) { return UserError(.unavailable, L10n.message(.databaseBusy)) }
        // The connection, the server's resources, an administrator's shutdown: try again later.
        if state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") {
            return UserError(.unavailable, L10n.message(.postgresLost, "\(message) (\(state))"))
        }
        if state == "42501" { return UserError(.unavailable, L10n.message(.postgresDenied, message)) }
        return nil
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
        backend = .sqlite(queue)
        self.path = path
        busyTimeout = Self.busyTimeoutSeconds
    }

    /// The SQLite connection of a SQLite register (backups, the fuzz harness); `unavailable` on
    /// PostgreSQL, whose copies are made with `pg_dump`.
    func sqliteWriter() throws -> any DatabaseWriter {
        guard case .sqlite(let writer) = backend else {
            throw UserError(.unavailable, L10n.message(.postgresNotHere))
        }
        return writer
    }

    /// Replaces this register by a backup (SQLite's online backup), applies the migrations the
    /// backup lacks, and records the restore in the audit log under an id above both registers'
    /// last ones — so the data stamp moves forward and no cache (of this process or a server that
    /// has the file open) takes the restored data for data it has seen. Returns the new stamp.
    public func restore(from backup: RegisterStore, actor: String) throws -> Int64 {
        let before = try dataStamp()
        let writer = try sqliteWriter()
        try backup.sqliteWriter().backup(to: writer)
        try Schema.migrator().migrate(writer)
        memo.clear()
        return try recordRestore(after: before, actor: actor)
    }

    /// Audits a restore under an id above `before` and the restored log's last; that id. Runs as a
    /// write (the writers' lock) and, on PostgreSQL, under the audit lock, moving the id sequence
    /// only forward.
    func recordRestore(after before: Int64, actor: String) throws -> Int64 {
        memo.clear()
        return try write(actor: actor) { w in
            let db = w.db
            if db.dialect == .postgres {
                try db.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ' audit'))", [])
            }
            let last = try db.value(Int64.self, "SELECT coalesce(max(id), 0) FROM audit_log") ?? 0
            let id = max(before, last) + 1
            let after = #"{"restored_at":"\#(SQLTimestamp.now())"}"#
            try db.execute(
                """
                INSERT INTO audit_log (id, changed_at, table_name, row_key, action, before_json, after_json, actor)
                VALUES (?, ?, 'metadata', 'restored', 'update', NULL, ?, ?)
                """, id, SQLTimestamp.now(), after, actor)
            if db.dialect == .postgres {
                try db.execute(
                    "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), greatest(?, (SELECT max(id) FROM audit_log)))", id)
            }
            return id
        }
    }

    /// Writes a consistent copy of the whole database to a new file at `path` — SQLite's online
    /// backup (WAL content included), or for PostgreSQL a `pg_dump` archive — closed and complete
    /// when this returns; its data stamp.
    public func backup(toFile path: String) throws -> Int64 {
        if case .postgres = backend { return try dump(toFile: path) }
        let source = try sqliteWriter()
        Self.createPrivately(path)
        let copy = try DatabaseQueue(path: path)
        try source.backup(to: copy)
        // One self-contained file: the copy takes the source's WAL mode, which reading it would
        // turn into -wal and -shm files beside it.
        try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
        let stamp = try copy.read { try RegisterReader(db: SQLiteConnection(db: $0), memo: nil).dataStamp() }
        try copy.close()
        return stamp
    }

    /// Copies the whole database into another SQLite store (an online backup; WAL content included).
    public func backup(toStore destination: RegisterStore) throws {
        destination.memo.clear()
        defer { destination.memo.clear() }
        try sqliteWriter().backup(to: destination.sqliteWriter())
    }
}

/// Failures of the store that a user can act on.
public enum StoreError: Error, Sendable, Equatable {
    /// A row that should exist does not (e.g. a township id from a stale form).
    case notFound(String)
}
