import Testing

@testable import LocationModels

/// Random small instances checked against full enumeration, for every model and both paths:
/// the heuristic may only be worse or equal, the exact path must match and prove it.
struct BruteForceTests {
    static let seeds: [UInt64] = Array(1...12)

    @Test(arguments: seeds)
    func pMedian(seed: UInt64) throws {
        let inst = RandomInstance(
            seed: seed, n: 9, m: 7, unreachableShare: seed % 3 == 0 ? 0.2 : 0,
            integral: seed % 2 == 0)
        let p = 1 + Int(seed % 4)
        var rng = Xoshiro256StarStar(seed: seed &+ 99)
        let forced: Set<Int> = seed % 4 == 1 ? [rng.nextInt(7)] : []
        let forbidden: Set<Int> = seed % 5 == 2 ? Set([rng.nextInt(7)]).subtracting(forced) : []
        let allowed = (0..<7).filter { !forbidden.contains($0) }
        var optimum = Double.infinity
        for s in subsets(allowed, p) where forced.isSubset(of: Set(s)) {
            if let c = inst.medianCost(s) { optimum = min(optimum, c) }
        }
        let problem = PMedianProblem(
            costs: inst.matrix, weights: inst.weights, p: p, forcedOpen: forced,
            forbidden: forbidden)
        if !optimum.isFinite {
            #expect(throws: LocationModelError.self) { try problem.solve(options: SolveOptions(method: .exact)) }
            return
        }
        let h = try problem.solve(options: SolveOptions(method: .heuristic, seed: seed))
        #expect(h.objective >= optimum - 1e-9)
        #expect(approxEqual(h.objective, optimum))  // tiny instances: the heuristic finds it too
        #expect(forced.isSubset(of: Set(h.openSites)) && forbidden.isDisjoint(with: Set(h.openSites)))
        let e = try problem.solve(options: SolveOptions(method: .exact, seed: seed))
        #expect(approxEqual(e.objective, optimum))
        #expect(e.provenOptimal)
        #expect(e.openSites.count == p)
    }

    @Test(arguments: seeds)
    func capacitatedPMedian(seed: UInt64) throws {
        let inst = RandomInstance(seed: seed &+ 1000, n: 8, m: 6, integral: seed % 2 == 0)
        let p = 2 + Int(seed % 2)
        let total = inst.weights.reduce(0, +)
        var rng = Xoshiro256StarStar(seed: seed)
        let caps = (0..<6).map { _ in (total / Double(p) * (1.05 + 0.4 * rng.nextDouble())).rounded(.up) }
        let forced: Set<Int> = seed % 3 == 0 ? [1] : []
        // brute force: every set, every single-source assignment
        var optimum = Double.infinity
        for s in subsets(Array(0..<6), p) where forced.isSubset(of: Set(s)) {
            func rec(_ i: Int, _ load: [Double], _ cost: Double) {
                if cost >= optimum { return }
                if i == inst.n {
                    optimum = cost
                    return
                }
                for (k, j) in s.enumerated() where load[k] + inst.weights[i] <= caps[j] {
                    guard let c = inst.cost(i, j) else { continue }
                    var l = load
                    l[k] += inst.weights[i]
                    rec(i + 1, l, cost + inst.weights[i] * c)
                }
            }
            rec(0, [Double](repeating: 0, count: p), 0)
        }
        let problem = CapacitatedPMedianProblem(
            costs: inst.matrix, weights: inst.weights, capacities: caps, p: p,
            forcedOpen: forced)
        guard optimum.isFinite else {
            #expect(throws: LocationModelError.self) { try problem.solve(options: SolveOptions(method: .exact)) }
            return
        }
        if let h = try? problem.solve(options: SolveOptions(method: .heuristic, seed: seed)) {
            #expect(h.objective >= optimum - 1e-6)
            checkCapacities(h, inst, caps)
        }
        let e = try problem.solve(options: SolveOptions(method: .exact, seed: seed))
        #expect(approxEqual(e.objective, optimum))
        #expect(e.provenOptimal)
        checkCapacities(e, inst, caps)
    }

