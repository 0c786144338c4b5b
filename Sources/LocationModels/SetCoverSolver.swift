/// Unicost set covering: fewest columns covering every row (internal; used by LSCP and p-center).
///
/// Heuristic: randomised greedy (Chvátal 1979) with redundancy elimination, and the Lagrangian
/// heuristic of J. E. Beasley, "A Lagrangian heuristic for set-covering problems", Naval Research
/// Logistics 37 (1990) 151–164. Exact: relaxing the cover constraints with multipliers u_i ≥ 0
/// gives L(u) = Σ_i u_i + Σ_j min(0, 1 − Σ_{i∈j} u_i); subgradient optimisation inside
/// depth-first branch and bound (x_j = 1 first), reduced-cost fixing, and rounding up (the
/// objective is a count). Rows covered by forced columns are dropped first; a row with a single
/// remaining column fixes that column.
struct SetCoverSolver {
    let cov: CoverageData
    /// Columns that may be used (allowed and not forced).
    let freeColumns: [Int]
    /// Columns that are always in the cover.
    let forcedColumns: [Int]

    struct Outcome {
        /// The best cover found (forced columns included), ascending; nil if none found.
        var cover: [Int]?
        /// Lower bound on the cover size (forced columns included).
        var bound: Int
        /// The search finished: `cover` is optimal, or (with a target) no cover within the target exists.
        var exhausted: Bool
        var iterations: Int
        var interrupted: Bool
        /// With a target: a cover of at most `target` columns was found.
        var reachedTarget: Bool
    }

    /// Rows still to cover after the forced columns.
    private func openRows() -> [Bool] {
        var need = [Bool](repeating: true, count: cov.n)
        for j in forcedColumns { for i in cov.rows(of: j) { need[Int(i)] = false } }
        return need
    }

    /// Greedy cover of the `need` rows using `usable` columns; `noise` > 0 randomises scores.
    func greedy(
        need: [Bool], usable: [Bool], rng: inout Xoshiro256StarStar, noise: Double,
        score: ((Int, Int) -> Double)? = nil
    ) -> [Int]? {
        var uncovered = need
        var remaining = need.reduce(0) { $0 + ($1 ? 1 : 0) }
        var count = [Int](repeating: 0, count: cov.m)
        for j in freeColumns where usable[j] {
            var c = 0
            for i in cov.rows(of: j) where uncovered[Int(i)] { c += 1 }
            count[j] = c
        }
        var chosen: [Int] = []
        while remaining > 0 {
            var best = -1
            var bestScore = -Double.infinity
            for j in freeColumns where usable[j] && count[j] > 0 {
                var s = score?(j, count[j]) ?? Double(count[j])
                if noise > 0 { s *= 1 + noise * rng.nextDouble() }
                if s > bestScore {
                    bestScore = s
                    best = j
                }
            }
            if best < 0 { return nil }
            chosen.append(best)
            for i in cov.rows(of: best) where uncovered[Int(i)] {
                uncovered[Int(i)] = false
                remaining -= 1
                for k in cov.cols(of: Int(i)) { count[Int(k)] -= 1 }
            }
        }
        return removeRedundant(chosen, need: need)
    }

    /// Drops columns whose rows are all covered by others (largest-index-last order).
    func removeRedundant(_ cols: [Int], need: [Bool]) -> [Int] {
        var times = [Int](repeating: 0, count: cov.n)
        for j in cols { for i in cov.rows(of: j) { times[Int(i)] += 1 } }
        var keep = [Bool](repeating: true, count: cols.count)
        // try to drop the columns covering the fewest needed rows first
        let order = cols.indices.sorted { a, b in
            let ca = cov.colStart[cols[a] + 1] - cov.colStart[cols[a]]
            let cb = cov.colStart[cols[b] + 1] - cov.colStart[cols[b]]
            return ca < cb || (ca == cb && cols[a] > cols[b])
        }
        for t in order {
            let j = cols[t]
            var redundant = true
            for i in cov.rows(of: j) where need[Int(i)] && times[Int(i)] <= 1 {
                redundant = false
                break
            }
            if redundant {
                keep[t] = false
                for i in cov.rows(of: j) { times[Int(i)] -= 1 }
            }
        }
        return cols.indices.filter { keep[$0] }.map { cols[$0] }
    }

