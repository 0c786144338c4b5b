import Dispatch

/// Work that holds a thread for a long time — bcrypt, a quarter of a second by design — run on
/// threads of its own, at most two at a time, so that it never occupies the few threads every
/// request shares: a flood of sign-ins waits its turn instead of stalling the pages.
enum SlowWork {
    private static let queue = DispatchQueue(label: "chengxiang.slow-work", attributes: .concurrent)
    private static let slots = DispatchSemaphore(value: 2)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                slots.wait()
                defer { slots.signal() }
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
