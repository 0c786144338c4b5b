/// The (vertex, discrete) p-center problem (Hakimi 1965): open p sites minimising the largest
/// cost from a demand point to its nearest open site.
///
///     minimise   R
///     subject to Σ_j x_ij = 1            for every demand i
///                x_ij ≤ y_j               for every i, j
///                Σ_j c_ij x_ij ≤ R        for every demand i
///                Σ_j y_j = p
///                y_j = 1 (j forced open),  y_j = 0 (j forbidden),  x_ij = 0 (i, j unreachable)
///                x_ij, y_j ∈ {0, 1}
///
/// Every demand point counts, whatever its weight (the model is unweighted). Heuristic:
/// farthest-first construction (Gonzalez 1985) and vertex-substitution local search on the
/// critical demand point (Mladenović, Labbé & Hansen, "Solving the p-center problem with tabu
/// search and variable neighborhood search", Networks 42 (2003) 48–64), in two chains. Exact:
/// binary search over the sorted distinct costs, each radius decided by an exact set-covering
/// search ("is there a cover with at most p sites?"; Minieka 1970, Daskin 2000).
public struct PCenterProblem: Sendable {
    /// Costs c_ij.
    public var costs: CostMatrix
    /// Number of sites to open, forced ones included.
    public var p: Int
    /// Sites that must be open.
    public var forcedOpen: Set<Int>
    /// Sites that may not be chosen.
    public var forbidden: Set<Int>

    /// Creates a problem; nothing is checked until `validate()` or `solve(options:)`.
    public init(costs: CostMatrix, p: Int, forcedOpen: Set<Int> = [], forbidden: Set<Int> = []) {
        self.costs = costs
        self.p = p
        self.forcedOpen = forcedOpen
        self.forbidden = forbidden
    }

    /// Checks p against the allowed and forced sites and that every demand point is reachable.
    public func validate() throws(LocationModelError) {
        _ = try validatedRules()
    }

    func validatedRules() throws(LocationModelError) -> SiteRules {
        let rules = try Validation.siteRules(
            candidateCount: costs.candidateCount, forcedOpen: forcedOpen,
            forbidden: forbidden)
        try Validation.p(p, rules: rules)
        try Validation.reachability(costs, rules: rules)
        return rules
    }

    /// Solves the problem; `objective` is the largest demand-to-site cost.
    public func solve(options: SolveOptions = SolveOptions()) throws(LocationModelError) -> LocationSolution {
        let ctx = SolveContext(options: options)
        let rules = try validatedRules()
        let search = PCenterSearch(costs: costs, p: p, rules: rules)
        let restarts = max(1, Int((8 * options.effort).rounded(.up)))
        let hctx = options.method == .exact ? ctx.withDeadline(atFraction: 0.2, of: options) : ctx
        let seed = options.seed
        let chains: [(sites: [Int], value: Double, its: Int)] = runIndependentJobs(count: 2, threads: options.threads) { c in
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(c))
            var best = search.localSearch(search.construct(rng: &rng, randomStart: c > 0))
            var its = 1
            for _ in 1..<restarts {
                if hctx.shouldStop() { break }
                let r = search.localSearch(search.construct(rng: &rng, randomStart: true))
                its += 1
                if r.value < best.value { best = r }
            }
            return (best.sites, best.value, its)
        }
        var best = chains[0]
        for c in chains.dropFirst() where c.value < best.value { best = c }
        var iterations = chains.reduce(0) { $0 + $1.its }
        // radius descent: binary search on the radius with a heuristic set-covering decision
        let refined = search.radiusSearch(start: best.sites, value: best.value, seed: seed, ctx: hctx)
        if refined.value < best.value { best = (refined.sites, refined.value, 0) }
        iterations += refined.iterations
        switch options.method {
        case .heuristic:
            return makeSolution(
                best.sites, bound: nil, proven: false,
                stop: ctx.stopReason(interrupted: hctx.shouldStop()), iterations: iterations, ctx: ctx)
        case .exact:
            let out = search.exact(incumbent: best.sites, incumbentValue: best.value, ctx: ctx)
            return makeSolution(
                out.sites, bound: out.bound, proven: out.proven,
                stop: out.proven ? .completed : ctx.stopReason(interrupted: true),
                iterations: iterations + out.iterations, ctx: ctx)
        }
    }

    private func makeSolution(
        _ sites: [Int], bound: Double?, proven: Bool, stop: StopReason, iterations: Int,
        ctx: SolveContext
    ) -> LocationSolution {
        let open = sites.sorted()
        let nearest = costs.nearestOpen(open)
        let objective = nearest.costs.reduce(0.0) { max($0, $1 ?? 0) }
        return LocationSolution(
            openSites: open, assignment: nearest.sites, distances: nearest.costs,
            objective: objective, bound: bound, proven: proven, sense: .minimize, stop: stop,
            iterations: iterations, ctx: ctx)
    }
}

