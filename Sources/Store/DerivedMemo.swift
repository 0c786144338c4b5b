import Synchronization

/// Values derived from the register, kept for one data stamp (see `RegisterStore.dataStamp`):
/// when the stamp moves, everything is dropped. Only committed data may be memoised — a write
/// transaction sees audit ids that a rollback would hand out again — so readers inside a write
/// have no memo.
final class DerivedMemo: Sendable {
    private let state = Mutex<(stamp: Int64, values: [String: any Sendable])>((-1, [:]))

    /// The value under `key` for `stamp`, computing and keeping it when missing.
    func value<T: Sendable>(_ key: String, stamp: Int64, _ compute: () throws -> T) rethrows -> T {
        if let value = state.withLock({ $0.stamp == stamp ? $0.values[key] as? T : nil }) { return value }
        let value = try compute()
        state.withLock { state in
            // A value computed for an older stamp than the memo's is not kept (it would drop the
            // newer values); the stamp only moves forward, except by `clear`.
            guard stamp >= state.stamp else { return }
            if state.stamp != stamp {
                state.stamp = stamp
                state.values.removeAll()
            }
            state.values[key] = value
        }
        return value
    }

    /// Forgets everything: after the store's content is replaced wholesale (a backup copied into
    /// it), an old stamp may come back with other data.
    func clear() {
        state.withLock { $0 = (-1, [:]) }
    }
}

/// Values derived from parts of the register, each kept under its key for as long as its
/// version (a description of the inputs it was computed from) stays the same — across changes
/// to other data, unlike `DerivedMemo`. One value per key.
final class VersionedMemo: Sendable {
    private let state = Mutex<[String: (version: String, value: any Sendable)]>([:])

    /// The value under `key` computed for `version`, computing and keeping it when missing.
    func value<T: Sendable>(_ key: String, version: String, _ compute: () throws -> T) rethrows -> T {
        if let value = state.withLock({ $0[key]?.version == version ? $0[key]?.value as? T : nil }) { return value }
        let value = try compute()
        state.withLock { $0[key] = (version, value) }
        return value
    }

    /// Forgets everything (the register was replaced).
    func clear() {
        state.withLock { $0.removeAll() }
    }
}
