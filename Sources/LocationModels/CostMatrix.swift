/// A dense demand × candidate cost matrix (e.g. travel distance in metres or minutes).
///
/// Unreachable pairs are explicit: they are passed and returned as `nil`, never as a silent
/// 0 or infinity. Costs must be finite and non-negative. Storage is row-major (one row per
/// demand point) in 64-bit floats: 5,000 × 5,000 takes 200 MB.
public struct CostMatrix: Sendable {
    /// Number of demand points (rows).
    public let demandCount: Int
    /// Number of candidate sites (columns).
    public let candidateCount: Int
    /// Row-major costs; `Double.infinity` marks an unreachable pair (internal representation only).
    let values: [Double]
    /// Whether any pair is unreachable.
    public let hasUnreachablePairs: Bool

    /// Creates a matrix from row-major costs, `nil` marking an unreachable pair.
    /// - Throws: `emptyMatrix`, `costCountMismatch`, `invalidCost` (NaN, infinite or negative).
    public init(demandCount: Int, candidateCount: Int, costs: [Double?]) throws(LocationModelError) {
        guard demandCount > 0, candidateCount > 0 else { throw .emptyMatrix }
        guard costs.count == demandCount * candidateCount else {
            throw .costCountMismatch(expected: demandCount * candidateCount, actual: costs.count)
        }
        try self.init(demandCount: demandCount, candidateCount: candidateCount) { i, j in
            costs[i * candidateCount + j]
        }
    }

    /// Creates a matrix by calling `cost(demand, candidate)` for every pair, row by row;
    /// return `nil` for an unreachable pair. Avoids materialising a `[Double?]` for large matrices.
    /// - Throws: `emptyMatrix`, `invalidCost`.
    public init(
        demandCount: Int, candidateCount: Int, cost: (_ demand: Int, _ candidate: Int) -> Double?
    ) throws(LocationModelError) {
        guard demandCount > 0, candidateCount > 0 else { throw .emptyMatrix }
        var unreachable = false
        var bad: (Int, Int)? = nil
        let total = demandCount * candidateCount
        let stored = [Double](unsafeUninitializedCapacity: total) { buffer, count in
            var k = 0
            outer: for i in 0..<demandCount {
                for j in 0..<candidateCount {
                    if let c = cost(i, j) {
                        if !c.isFinite || c < 0 {
                            bad = (i, j)
                            break outer
                        }
                        buffer[k] = c
                    } else {
                        buffer[k] = .infinity
                        unreachable = true
                    }
                    k += 1
                }
            }
            if bad != nil { for r in k..<total { buffer[r] = 0 } }
            count = total
        }
        if let (i, j) = bad { throw .invalidCost(demand: i, candidate: j) }
        self.demandCount = demandCount
        self.candidateCount = candidateCount
        self.values = stored
        self.hasUnreachablePairs = unreachable
    }

    /// Euclidean distances `sqrt(dx² + dy²)` between demand points and candidate sites (planar
    /// coordinates in one unit, e.g. metres). Every pair is reachable.
    /// - Throws: `emptyMatrix`, `invalidCost` if a coordinate is not finite.
    public static func euclidean(
        demandX: [Double], demandY: [Double], candidateX: [Double], candidateY: [Double]
    ) throws(LocationModelError) -> CostMatrix {
        precondition(
            demandX.count == demandY.count && candidateX.count == candidateY.count,
            "x and y coordinate arrays must have equal lengths")
        return try CostMatrix(demandCount: demandX.count, candidateCount: candidateX.count) { i, j in
            let dx = demandX[i] - candidateX[j]
            let dy = demandY[i] - candidateY[j]
            return (dx * dx + dy * dy).squareRoot()
        }
    }

    /// The cost from `demand` to `candidate`, or `nil` if the pair is unreachable.
    @inlinable
    public func cost(_ demand: Int, _ candidate: Int) -> Double? {
        let v = rawCost(demand, candidate)
        return v.isFinite ? v : nil
    }

    /// Whether `candidate` can serve `demand`.
    public func isReachable(_ demand: Int, _ candidate: Int) -> Bool {
        rawCost(demand, candidate).isFinite
    }

    @usableFromInline
    func rawCost(_ demand: Int, _ candidate: Int) -> Double {
        precondition(
            demand >= 0 && demand < demandCount && candidate >= 0 && candidate < candidateCount,
            "cost matrix index out of range")
        return values[demand * candidateCount + candidate]
    }

    /// Whether every finite cost is a whole number (lets exact methods round bounds up).
    var allCostsIntegral: Bool {
        values.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
    }
}

extension CostMatrix {
    /// Each demand point's cheapest site among `open` within `radius` (ties: the site listed first)
    /// and its cost; `nil` where no open site is reachable within the radius.
    func nearestOpen(_ open: [Int], within radius: Double = .infinity) -> (sites: [Int?], costs: [Double?]) {
        var sites = [Int?](repeating: nil, count: demandCount)
        var found = [Double?](repeating: nil, count: demandCount)
        for i in 0..<demandCount {
            var best = -1
            var bestCost = Double.infinity
            for j in open {
                let c = values[i * candidateCount + j]
                if c <= radius && c < bestCost {
                    bestCost = c
                    best = j
                }
            }
            if best >= 0 {
                sites[i] = best
                found[i] = bestCost
            }
        }
        return (sites, found)
    }
}
