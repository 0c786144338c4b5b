public import Domain
import Foundation
public import Localization

/// What the classifier knows about one village, each figure nil when no usable source gives it.
public struct VillageFacts: Sendable, Hashable {
    public var id: Division.ID
    public var code: String?
    public var name: String
    public var township: String
    /// The latest population: 常住人口 when known, else 户籍人口.
    public var population: Int?
    public var populationYear: Int?
    /// Whether `population` is 常住人口 (else 户籍人口).
    public var populationIsResident: Bool
    /// The earliest year's population of the same measure, when it is an earlier year.
    public var earliestPopulation: Int?
    public var earliestYear: Int?
    /// True when a figure is the sum of villages merged into this one (撤并前村庄合计).
    public var rolledUp: Bool
    public var heritage: HeritageDesignation?
    /// Straight-line distance to the county seat; nil unless both positions are real (surveyed or published).
    public var distanceToSeatKm: Double?
    /// Share (0–1) inside the urban development boundary; nil when it cannot be computed.
    public var urbanShare: Double?
    /// Share (0–1) in the ecological red line or a hazard zone; nil when it cannot be computed.
    public var constrainedShare: Double?

    public init(
        id: Division.ID, code: String?, name: String, township: String, population: Int? = nil, populationYear: Int? = nil,
        populationIsResident: Bool = true, earliestPopulation: Int? = nil, earliestYear: Int? = nil, rolledUp: Bool = false,
        heritage: HeritageDesignation? = nil, distanceToSeatKm: Double? = nil, urbanShare: Double? = nil, constrainedShare: Double? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.township = township
        self.population = population
        self.populationYear = populationYear
        self.populationIsResident = populationIsResident
        self.earliestPopulation = earliestPopulation
        self.earliestYear = earliestYear
        self.rolledUp = rolledUp
        self.heritage = heritage
        self.distanceToSeatKm = distanceToSeatKm
        self.urbanShare = urbanShare
        self.constrainedShare = constrainedShare
    }

    /// The fall in population since the earliest year, in percent (negative: growth); nil with one year only.
    public var declinePercent: Double? {
        guard let population, let earliestPopulation, earliestPopulation > 0, earliestYear != nil else { return nil }
        return 100 * Double(earliestPopulation - population) / Double(earliestPopulation)
    }
}

/// Which inputs exist for the whole county: a rule that needs an input the county lacks is not
/// applied to any village (and the report says so) rather than holding every village back.
public struct ClassificationInputs: Sendable, Hashable {
    /// A non-illustrative urban development boundary layer is stored.
    public var urbanBoundary: Bool
    /// A non-illustrative ecological red line layer is stored.
    public var redline: Bool
    /// A non-illustrative hazard layer is stored.
    public var hazard: Bool
    /// The county seat has a real position.
    public var countySeat: Bool

    public init(urbanBoundary: Bool, redline: Bool, hazard: Bool, countySeat: Bool) {
        self.urbanBoundary = urbanBoundary
        self.redline = redline
        self.hazard = hazard
        self.countySeat = countySeat
    }
}

/// A village's type with the reasons: the rule that decided and the values it read, or what was missing.
public struct VillageClassification: Sendable, Hashable {
    public var facts: VillageFacts
    public var type: VillageType
    /// The deciding rule (nil for 暂不分类).
    public var rule: VillageRule?
    /// Never empty.
    public var reasons: [Localized]
}

/// A rule not applied to any village, and why.
public struct SkippedVillageRule: Sendable, Hashable {
    public var rule: VillageRule
    public var reason: Localized
}

/// 村庄分类 by ordered rules, first match wins.
///
/// Rules are tried in their order; the first that holds decides the type. A rule that cannot be
/// judged for a village because a figure is missing (no population, no real position, heritage
/// not stated) stops the search: a later rule may not decide, because the missing figure might have
/// made the earlier one hold. Such a village is 暂不分类 and its reasons name what is missing —
/// the classifier never guesses. A rule whose input the whole county lacks (no urban development
/// boundary layer, only illustrative layers, no real county-seat position) is skipped for all
/// villages and reported once.
public enum VillageClassifier {
    enum Outcome {
        case holds([Localized])
        case fails
        case unknown(Localized)
    }

