import Foundation
import Localization
public import Store

/// One county's register opened for use, and every use case over it. The web server and the
/// command line reach data only through a workspace: they never open the store or read files
/// themselves.
public final class Workspace: Sendable {
    let store: RegisterStore

    /// A workspace over an open store (tests, tools).
    public init(store: RegisterStore) {
        self.store = store
    }

    /// Opens an existing database — a SQLite file or a `postgres://` URL; refuses a path with no
    /// database (`missingInput`).
    public static func open(path: String) throws -> Workspace {
        guard RegisterStore.isServerLocation(path) || FileManager.default.fileExists(atPath: path) else {
            throw UserError(.missingInput, L10n.message(.noDatabase, path))
        }
        return Workspace(store: try RegisterStore(path: path, create: false))
    }

    /// Opens the database at `path` (a file or a `postgres://` URL), creating an empty one (schema
    /// only) when there is none.
    public static func create(path: String) throws -> Workspace {
        Workspace(store: try RegisterStore(path: path))
    }

    /// A register's location as shown to people (a PostgreSQL URL without its password).
    public static func shown(_ location: String) -> String { RegisterStore.shown(location) }

    /// A private in-memory register.
    public static func inMemory() throws -> Workspace {
        Workspace(store: try RegisterStore())
    }

    /// The division register, norms, audit log and the county's profile.
    public var register: RegisterService { RegisterService(store: store) }
    /// School diagnostics with township and county roll-ups.
    public var diagnostics: DiagnosticsService { DiagnosticsService(store: store) }
    /// Which data is missing where.
    public var completeness: CompletenessService { CompletenessService(store: store) }
    /// Indicators, observations, statuses and the task checklist.
    public var monitoring: MonitoringService { MonitoringService(store: store) }
    /// School consolidation scenarios.
    public var scenarios: ScenarioService { ScenarioService(store: store) }
    /// The monitoring report in Excel, HTML or PDF.
    public var reports: ReportService { ReportService(store: store) }
    /// What the overview page and the demo summary show.
    public var overview: OverviewService { OverviewService(store: store) }
    /// Schools, divisions, tasks and indicators found by name or code.
    public var search: SearchService { SearchService(store: store) }
    /// Default norms and the generic indicator catalogue of a new register.
    public var setup: SetupService { SetupService(store: store) }

    /// Users, sign-in sessions and API tokens.
    public var accounts: AccountService { AccountService(store: store) }

    /// Plan layers: imports by `principal`, lists and features (reading needs no one).
    public func layers(by principal: Principal = .reader) -> LayerService { LayerService(store: store, principal: principal) }
    public func roads(by principal: Principal = .reader) -> RoadService { RoadService(store: store, principal: principal) }
    public func health(by principal: Principal = .reader) -> HealthService { HealthService(store: store, principal: principal) }
    public func pupils(by principal: Principal = .reader) -> PupilService { PupilService(store: store, principal: principal) }
    /// Accessibility of schools from villages.
    public var access: AccessService { AccessService(store: store) }
    /// Conflict rules (changed by `principal`) and conflict detection (reading needs no one).
    public func conflicts(by principal: Principal = .reader) -> ConflictService { ConflictService(store: store, principal: principal) }
    /// Village figures, 村庄分类 rules and classification, 村组合并 candidates.
    public func villages(by principal: Principal = .reader) -> VillageService { VillageService(store: store, principal: principal) }
    /// Agricultural functional zoning and its stored weights.
    public func zoning(by principal: Principal = .reader) -> ZoningService { ZoningService(store: store, principal: principal) }
    /// The characteristic parks register.
    public func parks(by principal: Principal = .reader) -> ParkService { ParkService(store: store, principal: principal) }
    /// The idle land and asset register.
    public func assets(by principal: Principal = .reader) -> AssetService { AssetService(store: store, principal: principal) }
    /// Adopting consolidation scenarios, and reverting.
    public func adoptions(by principal: Principal = .reader) -> AdoptionService { AdoptionService(store: store, principal: principal) }
    /// Imports of files by `principal` (checked against its role, recorded in the audit log).
    public func imports(by principal: Principal) -> ImportService { ImportService(store: store, principal: principal) }

