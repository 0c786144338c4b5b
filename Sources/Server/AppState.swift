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
    /// Where sessions are marked used or forgotten, one at a time, off every request's path: a
    /// write may wait for a long import's lock, and no request should wait with it.
    private let sessionUpkeep = DispatchQueue(label: "chengxiang.session-upkeep")
    /// Sessions whose bookkeeping is queued, so that a session's many requests during a long
    /// import queue it once.
    private let upkeepQueued = Mutex<Set<String>>([])

    /// Queues a session's bookkeeping unless it is queued already.
    func queueSessionUpkeep(_ secret: String) {
        guard upkeepQueued.withLock({ $0.insert(secret).inserted }) else { return }
        let accounts = workspace.accounts
        let policy = settings.sessionPolicy
        sessionUpkeep.async {
            try? accounts.sessionUpkeep(secret, policy: policy)
            self.upkeepQueued.withLock { _ = $0.remove(secret) }
        }
    }

    init(workspace: Workspace, settings: ServerSettings) {
        self.workspace = workspace
        self.settings = settings
        imports = ImportStaging(lifetime: settings.stagingLifetime)
    }

    /// What a cached page depends on: the register's data stamp (moved by any write, by this
    /// server or another process) and the day ("now" on the time line).
    func generation() throws -> String { "\(try workspace.dataStamp())-\(now.value)" }

    /// "Now" on the monitoring time line: the start of today in Beijing, so that statuses,
    /// deadlines and the pages built from them hold all day and are computed once a day.
    var now: FractionalYear { FractionalYear.startOfDay(Date()) }
}

/// Rendered responses keyed by path, the query parameters a page reads, and language, valid for
/// one generation. A page missing from the cache is built once: requests for it that arrive while
/// it is being built wait for that build instead of starting their own.
final class PageCache: Sendable {
    private struct Entry {
        var generation: String
        /// The body split where the CSRF token placeholder stood.
        var segments: [[UInt8]]
    }

    private let entries = Mutex<(byKey: [String: Entry], bytes: Int)>(([:], 0))
    private let building = Mutex<[String: Task<[[UInt8]], any Error>]>([:])
    /// Entries and bytes kept at most; the cache is cleared when either is reached (a prefecture's
    /// pages are up to a megabyte, and every page of a list is a key).
    let capacity = 512
    let byteCapacity = 256 << 20

    /// The body for `key` in `generation`, built by `build` when not cached, split where
    /// `WebContext.tokenPlaceholder` stands (one segment when it does not).
    func body(_ key: String, generation: String, build: @escaping @Sendable () async throws -> [UInt8]) async throws -> [[UInt8]] {
        if let entry = entries.withLock({ $0.byKey[key] }), entry.generation == generation { return entry.segments }
        let flight = "\(generation) \(key)"
        let task = building.withLock { tasks in
            if let running = tasks[flight] { return running }
            let task = Task { Self.split(try await build()) }
            tasks[flight] = task
            return task
        }
        defer { building.withLock { _ = $0.removeValue(forKey: flight) } }
        let segments = try await task.value
        let size = segments.reduce(0) { $0 + $1.count }
        // A body larger than an eighth of the cache is served but not kept.
        guard size <= byteCapacity / 8 else { return segments }
        entries.withLock { cache in
            if cache.byKey.count >= capacity || cache.bytes + size > byteCapacity {
                cache.byKey.removeAll(keepingCapacity: true)
                cache.bytes = 0
            }
            cache.bytes += size - (cache.byKey[key]?.segments.reduce(0) { $0 + $1.count } ?? 0)
            cache.byKey[key] = Entry(generation: generation, segments: segments)
        }
        return segments
    }

    /// The bytes split at each occurrence of the token placeholder.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        let marker = Array(WebContext.tokenPlaceholder.utf8)
        var segments: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && bytes[i..<i + marker.count].elementsEqual(marker) {
                segments.append(Array(bytes[start..<i]))
                i += marker.count
                start = i
            } else {
                i += 1
            }
        }
        segments.append(Array(bytes[start...]))
        return segments
    }
}
