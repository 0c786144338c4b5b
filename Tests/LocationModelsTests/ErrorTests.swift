import Testing

@testable import LocationModels

/// Every feasibility check, with both messages present.
struct ErrorTests {
    static let m3: CostMatrix = try! CostMatrix(demandCount: 3, candidateCount: 3) { i, j in Double(abs(i - j)) }

    @Test func matrixErrors() {
        #expect(throws: LocationModelError.emptyMatrix) { try CostMatrix(demandCount: 0, candidateCount: 3, costs: []) }
        #expect(throws: LocationModelError.emptyMatrix) { try CostMatrix(demandCount: 2, candidateCount: 0) { _, _ in 1 } }
        #expect(throws: LocationModelError.costCountMismatch(expected: 4, actual: 3)) {
            try CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, 2, 3])
        }
        #expect(throws: LocationModelError.invalidCost(demand: 0, candidate: 1)) {
            try CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, .nan, 3, 4])
        }
        #expect(throws: LocationModelError.invalidCost(demand: 1, candidate: 0)) {
            try CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, 2, .infinity, 4])
        }
        #expect(throws: LocationModelError.invalidCost(demand: 1, candidate: 1)) {
            try CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, 2, 3, -4])
        }
    }

    @Test func pMedianErrors() {
        let m = Self.m3
        func check(_ e: LocationModelError, _ p: PMedianProblem) {
            #expect(throws: e) { try p.validate() }
            #expect(throws: e) { try p.solve() }
        }
        check(.weightCountMismatch(expected: 3, actual: 2), PMedianProblem(costs: m, weights: [1, 1], p: 1))
        check(.invalidWeight(demand: 1), PMedianProblem(costs: m, weights: [1, -1, 1], p: 1))
        check(.invalidWeight(demand: 2), PMedianProblem(costs: m, weights: [1, 1, .nan], p: 1))
        check(.pNotPositive(p: 0), PMedianProblem(costs: m, weights: [1, 1, 1], p: 0))
        check(.pExceedsCandidates(p: 4, allowed: 3), PMedianProblem(costs: m, weights: [1, 1, 1], p: 4))
        check(.pExceedsCandidates(p: 3, allowed: 2), PMedianProblem(costs: m, weights: [1, 1, 1], p: 3, forbidden: [0]))
        check(.pBelowForced(p: 1, forced: 2), PMedianProblem(costs: m, weights: [1, 1, 1], p: 1, forcedOpen: [0, 1]))
        check(.siteOutOfRange(site: 5, candidateCount: 3), PMedianProblem(costs: m, weights: [1, 1, 1], p: 1, forcedOpen: [5]))
        check(.siteOutOfRange(site: -1, candidateCount: 3), PMedianProblem(costs: m, weights: [1, 1, 1], p: 1, forbidden: [-1]))
        check(
            .forcedAndForbidden(site: 1),
            PMedianProblem(costs: m, weights: [1, 1, 1], p: 2, forcedOpen: [1], forbidden: [1]))
        let unreachable = try! CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, 2, nil, 3])
        check(.demandUnreachable(demand: 1), PMedianProblem(costs: unreachable, weights: [1, 1], p: 1, forbidden: [1]))
    }

    @Test func capacitatedErrors() {
        let m = Self.m3
        func check(_ e: LocationModelError, _ p: CapacitatedPMedianProblem) {
            #expect(throws: e) { try p.validate() }
            #expect(throws: e) { try p.solve() }
        }
        check(
            .capacityCountMismatch(expected: 3, actual: 1),
            CapacitatedPMedianProblem(costs: m, weights: [1, 1, 1], capacities: [5], p: 1))
        check(
            .invalidCapacity(candidate: 2),
            CapacitatedPMedianProblem(costs: m, weights: [1, 1, 1], capacities: [5, 5, -1], p: 1))
        check(
            .demandExceedsCapacity(totalDemand: 6, maximumCapacity: 5),
            CapacitatedPMedianProblem(costs: m, weights: [2, 2, 2], capacities: [3, 5, 4], p: 1))
        check(
            .demandExceedsSiteCapacity(demand: 0),
            CapacitatedPMedianProblem(costs: m, weights: [9, 1, 1], capacities: [5, 5, 5], p: 3))
        check(
            .pBelowForced(p: 1, forced: 2),
            CapacitatedPMedianProblem(costs: m, weights: [1, 1, 1], capacities: [5, 5, 5], p: 1, forcedOpen: [0, 2]))
        // forced sites count even when small: forced 0 (cap 1) + best other (cap 3) < 6
        check(
            .demandExceedsCapacity(totalDemand: 6, maximumCapacity: 4),
            CapacitatedPMedianProblem(costs: m, weights: [2, 2, 2], capacities: [1, 3, 3], p: 2, forcedOpen: [0]))
    }

    @Test func coveringErrors() {
        let m = Self.m3
        #expect(throws: LocationModelError.invalidRadius) {
            try MaximalCoveringProblem(costs: m, weights: [1, 1, 1], p: 1, radius: -1).solve()
        }
        #expect(throws: LocationModelError.invalidRadius) { try SetCoveringProblem(costs: m, radius: .nan).solve() }
        #expect(throws: LocationModelError.pExceedsCandidates(p: 4, allowed: 3)) {
            try MaximalCoveringProblem(costs: m, weights: [1, 1, 1], p: 4, radius: 1).solve()
        }
        #expect(throws: LocationModelError.invalidWeight(demand: 0)) {
            try MaximalCoveringProblem(costs: m, weights: [-1, 1, 1], p: 1, radius: 1).solve()
        }
        // demand 2 is 1 away from site 1 and 2 away from site 0; site 2 forbidden, radius 0.5
        #expect(throws: LocationModelError.demandNotCoverable(demand: 2)) {
            try SetCoveringProblem(costs: m, radius: 0.5, forbidden: [2]).solve()
        }
        #expect(throws: LocationModelError.forcedAndForbidden(site: 0)) {
            try SetCoveringProblem(costs: m, radius: 1, forcedOpen: [0], forbidden: [0]).validate()
        }
        #expect(throws: LocationModelError.pBelowForced(p: 1, forced: 2)) {
            try PCenterProblem(costs: m, p: 1, forcedOpen: [0, 1]).solve()
        }
        let unreachable = try! CostMatrix(demandCount: 2, candidateCount: 2, costs: [1, nil, nil, 3])
        #expect(throws: LocationModelError.demandUnreachable(demand: 1)) {
            try PCenterProblem(costs: unreachable, p: 1, forbidden: [1]).solve()
        }
        // MCLP: an uncoverable demand is allowed and simply stays uncovered
        let s = try? MaximalCoveringProblem(costs: m, weights: [1, 1, 1], p: 1, radius: 0).solve()
        #expect(s?.objective == 1)
    }
}
