import Foundation
import Interchange
import Localization
import Services
import Store

/// The kinds of file the import page accepts.
enum ImportKind: String, CaseIterable, Sendable {
    case schools, divisions, observations, tasks

    var label: MessageKey {
        switch self {
        case .schools: .importKindSchools
        case .divisions: .importKindDivisions
        case .observations: .importKindObservations
        case .tasks: .importKindTasks
        }
    }
}

/// An uploaded file waiting for the user to commit or cancel it, with what validation found.
struct StagedImport: Sendable {
    let token: String
    let kind: ImportKind
    let fileName: String
    let sheet: String?
    let url: URL
    /// Rows that would be written; nil when the file was rejected.
    var rowsRead: Int?
    /// Every issue found (errors block; warnings are listed).
    var issues: [ImportIssue]
    /// Townships listed with no rows (school tables only).
    var notReported: [String]

    var isValid: Bool { rowsRead != nil && !issues.contains { $0.severity == .error } }
}

/// Uploads held between "check" and "commit": validated on arrival (a dry run through the same
/// importer the CLI uses), written only on commit. Files live in a private temporary folder.
actor ImportStaging {
    private var staged: [String: StagedImport] = [:]
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-staging-\(UUID().uuidString)")

    /// Saves an upload and validates it without writing anything.
    func stage(kind: ImportKind, fileName: String, sheet: String?, data: Data, store: RegisterStore) throws -> StagedImport {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let token = Security.newToken()
        let safeName = fileName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        let dir = folder.appendingPathComponent(token)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(safeName.isEmpty ? "upload" : safeName)
        try data.write(to: url)
        var item = StagedImport(token: token, kind: kind, fileName: safeName, sheet: sheet, url: url, rowsRead: nil, issues: [], notReported: [])
        do {
            switch kind {
            case .schools:
                let s = try ImportService(store: store, actor: "web").importSchools(from: url, sheet: sheet, dryRun: true)
                item.rowsRead = s.rowsRead
                item.notReported = s.townshipsNotReported
            case .divisions:
                item.rowsRead = try ImportService(store: store, actor: "web").importDivisions(from: url, dryRun: true).rowsRead
            case .observations:
                let outcome = try MonitoringService(store: store).importObservations(from: url, sheet: sheet, actor: "web", dryRun: true)
                item.rowsRead = outcome.inserted + outcome.replaced
                item.issues = outcome.warnings.map {
                    ImportIssue(file: safeName, columnName: $0.observation.indicatorCode, message: $0.message, severity: .warning)
                }
            case .tasks:
                item.rowsRead = try TaskTableReader(indicatorCodes: Set(try store.read { try $0.indicators() }.map(\.code)))
                    .read(try TableSources.open(url, sheet: sheet)).count
            }
        } catch let rejected as ImportRejected {
            item.issues = rejected.issues
        }
        staged[token] = item
        return item
    }

    func item(_ token: String) -> StagedImport? { staged[token] }

    /// Writes a staged file for real and forgets it.
    func commit(_ token: String, store: RegisterStore, actor: String) throws -> StagedImport? {
        guard let item = staged[token] else { return nil }
        switch item.kind {
        case .schools: _ = try ImportService(store: store, actor: actor).importSchools(from: item.url, sheet: item.sheet)
        case .divisions: _ = try ImportService(store: store, actor: actor).importDivisions(from: item.url)
        case .observations: _ = try MonitoringService(store: store).importObservations(from: item.url, sheet: item.sheet, actor: actor)
        case .tasks: _ = try MonitoringService(store: store).importTasks(from: item.url, sheet: item.sheet, actor: actor)
        }
        cancel(token)
        return item
    }

    /// Forgets a staged file.
    func cancel(_ token: String) {
        if let item = staged.removeValue(forKey: token) {
            try? FileManager.default.removeItem(at: item.url.deletingLastPathComponent())
        }
    }
}