    private func checkCapacities(_ s: LocationSolution, _ inst: RandomInstance, _ caps: [Double]) {
        var load = [Double](repeating: 0, count: caps.count)
        for (i, a) in s.assignment.enumerated() {
            guard let a else {
                Issue.record("unassigned demand")
                continue
            }
            load[a] += inst.weights[i]
            #expect(s.openSites.contains(a))
        }
        for j in 0..<caps.count { #expect(load[j] <= caps[j] + 1e-9) }
    }

    @Test(arguments: seeds)
    func maximalCovering(seed: UInt64) throws {
        let inst = RandomInstance(seed: seed &+ 2000, n: 12, m: 8, unreachableShare: 0.1)
        let p = 1 + Int(seed % 3)
        let radius = 25.0 + Double(seed % 4) * 5
        let forbidden: Set<Int> = seed % 2 == 0 ? [0] : []
        var optimum = 0.0
        for s in subsets(Array(1..<8) + (forbidden.contains(0) ? [] : [0]), p) {
            var v = 0.0
            for i in 0..<inst.n where s.contains(where: { (inst.cost(i, $0) ?? .infinity) <= radius }) {
                v += inst.weights[i]
            }
            optimum = max(optimum, v)
        }
        let problem = MaximalCoveringProblem(
            costs: inst.matrix, weights: inst.weights, p: p, radius: radius,
            forbidden: forbidden)
        let h = try problem.solve(options: SolveOptions(method: .heuristic, seed: seed))
        #expect(h.objective <= optimum + 1e-9)
        let e = try problem.solve(options: SolveOptions(method: .exact, seed: seed))
        #expect(e.objective == optimum)
        #expect(e.provenOptimal && e.bound == optimum)
        #expect(e.openSites.count == p)
    }

    @Test(arguments: seeds)
    func setCovering(seed: UInt64) throws {
        let inst = RandomInstance(seed: seed &+ 3000, n: 14, m: 9)
        let radius = 30.0 + Double(seed % 3) * 5
        let forced: Set<Int> = seed % 3 == 1 ? [2] : []
        let problem = SetCoveringProblem(costs: inst.matrix, radius: radius, forcedOpen: forced)
        func covers(_ s: [Int]) -> Bool {
            (0..<inst.n).allSatisfy { i in s.contains { (inst.cost(i, $0) ?? .infinity) <= radius } }
        }
        var optimum: Int? = nil
        for k in 1...9 {
            if subsets(Array(0..<9), k).contains(where: { forced.isSubset(of: Set($0)) && covers($0) }) {
                optimum = k
                break
            }
        }
        guard let optimum else {
            #expect(throws: LocationModelError.self) { try problem.solve() }
            return
        }
        let h = try problem.solve(options: SolveOptions(method: .heuristic, seed: seed))
        #expect(Int(h.objective) >= optimum && covers(h.openSites))
        // the heuristic's Lagrangian bound is a valid lower bound, and "proven" only when it is met
        #expect(h.bound.map { Int($0) <= optimum } ?? true)
        #expect(!h.provenOptimal || Int(h.objective) == optimum)
        let e = try problem.solve(options: SolveOptions(method: .exact, seed: seed))
        #expect(Int(e.objective) == optimum && covers(e.openSites) && e.provenOptimal)
        #expect(forced.isSubset(of: Set(e.openSites)))
    }

    @Test(arguments: seeds)
    func pCenter(seed: UInt64) throws {
        let inst = RandomInstance(seed: seed &+ 4000, n: 10, m: 7, integral: seed % 2 == 1)
        let p = 1 + Int(seed % 3)
        var optimum = Double.infinity
        for s in subsets(Array(0..<7), p) {
            var worst = 0.0
            for i in 0..<inst.n { worst = max(worst, s.map { inst.cost(i, $0)! }.min()!) }
            optimum = min(optimum, worst)
        }
        let problem = PCenterProblem(costs: inst.matrix, p: p)
        let h = try problem.solve(options: SolveOptions(method: .heuristic, seed: seed))
        #expect(h.objective >= optimum - 1e-9)
        let e = try problem.solve(options: SolveOptions(method: .exact, seed: seed))
        #expect(approxEqual(e.objective, optimum))
        #expect(e.provenOptimal)
        #expect(e.openSites.count == p)
    }

    @Test(arguments: Array(UInt64(1)...30))
    func knapsack(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let k = 4 + rng.nextInt(11)
        let profits = (0..<k).map { _ in Double(rng.nextInt(50)) - 5 }
        let weights = (0..<k).map { _ in Double(rng.nextInt(20)) }
        let cap = Double(10 + rng.nextInt(40))
        var best = 0.0
        for mask in 0..<(1 << k) {
            var p = 0.0
            var w = 0.0
            for t in 0..<k where mask & (1 << t) != 0 {
                p += profits[t]
                w += weights[t]
            }
            if w <= cap { best = max(best, p) }
        }
        var solver = KnapsackSolver()
        var take = [Bool](repeating: false, count: k)
        let r = solver.solve(
            count: k, profit: { profits[$0] }, weight: { weights[$0] }, capacity: cap,
            nodeLimit: 1_000_000, take: &take)
        #expect(r.exact)
        #expect(abs(r.value - best) < 1e-9)
        var p = 0.0
        var w = 0.0
        for t in 0..<k where take[t] {
            p += profits[t]
            w += weights[t]
        }
        #expect(abs(p - best) < 1e-9 && w <= cap)
    }
}
