/// 0-1 knapsack by depth-first branch and bound with the Dantzig bound (Horowitz & Sahni 1974;
/// Martello & Toth, "Knapsack Problems", Wiley 1990, ch. 2) (internal).
///
/// maximise Σ_k p_k x_k  s.t.  Σ_k w_k x_k ≤ capacity,  x_k ∈ {0, 1}.
/// When the node limit is hit, the returned `upperBound` is the Dantzig (LP) bound, which keeps
/// every Lagrangian bound built on it valid; `value`/`take` are then the best solution found.
struct KnapsackSolver {
    private var idx: [Int] = []
    private var ratioP: [Double] = []
    private var ratioW: [Double] = []
    private var current: [Bool] = []
    private var best: [Bool] = []

    struct Result {
        var value: Double
        var upperBound: Double
        var exact: Bool
    }

    /// Solves the knapsack over `count` items given by `profit(k)`, `weight(k)`; writes the chosen
    /// items into `take[0..<count]`.
    mutating func solve(
        count: Int, profit: (Int) -> Double, weight: (Int) -> Double, capacity: Double, nodeLimit: Int,
        take: inout [Bool]
    ) -> Result {
        for k in 0..<count { take[k] = false }
        var fixedValue = 0.0
        idx.removeAll(keepingCapacity: true)
        var totalW = 0.0
        for k in 0..<count {
            let pk = profit(k)
            let wk = weight(k)
            if pk <= 0 { continue }
            if wk <= 0 {
                take[k] = true
                fixedValue += pk
                continue
            }
            if wk > capacity + 1e-12 * max(1, capacity) { continue }
            idx.append(k)
            totalW += wk
        }
        if totalW <= capacity {
            var v = fixedValue
            for k in idx {
                take[k] = true
                v += profit(k)
            }
            return Result(value: v, upperBound: v, exact: true)
        }
        idx.sort { a, b in
            let ra = profit(a) / weight(a)
            let rb = profit(b) / weight(b)
            return ra > rb || (ra == rb && a < b)
        }
        let c = idx.count
        ratioP = idx.map(profit)
        ratioW = idx.map(weight)
        current = [Bool](repeating: false, count: c)
        best = [Bool](repeating: false, count: c)
        // greedy incumbent
        var bestValue = 0.0
        var cap = capacity
        for t in 0..<c where ratioW[t] <= cap {
            best[t] = true
            cap -= ratioW[t]
            bestValue += ratioP[t]
        }
        let rootBound = dantzig(from: 0, capacity: capacity)
        var exact = true
        if rootBound > bestValue + 1e-9 * max(1, rootBound) {
            // iterative DFS: stack of (level, residual capacity, value, decision)
            var nodes = 0
            var level = 0
            var residual = capacity
            var value = 0.0
            var stack: [(Int, Bool)] = []  // (level, took item)
            var descending = true
            while true {
                if descending {
                    nodes += 1
                    if nodes > nodeLimit {
                        exact = false
                        break
                    }
                    if level == c {
                        if value > bestValue {
                            bestValue = value
                            best = current
                        }
                        descending = false
                        continue
                    }
                    let bound = value + dantzig(from: level, capacity: residual)
                    if bound <= bestValue + 1e-12 * max(1, bound) {
                        descending = false
                        continue
                    }
                    if ratioW[level] <= residual {
                        current[level] = true
                        residual -= ratioW[level]
                        value += ratioP[level]
                        stack.append((level, true))
                    } else {
                        current[level] = false
                        stack.append((level, false))
                    }
                    level += 1
                } else {
                    // backtrack to the last "took" decision and switch it to "skip"
                    var resumed = false
                    while let (lv, took) = stack.popLast() {
                        if took {
                            current[lv] = false
                            residual += ratioW[lv]
                            value -= ratioP[lv]
                            stack.append((lv, false))
                            level = lv + 1
                            resumed = true
                            break
                        }
                        current[lv] = false
                    }
                    if !resumed { break }
                    descending = true
                }
            }
        }
        for t in 0..<c where best[t] { take[idx[t]] = true }
        let value = fixedValue + bestValue
        return Result(value: value, upperBound: exact ? value : fixedValue + max(rootBound, bestValue), exact: exact)
    }

    /// Dantzig bound of the sorted items from `start` with the given capacity.
    private func dantzig(from start: Int, capacity: Double) -> Double {
        var cap = capacity
        var v = 0.0
        var t = start
        while t < ratioW.count {
            if ratioW[t] <= cap {
                cap -= ratioW[t]
                v += ratioP[t]
            } else {
                v += ratioP[t] * cap / ratioW[t]
                break
            }
            t += 1
        }
        return v
    }
}
