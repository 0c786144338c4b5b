public import Foundation
import Interchange
public import Localization
public import LocationModels
import Planning

/// A location problem read from files: the cost matrix with the ids of its rows and columns,
/// the demand weights and the capacities (when given).
public struct CostTables: Sendable {
    public var demandIDs: [String]
    public var candidateIDs: [String]
    public var matrix: CostMatrix
    public var weights: [Double]
    public var capacities: [Double]?
}

/// Reads the location engine's inputs from files for `chengxiang solve`; every refusal names the
/// file and, for the engine's own checks, the ids involved.
public enum EngineInputs {
    /// Long tables: costs `demand,candidate,cost`, weights `demand,weight`, capacities `candidate,capacity`.
    /// Reading stops with a refusal past `deadline`.
    public static func costTables(
        costs: URL, weights: URL?, capacities: URL?, deadline: ContinuousClock.Instant? = nil
    ) throws -> CostTables {
        let input = try LocationInputReader.read(costs: costs, weights: weights, capacities: capacities, deadline: deadline)
        do {
            let matrix = try CostMatrix(demandCount: input.demandIDs.count, candidateCount: input.candidateIDs.count, costs: input.costs)
            return CostTables(
                demandIDs: input.demandIDs, candidateIDs: input.candidateIDs, matrix: matrix, weights: input.weights,
                capacities: input.capacities)
        } catch {
            throw UserError.rejected(
                file: costs.lastPathComponent, message(error, demandIDs: input.demandIDs, candidateIDs: input.candidateIDs))
        }
    }

    /// An OR-Library p-median instance (pmed1 … pmed40).
    public static func orLibrary(_ url: URL) throws -> PMedianProblem {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw UserError(.missingInput, L10n.message(.fileUnreadable, url.path))
        }
        do {
            return try ORLibrary.parsePMedian(text)
        } catch {
            throw UserError.rejected(file: url.lastPathComponent, message(error, demandIDs: [], candidateIDs: []))
        }
    }

    /// An engine error in words, naming the ids of the rows and columns (1-based numbers when none).
    public static func message(_ error: LocationModelError, demandIDs: [String], candidateIDs: [String]) -> Localized {
        EngineMessages.message(
            error, demand: { $0 < demandIDs.count ? demandIDs[$0] : String($0 + 1) },
            candidate: { $0 < candidateIDs.count ? candidateIDs[$0] : String($0 + 1) })
    }
}
