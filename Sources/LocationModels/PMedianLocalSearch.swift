/// Fast swap-based local search for the p-median problem (internal).
///
/// Implements the data structures of M. G. C. Resende and R. F. Werneck, "A fast swap-based
/// local search procedure for location problems", Annals of Operations Research 150 (2007)
/// 205–230, which accelerate Whitaker's fast interchange (R. Whitaker, "A fast algorithm for the
/// greedy interchange of large-scale clustering and median location problems", INFOR 21 (1983)
/// 95–108). For every user u it keeps the closest and second-closest open facilities φ1(u), φ2(u)
/// and, for the whole neighbourhood,
///
/// * `gain[f]`  = Σ_u max(0, d(u,φ1) − d(u,f)) — saving from opening f;
/// * `loss[r]`  = Σ_{u: φ1(u)=r} (d(u,φ2) − d(u,φ1)) — cost of closing r;
/// * `extra[f,r]` = Σ_{u: φ1(u)=r, d(u,f) < d(u,φ2)} (d(u,φ2) − max(d(u,f), d(u,r))),
///
/// so that the profit of swapping f in and r out is gain[f] − loss[r] + extra[f,r]. After a
/// swap only the affected users (whose φ1/φ2 change) have their contributions removed and
/// re-added; a user contributes only for candidates closer than φ2, found by scanning its
/// sorted neighbour list, which makes each move cheap when p is large.
struct SwapSearch {
    let d: MedianData
    let n: Int
    let m: Int
    let p: Int
    private(set) var isOpen: [Bool]
    private(set) var slotOf: [Int32]
    private(set) var openAt: [Int32]
    private var slotMovable: [Bool]
    private var c1: [Int32]
    private var c2: [Int32]
    private var d1: [Double]
    private var d2: [Double]
    private var gain: [Double]
    private var loss: [Double]
    /// Dense extra matrix, row stride `pStride` (p rounded up to a multiple of 4 for SIMD scans).
    private var extra: [Double]
    private let pStride: Int
    /// −loss[s] for movable slots, −∞ for fixed slots and padding (scratch for `bestSwap`).
    private var negLoss: [Double]
    private var affected: [Int32]
    private(set) var objective: Double = 0
    /// Total moves performed (for iteration counts).
    private(set) var moves = 0

    init(data: MedianData) {
        d = data
        n = data.n
        m = data.m
        p = data.p
        isOpen = [Bool](repeating: false, count: m)
        slotOf = [Int32](repeating: -1, count: m)
        openAt = [Int32](repeating: -1, count: p)
        slotMovable = [Bool](repeating: true, count: p)
        c1 = [Int32](repeating: -1, count: n)
        c2 = [Int32](repeating: -1, count: n)
        d1 = [Double](repeating: 0, count: n)
        d2 = [Double](repeating: 0, count: n)
        gain = [Double](repeating: 0, count: m)
        loss = [Double](repeating: 0, count: p)
        pStride = (data.p + 3) & ~3
        extra = [Double](repeating: 0, count: m * pStride)
        negLoss = [Double](repeating: -.infinity, count: pStride)
        affected = []
        affected.reserveCapacity(n)
    }

    /// The open sites, ascending.
    var openSites: [Int] { openAt.map { Int($0) }.sorted() }

    /// Loads an open set (exactly p allowed sites, forced ones included) and rebuilds all structures.
    mutating func load(_ open: [Int]) {
        precondition(open.count == p, "open set must have p sites")
        for j in 0..<m {
            isOpen[j] = false
            slotOf[j] = -1
        }
        for (s, j) in open.enumerated() {
            isOpen[j] = true
            slotOf[j] = Int32(s)
            openAt[s] = Int32(j)
            slotMovable[s] = !d.rules.forced[j]
        }
        for j in 0..<m { gain[j] = 0 }
        for s in 0..<p { loss[s] = 0 }
        for k in 0..<(m * pStride) { extra[k] = 0 }
        var total = 0.0
        for u in 0..<n {
            closest(u)
            contribute(u, 1)
            total += d1[u]
        }
        objective = total
    }

