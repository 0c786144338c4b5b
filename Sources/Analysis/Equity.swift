import Foundation

/// Inequality of a quantity (a travel time) over weighted units (villages, weighted by people)
/// grouped in regions (townships).
///
/// - Gini between groups: `G = Σ_g Σ_h W_g W_h |μ_g − μ_h| / (2 W² μ)`, where `W_g` is group g's
///   weight, `μ_g` its weighted mean and `μ` the overall weighted mean; 0 when every group's mean
///   is the same.
/// - Theil's T over units: `T = Σ_i (w_i x_i / W μ) ln(x_i / μ)` (a unit with `x_i = 0` adds 0, the
///   limit), split exactly into `T_between = Σ_g S_g ln(μ_g / μ)` and
///   `T_within = Σ_g S_g T_g`, with `S_g = W_g μ_g / W μ` the group's share of the total and `T_g`
///   Theil's T inside the group.
public struct Equity: Sendable, Hashable {
    public var gini: Double
    public var theil: Double
    public var theilBetween: Double
    public var theilWithin: Double

    /// The indices of `values` weighted by `weights` in `groups`; nil when there is nothing to
    /// measure (no positive weight, or a mean of 0, where every index is undefined). Values and
    /// weights must be finite and not negative.
    public static func measure(values: [Double], weights: [Double], groups: [String]) -> Equity? {
        precondition(values.count == weights.count && values.count == groups.count)
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        let mean = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        guard mean > 0 else { return nil }
        var groupWeight: [String: Double] = [:]
        var groupSum: [String: Double] = [:]
        for (i, g) in groups.enumerated() {
            groupWeight[g, default: 0] += weights[i]
            groupSum[g, default: 0] += weights[i] * values[i]
        }
        let names = groupWeight.keys.sorted().filter { groupWeight[$0, default: 0] > 0 }
        let groupMean = Dictionary(uniqueKeysWithValues: names.map { ($0, groupSum[$0, default: 0] / groupWeight[$0, default: 1]) })
        var gini = 0.0
        for g in names {
            for h in names {
                gini += groupWeight[g, default: 0] * groupWeight[h, default: 0] * abs(groupMean[g, default: 0] - groupMean[h, default: 0])
            }
        }
        gini /= 2 * total * total * mean
        func theilTerm(_ x: Double, _ w: Double, _ m: Double, _ weight: Double) -> Double {
            x > 0 && w > 0 ? (w * x / (weight * m)) * log(x / m) : 0
        }
        var theil = 0.0
        for i in values.indices { theil += theilTerm(values[i], weights[i], mean, total) }
        var between = 0.0
        var within = 0.0
        for g in names {
            let m = groupMean[g, default: 0]
            let w = groupWeight[g, default: 0]
            guard m > 0 else { continue }
            let share = w * m / (total * mean)
            between += share * log(m / mean)
            var inside = 0.0
            for i in values.indices where groups[i] == g { inside += theilTerm(values[i], weights[i], m, w) }
            within += share * inside
        }
        return Equity(gini: gini, theil: theil, theilBetween: between, theilWithin: within)
    }
}
