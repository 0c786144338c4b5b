/// Lagrangian relaxation and branch and bound for the single-source capacitated p-median (internal).
///
/// Relaxing the assignment constraints Σ_j x_ij = 1 with multipliers λ_i decomposes the problem
/// into one 0-1 knapsack per site (maximise Σ_i (λ_i − w_i c_ij) x_ij s.t. Σ_i w_i x_ij ≤ Q_j),
/// so that L(λ) = Σ_i λ_i + min { Σ_j ρ_j y_j : Σ_j y_j = p }, ρ_j = −knapsack_j(λ). Because the
/// knapsacks keep integrality, this bound is at least the LP bound (relaxation "LR1" of
/// A. Ceselli and G. Righini, "A branch-and-price algorithm for the capacitated p-median problem",
/// Networks 45 (2005) 125–142; see also R. M. Nauss, "An improved algorithm for the capacitated
/// facility location problem", JORS 29 (1978), and Mulvey & Beck, EJOR 18 (1984)).
/// Subgradient steps as in the uncapacitated case. Branch and bound first branches on y_j (the
/// chosen free site with the largest ρ), then, once the open set is fixed, on assignments x_ij
/// (a violated demand and its cheapest chosen site): x_ij = 1 or x_ij = 0.
final class CapacitatedLagrangian {
    let d: MedianData
    let weights: [Double]
    let capacities: [Double]
    private var knap = KnapsackSolver()
    private var count: [Int]
    private var itemStart: [Int]
    private var itemDemand: [Int32] = []
    private var itemProfit: [Double] = []
    private var take: [Bool] = []
    private var takeBuf: [Bool] = []
    private(set) var rho: [Double]
    private(set) var selected: [Bool]
    private(set) var selectedList: [Int] = []
    private var g: [Double]
    private var freeBuf: [Int] = []

    /// Fixings of one node.
    struct Fixing {
        var open: [Bool]
        var closed: [Bool]
        /// Site a demand is fixed to, or −1.
        var assignedTo: [Int32]
        /// Forbidden (demand × m + site) pairs.
        var forbiddenPairs: Set<Int>
    }

    init(data: MedianData, weights: [Double], capacities: [Double]) {
        d = data
        self.weights = weights
        self.capacities = capacities
        count = [Int](repeating: 0, count: data.m)
        itemStart = [Int](repeating: 0, count: data.m + 1)
        rho = [Double](repeating: 0, count: data.m)
        selected = [Bool](repeating: false, count: data.m)
        g = [Double](repeating: 0, count: data.n)
    }

