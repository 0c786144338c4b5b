/// GRASP with path relinking for the p-median problem (internal).
///
/// Follows M. G. C. Resende and R. F. Werneck, "A hybrid heuristic for the p-median problem",
/// Journal of Heuristics 10 (2004) 59–88: each iteration builds a solution with the randomised
/// "sample" greedy (each step evaluates ⌈log2(m/p)⌉ random candidates and opens the best), improves
/// it with the fast swap local search (`SwapSearch`), relinks it with an elite solution chosen
/// with probability proportional to their symmetric difference, and offers both to an elite
/// pool. At the end the pools of all chains are merged and improved by generations of path
/// relinking between every pair of elite solutions ("post-optimisation"), until a generation
/// brings no improvement.
///
/// Determinism: the work is split into a fixed number of chains, chain c seeded with stream c of
/// the seed; chains run on the available threads and are merged in chain order. Relinking pairs in
/// post-optimisation are likewise evaluated independently and merged in pair order.
struct PMedianHeuristic {
    let data: MedianData
    let seed: UInt64
    let threads: Int
    let effort: Double
    /// Whether to run path-relinking post-optimisation over the merged elite pool.
    var postOptimization = true

    static let chains = 2
    static let poolSize = 10

    /// Restarts per chain by default: grows slowly with the instance size.
    var iterationsPerChain: Int {
        let base = 48.0
        return max(2, Int((base * effort).rounded(.up)))
    }

    struct Outcome: Sendable {
        var sites: [Int]
        var objective: Double
        var iterations: Int
        var interrupted: Bool
        var pool: ElitePool
    }

    /// Runs the full schedule (or until `ctx` says stop).
    func run(ctx: SolveContext) -> Outcome {
        let d = data
        let rules = d.rules
        // trivial cases
        if d.p == rules.allowedCount {
            let all = (rules.forcedList + rules.freeList).sorted()
            return Outcome(
                sites: all, objective: d.objective(of: all), iterations: 1, interrupted: false,
                pool: ElitePool(capacity: 1))
        }
        if d.p == rules.forcedList.count {
            let s = rules.forcedList
            return Outcome(
                sites: s, objective: d.objective(of: s), iterations: 1, interrupted: false,
                pool: ElitePool(capacity: 1))
        }
        if d.p == 1 { return enumerateSingle() }
        let iters = iterationsPerChain
        let seed = self.seed
        let pools: [ChainResult] = runIndependentJobs(count: Self.chains, threads: threads) { c in
            Self.runChain(data: d, chain: c, seed: seed, iterations: iters, ctx: ctx)
        }
        var pool = ElitePool(capacity: Self.poolSize * 2)
        var iterations = 0
        for r in pools {
            iterations += r.iterations
            for e in r.pool.members { pool.tryAdd(e.sites, e.objective) }
        }
        var interrupted = pools.contains { $0.interrupted }
        if !interrupted && postOptimization {
            let (improved, its, stopped) = postOptimize(pool: pool, ctx: ctx)
            pool = improved
            iterations += its
            interrupted = stopped
        }
        guard let best = pool.best else {
            return Outcome(sites: [], objective: .infinity, iterations: iterations, interrupted: true, pool: pool)
        }
        return Outcome(
            sites: best.sites, objective: best.objective, iterations: iterations,
            interrupted: interrupted, pool: pool)
    }

    /// p = 1 without forced sites: evaluate every allowed candidate.
    private func enumerateSingle() -> Outcome {
        let d = data
        var best = -1
        var bestObj = Double.infinity
        for j in d.rules.freeList {
            var t = 0.0
            let base = j * d.n
            for u in 0..<d.n { t += d.costT[base + u] }
            if t < bestObj {
                bestObj = t
                best = j
            }
        }
        return Outcome(
            sites: [best], objective: bestObj, iterations: d.rules.freeList.count,
            interrupted: false, pool: ElitePool(capacity: 1))
    }

    struct ChainResult: Sendable {
        var pool: ElitePool
        var iterations: Int
        var interrupted: Bool
    }

