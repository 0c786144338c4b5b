import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which solve path to use.
public enum SolveMethod: Sendable, Equatable {
    /// Fast metaheuristic; no optimality proof (bound and gap are `nil`).
    case heuristic
    /// Heuristic upper bound, then Lagrangian relaxation inside branch and bound: proves optimality
    /// or, when stopped, reports the best bound and the gap.
    case exact
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable, Equatable {
    /// Smaller is better (p-median, CPMP, LSCP, p-center); the bound is a lower bound.
    case minimize
    /// Larger is better (MCLP); the bound is an upper bound.
    case maximize
}

/// Why a solve returned.
public enum StopReason: Sendable, Equatable {
    /// The method ran to completion (heuristic schedule finished, or the exact search closed).
    case completed
    /// The exact search reached the requested relative gap.
    case gapReached
    /// The time limit was reached.
    case timeLimit
    /// The caller cancelled.
    case cancelled
}

/// One progress report: iteration counter, best objective so far and best bound so far.
public struct SolverProgress: Sendable {
    /// Iterations (heuristic restarts, subgradient steps or tree nodes) so far.
    public let iteration: Int
    /// Best objective found so far, if any.
    public let bestObjective: Double?
    /// Best bound so far (lower for minimisation, upper for MCLP), if any.
    public let bound: Double?
    /// Seconds since the solve started.
    public let elapsedSeconds: Double
}

/// A thread-safe cancellation flag; pass it in `SolveOptions` and call `cancel()` from anywhere.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    /// Creates a flag that is not cancelled.
    public init() {}
    /// Requests cancellation; the solver returns its best solution soon after.
    public func cancel() { flag.store(true, ordering: .relaxed) }
    /// Whether cancellation was requested.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Options shared by every model.
public struct SolveOptions: Sendable {
    /// Heuristic or exact.
    public var method: SolveMethod
    /// Seed of every random choice; equal seeds give equal results (unless a time limit or
    /// cancellation cuts the search short).
    public var seed: UInt64
    /// Wall-clock limit in seconds for the whole solve (`nil`: none).
    public var timeLimitSeconds: Double?
    /// Worker threads. Results do not depend on it: the work is split into fixed independent
    /// chains with fixed seeds, reduced in a fixed order.
    public var threads: Int
    /// Heuristic effort multiplier (1 = default; 2 = about twice the restarts).
    public var effort: Double
    /// The exact path stops once (bound, objective) are within this relative gap (0 = prove optimality).
    public var relativeGapTolerance: Double
    /// Optional cancellation flag (checked together with `Task.isCancelled`).
    public var cancellation: CancellationFlag?
    /// Optional progress callback; may be called from worker threads.
    public var progress: (@Sendable (SolverProgress) -> Void)?

    /// Creates options; all parameters have defaults.
    public init(
        method: SolveMethod = .heuristic, seed: UInt64 = 1, timeLimitSeconds: Double? = nil,
        threads: Int = SolveOptions.defaultThreads, effort: Double = 1, relativeGapTolerance: Double = 0,
        cancellation: CancellationFlag? = nil, progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) {
        precondition(threads >= 1, "threads must be at least 1")
        precondition(effort > 0, "effort must be positive")
        precondition(relativeGapTolerance >= 0, "relativeGapTolerance must be non-negative")
        precondition(timeLimitSeconds.map { $0 >= 0 } ?? true, "timeLimitSeconds must be non-negative")
        self.method = method
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.threads = threads
        self.effort = effort
        self.relativeGapTolerance = relativeGapTolerance
        self.cancellation = cancellation
        self.progress = progress
    }

    /// The number of active processors (at least 1).
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// An immutable solution of any model.
public struct LocationSolution: Sendable, Equatable {
    /// Open candidate sites, ascending.
    public let openSites: [Int]
    /// For each demand point, the serving site (`nil`: not served/not covered).
    public let assignment: [Int?]
    /// Objective value: Σ weight × cost (p-median, CPMP), covered weight (MCLP),
    /// number of sites (LSCP), largest cost (p-center).
    public let objective: Double
    /// For each demand point, the (unweighted) cost to its serving site, `nil` if unserved.
    public let distances: [Double?]
    /// Lower bound (minimisation) or upper bound (MCLP) on the optimum; `nil` from the heuristic.
    public let bound: Double?
    /// Relative gap |objective − bound| / |objective| (0 when both are 0); `nil` without a bound.
    public let gap: Double?
    /// Whether `objective` is proven optimal.
    public let provenOptimal: Bool
    /// Minimise or maximise.
    public let sense: ObjectiveSense
    /// Why the solver returned.
    public let stopReason: StopReason
    /// Wall-clock seconds of the solve, validation included.
    public let seconds: Double
    /// Iterations: heuristic restarts plus subgradient steps and tree nodes of the exact path.
    public let iterations: Int

    /// Lower bound for minimisation models (`nil` for MCLP or when unknown).
    public var lowerBound: Double? { sense == .minimize ? bound : nil }
    /// Upper bound for MCLP (`nil` otherwise or when unknown).
    public var upperBound: Double? { sense == .maximize ? bound : nil }

    /// Relative gap between an objective and a bound (0 when both are 0).
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        let diff = abs(objective - bound)
        let scale = max(abs(objective), abs(bound))
        if scale < 1e-12 { return 0 }
        return diff / max(abs(objective), 1e-12)
    }
}

extension LocationSolution {
    /// A finished solve: a proven solution's bound is its objective; the gap follows from the bound.
    init(
        openSites: [Int], assignment: [Int?], distances: [Double?], objective: Double, bound: Double?,
        proven: Bool, sense: ObjectiveSense, stop: StopReason, iterations: Int, ctx: SolveContext
    ) {
        let b = proven ? objective : bound
        self.init(
            openSites: openSites, assignment: assignment, objective: objective, distances: distances, bound: b,
            gap: b.map { LocationSolution.relativeGap(objective: objective, bound: $0) }, provenOptimal: proven,
            sense: sense, stopReason: stop, seconds: ctx.elapsed, iterations: iterations)
    }
}
