import Domain
import Foundation
import Localization
import Services

/// An uploaded file waiting for the user to commit or cancel it, with what checking found.
struct StagedImport: Sendable {
    let token: String
    let sheet: String?
    /// The data year and source for school rows that give none, as entered with the upload.
    let defaults: ImportDefaults
    let url: URL
    let stagedAt: ContinuousClock.Instant
    /// The user who uploaded it: only they may see, commit or cancel it.
    let owner: String
    var check: ImportCheck
}

/// Uploads held between "check" and "commit": checked on arrival (a dry run through the same
/// import the CLI uses), written only on commit. Files live in a folder of this process under the
/// system's temporary folder; one not committed or cancelled within the lifetime is discarded, and
/// folders left by a server that is no longer running are removed when the next one starts.
actor ImportStaging {
    private var staged: [String: StagedImport] = [:]
    private let folder: URL
    private let lifetime: Duration

    /// Uploads held at most; staging one more discards the oldest, so the disk cannot be filled
    /// by uploads that are never committed.
    static let maximumHeld = 64

    /// The prefix of every staging folder; the process id follows it.
    static let prefix = "chengxiang-staging-"

    init(lifetime: Duration) {
        self.lifetime = lifetime
        let pid = ProcessInfo.processInfo.processIdentifier
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.prefix)\(pid)")
        Self.removeAbandonedFolders(olderThan: lifetime)
    }

    /// Removes the staging folders of servers that are no longer running: folders of this user,
    /// whose process is gone, untouched for longer than the lifetime (a server in another process
    /// namespace may reuse a pid we cannot see).
    static func removeAbandonedFolders(olderThan lifetime: Duration) {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        let cutoff = Date().addingTimeInterval(-(lifetime / .seconds(1)))
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            let url = temporary.appendingPathComponent(name)
            guard Self.isPrivateFolder(url.path), let modified = Self.attributes(url.path)?[.modificationDate] as? Date, modified < cutoff
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Makes this server's folder readable by this user only, or checks that the folder already
    /// there is ours, a real folder and private — another local user could otherwise prepare it to
    /// read uploads or swap a file between check and commit.
    func ensureFolder() throws {
        if mkdir(folder.path, 0o700) == 0 { return }
        guard errno == EEXIST, Self.isPrivateFolder(folder.path) else {
            throw UserError(.unavailable, L10n.message(.webStagingUnsafe, folder.path))
        }
    }

    /// The attributes of the item itself (a symbolic link is not followed).
    static func attributes(_ path: String) -> [FileAttributeKey: Any]? { try? FileManager.default.attributesOfItem(atPath: path) }

    /// Whether the path is a real folder (not a link) of this user that no one else may read or write.
    static func isPrivateFolder(_ path: String) -> Bool {
        guard let a = attributes(path), a[.type] as? FileAttributeType == .typeDirectory,
            (a[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(), let mode = (a[.posixPermissions] as? NSNumber)?.intValue
        else { return false }
        return mode & 0o077 == 0
    }

    /// A name safe to store a file under, kept as the user wrote it where possible (it names the
    /// file in every message): no path separators or control characters, not `.` or `..`, at most
    /// 200 bytes of UTF-8 (file systems allow 255), its extension kept.
    static func safeName(_ fileName: String) -> String {
        var name = String(
            fileName.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "/" && $0 != "\\" }.map(Character.init))
        name = name.trimmingCharacters(in: .whitespaces)
        if name.utf8.count > 200 {
            let ext = (name as NSString).pathExtension
            let keep = ext.utf8.count <= 8 && !ext.isEmpty ? "." + ext : ""
            var stem = Substring(name.dropLast(keep.count))
            while stem.utf8.count + keep.utf8.count > 200 { stem = stem.dropLast() }
            name = String(stem) + keep
        }
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = "upload" }
        return name
    }

    /// Saves an upload and checks it without writing anything.
    func stage(
        kind: ImportKind, fileName: String, sheet: String?, defaults: ImportDefaults = ImportDefaults(), data: Data, workspace: Workspace,
        by principal: Principal
    ) throws -> StagedImport {
        try principal.requireSomeWrite()
        discardExpired()
        while staged.count >= Self.maximumHeld, let oldest = staged.values.min(by: { $0.stagedAt < $1.stagedAt }) {
            cancel(oldest.token)
        }
        try ensureFolder()
        let token = Security.newToken()
        let dir = folder.appendingPathComponent(token)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        let url = dir.appendingPathComponent(Self.safeName(fileName))
        let check: ImportCheck
        do {
            try data.write(to: url)
            check = try workspace.imports(by: principal).check(kind, file: url, sheet: sheet, defaults: defaults)
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw error
        }
        let item = StagedImport(
            token: token, sheet: sheet, defaults: defaults, url: url, stagedAt: .now, owner: principal.name, check: check)
        staged[token] = item
        return item
    }

    func item(_ token: String, by principal: Principal) -> StagedImport? {
        discardExpired()
        return staged[token].flatMap { $0.owner == principal.name ? $0 : nil }
    }

    /// Imports committed within the staging lifetime (at most `maximumHeld`), by token, so that
    /// their result page can be shown again (a reload after the commit's redirect).
    private var committed: [String: StagedImport] = [:]

    /// A committed import of this user's, while the staging lifetime lasts.
    func committedItem(_ token: String, by principal: Principal) -> StagedImport? {
        discardExpired()
        return committed[token].flatMap { $0.owner == principal.name ? $0 : nil }
    }

    /// Writes a staged file for real and forgets it; `notFound` when the token is unknown or expired.
    func commit(_ token: String, workspace: Workspace, by principal: Principal) throws -> StagedImport {
        discardExpired()
        // Only the user who uploaded a file may commit it.
        guard var item = staged[token], item.owner == principal.name else {
            throw UserError(.notFound, L10n.message(.webImportExpired))
        }
        item.check = try workspace.imports(by: principal).commit(
            item.check.kind, file: item.url, sheet: item.sheet, defaults: item.defaults)
        cancel(token)
        while committed.count >= Self.maximumHeld, let oldest = committed.values.min(by: { $0.stagedAt < $1.stagedAt }) {
            committed[oldest.token] = nil
        }
        committed[token] = item
        return item
    }

    /// Forgets a staged file of this user's.
    func cancel(_ token: String, by principal: Principal) {
        if staged[token]?.owner == principal.name { cancel(token) }
    }

    /// Forgets a staged file.
    func cancel(_ token: String) {
        if let item = staged.removeValue(forKey: token) {
            try? FileManager.default.removeItem(at: item.url.deletingLastPathComponent())
        }
    }

    /// How many uploads are held.
    var count: Int { staged.count }

    /// Discards uploads held longer than the lifetime.
    func discardExpired() {
        let now = ContinuousClock.now
        for (token, item) in staged where now - item.stagedAt > lifetime { cancel(token) }
        for (token, item) in committed where now - item.stagedAt > lifetime { committed[token] = nil }
    }

    /// Removes this server's staging folder (at shutdown).
    func removeAll() {
        staged.removeAll()
        try? FileManager.default.removeItem(at: folder)
    }
}