    /// The rules skipped for want of a county-wide input.
    public static func skipped(_ rules: [VillageRule], inputs: ClassificationInputs) -> [SkippedVillageRule] {
        rules.compactMap { rule in
            guard rule.enabled else { return nil }
            switch rule.condition {
            case .urbanBoundaryShare where !inputs.urbanBoundary:
                return SkippedVillageRule(rule: rule, reason: L10n.message(.ruleSkippedNoUrbanLayer))
            case .constrainedShare where !inputs.redline && !inputs.hazard:
                return SkippedVillageRule(rule: rule, reason: L10n.message(.ruleSkippedNoConstraintLayer))
            case .nearCountySeat where !inputs.countySeat:
                return SkippedVillageRule(rule: rule, reason: L10n.message(.ruleSkippedNoSeat))
            default: return nil
            }
        }
    }

    /// Rules applied with part of their input only (the red line without hazard zones, or the
    /// reverse): applied, and said so once.
    public static func limited(_ rules: [VillageRule], inputs: ClassificationInputs) -> [SkippedVillageRule] {
        rules.compactMap { rule in
            guard rule.enabled, rule.condition == .constrainedShare, inputs.redline != inputs.hazard else { return nil }
            return SkippedVillageRule(rule: rule, reason: L10n.message(inputs.redline ? .ruleLimitedNoHazard : .ruleLimitedNoRedline))
        }
    }

    /// Every village's type and reasons.
    public static func classify(_ villages: [VillageFacts], rules: [VillageRule], inputs: ClassificationInputs) -> [VillageClassification] {
        let skipped = Set(skipped(rules, inputs: inputs).map(\.rule.id))
        let active = rules.filter { $0.enabled && !skipped.contains($0.id) }.sorted { $0.position < $1.position }
        return villages.map { classify($0, rules: active) }
    }

    static func classify(_ v: VillageFacts, rules: [VillageRule]) -> VillageClassification {
        var missing: [Localized] = []
        for rule in rules {
            switch outcome(rule, v) {
            case .fails: continue
            case .unknown(let what):
                if !missing.contains(what) { missing.append(what) }
            case .holds(let values):
                if missing.isEmpty {
                    return VillageClassification(facts: v, type: rule.type, rule: rule, reasons: [rule.statement] + values)
                }
                // A later rule holds, but an earlier one could not be judged: still not decided.
                return VillageClassification(
                    facts: v, type: .unclassified, rule: nil,
                    reasons: missing + [L10n.message(.ruleHeldButEarlierUnknown, zh: [rule.statement.zh], en: [rule.statement.en])])
            }
        }
        return VillageClassification(
            facts: v, type: .unclassified, rule: nil, reasons: missing.isEmpty ? [L10n.message(.noRuleHeld)] : missing)
    }