    /// What the heuristic found: a cover (forced columns included, ascending; nil if none), after a
    /// Lagrangian pass a lower bound on the cover size (forced columns included), and the work done
    /// (restarts, subgradient steps and local-search steps).
    struct HeuristicResult {
        var cover: [Int]?
        var bound: Int?
        var iterations: Int
    }

    /// Heuristic: randomised greedy restarts, each improved by an iterated "remove k columns and
    /// re-cover greedily" local search; optionally one root Lagrangian pass (Beasley 1990), which also
    /// gives a lower bound; then, with `steps` > 0, row-weighting local search (RWLS) from the best
    /// cover in two chains until it meets the bound or has spent `steps` steps per chain.
    func heuristic(
        seed: UInt64, restarts: Int, ctx: SolveContext, lagrangianPass: Bool = true,
        steps: Int = 0, threads: Int = 1
    ) -> HeuristicResult {
        let (need, usable) = reduce(need: openRows())
        var rng = Xoshiro256StarStar(seed: seed, stream: 77)
        guard var best = greedy(need: need, usable: usable, rng: &rng, noise: 0) else {
            return HeuristicResult(cover: nil, bound: nil, iterations: 0)
        }
        var iterations = 1
        best = improve(best, need: need, usable: usable, rng: &rng, iterations: 200, ctx: ctx)
        for _ in 0..<restarts {
            if ctx.shouldStop() { break }
            guard let c = greedy(need: need, usable: usable, rng: &rng, noise: 0.3) else { break }
            let r = improve(c, need: need, usable: usable, rng: &rng, iterations: 200, ctx: ctx)
            iterations += 1
            if r.count < best.count { best = r }
        }
        var bound: Int? = nil
        if lagrangianPass && !ctx.shouldStop() {
            let lag = exact(initial: best + forcedColumns, target: nil, ctx: ctx, maxIterations: 1)
            bound = lag.bound
            iterations += lag.iterations
            if let c = lag.cover, c.count < best.count + forcedColumns.count {
                let free = c.filter { !forcedColumns.contains($0) }
                best = improve(free, need: need, usable: usable, rng: &rng, iterations: 200, ctx: ctx)
            }
        }
        let goal = (bound ?? 0) - forcedColumns.count
        if steps > 0 && best.count > goal && !ctx.shouldStop() {
            let r = rowWeightingSearch(
                from: best, need: need, usable: usable, target: goal, steps: steps,
                seed: seed, threads: threads, ctx: ctx)
            best = r.cover
            iterations += r.steps
        }
        return HeuristicResult(cover: (best + forcedColumns).sorted(), bound: bound, iterations: iterations)
    }

