public import Localization

/// The seed's four agricultural functional zones, best first.
public enum AgriculturalZone: Int, Sendable, Codable, CaseIterable {
    /// 重点发展区.
    case priority = 0
    /// 优化发展区.
    case optimise = 1
    /// 适度发展区.
    case moderate = 2
    /// 保护发展区.
    case protect = 3

    /// The zone's name.
    public var label: Localized {
        switch self {
        case .priority: L10n.message(.zonePriority)
        case .optimise: L10n.message(.zoneOptimise)
        case .moderate: L10n.message(.zoneModerate)
        case .protect: L10n.message(.zoneProtect)
        }
    }
}

/// The criteria agricultural zoning can weigh, each computed per village from its latest figures.
public enum ZoningCriterionKey: String, Sendable, Codable, CaseIterable {
    /// 耕地面积 ÷ 村域面积 (亩 → km²).
    case farmlandShare = "farmland-share"
    /// 高标准农田 ÷ 耕地.
    case highStandardShare = "high-standard-share"
    /// 有效灌溉面积 ÷ 耕地.
    case irrigatedShare = "irrigated-share"
    /// Distance to the nearest market town (km); less is better.
    case marketDistance = "market-km"
    /// Share in the ecological red line or a hazard zone; less is better.
    case constrainedShare = "constrained-share"
    /// 常住人口 (else 户籍人口).
    case population

    /// Whether less is better.
    public var isCost: Bool { self == .marketDistance || self == .constrainedShare }

    /// `benefit` or `cost`, as the schema stores it.
    public var direction: String { isCost ? "cost" : "benefit" }

    /// The criterion's name.
    public var label: Localized {
        switch self {
        case .farmlandShare: L10n.message(.criterionFarmland)
        case .highStandardShare: L10n.message(.criterionHighStandard)
        case .irrigatedShare: L10n.message(.criterionIrrigated)
        case .marketDistance: L10n.message(.criterionMarket)
        case .constrainedShare: L10n.message(.criterionConstrained)
        case .population: L10n.message(.criterionPopulation)
        }
    }
}

/// One weighted criterion of agricultural zoning.
public struct ZoningCriterion: Hashable, Sendable {
    public var key: ZoningCriterionKey
    /// Any non-negative scale; normalised to sum 1 when used.
    public var weight: Double
    public var enabled: Bool

    public init(key: ZoningCriterionKey, weight: Double, enabled: Bool = true) {
        self.key = key
        self.weight = weight
        self.enabled = enabled
    }

    /// The weights a new register starts with: an assumption for the county to change (shown as such).
    public static let defaults: [ZoningCriterion] = [
        ZoningCriterion(key: .farmlandShare, weight: 0.25), ZoningCriterion(key: .highStandardShare, weight: 0.2),
        ZoningCriterion(key: .irrigatedShare, weight: 0.2), ZoningCriterion(key: .marketDistance, weight: 0.15),
        ZoningCriterion(key: .constrainedShare, weight: 0.1), ZoningCriterion(key: .population, weight: 0.1),
    ]
}
