/// Heuristic and exact search for the maximal covering location problem (internal).
///
/// Heuristic: greedy-randomised construction (GRASP; Resende, "Computing approximate solutions of
/// the maximum covering problem with GRASP", J. Heuristics 4 (1998) 161–177) and best-improvement
/// swap local search, in two independent chains. Exact: Lagrangian relaxation of z_i ≤ Σ_{j∈N_i} y_j
/// with multipliers λ_i ≥ 0 (R. D. Galvão and C. ReVelle, "A Lagrangean heuristic for the maximal
/// covering location problem", EJOR 88 (1996) 114–123):
/// U(λ) = Σ_i max(0, w_i − λ_i) + max { Σ_j y_j Σ_{i∈N_j} λ_i : Σ_j y_j = p }, an upper bound
/// minimised by projected subgradient steps inside best-bound branch and bound on y_j with
/// reduced-cost fixing; with integral weights the bound is rounded down.
struct MaximalCoveringSolver {
    let cov: CoverageData
    let weights: [Double]
    let p: Int
    let rules: SiteRules
    let integral: Bool

    // MARK: evaluation and local search

    func coveredWeight(_ open: [Int]) -> Double {
        var covered = [Bool](repeating: false, count: cov.n)
        var total = 0.0
        for j in open {
            for i in cov.rows(of: j) where !covered[Int(i)] {
                covered[Int(i)] = true
                total += weights[Int(i)]
            }
        }
        return total
    }

    /// Randomised greedy: at each step one of the best `alpha`-fraction of candidates by gain.
    func construct(rng: inout Xoshiro256StarStar, alpha: Double) -> [Int] {
        var cnt = [Int](repeating: 0, count: cov.n)
        var open = rules.forcedList
        var isOpen = [Bool](repeating: false, count: cov.m)
        for j in open {
            isOpen[j] = true
            for i in cov.rows(of: j) { cnt[Int(i)] += 1 }
        }
        while open.count < p {
            var gains: [(Double, Int)] = []
            for j in rules.freeList where !isOpen[j] {
                var gsum = 0.0
                for i in cov.rows(of: j) where cnt[Int(i)] == 0 { gsum += weights[Int(i)] }
                gains.append((gsum, j))
            }
            guard let top = gains.max(by: { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }) else { break }
            let threshold = top.0 * (1 - alpha)
            let rcl = gains.filter { $0.0 >= threshold }
            let pick = alpha > 0 ? rcl[rng.nextInt(rcl.count)].1 : top.1
            open.append(pick)
            isOpen[pick] = true
            for i in cov.rows(of: pick) { cnt[Int(i)] += 1 }
        }
        return open
    }

    /// Best-improvement swaps (open f, close g) until none improves the covered weight.
    func localSearch(_ start: [Int]) -> (sites: [Int], value: Double) {
        var rng = Xoshiro256StarStar(seed: 0)
        return swapSearch(start, tabuIterations: 0, rng: &rng)
    }

