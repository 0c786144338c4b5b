/// The single-source capacitated p-median problem: like the p-median, but each open site j can
/// serve at most Q_j units of demand weight and each demand point goes to exactly one site.
///
///     minimise   Σ_i Σ_j w_i c_ij x_ij
///     subject to Σ_j x_ij = 1              for every demand i
///                Σ_i w_i x_ij ≤ Q_j y_j     for every site j
///                x_ij ≤ y_j                 for every i, j
///                Σ_j y_j = p
///                y_j = 1 (j forced open),  y_j = 0 (j forbidden),  x_ij = 0 (i, j unreachable)
///                x_ij, y_j ∈ {0, 1}
///
/// Heuristic: elite open sets of the uncapacitated problem (GRASP + path relinking), each
/// assigned by a regret heuristic with shift/swap repair (`CapacitatedAssigner`), then a
/// site-swap local search whose moves re-solve the assignment (in the spirit of the
/// "location–allocation" heuristics surveyed by Osman & Christofides, ITOR 1 (1994) 317–336).
/// Exact: Lagrangian relaxation of the assignment constraints (one 0-1 knapsack per site)
/// inside branch and bound, with a Lagrangian primal heuristic on every new site set.
public struct CapacitatedPMedianProblem: Sendable {
    /// Costs c_ij.
    public var costs: CostMatrix
    /// Demand weights w_i (the amount each demand point consumes of its site's capacity).
    public var weights: [Double]
    /// Capacity Q_j of each candidate site, in the unit of the weights.
    public var capacities: [Double]
    /// Number of sites to open, forced ones included.
    public var p: Int
    /// Sites that must be open.
    public var forcedOpen: Set<Int>
    /// Sites that may not be chosen.
    public var forbidden: Set<Int>

    /// Creates a problem; nothing is checked until `validate()` or `solve(options:)`.
    public init(
        costs: CostMatrix, weights: [Double], capacities: [Double], p: Int, forcedOpen: Set<Int> = [],
        forbidden: Set<Int> = []
    ) {
        self.costs = costs
        self.weights = weights
        self.capacities = capacities
        self.p = p
        self.forcedOpen = forcedOpen
        self.forbidden = forbidden
    }

    /// Checks weights, capacities, p, reachability and that capacity can cover the demand.
    public func validate() throws(LocationModelError) {
        _ = try validatedRules()
    }

    func validatedRules() throws(LocationModelError) -> SiteRules {
        let n = costs.demandCount
        let m = costs.candidateCount
        try Validation.weights(weights, demandCount: n)
        guard capacities.count == m else { throw .capacityCountMismatch(expected: m, actual: capacities.count) }
        for (j, q) in capacities.enumerated() where !q.isFinite || q < 0 { throw .invalidCapacity(candidate: j) }
        let rules = try Validation.siteRules(candidateCount: m, forcedOpen: forcedOpen, forbidden: forbidden)
        try Validation.p(p, rules: rules)
        try Validation.reachability(costs, rules: rules)
        for i in 0..<n {
            var fits = false
            for j in 0..<m where rules.allowed[j] && costs.values[i * m + j].isFinite && capacities[j] >= weights[i] {
                fits = true
                break
            }
            if !fits { throw .demandExceedsSiteCapacity(demand: i) }
        }
        let total = weights.reduce(0, +)
        let free = rules.freeList.map { capacities[$0] }.sorted(by: >)
        let best = rules.forcedList.reduce(0) { $0 + capacities[$1] } + free.prefix(p - rules.forcedList.count).reduce(0, +)
        if total > best * (1 + 1e-12) { throw .demandExceedsCapacity(totalDemand: total, maximumCapacity: best) }
        return rules
    }

