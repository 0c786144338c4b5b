public import Analysis
public import Domain
public import Foundation
import Interchange
public import Localization
public import Reports
public import Store

/// One village's zoning.
public struct ZonedVillage: Sendable, Hashable {
    public var code: String?
    public var name: String
    public var township: String
    /// The criteria values (raw, before normalisation), in the report's criteria order.
    public var values: [Double]
    public var score: Double
    public var zone: AgriculturalZone
    /// Whether the village's zone changes under some ±10 % weight change.
    public var unstable: Bool
}

/// A village left out of zoning, and the criteria it lacks.
public struct UnzonedVillage: Sendable, Hashable {
    public var name: String
    public var township: String
    public var missing: [ZoningCriterionKey]
}

/// The outcome of agricultural functional zoning.
public struct ZoningReport: Sendable {
    /// The criteria used, with their normalised weights (sum 1).
    public var criteria: [(key: ZoningCriterionKey, weight: Double)]
    /// The AHP evaluation when the weights came from a comparison matrix.
    public var ahp: AHPResult?
    /// Criteria enabled but known for no village: dropped.
    public var dropped: [ZoningCriterionKey]
    public var villages: [ZonedVillage]
    public var unzoned: [UnzonedVillage]
    public var breaks: ZoneBreaks
    /// The share of zoned villages whose zone changes when any one weight moves by ±10 %.
    public var stability: ZoneStability?
    /// Whether the weights are the register's defaults (an assumption, shown as such).
    public var defaultWeights: Bool
    /// What the reader must know: dropped criteria and the renormalised weights.
    public var notes: [Localized] {
        guard !dropped.isEmpty else { return [] }
        let names = dropped.map(\.label)
        return [
            L10n.message(
                .zoningDropped, zh: [names.map(\.zh).joined(separator: "、")], en: [names.map(\.en).joined(separator: ", ")])
        ]
    }
}

/// Agricultural functional zoning (重点/优化/适度/保护发展区) by weighted multi-criteria evaluation
/// per village; weights stored and editable, or given as plain weights or an AHP matrix.
public struct ZoningService: Sendable {
    let store: RegisterStore
    /// Who changes the stored weights.
    public let principal: Principal

    /// The stored criteria and weights.
    public func criteria() throws -> [ZoningCriterion] { try store.read { try $0.zoningCriteria() } }

    /// Stores new weights (criteria not named are switched off); refuses an unknown key, a negative
    /// weight and weights that sum to zero.
    public func setWeights(_ weights: [ZoningCriterionKey: Double]) throws {
        guard weights.values.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.values.reduce(0, +) > 0 else {
            try principal.requireSomeWrite()
            throw UserError(.invalid, L10n.message(.badWeights))
        }
        let criteria = ZoningCriterionKey.allCases.map { key in
            ZoningCriterion(key: key, weight: weights[key] ?? 0, enabled: (weights[key] ?? 0) > 0)
        }
        try store.write(by: principal, .county(.agriculture)) { try $0.save(criteria) }
    }

