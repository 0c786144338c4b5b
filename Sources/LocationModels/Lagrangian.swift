/// Lagrangian relaxation of the p-median problem with subgradient optimisation (internal).
///
/// Relaxing the assignment constraints Σ_j x_ij = 1 with multipliers λ_i gives
///
///     L(λ) = Σ_i λ_i + min { Σ_j ρ_j y_j : Σ_j y_j = p, fixings },  ρ_j = Σ_i min(0, w_i c_ij − λ_i),
///
/// a lower bound for every λ (J. E. Beasley, "A note on solving large p-median problems", EJOR 21
/// (1985) 270–273; "Lagrangean heuristics for location problems", EJOR 65 (1993) 383–399). ρ_j is
/// accumulated from each demand's sorted neighbour list, which stops at the first candidate with
/// w_i c_ij ≥ λ_i, so an evaluation costs far less than n·m. Multipliers follow Polyak/Held–Karp
/// subgradient steps t = θ (UB − L) / ‖g‖², g_i = 1 − Σ_j x_ij, halving θ after a run of
/// non-improving steps.
final class MedianLagrangian {
    let d: MedianData
    private(set) var rho: [Double]
    private(set) var selected: [Bool]
    private(set) var selectedList: [Int] = []
    /// Largest ρ among chosen free candidates and smallest ρ among the others (for reduced-cost fixing).
    private(set) var lastInRho: Double = 0
    private(set) var firstOutRho: Double = .infinity
    private var freeBuf: [Int] = []
    private var g: [Double]

    /// Open/closed fixings of one branch-and-bound node.
    struct Fixing {
        var open: [Bool]
        var closed: [Bool]
        var openCount: Int
        /// Allowed sites that are neither fixed open nor fixed closed.
        var freeCount: Int
    }

    init(data: MedianData) {
        d = data
        rho = [Double](repeating: 0, count: data.m)
        selected = [Bool](repeating: false, count: data.m)
        g = [Double](repeating: 0, count: data.n)
    }

    /// L(λ) under the fixings; fills ρ, the selected set and the thresholds.
    func evaluate(_ lambda: [Double], _ fix: Fixing) -> Double {
        let n = d.n
        let m = d.m
        for j in 0..<m {
            rho[j] = 0
            selected[j] = false
        }
        var total = 0.0
        d.order.withUnsafeBufferPointer { ord in
            d.sortedCost.withUnsafeBufferPointer { cost in
                rho.withUnsafeMutableBufferPointer { rho in
                    fix.closed.withUnsafeBufferPointer { closed in
                        lambda.withUnsafeBufferPointer { lam in
                            for u in 0..<n {
                                let l = lam[u]
                                total += l
                                var k = d.offsets[u]
                                let hi = d.offsets[u + 1]
                                while k < hi {
                                    let f = Int(ord[k])
                                    let c = cost[k]
                                    if c >= l { break }
                                    if !closed[f] { rho[f] += c - l }
                                    k += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        selectedList.removeAll(keepingCapacity: true)
        for j in 0..<m where fix.open[j] {
            selected[j] = true
            selectedList.append(j)
            total += rho[j]
        }
        let need = d.p - fix.openCount
        freeBuf.removeAll(keepingCapacity: true)
        for j in 0..<m where d.rules.allowed[j] && !fix.open[j] && !fix.closed[j] { freeBuf.append(j) }
        let r = rho
        freeBuf.sort { r[$0] < r[$1] || (r[$0] == r[$1] && $0 < $1) }
        lastInRho = -Double.infinity
        for k in 0..<min(need, freeBuf.count) {
            let j = freeBuf[k]
            selected[j] = true
            selectedList.append(j)
            total += rho[j]
            lastInRho = rho[j]
        }
        firstOutRho = need < freeBuf.count ? rho[freeBuf[need]] : .infinity
        return total
    }

    /// The subgradient g_i = 1 − #{selected j : w_i c_ij < λ_i} for the last evaluation; returns ‖g‖².
    func subgradient(_ lambda: [Double]) -> Double {
        let n = d.n
        var norm = 0.0
        for u in 0..<n {
            let l = lambda[u]
            var count = 0
            var k = d.offsets[u]
            let hi = d.offsets[u + 1]
            while k < hi {
                let f = Int(d.order[k])
                if d.sortedCost[k] >= l { break }
                if selected[f] { count += 1 }
                k += 1
            }
            let gi = Double(1 - count)
            g[u] = gi
            norm += gi * gi
        }
        return norm
    }

    struct Result {
        var bound: Double
        var lambda: [Double]
        var iterations: Int
        /// The Lagrangian solution was primal feasible with equal cost: the node is solved.
        var solved: Bool
        /// The best primal set met (selected sets evaluated as p-median solutions).
        var bestSet: [Int]?
        var bestSetObjective: Double
    }

    /// Subgradient optimisation from `lambda0`. Stops early once `prunable(bound)`.
    func optimize(
        lambda0: [Double], fix: Fixing, upperBound: Double, maxIterations: Int, thetaStart: Double,
        prunable: (Double) -> Bool, stop: () -> Bool
    ) -> Result {
        var lambda = lambda0
        var best = Result(
            bound: -.infinity, lambda: lambda0, iterations: 0, solved: false, bestSet: nil,
            bestSetObjective: .infinity)
        var theta = thetaStart
        var since = 0
        let patience = maxIterations >= 2000 ? 100 : 30
        var ub = upperBound
        var it = 0
        while it < maxIterations {
            it += 1
            let lagrangianValue = evaluate(lambda, fix)
            if lagrangianValue > best.bound + 1e-12 * max(1, abs(lagrangianValue)) {
                best.bound = lagrangianValue
                best.lambda = lambda
                since = 0
            } else {
                since += 1
            }
            if prunable(best.bound) { break }
            // primal heuristic: the selected set as a p-median solution
            if since == 0 || it % 10 == 1 {
                let obj = d.objective(of: selectedList)
                if obj < best.bestSetObjective {
                    best.bestSetObjective = obj
                    best.bestSet = selectedList
                }
                if obj < ub { ub = obj }
                if prunable(best.bound) { break }
            }
            let norm = subgradient(lambda)
            if norm == 0 {
                // every demand has exactly one selected site cheaper than λ_i: L equals a primal cost
                best.solved = true
                let obj = d.objective(of: selectedList)
                if obj < best.bestSetObjective {
                    best.bestSetObjective = obj
                    best.bestSet = selectedList
                }
                break
            }
            if since >= patience {
                theta *= 0.5
                since = 0
                if theta < 1e-5 { break }
            }
            var target = ub
            if !target.isFinite || target <= lagrangianValue { target = lagrangianValue + max(1e-3 * abs(lagrangianValue), 1e-6) }
            let step = theta * (target - lagrangianValue) / norm
            for u in 0..<d.n { lambda[u] += step * g[u] }
            if it % 32 == 0 && stop() { break }
        }
        best.iterations = it
        return best
    }
}
