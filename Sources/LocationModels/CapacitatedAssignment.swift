/// Single-source capacitated assignment of demand points to a fixed set of open sites
/// (a generalized assignment problem) by regret greedy plus shift/swap local search (internal).
///
/// Construction follows the regret idea of S. Martello and P. Toth's MTHG heuristic
/// ("An algorithm for the generalized assignment problem", 1981): demands are taken in decreasing
/// order of the cost difference between their best and second-best open site and given their
/// cheapest site with room. Local search then applies improving shift moves (one demand to another
/// site) and swap moves (two demands exchange sites) on cost + penalty × overload, so an
/// infeasible construction can be repaired; overload is penalised more than any cost change.
struct CapacitatedAssigner {
    let data: MedianData
    let weights: [Double]
    let capacities: [Double]
    /// Penalty per unit of overload (larger than any per-unit cost difference).
    let penalty: Double

    init(data: MedianData, weights: [Double], capacities: [Double], maxRawCost: Double) {
        self.data = data
        self.weights = weights
        self.capacities = capacities
        self.penalty = 10 * max(maxRawCost, 1) + 1
    }

    struct Assignment {
        /// Site of each demand point.
        var site: [Int32]
        /// Σ weighted cost (`big` terms included if some demand is unreachable).
        var cost: Double
        /// Σ max(0, load − capacity).
        var overload: Double
        var feasible: Bool { overload <= 1e-9 && cost < 1e300 }
    }

    @inline(__always) func w(_ i: Int, _ j: Int) -> Double { data.costT[j * data.n + i] }

