/// The maximal covering location problem (MCLP; Church & ReVelle 1974): open p sites to maximise
/// the demand weight within the service radius of an open site (a_ij = 1 iff c_ij ≤ radius).
///
///     maximise   Σ_i w_i z_i
///     subject to z_i ≤ Σ_j a_ij y_j      for every demand i
///                Σ_j y_j = p
///                y_j = 1 (j forced open),  y_j = 0 (j forbidden)
///                z_i, y_j ∈ {0, 1}
///
/// Unreachable pairs never cover. Demand points that no allowed site covers simply stay
/// uncovered (assignment `nil`). Heuristic: GRASP + swap local search. Exact: Lagrangian
/// relaxation (Galvão & ReVelle 1996) in branch and bound; the result's `bound` is an upper bound.
public struct MaximalCoveringProblem: Sendable {
    /// Costs c_ij (distance or time, same unit as the radius).
    public var costs: CostMatrix
    /// Demand weights w_i, non-negative.
    public var weights: [Double]
    /// Number of sites to open, forced ones included.
    public var p: Int
    /// Service radius: demand i is covered by site j iff c_ij ≤ radius.
    public var radius: Double
    /// Sites that must be open.
    public var forcedOpen: Set<Int>
    /// Sites that may not be chosen.
    public var forbidden: Set<Int>

    /// Creates a problem; nothing is checked until `validate()` or `solve(options:)`.
    public init(
        costs: CostMatrix, weights: [Double], p: Int, radius: Double, forcedOpen: Set<Int> = [],
        forbidden: Set<Int> = []
    ) {
        self.costs = costs
        self.weights = weights
        self.p = p
        self.radius = radius
        self.forcedOpen = forcedOpen
        self.forbidden = forbidden
    }

    /// Checks weights, radius and p against the allowed and forced sites.
    public func validate() throws(LocationModelError) {
        _ = try validatedRules()
    }

    func validatedRules() throws(LocationModelError) -> SiteRules {
        try Validation.weights(weights, demandCount: costs.demandCount)
        try Validation.radius(radius)
        let rules = try Validation.siteRules(
            candidateCount: costs.candidateCount, forcedOpen: forcedOpen,
            forbidden: forbidden)
        try Validation.p(p, rules: rules)
        return rules
    }

    /// Solves the problem; `objective` is the covered weight and `bound` an upper bound.
    public func solve(options: SolveOptions = SolveOptions()) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: options)
        let rules = try validatedRules()
        let cov = CoverageData(costs: costs, radius: radius, allowed: rules.allowed)
        let solver = MaximalCoveringSolver(
            cov: cov, weights: weights, p: p, rules: rules,
            integral: allIntegral(weights))
        let restarts = max(1, Int((16 * options.effort).rounded(.up)))
        let hctx = options.method == .exact ? ctx.withDeadline(atFraction: 0.3, of: options) : ctx
        let h = solver.heuristic(seed: options.seed, restarts: restarts, threads: options.threads, ctx: hctx)
        switch options.method {
        case .heuristic:
            return makeSolution(
                h.sites, bound: nil, proven: false, stop: ctx.stopReason(interrupted: hctx.shouldStop()),
                iterations: h.iterations, ctx: ctx)
        case .exact:
            let out = solver.exact(incumbent: h.sites, relativeGap: options.relativeGapTolerance, ctx: ctx)
            let stop: StopReason = out.proven ? .completed : (out.gapReached ? .gapReached : ctx.stopReason(interrupted: true))
            return makeSolution(
                out.sites, bound: out.bound, proven: out.proven, stop: stop,
                iterations: h.iterations + out.iterations, ctx: ctx)
        }
    }

    private func makeSolution(
        _ sites: [Int], bound: Double?, proven: Bool, stop: StopReason, iterations: Int,
        ctx: SolveContext
    ) -> LocationSolution {
        let open = sites.sorted()
        let nearest = costs.nearestOpen(open, within: radius)
        var objective = 0.0
        for (i, site) in nearest.sites.enumerated() where site != nil { objective += weights[i] }
        return LocationSolution(
            openSites: open, assignment: nearest.sites, distances: nearest.costs,
            objective: objective, bound: bound, proven: proven, sense: .maximize, stop: stop,
            iterations: iterations, ctx: ctx)
    }
}