/// Construction, local search and exact binary search for the p-center problem (internal).
struct PCenterSearch: Sendable {
    let costs: CostMatrix
    let p: Int
    let rules: SiteRules

    @inline(__always) func c(_ i: Int, _ j: Int) -> Double { costs.values[i * costs.candidateCount + j] }

    /// Largest distance to the nearest open site.
    func value(_ open: [Int]) -> Double {
        var worst = 0.0
        for i in 0..<costs.demandCount {
            var best = Double.infinity
            for j in open { best = min(best, c(i, j)) }
            worst = max(worst, best)
        }
        return worst
    }

    /// Farthest-first construction; the first site is random or the best single site.
    func construct(rng: inout Xoshiro256StarStar, randomStart: Bool) -> [Int] {
        let n = costs.demandCount
        var open = rules.forcedList
        if open.isEmpty {
            if randomStart {
                open = [rules.freeList[rng.nextInt(rules.freeList.count)]]
            } else {
                var best = rules.freeList[0]
                var bestV = Double.infinity
                for j in rules.freeList {
                    let v = value([j])
                    if v < bestV {
                        bestV = v
                        best = j
                    }
                }
                open = [best]
            }
        }
        var dist = [Double](repeating: .infinity, count: n)
        for i in 0..<n { for j in open { dist[i] = min(dist[i], c(i, j)) } }
        var isOpen = [Bool](repeating: false, count: costs.candidateCount)
        for j in open { isOpen[j] = true }
        while open.count < p {
            var far = 0
            for i in 1..<n where dist[i] > dist[far] { far = i }
            var pick = -1
            var pickCost = Double.infinity
            for j in rules.freeList where !isOpen[j] && c(far, j) < pickCost {
                pickCost = c(far, j)
                pick = j
            }
            if pick < 0 { pick = rules.freeList.first { !isOpen[$0] }! }
            open.append(pick)
            isOpen[pick] = true
            for i in 0..<n { dist[i] = min(dist[i], c(i, pick)) }
        }
        return open
    }

