import Dispatch
import Synchronization

/// Clock, deadline, cancellation and progress reporting of one solve (internal).
struct SolveContext: Sendable {
    let start: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?
    let cancellation: CancellationFlag?
    let progressCallback: (@Sendable (SolverProgress) -> Void)?
    /// Set by any worker that observes a stop condition, so that all workers stop promptly.
    let stopFlag: CancellationFlag

    init(options: SolveOptions, start: ContinuousClock.Instant = .now) {
        self.start = start
        if let limit = options.timeLimitSeconds {
            deadline = start.advanced(by: .nanoseconds(Int64(min(limit, 1e9) * 1e9)))
        } else {
            deadline = nil
        }
        cancellation = options.cancellation
        progressCallback = options.progress
        stopFlag = CancellationFlag()
    }

    /// A context sharing clock, callback and cancellation but with an earlier deadline.
    func withDeadline(atFraction fraction: Double, of options: SolveOptions) -> SolveContext {
        var copy = self
        if let limit = options.timeLimitSeconds {
            let d = start.advanced(by: .nanoseconds(Int64(min(limit * fraction, 1e9) * 1e9)))
            copy = SolveContext(
                start: start, deadline: d, cancellation: cancellation,
                progressCallback: progressCallback, stopFlag: CancellationFlag())
        }
        return copy
    }

    private init(
        start: ContinuousClock.Instant, deadline: ContinuousClock.Instant?,
        cancellation: CancellationFlag?, progressCallback: (@Sendable (SolverProgress) -> Void)?,
        stopFlag: CancellationFlag
    ) {
        self.start = start
        self.deadline = deadline
        self.cancellation = cancellation
        self.progressCallback = progressCallback
        self.stopFlag = stopFlag
    }

    /// The same solve (clock, deadline, cancellation, stop flag) without progress reports: for an
    /// inner problem whose figures are not the caller's (a p-center's set-covering decisions count
    /// sites, not distances).
    func silenced() -> SolveContext {
        SolveContext(start: start, deadline: deadline, cancellation: cancellation, progressCallback: nil, stopFlag: stopFlag)
    }

    /// Seconds since the start.
    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Whether the caller cancelled.
    var isCancelled: Bool {
        (cancellation?.isCancelled ?? false) || Task.isCancelled
    }

    /// Whether to stop now (time limit, cancellation, or another worker stopped).
    func shouldStop() -> Bool {
        if stopFlag.isCancelled { return true }
        if isCancelled || (deadline.map { ContinuousClock.now >= $0 } ?? false) {
            stopFlag.cancel()
            return true
        }
        return false
    }

    /// The stop reason to report given whether the search was cut short.
    func stopReason(interrupted: Bool) -> StopReason {
        guard interrupted else { return .completed }
        return isCancelled ? .cancelled : .timeLimit
    }

    func report(iteration: Int, best: Double?, bound: Double?) {
        progressCallback?(
            SolverProgress(
                iteration: iteration, bestObjective: best, bound: bound,
                elapsedSeconds: elapsed))
    }
}

/// Runs `count` independent jobs on up to `threads` threads and returns the results in job order.
/// The result never depends on `threads`.
func runIndependentJobs<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count == 0 { return [] }
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var job = w
        while job < count {
            let r = body(job)
            results.withLock { $0[job] = r }
            job += workers
        }
    }
    return results.withLock { $0.map { $0! } }
}

/// Calls `body(range)` on `threads` disjoint contiguous slices of `0..<count` in parallel.
func parallelChunks(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let workers = max(1, min(threads, count / 64 + 1))
    if workers == 1 {
        body(0..<count)
        return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let lo = count * w / workers
        let hi = count * (w + 1) / workers
        body(lo..<hi)
    }
}