/// The location set covering problem (LSCP; Toregas, Swain, ReVelle & Bergman 1971): the fewest
/// sites such that every demand point is within the service radius of an open site.
///
///     minimise   Σ_j y_j
///     subject to Σ_j a_ij y_j ≥ 1        for every demand i     (a_ij = 1 iff c_ij ≤ radius)
///                y_j = 1 (j forced open),  y_j = 0 (j forbidden)
///                y_j ∈ {0, 1}
///
/// Every demand point counts, whatever its weight (weights are not part of this model).
/// Heuristic: randomised greedy with redundancy removal, a Lagrangian heuristic that also gives a
/// lower bound, and row-weighting local search (Gao, Weise & Li 2015) up to that bound. Exact:
/// Lagrangian relaxation with subgradient optimisation in branch and bound (Beasley 1990).
public struct SetCoveringProblem: Sendable {
    /// Costs c_ij (distance or time, same unit as the radius).
    public var costs: CostMatrix
    /// Service radius: demand i is covered by site j iff c_ij ≤ radius.
    public var radius: Double
    /// Sites that must be open.
    public var forcedOpen: Set<Int>
    /// Sites that may not be chosen.
    public var forbidden: Set<Int>

    /// Creates a problem; nothing is checked until `validate()` or `solve(options:)`.
    public init(costs: CostMatrix, radius: Double, forcedOpen: Set<Int> = [], forbidden: Set<Int> = []) {
        self.costs = costs
        self.radius = radius
        self.forcedOpen = forcedOpen
        self.forbidden = forbidden
    }

    /// Checks the radius, the site sets and that every demand point can be covered.
    public func validate() throws(LocationModelError) {
        _ = try validated()
    }

    func validated() throws(LocationModelError) -> (SiteRules, CoverageData) {
        try Validation.radius(radius)
        let rules = try Validation.siteRules(
            candidateCount: costs.candidateCount, forcedOpen: forcedOpen,
            forbidden: forbidden)
        let cov = CoverageData(costs: costs, radius: radius, allowed: rules.allowed)
        for i in 0..<cov.n where cov.rowStart[i + 1] == cov.rowStart[i] { throw .demandNotCoverable(demand: i) }
        return (rules, cov)
    }

    /// Row-weighting local-search steps per chain at effort 1.
    static let localSearchSteps = 200_000.0

    /// Solves the problem; `objective` is the number of open sites.
    public func solve(options: SolveOptions = SolveOptions()) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: options)
        let (rules, cov) = try validated()
        let solver = SetCoverSolver(cov: cov, freeColumns: rules.freeList, forcedColumns: rules.forcedList)
        let restarts = max(1, Int((4 * options.effort).rounded(.up)))
        let steps = max(1, Int((Self.localSearchSteps * options.effort).rounded(.up)))
        let hctx = options.method == .exact ? ctx.withDeadline(atFraction: 0.2, of: options) : ctx
        let h = solver.heuristic(seed: options.seed, restarts: restarts, ctx: hctx, steps: steps, threads: options.threads)
        guard let heur = h.cover else { throw .noFeasibleSolution }
        switch options.method {
        case .heuristic:
            let proven = h.bound.map { $0 >= heur.count } ?? false
            return makeSolution(
                heur, bound: h.bound.map(Double.init), proven: proven,
                stop: proven ? .completed : ctx.stopReason(interrupted: hctx.shouldStop()),
                iterations: h.iterations, ctx: ctx)
        case .exact:
            let out = solver.exact(initial: heur, target: nil, ctx: ctx)
            let cover = out.cover ?? heur
            let proven = out.exhausted || out.bound >= cover.count
            return makeSolution(
                cover, bound: Double(min(out.bound, cover.count)), proven: proven,
                stop: proven ? .completed : ctx.stopReason(interrupted: true),
                iterations: h.iterations + out.iterations, ctx: ctx)
        }
    }

    private func makeSolution(
        _ sites: [Int], bound: Double?, proven: Bool, stop: StopReason, iterations: Int,
        ctx: SolveContext
    ) -> LocationSolution {
        let open = sites.sorted()
        let nearest = costs.nearestOpen(open, within: radius)
        return LocationSolution(
            openSites: open, assignment: nearest.sites, distances: nearest.costs,
            objective: Double(open.count), bound: bound, proven: proven, sense: .minimize,
            stop: stop, iterations: iterations, ctx: ctx)
    }
}
