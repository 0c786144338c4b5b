import Foundation
import Testing

@testable import Analysis

/// Gini and Theil worked out by hand on four villages in two townships.
@Suite struct EquityTests {
    /// Times 10, 20 (township A) and 30, 40 (B), one person each: mean 25; A's mean 15, B's 35.
    @Test func fourVillagesTwoTownships() throws {
        let e = try #require(Equity.measure(values: [10, 20, 30, 40], weights: [1, 1, 1, 1], groups: ["A", "A", "B", "B"]))
        // Gini of township means: 2·2·|15 − 35|·2 / (2·4²·25) = 160 / 800.
        #expect(abs(e.gini - 0.2) < 1e-12)
        // Theil T: Σ (x/100)·ln(x/25) = 0.1064402…
        #expect(abs(e.theil - 0.106_440_2) < 1e-6)
        // Between: 0.3·ln(15/25) + 0.7·ln(35/25) = 0.082283…; within: 0.3·0.056633 + 0.7·0.010239.
        #expect(abs(e.theilBetween - 0.082_283) < 1e-6)
        #expect(abs(e.theilWithin - 0.024_157) < 1e-6)
        #expect(abs(e.theilBetween + e.theilWithin - e.theil) < 1e-12)
    }

    @Test func weightsCountAndEqualMeansGiveZero() throws {
        // Weight 3 on 10: mean (30 + 20) / 4 = 12.5; one township, so nothing between.
        let e = try #require(Equity.measure(values: [10, 20], weights: [3, 1], groups: ["A", "A"]))
        #expect(e.gini == 0)
        #expect(e.theilBetween == 0)
        #expect(abs(e.theil - (0.6 * log(10 / 12.5) + 0.4 * log(20 / 12.5))) < 1e-12)
        // A village with the facility itself (time 0) adds nothing to Theil's sum.
        let zero = try #require(Equity.measure(values: [0, 20], weights: [1, 1], groups: ["A", "B"]))
        #expect(abs(zero.theil - log(2)) < 1e-12)
        #expect(abs(zero.gini - 0.5) < 1e-12)
        #expect(Equity.measure(values: [0, 0], weights: [1, 1], groups: ["A", "B"]) == nil)
        #expect(Equity.measure(values: [5], weights: [0], groups: ["A"]) == nil)
    }
}
