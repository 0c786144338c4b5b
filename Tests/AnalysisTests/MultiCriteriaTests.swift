import Analysis
import Testing

@Suite("Multi-criteria evaluation and AHP against hand-computed values")
struct MultiCriteriaTests {
    let a3 = WeightedCriterion(key: "a", direction: .benefit, weight: 3)
    let b1 = WeightedCriterion(key: "b", direction: .cost, weight: 1)

    func close(_ x: [Double], _ y: [Double], _ tolerance: Double = 1e-12) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= tolerance }
    }

    // MARK: normalisation

    @Test("normalise [2, 4, 6]: benefit → [0, .5, 1], cost → [1, .5, 0]; a constant column → zeros")
    func normalise() {
        #expect(MultiCriteria.normalise([2, 4, 6], .benefit) == [0, 0.5, 1])
        #expect(MultiCriteria.normalise([2, 4, 6], .cost) == [1, 0.5, 0])
        #expect(MultiCriteria.normalise([6, 2, 4], .benefit) == [1, 0, 0.5])
        #expect(MultiCriteria.normalise([7, 7, 7], .benefit) == [0, 0, 0])
        #expect(MultiCriteria.normalise([7, 7, 7], .cost) == [0, 0, 0])
        #expect(MultiCriteria.normalise([], .cost) == [])
    }

    @Test("normalise keeps 0…1 when max − min overflows: [−1e308, 0, 1e308] → [0, .5, 1]")
    func normaliseHugeRange() {
        #expect(MultiCriteria.normalise([-1e308, 0, 1e308], .benefit) == [0, 0.5, 1])
        #expect(MultiCriteria.normalise([-1e308, 0, 1e308], .cost) == [1, 0.5, 0])
    }

    // MARK: weighted evaluation

    /// Weights 3 (a, benefit) and 1 (b, cost) → 0.75 and 0.25.
    ///
    ///     unit   a  b   a' = a/4   b' = (8 − b)/8   s = .75 a' + .25 b'
    ///     0      2  4   .5         .5               .375 + .125 = .5
    ///     1      0  4   0          .5               0    + .125 = .125
    ///     2      4  0   1          1                .75  + .25  = 1
    ///     3      1  8   .25        0                .1875 + 0   = .1875
    ///
    /// Ranks by score: 2, 0, 3, 1 → zones 0, 1, 2, 3 → per unit [1, 3, 0, 2].
    @Test("4 units × 2 criteria, weights 3:1: scores .5, .125, 1, .1875 and quartile zones 1, 3, 0, 2")
    func evaluateFourUnits() throws {
        let values: [[Double]] = [[2, 4], [0, 4], [4, 0], [1, 8]]
        let r = try MultiCriteria.evaluate(values, criteria: [a3, b1], breaks: .quartiles)
        #expect(r.weights == [0.75, 0.25])
        #expect(r.normalised == [[0.5, 0.5], [0, 0.5], [1, 1], [0.25, 0]])
        #expect(close(r.scores, [0.5, 0.125, 1, 0.1875]))
        #expect(r.zones == [1, 3, 0, 2])
    }

    /// Units 1 and 2 are identical (a' = .5, b' = .5 → s = .5): ranks 1 and 2 both take zone floor(4·1/4) = 1;
    /// unit 3 (s = 0) is at rank 3 → zone 3, and zone 2 stays empty.
    @Test("tied scores take the zone of the first of them: [1, .5, .5, 0] → zones [0, 1, 1, 3]")
    func ties() throws {
        let values: [[Double]] = [[4, 0], [2, 4], [2, 4], [0, 8]]
        let r = try MultiCriteria.evaluate(values, criteria: [a3, b1], breaks: .quartiles)
        #expect(close(r.scores, [1, 0.5, 0.5, 0]))
        #expect(r.zones == [0, 1, 1, 3])
        #expect(MultiCriteria.zones([0.5, 0.2, 0.5, 0.5], breaks: .quartiles) == [0, 3, 0, 0])
        // 0.1 + 0.2 ≠ 0.3 in binary; the two are the same score.
        #expect(MultiCriteria.zones([0.9, 0.1 + 0.2, 0.3, 0], breaks: .quartiles) == [0, 1, 1, 3])
    }

    @Test("quartiles of 8 units by rank: floor(4r/8) = 0, 0, 1, 1, 2, 2, 3, 3; one unit → zone 0; none → []")
    func quartilesByRank() {
        let scores = [0.1, 0.8, 0.3, 0.7, 0.2, 0.6, 0.4, 0.5]
        #expect(MultiCriteria.zones(scores, breaks: .quartiles) == [3, 0, 2, 0, 3, 1, 2, 1])
        #expect(MultiCriteria.zones([0.4], breaks: .quartiles) == [0])
        #expect(MultiCriteria.zones([], breaks: .quartiles) == [])
    }

    @Test("fixed breaks .75, .5, .25: a score at a threshold reaches it")
    func fixedBreaks() throws {
        let breaks = ZoneBreaks.fixed([0.75, 0.5, 0.25])
        #expect(MultiCriteria.zones([1, 0.75, 0.6, 0.5, 0.3, 0.25, 0.1, 0], breaks: breaks) == [0, 0, 1, 1, 2, 2, 3, 3])
        let r = try MultiCriteria.evaluate([[2, 4], [0, 4], [4, 0], [1, 8]], criteria: [a3, b1], breaks: breaks)
        // Scores .5, .125, 1, .1875 (see evaluateFourUnits): .125 and .1875 are both below .25.
        #expect(r.zones == [1, 3, 0, 3])
    }

    @Test("zero units give empty results; a zero weight is allowed while another is not zero")
    func emptyAndZeroWeight() throws {
        let r = try MultiCriteria.evaluate([], criteria: [a3, b1], breaks: .quartiles)
        #expect(r.weights == [0.75, 0.25])
        #expect(r.normalised.isEmpty && r.scores.isEmpty && r.zones.isEmpty)
        let zero = WeightedCriterion(key: "b", direction: .cost, weight: 0)
        let z = try MultiCriteria.evaluate([[2, 4], [0, 2]], criteria: [a3, zero], breaks: .quartiles)
        #expect(z.weights == [1, 0])
        #expect(z.scores == [1, 0])
        #expect(z.zones == [0, 2])
    }

    @Test("huge weights do not overflow: 1e308 and 1e308 → .5 and .5")
    func hugeWeights() throws {
        let c = [
            WeightedCriterion(key: "a", direction: .benefit, weight: 1e308),
            WeightedCriterion(key: "b", direction: .benefit, weight: 1e308),
        ]
        #expect(try MultiCriteria.evaluate([[1, 2]], criteria: c, breaks: .quartiles).weights == [0.5, 0.5])
    }

    @Test("refusals of a weighted evaluation")
    func evaluateRefusals() {
        let values: [[Double]] = [[1, 2], [3, 4]]
        #expect(throws: MultiCriteriaError.noCriteria) {
            try MultiCriteria.evaluate(values, criteria: [], breaks: .quartiles)
        }
        let negative = WeightedCriterion(key: "b", direction: .cost, weight: -1)
        #expect(throws: MultiCriteriaError.badWeight(key: "b", value: -1)) {
            try MultiCriteria.evaluate(values, criteria: [a3, negative], breaks: .quartiles)
        }
        let infinite = WeightedCriterion(key: "a", direction: .benefit, weight: .infinity)
        #expect(throws: MultiCriteriaError.badWeight(key: "a", value: .infinity)) {
            try MultiCriteria.evaluate(values, criteria: [infinite, b1], breaks: .quartiles)
        }
        let zeros = [
            WeightedCriterion(key: "a", direction: .benefit, weight: 0),
            WeightedCriterion(key: "b", direction: .cost, weight: 0),
        ]
        #expect(throws: MultiCriteriaError.weightsSumToZero) {
            try MultiCriteria.evaluate(values, criteria: zeros, breaks: .quartiles)
        }
        #expect(throws: MultiCriteriaError.shapeMismatch(unit: 1, expected: 2, found: 1)) {
            try MultiCriteria.evaluate([[1, 2], [3], [4, 5, 6]], criteria: [a3, b1], breaks: .quartiles)
        }
        #expect(throws: MultiCriteriaError.notFinite(unit: 1, criterion: 0)) {
            try MultiCriteria.evaluate([[1, 2], [.infinity, 4]], criteria: [a3, b1], breaks: .quartiles)
        }
        #expect(throws: MultiCriteriaError.notFinite(unit: 0, criterion: 1)) {
            try MultiCriteria.evaluate([[1, .nan], [3, 4]], criteria: [a3, b1], breaks: .quartiles)
        }
        for bad: [Double] in [[0.5, 0.75, 0.25], [0.75, 0.5], [0.75, 0.5, 0.25, 0.1], [0.75, 0.5, 0.5], [0.75, 0.5, -.infinity]] {
            #expect(throws: MultiCriteriaError.badBreaks(thresholds: bad)) {
                try MultiCriteria.evaluate(values, criteria: [a3, b1], breaks: .fixed(bad))
            }
        }
    }

    // MARK: AHP

    /// a_ij = w_i / w_j for w = (.6, .3, .1): the matrix is consistent, so λmax = n = 3 and CI = CR = 0.
    @Test("a consistent 3 × 3 matrix from weights (.6, .3, .1) gives them back, λmax = 3, CR = 0")
    func ahpConsistent() throws {
        let m: [[Double]] = [[1, 2, 6], [1.0 / 2, 1, 3], [1.0 / 6, 1.0 / 3, 1]]
        let r = try AHP.consistentWeights(m)
        #expect(close(r.weights, [0.6, 0.3, 0.1], 1e-9))
        #expect(abs(r.lambdaMax - 3) < 1e-9)
        #expect(r.consistencyIndex < 1e-9)
        #expect(r.randomIndex == 0.58)
        #expect(r.consistencyRatio < 1e-9)
    }

    /// For a reciprocal 3 × 3 matrix, det(A − λI) = 0 reduces to μ³ − 3μ − (c + 1/c) = 0 with μ = λ − 1 and
    /// c = a12·a23 / a13, whose real root is μ = ∛c + 1/∛c. Saaty's example has c = 3·5 / (1/3) = 45:
    /// λmax = 1 + 3.556893 + 0.281144 = 4.8380375, CI = 0.9190188, CR = CI / 0.58 = 1.5845151 > 0.1.
    /// (Also checked by a separate root-finding of the characteristic polynomial in Python.)
    @Test("Saaty's inconsistent [[1,3,1/3],[1/3,1,5],[3,1/5,1]]: λmax 4.838, CR 1.585 — consistentWeights refuses it")
    func ahpInconsistent() throws {
        let m: [[Double]] = [[1, 3, 1.0 / 3], [1.0 / 3, 1, 5], [3, 1.0 / 5, 1]]
        let r = try AHP.evaluate(m)
        #expect(abs(r.lambdaMax - 4.838_037_526_3) < 1e-8)
        #expect(abs(r.consistencyIndex - 0.919_018_763_1) < 1e-8)
        #expect(abs(r.consistencyRatio - 1.584_515_108_8) < 1e-8)
        #expect(close(r.weights, [0.330_135_011_0, 0.391_418_336_7, 0.278_446_652_2], 1e-9))
        #expect(throws: MultiCriteriaError.inconsistent(ratio: r.consistencyRatio, limit: 0.1)) {
            try AHP.consistentWeights(m)
        }
    }

    /// The textbook matrix [[1,1/3,1/2],[3,1,3],[2,1/3,1]]: c = (1/3)·3 / (1/2) = 2, λmax = 1 + ∛2 + 1/∛2 =
    /// 3.0536216, CI = 0.0268108, CR = 0.0462 ≤ 0.1. The 4 × 4 matrix below: λmax 4.0762934, CI 0.0254311,
    /// CR = CI / 0.90 = 0.0282568, w = (.58059, .25536, .11411, .04994) — from the largest root of
    /// det(A − λI) by bisection and the null space of A − λI by elimination (Python, not power iteration).
    @Test("independently computed matrices: 3 × 3 CR 0.046 and 4 × 4 CR 0.028 both pass")
    func ahpKnownRatios() throws {
        let m3: [[Double]] = [[1, 1.0 / 3, 1.0 / 2], [3, 1, 3], [2, 1.0 / 3, 1]]
        let r3 = try AHP.consistentWeights(m3)
        #expect(abs(r3.lambdaMax - 3.053_621_575_9) < 1e-8)
        #expect(abs(r3.consistencyRatio - 0.046_225_496_4) < 1e-8)
        #expect(close(r3.weights, [0.157_055_789_4, 0.593_633_685_3, 0.249_310_525_3], 1e-9))

        let m4: [[Double]] = [[1, 3, 5, 9], [1.0 / 3, 1, 3, 5], [1.0 / 5, 1.0 / 3, 1, 3], [1.0 / 9, 1.0 / 5, 1.0 / 3, 1]]
        let r4 = try AHP.consistentWeights(m4)
        #expect(abs(r4.lambdaMax - 4.076_293_432_4) < 1e-8)
        #expect(abs(r4.consistencyIndex - 0.025_431_144_1) < 1e-8)
        #expect(r4.randomIndex == 0.90)
        #expect(abs(r4.consistencyRatio - 0.028_256_826_8) < 1e-8)
        #expect(close(r4.weights, [0.580_591_976_5, 0.255_357_640_4, 0.114_113_771_1, 0.049_936_612_0], 1e-9))
    }

    @Test("1 × 1 and 2 × 2: weights only, CI = RI = CR = 0; [[1,4],[1/4,1]] → (.8, .2)")
    func ahpSmall() throws {
        let one = try AHP.evaluate([[1]])
        #expect(one.weights == [1])
        #expect(one.consistencyRatio == 0)
        let two = try AHP.consistentWeights([[1, 4], [0.25, 1]])
        #expect(close(two.weights, [0.8, 0.2]))
        #expect(abs(two.lambdaMax - 2) < 1e-12)
        #expect(two.consistencyIndex == 0 && two.randomIndex == 0 && two.consistencyRatio == 0)
    }

    @Test("Saaty's random indices: 15 of them, RI(3) = .58, RI(10) = 1.49, RI(15) = 1.59")
    func randomIndices() {
        #expect(AHP.randomIndices.count == 15)
        #expect(AHP.randomIndices[2] == 0.58)
        #expect(AHP.randomIndices[9] == 1.49)
        #expect(AHP.randomIndices[14] == 1.59)
        #expect(AHP.consistencyLimit == 0.1)
    }

    @Test("refusals of a comparison matrix")
    func ahpRefusals() {
        #expect(throws: MultiCriteriaError.noCriteria) { try AHP.evaluate([]) }
        #expect(throws: MultiCriteriaError.matrixNotSquare(rows: 2)) { try AHP.evaluate([[1, 2], [0.5]]) }
        #expect(throws: MultiCriteriaError.matrixNotSquare(rows: 2)) { try AHP.evaluate([[1, 2, 3], [0.5, 1, 2]]) }
        let big = [[Double]](repeating: [Double](repeating: 1, count: 16), count: 16)
        #expect(throws: MultiCriteriaError.matrixTooLarge(size: 16)) { try AHP.evaluate(big) }
        #expect(throws: MultiCriteriaError.badJudgement(row: 0, column: 1, value: 0)) { try AHP.evaluate([[1, 0], [0, 1]]) }
        #expect(throws: MultiCriteriaError.badJudgement(row: 1, column: 0, value: -2)) { try AHP.evaluate([[1, 2], [-2, 1]]) }
        #expect(throws: MultiCriteriaError.badJudgement(row: 1, column: 1, value: 2)) { try AHP.evaluate([[1, 2], [0.5, 2]]) }
        #expect(throws: MultiCriteriaError.badJudgement(row: 0, column: 1, value: .infinity)) {
            try AHP.evaluate([[1, .infinity], [0.5, 1]])
        }
        #expect(throws: MultiCriteriaError.notReciprocal(row: 0, column: 1, value: 2, mirror: 0.4)) {
            try AHP.evaluate([[1, 2], [0.4, 1]])
        }
        // 0.333 for 1/3 is off by 1e-3: refused; 1/3 rounded to 9 places passes (1e-9 < 1e-6).
        #expect(throws: MultiCriteriaError.notReciprocal(row: 1, column: 2, value: 3, mirror: 0.333)) {
            try AHP.evaluate([[1, 1, 1], [1, 1, 3], [1, 0.333, 1]])
        }
        #expect(throws: Never.self) { try AHP.evaluate([[1, 1, 1], [1, 1, 3], [1, 0.333_333_333, 1]]) }
    }

    // MARK: stability

    /// Unit i is better than unit i + 1 on both criteria, so every positive weighting ranks them alike.
    @Test("a dominance-ordered set never changes zone: share 0 over 2 × 2 runs")
    func stableWhenDominated() throws {
        let values: [[Double]] = [[4, 1], [3, 2], [2, 3], [1, 4]]
        let s = try MultiCriteria.stability(values, criteria: [a3, b1], breaks: .quartiles)
        #expect(s.changedUnits == [])
        #expect(s.shareChanged == 0)
        #expect(s.runs == 4)
        #expect(s.change == 0.1)
    }

    /// Both criteria benefit, weights 1:1. Normalised (a/10, b/100): unit 0 (1, 1), 1 (.6, .4), 2 (.4, .59), 3 (0, 0).
    /// Base: s1 = .5, s2 = .495 → unit 1 zone 1, unit 2 zone 2.
    ///
    ///     run      weights (before ÷ sum)   s1·sum         s2·sum
    ///     a × 1.1  .55, .5                  .33 + .2  = .53    .22 + .295  = .515    (same order)
    ///     a × 0.9  .45, .5                  .27 + .2  = .47    .18 + .295  = .475    (flipped)
    ///     b × 1.1  .5, .55                  .3 + .22  = .52    .2 + .3245  = .5245   (flipped)
    ///     b × 0.9  .5, .45                  .3 + .18  = .48    .2 + .2655  = .4655   (same order)
    ///
    /// At ±1 % no run flips them: a × .99 gives .497 against .493, b × 1.01 gives .502 against .49795.
    @Test("±10 % on either weight swaps units 1 and 2 across the zone 1 | zone 2 break; ±1 % does not")
    func unstablePair() throws {
        let values: [[Double]] = [[10, 100], [6, 40], [4, 59], [0, 0]]
        let criteria = [
            WeightedCriterion(key: "a", direction: .benefit, weight: 1),
            WeightedCriterion(key: "b", direction: .benefit, weight: 1),
        ]
        #expect(try MultiCriteria.evaluate(values, criteria: criteria, breaks: .quartiles).zones == [0, 1, 2, 3])
        let s = try MultiCriteria.stability(values, criteria: criteria, breaks: .quartiles, change: 0.1)
        #expect(s.changedUnits == [1, 2])
        #expect(s.shareChanged == 0.5)
        #expect(s.runs == 4)
        let small = try MultiCriteria.stability(values, criteria: criteria, breaks: .quartiles, change: 0.01)
        #expect(small.changedUnits == [])
        #expect(small.shareChanged == 0)
    }

    @Test("stability: zero units → share 0; a change outside 0 ≤ change < 1 is refused")
    func stabilityEdges() throws {
        let s = try MultiCriteria.stability([], criteria: [a3, b1], breaks: .quartiles)
        #expect(s.changedUnits == [] && s.shareChanged == 0 && s.runs == 4)
        #expect(throws: MultiCriteriaError.badChange(value: 1)) {
            try MultiCriteria.stability([[1, 2]], criteria: [a3, b1], breaks: .quartiles, change: 1)
        }
        #expect(throws: MultiCriteriaError.badChange(value: -0.1)) {
            try MultiCriteria.stability([[1, 2]], criteria: [a3, b1], breaks: .quartiles, change: -0.1)
        }
        #expect(throws: MultiCriteriaError.weightsSumToZero) {
            try MultiCriteria.stability([[1, 2]], criteria: [WeightedCriterion(key: "a", direction: .cost, weight: 0)], breaks: .quartiles)
        }
    }
}
