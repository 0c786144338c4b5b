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

    /// Reads the cost table and, if given, the weight and capacity tables. The cost table is
    /// streamed (a 5,000 × 5,000 table is 25 million rows): each row leaves three numbers behind.
    /// Past `deadline` reading stops with a refusal, so a time limit covers the reading too.
    public static func read(
        costs: URL, weights: URL?, capacities: URL?, deadline: ContinuousClock.Instant? = nil
    ) throws -> LocationInput {
        var issues = IssueList(file: costs.lastPathComponent)
        var demands: [String] = []
        var candidates: [String] = []
        var demandIndex: [String: Int] = [:]
        var candidateIndex: [String: Int] = [:]
        // One entry per row: demand and candidate index, cost (NaN for unreachable).
        var entryDemand: [Int32] = []
        var entryCandidate: [Int32] = []
        var entryCost: [Double] = []
        var rows = 0
        let table = try HeaderedRows.stream(
            try TableSources.open(costs), matcher: matcher, required: [.demand, .candidate, .cost],
            requiredNames: Localized(zh: "demand、candidate、cost", en: "demand, candidate, cost")
        ) { table, r in
            rows += 1
            guard rows <= Limits.costMatrixCells else {
                throw UserError.rejected(file: costs.lastPathComponent, L10n.message(.costTableTooManyRows, Limits.costMatrixCells))
            }
            if rows % 65_536 == 0, let deadline, ContinuousClock.now > deadline {
                throw UserError(.invalid, L10n.message(.locationReadTimeLimit, costs.lastPathComponent, rows))
            }
            let d = r(.demand)
            let c = r(.candidate)
            let di = demandIndex[d] ?? demands.count
            if di == demands.count {
                demandIndex[d] = di
                demands.append(d)
            }
            let ci = candidateIndex[c] ?? candidates.count
            if ci == candidates.count {
                candidateIndex[c] = ci
                candidates.append(c)
            }
            guard demands.count * candidates.count <= Limits.costMatrixCells else {
                throw UserError.rejected(
                    file: costs.lastPathComponent,
                    L10n.message(.costMatrixTooLarge, demands.count, candidates.count, Limits.costMatrixCells))
            }
            let text = r(.cost)
            var cost = Double.nan
            if !unreachableWords.contains(text.lowercased()) {
                switch CellNumber.quantity(text, units: [], maximum: Limits.engineValue) {
                case .success(let v?): cost = v
                case .success(nil):
                    issues.append(table.issue(r.row, .cost, L10n.message(.requiredCellBlank)))
                    return
                case .failure(let p):
                    issues.append(table.issue(r.row, .cost, SchoolTableReader.problemMessage(p, text)))
                    return
                }
            }
            entryDemand.append(Int32(di))
            entryCandidate.append(Int32(ci))
            entryCost.append(cost)
        }
        issues.append(contentsOf: table.issues)
        var matrix = [Double?](repeating: nil, count: demands.count * candidates.count)
        for k in entryCost.indices where !entryCost[k].isNaN {
            matrix[Int(entryDemand[k]) * candidates.count + Int(entryCandidate[k])] = entryCost[k]
        }
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