    static func runChain(data d: MedianData, chain: Int, seed: UInt64, iterations: Int, ctx: SolveContext)
        -> ChainResult
    {
        var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(chain))
        var search = SwapSearch(data: d)
        var pool = ElitePool(capacity: poolSize)
        var done = 0
        var interrupted = false
        for it in 0..<iterations {
            if ctx.shouldStop() {
                interrupted = true
                break
            }
            let start = sampleGreedy(data: d, rng: &rng)
            search.load(start)
            search.localSearch(stop: ctx.shouldStop)
            let s = search.openSites
            let sObj = search.objective
            if let guide = pool.pickGuide(for: s, rng: &rng) {
                if let r = search.relink(towards: guide.sites) {
                    search.load(r.sites)
                    search.localSearch(stop: ctx.shouldStop)
                    pool.tryAdd(search.openSites, search.objective)
                }
            }
            pool.tryAdd(s, sObj)
            done = it + 1
            if chain == 0, let b = pool.best { ctx.report(iteration: done, best: b.objective, bound: nil) }
        }
        return ChainResult(pool: pool, iterations: done, interrupted: interrupted)
    }

    /// Randomised "sample" greedy construction (Resende & Werneck 2004, section 3.1).
    static func sampleGreedy(data d: MedianData, rng: inout Xoshiro256StarStar) -> [Int] {
        let n = d.n
        var current = [Double](repeating: d.big, count: n)
        var open = d.rules.forcedList
        for j in open { addColumn(d, j, &current) }
        var remaining = d.rules.freeList
        let need = d.p - open.count
        let ratio = Double(remaining.count) / Double(max(need, 1))
        var sample = 1
        while Double(1 << sample) < ratio { sample += 1 }
        for _ in 0..<need {
            let k = min(sample, remaining.count)
            var bestPos = -1
            var bestGain = -Double.infinity
            for t in 0..<k {
                let pos = t + rng.nextInt(remaining.count - t)
                remaining.swapAt(t, pos)
                let f = remaining[t]
                let g = columnGain(d, f, current)
                if g > bestGain {
                    bestGain = g
                    bestPos = t
                }
            }
            let f = remaining[bestPos]
            open.append(f)
            addColumn(d, f, &current)
            remaining.swapAt(bestPos, remaining.count - 1)
            remaining.removeLast()
        }
        return open
    }

    @inline(__always)
    static func columnGain(_ d: MedianData, _ f: Int, _ current: [Double]) -> Double {
        let n = d.n
        let base = f * n
        return d.costT.withUnsafeBufferPointer { ct in
            current.withUnsafeBufferPointer { cur in
                var g = 0.0
                for u in 0..<n {
                    let diff = cur[u] - ct[base + u]
                    if diff > 0 { g += diff }
                }
                return g
            }
        }
    }

    @inline(__always)
    static func addColumn(_ d: MedianData, _ f: Int, _ current: inout [Double]) {
        let n = d.n
        let base = f * n
        d.costT.withUnsafeBufferPointer { ct in
            current.withUnsafeMutableBufferPointer { cur in
                for u in 0..<n where ct[base + u] < cur[u] { cur[u] = ct[base + u] }
            }
        }
    }

    /// Generations of path relinking between all elite pairs until the best stops improving.
    func postOptimize(pool start: ElitePool, ctx: SolveContext) -> (ElitePool, Int, Bool) {
        var pool = start
        var iterations = 0
        let d = data
        while true {
            let members = pool.members
            guard members.count >= 2, let bestBefore = pool.best?.objective else { return (pool, iterations, false) }
            var pairs: [(Int, Int)] = []
            for a in 0..<members.count { for b in 0..<members.count where a != b { pairs.append((a, b)) } }
            let jobs = pairs
            let results: [[(sites: [Int], objective: Double)]] = runIndependentJobs(
                count: Self.chains, threads: threads
            ) { c in
                var search = SwapSearch(data: d)
                var out: [(sites: [Int], objective: Double)] = []
                var k = c
                while k < jobs.count {
                    if ctx.shouldStop() { break }
                    let (a, b) = jobs[k]
                    search.load(members[a].sites)
                    if let r = search.relink(towards: members[b].sites) {
                        search.load(r.sites)
                        search.localSearch(stop: ctx.shouldStop)
                        out.append((search.openSites, search.objective))
                    }
                    k += Self.chains
                }
                return out
            }
            iterations += pairs.count
            // merge in chain order (fixed), independent of the thread count
            var next = pool
            for r in results { for e in r { next.tryAdd(e.sites, e.objective) } }
            if ctx.shouldStop() { return (next, iterations, true) }
            pool = next
            guard let bestAfter = pool.best?.objective,
                bestAfter < bestBefore - 1e-10 * max(1, abs(bestBefore))
            else { break }
        }
        return (pool, iterations, false)
    }
}

/// A pool of diverse good solutions (Resende & Werneck 2004, section 4).
struct ElitePool: Sendable {
    struct Member: Sendable {
        var sites: [Int]  // ascending
        var objective: Double
    }
    let capacity: Int
    private(set) var members: [Member] = []

    init(capacity: Int) { self.capacity = capacity }

    var best: Member? { members.min { $0.objective < $1.objective } }

    /// Half the symmetric difference of two ascending site lists.
    static func difference(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return a.count - common
    }

    /// Inserts a solution if it is new and the pool has room or it beats the worst member; it then
    /// replaces the most similar member among those worse than it.
    @discardableResult
    mutating func tryAdd(_ sitesIn: [Int], _ objective: Double) -> Bool {
        let sites = sitesIn.sorted()
        let tol = 1e-10 * max(1, abs(objective))
        for mbr in members where Self.difference(mbr.sites, sites) == 0 { return false }
        if members.count < capacity {
            members.append(Member(sites: sites, objective: objective))
            return true
        }
        guard let worst = members.map(\.objective).max(), objective < worst - tol else { return false }
        var victim = -1
        var victimDiff = Int.max
        for (k, mbr) in members.enumerated() where mbr.objective > objective + tol {
            let diff = Self.difference(mbr.sites, sites)
            if diff < victimDiff {
                victimDiff = diff
                victim = k
            }
        }
        guard victim >= 0 else { return false }
        members[victim] = Member(sites: sites, objective: objective)
        return true
    }

    /// An elite member chosen with probability proportional to its difference from `sites`.
    func pickGuide(for sitesIn: [Int], rng: inout Xoshiro256StarStar) -> Member? {
        let sites = sitesIn.sorted()
        let diffs = members.map { Self.difference($0.sites, sites) }
        let total = diffs.reduce(0, +)
        guard total > 0 else { return nil }
        var r = rng.nextInt(total)
        for (k, dv) in diffs.enumerated() {
            if r < dv { return members[k] }
            r -= dv
        }
        return nil
    }
}