    /// Vertex substitution on the critical demand point: swap in one of the 32 sites nearest to it
    /// (and closer than the current radius) for the open site that gives the smallest new radius
    /// (ties: fewer demand points at the radius); repeat until no swap improves.
    func localSearch(_ start: [Int]) -> (sites: [Int], value: Double) {
        let n = costs.demandCount
        var open = start
        var d1 = [Double](repeating: 0, count: n)
        var d2 = [Double](repeating: 0, count: n)
        var c1 = [Int](repeating: -1, count: n)
        var isOpen = [Bool](repeating: false, count: costs.candidateCount)
        for j in open { isOpen[j] = true }
        while true {
            var radius = 0.0
            var critical = 0
            for i in 0..<n {
                var a = Double.infinity
                var b = Double.infinity
                var ai = -1
                for j in open {
                    let v = c(i, j)
                    if v < a {
                        b = a
                        a = v
                        ai = j
                    } else if v < b {
                        b = v
                    }
                }
                d1[i] = a
                d2[i] = b
                c1[i] = ai
                if a > radius {
                    radius = a
                    critical = i
                }
            }
            var atMax = 0
            for i in 0..<n where d1[i] == radius { atMax += 1 }
            var cands = rules.freeList.filter { !isOpen[$0] && c(critical, $0) < radius }
            cands.sort { c(critical, $0) < c(critical, $1) || (c(critical, $0) == c(critical, $1) && $0 < $1) }
            var best = (radius, atMax)
            var move: (Int, Int)? = nil
            for f in cands.prefix(32) {
                for g in open where !rules.forced[g] {
                    var worst = 0.0
                    var count = 0
                    for i in 0..<n {
                        let base = c1[i] == g ? d2[i] : d1[i]
                        let v = min(base, c(i, f))
                        if v > worst {
                            worst = v
                            count = 1
                        } else if v == worst {
                            count += 1
                        }
                        if worst > best.0 { break }
                    }
                    if worst < best.0 || (worst == best.0 && count < best.1) {
                        best = (worst, count)
                        move = (f, g)
                    }
                }
            }
            guard let (f, g) = move else { return (open.sorted(), radius) }
            open = open.map { $0 == g ? f : $0 }
            isOpen[g] = false
            isOpen[f] = true
        }
    }

    /// Binary search over the distinct costs below `value`: a radius is accepted when the heuristic
    /// set-covering search covers every demand point with at most p sites.
    func radiusSearch(start: [Int], value: Double, seed: UInt64, ctx: SolveContext)
        -> (sites: [Int], value: Double, iterations: Int)
    {
        let n = costs.demandCount
        let m = costs.candidateCount
        var lowerStart = 0.0
        for i in 0..<n {
            var best = Double.infinity
            for j in 0..<m where rules.allowed[j] { best = min(best, c(i, j)) }
            lowerStart = max(lowerStart, best)
        }
        var values: [Double] = []
        for v in costs.values where v.isFinite && v >= lowerStart && v < value { values.append(v) }
        values.sort()
        var unique: [Double] = []
        for v in values where unique.last != v { unique.append(v) }
        var bestSites = start
        var bestValue = value
        var lo = 0
        var hi = unique.count  // unique[hi...] are known feasible (or above the incumbent)
        var iterations = 0
        while lo < hi {
            if ctx.shouldStop() { break }
            let mid = (lo + hi) / 2
            let r = unique[mid]
            let cov = CoverageData(costs: costs, radius: r, allowed: rules.allowed)
            var coverable = true
            for i in 0..<n where cov.rowStart[i + 1] == cov.rowStart[i] {
                coverable = false
                break
            }
            iterations += 1
            if !coverable {
                lo = mid + 1
                continue
            }
            let solver = SetCoverSolver(cov: cov, freeColumns: rules.freeList, forcedColumns: rules.forcedList)
            if let cover = solver.heuristic(seed: seed, restarts: 2, ctx: ctx.silenced(), lagrangianPass: false).cover, cover.count <= p {
                let full = pad(cover)
                let v = self.value(full)
                if v < bestValue {
                    bestValue = v
                    bestSites = full
                }
                var k = mid
                while k > lo && unique[k - 1] >= v { k -= 1 }
                hi = k
            } else {
                lo = mid + 1
            }
        }
        let polished = localSearch(bestSites)
        if polished.value < bestValue { return (polished.sites, polished.value, iterations) }
        return (bestSites.sorted(), bestValue, iterations)
    }

    struct Outcome {
        var sites: [Int]
        var bound: Double
        var proven: Bool
        var iterations: Int
    }

