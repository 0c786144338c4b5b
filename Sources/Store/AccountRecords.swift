public import Domain
import Foundation

/// A stored account with the hash its password is checked against.
public struct AccountCredentials: Sendable {
    public var account: Stored<Account>
    public var passwordHash: String
}

/// A sign-in session as stored: whose it is and when it lapses (seconds since 1970).
public struct SessionRecord: Sendable {
    public var account: Stored<Account>
    public var lastSeen: Double
    public var expiresAt: Double
}

extension RegisterReader {
    static let accountColumns = "u.id, u.name, u.role, u.bureau, u.township_id, u.disabled"

    static func account(_ row: SQLRow) -> Stored<Account> {
        let role: String = row["role"]
        let bureau: String? = row["bureau"]
        return Stored(
            id: row.id("id"),
            Account(
                name: row["name"], role: Role(rawValue: role) ?? .viewer, bureau: bureau.flatMap(Bureau.init(rawValue:)),
                townshipID: row.optionalID("township_id"), disabled: row["disabled"]))
    }

    /// Every account, by name.
    public func accounts() throws -> [Stored<Account>] {
        try db.rows("SELECT \(Self.accountColumns) FROM users u ORDER BY u.name").map(Self.account)
    }

    /// The account with this name and its password hash.
    public func credentials(name: String) throws -> AccountCredentials? {
        try db.row("SELECT \(Self.accountColumns), u.password_hash FROM users u WHERE u.name = ?", name)
            .map { AccountCredentials(account: Self.account($0), passwordHash: $0["password_hash"]) }
    }

    /// The session with this token hash, if stored.
    public func session(tokenHash: String) throws -> SessionRecord? {
        try db.row(
            """
            SELECT \(Self.accountColumns), s.last_seen, s.expires_at
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?
            """, tokenHash
        ).map { SessionRecord(account: Self.account($0), lastSeen: $0["last_seen"], expiresAt: $0["expires_at"]) }
    }

    /// The account of an API token that has not been revoked.
    public func tokenAccount(tokenHash: String) throws -> Stored<Account>? {
        try db.row(
            """
            SELECT \(Self.accountColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL
            """, tokenHash
        ).map(Self.account)
    }

    /// Failed sign-ins for a name since a moment (seconds since 1970).
    public func signInFailures(name: String, since: Double) throws -> [Double] {
        try db.values(Double.self, "SELECT at FROM sign_in_failures WHERE name = ? AND at >= ? ORDER BY at", name, since)
    }
}

extension RegisterWriter {
    /// Stores a new account with its password hash; its id.
    @discardableResult
    public func insert(_ account: Account, passwordHash: String) throws -> Stored<Account> {
        let now = SQLTimestamp.now()
        let id = try db.insertReturningID(
            """
            INSERT INTO users (name, role, bureau, township_id, password_hash, disabled, created_at, password_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            account.name, account.role.rawValue, account.bureau?.rawValue, account.townshipID?.rawValue, passwordHash, account.disabled,
            now, now)
        return Stored(id: EntityID(id), account)
    }

    /// Replaces a stored account's password hash.
    public func setPasswordHash(_ id: Account.ID, _ hash: String) throws {
        try db.execute("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?", hash, SQLTimestamp.now(), id.rawValue)
    }

    /// Enables or disables an account; disabling also ends its sessions and revokes its tokens.
    public func setDisabled(_ id: Account.ID, _ disabled: Bool) throws {
        try db.execute("UPDATE users SET disabled = ? WHERE id = ?", disabled, id.rawValue)
        if disabled { try endAccess(of: id) }
    }

    /// Ends every session of an account.
    public func deleteSessions(of id: Account.ID) throws {
        try db.execute("DELETE FROM sessions WHERE user_id = ?", id.rawValue)
    }

    /// Ends every session of an account and revokes every API token it holds.
    public func endAccess(of id: Account.ID) throws {
        try deleteSessions(of: id)
        try db.execute("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", SQLTimestamp.now(), id.rawValue)
    }

    /// Stores an API token's hash for an account.
    public func insertToken(_ id: Account.ID, tokenHash: String, label: String?) throws {
        try db.execute(
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)", id.rawValue, tokenHash, label,
            SQLTimestamp.now())
    }
}

/// The state of signing in — sessions and failed attempts — and nothing else: what may be written
/// without a permission check (it is how permission is established) and is not audited.
public struct SessionWriter {
    let writer: RegisterWriter
    var db: any SQLConnection { writer.db }

    /// Reads within the same transaction.
    public var reader: RegisterReader { writer.reader }

    /// Stores a session; times in seconds since 1970.
    public func insertSession(_ id: Account.ID, tokenHash: String, now: Double, expiresAt: Double) throws {
        try db.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?)", tokenHash,
            id.rawValue, now, now, expiresAt)
    }

    /// Marks a session as used now.
    public func touchSession(tokenHash: String, now: Double) throws {
        try db.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", now, tokenHash)
    }

    /// Ends one session.
    public func deleteSession(tokenHash: String) throws {
        try db.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash)
    }

    /// Forgets every session whose lifetime ended before `now`.
    public func deleteLapsedSessions(now: Double) throws {
        try db.execute("DELETE FROM sessions WHERE expires_at < ?", now)
    }

    /// Records a failed sign-in for a name, forgetting failures older than `forgetBefore`.
    public func recordSignInFailure(name: String, at: Double, forgetBefore: Double) throws {
        try db.execute("DELETE FROM sign_in_failures WHERE at < ?", forgetBefore)
        try db.execute("INSERT INTO sign_in_failures (name, at) VALUES (?, ?)", name, at)
    }

    /// Forgets the failed sign-ins of a name (after a successful one).
    public func clearSignInFailures(name: String) throws {
        try db.execute("DELETE FROM sign_in_failures WHERE name = ?", name)
    }
}

extension RegisterStore {
    /// Runs `body` in one transaction over the sign-in state only (see `SessionWriter`). It takes
    /// no writers' turn (the `audit_context` row): nothing it touches is audited, so on PostgreSQL
    /// signing in does not wait for a long import.
    public func writeSessions<T>(_ body: (SessionWriter) throws -> T) throws -> T {
        try writing { try body(SessionWriter(writer: RegisterWriter(db: $0))) }
    }
}
