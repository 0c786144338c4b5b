import Foundation
import Testing

@testable import LocationModels

/// Helpers shared by the tests: fixtures, random instances and brute-force optima.
enum Fixture {
    static func text(_ relativePath: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + relativePath, withExtension: nil) else {
            throw FixtureError.missing(relativePath)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    enum FixtureError: Error { case missing(String) }
}

func approxEqual(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(1, abs(a), abs(b))
}

/// All k-subsets of `items`.
func subsets(_ items: [Int], _ k: Int) -> [[Int]] {
    if k == 0 { return [[]] }
    if items.count < k { return [] }
    var out: [[Int]] = []
    for (idx, x) in items.enumerated() {
        for rest in subsets(Array(items[(idx + 1)...]), k - 1) { out.append([x] + rest) }
    }
    return out
}

/// A random small instance: integer coordinates, some unreachable pairs optionally.
struct RandomInstance {
    let n: Int
    let m: Int
    let costs: [Double?]
    let weights: [Double]
    let matrix: CostMatrix

    init(seed: UInt64, n: Int, m: Int, unreachableShare: Double = 0, integral: Bool = true) {
        var rng = Xoshiro256StarStar(seed: seed)
        self.n = n
        self.m = m
        var dx = [Double]()
        var dy = [Double]()
        var cx = [Double]()
        var cy = [Double]()
        for _ in 0..<n {
            dx.append(Double(rng.nextInt(100)))
            dy.append(Double(rng.nextInt(100)))
        }
        for _ in 0..<m {
            cx.append(Double(rng.nextInt(100)))
            cy.append(Double(rng.nextInt(100)))
        }
        var c = [Double?]()
        for i in 0..<n {
            for j in 0..<m {
                if unreachableShare > 0 && rng.nextDouble() < unreachableShare && j != i % m {
                    c.append(nil)
                } else {
                    let d = ((dx[i] - cx[j]) * (dx[i] - cx[j]) + (dy[i] - cy[j]) * (dy[i] - cy[j])).squareRoot()
                    c.append(integral ? d.rounded() : d)
                }
            }
        }
        costs = c
        weights = (0..<n).map { _ in Double(1 + rng.nextInt(9)) }
        matrix = try! CostMatrix(demandCount: n, candidateCount: m, costs: c)
    }

    func cost(_ i: Int, _ j: Int) -> Double? { costs[i * m + j] }

    /// p-median cost of a set, nil if some demand is unserved.
    func medianCost(_ set: [Int]) -> Double? {
        var total = 0.0
        for i in 0..<n {
            var best = Double.infinity
            for j in set { if let c = cost(i, j) { best = min(best, c) } }
            if !best.isFinite { return nil }
            total += weights[i] * best
        }
        return total
    }
}