    /// Solves the problem with the chosen method.
    /// - Throws: a `LocationModelError` for invalid data; `noFeasibleSolution` when no feasible
    ///   assignment was found (heuristic) or none exists (exact, proven).
    public func solve(options: SolveOptions = SolveOptions()) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: options)
        let rules = try validatedRules()
        let data = MedianData(costs: costs, weights: weights, p: p, rules: rules, threads: options.threads)
        var maxRaw = 0.0
        for v in costs.values where v.isFinite && v > maxRaw { maxRaw = v }
        let assigner = CapacitatedAssigner(data: data, weights: weights, capacities: capacities, maxRawCost: maxRaw)
        let hctx = options.method == .exact ? ctx.withDeadline(atFraction: 0.3, of: options) : ctx
        let heur = heuristic(data: data, assigner: assigner, options: options, ctx: hctx)
        switch options.method {
        case .heuristic:
            guard let h = heur.best, h.assignment.feasible else {
                if hctx.shouldStop() { throw .stoppedWithoutSolution }
                throw .noFeasibleSolution
            }
            return makeSolution(
                sites: h.sites, site: h.assignment.site, bound: nil, proven: false,
                stop: ctx.stopReason(interrupted: heur.interrupted), iterations: heur.iterations,
                ctx: ctx)
        case .exact:
            let bb = CapacitatedBranchAndBound(
                data: data, weights: weights, capacities: capacities, assigner: assigner,
                relativeGap: options.relativeGapTolerance)
            let out = bb.run(incumbent: heur.best?.assignment, incumbentSites: heur.best?.sites ?? [], ctx: ctx)
            guard out.objective.isFinite, let site = out.assignment else {
                if out.proven { throw .noFeasibleSolution }
                throw .stoppedWithoutSolution
            }
            let stop: StopReason =
                out.proven
                ? .completed
                : (out.gapReached ? .gapReached : ctx.stopReason(interrupted: true))
            return makeSolution(
                sites: out.sites, site: site, bound: out.bound, proven: out.proven, stop: stop,
                iterations: heur.iterations + out.iterations, ctx: ctx)
        }
    }

    struct Candidate {
        var sites: [Int]
        var assignment: CapacitatedAssigner.Assignment
    }

    struct HeuristicOutcome {
        var best: Candidate?
        var iterations: Int
        var interrupted: Bool
    }

    /// Elite uncapacitated sets → capacitated assignment → site-swap local search (two chains).
    func heuristic(data: MedianData, assigner: CapacitatedAssigner, options: SolveOptions, ctx: SolveContext)
        -> HeuristicOutcome
    {
        let rules = data.rules
        if p == rules.allowedCount || p == rules.forcedList.count {
            let sites = p == rules.forcedList.count ? rules.forcedList : (rules.forcedList + rules.freeList).sorted()
            return HeuristicOutcome(
                best: Candidate(sites: sites, assignment: assigner.assign(open: sites)),
                iterations: 1, interrupted: false)
        }
        var ph = PMedianHeuristic(
            data: data, seed: options.seed, threads: options.threads,
            effort: max(0.05, 0.25 * options.effort))
        ph.postOptimization = false
        let pm = ph.run(ctx: ctx)
        var sets = pm.pool.members.sorted { $0.objective < $1.objective }.map(\.sites)
        if sets.isEmpty, !pm.sites.isEmpty { sets = [pm.sites] }
        var evaluated = sets.map { Candidate(sites: $0, assignment: assigner.assign(open: $0)) }
        evaluated.sort { CapacitatedAssigner.rank($0.assignment) < CapacitatedAssigner.rank($1.assignment) }
        guard !evaluated.isEmpty else { return HeuristicOutcome(best: nil, iterations: pm.iterations, interrupted: true) }
        let starts = Array(evaluated.prefix(2))
        let improved: [(Candidate, Int)] = runIndependentJobs(count: starts.count, threads: options.threads) { c in
            Self.siteSwapSearch(start: starts[c], data: data, assigner: assigner, ctx: ctx)
        }
        var best = evaluated[0]
        var iterations = pm.iterations + evaluated.count
        for (cand, its) in improved {
            iterations += its
            if CapacitatedAssigner.rank(cand.assignment) < CapacitatedAssigner.rank(best.assignment) { best = cand }
        }
        return HeuristicOutcome(best: best, iterations: iterations, interrupted: ctx.shouldStop())
    }

    /// First-improvement site swaps, cycling over the open sites: close r, open one of the 6
    /// candidates cheapest for r's customers, re-solve the assignment; stop after a full cycle
    /// without improvement.
    static func siteSwapSearch(
        start: Candidate, data d: MedianData, assigner: CapacitatedAssigner,
        ctx: SolveContext
    ) -> (Candidate, Int) {
        var cur = start
        var evaluations = 0
        let n = d.n
        var position = 0
        var sinceImprovement = 0
        let p = cur.sites.count
        while sinceImprovement < p && evaluations < 12 * p {
            if ctx.shouldStop() { return (cur, evaluations) }
            let r = cur.sites[position % p]
            position += 1
            sinceImprovement += 1
            if d.rules.forced[r] { continue }
            let openSet = Set(cur.sites)
            var customers: [Int] = []
            for u in 0..<n where Int(cur.assignment.site[u]) == r { customers.append(u) }
            var scored: [(Double, Int)] = []
            for f in d.rules.freeList where !openSet.contains(f) {
                var s = 0.0
                for u in customers { s += d.costT[f * n + u] }
                scored.append((s, f))
            }
            scored.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            for (_, f) in scored.prefix(5) {
                let trial = cur.sites.map { $0 == r ? f : $0 }
                let a = assigner.assign(open: trial, passes: 4)
                evaluations += 1
                let better =
                    CapacitatedAssigner.rank(a) < CapacitatedAssigner.rank(cur.assignment)
                    - 1e-10 * max(1, abs(cur.assignment.cost))
                    || (!cur.assignment.feasible && a.overload < cur.assignment.overload - 1e-9)
                if better {
                    cur = Candidate(sites: trial, assignment: a)
                    sinceImprovement = 0
                    break
                }
            }
        }
        // final polish of the assignment with more passes
        let polished = assigner.assign(open: cur.sites, passes: 200)
        if CapacitatedAssigner.rank(polished) < CapacitatedAssigner.rank(cur.assignment) {
            cur.assignment = polished
        }
        cur.sites.sort()
        return (cur, evaluations)
    }

    private func makeSolution(
        sites: [Int], site: [Int32], bound: Double?, proven: Bool, stop: StopReason,
        iterations: Int, ctx: SolveContext
    ) -> LocationSolution {
        let n = costs.demandCount
        var assignment = [Int?](repeating: nil, count: n)
        var distances = [Double?](repeating: nil, count: n)
        var objective = 0.0
        for i in 0..<n {
            let j = Int(site[i])
            assignment[i] = j
            let c = costs.values[i * costs.candidateCount + j]
            distances[i] = c
            objective += weights[i] * c
        }
        return LocationSolution(
            openSites: Array(Set(sites)).sorted(), assignment: assignment, distances: distances,
            objective: objective, bound: bound, proven: proven, sense: .minimize, stop: stop,
            iterations: iterations, ctx: ctx)
    }
}
