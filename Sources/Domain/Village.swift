import Foundation
public import Localization

/// The five types of 村庄分类 (中央农办等《关于统筹推进村庄规划工作的意见》, 2019).
public enum VillageType: String, Sendable, Codable, CaseIterable {
    /// 集聚提升类: larger central villages and the other villages that will remain.
    case gatherAndUpgrade = "gather-upgrade"
    /// 城郊融合类: villages in or next to the urban area.
    case suburban
    /// 特色保护类: traditional villages, historic and cultural villages, special features.
    case heritageProtection = "heritage-protection"
    /// 搬迁撤并类: villages to be relocated or merged (constraints, shrinking population).
    case relocateMerge = "relocate-merge"
    /// 暂不分类: the data do not allow a type; never a guess.
    case unclassified

    /// The type's name: 集聚提升类 ….
    public var label: Localized {
        switch self {
        case .gatherAndUpgrade: L10n.message(.villageTypeGather)
        case .suburban: L10n.message(.villageTypeSuburban)
        case .heritageProtection: L10n.message(.villageTypeHeritage)
        case .relocateMerge: L10n.message(.villageTypeRelocate)
        case .unclassified: L10n.message(.villageTypeUnclassified)
        }
    }

    /// Reads the Chinese name or the code.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let type = VillageType(rawValue: t) {
            self = type
            return
        }
        guard let type = Self.allCases.first(where: { $0.label.zh == t || $0.label.zh.dropLast() == t }) else { return nil }
        self = type
    }
}

/// A village's designation as heritage (传统村落 / 历史文化名村).
public enum HeritageDesignation: String, Sendable, Codable, CaseIterable {
    /// On neither list.
    case none
    /// 中国传统村落 (or a provincial list).
    case traditional
    /// 历史文化名村.
    case historic
    /// Both.
    case both

    /// Whether the village is on a list at all.
    public var isDesignated: Bool { self != .none }

    /// The designation's name.
    public var label: Localized {
        switch self {
        case .none: L10n.message(.heritageNone)
        case .traditional: L10n.message(.heritageTraditional)
        case .historic: L10n.message(.heritageHistoric)
        case .both: L10n.message(.heritageBoth)
        }
    }

    /// Reads 否/无, 传统村落, 历史文化名村, 两者 (or the codes); blank is not a designation.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = HeritageDesignation(rawValue: t) {
            self = value
            return
        }
        switch t {
        case "否", "无", "no", "0": self = .none  // vocabulary
        case "传统村落", "中国传统村落", "省级传统村落": self = .traditional  // vocabulary
        case "历史文化名村", "名村": self = .historic  // vocabulary
        case "两者", "传统村落、历史文化名村", "传统村落;历史文化名村", "both": self = .both  // vocabulary
        default: return nil
        }
    }
}

/// One year's figures for one village (or community), as a township or the statistics office
/// reports them. What a source does not give stays nil.
public struct VillageAttributes: Hashable, Sendable {
    public var divisionID: Division.ID
    public var year: Int
    /// 户籍人口.
    public var registeredPopulation: Int?
    /// 常住人口.
    public var residentPopulation: Int?
    /// 户数.
    public var households: Int?
    /// Area in km².
    public var areaKm2: Double?
    /// nil: not stated.
    public var heritage: HeritageDesignation?
    /// 耕地面积 (亩).
    public var farmlandMu: Double?
    /// 高标准农田面积 (亩).
    public var highStandardMu: Double?
    /// 有效灌溉面积 (亩).
    public var irrigatedMu: Double?
    /// Distance to the nearest market town (km).
    public var marketKm: Double?
    public var source: String

    public init(
        divisionID: Division.ID, year: Int, registeredPopulation: Int? = nil, residentPopulation: Int? = nil, households: Int? = nil,
        areaKm2: Double? = nil, heritage: HeritageDesignation? = nil, farmlandMu: Double? = nil, highStandardMu: Double? = nil,
        irrigatedMu: Double? = nil, marketKm: Double? = nil, source: String
    ) {
        self.divisionID = divisionID
        self.year = year
        self.registeredPopulation = registeredPopulation
        self.residentPopulation = residentPopulation
        self.households = households
        self.areaKm2 = areaKm2
        self.heritage = heritage
        self.farmlandMu = farmlandMu
        self.highStandardMu = highStandardMu
        self.irrigatedMu = irrigatedMu
        self.marketKm = marketKm
        self.source = source
    }
}

