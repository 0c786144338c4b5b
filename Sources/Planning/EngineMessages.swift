public import Localization
public import LocationModels

/// The location engine's refusals in words a planner can act on: the engine reports indices, these
/// messages name the schools (or the ids of a cost file) the indices stand for.
public enum EngineMessages {
    /// The message for an engine error; `demand` and `candidate` name a 0-based index.
    public static func message(
        _ error: LocationModelError, demand: (Int) -> String, candidate: (Int) -> String
    ) -> Localized {
        switch error {
        case .emptyMatrix: L10n.message(.engineEmptyMatrix)
        case let .costCountMismatch(expected, actual): L10n.message(.engineCostCount, expected, actual)
        case let .weightCountMismatch(expected, actual): L10n.message(.engineWeightCount, expected, actual)
        case let .capacityCountMismatch(expected, actual): L10n.message(.engineCapacityCount, expected, actual)
        case let .invalidCost(d, c): L10n.message(.engineInvalidCost, demand(d), candidate(c))
        case let .invalidWeight(d): L10n.message(.engineInvalidWeight, demand(d))
        case let .invalidCapacity(c): L10n.message(.engineInvalidCapacity, candidate(c))
        case .invalidRadius: L10n.message(.engineInvalidRadius)
        case let .pNotPositive(p): L10n.message(.enginePNotPositive, p)
        case let .pExceedsCandidates(p, allowed): L10n.message(.enginePExceedsCandidates, p, allowed)
        case let .pBelowForced(p, forced): L10n.message(.enginePBelowForced, p, forced)
        case let .siteOutOfRange(site, count): L10n.message(.engineSiteOutOfRange, site, count)
        case let .forcedAndForbidden(c): L10n.message(.engineForcedAndForbidden, candidate(c))
        case let .demandUnreachable(d): L10n.message(.engineDemandUnreachable, demand(d))
        case let .demandNotCoverable(d): L10n.message(.engineDemandNotCoverable, demand(d))
        case let .demandExceedsCapacity(total, maximum):
            L10n.message(.engineDemandExceedsCapacity, Format.number(total, digits: 2), Format.number(maximum, digits: 2))
        case let .demandExceedsSiteCapacity(d): L10n.message(.engineDemandExceedsSiteCapacity, demand(d))
        case .noFeasibleSolution: L10n.message(.engineNoFeasibleSolution)
        case .stoppedWithoutSolution: L10n.message(.engineStopped)
        case let .malformedORLibrary(line): L10n.message(.engineMalformedORLibrary, line)
        case let .instanceTooLarge(size, limit): L10n.message(.orlibTooLarge, size, limit)
        }
    }
}
