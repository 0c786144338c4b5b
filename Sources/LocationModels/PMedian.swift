/// The p-median problem (Hakimi 1964; ReVelle & Swain 1970): open p sites minimising total
/// weighted cost, every demand point served by its cheapest open site.
///
///     minimise   Σ_i Σ_j w_i c_ij x_ij
///     subject to Σ_j x_ij = 1            for every demand i
///                x_ij ≤ y_j               for every i, j
///                Σ_j y_j = p
///                y_j = 1 (j forced open),  y_j = 0 (j forbidden),  x_ij = 0 (i, j unreachable)
///                x_ij, y_j ∈ {0, 1}
///
/// Heuristic: GRASP with path relinking over the fast swap local search (Resende & Werneck 2004,
/// 2007). Exact: Lagrangian relaxation of the assignment constraints with subgradient
/// optimisation inside best-bound branch and bound with reduced-cost fixing (Beasley 1985, 1993).
public struct PMedianProblem: Sendable {
    /// Costs c_ij (e.g. metres or minutes).
    public var costs: CostMatrix
    /// Demand weights w_i (e.g. population), non-negative.
    public var weights: [Double]
    /// Number of sites to open, forced ones included.
    public var p: Int
    /// Sites that must be open.
    public var forcedOpen: Set<Int>
    /// Sites that may not be chosen.
    public var forbidden: Set<Int>

    /// Creates a problem; nothing is checked until `validate()` or `solve(options:)`.
    public init(costs: CostMatrix, weights: [Double], p: Int, forcedOpen: Set<Int> = [], forbidden: Set<Int> = []) {
        self.costs = costs
        self.weights = weights
        self.p = p
        self.forcedOpen = forcedOpen
        self.forbidden = forbidden
    }

    /// Checks the data: weights, p against allowed and forced sites, reachability of every demand.
    public func validate() throws(LocationModelError) {
        _ = try validatedRules()
    }

    func validatedRules() throws(LocationModelError) -> SiteRules {
        try Validation.weights(weights, demandCount: costs.demandCount)
        let rules = try Validation.siteRules(
            candidateCount: costs.candidateCount, forcedOpen: forcedOpen,
            forbidden: forbidden)
        try Validation.p(p, rules: rules)
        try Validation.reachability(costs, rules: rules)
        return rules
    }

    /// Solves the problem with the chosen method.
    /// - Throws: a `LocationModelError` for invalid data, `noFeasibleSolution` if no p sites reach
    ///   every demand point, `stoppedWithoutSolution` if stopped before any solution.
    public func solve(options: SolveOptions = SolveOptions()) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: options)
        let rules = try validatedRules()
        let data = MedianData(costs: costs, weights: weights, p: p, rules: rules, threads: options.threads)
        switch options.method {
        case .heuristic:
            let h = PMedianHeuristic(data: data, seed: options.seed, threads: options.threads, effort: options.effort)
            let out = h.run(ctx: ctx)
            guard out.objective.isFinite else { throw .stoppedWithoutSolution }
            if data.isPenalised(out.objective) { throw .noFeasibleSolution }
            return makeSolution(
                sites: out.sites, bound: nil, proven: false,
                stop: ctx.stopReason(interrupted: out.interrupted),
                iterations: out.iterations, ctx: ctx)
        case .exact:
            let hctx = ctx.withDeadline(atFraction: 0.4, of: options)
            let h = PMedianHeuristic(data: data, seed: options.seed, threads: options.threads, effort: options.effort)
            let heur = h.run(ctx: hctx)
            guard heur.objective.isFinite else { throw .stoppedWithoutSolution }
            var search = SwapSearch(data: data)
            let bb = PMedianBranchAndBound(data: data, relativeGap: options.relativeGapTolerance)
            let out = bb.run(incumbent: heur.sites, incumbentObjective: heur.objective, ctx: ctx) { sites in
                search.load(sites)
                search.localSearch(stop: ctx.shouldStop)
                return (search.openSites, search.objective)
            }
            if data.isPenalised(out.objective) {
                if out.proven { throw .noFeasibleSolution }
                throw .stoppedWithoutSolution
            }
            let stop: StopReason =
                out.proven
                ? .completed
                : (out.gapReached ? .gapReached : ctx.stopReason(interrupted: true))
            return makeSolution(
                sites: out.sites, bound: out.bound, proven: out.proven, stop: stop,
                iterations: heur.iterations + out.iterations, ctx: ctx)
        }
    }

    /// Evaluates a given set of open sites: each demand point goes to its cheapest open site.
    /// - Throws: `siteOutOfRange`, `noFeasibleSolution` if some demand point reaches no open site.
    public func evaluate(openSites: [Int]) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: SolveOptions(threads: 1))
        for s in openSites where s < 0 || s >= costs.candidateCount {
            throw .siteOutOfRange(site: s, candidateCount: costs.candidateCount)
        }
        let sol = makeSolution(sites: openSites, bound: nil, proven: false, stop: .completed, iterations: 0, ctx: ctx)
        if sol.assignment.contains(where: { $0 == nil }) { throw .noFeasibleSolution }
        return sol
    }

    private func makeSolution(
        sites: [Int], bound: Double?, proven: Bool, stop: StopReason, iterations: Int, ctx: SolveContext
    ) -> LocationSolution {
        let open = Array(Set(sites)).sorted()
        let nearest = costs.nearestOpen(open)
        var objective = 0.0
        for (i, cost) in nearest.costs.enumerated() { objective += weights[i] * (cost ?? 0) }
        return LocationSolution(
            openSites: open, assignment: nearest.sites, distances: nearest.costs,
            objective: objective, bound: bound, proven: proven, sense: .minimize, stop: stop,
            iterations: iterations, ctx: ctx)
    }
}
