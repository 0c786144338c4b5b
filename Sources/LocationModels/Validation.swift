/// Validated site rules shared by all models (internal).
struct SiteRules: Sendable {
    /// Candidate may be opened (not forbidden).
    let allowed: [Bool]
    /// Candidate is forced open.
    let forced: [Bool]
    /// Forced sites, ascending.
    let forcedList: [Int]
    /// Allowed sites that are not forced, ascending.
    let freeList: [Int]
    var allowedCount: Int { forcedList.count + freeList.count }
}

enum Validation {
    /// Checks forced/forbidden sets against the candidate range and each other.
    static func siteRules(candidateCount m: Int, forcedOpen: Set<Int>, forbidden: Set<Int>)
        throws(LocationModelError) -> SiteRules
    {
        for s in forcedOpen.sorted() + forbidden.sorted() where s < 0 || s >= m {
            throw .siteOutOfRange(site: s, candidateCount: m)
        }
        if let both = forcedOpen.intersection(forbidden).min() { throw .forcedAndForbidden(site: both) }
        var allowed = [Bool](repeating: true, count: m)
        for s in forbidden { allowed[s] = false }
        var forced = [Bool](repeating: false, count: m)
        for s in forcedOpen { forced[s] = true }
        let forcedList = forcedOpen.sorted()
        let freeList = (0..<m).filter { allowed[$0] && !forced[$0] }
        return SiteRules(allowed: allowed, forced: forced, forcedList: forcedList, freeList: freeList)
    }

    /// Checks that weights are finite, non-negative and one per demand point.
    static func weights(_ weights: [Double], demandCount n: Int) throws(LocationModelError) {
        guard weights.count == n else { throw .weightCountMismatch(expected: n, actual: weights.count) }
        for (i, w) in weights.enumerated() where !w.isFinite || w < 0 { throw .invalidWeight(demand: i) }
    }

    /// Checks p against the allowed and forced sites.
    static func p(_ p: Int, rules: SiteRules) throws(LocationModelError) {
        guard p >= 1 else { throw .pNotPositive(p: p) }
        guard p <= rules.allowedCount else { throw .pExceedsCandidates(p: p, allowed: rules.allowedCount) }
        guard p >= rules.forcedList.count else { throw .pBelowForced(p: p, forced: rules.forcedList.count) }
    }

    /// Checks that every demand point is reachable from some allowed site.
    static func reachability(_ costs: CostMatrix, rules: SiteRules) throws(LocationModelError) {
        guard costs.hasUnreachablePairs || rules.allowedCount < costs.candidateCount else {
            return
        }
        let m = costs.candidateCount
        for i in 0..<costs.demandCount {
            let base = i * m
            var ok = false
            for j in 0..<m where rules.allowed[j] && costs.values[base + j].isFinite {
                ok = true
                break
            }
            if !ok { throw .demandUnreachable(demand: i) }
        }
    }

    /// Checks a service radius.
    static func radius(_ r: Double) throws(LocationModelError) {
        guard r.isFinite, r >= 0 else { throw .invalidRadius }
    }
}

/// Whether all values are whole numbers.
func allIntegral(_ values: [Double]) -> Bool {
    values.allSatisfy { $0 == $0.rounded() }
}

/// A raw pointer wrapper for writing disjoint slices from parallel workers (internal).
struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}
