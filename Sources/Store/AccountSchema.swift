import Domain
import GRDB

/// Migration "2026-12-02 accounts": users, their API tokens, sign-in sessions and failed sign-ins.
///
/// Users and tokens are audited (who was given which role, who disabled whom, which token was
/// revoked) from column lists that leave out the hashes. Sessions and failures are not: they
/// change on every sign-in, are not data of the register, and must not move the data stamp
/// (which would empty the page cache).
enum AccountSchema {
    static let roles = Role.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    static let bureaus = Bureau.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")

    /// The audited account tables as an SQL list, left out of the data stamp.
    static let auditedNames = "'users','api_tokens'"

    static let audited: [AuditedTable] = [
        AuditedTable(
            name: "users", key: { "\($0).id" },
            columns: ["id", "name", "role", "bureau", "township_id", "disabled", "created_at", "password_changed_at"]),
        AuditedTable(
            name: "api_tokens", key: { "\($0).id" }, columns: ["id", "user_id", "label", "created_at", "revoked_at"]),
    ]

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64 AND name = trim(name)),
                    role TEXT NOT NULL CHECK (role IN (\(roles))),
                    bureau TEXT CHECK (bureau IS NULL OR bureau IN (\(bureaus))),
                    township_id INTEGER REFERENCES divisions(id) ON DELETE RESTRICT,
                    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$2_$%'),
                    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    password_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    CHECK ((role = 'bureau-editor') = (bureau IS NOT NULL)),
                    CHECK ((role = 'township-editor') = (township_id IS NOT NULL))
                );
                CREATE TABLE api_tokens (
                    id INTEGER PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
                    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                    label TEXT,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    revoked_at TEXT
                );
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    created_at REAL NOT NULL,
                    last_seen REAL NOT NULL,
                    expires_at REAL NOT NULL CHECK (expires_at >= created_at)
                );
                CREATE INDEX sessions_user ON sessions(user_id);
                CREATE INDEX sessions_expiry ON sessions(expires_at);
                CREATE TABLE sign_in_failures (
                    name TEXT NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX sign_in_failures_name ON sign_in_failures(name, at);
                """)
        for table in audited {
            try db.execute(sql: table.triggerSQL())
        }
    }
}
