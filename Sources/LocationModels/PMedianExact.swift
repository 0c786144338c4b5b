/// Branch and bound for the p-median problem with Lagrangian bounds (internal).
///
/// Each node carries open/closed fixings of y_j and the multipliers of its parent (warm start).
/// The node bound is the best L(λ) of a short subgradient run; nodes are explored best-bound first.
/// After the bound, reduced-cost fixing closes a free site j when L − ρ_last + ρ_j cannot beat the
/// incumbent and opens a chosen site when L − ρ_j + ρ_firstOut cannot (Beasley 1993). Branching is
/// on the chosen free site with the largest ρ (the least certain). A node whose fixings leave a
/// single possible set is evaluated directly. With integral data the objective is integral and a
/// node is pruned once ⌈bound⌉ ≥ incumbent.
struct PMedianBranchAndBound {
    let data: MedianData
    let relativeGap: Double

    struct Outcome {
        var sites: [Int]
        var objective: Double
        var bound: Double
        var proven: Bool
        var iterations: Int
        var interrupted: Bool
        var gapReached: Bool
    }

    private struct Node {
        var bound: Double
        var depth: Int
        var sequence: Int
        var open: [Int32]
        var closed: [Int32]
        var lambda: [Double]
    }

    func prunable(_ bound: Double, _ ub: Double) -> Bool {
        guard ub.isFinite, bound.isFinite else { return bound == .infinity }
        let tol = 1e-9 * max(1, abs(ub))
        if bound >= ub - tol { return true }
        if data.integral && bound > ub - 1 + tol { return true }
        return false
    }

    /// Whether the bound is within the requested relative gap (not a proof).
    func withinGap(_ bound: Double, _ ub: Double) -> Bool {
        relativeGap > 0 && ub.isFinite && bound >= ub - relativeGap * abs(ub) - 1e-9 * max(1, abs(ub))
    }

    func run(incumbent: [Int], incumbentObjective: Double, ctx: SolveContext, improve: ([Int]) -> ([Int], Double))
        -> Outcome
    {
        let d = data
        var ubSites = incumbent
        var ub = incumbentObjective
        let lag = MedianLagrangian(data: d)
        var iterations = 0
        // initial multipliers: each demand's cost in the incumbent
        var lambda0 = [Double](repeating: 0, count: d.n)
        do {
            var isOpen = [Bool](repeating: false, count: d.m)
            for j in ubSites { isOpen[j] = true }
            for u in 0..<d.n {
                var v = d.big
                for k in d.offsets[u]..<d.offsets[u + 1] where isOpen[Int(d.order[k])] {
                    v = d.sortedCost[k]
                    break
                }
                lambda0[u] = v < d.big ? v : 0
            }
        }
        var heap: [Node] = []
        var sequence = 0
        func push(_ node: Node) {
            heap.append(node)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                if Self.less(heap[c], heap[p]) {
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
                    if l < heap.count && Self.less(heap[l], heap[s]) { s = l }
                    if r < heap.count && Self.less(heap[r], heap[s]) { s = r }
                    if s == p { break }
                    heap.swapAt(p, s)
                    p = s
                }
            }
            return top
        }
        push(Node(bound: -.infinity, depth: 0, sequence: 0, open: [], closed: [], lambda: lambda0))
        var interrupted = false
        var gapReached = false
        var processed = 0
        var bestOpenBound = -Double.infinity
        let rules = d.rules
        var triedLocalSearch = Set<[Int]>()