    /// Swap search. With `tabuIterations` > 0 it continues past local optima as a tabu search
    /// (the best non-tabu swap is made even if it loses weight; a site just closed may not reopen and
    /// a site just opened may not close for a random tenure of 5–14 moves, unless the move beats the
    /// best solution), stopping after that many non-improving moves.
    func swapSearch(_ start: [Int], tabuIterations: Int, rng: inout Xoshiro256StarStar) -> (sites: [Int], value: Double) {
        var open = start
        var isOpen = [Bool](repeating: false, count: cov.m)
        for j in open { isOpen[j] = true }
        var cnt = [Int](repeating: 0, count: cov.n)
        var sole = [Int](repeating: 0, count: cov.n)  // sum of covering open sites (the sole one when cnt == 1)
        for j in open {
            for i in cov.rows(of: j) {
                cnt[Int(i)] += 1
                sole[Int(i)] += j
            }
        }
        var value = coveredWeight(open)
        var best = (sites: open.sorted(), value: value)
        var extra = [Double](repeating: 0, count: cov.m)
        var touched: [Int] = []
        var tabuUntil = [Int](repeating: -1, count: cov.m)
        var move = 0
        var sinceBest = 0
        var loss = [Double](repeating: 0, count: cov.m)
        while true {
            move += 1
            for j in open { loss[j] = 0 }
            for i in 0..<cov.n where cnt[i] == 1 { loss[sole[i]] += weights[i] }
            let allowedOut: (Int, Double) -> Bool = { g, delta in
                !self.rules.forced[g] && (tabuUntil[g] < move || value + delta > best.value + 1e-9)
            }
            let improvingOnly = sinceBest >= tabuIterations
            var bestDelta = improvingOnly ? 1e-9 : -Double.infinity
            var bestIn = -1
            var bestOut = -1
            // the cheapest site to close (ignoring extra), among permitted ones
            var minLoss = Double.infinity
            var minLossSite = -1
            for j in open where !rules.forced[j] && (improvingOnly || tabuUntil[j] < move) && loss[j] < minLoss {
                minLoss = loss[j]
                minLossSite = j
            }
            for f in rules.freeList where !isOpen[f] {
                var gain = 0.0
                touched.removeAll(keepingCapacity: true)
                for i in cov.rows(of: f) {
                    let ii = Int(i)
                    if cnt[ii] == 0 {
                        gain += weights[ii]
                    } else if cnt[ii] == 1 {
                        let g = sole[ii]
                        if extra[g] == 0 { touched.append(g) }
                        extra[g] += weights[ii]
                    }
                }
                let fTabu = !improvingOnly && tabuUntil[f] >= move
                if minLossSite >= 0 && gain - minLoss > bestDelta && (!fTabu || value + gain - minLoss > best.value + 1e-9) {
                    bestDelta = gain - minLoss
                    bestIn = f
                    bestOut = minLossSite
                }
                for g in touched {
                    let dlt = gain - loss[g] + extra[g]
                    if dlt > bestDelta && (improvingOnly ? !rules.forced[g] : allowedOut(g, dlt))
                        && (!fTabu || value + dlt > best.value + 1e-9)
                    {
                        bestDelta = dlt
                        bestIn = f
                        bestOut = g
                    }
                    extra[g] = 0
                }
            }
            if bestIn < 0 { break }
            isOpen[bestOut] = false
            isOpen[bestIn] = true
            open = open.map { $0 == bestOut ? bestIn : $0 }
            for i in cov.rows(of: bestOut) {
                cnt[Int(i)] -= 1
                sole[Int(i)] -= bestOut
            }
            for i in cov.rows(of: bestIn) {
                cnt[Int(i)] += 1
                sole[Int(i)] += bestIn
            }
            value += bestDelta
            if !improvingOnly {
                tabuUntil[bestOut] = move + 5 + rng.nextInt(10)
                tabuUntil[bestIn] = move + 5 + rng.nextInt(10)
            }
            if value > best.value + 1e-9 {
                best = (open.sorted(), value)
                sinceBest = 0
            } else {
                sinceBest += 1
                if improvingOnly { break }
            }
        }
        return (best.sites, coveredWeight(best.sites))
    }