    /// Binary search on the radius with exact set-covering decisions.
    func exact(incumbent: [Int], incumbentValue: Double, ctx: SolveContext) -> Outcome {
        let n = costs.demandCount
        let m = costs.candidateCount
        var lowerStart = 0.0
        for i in 0..<n {
            var best = Double.infinity
            for j in 0..<m where rules.allowed[j] { best = min(best, c(i, j)) }
            lowerStart = max(lowerStart, best)
        }
        var values: [Double] = []
        for v in costs.values where v.isFinite && v >= lowerStart && v <= incumbentValue { values.append(v) }
        values.sort()
        var unique: [Double] = []
        for v in values where unique.last != v { unique.append(v) }
        if unique.isEmpty { unique = [incumbentValue] }
        var lo = 0
        var hi = unique.count - 1
        var bestSites = incumbent
        var bestValue = incumbentValue
        var iterations = 0
        var interrupted = false
        while lo < hi {
            if ctx.shouldStop() {
                interrupted = true
                break
            }
            let mid = (lo + hi) / 2
            let r = unique[mid]
            let cov = CoverageData(costs: costs, radius: r, allowed: rules.allowed)
            var coverable = true
            for i in 0..<n where cov.rowStart[i + 1] == cov.rowStart[i] {
                coverable = false
                break
            }
            if !coverable {
                lo = mid + 1
                continue
            }
            let solver = SetCoverSolver(cov: cov, freeColumns: rules.freeList, forcedColumns: rules.forcedList)
            var rng = Xoshiro256StarStar(seed: 7)
            var need = [Bool](repeating: true, count: n)
            for j in rules.forcedList { for i in cov.rows(of: j) { need[Int(i)] = false } }
            var usable = [Bool](repeating: false, count: m)
            for j in rules.freeList { usable[j] = true }
            var cover: [Int]? = nil
            if let g = solver.greedy(need: need, usable: usable, rng: &rng, noise: 0), g.count + rules.forcedList.count <= p {
                cover = g + rules.forcedList
            } else {
                let out = solver.exact(initial: nil, target: p, ctx: ctx.silenced())
                iterations += out.iterations
                if out.reachedTarget, let c = out.cover, c.count <= p {
                    cover = c
                } else if !out.exhausted {
                    interrupted = true
                    break
                }
            }
            iterations += 1
            if let cv = cover {
                let full = pad(cv)
                let v = value(full)
                if v <= bestValue {
                    bestValue = v
                    bestSites = full
                }
                // the cover's true radius may be below r
                var k = mid
                while k > lo && unique[k - 1] >= v { k -= 1 }
                hi = k
            } else {
                lo = mid + 1
            }
            // The radius found and the smallest radius not yet ruled out, in the model's units.
            ctx.report(iteration: iterations, best: bestValue, bound: min(unique[lo], bestValue))
        }
        let proven = !interrupted && lo >= hi
        return Outcome(
            sites: bestSites.sorted(), bound: proven ? bestValue : unique[lo], proven: proven,
            iterations: iterations)
    }

    /// Adds sites farthest-first until there are p.
    func pad(_ cover: [Int]) -> [Int] {
        var open = cover
        var isOpen = [Bool](repeating: false, count: costs.candidateCount)
        for j in open { isOpen[j] = true }
        let n = costs.demandCount
        var dist = [Double](repeating: .infinity, count: n)
        for i in 0..<n { for j in open { dist[i] = min(dist[i], c(i, j)) } }
        while open.count < p {
            var far = 0
            for i in 1..<n where dist[i] > dist[far] { far = i }
            var pick = -1
            var pickCost = Double.infinity
            for j in rules.freeList where !isOpen[j] && c(far, j) < pickCost {
                pickCost = c(far, j)
                pick = j
            }
            if pick < 0 { pick = rules.freeList.first { !isOpen[$0] }! }
            open.append(pick)
            isOpen[pick] = true
            for i in 0..<n { dist[i] = min(dist[i], c(i, pick)) }
        }
        return open
    }
}
