// Weighted multi-criteria evaluation (weighted linear combination of min–max normalised criteria),
// AHP pairwise-comparison weights with Saaty's consistency check, zoning of scores into four zones,
// and the stability of that zoning under weight changes. Pure: no I/O and no words; the caller turns
// `MultiCriteriaError` into messages.

/// Whether more of a criterion is better (benefit) or worse (cost).
public enum CriterionDirection: String, Sendable, Codable, CaseIterable {
    /// More is better.
    case benefit
    /// Less is better.
    case cost
}

/// One criterion of a weighted evaluation: its key, direction and weight (any non-negative scale;
/// normalised to sum 1 when used).
public struct WeightedCriterion: Sendable, Hashable, Codable {
    /// The criterion's key (e.g. an indicator key); carried into `MultiCriteriaError.badWeight`.
    public var key: String
    /// Whether more is better or worse.
    public var direction: CriterionDirection
    /// The weight, finite and ≥ 0, on any scale.
    public var weight: Double

    /// A criterion; nothing is checked until it is used.
    public init(key: String, direction: CriterionDirection, weight: Double) {
        self.key = key
        self.direction = direction
        self.weight = weight
    }
}

/// What the engine refuses. Unit, criterion, row and column indices are 0-based.
public enum MultiCriteriaError: Error, Sendable, Equatable {
    /// No criteria (or an empty comparison matrix).
    case noCriteria
    /// A weight is negative or not finite.
    case badWeight(key: String, value: Double)
    /// Every weight is 0.
    case weightsSumToZero
    /// A row of values has the wrong number of columns.
    case shapeMismatch(unit: Int, expected: Int, found: Int)
    /// A value is NaN or infinite.
    case notFinite(unit: Int, criterion: Int)
    /// Fixed zone breaks are not three finite, strictly descending thresholds.
    case badBreaks(thresholds: [Double])
    /// The change of a stability run is not finite or not in 0 ≤ change < 1.
    case badChange(value: Double)
    /// A comparison matrix has a row whose length differs from the number of rows.
    case matrixNotSquare(rows: Int)
    /// A comparison matrix is larger than 15 × 15 (Saaty's random indices stop at 15).
    case matrixTooLarge(size: Int)
    /// A judgement is ≤ 0 or not finite, or a diagonal entry is not 1.
    case badJudgement(row: Int, column: Int, value: Double)
    /// a[column][row] (`mirror`) differs from 1 / a[row][column] (`value`) by more than 1e-6 relative; row < column.
    case notReciprocal(row: Int, column: Int, value: Double, mirror: Double)
    /// The consistency ratio exceeds the limit (`AHP.consistencyLimit`).
    case inconsistent(ratio: Double, limit: Double)
}

/// The result of an AHP pairwise comparison.
public struct AHPResult: Sendable, Hashable {
    /// The principal (Perron) eigenvector w of the matrix, normalised to Σ w_i = 1.
    public var weights: [Double]
    /// The principal eigenvalue λmax = Σ_i (A w)_i (with Σ w_i = 1); n for a consistent matrix.
    public var lambdaMax: Double
    /// CI = (λmax − n) / (n − 1), never below 0; 0 for n ≤ 2.
    public var consistencyIndex: Double
    /// Saaty's random index RI for n (`AHP.randomIndices`); 0 for n ≤ 2.
    public var randomIndex: Double
    /// CR = CI / RI; 0 for n ≤ 2 (every reciprocal 1 × 1 or 2 × 2 matrix is consistent).
    public var consistencyRatio: Double
}