    /// Two chains of GRASP restarts followed by iterated local search (perturb 2–4 random swaps,
    /// re-optimise, accept if not worse); returns the best set and the number of local searches.
    func heuristic(seed: UInt64, restarts: Int, threads: Int, ctx: SolveContext) -> (sites: [Int], value: Double, iterations: Int) {
        let results: [(sites: [Int], value: Double, iterations: Int)] = runIndependentJobs(count: 2, threads: threads) { c in
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(c))
            var best = localSearch(construct(rng: &rng, alpha: c == 0 ? 0 : 0.2))
            var its = 1
            for _ in 1..<max(1, restarts) {
                if ctx.shouldStop() { break }
                let r = localSearch(construct(rng: &rng, alpha: 0.2))
                its += 1
                if r.value > best.value + 1e-9 { best = r }
            }
            // tabu search from the best restart
            if p > rules.forcedList.count {
                let r = swapSearch(best.sites, tabuIterations: 60 * restarts, rng: &rng)
                its += 1
                if r.value > best.value + 1e-9 { best = r }
            }
            return (best.sites, best.value, its)
        }
        var best = results[0]
        for r in results.dropFirst() where r.value > best.value + 1e-9 { best = r }
        return (best.sites, best.value, results.reduce(0) { $0 + $1.iterations })
    }

    // MARK: exact

    struct Outcome {
        var sites: [Int]
        var value: Double
        var bound: Double
        var proven: Bool
        var iterations: Int
        var gapReached: Bool
    }

    func exact(
        incumbent: [Int], relativeGap: Double, ctx: SolveContext, rootOnly: Bool = false,
        maxPolish: Int = 2000
    ) -> Outcome {
        let n = cov.n
        let m = cov.m
        var polished = 0
        var polishedSets = Set<[Int]>()
        var lbSites = incumbent
        var lb = coveredWeight(incumbent)
        func prunable(_ ub: Double) -> Bool {
            let tol = 1e-9 * max(1, abs(lb))
            if ub <= lb + tol { return true }
            if integral && ub < lb + 1 - tol { return true }
            return false
        }
        func withinGap(_ ub: Double) -> Bool {
            relativeGap > 0 && ub <= lb + relativeGap * abs(lb) + 1e-9 * max(1, abs(lb))
        }
        struct Node {
            var bound: Double
            var seq: Int
            var depth: Int
            var open: [Int]
            var closed: [Int]
            var lambda: [Double]
        }
        var lambda0 = [Double](repeating: 0, count: n)
        do {
            var cnt = [Int](repeating: 0, count: n)
            for j in incumbent { for i in cov.rows(of: j) { cnt[Int(i)] += 1 } }
            for i in 0..<n { lambda0[i] = cnt[i] > 0 ? weights[i] / Double(cnt[i]) : 0.5 * weights[i] }
        }
        var nodes: [Node] = [Node(bound: .infinity, seq: 0, depth: 0, open: [], closed: [], lambda: lambda0)]
        var seq = 0
        var iterations = 0
        var interrupted = false
        var gapReached = false
        var s = [Double](repeating: 0, count: m)
        var selected = [Bool](repeating: false, count: m)
        var g = [Double](repeating: 0, count: n)
        while !nodes.isEmpty {
            if ctx.shouldStop() {
                interrupted = true
                break
            }
            // best bound first (largest upper bound)
            var bi = 0
            for k in 1..<nodes.count
            where nodes[k].bound > nodes[bi].bound
                || (nodes[k].bound == nodes[bi].bound && nodes[k].seq > nodes[bi].seq)
            { bi = k }
            let node = nodes.remove(at: bi)
            if prunable(node.bound) { continue }
            if withinGap(node.bound) {
                gapReached = true
                nodes.append(node)
                break
            }
            var fixOpen = rules.forced
            var fixClosed = rules.allowed.map { !$0 }
            for j in node.open { fixOpen[j] = true }
            for j in node.closed { fixClosed[j] = true }
            let openCount = fixOpen.reduce(0) { $0 + ($1 ? 1 : 0) }
            let free = rules.freeList.filter { !fixOpen[$0] && !fixClosed[$0] }
            let need = p - openCount
            if need < 0 || free.count < need { continue }
            if need == 0 || free.count == need {
                let sites = (0..<m).filter { fixOpen[$0] } + (need == 0 ? [] : free)
                let v = coveredWeight(sites)
                if v > lb {
                    lb = v
                    lbSites = sites.sorted()
                }
                continue
            }
            var lambda = node.lambda
            var bestU = Double.infinity
            var bestLambda = lambda
            var theta = node.depth == 0 ? 1.0 : 0.25
            var since = 0
            let maxIt = node.depth == 0 ? 10000 : 300
            var it = 0
            var order = free
            var lastIn = 0.0
            var firstOut = 0.0
            while it < maxIt {
                it += 1
                var upper = 0.0
                for i in 0..<n { upper += max(0, weights[i] - lambda[i]) }
                for j in 0..<m { selected[j] = false }
                for j in 0..<m where !fixClosed[j] {
                    var v = 0.0
                    for i in cov.rows(of: j) { v += lambda[Int(i)] }
                    s[j] = v
                    selected[j] = fixOpen[j]
                    if fixOpen[j] { upper += v }
                }
                order.sort { s[$0] > s[$1] || (s[$0] == s[$1] && $0 < $1) }
                for k in 0..<need {
                    selected[order[k]] = true
                    upper += s[order[k]]
                }
                lastIn = s[order[need - 1]]
                firstOut = s[order[need]]
                if upper < bestU - 1e-12 * max(1, abs(upper)) {
                    bestU = upper
                    bestLambda = lambda
                    since = 0
                } else {
                    since += 1
                }
                if prunable(bestU) || withinGap(bestU) { break }
                if it % 10 == 1 {
                    let sites = (0..<m).filter { selected[$0] }
                    let v = coveredWeight(sites)
                    if v > lb {
                        lb = v
                        lbSites = sites
                    }
                    // Lagrangian heuristic: polish promising relaxed sets with the swap local search
                    if it % 50 == 1 && polished < maxPolish && !polishedSets.contains(sites) {
                        polishedSets.insert(sites)
                        polished += 1
                        let r = localSearch(sites)
                        if r.value > lb {
                            lb = r.value
                            lbSites = r.sites
                        }
                    }
                    if prunable(bestU) { break }
                }
                var norm = 0.0
                for i in 0..<n {
                    var c = 0.0
                    for k in cov.cols(of: i) where selected[Int(k)] { c += 1 }
                    let z = weights[i] > lambda[i] ? 1.0 : 0.0
                    var gi = c - z
                    if lambda[i] <= 0 && gi > 0 { gi = 0 }
                    g[i] = gi
                    norm += gi * gi
                }
                if norm == 0 { break }
                if since >= (node.depth == 0 ? 150 : 20) {
                    theta *= 0.5
                    since = 0
                    if theta < 1e-5 { break }
                }
                var gapV = upper - lb
                if gapV <= 0 { gapV = 1e-3 * max(1, abs(upper)) }
                let step = theta * gapV / norm
                for i in 0..<n { lambda[i] = max(0, lambda[i] - step * g[i]) }
                if it % 32 == 0 && ctx.shouldStop() { break }
            }
            iterations += it
            let nodeBound = min(bestU, node.bound)
            if node.depth == 0 { ctx.report(iteration: iterations, best: lb, bound: nodeBound) }
            if rootOnly {
                return Outcome(
                    sites: lbSites.sorted(), value: lb, bound: nodeBound, proven: prunable(nodeBound),
                    iterations: iterations, gapReached: false)
            }
            if prunable(nodeBound) { continue }
            if withinGap(nodeBound) {
                seq += 1
                var again = node
                again.bound = nodeBound
                again.seq = seq
                again.lambda = bestLambda
                nodes.append(again)
                continue
            }
            // re-evaluate at the best multipliers for fixing and branching
            lambda = bestLambda
            var upper = 0.0
            for i in 0..<n { upper += max(0, weights[i] - lambda[i]) }
            for j in 0..<m where !fixClosed[j] {
                var v = 0.0
                for i in cov.rows(of: j) { v += lambda[Int(i)] }
                s[j] = v
                if fixOpen[j] { upper += v }
            }
            order.sort { s[$0] > s[$1] || (s[$0] == s[$1] && $0 < $1) }
            for k in 0..<need { upper += s[order[k]] }
            lastIn = s[order[need - 1]]
            firstOut = s[order[need]]
            var newOpen = node.open
            var newClosed = node.closed
            for (k, j) in order.enumerated() {
                if k < need {
                    if prunable(upper - s[j] + firstOut) { newOpen.append(j) }
                } else if prunable(upper - lastIn + s[j]) {
                    newClosed.append(j)
                }
            }
            let openSet = Set(newOpen)
            var branch = -1
            for k in stride(from: need - 1, through: 0, by: -1) where !openSet.contains(order[k]) {
                branch = order[k]
                break
            }
            seq += 1
            if branch < 0 {
                nodes.append(
                    Node(
                        bound: nodeBound, seq: seq, depth: node.depth + 1, open: newOpen, closed: newClosed,
                        lambda: bestLambda))
                continue
            }
            nodes.append(
                Node(
                    bound: nodeBound, seq: seq, depth: node.depth + 1, open: newOpen,
                    closed: newClosed + [branch], lambda: bestLambda))
            seq += 1
            nodes.append(
                Node(
                    bound: nodeBound, seq: seq, depth: node.depth + 1, open: newOpen + [branch],
                    closed: newClosed, lambda: bestLambda))
        }
        let remaining = nodes.filter { !prunable($0.bound) }
        let proven = remaining.isEmpty && !interrupted
        var bound = max(remaining.map(\.bound).max() ?? lb, lb)
        if proven { bound = lb }
        return Outcome(
            sites: lbSites.sorted(), value: lb, bound: bound, proven: proven, iterations: iterations,
            gapReached: gapReached)
    }
}
