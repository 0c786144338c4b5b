/// Data and user errors raised before (or instead of) solving, with planner-readable messages.
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

    /// The message in Chinese, for planners.
    public var messageZh: String {
        switch self {
        case .emptyMatrix:
            return "成本矩阵为空：没有需求点或没有候选点。"
        case let .costCountMismatch(expected, actual):
            return "成本数据数量不符：应为 \(expected) 个（需求点数 × 候选点数），实际为 \(actual) 个。"
        case let .weightCountMismatch(expected, actual):
            return "需求权重数量不符：应为 \(expected) 个，实际为 \(actual) 个。"
        case let .capacityCountMismatch(expected, actual):
            return "容量数量不符：应为 \(expected) 个（每个候选点一个），实际为 \(actual) 个。"
        case let .invalidCost(demand, candidate):
            return "需求点 \(demand) 到候选点 \(candidate) 的成本无效（为 NaN、无穷或负数）；不可达请标记为“不可达”。"
        case let .invalidWeight(demand):
            return "需求点 \(demand) 的权重无效（为负数、NaN 或无穷）。"
        case let .invalidCapacity(candidate):
            return "候选点 \(candidate) 的容量无效（为负数、NaN 或无穷）。"
        case .invalidRadius:
            return "服务半径无效（为负数、NaN 或无穷）。"
        case let .pNotPositive(p):
            return "设施数量 p = \(p) 无效：至少应为 1。"
        case let .pExceedsCandidates(p, allowed):
            return "设施数量 p = \(p) 超过了可选候选点数量（\(allowed) 个）。"
        case let .pBelowForced(p, forced):
            return "设施数量 p = \(p) 小于必须保留的设施数量（\(forced) 个）。"
        case let .siteOutOfRange(site, candidateCount):
            return "候选点编号 \(site) 超出范围（共 \(candidateCount) 个候选点，编号从 0 开始）。"
        case let .forcedAndForbidden(site):
            return "候选点 \(site) 同时被设为“必须保留”和“禁止选址”。"
        case let .demandUnreachable(demand):
            return "需求点 \(demand) 无法到达任何可选候选点。"
        case let .demandNotCoverable(demand):
            return "需求点 \(demand) 在服务半径内没有任何可选候选点，无法全部覆盖。"
        case let .demandExceedsCapacity(totalDemand, maximumCapacity):
            return "总需求 \(totalDemand) 超过了 p 个可选设施的最大总容量 \(maximumCapacity)。"
        case let .demandExceedsSiteCapacity(demand):
            return "需求点 \(demand) 的需求量超过了所有可到达候选点的容量。"
        case .noFeasibleSolution:
            return "找不到可行方案：没有任何 p 个设施的组合能够服务所有需求点。"
        case .stoppedWithoutSolution:
            return "求解在找到可行方案之前已停止（超时或被取消）。"
        case let .malformedORLibrary(line):
            return "OR-Library 数据格式错误（第 \(line) 行）。"
        }
    }

    /// The message in English.
    public var messageEn: String {
        switch self {
        case .emptyMatrix:
            return "The cost matrix is empty: there are no demand points or no candidate sites."
        case let .costCountMismatch(expected, actual):
            return "Wrong number of costs: expected \(expected) (demand points × candidate sites), got \(actual)."
        case let .weightCountMismatch(expected, actual):
            return "Wrong number of demand weights: expected \(expected), got \(actual)."
        case let .capacityCountMismatch(expected, actual):
            return "Wrong number of capacities: expected \(expected) (one per candidate site), got \(actual)."
        case let .invalidCost(demand, candidate):
            return "The cost from demand point \(demand) to candidate site \(candidate) is invalid (NaN, infinite or negative); mark unreachable pairs as unreachable."
        case let .invalidWeight(demand):
            return "The weight of demand point \(demand) is invalid (negative, NaN or infinite)."
        case let .invalidCapacity(candidate):
            return "The capacity of candidate site \(candidate) is invalid (negative, NaN or infinite)."
        case .invalidRadius:
            return "The service radius is invalid (negative, NaN or infinite)."
        case let .pNotPositive(p):
            return "The number of facilities p = \(p) is invalid: it must be at least 1."
        case let .pExceedsCandidates(p, allowed):
            return "The number of facilities p = \(p) exceeds the number of candidate sites that may be chosen (\(allowed))."
        case let .pBelowForced(p, forced):
            return "The number of facilities p = \(p) is smaller than the number of facilities that must stay open (\(forced))."
        case let .siteOutOfRange(site, candidateCount):
            return "Candidate site index \(site) is out of range (there are \(candidateCount) candidate sites, numbered from 0)."
        case let .forcedAndForbidden(site):
            return "Candidate site \(site) is both forced open and forbidden."
        case let .demandUnreachable(demand):
            return "Demand point \(demand) cannot be reached from any allowed candidate site."
        case let .demandNotCoverable(demand):
            return "Demand point \(demand) has no allowed candidate site within the service radius, so full coverage is impossible."
        case let .demandExceedsCapacity(totalDemand, maximumCapacity):
            return "Total demand \(totalDemand) exceeds the largest total capacity of p allowed facilities (\(maximumCapacity))."
        case let .demandExceedsSiteCapacity(demand):
            return "The demand of point \(demand) exceeds the capacity of every candidate site that can reach it."
        case .noFeasibleSolution:
            return "No feasible solution: no combination of p facilities can serve every demand point."
        case .stoppedWithoutSolution:
            return "The solver stopped (time limit or cancellation) before it found a feasible solution."
        case let .malformedORLibrary(line):
            return "Malformed OR-Library data at line \(line)."
        }
    }
}