    /// L(λ) under the fixings (+∞ if the fixings are infeasible).
    func evaluate(_ lambda: [Double], _ fix: Fixing) -> Double {
        let n = d.n
        let m = d.m
        for j in 0..<m {
            count[j] = 0
            rho[j] = 0
            selected[j] = false
        }
        let noPairs = fix.forbiddenPairs.isEmpty
        var total = 0.0
        // count items
        for u in 0..<n where fix.assignedTo[u] < 0 {
            let l = lambda[u]
            total += l
            var k = d.offsets[u]
            let hi = d.offsets[u + 1]
            while k < hi {
                if d.sortedCost[k] >= l { break }
                let f = Int(d.order[k])
                if !fix.closed[f] && (noPairs || !fix.forbiddenPairs.contains(u * m + f)) { count[f] += 1 }
                k += 1
            }
        }
        itemStart[0] = 0
        for j in 0..<m {
            itemStart[j + 1] = itemStart[j] + count[j]
            count[j] = itemStart[j]
        }
        let totalItems = itemStart[m]
        if itemDemand.count < totalItems {
            itemDemand = [Int32](repeating: 0, count: totalItems)
            itemProfit = [Double](repeating: 0, count: totalItems)
            take = [Bool](repeating: false, count: totalItems)
        }
        for u in 0..<n where fix.assignedTo[u] < 0 {
            let l = lambda[u]
            var k = d.offsets[u]
            let hi = d.offsets[u + 1]
            while k < hi {
                let c = d.sortedCost[k]
                if c >= l { break }
                let f = Int(d.order[k])
                if !fix.closed[f] && (noPairs || !fix.forbiddenPairs.contains(u * m + f)) {
                    let pos = count[f]
                    itemDemand[pos] = Int32(u)
                    itemProfit[pos] = l - c
                    count[f] = pos + 1
                }
                k += 1
            }
        }
        // fixed assignments
        var residual = capacities
        var fixedCost = [Double](repeating: 0, count: m)
        var mustOpen = fix.open
        for u in 0..<n where fix.assignedTo[u] >= 0 {
            let j = Int(fix.assignedTo[u])
            residual[j] -= weights[u]
            fixedCost[j] += d.costT[j * n + u]
            mustOpen[j] = true
        }
        var mustCount = 0
        for j in 0..<m where mustOpen[j] {
            if fix.closed[j] || residual[j] < -1e-9 { return .infinity }
            mustCount += 1
        }
        if mustCount > d.p { return .infinity }
        // knapsacks
        for j in 0..<m where d.rules.allowed[j] && !fix.closed[j] {
            let lo = itemStart[j]
            let cnt = itemStart[j + 1] - lo
            if takeBuf.count < cnt { takeBuf = [Bool](repeating: false, count: max(cnt, 2 * takeBuf.count)) }
            var value = 0.0
            if cnt > 0 {
                let w = weights
                let dem = itemDemand
                let prof = itemProfit
                let r = knap.solve(
                    count: cnt, profit: { prof[lo + $0] }, weight: { w[Int(dem[lo + $0])] },
                    capacity: max(0, residual[j]), nodeLimit: 20_000, take: &takeBuf)
                value = r.upperBound
                for t in 0..<cnt { take[lo + t] = takeBuf[t] }
            }
            rho[j] = fixedCost[j] - value
        }
        selectedList.removeAll(keepingCapacity: true)
        for j in 0..<m where mustOpen[j] {
            selected[j] = true
            selectedList.append(j)
            total += rho[j]
        }
        let need = d.p - mustCount
        freeBuf.removeAll(keepingCapacity: true)
        for j in 0..<m where d.rules.allowed[j] && !mustOpen[j] && !fix.closed[j] { freeBuf.append(j) }
        if freeBuf.count < need { return .infinity }
        let r = rho
        freeBuf.sort { r[$0] < r[$1] || (r[$0] == r[$1] && $0 < $1) }
        for k in 0..<need {
            let j = freeBuf[k]
            selected[j] = true
            selectedList.append(j)
            total += rho[j]
        }
        return total
    }

    /// Subgradient of the last evaluation; also counts, per demand, how often it was taken.
    func subgradient(_ fix: Fixing) -> (norm: Double, takenCount: [Int]) {
        let n = d.n
        let m = d.m
        var taken = [Int](repeating: 0, count: n)
        for j in 0..<m where selected[j] {
            for k in itemStart[j]..<itemStart[j + 1] where take[k] { taken[Int(itemDemand[k])] += 1 }
        }
        var norm = 0.0
        for u in 0..<n {
            let gi = fix.assignedTo[u] >= 0 ? 0.0 : Double(1 - taken[u])
            g[u] = gi
            norm += gi * gi
        }
        return (norm, taken)
    }

    /// The Lagrangian assignment of the last evaluation for a demand (selected sites that took it).
    func sitesTaking(_ u: Int) -> [Int] {
        var out: [Int] = []
        for j in selectedList {
            for k in itemStart[j]..<itemStart[j + 1] where take[k] && Int(itemDemand[k]) == u { out.append(j) }
        }
        return out
    }

    /// Writes the site that took each free demand in the last evaluation into `site`.
    func takenAssignment(into site: inout [Int32]) {
        for j in selectedList {
            for k in itemStart[j]..<itemStart[j + 1] where take[k] { site[Int(itemDemand[k])] = Int32(j) }
        }
    }