    /// Assigns every demand point to one of `open` (no site outside it).
    func assign(open: [Int], passes: Int = 50, near: Int = 4) -> Assignment {
        let n = data.n
        let q = open.count
        // local n × q cost table (row = demand), filled column by column for sequential reads
        var tableBuild = [Double](repeating: 0, count: n * q)
        for (s, j) in open.enumerated() {
            let base = j * n
            for i in 0..<n { tableBuild[i * q + s] = data.costT[base + i] }
        }
        let table = tableBuild
        @inline(__always) func cs(_ i: Int, _ s: Int) -> Double { table[i * q + s] }
        let big = data.big
        var load = [Double](repeating: 0, count: q)
        var site = [Int32](repeating: -1, count: n)
        var slotOfDemand = [Int](repeating: -1, count: n)
        // regrets
        var regret = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var b1 = Double.infinity
            var b2 = Double.infinity
            for s in 0..<q {
                let c = cs(i, s)
                if c < b1 {
                    b2 = b1
                    b1 = c
                } else if c < b2 {
                    b2 = c
                }
            }
            regret[i] = b2 - b1
        }
        // each demand's `near + 1` cheapest open sites (slots), computed once
        var nearStart = [Int](repeating: 0, count: n + 1)
        var nearFlat: [Int] = []
        nearFlat.reserveCapacity(n * (near + 1))
        var costs: [(Double, Int)] = []
        costs.reserveCapacity(q)
        for i in 0..<n {
            costs.removeAll(keepingCapacity: true)
            for s in 0..<q { costs.append((cs(i, s), s)) }
            let k = min(near + 1, q)
            // partial selection sort: k is small
            for t in 0..<k {
                var bestPos = t
                for r in (t + 1)..<costs.count
                where costs[r].0 < costs[bestPos].0
                    || (costs[r].0 == costs[bestPos].0 && costs[r].1 < costs[bestPos].1)
                { bestPos = r }
                costs.swapAt(t, bestPos)
                nearFlat.append(costs[t].1)
            }
            nearStart[i + 1] = nearFlat.count
        }
        var orderList = Array(0..<n)
        orderList.sort { a, b in
            if regret[a] != regret[b] { return regret[a] > regret[b] }
            if weights[a] != weights[b] { return weights[a] > weights[b] }
            return a < b
        }
        for i in orderList {
            var best = -1
            var bestCost = Double.infinity
            var roomiest = -1
            var roomiestSlack = -Double.infinity
            for s in 0..<q {
                let c = cs(i, s)
                if c >= data.big { continue }
                let slack = capacities[open[s]] - load[s]
                if slack >= weights[i] - 1e-9 && c < bestCost {
                    bestCost = c
                    best = s
                }
                if slack > roomiestSlack {
                    roomiestSlack = slack
                    roomiest = s
                }
            }
            if best < 0 { best = roomiest }
            if best < 0 { best = 0 }  // unreachable from every open site: penalised by big
            slotOfDemand[i] = best
            load[best] += weights[i]
        }
        // local search on cost + penalty × overload
        func over(_ s: Int, _ l: Double) -> Double { max(0, l - capacities[open[s]]) }
        var improved = true
        var pass = 0
        while improved && pass < passes {
            improved = false
            pass += 1
            // shift moves
            for i in 0..<n {
                let a = slotOfDemand[i]
                let wi = weights[i]
                let cur = cs(i, a)
                var bestDelta = -1e-9 * max(1, cur)
                var bestS = -1
                for s in 0..<q where s != a {
                    let c = cs(i, s)
                    if c >= data.big { continue }
                    let dOver = over(a, load[a] - wi) - over(a, load[a]) + over(s, load[s] + wi) - over(s, load[s])
                    let delta = c - cur + penalty * dOver
                    if delta < bestDelta {
                        bestDelta = delta
                        bestS = s
                    }
                }
                if bestS >= 0 {
                    load[a] -= wi
                    load[bestS] += wi
                    slotOfDemand[i] = bestS
                    improved = true
                }
            }
            // swap moves: i exchanges with a demand k currently at one of i's `near` cheapest open sites
            var members = [[Int]](repeating: [], count: q)
            for k in 0..<n { members[slotOfDemand[k]].append(k) }
            for i in 0..<n {
                let a = slotOfDemand[i]
                let wi = weights[i]
                var done = false
                for t in nearStart[i]..<nearStart[i + 1] {
                    let b = nearFlat[t]
                    if b == a { continue }
                    let cib = cs(i, b)
                    if cib >= data.big { continue }
                    let cia = cs(i, a)
                    let feasibleAB = load[a] <= capacities[open[a]] && load[b] <= capacities[open[b]]
                    for k in members[b] where k != i && slotOfDemand[k] == b {
                        let wk = weights[k]
                        let ckb = cs(k, b)
                        let cka = cs(k, a)
                        let dCost = cib + cka - cia - ckb
                        // with both sites within capacity a swap cannot reduce overload
                        if dCost >= 0 && (feasibleAB || wi == wk) { continue }
                        if cka >= big { continue }
                        let la = load[a] - wi + wk
                        let lb = load[b] - wk + wi
                        let dOver = over(a, la) - over(a, load[a]) + over(b, lb) - over(b, load[b])
                        let delta = dCost + penalty * dOver
                        if delta < -1e-9 * max(1, cia + ckb) {
                            load[a] = la
                            load[b] = lb
                            slotOfDemand[i] = b
                            slotOfDemand[k] = a
                            members[a].append(k)
                            members[b].append(i)
                            improved = true
                            done = true
                            break
                        }
                    }
                    if done { break }
                }
            }
        }
        var cost = 0.0
        var overload = 0.0
        for i in 0..<n {
            let s = slotOfDemand[i]
            site[i] = Int32(open[s])
            let c = cs(i, s)
            cost += c >= data.big ? Double.infinity : c
        }
        for s in 0..<q { overload += over(s, load[s]) }
        if !cost.isFinite { cost = .infinity }
        return Assignment(site: site, cost: cost, overload: overload)
    }

    /// Penalised value used to compare assignments (infeasible ones rank after feasible ones).
    static func rank(_ a: Assignment) -> Double {
        a.feasible ? a.cost : .infinity
    }
}
