import Foundation
import Localization

/// Work that holds a thread for a long time, run off the few threads every request shares (one
/// per core), so that it never stalls the pages.
enum SlowWork {
    /// bcrypt — a quarter of a second by design — at most two at a time, queued without a thread
    /// each; beyond `maximumWaiting` waiting, a request is turned away (503) instead of queued.
    private static let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.name = "chengxiang.slow-work"
        queue.maxConcurrentOperationCount = 2
        return queue
    }()
    static let maximumWaiting = 64

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        if queue.operationCount > maximumWaiting { throw UserError(.unavailable, L10n.message(.serverBusy)) }
        return try await withCheckedThrowingContinuation { continuation in
            queue.addOperation { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` on a thread of its own (a scenario's solve: seconds to minutes of one core);
    /// the caller bounds how many run at once.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