    struct Result {
        var bound: Double
        var lambda: [Double]
        var iterations: Int
        var solved: Bool
    }

    /// Subgradient optimisation; `onSet` receives each new selected set (primal heuristic hook).
    func optimize(
        lambda0: [Double], fix: Fixing, upperBound: () -> Double, maxIterations: Int, thetaStart: Double,
        prunable: (Double) -> Bool, onSet: ([Int]) -> Void, stop: () -> Bool
    ) -> Result {
        var lambda = lambda0
        var best = Result(bound: -.infinity, lambda: lambda0, iterations: 0, solved: false)
        var theta = thetaStart
        var since = 0
        let patience = maxIterations >= 1000 ? 60 : 25
        var seen = Set<[Int]>()
        var it = 0
        while it < maxIterations {
            it += 1
            let lagrangianValue = evaluate(lambda, fix)
            if lagrangianValue == .infinity {
                best.bound = .infinity
                break
            }
            if lagrangianValue > best.bound + 1e-12 * max(1, abs(lagrangianValue)) {
                best.bound = lagrangianValue
                best.lambda = lambda
                since = 0
            } else {
                since += 1
            }
            if prunable(best.bound) { break }
            let key = selectedList.sorted()
            if seen.count < 5000 && !seen.contains(key) {
                seen.insert(key)
                onSet(key)
                if prunable(best.bound) { break }
            }
            let (norm, _) = subgradient(fix)
            if norm == 0 {
                best.solved = true
                break
            }
            if since >= patience {
                theta *= 0.5
                since = 0
                if theta < 1e-5 { break }
            }
            var target = upperBound()
            if !target.isFinite || target <= lagrangianValue { target = lagrangianValue + max(1e-3 * abs(lagrangianValue), 1e-6) }
            let step = theta * (target - lagrangianValue) / norm
            for u in 0..<d.n { lambda[u] += step * g[u] }
            if it % 16 == 0 && stop() { break }
        }
        best.iterations = it
        return best
    }
}

/// Best-bound branch and bound over y_j, then x_ij, with `CapacitatedLagrangian` bounds (internal).
struct CapacitatedBranchAndBound {
    let data: MedianData
    let weights: [Double]
    let capacities: [Double]
    let assigner: CapacitatedAssigner
    let relativeGap: Double

    struct Outcome {
        var sites: [Int]
        var assignment: [Int32]?
        var objective: Double
        var bound: Double
        var proven: Bool
        var iterations: Int
        var gapReached: Bool
    }

    private struct Node {
        var bound: Double
        var sequence: Int
        var depth: Int
        var open: [Int32]
        var closed: [Int32]
        var assigned: [(Int32, Int32)]
        var forbidden: [Int]
        var lambda: [Double]
    }

    func prunable(_ bound: Double, _ ub: Double) -> Bool {
        guard ub.isFinite else { return bound == .infinity }
        if bound == .infinity { return true }
        let tol = 1e-9 * max(1, abs(ub))
        if bound >= ub - tol { return true }
        if data.integral && bound > ub - 1 + tol { return true }
        return false
    }

    /// Whether the bound is within the requested relative gap (not a proof).
    func withinGap(_ bound: Double, _ ub: Double) -> Bool {
        relativeGap > 0 && ub.isFinite && bound >= ub - relativeGap * abs(ub) - 1e-9 * max(1, abs(ub))
    }