    static func outcome(_ rule: VillageRule, _ v: VillageFacts) -> Outcome {
        let t = rule.threshold ?? 0
        func percent(_ share: Double) -> String { Format.number(100 * share, digits: 0) }
        switch rule.condition {
        case .urbanBoundaryShare:
            guard let share = v.urbanShare else { return .unknown(L10n.message(.missingVillagePosition)) }
            return share >= t ? .holds([L10n.message(.valueUrbanShare, percent(share))]) : .fails
        case .constrainedShare:
            guard let share = v.constrainedShare else { return .unknown(L10n.message(.missingVillagePosition)) }
            return share >= t ? .holds([L10n.message(.valueConstrainedShare, percent(share))]) : .fails
        case .nearCountySeat:
            guard let d = v.distanceToSeatKm else { return .unknown(L10n.message(.missingVillagePosition)) }
            return d <= t ? .holds([L10n.message(.valueSeatDistance, Format.number(d, digits: 1))]) : .fails
        case .heritage:
            guard let heritage = v.heritage else { return .unknown(L10n.message(.missingHeritage)) }
            return heritage.isDesignated ? .holds([heritage.label]) : .fails
        case .smallAndShrinking:
            guard let p = v.population else { return .unknown(L10n.message(.missingPopulation)) }
            if Double(p) >= t { return .fails }
            guard let decline = v.declinePercent, let y0 = v.earliestYear, let p0 = v.earliestPopulation else {
                return .unknown(L10n.message(.missingPopulationTrend))
            }
            guard decline >= (rule.secondThreshold ?? 0) else { return .fails }
            return .holds([
                population(v), L10n.message(.valueDecline, String(y0), String(p0), Format.number(decline, digits: 1)),
            ])
        case .largeVillage:
            guard let p = v.population else { return .unknown(L10n.message(.missingPopulation)) }
            return Double(p) >= t ? .holds([population(v)]) : .fails
        case .otherwise:
            guard v.population != nil else { return .unknown(L10n.message(.missingPopulation)) }
            return .holds([population(v)])
        }
    }

    /// 「常住人口 812（2024 年）」, with 含撤并前村庄 when rolled up.
    static func population(_ v: VillageFacts) -> Localized {
        let measure = v.populationIsResident ? L10n.message(.measureResident) : L10n.message(.measureRegistered)
        let year = v.populationYear.map(String.init) ?? "—"
        let value = L10n.message(
            .valuePopulation, zh: [measure.zh, String(v.population ?? 0), year], en: [measure.en, String(v.population ?? 0), year])
        guard v.rolledUp else { return value }
        return Localized(zh: value.zh + L10n.message(.rolledUpNote).zh, en: value.en + L10n.message(.rolledUpNote).en)
    }
}

/// A small, shrinking village that could merge into a 集聚提升类 village of its township nearby.
public struct MergeCandidate: Sendable, Hashable {
    public var village: VillageFacts
    public var target: VillageFacts
    /// Straight-line distance (km).
    public var straightKm: Double
    /// Estimated travel distance: straight line × detour factor (km), until a road network exists.
    public var travelKm: Double
    /// The detour factor used.
    public var detour: Double
}

/// 村组合并 candidates.
public enum MergeCandidates {
    /// Villages (not 特色保护类, not 集聚提升类) with population below `maxPopulation`, fallen by at
    /// least `minDecline` %, whose nearest central village — 集聚提升类 by the large-village rule,
    /// not merely as an "other village that remains" — in the same township is within `maxTravelKm`
    /// (straight line × `detour`). `distance` gives the straight-line km between two
    /// villages, nil when either has no real position.
    public static func find(
        _ classified: [VillageClassification], maxPopulation: Double, minDecline: Double, maxTravelKm: Double, detour: Double,
        distance: (Division.ID, Division.ID) -> Double?
    ) -> [MergeCandidate] {
        let hubs = classified.filter { $0.type == .gatherAndUpgrade && $0.rule?.condition == .largeVillage }
        return classified.compactMap { c -> MergeCandidate? in
            let v = c.facts
            guard c.type != .heritageProtection, c.type != .gatherAndUpgrade, let p = v.population, Double(p) < maxPopulation,
                let decline = v.declinePercent, decline >= minDecline
            else { return nil }
            let options = hubs.filter { $0.facts.township == v.township && $0.facts.id != v.id }.compactMap { hub -> MergeCandidate? in
                guard let d = distance(v.id, hub.facts.id) else { return nil }
                return MergeCandidate(village: v, target: hub.facts, straightKm: d, travelKm: d * detour, detour: detour)
            }
            guard let best = options.min(by: { $0.travelKm < $1.travelKm }), best.travelKm <= maxTravelKm else { return nil }
            return best
        }
    }
}
