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
            if state.stamp != stamp {
                state.stamp = stamp
                state.values.removeAll()
            }
            state.values[key] = value
        }
        return value
    }
}