    func run(incumbent: CapacitatedAssigner.Assignment?, incumbentSites: [Int], ctx: SolveContext) -> Outcome {
        let d = data
        let n = d.n
        let m = d.m
        var ub = incumbent.map { $0.feasible ? $0.cost : .infinity } ?? .infinity
        var ubAssign = incumbent?.feasible == true ? incumbent?.site : nil
        var ubSites = incumbentSites
        let lag = CapacitatedLagrangian(data: d, weights: weights, capacities: capacities)
        var lambda0 = [Double](repeating: 0, count: n)
        if let a = ubAssign {
            for u in 0..<n { lambda0[u] = d.costT[Int(a[u]) * n + u] }
        } else {
            for u in 0..<n where d.offsets[u + 1] > d.offsets[u] { lambda0[u] = d.sortedCost[d.offsets[u]] }
        }
        var heap: [Node] = []
        var sequence = 0
        func less(_ a: Node, _ b: Node) -> Bool {
            a.bound != b.bound ? a.bound < b.bound : a.sequence > b.sequence
        }
        func push(_ x: Node) {
            heap.append(x)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                if less(heap[c], heap[p]) {
                    heap.swapAt(c, p)
                    c = p
                } else {
                    break
                }
            }
        }
        func pop() -> Node {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var p = 0
                while true {
                    let l = 2 * p + 1
                    let r = l + 1
                    var s = p
                    if l < heap.count && less(heap[l], heap[s]) { s = l }
                    if r < heap.count && less(heap[r], heap[s]) { s = r }
                    if s == p { break }
                    heap.swapAt(p, s)
                    p = s
                }
            }
            return top
        }
        push(
            Node(
                bound: -.infinity, sequence: 0, depth: 0, open: [], closed: [], assigned: [], forbidden: [],
                lambda: lambda0))
        var iterations = 0
        var processed = 0
        var interrupted = false
        var gapReached = false
        var tried = Set<[Int]>()
        let rules = d.rules

        func tryPrimal(_ set: [Int]) {
            guard !tried.contains(set), tried.count < 20_000 else { return }
            tried.insert(set)
            // the uncapacitated cost of the set is a lower bound on its capacitated cost
            if d.objective(of: set) >= ub - 1e-12 * max(1, abs(ub)) { return }
            let a = assigner.assign(open: set, passes: 8)
            if a.feasible && a.cost < ub - 1e-12 * max(1, abs(ub)) {
                ub = a.cost
                ubAssign = a.site
                ubSites = set
            }
        }

        while !heap.isEmpty {
            if ctx.shouldStop() {
                interrupted = true
                break
            }
            let node = pop()
            if prunable(node.bound, ub) { continue }
            if withinGap(node.bound, ub) {
                gapReached = true
                push(node)
                break
            }
            processed += 1
            var fix = CapacitatedLagrangian.Fixing(
                open: rules.forced, closed: rules.allowed.map { !$0 },
                assignedTo: [Int32](repeating: -1, count: n), forbiddenPairs: Set(node.forbidden))
            for j in node.open { fix.open[Int(j)] = true }
            for j in node.closed { fix.closed[Int(j)] = true }
            for (u, j) in node.assigned { fix.assignedTo[Int(u)] = j }
            // a free demand with no possible site makes the node infeasible
            var infeasible = false
            for u in 0..<n where fix.assignedTo[u] < 0 {
                var ok = false
                for k in d.offsets[u]..<d.offsets[u + 1] {
                    let j = Int(d.order[k])
                    if !fix.closed[j] && !fix.forbiddenPairs.contains(u * m + j) {
                        ok = true
                        break
                    }
                }
                if !ok {
                    infeasible = true
                    break
                }
            }
            if infeasible { continue }
            let isRoot = node.depth == 0
            let res = lag.optimize(
                lambda0: node.lambda, fix: fix, upperBound: { ub }, maxIterations: isRoot ? 3000 : 300,
                thetaStart: isRoot ? 1.0 : 0.25, prunable: { prunable($0, ub) || withinGap($0, ub) },
                onSet: { tryPrimal($0) }, stop: ctx.shouldStop)
            iterations += res.iterations
            let nodeBound = max(res.bound, node.bound)
            if isRoot { ctx.report(iteration: iterations, best: ub.isFinite ? ub : nil, bound: nodeBound) }
            if prunable(nodeBound, ub) { continue }
            if withinGap(nodeBound, ub) {
                sequence += 1
                var again = node
                again.bound = nodeBound
                again.sequence = sequence
                again.lambda = res.lambda
                push(again)
                continue
            }
            // re-evaluate at the best multipliers to branch
            let lagrangianValue = lag.evaluate(res.lambda, fix)
            if lagrangianValue == .infinity { continue }
            let (norm, taken) = lag.subgradient(fix)
            if norm == 0 {
                // primal feasible: every free demand taken exactly once
                var site = fix.assignedTo
                lag.takenAssignment(into: &site)
                var cost = 0.0
                for u in 0..<n { cost += d.costT[Int(site[u]) * n + u] }
                if cost < ub - 1e-12 * max(1, abs(ub)) {
                    ub = cost
                    ubAssign = site
                    ubSites = lag.selectedList.sorted()
                }
                continue
            }
            sequence += 1
            let seqA = sequence
            sequence += 1
            let seqB = sequence
            // branch on a free chosen site
            var branchSite = -1
            var branchRho = -Double.infinity
            var mustOpen = fix.open
            for u in 0..<n where fix.assignedTo[u] >= 0 { mustOpen[Int(fix.assignedTo[u])] = true }
            for j in lag.selectedList where !mustOpen[j] {
                if lag.rho[j] > branchRho {
                    branchRho = lag.rho[j]
                    branchSite = j
                }
            }
            if branchSite >= 0 {
                push(
                    Node(
                        bound: nodeBound, sequence: seqA, depth: node.depth + 1, open: node.open,
                        closed: node.closed + [Int32(branchSite)], assigned: node.assigned,
                        forbidden: node.forbidden, lambda: res.lambda))
                push(
                    Node(
                        bound: nodeBound, sequence: seqB, depth: node.depth + 1,
                        open: node.open + [Int32(branchSite)], closed: node.closed, assigned: node.assigned,
                        forbidden: node.forbidden, lambda: res.lambda))
                continue
            }
            // all open sites fixed: branch on the heaviest violated demand
            var bu = -1
            var bw = -Double.infinity
            for u in 0..<n where fix.assignedTo[u] < 0 && taken[u] != 1 {
                if weights[u] > bw {
                    bw = weights[u]
                    bu = u
                }
            }
            guard bu >= 0 else { continue }
            var bj = -1
            var bc = Double.infinity
            let takers = lag.sitesTaking(bu)
            let pool = takers.isEmpty ? lag.selectedList : takers
            for j in pool where !fix.forbiddenPairs.contains(bu * m + j) {
                let c = d.costT[j * n + bu]
                if c < bc && c < d.big {
                    bc = c
                    bj = j
                }
            }
            guard bj >= 0 else { continue }
            push(
                Node(
                    bound: nodeBound, sequence: seqA, depth: node.depth + 1, open: node.open, closed: node.closed,
                    assigned: node.assigned, forbidden: node.forbidden + [bu * m + bj], lambda: res.lambda))
            push(
                Node(
                    bound: nodeBound, sequence: seqB, depth: node.depth + 1, open: node.open, closed: node.closed,
                    assigned: node.assigned + [(Int32(bu), Int32(bj))], forbidden: node.forbidden,
                    lambda: res.lambda))
            if processed % 20 == 0 {
                let lb = heap.map(\.bound).min() ?? ub
                ctx.report(iteration: iterations + processed, best: ub.isFinite ? ub : nil, bound: min(lb, ub))
            }
        }
        let remaining = heap.filter { !prunable($0.bound, ub) }
        var bound = min(remaining.map(\.bound).min() ?? ub, ub)
        let proven = remaining.isEmpty && !interrupted
        if proven { bound = ub }
        return Outcome(
            sites: ubSites, assignment: ubAssign, objective: ub, bound: bound, proven: proven,
            iterations: iterations + processed, gapReached: gapReached)
    }
}
