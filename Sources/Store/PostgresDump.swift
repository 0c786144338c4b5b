import Foundation
import Localization

/// Backups of a PostgreSQL register with PostgreSQL's own tools: `pg_dump` writes a custom-format
/// archive of the register's schema, taken in the same snapshot as the data stamp it reports;
/// restoring replays the archive with `psql` in one transaction after dropping the schema, so a
/// failed restore leaves the register as it was.
extension RegisterStore {
    /// Writes a `pg_dump` custom-format archive of this register to `path`; its data stamp.
    func dump(toFile path: String) throws -> Int64 {
        guard case .postgres(let pool) = backend else { throw StoreError.notFound("postgres") }
        let location = pool.location
        // pg_dump keeps the mode of a file it overwrites: the archive holds password hashes.
        Self.createPrivately(path)
        return try pool.withConnection { session in
            try session.transaction("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
                guard let snapshot = try session.value(String.self, "SELECT pg_export_snapshot()") else {
                    throw StoreError.notFound("snapshot")
                }
                let stamp = try RegisterReader(db: session, memo: nil).dataStamp()
                _ = try PostgresTools.run(
                    "pg_dump",
                    location.toolArguments + [
                        "--format=custom", "--schema=\(location.schema)", "--no-owner", "--no-privileges", "--snapshot=\(snapshot)",
                        "--file=\(path)",
                    ], location: location)
                return stamp
            }
        }
    }

    /// Drops a PostgreSQL register's schema with everything in it (a new demo replaces an old one).
    public func erase() throws {
        guard case .postgres(let pool) = backend else { throw UserError(.unavailable, L10n.message(.postgresNotHere)) }
        try refuseForeignTables(pool)
        try pool.withConnection { session in
            try session.transaction("BEGIN") { try session.executeScript("DROP SCHEMA IF EXISTS \(pool.location.schema) CASCADE") }
        }
        memoCleared()
    }

    /// Refuses to drop a schema that holds tables this program did not make (a shared `public`).
    func refuseForeignTables(_ pool: PostgresPool) throws {
        let tables = try pool.withConnection { session in
            try session.values(String.self, "SELECT tablename::text FROM pg_tables WHERE schemaname = ? ORDER BY 1", pool.location.schema)
        }
        let foreign = tables.filter { !PostgresSchema.tables.contains($0) }
        guard foreign.isEmpty else {
            throw UserError(.wouldOverwrite, L10n.message(.restoreNotOurs, pool.location.schema, foreign.prefix(5).joined(separator: ", ")))
        }
    }

    /// Whether a file is a `pg_dump` custom-format archive (it starts with "PGDMP").
    public static func isPostgresArchive(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 5)) == Data("PGDMP".utf8)
    }

    /// Replaces this PostgreSQL register by an archive of `dump(toFile:)` made from a schema of the
    /// same name; migrates it and audits the restore above both registers' last ids (see
    /// `restore(from:actor:)`). Returns the new data stamp.
    public func restore(postgresArchive archive: String, actor: String) throws -> Int64 {
        guard case .postgres(let pool) = backend else { throw UserError(.invalid, L10n.message(.notABackup, archive)) }
        let location = pool.location
        let listing = try PostgresTools.run("pg_restore", ["--list", archive], location: location)
        let schemas = Self.archivedSchemas(listing)
        guard schemas == [location.schema] else {
            throw UserError(.invalid, L10n.message(.restoreOtherSchema, archive, schemas.joined(separator: ", "), location.schema))
        }
        // An archive of this program's register: it has the migrations table.
        guard listing.contains(" TABLE \(location.schema) schema_migrations ") else {
            throw UserError(.invalid, L10n.message(.notABackup, archive))
        }
        try refuseForeignTables(pool)
        let before = try dataStamp()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-restore-\(UUID().uuidString).sql").path
        _ = FileManager.default.createFile(atPath: script, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: script) }
        _ = try PostgresTools.run("pg_restore", ["--no-owner", "--no-privileges", "--file=\(script)", archive], location: location)
        _ = try PostgresTools.run(
            "psql",
            [
                "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--host", location.host, "--port",
                String(location.port), "--username", location.user, "--dbname", location.database, "--command",
                "DROP SCHEMA IF EXISTS \(location.schema) CASCADE", "--file", script,
            ], location: location)
        try pool.withConnection { try PostgresSchema.migrate($0, location: location, create: true) }
        return try recordRestore(after: before, actor: actor)
    }

    /// The schemas an archive's table of contents creates or fills.
    static func archivedSchemas(_ listing: String) -> [String] {
        var schemas: Set<String> = []
        for line in listing.split(separator: "\n") where !line.hasPrefix(";") {
            // "216; 1259 16390 TABLE demo1 divisions chengxiang" and
            // "2400; 0 16390 TABLE DATA demo1 divisions chengxiang": the kind, then the schema.
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 6, fields[3] == "TABLE" else { continue }
            schemas.insert(fields[4] == "DATA" ? fields[5] : fields[4])
        }
        return schemas.sorted()
    }
}

/// PostgreSQL's command-line tools, run with the register's password in their environment (never
/// on their command line, where `ps` would show it).
enum PostgresTools {
    /// Runs a tool and returns what it printed; `unavailable` with its message when it fails or is
    /// not installed.
    static func run(_ tool: String, _ arguments: [String], location: PostgresLocation) throws -> String {
        guard let executable = find(tool) else { throw UserError(.unavailable, L10n.message(.postgresToolMissing, tool)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password = location.password { environment["PGPASSWORD"] = password }
        environment["PGSSLMODE"] = location.sslMode
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a tool that prints much does not block.
        let errorData = ThreadedRead(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorData.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw UserError(
                .unavailable, L10n.message(.postgresToolFailed, tool, message.isEmpty ? "exit \(process.terminationStatus)" : message))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The tool on PATH or in Debian's PostgreSQL folder.
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/postgresql/15/bin"]
        return folders.map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class ThreadedRead: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
