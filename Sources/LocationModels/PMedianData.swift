/// Prepared p-median data shared by the heuristic and the exact path (internal).
///
/// Weighted costs `w_i · c_ij` are stored twice (row-major and column-major) so that both
/// row scans (neighbour lists) and column scans (swap evaluation, construction) are
/// sequential. Unreachable pairs get the penalty `big`, larger than any feasible objective.
/// Each demand point keeps its allowed, reachable candidates sorted by cost (ties by index).
final class MedianData: Sendable {
    let n: Int
    let m: Int
    let p: Int
    /// Weighted costs aligned with `order`: `sortedCost[k]` is the cost of demand i to `order[k]`.
    let sortedCost: [Double]
    /// Column-major weighted costs (m × n).
    let costT: [Double]
    /// Sorted neighbour lists, flattened; row `i` is `order[offsets[i]..<offsets[i+1]]`.
    let order: [Int32]
    let offsets: [Int]
    let rules: SiteRules
    /// Penalty cost for an unreachable pair.
    let big: Double
    /// Whether every objective value is a whole number (integral weights and costs).
    let integral: Bool

    init(costs: CostMatrix, weights: [Double], p: Int, rules: SiteRules, threads: Int) {
        let n = costs.demandCount
        let m = costs.candidateCount
        self.n = n
        self.m = m
        self.p = p
        self.rules = rules
        var total = 0.0
        for i in 0..<n {
            var worst = 0.0
            let base = i * m
            for j in 0..<m {
                let c = costs.values[base + j]
                if c.isFinite && c > worst { worst = c }
            }
            total += worst * weights[i]
        }
        let big = 2 * total + 1
        self.big = big
        let raw = costs.values
        var wt = [Double](repeating: 0, count: n * m)
        wt.withUnsafeMutableBufferPointer { tb in
            let tr = SharedBuffer(base: tb.baseAddress!)
            parallelChunks(count: m, threads: threads) { range in
                for j in range {
                    for i in 0..<n {
                        let c = raw[i * m + j]
                        tr[j * n + i] = c.isFinite ? weights[i] * c : big
                    }
                }
            }
        }
        costT = wt
        // neighbour lists
        var offs = [Int](repeating: 0, count: n + 1)
        let allowed = rules.allowed
        for i in 0..<n {
            var k = 0
            let base = i * m
            for j in 0..<m where allowed[j] && raw[base + j].isFinite { k += 1 }
            offs[i + 1] = offs[i] + k
        }
        offsets = offs
        let offsFinal = offs
        let totalLen = offs[n]
        var ord = [Int32](repeating: 0, count: totalLen)
        var sc = [Double](repeating: 0, count: totalLen)
        ord.withUnsafeMutableBufferPointer { ob in
            sc.withUnsafeMutableBufferPointer { sb in
                let out = SharedBuffer(base: ob.baseAddress!)
                let outCost = SharedBuffer(base: sb.baseAddress!)
                parallelChunks(count: n, threads: threads) { range in
                    var pairs: [(Double, Int32)] = []
                    pairs.reserveCapacity(m)
                    for i in range {
                        pairs.removeAll(keepingCapacity: true)
                        let base = i * m
                        for j in 0..<m where allowed[j] && raw[base + j].isFinite {
                            pairs.append((raw[base + j], Int32(j)))
                        }
                        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                        var k = offsFinal[i]
                        let wi = weights[i]
                        for pr in pairs {
                            out[k] = pr.1
                            outCost[k] = wi * pr.0
                            k += 1
                        }
                    }
                }
            }
        }
        order = ord
        sortedCost = sc
        integral = allIntegral(weights) && costs.allCostsIntegral
    }

    /// Σ_i min over open j of weighted cost (`big` for a demand no open site reaches).
    func objective(of open: [Int]) -> Double {
        var isOpen = [Bool](repeating: false, count: m)
        for j in open { isOpen[j] = true }
        return objective(isOpen: isOpen)
    }

    func objective(isOpen: [Bool]) -> Double {
        var total = 0.0
        for i in 0..<n {
            var best = big
            for k in offsets[i]..<offsets[i + 1] {
                let j = Int(order[k])
                if isOpen[j] {
                    best = sortedCost[k]
                    break
                }
            }
            total += best
        }
        return total
    }

    /// Whether an objective value means some demand point is unserved.
    func isPenalised(_ objective: Double) -> Bool { objective >= big * 0.5 }
}
