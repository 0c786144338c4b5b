import Domain
public import Foundation
import Localization

/// The inputs of a location model read from long CSV tables: costs `demand,candidate,cost`,
/// weights `demand,weight`, capacities `candidate,capacity`. A pair missing from the cost table,
/// or a cost written `inf`, `unreachable` or `不可达`, is unreachable — never a silent 0.
public struct LocationInput: Sendable {
    public var demandIDs: [String]
    public var candidateIDs: [String]
    /// Row-major, demand × candidate; nil marks an unreachable pair.
    public var costs: [Double?]
    public var weights: [Double]
    public var capacities: [Double]?
}

/// Reads `LocationInput` from CSV/XLSX tables.
public enum LocationInputReader {
    enum Column: String, CaseIterable, Sendable {
        case demand, candidate, cost, weight, capacity
    }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .demand: ["demand", "需求点", "from"], .candidate: ["candidate", "候选点", "to", "site"],  // vocabulary
        .cost: ["cost", "距离", "费用", "km", "minutes"], .weight: ["weight", "权重", "人数"], .capacity: ["capacity", "容量"],  // vocabulary
    ])

    static let unreachableWords: Set<String> = ["inf", "infinity", "unreachable", "不可达", "∞"]  // vocabulary

    /// Reads the cost table and, if given, the weight and capacity tables.
    public static func read(costs: URL, weights: URL?, capacities: URL?) throws -> LocationInput {
        let table = try HeaderedRows(
            try TableSources.open(costs), matcher: matcher, required: [.demand, .candidate, .cost],
            requiredNames: Localized(zh: "demand、candidate、cost", en: "demand, candidate, cost"))
        var issues = table.issues
        var demands: [String] = []
        var candidates: [String] = []
        var demandIndex: [String: Int] = [:]
        var candidateIndex: [String: Int] = [:]
        var entries: [(Int, Int, Double?)] = []
        for r in table.records {
            let d = r(.demand)
            let c = r(.candidate)
            if demandIndex[d] == nil {
                demandIndex[d] = demands.count
                demands.append(d)
            }
            if candidateIndex[c] == nil {
                candidateIndex[c] = candidates.count
                candidates.append(c)
            }
            let text = r(.cost)
            if unreachableWords.contains(text.lowercased()) {
                entries.append((demandIndex[d]!, candidateIndex[c]!, nil))
                continue
            }
            switch CellNumber.quantity(text, units: [], maximum: Limits.engineValue) {
            case .success(let v?): entries.append((demandIndex[d]!, candidateIndex[c]!, v))
            case .success(nil): issues.append(table.issue(r.row, .cost, L10n.message(.requiredCellBlank)))
            case .failure(let p): issues.append(table.issue(r.row, .cost, SchoolTableReader.problemMessage(p, text)))
            }
        }
        guard demands.count * candidates.count <= Limits.costMatrixCells else {
            throw UserError.rejected(
                file: costs.lastPathComponent, L10n.message(.costMatrixTooLarge, demands.count, candidates.count, Limits.costMatrixCells))
        }
        var matrix = [Double?](repeating: nil, count: demands.count * candidates.count)
        for (i, j, v) in entries { matrix[i * candidates.count + j] = v }
        let weightValues = try weights.map { try values(of: $0, key: .demand, value: .weight, ids: demandIndex, issues: &issues) }
        let capacityValues = try capacities.map {
            try values(of: $0, key: .candidate, value: .capacity, ids: candidateIndex, issues: &issues)
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return LocationInput(
            demandIDs: demands, candidateIDs: candidates, costs: matrix,
            weights: weightValues ?? Array(repeating: 1, count: demands.count), capacities: capacityValues)
    }

    /// A value per id from a two-column table; ids missing from the table are an error.
    static func values(
        of url: URL, key: Column, value: Column, ids: [String: Int], issues: inout IssueList
    ) throws -> [Double] {
        let table = try HeaderedRows(
            try TableSources.open(url), matcher: matcher, required: [key, value],
            requiredNames: Localized(zh: "\(key.rawValue)、\(value.rawValue)", en: "\(key.rawValue), \(value.rawValue)"))
        issues.append(contentsOf: table.issues)
        var result = [Double?](repeating: nil, count: ids.count)
        for r in table.records {
            guard let index = ids[r(key)] else {
                issues.append(table.issue(r.row, key, L10n.message(.locationUnknownID, r(key))))
                continue
            }
            switch CellNumber.quantity(r(value), units: [], maximum: Limits.engineValue) {
            case .success(let v?): result[index] = v
            case .success(nil): issues.append(table.issue(r.row, value, L10n.message(.requiredCellBlank)))
            case .failure(let p): issues.append(table.issue(r.row, value, SchoolTableReader.problemMessage(p, r(value))))
            }
        }
        for (id, index) in ids where result[index] == nil {
            issues.append(
                ImportIssue(
                    file: url.lastPathComponent, columnName: value.rawValue,
                    message: L10n.message(.locationMissingValue, id, value.rawValue)))
        }
        return result.map { $0 ?? 0 }
    }
}