    /// Weights from a file: plain weights or an AHP matrix (refused when CR > 0.1, with the ratio).
    public static func weights(from url: URL) throws -> (weights: [ZoningCriterionKey: Double], ahp: AHPResult?, breaks: ZoneBreaks) {
        let file = try ZoningWeightsFile.read(url)
        let breaks: ZoneBreaks = file.breaks.map(ZoneBreaks.fixed) ?? .quartiles
        func key(_ text: String) throws -> ZoningCriterionKey {
            guard let key = ZoningCriterionKey(rawValue: text) else {
                throw UserError(
                    .invalid, L10n.message(.unknownCriterion, text, ZoningCriterionKey.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            return key
        }
        if let t = file.breaks, t.count != 3 || !t.allSatisfy({ $0.isFinite && (0...1).contains($0) }) || !(t[0] > t[1] && t[1] > t[2]) {
            throw UserError(.invalid, L10n.message(.badBreaks, t.map { Format.number($0, digits: 3) }.joined(separator: ", ")))
        }
        if let plain = file.weights {
            var weights: [ZoningCriterionKey: Double] = [:]
            for (text, weight) in plain { weights[try key(text)] = weight }
            guard weights.values.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.values.contains(where: { $0 > 0 }) else {
                throw UserError(.invalid, L10n.message(.badWeights))
            }
            return (weights, nil, breaks)
        }
        guard let comparison = file.ahp, comparison.criteria.count == comparison.matrix.count else {
            throw UserError(.invalid, L10n.message(.ahpShape))
        }
        let keys = try comparison.criteria.map(key)
        if Set(keys).count != keys.count { throw UserError(.invalid, L10n.message(.ahpDuplicateCriterion)) }
        let result: AHPResult
        do {
            result = try AHP.consistentWeights(comparison.matrix)
        } catch {
            throw Self.userError(error)
        }
        return (Dictionary(uniqueKeysWithValues: zip(keys, result.weights)), result, breaks)
    }

    /// Zones every current village with the stored weights, or `weights` when given.
    public func run(weights given: [ZoningCriterionKey: Double]? = nil, ahp: AHPResult? = nil, breaks: ZoneBreaks = .quartiles) throws
        -> ZoningReport
    {
        let stored = try criteria()
        let weights = given ?? Dictionary(stored.filter(\.enabled).map { ($0.key, $0.weight) }, uniquingKeysWith: +)
        let defaults = given == nil && stored.map(\.weight) == ZoningCriterion.defaults.map(\.weight)
        let (facts, _, _) = try VillageService(store: store, principal: .reader).villageFacts()
        let attributes = try store.read { try $0.villageAttributes() }
        let byVillage = Dictionary(grouping: attributes, by: \.divisionID)
        let keys = ZoningCriterionKey.allCases.filter { (weights[$0] ?? 0) > 0 }
        let table: [(VillageFacts, [ZoningCriterionKey: Double])] = facts.map { f in (f, Self.values(f, byVillage[f.id] ?? [])) }
        let dropped = keys.filter { key in !table.contains { $0.1[key] != nil } }
        let used = keys.filter { !dropped.contains($0) }
        guard !used.isEmpty else {
            // Nothing to weigh: every village is a gap, nothing is zoned.
            return ZoningReport(
                criteria: [], ahp: ahp, dropped: dropped, villages: [],
                unzoned: table.map { UnzonedVillage(name: $0.0.name, township: $0.0.township, missing: keys) }, breaks: breaks,
                stability: nil,
                defaultWeights: defaults)
        }
        var unzoned: [UnzonedVillage] = []
        var kept: [(VillageFacts, [ZoningCriterionKey: Double])] = []
        for (f, values) in table {
            let missing = used.filter { values[$0] == nil }
            if missing.isEmpty {
                kept.append((f, values))
            } else {
                unzoned.append(UnzonedVillage(name: f.name, township: f.township, missing: missing))
            }
        }
        let criteria = used.map { WeightedCriterion(key: $0.rawValue, direction: $0.isCost ? .cost : .benefit, weight: weights[$0] ?? 0) }
        let matrix = kept.map { _, values in used.map { values[$0] ?? 0 } }
        let (result, stability) = try Self.evaluate(matrix, criteria, breaks)
        let unstable = Set(stability?.changedUnits ?? [])
        let villages = kept.enumerated().map { index, row in
            ZonedVillage(
                code: row.0.code, name: row.0.name, township: row.0.township, values: matrix[index], score: result.scores[index],
                zone: AgriculturalZone(rawValue: result.zones[index]) ?? .protect, unstable: unstable.contains(index))
        }
        return ZoningReport(
            criteria: zip(used, result.weights).map { (key: $0.0, weight: $0.1) }, ahp: ahp, dropped: dropped, villages: villages,
            unzoned: unzoned, breaks: breaks, stability: stability, defaultWeights: defaults)
    }

    /// The engine's evaluation and stability, its refusals in words.
    static func evaluate(_ matrix: [[Double]], _ criteria: [WeightedCriterion], _ breaks: ZoneBreaks) throws -> (
        MultiCriteriaResult, ZoneStability?
    ) {
        do {
            let result = try MultiCriteria.evaluate(matrix, criteria: criteria, breaks: breaks)
            let stability = matrix.isEmpty ? nil : try MultiCriteria.stability(matrix, criteria: criteria, breaks: breaks)
            return (result, stability)
        } catch {
            throw userError(error)
        }
    }

    /// A village's criteria values: each from the latest year that gives it, and each ratio from
    /// the latest year that gives both its parts (never a numerator of one year over a denominator
    /// of another); a value the figures do not give is absent.
    static func values(_ f: VillageFacts, _ rows: [VillageAttributes]) -> [ZoningCriterionKey: Double] {
        let newest = rows.sorted { $0.year > $1.year }
        func ratio(_ part: (VillageAttributes) -> Double?, _ whole: (VillageAttributes) -> Double?, scale: Double = 1) -> Double? {
            for row in newest {
                if let p = part(row), let w = whole(row), w > 0 { return min(1, p / (w * scale)) }
            }
            return nil
        }
        var values: [ZoningCriterionKey: Double] = [:]
        values[.farmlandShare] = ratio(\.farmlandMu, \.areaKm2, scale: 1_500)  // 1 km² = 1 500 亩
        values[.highStandardShare] = ratio(\.highStandardMu, \.farmlandMu)
        values[.irrigatedShare] = ratio(\.irrigatedMu, \.farmlandMu)
        values[.marketDistance] = newest.lazy.compactMap(\.marketKm).first
        if let share = f.constrainedShare { values[.constrainedShare] = share }
        if let population = f.population { values[.population] = Double(population) }
        return values
    }

    /// The engine's refusal in words.
    static func userError(_ error: MultiCriteriaError) -> UserError {
        switch error {
        case .inconsistent(let ratio, let limit):
            return UserError(.invalid, L10n.message(.ahpInconsistent, Format.number(ratio, digits: 3), Format.number(limit, digits: 2)))
        case .notReciprocal(let row, let column, let value, let mirror):
            return UserError(
                .invalid,
                L10n.message(
                    .ahpNotReciprocal, String(row + 1), String(column + 1), Format.number(value, digits: 4),
                    Format.number(mirror, digits: 4)))
        case .badJudgement(let row, let column, let value):
            return UserError(.invalid, L10n.message(.ahpBadJudgement, String(row + 1), String(column + 1), Format.number(value, digits: 4)))
        case .matrixNotSquare, .matrixTooLarge, .noCriteria: return UserError(.invalid, L10n.message(.ahpShape))
        case .badBreaks(let thresholds):
            return UserError(.invalid, L10n.message(.badBreaks, thresholds.map { Format.number($0, digits: 3) }.joined(separator: ", ")))
        default: return UserError(.invalid, L10n.message(.badWeights))
        }
    }
}

extension TableExport {
    /// Zoning: village, township, criteria values, score, zone, and whether ±10 % weights move it.
    public static func zoningTable(_ report: ZoningReport, _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = report.villages.map { v in
            [.text(v.code ?? ""), .text(v.name), .text(v.township)] + v.values.map { .number($0, digits: 3) } + [
                .number(v.score, digits: 3), .text(v.zone.label.text(language)), .text(v.unstable ? t(.uiYes) : t(.uiNo)),
            ]
        }
        return ExportTable(
            title: t(.zoningTitle),
            headers: [t(.colCode), t(.colName), t(.colTownship)] + report.criteria.map { $0.key.label.text(language) } + [
                t(.colScore), t(.colZone), t(.colUnstable),
            ], rows: rows)
    }
}