    /// Copies the whole register into another workspace (an online backup).
    public func dataStamp() throws -> Int64 { try store.dataStamp() }

    public func backup(to other: Workspace) throws { try store.backup(toStore: other.store) }

    /// Writes a consistent copy of the register to a new file — a SQLite file, or for PostgreSQL a
    /// `pg_dump` custom-format archive (through a temporary file
    /// renamed into place, so a file at `path` is always a whole backup); refuses an existing file
    /// unless `replacing`. Returns the data stamp of the copy.
    public func backup(toFile path: String, replacing: Bool) throws -> Int64 {
        let files = FileManager.default
        if files.fileExists(atPath: path) && !replacing { throw UserError(.wouldOverwrite, L10n.message(.backupExists, path)) }
        if let database = store.path, Self.sameFile(path, database) {
            throw UserError(.invalid, L10n.message(.backupOntoDatabase, path))
        }
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        defer { Self.removeDatabaseFiles(partial) }
        let stamp: Int64
        do {
            stamp = try store.backup(toFile: partial)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(.unavailable, L10n.message(.backupCannotWrite, path))
        }
        // rename(2) replaces an old backup atomically: there is always a whole one at `path`.
        guard rename(partial, path) == 0 else { throw UserError(.unavailable, L10n.message(.backupCannotWrite, path)) }
        return stamp
    }

    /// Replaces the register at `path` by a backup: refuses a file that is not a backup of this
    /// program, and a register that holds data (any audited change or any user) unless
    /// `replacing`; replacing one needs an administrator. The restored register is migrated to
    /// this version and the restore is audited. Returns its data stamp.
    public static func restore(from backup: String, into path: String, replacing: Bool, by principal: Principal) throws -> Int64 {
        let onServer = RegisterStore.isServerLocation(path)
        let source = onServer ? nil : RegisterStore(backupAt: backup)
        guard onServer ? RegisterStore.isPostgresArchive(backup) : source != nil else {
            throw UserError(.invalid, L10n.message(.notABackup, backup))
        }
        let target = try Workspace.create(path: path)
        let holdsData = try target.dataStamp() > 0 || !target.accounts.accounts().isEmpty
        if holdsData {
            if !replacing { throw UserError(.wouldOverwrite, L10n.message(.restoreNotEmpty, RegisterStore.shown(path))) }
            try target.store.authorize(principal, [.administration])
        }
        if let source { return try target.store.restore(from: source, actor: principal.auditName) }
        return try target.store.restore(postgresArchive: backup, actor: principal.auditName)
    }

    /// Empties the register at `path` for a new demo: deletes a SQLite file (and its WAL files), or
    /// drops a PostgreSQL register's schema. Refuses a register that is not a demo's unless `force`.
    public static func eraseDemo(at path: String, force: Bool) throws {
        let onServer = RegisterStore.isServerLocation(path)
        guard onServer || FileManager.default.fileExists(atPath: path) else { return }
        if !onServer && force {
            // Whatever the file is (even not a database): --force replaces it unopened.
            Self.removeDatabaseFiles(path)
            return
        }
        let existing: Workspace
        do {
            existing = try Workspace.open(path: path)
        } catch let error as UserError where onServer && error.kind == .missingInput {
            return  // no register in that schema yet: nothing to erase
        } catch  where !onServer {
            throw UserError(.wouldOverwrite, L10n.message(.notADemoDatabase, path))
        }
        if onServer, try existing.dataStamp() == 0, try existing.accounts.accounts().isEmpty { return }
        if !force {
            let isDemo = (try? existing.register.countyProfile().isDemo) ?? false
            guard isDemo else { throw UserError(.wouldOverwrite, L10n.message(.notADemoDatabase, RegisterStore.shown(path))) }
        }
        if onServer {
            try existing.store.erase()
        } else {
            Self.removeDatabaseFiles(path)
        }
    }

    /// Whether two paths name the same file (after links are resolved).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL
            == URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL
    }

    /// Removes a SQLite file and its WAL companions, if present.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
