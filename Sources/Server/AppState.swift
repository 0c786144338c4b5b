import Domain
import Foundation
import Services
import Synchronization

/// What every handler shares: the workspace, the settings, the page cache, staged imports and jobs.
final class AppState: Sendable {
    let workspace: Workspace
    let settings: ServerSettings
    let cache = PageCache()
    let imports: ImportStaging
    let jobs = ScenarioJobs()
    /// Bumped after every write made through this server, so cached pages refresh at once.
    let writes = Atomic<Int>(0)

    init(workspace: Workspace, settings: ServerSettings) {
        self.workspace = workspace
        self.settings = settings
        imports = ImportStaging(lifetime: settings.stagingLifetime)
    }

    /// The cache generation: this server's writes, and the wall-clock second (so writes made by
    /// another process — the CLI — show within a second).
    var generation: String { "\(writes.load(ordering: .relaxed))-\(Int(Date().timeIntervalSince1970))" }

    /// Records that data changed.
    func didWrite() { writes.add(1, ordering: .relaxed) }

    /// "Now" on the monitoring time line.
    var now: FractionalYear { FractionalYear(Date()) }
}

/// Rendered responses keyed by path, query and language, valid for one generation.
final class PageCache: Sendable {
    struct Entry {
        var generation: String
        var body: [UInt8]
        var contentType: String
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Entries kept at most; the cache is cleared when full.
    let capacity = 512

    func get(_ key: String, generation: String) -> Entry? {
        entries.withLock { $0[key] }.flatMap { $0.generation == generation ? $0 : nil }
    }

    func put(_ key: String, _ entry: Entry) {
        entries.withLock { dict in
            if dict.count >= capacity { dict.removeAll(keepingCapacity: true) }
            dict[key] = entry
        }
    }
}
