import Crypto
public import Domain
public import Foundation
import HummingbirdBcrypt
import Localization
import Store

/// Users, passwords, sign-in sessions and API tokens.
///
/// Passwords are kept as bcrypt hashes (cost 12 unless a test asks for less); sessions and API
/// tokens are 256-bit random secrets of which only the SHA-256 is stored, so a copy of the
/// database signs no one in. Managing users is a write like any other: it needs an
/// administrator (`WriteNeed.administration`) and is audited, without the hashes.
public struct AccountService: Sendable {
    let store: RegisterStore

    /// Shortest password accepted, in characters.
    public static let minimumPasswordLength = 8
    /// Longest password accepted, in UTF-8 bytes: bcrypt reads no further.
    public static let maximumPasswordBytes = 72
    /// Failed sign-ins for one name within `lockoutWindow` that lock the name for the rest of it.
    public static let lockoutFailures = 5
    public static let lockoutWindow: TimeInterval = 15 * 60

    /// How long a session lasts at most, and how long it survives without use.
    public struct SessionPolicy: Sendable {
        public var lifetime: TimeInterval
        public var idle: TimeInterval

        public init(lifetime: TimeInterval = 12 * 3600, idle: TimeInterval = 2 * 3600) {
            self.lifetime = lifetime
            self.idle = idle
        }
    }

    // MARK: Managing users

    /// Every account, by name.
    public func accounts() throws -> [Stored<Account>] { try store.read { try $0.accounts() } }

    /// Every account, for an administrator (`forbidden` for anyone else).
    public func accounts(by principal: Principal) throws -> [Stored<Account>] {
        try store.authorize(principal, [.administration])
        return try accounts()
    }

