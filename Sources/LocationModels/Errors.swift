/// Data and user errors raised before (or instead of) solving. The engine has no words of its own:
/// `Planning.EngineMessages` turns each case into a message that names the places.
///
/// Indices in the cases are 0-based demand or candidate indices of the cost matrix.
public enum LocationModelError: Error, Equatable, Sendable {
    /// The cost matrix has no demand points or no candidate sites.
    case emptyMatrix
    /// The number of cost entries is not demandCount × candidateCount.
    case costCountMismatch(expected: Int, actual: Int)
    /// The number of demand weights differs from the number of demand points.
    case weightCountMismatch(expected: Int, actual: Int)
    /// The number of capacities differs from the number of candidate sites.
    case capacityCountMismatch(expected: Int, actual: Int)
    /// A cost is NaN, infinite or negative (use `nil` to mark an unreachable pair).
    case invalidCost(demand: Int, candidate: Int)
    /// A demand weight is negative, NaN or infinite.
    case invalidWeight(demand: Int)
    /// A capacity is negative, NaN or infinite.
    case invalidCapacity(candidate: Int)
    /// The service radius is negative, NaN or infinite.
    case invalidRadius
    /// p is below 1.
    case pNotPositive(p: Int)
    /// p is larger than the number of candidate sites that may be chosen.
    case pExceedsCandidates(p: Int, allowed: Int)
    /// p is smaller than the number of sites forced open.
    case pBelowForced(p: Int, forced: Int)
    /// A forced or forbidden site index is outside the candidate range.
    case siteOutOfRange(site: Int, candidateCount: Int)
    /// A site is both forced open and forbidden.
    case forcedAndForbidden(site: Int)
    /// A demand point cannot be reached from any allowed candidate site.
    case demandUnreachable(demand: Int)
    /// A demand point has no allowed candidate site within the service radius.
    case demandNotCoverable(demand: Int)
    /// Total demand exceeds the total capacity of the p largest allowed sites.
    case demandExceedsCapacity(totalDemand: Double, maximumCapacity: Double)
    /// One demand point is heavier than the capacity of every allowed site that can reach it.
    case demandExceedsSiteCapacity(demand: Int)
    /// The solver found no feasible solution (e.g. no p sites reach every demand point together).
    case noFeasibleSolution
    /// The search stopped (time limit or cancellation) before any feasible solution was found.
    case stoppedWithoutSolution
    /// OR-Library text could not be parsed at the given 1-based line.
    case malformedORLibrary(line: Int)
    /// An instance declares more points than the engine reads (checked before allocating).
    case instanceTooLarge(size: Int, limit: Int)
}