        func consider(_ sites: [Int], _ obj: Double) {
            if obj < ub - 1e-12 * max(1, abs(ub)) && !d.isPenalised(obj) {
                ub = obj
                ubSites = sites.sorted()
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
            // fixings
            var fix = MedianLagrangian.Fixing(
                open: rules.forced, closed: rules.allowed.map { !$0 }, openCount: rules.forcedList.count,
                freeCount: 0)
            for j in node.open where !fix.open[Int(j)] {
                fix.open[Int(j)] = true
                fix.openCount += 1
            }
            for j in node.closed { fix.closed[Int(j)] = true }
            fix.freeCount = (0..<d.m).reduce(0) { $0 + (!fix.open[$1] && !fix.closed[$1] ? 1 : 0) }
            if fix.openCount + fix.freeCount < d.p { continue }
            if fix.openCount == d.p || fix.openCount + fix.freeCount == d.p {
                let sites = (0..<d.m).filter { fix.open[$0] || (!fix.closed[$0] && fix.openCount < d.p) }
                consider(sites, d.objective(of: sites))
                continue
            }
            let isRoot = node.depth == 0
            let res = lag.optimize(
                lambda0: node.lambda, fix: fix, upperBound: ub,
                maxIterations: isRoot ? 5000 : 400, thetaStart: isRoot ? 1.0 : 0.25,
                prunable: { prunable($0, ub) || withinGap($0, ub) }, stop: ctx.shouldStop)
            iterations += res.iterations
            if let s = res.bestSet { consider(s, res.bestSetObjective) }
            if let s = res.bestSet, res.bestSetObjective < ub * 1.05, !triedLocalSearch.contains(s),
                triedLocalSearch.count < 200
            {
                triedLocalSearch.insert(s)
                let (ls, lsObj) = improve(s)
                consider(ls, lsObj)
            }
            let nodeBound = max(res.bound, node.bound)
            if isRoot { ctx.report(iteration: iterations, best: ub, bound: nodeBound) }
            if res.solved || prunable(nodeBound, ub) { continue }
            if withinGap(nodeBound, ub) {
                sequence += 1
                push(
                    Node(
                        bound: nodeBound, depth: node.depth, sequence: sequence, open: node.open,
                        closed: node.closed, lambda: res.lambda))
                continue
            }
            // reduced-cost fixing and branching at the best multipliers
            let lagrangianValue = lag.evaluate(res.lambda, fix)
            var newOpen = node.open
            var newClosed = node.closed
            for j in 0..<d.m where rules.allowed[j] && !fix.open[j] && !fix.closed[j] {
                if lag.selected[j] {
                    if prunable(lagrangianValue - lag.rho[j] + lag.firstOutRho, ub) { newOpen.append(Int32(j)) }
                } else if prunable(lagrangianValue - lag.lastInRho + lag.rho[j], ub) {
                    newClosed.append(Int32(j))
                }
            }
            var branch = -1
            var branchRho = -Double.infinity
            let openSet = Set(newOpen)
            for j in lag.selectedList where !fix.open[j] && !openSet.contains(Int32(j)) {
                if lag.rho[j] > branchRho {
                    branchRho = lag.rho[j]
                    branch = j
                }
            }
            if branch < 0 {
                // the fixings decide the set: re-queue as a leaf
                sequence += 1
                push(
                    Node(
                        bound: nodeBound, depth: node.depth + 1, sequence: sequence, open: newOpen,
                        closed: newClosed, lambda: res.lambda))
                continue
            }
            sequence += 1
            push(
                Node(
                    bound: nodeBound, depth: node.depth + 1, sequence: sequence, open: newOpen,
                    closed: newClosed + [Int32(branch)], lambda: res.lambda))
            sequence += 1
            push(
                Node(
                    bound: nodeBound, depth: node.depth + 1, sequence: sequence,
                    open: newOpen + [Int32(branch)], closed: newClosed, lambda: res.lambda))
            if processed % 20 == 0 {
                bestOpenBound = heap.map(\.bound).min() ?? ub
                ctx.report(iteration: iterations + processed, best: ub, bound: min(bestOpenBound, ub))
            }
        }
        let remaining = heap.filter { !prunable($0.bound, ub) }
        var bound = remaining.map(\.bound).min() ?? ub
        bound = min(bound, ub)
        let proven = remaining.isEmpty && !interrupted
        if proven { bound = ub }
        return Outcome(
            sites: ubSites, objective: ub, bound: bound, proven: proven,
            iterations: iterations + processed, interrupted: interrupted && !proven,
            gapReached: gapReached)
    }

    private static func less(_ a: Node, _ b: Node) -> Bool {
        if a.bound != b.bound { return a.bound < b.bound }
        return a.sequence > b.sequence
    }
}
