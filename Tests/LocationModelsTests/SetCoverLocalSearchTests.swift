import Testing

@testable import LocationModels

/// Row-weighting local search on an instance built to defeat the greedy.
struct SetCoverLocalSearchTests {
    /// Rows 0…13. Two columns suffice (0…6 and 7…13), but the greedy takes the 8-, 4- and
    /// 2-row columns that each straddle both halves and ends with three.
    static let columns: [[Int32]] = [
        Array(0...6), Array(7...13),
        [0, 1, 2, 3, 7, 8, 9, 10], [4, 5, 11, 12], [6, 13],
    ]
    static let matrix = CoverageData(rowCount: 14, columns: columns)

    static func covers(_ cols: [Int]) -> Bool {
        Set(cols.flatMap { columns[$0] }).count == 14
    }

    @Test func greedyIsTrappedAndRowWeightingEscapes() {
        let solver = SetCoverSolver(cov: Self.matrix, freeColumns: Array(0..<5), forcedColumns: [])
        let all = [Bool](repeating: true, count: 14)
        var rng = Xoshiro256StarStar(seed: 1)
        let usable = [Bool](repeating: true, count: 5)
        let greedy = solver.greedy(need: all, usable: usable, rng: &rng, noise: 0)
        #expect(greedy?.sorted() == [2, 3, 4])

        var search = SetCoverLocalSearch(matrix: Self.matrix)
        let best = search.run(start: [2, 3, 4], target: 2, maxSteps: 1000, rng: &rng, stop: { false })
        #expect(best.cover == [0, 1] && best.steps > 0)
    }

    @Test func stopsAtTheStepLimitWithAValidCover() {
        var rng = Xoshiro256StarStar(seed: 3)
        var search = SetCoverLocalSearch(matrix: Self.matrix)
        let best = search.run(start: [2, 3, 4], target: 1, maxSteps: 50, rng: &rng, stop: { false })
        #expect(Self.covers(best.cover) && best.cover.count == 2 && best.steps == 50)
    }

    @Test func restrictedInstanceKeepsOnlyNeededRowsAndUsableColumns() {
        var need = [Bool](repeating: false, count: 14)
        for i in 7...13 { need[i] = true }
        let usable = [true, true, true, false, true]
        let sub = Self.matrix.restricted(need: need, usable: usable)
        // column 0 covers no needed row and column 3 is not usable
        #expect(sub.columnOf == [1, 2, 4])
        #expect(sub.indexOf == [-1, 0, 1, -1, 2])
        #expect(sub.matrix.n == 7 && Array(sub.matrix.rows(of: 1)) == [0, 1, 2, 3])
    }
}