    /// Adds a user. `township` names a current township (township editors only); `bureau` a
    /// bureau (bureau editors only). The password is checked, hashed and forgotten.
    @discardableResult
    public func add(
        name: String, role: Role, bureau: Bureau? = nil, township: String? = nil, password: String, by principal: Principal,
        cost: UInt8 = 12
    ) throws -> Stored<Account> {
        let name = try Self.checkName(name)
        try Self.checkPassword(password)
        var account = Account(name: name, role: role, bureau: bureau)
        switch role {
        case .bureauEditor:
            guard bureau != nil, township == nil else {
                throw UserError(.invalid, L10n.message(.userNeedsBureau, Bureau.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        case .townshipEditor:
            guard bureau == nil, let township else { throw UserError(.invalid, L10n.message(.userNeedsTownship)) }
            account.townshipID = try Self.township(named: township, try store.read { try $0.register() }).id
        case .admin, .viewer:
            guard bureau == nil, township == nil else { throw UserError(.invalid, L10n.message(.userNoScope, role.label)) }
        }
        try store.authorize(principal, [.administration])
        let hash = Bcrypt.hash(password, cost: cost)
        return try store.write(by: principal, .administration) { w in
            if try w.reader.credentials(name: name) != nil { throw UserError(.conflict, L10n.message(.userExists, name)) }
            return try w.insert(account, passwordHash: hash)
        }
    }

    /// Sets a user's password; ends the user's sessions and revokes its API tokens (a reset after
    /// a leak must shut out whoever had the old password, and any token they made with it).
    public func setPassword(name: String, password: String, by principal: Principal, cost: UInt8 = 12) throws {
        try change(name: name, password: password, disabled: nil, by: principal, cost: cost)
    }

    /// Disables (or enables again) a user: a disabled user cannot sign in, and its sessions and
    /// tokens end. The last enabled administrator cannot be disabled.
    public func setDisabled(name: String, _ disabled: Bool, by principal: Principal) throws {
        try change(name: name, password: nil, disabled: disabled, by: principal)
    }

    /// Changes a user in one transaction: a new password (which ends its sessions and revokes its
    /// tokens) and/or disabling or enabling it; a refusal of either changes nothing.
    public func change(name: String, password: String?, disabled: Bool?, by principal: Principal, cost: UInt8 = 12) throws {
        if let password { try Self.checkPassword(password) }
        try store.authorize(principal, [.administration])
        let hash = password.map { Bcrypt.hash($0, cost: cost) }
        try store.write(by: principal, .administration) { w in
            let account = try Self.existing(name, w.reader)
            if let hash {
                try w.setPasswordHash(account.id, hash)
                try w.endAccess(of: account.id)
            }
            if let disabled {
                let others = try w.reader.accounts().filter { $0.role == .admin && !$0.disabled && $0.id != account.id }
                if disabled && account.role == .admin && others.isEmpty { throw UserError(.conflict, L10n.message(.userLastAdmin)) }
                try w.setDisabled(account.id, disabled)
            }
        }
    }

    /// Revokes every API token of a user and ends its sessions.
    public func revokeAccess(name: String, by principal: Principal) throws {
        try store.write(by: principal, .administration) { w in try w.endAccess(of: try Self.existing(name, w.reader).id) }
    }

    /// A new API token for a user; only its hash is stored, so this is the one time it is seen.
    public func issueToken(name: String, label: String? = nil, by principal: Principal) throws -> String {
        let token = "cxt_" + Self.randomSecret()
        try store.write(by: principal, .ownAccount(name)) { w in
            let account = try Self.existing(name, w.reader)
            if account.disabled { throw UserError(.conflict, L10n.message(.userUnknown, name)) }
            try w.insertToken(account.id, tokenHash: Self.digest(token), label: label)
        }
        return token
    }

    // MARK: Signing in

    /// Checks a name and password and opens a session; returns the session's secret (for the
    /// cookie) and the account. A wrong name, a wrong password and a disabled account get the
    /// same answer after the same work; after `lockoutFailures` failures within `lockoutWindow`
    /// the name is refused (`throttled`) until the window has passed, right password or not.
    public func signIn(
        name: String, password: String, policy: SessionPolicy = SessionPolicy(), now: Date = Date()
    ) throws -> (session: String, account: Stored<Account>) {
        let account = try verify(name: name, password: password, now: now)
        let secret = Self.randomSecret()
        let at = now.timeIntervalSince1970
        try store.writeSessions { w in
            try w.deleteLapsedSessions(now: at)
            try w.insertSession(account.id, tokenHash: Self.digest(secret), now: at, expiresAt: at + policy.lifetime)
        }
        return (secret, account)
    }

    /// A new API token for the user whose name and password are given (a script signing in);
    /// the same checks and lock-out as `signIn`.
    public func issueToken(name: String, password: String, label: String? = nil, now: Date = Date()) throws -> String {
        let account = try verify(name: name, password: password, now: now)
        return try issueToken(name: account.name, label: label, by: Principal(account.value, channel: .api))
    }

    /// Checks a name and password (see `signIn`); the account, or `unauthorized` / `throttled`.
    func verify(name: String, password: String, now: Date) throws -> Stored<Account> {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let at = now.timeIntervalSince1970
        // Failures are kept by the name's hash (a password typed into the name field is not kept in
        // clear). The attempt is counted before the password is checked, so parallel guesses
        // cannot pass the limit; a right password then clears the count.
        let key = Self.digest(name)
        let earlier = try store.writeSessions { w -> [Double] in
            let failures = try w.reader.signInFailures(name: key, since: at - Self.lockoutWindow)
            if failures.count < Self.lockoutFailures {
                try w.recordSignInFailure(name: key, at: at, forgetBefore: at - Self.lockoutWindow)
            }
            return failures
        }
        if earlier.count >= Self.lockoutFailures, let first = earlier.first {
            let minutes = Int(((first + Self.lockoutWindow - at) / 60).rounded(.up))
            throw UserError(.throttled, L10n.message(.signInLocked, max(1, minutes)))
        }
        let credentials = try store.read { try $0.credentials(name: name) }
        // Unknown names are checked against a fixed hash, so they take as long as known ones.
        let matches = Bcrypt.verify(password, hash: credentials?.passwordHash ?? Self.unknownUserHash)
        guard let credentials, matches, !credentials.account.disabled, password.utf8.count <= Self.maximumPasswordBytes else {
            throw UserError(.unauthorized, L10n.message(.signInFailed))
        }
        try store.writeSessions { try $0.clearSignInFailures(name: key) }
        return credentials.account
    }

    /// The account a session secret belongs to, if the session is open and the account enabled;
    /// a session is marked used at most once a minute.
    public func sessionAccount(_ secret: String, policy: SessionPolicy = SessionPolicy(), now: Date = Date()) throws -> Stored<Account>? {
        let found = try lookUpSession(secret, policy: policy, now: now)
        if found.upkeepDue { try sessionUpkeep(secret, policy: policy, now: now) }
        return found.account
    }

    /// What a request's session cookie says, read only: the account if the session is open, and
    /// whether its bookkeeping is due (marking it used, at most once a minute, or forgetting it).
    /// The web server does the bookkeeping (`sessionUpkeep`) off the request's path, so that a
    /// request never waits for the register's write lock (a long import holds it) to be answered.
    public func lookUpSession(_ secret: String, policy: SessionPolicy = SessionPolicy(), now: Date = Date()) throws -> SessionLookup {
        guard Self.isWellFormed(secret), let session = try store.read({ try $0.session(tokenHash: Self.digest(secret)) }) else {
            return SessionLookup(account: nil, upkeepDue: false)
        }
        let at = now.timeIntervalSince1970
        if at > session.expiresAt || at - session.lastSeen > policy.idle || session.account.disabled {
            return SessionLookup(account: nil, upkeepDue: true)
        }
        return SessionLookup(account: session.account, upkeepDue: at - session.lastSeen > 60)
    }

    /// Marks an open session as used now, or forgets it when it has lapsed (with every other lapsed
    /// session).
    public func sessionUpkeep(_ secret: String, policy: SessionPolicy = SessionPolicy(), now: Date = Date()) throws {
        guard Self.isWellFormed(secret) else { return }
        let hash = Self.digest(secret)
        let at = now.timeIntervalSince1970
        try store.writeSessions { w in
            guard let session = try w.reader.session(tokenHash: hash) else { return }
            if at > session.expiresAt || at - session.lastSeen > policy.idle || session.account.disabled {
                try w.deleteSession(tokenHash: hash)
                try w.deleteLapsedSessions(now: at)
            } else {
                try w.touchSession(tokenHash: hash, now: at)
            }
        }
    }

    /// See `lookUpSession`.
    public struct SessionLookup: Sendable {
        public var account: Stored<Account>?
        public var upkeepDue: Bool
    }

    /// Ends a session (signing out); also forgets sessions that have lapsed.
    public func signOut(_ secret: String, now: Date = Date()) throws {
        guard Self.isWellFormed(secret) else { return }
        try store.writeSessions { w in
            try w.deleteSession(tokenHash: Self.digest(secret))
            try w.deleteLapsedSessions(now: now.timeIntervalSince1970)
        }
    }

    /// The account of an API token, if the token is known, not revoked and its user enabled.
    public func tokenAccount(_ token: String) throws -> Stored<Account>? {
        guard token.hasPrefix("cxt_"), Self.isWellFormed(String(token.dropFirst(4))) else { return nil }
        guard let account = try store.read({ try $0.tokenAccount(tokenHash: Self.digest(token)) }), !account.disabled else {
            return nil
        }
        return account
    }

    // MARK: Checks and secrets

    /// A user name as stored: trimmed, 1–64 characters, no spaces or control characters.
    static func checkName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(name.count),
            name.unicodeScalars.allSatisfy({
                !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.controlCharacters.contains($0)
            })
        else { throw UserError(.invalid, L10n.message(.userNameInvalid, String(text.prefix(80)))) }
        return name
    }

    /// Refuses a password too short, too long for bcrypt, or with control characters.
    static func checkPassword(_ password: String) throws {
        if password.count < minimumPasswordLength { throw UserError(.invalid, L10n.message(.passwordTooShort, minimumPasswordLength)) }
        if password.utf8.count > maximumPasswordBytes { throw UserError(.invalid, L10n.message(.passwordTooLong, maximumPasswordBytes)) }
        if password.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            throw UserError(.invalid, L10n.message(.passwordControl))
        }
    }

    static func existing(_ name: String, _ reader: RegisterReader) throws -> Stored<Account> {
        guard let account = try reader.credentials(name: name)?.account else {
            throw UserError(.notFound, L10n.message(.userUnknown, name))
        }
        return account
    }

    /// The current township a name designates, or `invalid`.
    static func township(named name: String, _ register: DivisionRegister) throws -> Stored<Division> {
        guard let township = register.townships(named: name).first(where: { $0.status == .current }) else {
            throw UserError(.invalid, L10n.message(.userNeedsTownship))
        }
        return township
    }

    /// 256 random bits from the system's generator, as 64 hex digits.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A secret as issued: 64 lower-case hex digits.
    static func isWellFormed(_ secret: String) -> Bool {
        secret.utf8.count == 64 && secret.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The anti-CSRF token of a session's forms: an HMAC of the session's secret, so it is bound to
    /// the session (a token planted by a neighbouring site or from before sign-in is worth
    /// nothing) and needs no storage. 128 bits, hex.
    public static func formToken(forSession secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("cx-form".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of a secret, as stored.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A fixed bcrypt hash (of a random password) that unknown names are checked against.
    static let unknownUserHash = Bcrypt.hash(randomSecret(), cost: 12)

    /// A password for a new administrator: 16 characters without look-alikes (0/O, 1/l/I).
    public static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
    }
}