/// What a classification rule tests. The thresholds a condition reads are its rule's
/// `threshold` (and `secondThreshold`).
public enum VillageCondition: String, Sendable, Codable, CaseIterable {
    /// Share of the village (its point, or its polygon) inside the urban development boundary ≥ threshold (0–1).
    case urbanBoundaryShare = "urban-boundary-share"
    /// Straight-line distance from the county seat ≤ threshold km.
    case nearCountySeat = "near-county-seat"
    /// On the 传统村落 or 历史文化名村 list.
    case heritage
    /// Share in the ecological red line or a hazard zone ≥ threshold (0–1).
    case constrainedShare = "constrained-share"
    /// Population < threshold and fallen by ≥ second threshold % between the earliest and latest year.
    case smallAndShrinking = "small-shrinking"
    /// Population ≥ threshold.
    case largeVillage = "large-village"
    /// Any village with population data (the national guidance's "other villages that remain").
    case otherwise

    /// Whether the condition reads a first / second threshold.
    public var thresholds: Int {
        switch self {
        case .heritage, .otherwise: 0
        case .smallAndShrinking: 2
        default: 1
        }
    }

    /// The largest value a threshold may take: 1 for a share, 100 for a percentage, the limits of
    /// a population and a distance otherwise.
    public func largestThreshold(_ index: Int) -> Double {
        switch self {
        case .urbanBoundaryShare, .constrainedShare: 1
        case .smallAndShrinking: index == 0 ? Double(Limits.populationPerDivision) : 100
        case .largeVillage: Double(Limits.populationPerDivision)
        case .nearCountySeat: 1_000
        case .heritage, .otherwise: 0
        }
    }

    /// What the condition says, with its thresholds: 「距县城 ≤ 5 km」.
    public func statement(_ threshold: Double?, _ second: Double?) -> Localized {
        let a = Format.number(threshold ?? 0, digits: 2)
        let b = Format.number(second ?? 0, digits: 1)
        switch self {
        case .urbanBoundaryShare: return L10n.message(.conditionUrbanBoundary, Format.number(100 * (threshold ?? 0), digits: 0))
        case .nearCountySeat: return L10n.message(.conditionNearSeat, a)
        case .heritage: return L10n.message(.conditionHeritage)
        case .constrainedShare: return L10n.message(.conditionConstrained, Format.number(100 * (threshold ?? 0), digits: 0))
        case .smallAndShrinking: return L10n.message(.conditionSmallShrinking, Format.number(threshold ?? 0, digits: 0), b)
        case .largeVillage: return L10n.message(.conditionLarge, Format.number(threshold ?? 0, digits: 0))
        case .otherwise: return L10n.message(.conditionOtherwise)
        }
    }
}

/// One ordered classification rule: when `condition` holds, the village is `type`.
public struct VillageRule: Hashable, Sendable {
    public var id: Int64
    /// 1, 2, 3 …: rules are tried in this order and the first that holds decides.
    public var position: Int
    public var condition: VillageCondition
    public var type: VillageType
    public var threshold: Double?
    public var secondThreshold: Double?
    public var enabled: Bool

    public init(
        id: Int64 = 0, position: Int, condition: VillageCondition, type: VillageType, threshold: Double? = nil,
        secondThreshold: Double? = nil, enabled: Bool = true
    ) {
        self.id = id
        self.position = position
        self.condition = condition
        self.type = type
        self.threshold = threshold
        self.secondThreshold = secondThreshold
        self.enabled = enabled
    }

    /// The rule as a sentence: 「规则 2：距县城 ≤ 5 km → 城郊融合类」.
    public var statement: Localized {
        let condition = condition.statement(threshold, secondThreshold)
        return L10n.message(
            .villageRuleStatement, zh: [String(position), condition.zh, type.label.zh], en: [String(position), condition.en, type.label.en])
    }

    /// The rules a new register starts with, in order (documented in docs/villages.md).
    public static let defaults: [VillageRule] = [
        VillageRule(position: 1, condition: .urbanBoundaryShare, type: .suburban, threshold: 0.5),
        VillageRule(position: 2, condition: .nearCountySeat, type: .suburban, threshold: 5),
        VillageRule(position: 3, condition: .heritage, type: .heritageProtection),
        VillageRule(position: 4, condition: .constrainedShare, type: .relocateMerge, threshold: 0.5),
        VillageRule(position: 5, condition: .smallAndShrinking, type: .relocateMerge, threshold: 300, secondThreshold: 10),
        VillageRule(position: 6, condition: .largeVillage, type: .gatherAndUpgrade, threshold: 1000),
        VillageRule(position: 7, condition: .otherwise, type: .gatherAndUpgrade),
    ]
}

extension VillageAttributes {
    /// Each village's people in the latest year that gives a figure: 常住人口, else 户籍人口.
    public static func latestPopulation(_ attributes: [VillageAttributes]) -> [Division.ID: Int] {
        var population: [Division.ID: Int] = [:]
        for a in attributes.sorted(by: { $0.year < $1.year }) {
            if let p = a.residentPopulation ?? a.registeredPopulation { population[a.divisionID] = p }
        }
        return population
    }
}
