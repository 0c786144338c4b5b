import Foundation
import Testing

@testable import LocationModels

/// PySAL spopt's San Francisco set and OR-Library pmed1–5, loaded from the test bundle.
struct FixtureTests {
    /// 205 tracts × 16 stores with network distances and population weights.
    static func sanFrancisco() throws -> (
        problem: (Int) -> PMedianProblem, optima: [Int: (Double, Double, [String])],
        stores: [String]
    ) {
        let demandText = try Fixture.text("spopt_sf/SF_demand_205_centroid_uniform_weight.csv")
        let storeText = try Fixture.text("spopt_sf/SF_store_site_16_longlat.csv")
        let distText = try Fixture.text("spopt_sf/SF_network_distance_candidateStore_16_censusTract_205_new.csv")
        let optText = try Fixture.text("spopt_sf/sf_pmedian_optima_by_enumeration.csv")
        func rows(_ t: String) -> [[String]] {
            t.split(whereSeparator: \.isNewline).dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))
                }
            }
        }
        let tracts = rows(demandText).map { $0[3] }  // NAME
        let stores = rows(storeText).map { $0[2] }  // NAME
        let tractIndex = Dictionary(uniqueKeysWithValues: tracts.enumerated().map { ($1, $0) })
        let storeIndex = Dictionary(uniqueKeysWithValues: stores.enumerated().map { ($1, $0) })
        var dist = [Double?](repeating: nil, count: tracts.count * stores.count)
        var weight = [Double](repeating: 0, count: tracts.count)
        for r in rows(distText) {
            guard let i = tractIndex[r[2]], let j = storeIndex[r[1]], let d = Double(r[0]), let w = Double(r[3])
            else { continue }
            dist[i * stores.count + j] = d
            weight[i] = w
        }
        let matrix = try CostMatrix(demandCount: tracts.count, candidateCount: stores.count, costs: dist)
        var optima: [Int: (Double, Double, [String])] = [:]
        for r in rows(optText) {
            optima[Int(r[0])!] = (Double(r[1])!, Double(r[2])!, r[3].split(separator: " ").map(String.init))
        }
        return ({ p in PMedianProblem(costs: matrix, weights: weight, p: p) }, optima, stores)
    }

    @Test func sanFranciscoAllP() throws {
        let (make, optima, stores) = try Self.sanFrancisco()
        #expect(optima.count == 16)
        for p in 1...16 {
            let (objective, meanDistance, sites) = optima[p]!
            let problem = make(p)
            let total = problem.weights.reduce(0, +)
            for method in [SolveMethod.heuristic, .exact] {
                let s = try problem.solve(options: SolveOptions(method: method, seed: 7))
                #expect(approxEqual(s.objective, objective), "p=\(p) \(method): \(s.objective) vs \(objective)")
                #expect(approxEqual(s.objective / total, meanDistance))
                if method == .exact { #expect(s.provenOptimal) }
                if p == 4 {
                    #expect(abs(s.objective / total - 2982.12685798907) < 1e-6)
                    #expect(Set(s.openSites.map { stores[$0] }) == Set(sites))
                }
            }
        }
    }

    static let orlibOptima: [Int: Double] = {
        let text = (try? Fixture.text("orlib/pmedopt.txt")) ?? ""
        return ORLibrary.parseOptima(text)
    }()

    @Test(arguments: 1...5)
    func orLibraryHeuristic(instance k: Int) throws {
        let problem = try ORLibrary.parsePMedian(try Fixture.text("orlib/pmed\(k).txt"))
        let s = try problem.solve(options: SolveOptions(method: .heuristic, seed: 1))
        #expect(s.objective == Self.orlibOptima[k])
    }

    @Test(arguments: [1, 4, 5])
    func orLibraryExact(instance k: Int) throws {
        let problem = try ORLibrary.parsePMedian(try Fixture.text("orlib/pmed\(k).txt"))
        let s = try problem.solve(options: SolveOptions(method: .exact, seed: 1))
        #expect(s.objective == Self.orlibOptima[k])
        #expect(s.provenOptimal && s.bound == s.objective && s.gap == 0)
    }

    @Test func orLibraryHeader() throws {
        let problem = try ORLibrary.parsePMedian(try Fixture.text("orlib/pmed1.txt"))
        #expect(problem.costs.demandCount == 100 && problem.costs.candidateCount == 100 && problem.p == 5)
        #expect(Self.orlibOptima.count == 40 && Self.orlibOptima[1] == 5819)
    }

    @Test func lastRepeatedEdgeWins() throws {
        // edge 1–2 appears twice: 5 then 9; the last one counts, so d(1,2) = min(9, 3 + 4) = 7
        let text = "3 4 1\n1 2 5\n2 3 4\n1 3 3\n1 2 9\n"
        let problem = try ORLibrary.parsePMedian(text)
        #expect(problem.costs.cost(0, 1) == 7)
        #expect(problem.costs.cost(1, 0) == 7)
        #expect(problem.costs.cost(0, 2) == 3)
        let text2 = "3 2 1\n1 2 5\n1 2 2\n"
        let p2 = try ORLibrary.parsePMedian(text2)
        #expect(p2.costs.cost(0, 1) == 2)
        #expect(p2.costs.cost(0, 2) == nil)  // vertex 3 is isolated: unreachable, never a silent 0 or ∞
    }

    @Test func malformedORLibrary() {
        #expect(throws: LocationModelError.malformedORLibrary(line: 2)) { try ORLibrary.parsePMedian("3 1 1\n1 x 2\n") }
        #expect(throws: LocationModelError.self) { try ORLibrary.parsePMedian("3 2 1\n1 2 3\n") }
        #expect(throws: LocationModelError.malformedORLibrary(line: 2)) { try ORLibrary.parsePMedian("3 1 1\n1 7 2\n") }
    }
}