/// The analytic hierarchy process (Saaty 1977, 1980): weights from a reciprocal matrix of pairwise
/// judgements a_ij ("how many times more important is i than j", a_ji = 1 / a_ij, a_ii = 1).
///
///     A w = λmax w           w the principal eigenvector, Σ w_i = 1 (power iteration)
///     CI  = (λmax − n) / (n − 1)
///     CR  = CI / RI(n)       refused above 0.1
///
/// A consistent matrix (a_ij = w_i / w_j for some w) has λmax = n and CI = 0; λmax ≥ n always.
public enum AHP {
    /// Saaty's random indices RI(n) for n = 1…15, at index n − 1: the mean CI of random reciprocal
    /// matrices of order n (Saaty, T. L. 1980, The Analytic Hierarchy Process, McGraw-Hill).
    public static let randomIndices: [Double] = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]

    /// The consistency ratio above which a matrix is refused (Saaty's 0.1; CR = 0.1 passes).
    public static let consistencyLimit = 0.1

    /// Largest relative difference allowed between a[j][i] and 1 / a[i][j].
    static let reciprocalTolerance = 1e-6
    /// Power iteration stops when no weight moves by more than this…
    static let convergence = 1e-12
    /// …or after this many steps.
    static let maximumSteps = 1000

    /// Validates and evaluates a pairwise comparison matrix (power iteration, to 1e-12 or 1000 steps).
    /// Does NOT refuse inconsistency.
    /// - Throws: `noCriteria` (empty), `matrixNotSquare`, `matrixTooLarge` (n > 15), `badJudgement`
    ///   (first in row order), `notReciprocal` (first pair in row order).
    public static func evaluate(_ matrix: [[Double]]) throws(MultiCriteriaError) -> AHPResult {
        let n = matrix.count
        guard n > 0 else { throw .noCriteria }
        guard matrix.allSatisfy({ $0.count == n }) else { throw .matrixNotSquare(rows: n) }
        guard n <= randomIndices.count else { throw .matrixTooLarge(size: n) }
        for i in 0..<n {
            for j in 0..<n {
                let a = matrix[i][j]
                guard a.isFinite, a > 0, i != j || a == 1 else { throw .badJudgement(row: i, column: j, value: a) }
            }
        }
        for i in 0..<n {
            for j in (i + 1)..<n where abs(matrix[i][j] * matrix[j][i] - 1) > reciprocalTolerance {
                throw .notReciprocal(row: i, column: j, value: matrix[i][j], mirror: matrix[j][i])
            }
        }
        let (weights, lambda) = principalEigenvector(matrix)
        guard n > 2 else {
            return AHPResult(weights: weights, lambdaMax: lambda, consistencyIndex: 0, randomIndex: 0, consistencyRatio: 0)
        }
        let ci = max(0, (lambda - Double(n)) / Double(n - 1))
        let ri = randomIndices[n - 1]
        return AHPResult(weights: weights, lambdaMax: lambda, consistencyIndex: ci, randomIndex: ri, consistencyRatio: ci / ri)
    }

    /// `evaluate`, then throws `.inconsistent(ratio:limit:)` when CR > `consistencyLimit`.
    public static func consistentWeights(_ matrix: [[Double]]) throws(MultiCriteriaError) -> AHPResult {
        let result = try evaluate(matrix)
        guard result.consistencyRatio <= consistencyLimit else {
            throw .inconsistent(ratio: result.consistencyRatio, limit: consistencyLimit)
        }
        return result
    }

    /// Power iteration w ← A w / Σ (A w) from w = 1/n on a valid (positive, reciprocal) matrix.
    /// The matrix is divided by its largest entry first, so that no product overflows; the eigenvector
    /// is unchanged and the eigenvalue scaled back.
    static func principalEigenvector(_ matrix: [[Double]]) -> (weights: [Double], lambda: Double) {
        let n = matrix.count
        let scale = matrix.lazy.flatMap { $0 }.max() ?? 1
        let a = matrix.map { row in row.map { $0 / scale } }
        var w = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<maximumSteps {
            let product = multiply(a, w)
            let sum = product.reduce(0, +)
            guard sum > 0, sum.isFinite else { break }
            let next = product.map { $0 / sum }
            let moved = zip(next, w).reduce(0) { max($0, abs($1.0 - $1.1)) }
            w = next
            if moved < convergence { break }
        }
        // At the fixed point A w = λ w with Σ w = 1, so λ = Σ (A w).
        return (w, multiply(a, w).reduce(0, +) * scale)
    }

    /// A w.
    static func multiply(_ a: [[Double]], _ w: [Double]) -> [Double] {
        a.map { row in zip(row, w).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}

/// How scores are cut into four zones (zone 0 is the best: the highest scores).
public enum ZoneBreaks: Sendable, Hashable, Codable {
    /// Quartiles by rank: sort scores descending; unit at rank r (0-based) of n goes to zone floor(4r/n);
    /// tied scores (within 1e-9 of the first of them) all take the zone of the first of them.
    case quartiles
    /// Fixed thresholds on the score (0…1), three descending values t0 > t1 > t2: score ≥ t0 → 0,
    /// ≥ t1 → 1, ≥ t2 → 2, else 3 (a score within 1e-9 below a threshold counts as reaching it).
    case fixed([Double])
}

/// The outcome of a weighted evaluation.
public struct MultiCriteriaResult: Sendable, Hashable {
    /// w_k = weight_k / Σ weight, in criteria order.
    public var weights: [Double]
    /// Min–max normalised values, units × criteria, each in 0…1 (see `MultiCriteria.normalise`).
    public var normalised: [[Double]]
    /// s_i = Σ_k w_k · normalised_ik, in 0…1.
    public var scores: [Double]
    /// Zone 0…3 of each unit (0 best).
    public var zones: [Int]
}

/// How stable the zoning is under weight changes.
public struct ZoneStability: Sendable, Hashable {
    /// The relative weight change tried, e.g. 0.1 for ±10 %.
    public var change: Double
    /// Indices (ascending) of units whose zone differs from the base run's in at least one perturbed run.
    public var changedUnits: [Int]
    /// changedUnits.count / units (0 when there are no units).
    public var shareChanged: Double
    /// Number of perturbed runs: 2 × criteria.
    public var runs: Int
}

/// Weighted linear combination of min–max normalised criteria, zoned into four zones:
///
///     x'_ik = (x_ik − min_k) / (max_k − min_k)     benefit criterion k
///     x'_ik = (max_k − x_ik) / (max_k − min_k)     cost criterion k
///     w_k   = weight_k / Σ_j weight_j
///     s_i   = Σ_k w_k x'_ik                         in 0…1
public enum MultiCriteria {
    /// Scores closer than this are tied, and a score this close below a fixed threshold reaches it:
    /// differences of rounding in Σ w_k x'_ik must not split units that score the same.
    static let scoreTolerance = 1e-9

    /// Min–max normalisation of one column: benefit (x − min)/(max − min), cost (max − x)/(max − min);
    /// a column that does not vary gives 0 for every unit (it cannot rank them). Values should be finite
    /// (`evaluate` checks them).
    public static func normalise(_ column: [Double], _ direction: CriterionDirection) -> [Double] {
        guard let low = column.min(), let high = column.max(), high > low else {
            return [Double](repeating: 0, count: column.count)
        }
        // Halved when max − min overflows (e.g. −1e308 and 1e308); the ratio is the same.
        let halve = !(high - low).isFinite
        let lo = halve ? low / 2 : low
        let hi = halve ? high / 2 : high
        let range = hi - lo
        return column.map { value in
            let x = halve ? value / 2 : value
            let t = direction == .benefit ? (x - lo) / range : (hi - x) / range
            return min(1, max(0, t))
        }
    }

    /// Scores and zones of `values` (units × criteria, in `criteria` order). Zero units give empty results.
    /// - Throws: in this order: `noCriteria`, `badWeight`, `weightsSumToZero`, `badBreaks`,
    ///   `shapeMismatch` and `notFinite` (first unit in order).
    public static func evaluate(_ values: [[Double]], criteria: [WeightedCriterion], breaks: ZoneBreaks) throws(MultiCriteriaError)
        -> MultiCriteriaResult
    {
        let weights = try normalisedWeights(criteria)
        try validate(breaks)
        let normalised = try normalisedTable(values, criteria: criteria)
        let scores = self.scores(normalised, weights: weights)
        return MultiCriteriaResult(weights: weights, normalised: normalised, scores: scores, zones: zones(scores, breaks: breaks))
    }

    /// Zones of scores under the breaks. `.fixed` breaks are not checked here (`evaluate` checks them):
    /// a score goes to the index of the first threshold it reaches, else to the number of thresholds,
    /// at most 3. NaN scores go last.
    public static func zones(_ scores: [Double], breaks: ZoneBreaks) -> [Int] {
        switch breaks {
        case .quartiles:
            let n = scores.count
            let key = scores.map { $0.isNaN ? -Double.infinity : $0 }
            let order = key.indices.sorted { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
            var zones = [Int](repeating: 3, count: n)
            var runStart = 0
            for (rank, unit) in order.enumerated() {
                if rank > 0, !(key[order[runStart]] - key[unit] <= scoreTolerance) { runStart = rank }
                zones[unit] = 4 * runStart / n
            }
            return zones
        case .fixed(let thresholds):
            return scores.map { score in
                let reached = thresholds.firstIndex { score >= $0 - scoreTolerance } ?? thresholds.count
                return min(3, reached)
            }
        }
    }

    /// Each criterion's weight in turn multiplied by (1 + change) and by (1 − change) (the others
    /// unchanged, then all renormalised); a unit counts as changed when its zone differs from the base
    /// run's in any of these runs.
    /// - Throws: as `evaluate`, and `badChange` unless 0 ≤ change < 1.
    public static func stability(
        _ values: [[Double]], criteria: [WeightedCriterion], breaks: ZoneBreaks, change: Double = 0.1
    ) throws(MultiCriteriaError) -> ZoneStability {
        let base = try evaluate(values, criteria: criteria, breaks: breaks)
        guard change.isFinite, change >= 0, change < 1 else { throw .badChange(value: change) }
        var changed = Set<Int>()
        for k in criteria.indices {
            for factor in [1 + change, 1 - change] {
                // Perturbed from the normalised weights (no overflow); Σ > 0 since change < 1.
                var weights = base.weights
                weights[k] *= factor
                let sum = weights.reduce(0, +)
                weights = weights.map { $0 / sum }
                let perturbed = zones(scores(base.normalised, weights: weights), breaks: breaks)
                for (unit, zone) in perturbed.enumerated() where zone != base.zones[unit] { changed.insert(unit) }
            }
        }
        let units = values.count
        return ZoneStability(
            change: change, changedUnits: changed.sorted(), shareChanged: units == 0 ? 0 : Double(changed.count) / Double(units),
            runs: 2 * criteria.count)
    }

    /// w_k = weight_k / Σ weight, after dividing by the largest weight so that the sum cannot overflow.
    static func normalisedWeights(_ criteria: [WeightedCriterion]) throws(MultiCriteriaError) -> [Double] {
        guard !criteria.isEmpty else { throw .noCriteria }
        for c in criteria where !(c.weight.isFinite && c.weight >= 0) { throw .badWeight(key: c.key, value: c.weight) }
        let largest = criteria.map(\.weight).max() ?? 0
        guard largest > 0 else { throw .weightsSumToZero }
        let scaled = criteria.map { $0.weight / largest }
        let sum = scaled.reduce(0, +)
        return scaled.map { $0 / sum }
    }

    /// Fixed breaks must be three finite, strictly descending thresholds.
    static func validate(_ breaks: ZoneBreaks) throws(MultiCriteriaError) {
        guard case .fixed(let t) = breaks else { return }
        guard t.count == 3, t.allSatisfy(\.isFinite), t[0] > t[1], t[1] > t[2] else { throw .badBreaks(thresholds: t) }
    }

    /// Checks the table's shape and values, and normalises it column by column.
    static func normalisedTable(_ values: [[Double]], criteria: [WeightedCriterion]) throws(MultiCriteriaError) -> [[Double]] {
        for (unit, row) in values.enumerated() {
            guard row.count == criteria.count else {
                throw .shapeMismatch(unit: unit, expected: criteria.count, found: row.count)
            }
            if let k = row.firstIndex(where: { !$0.isFinite }) { throw .notFinite(unit: unit, criterion: k) }
        }
        let columns = criteria.indices.map { k in normalise(values.map { $0[k] }, criteria[k].direction) }
        return values.indices.map { i in criteria.indices.map { k in columns[k][i] } }
    }

    /// s_i = Σ_k w_k x'_ik, kept in 0…1 against rounding.
    static func scores(_ normalised: [[Double]], weights: [Double]) -> [Double] {
        normalised.map { row in min(1, max(0, zip(row, weights).reduce(0) { $0 + $1.0 * $1.1 })) }
    }
}
