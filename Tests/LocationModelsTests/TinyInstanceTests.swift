import Testing

@testable import LocationModels

/// Hand-checkable instances with the optimum written inline.
///
/// Line: demand points at x = 0, 1, 2, 10, 11, 12 (weights 1, 1, 1, 1, 1, 5); candidates at the
/// same points; costs |x_i − x_j|.
struct TinyInstanceTests {
    static let xs: [Double] = [0, 1, 2, 10, 11, 12]
    static let weights: [Double] = [1, 1, 1, 1, 1, 5]
    static var matrix: CostMatrix {
        try! CostMatrix(demandCount: 6, candidateCount: 6) { i, j in abs(xs[i] - xs[j]) }
    }

    @Test(arguments: [SolveMethod.heuristic, .exact])
    func pMedianTwoClusters(method: SolveMethod) throws {
        // p = 2: medians 1 (cost 1 + 0 + 1) and 12 (cost 2 + 1 + 0) = 5
        let s = try PMedianProblem(costs: Self.matrix, weights: Self.weights, p: 2)
            .solve(options: SolveOptions(method: method, seed: 3))
        #expect(s.openSites == [1, 5])
        #expect(approxEqual(s.objective, 5))
        #expect(s.assignment == [1, 1, 1, 5, 5, 5])
        #expect(s.distances == [1, 0, 1, 2, 1, 0])
        if method == .exact { #expect(s.provenOptimal && s.gap == 0) }
    }

    @Test func pMedianForcedAndForbidden() throws {
        // forcing site 0 and forbidding 5: best second site is 4 (costs 0+1+2 + 1+0+5·1 = 9)
        let s = try PMedianProblem(costs: Self.matrix, weights: Self.weights, p: 2, forcedOpen: [0], forbidden: [5])
            .solve(options: SolveOptions(method: .exact))
        #expect(s.openSites == [0, 4])
        #expect(approxEqual(s.objective, 9))
        #expect(s.provenOptimal)
    }

    @Test(arguments: [SolveMethod.heuristic, .exact])
    func capacitatedPMedian(method: SolveMethod) throws {
        // capacity 5 per site, p = 2: the heavy point (5) fills site 5 alone, so the other site must
        // take the five light points: site 1 costs 1+0+1+9+10 = 21 → total 21; site 2 costs 2+1+0+8+9 = 20 → 20.
        let problem = CapacitatedPMedianProblem(
            costs: Self.matrix, weights: Self.weights,
            capacities: [5, 5, 5, 5, 5, 5], p: 2)
        let s = try problem.solve(options: SolveOptions(method: method))
        #expect(approxEqual(s.objective, 20))
        #expect(s.openSites == [2, 5])
        #expect(s.assignment == [2, 2, 2, 2, 2, 5])
        if method == .exact { #expect(s.provenOptimal) }
    }

    @Test(arguments: [SolveMethod.heuristic, .exact])
    func maximalCovering(method: SolveMethod) throws {
        // radius 1, p = 1: site 11 covers 10, 11, 12 (weight 7) — more than any other
        let s = try MaximalCoveringProblem(costs: Self.matrix, weights: Self.weights, p: 1, radius: 1)
            .solve(options: SolveOptions(method: method))
        #expect(s.openSites == [4])
        #expect(s.objective == 7)
        #expect(s.assignment == [nil, nil, nil, 4, 4, 4])
        if method == .exact { #expect(s.provenOptimal && s.bound == 7) }
    }

    @Test(arguments: [SolveMethod.heuristic, .exact])
    func setCovering(method: SolveMethod) throws {
        // radius 1: sites 1 and 4 cover everything; one site cannot
        let s = try SetCoveringProblem(costs: Self.matrix, radius: 1).solve(options: SolveOptions(method: method))
        #expect(s.openSites == [1, 4])
        #expect(s.objective == 2)
        if method == .exact { #expect(s.provenOptimal) }
    }

    @Test(arguments: [SolveMethod.heuristic, .exact])
    func pCenter(method: SolveMethod) throws {
        // p = 2: one site per cluster, the middle ones give radius 1
        let s = try PCenterProblem(costs: Self.matrix, p: 2).solve(options: SolveOptions(method: method))
        #expect(s.objective == 1)
        #expect(s.openSites == [1, 4])
        if method == .exact { #expect(s.provenOptimal && s.bound == 1) }
    }

    @Test func unreachablePairsAreNil() throws {
        let m = try CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, nil, nil, 2])
        #expect(m.cost(0, 1) == nil)
        #expect(m.cost(1, 1) == 2)
        let s = PMedianProblem(costs: m, weights: [1, 1], p: 1, forcedOpen: [])
        #expect(throws: LocationModelError.noFeasibleSolution) { try s.solve() }
        let two = try PMedianProblem(costs: m, weights: [1, 1], p: 2).solve(options: SolveOptions(method: .exact))
        #expect(two.assignment == [0, 1])
        #expect(two.objective == 3)
    }
}
