import Foundation
import Localization
import Services

/// An uploaded file waiting for the user to commit or cancel it, with what checking found.
struct StagedImport: Sendable {
    let token: String
    let sheet: String?
    let url: URL
    var check: ImportCheck
}

/// Uploads held between "check" and "commit": checked on arrival (a dry run through the same
/// import the CLI uses), written only on commit. Files live in a private temporary folder.
actor ImportStaging {
    private var staged: [String: StagedImport] = [:]
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-staging-\(UUID().uuidString)")

    /// Saves an upload and checks it without writing anything.
    func stage(kind: ImportKind, fileName: String, sheet: String?, data: Data, workspace: Workspace) throws -> StagedImport {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let token = Security.newToken()
        let safeName = fileName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        let dir = folder.appendingPathComponent(token)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(safeName.isEmpty ? "upload" : safeName)
        try data.write(to: url)
        let check = try workspace.imports(actor: "web").check(kind, file: url, sheet: sheet)
        let item = StagedImport(token: token, sheet: sheet, url: url, check: check)
        staged[token] = item
        return item
    }

    func item(_ token: String) -> StagedImport? { staged[token] }

    /// Writes a staged file for real and forgets it; `notFound` when the token is unknown.
    func commit(_ token: String, workspace: Workspace, actor: String) throws -> StagedImport {
        guard var item = staged[token] else { throw UserError(.notFound, L10n.message(.webImportExpired)) }
        item.check = try workspace.imports(actor: actor).commit(item.check.kind, file: item.url, sheet: item.sheet)
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