    /// Recomputes φ1(u), φ2(u) by scanning u's sorted neighbour list.
    @inline(__always)
    private mutating func closest(_ u: Int) {
        var first: Int32 = -1
        var second: Int32 = -1
        var firstCost = d.big
        var secondCost = d.big
        let lo = d.offsets[u]
        let hi = d.offsets[u + 1]
        d.order.withUnsafeBufferPointer { ord in
            d.sortedCost.withUnsafeBufferPointer { sc in
                isOpen.withUnsafeBufferPointer { open in
                    var k = lo
                    while k < hi {
                        let j = ord[k]
                        if open[Int(j)] {
                            if first < 0 {
                                first = j
                                firstCost = sc[k]
                            } else {
                                second = j
                                secondCost = sc[k]
                                break
                            }
                        }
                        k += 1
                    }
                }
            }
        }
        c1[u] = first
        c2[u] = second
        d1[u] = firstCost
        d2[u] = secondCost
    }

    /// Adds (`sign` = 1) or removes (`sign` = −1) user u's contributions to gain, loss and extra.
    @inline(__always)
    private mutating func contribute(_ u: Int, _ sign: Double) {
        let f1 = c1[u]
        guard f1 >= 0 else {
            // no open site reaches u: every reachable candidate would save big − d(u,f)
            for k in d.offsets[u]..<d.offsets[u + 1] {
                let f = Int(d.order[k])
                if !isOpen[f] { gain[f] += sign * (d.big - d.sortedCost[k]) }
            }
            return
        }
        let nearest = d1[u]
        let second = d2[u]
        let s = Int(slotOf[Int(f1)])
        loss[s] += sign * (second - nearest)
        let lo = d.offsets[u]
        let hi = d.offsets[u + 1]
        let pp = pStride
        d.order.withUnsafeBufferPointer { ord in
            d.sortedCost.withUnsafeBufferPointer { cost in
                isOpen.withUnsafeBufferPointer { open in
                    gain.withUnsafeMutableBufferPointer { gain in
                        extra.withUnsafeMutableBufferPointer { extra in
                            var k = lo
                            while k < hi {
                                let f = Int(ord[k])
                                let dF = cost[k]
                                if dF >= second { break }
                                if !open[f] {
                                    if dF < nearest {
                                        gain[f] += sign * (nearest - dF)
                                        extra[f * pp + s] += sign * (second - nearest)
                                    } else {
                                        extra[f * pp + s] += sign * (second - dF)
                                    }
                                }
                                k += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The best swap (candidate in, slot out) and its profit (positive = improvement).
    /// With `inList`/`outSlots`, only those moves are considered (path relinking).
    mutating func bestSwap(inList: [Int]? = nil, outSlots: [Int]? = nil) -> (fi: Int, slot: Int, profit: Double)? {
        var bestProfit = -Double.infinity
        var bestIn = -1
        var bestSlot = -1
        let ps = pStride
        if let inList, let outSlots {
            for f in inList where !isOpen[f] {
                let g = gain[f]
                for s in outSlots where slotMovable[s] {
                    let v = g - loss[s] + extra[f * ps + s]
                    if v > bestProfit {
                        bestProfit = v
                        bestIn = f
                        bestSlot = s
                    }
                }
            }
        } else {
            for s in 0..<p { negLoss[s] = slotMovable[s] ? -loss[s] : -.infinity }
            let free = d.rules.freeList
            let groups = ps / 4
            gain.withUnsafeBufferPointer { gain in
                extra.withUnsafeBufferPointer { extra in
                    negLoss.withUnsafeBufferPointer { negLoss in
                        isOpen.withUnsafeBufferPointer { open in
                            let ex = UnsafeRawPointer(extra.baseAddress!)
                            let nl = UnsafeRawPointer(negLoss.baseAddress!)
                            for f in free where !open[f] {
                                let rowBytes = f * ps * 8
                                var acc = SIMD4<Double>(repeating: -.infinity)
                                for q in 0..<groups {
                                    let e = ex.loadUnaligned(fromByteOffset: rowBytes + q * 32, as: SIMD4<Double>.self)
                                    let l = nl.loadUnaligned(fromByteOffset: q * 32, as: SIMD4<Double>.self)
                                    acc = pointwiseMax(acc, e + l)
                                }
                                let rowMax = acc.max()
                                let g = gain[f]
                                if g + rowMax > bestProfit {
                                    let row = f * ps
                                    for s in 0..<ps where extra[row + s] + negLoss[s] == rowMax {
                                        bestProfit = g + rowMax
                                        bestIn = f
                                        bestSlot = s
                                        break
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard bestIn >= 0 else { return nil }
        return (bestIn, bestSlot, bestProfit)
    }

    /// Opens `fi` in place of the site in `slot`, updating only the affected users.
    mutating func applySwap(fi: Int, slot: Int) {
        let fo = Int(openAt[slot])
        precondition(!isOpen[fi] && slotMovable[slot], "invalid swap")
        affected.removeAll(keepingCapacity: true)
        let fo32 = Int32(fo)
        let baseT = fi * n
        d.costT.withUnsafeBufferPointer { costT in
            for u in 0..<n where c1[u] == fo32 || c2[u] == fo32 || costT[baseT + u] < d2[u] {
                affected.append(Int32(u))
            }
        }
        for u in affected { contribute(Int(u), -1) }
        isOpen[fo] = false
        slotOf[fo] = -1
        isOpen[fi] = true
        slotOf[fi] = Int32(slot)
        openAt[slot] = Int32(fi)
        var delta = 0.0
        for u32 in affected {
            let u = Int(u32)
            let old = d1[u]
            closest(u)
            delta += d1[u] - old
            contribute(u, 1)
        }
        objective += delta
        moves += 1
    }

    /// Recomputes the objective from scratch (guards against drift).
    func exactObjective() -> Double {
        var t = 0.0
        for u in 0..<n { t += d1[u] }
        return t
    }

    /// Best-improvement swap local search until no improving swap remains or `stop()` is true.
    mutating func localSearch(stop: () -> Bool) {
        var steps = 0
        while true {
            let eps = 1e-10 * max(1, abs(objective))
            guard let move = bestSwap(), move.profit > eps else { break }
            let before = objective
            let fo = Int(openAt[move.slot])
            applySwap(fi: move.fi, slot: move.slot)
            if objective >= before - eps * 0.5 {
                // numerical false positive: undo and stop
                applySwap(fi: fo, slot: move.slot)
                break
            }
            steps += 1
            if steps % 16 == 0 && stop() { break }
        }
        objective = exactObjective()
    }

    /// Path relinking (Resende & Werneck 2004): walks from the loaded solution towards `target`
    /// by best restricted swaps and returns the best intermediate solution (neither endpoint).
    mutating func relink(towards target: [Int]) -> (sites: [Int], objective: Double)? {
        var targetSet = [Bool](repeating: false, count: m)
        for j in target { targetSet[j] = true }
        var inList = target.filter { !isOpen[$0] }
        var outSlots = (0..<p).filter { !targetSet[Int(openAt[$0])] }
        guard inList.count >= 2 else { return nil }
        var best: (sites: [Int], objective: Double)? = nil
        while inList.count > 1 {
            guard let mv = bestSwap(inList: inList, outSlots: outSlots) else { break }
            applySwap(fi: mv.fi, slot: mv.slot)
            inList.removeAll { $0 == mv.fi }
            outSlots.removeAll { $0 == mv.slot }
            if best == nil || objective < best!.objective - 1e-10 * max(1, abs(objective)) {
                best = (openSites, objective)
            }
        }
        return best
    }
}