    /// RWLS (`SetCoverLocalSearch`) on the `need` rows and `usable` columns from the cover `start`
    /// (free columns), in two chains with their own seeds; returns the smaller cover found and the
    /// steps both chains made.
    func rowWeightingSearch(
        from start: [Int], need: [Bool], usable: [Bool], target: Int, steps: Int,
        seed: UInt64, threads: Int, ctx: SolveContext
    ) -> (cover: [Int], steps: Int) {
        var usableStart = usable
        for j in start { usableStart[j] = true }
        let sub = cov.restricted(need: need, usable: usableStart)
        let startIndices = start.compactMap { sub.indexOf[$0] >= 0 ? sub.indexOf[$0] : nil }
        let runs: [(cover: [Int], steps: Int)] = runIndependentJobs(count: 2, threads: threads) { c in
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x5C + UInt64(c))
            var search = SetCoverLocalSearch(matrix: sub.matrix)
            return search.run(start: startIndices, target: target, maxSteps: steps, rng: &rng, stop: ctx.shouldStop)
        }
        var best = start
        for r in runs where r.cover.count < best.count { best = r.cover.map { sub.columnOf[$0] } }
        return (best, runs.reduce(0) { $0 + $1.steps })
    }

    /// Iterated local search: drop 1–3 random columns, re-cover greedily without them, remove
    /// redundant columns; accept when not larger.
    func improve(
        _ start: [Int], need: [Bool], usable: [Bool], rng: inout Xoshiro256StarStar, iterations: Int,
        ctx: SolveContext
    ) -> [Int] {
        var best = start
        var cur = start
        var times = [Int](repeating: 0, count: cov.n)
        for it in 0..<iterations {
            if it % 32 == 0 && ctx.shouldStop() { break }
            if cur.count <= 1 { break }
            var trial = cur
            var removed: [Int] = []
            let k = 1 + rng.nextInt(min(3, trial.count))
            for _ in 0..<k {
                let pos = rng.nextInt(trial.count)
                removed.append(trial[pos])
                trial.swapAt(pos, trial.count - 1)
                trial.removeLast()
            }
            for i in 0..<cov.n { times[i] = 0 }
            for j in trial { for i in cov.rows(of: j) { times[Int(i)] += 1 } }
            var uncovered = need
            for i in 0..<cov.n where times[i] > 0 { uncovered[i] = false }
            var usableNow = usable
            for j in trial { usableNow[j] = false }
            for j in removed { usableNow[j] = false }
            guard let add = greedy(need: uncovered, usable: usableNow, rng: &rng, noise: 0.1) else { continue }
            let next = removeRedundant(trial + add, need: need)
            if next.count <= cur.count {
                cur = next
                if next.count < best.count { best = next }
            }
        }
        return best
    }

    /// Dominance reductions (unit costs): drop a row whose columns include all columns of another
    /// row, and a column whose rows are all covered by another column. Returns (rows, columns) to keep.
    func reduce(need needIn: [Bool]) -> (need: [Bool], usable: [Bool]) {
        var need = needIn
        var usable = [Bool](repeating: false, count: cov.m)
        for j in freeColumns { usable[j] = true }
        var mark = [Int](repeating: -1, count: max(cov.n, cov.m))
        var changed = true
        var rounds = 0
        while changed && rounds < 4 {
            changed = false
            rounds += 1
            // rows: i is redundant if some needed row k has cols(k) ⊆ cols(i)
            let rowCols: (Int) -> [Int] = { i in self.cov.cols(of: i).map { Int($0) }.filter { usable[$0] } }
            let rowSets = (0..<cov.n).map { need[$0] ? rowCols($0) : [] }
            for k in 0..<cov.n where need[k] {
                let ck = rowSets[k]
                guard let first = ck.first else { continue }
                for c in ck { mark[c] = k }
                for i32 in cov.rows(of: first) {
                    let i = Int(i32)
                    if i == k || !need[i] { continue }
                    let ci = rowSets[i]
                    if ci.count < ck.count || (ci.count == ck.count && i < k) { continue }
                    var hits = 0
                    for c in ci where mark[c] == k { hits += 1 }
                    if hits == ck.count {
                        need[i] = false
                        changed = true
                    }
                }
            }
            for c in 0..<cov.m { mark[c] = -1 }
            // columns: j is redundant if some usable column k covers all of j's needed rows
            let colRowsNeeded: (Int) -> [Int] = { j in self.cov.rows(of: j).map { Int($0) }.filter { need[$0] } }
            let colSets = (0..<cov.m).map { usable[$0] ? colRowsNeeded($0) : [] }
            for j in freeColumns where usable[j] {
                let rj = colSets[j]
                if rj.isEmpty {
                    usable[j] = false
                    changed = true
                    continue
                }
                for r in rj { mark[r] = j }
                for k32 in cov.cols(of: rj[0]) {
                    let k = Int(k32)
                    if k == j || !usable[k] { continue }
                    let rk = colSets[k]
                    if rk.count < rj.count || (rk.count == rj.count && k > j) { continue }
                    var hits = 0
                    for r in rk where mark[r] == j { hits += 1 }
                    if hits == rj.count {
                        usable[j] = false
                        changed = true
                        break
                    }
                }
            }
            for r in 0..<cov.n { mark[r] = -1 }
        }
        return (need, usable)
    }

    /// Exact search; stops as soon as a cover of at most `target` columns is found (if given).
    func exact(initial: [Int]?, target: Int?, ctx: SolveContext, maxIterations: Int = .max) -> Outcome {
        let n = cov.n
        let m = cov.m
        let forcedCount = forcedColumns.count
        let (need0, usable0) = reduce(need: openRows())
        var isForced = [Bool](repeating: false, count: m)
        for j in forcedColumns { isForced[j] = true }
        // incumbent (free columns only)
        var incumbent: [Int]? = initial.map { $0.filter { !isForced[$0] } }
        var improveRng = Xoshiro256StarStar(seed: 99)
        var ub = incumbent.map { $0.count } ?? Int.max
        if let t = target { ub = min(ub, t - forcedCount + 1) }  // we look for ≤ target
        var foundTarget = false
        var rngSeed = Xoshiro256StarStar(seed: 12345)
        if need0.allSatisfy({ !$0 }) {
            return Outcome(
                cover: forcedColumns.sorted(), bound: forcedCount, exhausted: true, iterations: 0,
                interrupted: false, reachedTarget: target.map { forcedCount <= $0 } ?? false)
        }
        struct Frame {
            var fixed1: [Int]
            var fixed0: [Int]
            var u: [Double]
        }
        var stack: [Frame] = [Frame(fixed1: [], fixed0: [], u: [Double](repeating: 0.5, count: n))]
        var iterations = 0
        var rootBound = 0
        var first = true
        var interrupted = false
        var reduced = [Double](repeating: 0, count: m)
        var g = [Double](repeating: 0, count: n)
        while let fr = stack.popLast() {
            if ctx.shouldStop() || iterations >= maxIterations {
                interrupted = true
                stack.append(fr)
                break
            }
            // node problem
            var need = need0
            var usable = usable0
            for j in fr.fixed0 { usable[j] = false }
            for j in fr.fixed1 {
                usable[j] = false
                for i in cov.rows(of: j) { need[Int(i)] = false }
            }
            var fixed1 = fr.fixed1
            // unit rows: a needed row with one usable column forces it
            var changed = true
            var infeasible = false
            while changed && !infeasible {
                changed = false
                for i in 0..<n where need[i] {
                    var only = -1
                    var cnt = 0
                    for k in cov.cols(of: i) where usable[Int(k)] {
                        cnt += 1
                        only = Int(k)
                        if cnt > 1 { break }
                    }
                    if cnt == 0 {
                        infeasible = true
                        break
                    }
                    if cnt == 1 {
                        fixed1.append(only)
                        usable[only] = false
                        for r in cov.rows(of: only) { need[Int(r)] = false }
                        changed = true
                    }
                }
            }
            if infeasible { continue }
            let base = fixed1.count
            if base >= ub { continue }
            if !need.contains(true) {
                ub = base
                incumbent = fixed1
                if let t = target, base + forcedCount <= t {
                    foundTarget = true
                    break
                }
                continue
            }
            // subgradient
            var u = fr.u
            var bestL = -Double.infinity
            var bestU = u
            var theta = 1.0
            var since = 0
            let maxIt = first ? 1500 : 150
            var it = 0
            var lastX: [Int] = []
            while it < maxIt {
                it += 1
                var lagrangianValue = 0.0
                for i in 0..<n where need[i] { lagrangianValue += u[i] }
                for j in freeColumns where usable[j] {
                    var s = 1.0
                    for i in cov.rows(of: j) where need[Int(i)] { s -= u[Int(i)] }
                    reduced[j] = s
                    if s < 0 { lagrangianValue += s }
                }
                if lagrangianValue > bestL + 1e-9 {
                    bestL = lagrangianValue
                    bestU = u
                    since = 0
                } else {
                    since += 1
                }
                if Double(base) + bestL > Double(ub) - 1 + 1e-6 { break }
                // Lagrangian heuristic every few iterations
                if it % 10 == 1 {
                    var usableNow = usable
                    lastX = freeColumns.filter { usable[$0] && reduced[$0] < 0 }
                    var covered = need
                    for j in lastX { for i in cov.rows(of: j) { covered[Int(i)] = false } }
                    for j in lastX { usableNow[j] = false }
                    if let extra = greedy(need: covered, usable: usableNow, rng: &rngSeed, noise: 0) {
                        var cover = removeRedundant(lastX + extra, need: need)
                        if base + cover.count < ub {
                            cover = improve(cover, need: need, usable: usable, rng: &improveRng, iterations: 50, ctx: ctx)
                        }
                        if base + cover.count < ub {
                            ub = base + cover.count
                            incumbent = fixed1 + cover
                            if let t = target, ub + forcedCount <= t { foundTarget = true }
                        }
                    }
                    if foundTarget { break }
                }
                var norm = 0.0
                for i in 0..<n where need[i] {
                    var c = 0.0
                    for k in cov.cols(of: i) where usable[Int(k)] && reduced[Int(k)] < 0 { c += 1 }
                    g[i] = 1 - c
                    if u[i] <= 0 && g[i] < 0 { g[i] = 0 }
                    norm += g[i] * g[i]
                }
                if norm == 0 { break }
                if since >= (first ? 40 : 15) {
                    theta *= 0.5
                    since = 0
                    if theta < 1e-4 { break }
                }
                var targetValue = ub == Int.max ? 1.05 * lagrangianValue + 1 : Double(ub - base)
                if targetValue <= lagrangianValue { targetValue = lagrangianValue + 1 }
                let step = theta * (targetValue - lagrangianValue) / norm
                for i in 0..<n where need[i] { u[i] = max(0, u[i] + step * g[i]) }
            }
            iterations += it
            if foundTarget { break }
            let nodeBound = base + Int((bestL - 1e-6).rounded(.up))
            if first {
                rootBound = max(nodeBound, 0)
                first = false
                ctx.report(iteration: iterations, best: Double(ub + forcedCount), bound: Double(rootBound + forcedCount))
            }
            if nodeBound >= ub { continue }
            // reduced costs at the best multipliers
            var lagrangianValue = 0.0
            for i in 0..<n where need[i] { lagrangianValue += bestU[i] }
            for j in freeColumns where usable[j] {
                var s = 1.0
                for i in cov.rows(of: j) where need[Int(i)] { s -= bestU[Int(i)] }
                reduced[j] = s
                if s < 0 { lagrangianValue += s }
            }
            var fixed0 = fr.fixed0
            var extra1: [Int] = []
            for j in freeColumns where usable[j] {
                if reduced[j] >= 0 {
                    if Double(base) + lagrangianValue + reduced[j] > Double(ub) - 1 + 1e-6 { fixed0.append(j) }
                } else if Double(base) + lagrangianValue - reduced[j] > Double(ub) - 1 + 1e-6 {
                    extra1.append(j)
                }
            }
            // branch on the needed row with the fewest usable columns: child t takes its t-th column
            // (by reduced cost) and excludes the columns before it
            let fixedZero = Set(fixed0)
            var covered = need
            for j in extra1 { for i in cov.rows(of: j) { covered[Int(i)] = false } }
            var branchRow = -1
            var branchCols: [Int] = []
            for i in 0..<n where covered[i] {
                let cols = cov.cols(of: i).map { Int($0) }.filter { usable[$0] && !fixedZero.contains($0) && !extra1.contains($0) }
                if branchRow < 0 || cols.count < branchCols.count {
                    branchRow = i
                    branchCols = cols
                }
                if cols.count <= 1 { break }
            }
            let nf1 = fixed1 + extra1
            if branchRow < 0 {
                // the reduced-cost fixings already cover every row
                stack.append(Frame(fixed1: nf1, fixed0: fixed0, u: bestU))
                continue
            }
            branchCols.sort { reduced[$0] < reduced[$1] || (reduced[$0] == reduced[$1] && $0 < $1) }
            var children: [Frame] = []
            var excluded = fixed0
            for c in branchCols {
                children.append(Frame(fixed1: nf1 + [c], fixed0: excluded, u: bestU))
                excluded.append(c)
            }
            stack.append(contentsOf: children.reversed())
        }
        let cover = incumbent.map { ($0 + forcedColumns).sorted() }
        let exhausted = !interrupted && !foundTarget
        var bound = rootBound + forcedCount
        if exhausted {
            // every node was pruned against ub: nothing smaller than ub exists
            bound = ub == Int.max ? Int.max : ub + forcedCount
        }
        if let c = cover { bound = min(bound, c.count) }
        return Outcome(
            cover: cover, bound: bound, exhausted: exhausted, iterations: iterations,
            interrupted: interrupted, reachedTarget: foundTarget)
    }
}
