import Foundation
import Localization
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL register lives, from a URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|prefer|require]`.
/// `schema` (default `public`) lets one database hold several counties' registers side by side.
struct PostgresLocation: Sendable, Equatable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var schema: String
    var sslMode: String

    /// Whether a `--database` value names a PostgreSQL register rather than a SQLite file.
    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The location a URL names; `invalid` with the reason when it names none.
    init(url text: String) throws {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw UserError(.invalid, L10n.message(.postgresURLInvalid, Self.redacted(text)))
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let schema = query["schema"] ?? "public"
        let sslMode = query["sslmode"] ?? "prefer"
        guard !path.isEmpty, !path.contains("/"), Self.isPlainName(schema), ["disable", "prefer", "require"].contains(sslMode),
            Set(query.keys).isSubset(of: ["schema", "sslmode"])
        else { throw UserError(.invalid, L10n.message(.postgresURLInvalid, Self.redacted(text))) }
        self.host = host
        self.port = components.port ?? 5432
        self.user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        // A password in the URL, else PGPASSWORD (as libpq reads it; it stays off the command line).
        self.password = components.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        self.database = path
        self.schema = schema
        self.sslMode = sslMode
    }

    /// A schema name that needs no quoting: lower-case letters, digits and underscores.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
        return name.count <= 63 && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The URL without its password, for messages and logs.
    static func redacted(_ text: String) -> String {
        // By text, not by parsing: a URL that does not parse must not show its password either.
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards), scheme.upperBound < at.lowerBound
        else { return text }
        let credentials = text[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }

    /// The URL as shown to people (no password).
    var description: String { "postgres://\(user)@\(host):\(port)/\(database)?schema=\(schema)" }

    /// The arguments that point `pg_dump`/`pg_restore` here; the password goes in the environment.
    var toolArguments: [String] { ["--host", host, "--port", String(port), "--username", user, "--dbname", database] }
}

/// A small pool of PostgreSQL connections used synchronously: a caller takes a connection, runs
/// its statements (waiting on each), and gives it back. The connections run on an event loop of
/// their own, so waiting is never on the loop that does the work.
final class PostgresPool: Sendable {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private let configuration: PostgresConnection.Configuration
    private let state = NSConditionBox()
    private let maximum: Int
    private let logger: Logger

    /// Connects once (so a wrong address or password is reported at once) and keeps that connection.
    init(_ location: PostgresLocation, maximumConnections: Int = 8) throws {
        self.location = location
        maximum = maximumConnections
        var logger = Logger(label: "chengxiang.postgres")
        logger.logLevel = .error
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        switch location.sslMode {
        case "disable": tls = .disable
        default:
            // As libpq means `prefer` and `require`: encrypted, the certificate not verified (Debian's
            // server ships a self-signed one). Verifying a county CA is not offered yet.
            var client = TLSConfiguration.makeClientConfiguration()
            client.certificateVerification = .none
            let context = try NIOSSLContext(configuration: client)
            tls = location.sslMode == "require" ? .require(context) : .prefer(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = [
            ("search_path", location.schema), ("TimeZone", "UTC"), ("application_name", "chengxiang"),
        ]
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let first = try connect()
            state.release(first)
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    deinit {
        for connection in state.drain() { _ = try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    private func connect() throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: Int.random(in: 1...Int.max), logger: logger
            ).wait()
        } catch {
            throw UserError(.unavailable, L10n.message(.postgresUnreachable, location.description, Self.reason(error)))
        }
    }

    /// The server's words for a failure, or the error's description.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return error.underlying.map { "\($0)" } ?? "\(error.code)"
        }
        return "\(error)"
    }

    /// Runs `body` with a connection of the pool; a connection that broke is closed, not reused.
    func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        var taken = state.take(maximum: maximum)
        // A connection the server closed while it was idle (a restart, an idle timeout) is
        // replaced, not handed out.
        while let idle = taken, idle.isClosed {
            state.forget()
            taken = state.take(maximum: maximum)
        }
        let connection: PostgresConnection
        if let idle = taken {
            connection = idle
        } else {
            do {
                connection = try connect()
            } catch {
                state.forget()
                throw error
            }
        }
        let session = PostgresSession(connection: connection, logger: logger)
        do {
            let result = try body(session)
            state.release(connection)
            return result
        } catch {
            if connection.isClosed {
                state.forget()
            } else {
                state.release(connection)
            }
            throw error
        }
    }
}

/// The pool's bookkeeping under a lock: idle connections and how many exist.
private final class NSConditionBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0

    /// An idle connection, or nil when the caller should open one (counted already); waits while
    /// `maximum` are in use.
    func take(maximum: Int) -> PostgresConnection? {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && open >= maximum { condition.wait() }
        if let connection = idle.popLast() { return connection }
        open += 1
        return nil
    }

    /// Gives a connection back (or adds the first one).
    func release(_ connection: PostgresConnection) {
        condition.lock()
        if open == 0 { open = 1 }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// A connection that was counted is gone.
    func forget() {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }

    func drain() -> [PostgresConnection] {
        condition.lock()
        defer { condition.unlock() }
        let all = idle
        idle = []
        return all
    }
}

/// The SQL layer over one PostgreSQL connection: `?` placeholders become `$1, $2 …`, values are
/// bound as int8, float8 or text, and results are read back into the same values SQLite gives.
struct PostgresSession: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger

    var dialect: SQLDialect { .postgres }

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumns(first.map(\.columnName))
        return try result.rows.map { row in SQLRow(columns: columns, values: try row.map(Self.value)) }
    }

    func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        let rows = try rows(sql + " RETURNING id", arguments)
        guard let id = rows.first.flatMap({ Int64(sqlValue: $0.values[0]) }) else { throw StoreError.notFound("id") }
        return id
    }

    /// Runs `body` between `begin` and COMMIT; rolls back when it throws.
    func transaction<T>(_ begin: String, _ body: () throws -> T) throws -> T {
        try execute(begin, [])
        do {
            let result = try body()
            try execute("COMMIT", [])
            return result
        } catch {
            _ = try? execute("ROLLBACK", [])
            throw error
        }
    }

    /// Runs a script of several statements without arguments (the schema), one statement at a time:
    /// postgres-nio speaks only the extended protocol, which takes one statement per message.
    func executeScript(_ sql: String) throws {
        for statement in Self.statements(sql) { try execute(statement, []) }
    }

    /// A script of our own split at the semicolons that end statements — not those inside quotes
    /// or `$$` function bodies. (For the program's schema scripts only; never for a user's text.)
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quoted = false
        var body = false
        var previous: Character = " "
        for c in script {
            if c == "'" && !body { quoted.toggle() }
            if c == "$" && previous == "$" && !quoted { body.toggle() }
            if c == ";" && !quoted && !body {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            } else {
                current.append(c)
            }
            previous = c == "$" && previous == "$" ? " " : c
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }

    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            case .bytes(let v): binds.append(ByteBuffer(bytes: v))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds)
        return try RegisterStore.translating { try Self.waiting(for: connection.query(query, logger: logger), on: connection) }
    }

    /// The longest any statement may take before its connection is given up: past the longest
    /// lock wait (`RegisterStore.busyTimeoutSeconds`), so only a server that stopped answering
    /// — gone without closing the connection — reaches it.
    static let answerTimeout: TimeAmount = .seconds(Int64(RegisterStore.busyTimeoutSeconds) + 60)

    /// The future's value, waiting at most `answerTimeout`; then the connection is closed (so the
    /// pool drops it) and the caller gets `unavailable` instead of waiting for ever.
    static func waiting<T: Sendable>(for future: EventLoopFuture<T>, on connection: PostgresConnection) throws -> T {
        let promise = connection.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        let timer = connection.eventLoop.scheduleTask(in: answerTimeout) {
            promise.fail(UserError(.unavailable, L10n.message(.postgresTimedOut, String(answerTimeout.nanoseconds / 1_000_000_000))))
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }

    /// The statement with each `?` outside quotes replaced by `$1`, `$2` …
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quoted = false
        for c in sql {
            if c == "'" { quoted.toggle() }
            if c == "?" && !quoted {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea: return .bytes(Array(buffer: try cell.decode(ByteBuffer.self)))
        default: return .text(try cell.decode(String.self))
        }
    }
}
