public import Domain
public import Localization

/// Which stage of schooling a plan is for: primary and junior stages are planned separately.
public enum PlanningLevel: String, Sendable, Codable, CaseIterable {
    /// 小学阶段: 小学 and the primary part of 小初一体 schools.
    case primary
    /// 初中阶段: 初中 and the junior part of 小初一体 schools.
    case junior

    /// The stage's name.
    public var label: Localized { L10n.message(self == .primary ? .stagePrimary : .stageJunior) }
}

/// The location model a scenario uses.
public enum PlanningModel: String, Sendable, Codable, CaseIterable {
    /// Keep p schools, minimising pupil-kilometres.
    case pmedian
    /// Keep p schools with seats enough for the pupils sent to each.
    case cpmedian
    /// Keep p schools covering as many pupils as possible within the radius.
    case mclp
    /// Keep the fewest schools that leave every pupil within the radius.
    case lscp
    /// Keep p schools, minimising the longest journey.
    case pcenter

    /// The model's name.
    public var label: Localized {
        switch self {
        case .pmedian: L10n.message(.modelPMedian)
        case .cpmedian: L10n.message(.modelCPMedian)
        case .mclp: L10n.message(.modelMCLP)
        case .lscp: L10n.message(.modelLSCP)
        case .pcenter: L10n.message(.modelPCenter)
        }
    }
}

/// How school capacity (seats) is estimated for the capacitated model.
public enum CapacityRule: String, Sendable, Codable, CaseIterable {
    /// Classes × the class-size norm; where classes are unknown, current pupils × (1 + headroom).
    case classes
    /// Land in m² ÷ the land-per-pupil norm.
    case land
}

/// A school that could be built (e.g. a county-seat boarding school).
public struct NewSite: Sendable, Codable, Hashable {
    public var name: String
    public var longitude: Double
    public var latitude: Double
    /// Seats; nil means "as many as needed" (capacity constraints ignore it).
    public var capacity: Double?
    /// True when the position stands in for a site not yet chosen (示意), e.g. the
    /// county-government point for "a boarding school in the county seat".
    public var illustrative: Bool

    public init(name: String, longitude: Double, latitude: Double, capacity: Double? = nil, illustrative: Bool = false) {
        self.name = name
        self.longitude = longitude
        self.latitude = latitude
        self.capacity = capacity
        self.illustrative = illustrative
    }

    enum CodingKeys: String, CodingKey {
        case name, longitude, latitude, capacity, illustrative
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        longitude = try c.decode(Double.self, forKey: .longitude)
        latitude = try c.decode(Double.self, forKey: .latitude)
        capacity = try c.decodeIfPresent(Double.self, forKey: .capacity)
        illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
    }
}

/// A school or new site named in a scenario's options (kept open, or excluded).
public enum SiteReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An existing school.
    case school(School.ID)
    /// One of the scenario's new sites, by its name.
    case newSite(String)
    /// A school or site by name alone: how scenarios stored before ids were used name them.
    case named(String)

    /// The stored form: `school:12`, `new:城区寄宿制示范小学`, or a bare name.
    public var description: String {
        switch self {
        case .school(let id): "school:\(id)"
        case .newSite(let name): "new:\(name)"
        case .named(let name): name
        }
    }

    /// Reads the stored form back.
    public init(stored text: String) {
        if text.hasPrefix("school:"), let id = School.ID(text: String(text.dropFirst(7))) {
            self = .school(id)
        } else if text.hasPrefix("new:") {
            self = .newSite(String(text.dropFirst(4)))
        } else {
            self = .named(text)
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The unit of journeys: kilometres (straight line × detour, or a km table) or minutes (a
/// travel-time table).
public enum CostUnit: String, Sendable, Codable, CaseIterable {
    case kilometres = "km"
    case minutes = "min"

    /// The unit's name: 公里 / km, 分钟 / min.
    public var label: Localized { L10n.message(self == .kilometres ? .unitKilometres : .unitMinutes) }

    /// A quantity in this unit: "2 公里" / "2 km".
    public func quantity(_ value: Double, digits: Int = 1) -> Localized {
        let number = Format.number(value, digits: digits)
        return L10n.message(.quantityWithUnit, zh: [number, label.zh], en: [number, label.en])
    }
}

/// Everything a consolidation scenario is run with; stored with its result.
public struct ConsolidationOptions: Sendable, Codable, Hashable {
    public var model: PlanningModel
    public var level: PlanningLevel
    /// p: schools to keep (p-median, capacitated, MCLP, p-center).
    public var schoolsToKeep: Int?
    /// Service radius in `unit` (MCLP, LSCP).
    public var radius: Double?
    /// Schools (or new sites) that must stay open.
    public var mustStayOpen: [SiteReference]
    /// Schools (or new sites) that may not be chosen.
    public var mayNotBeChosen: [SiteReference]
    /// Grades 1–3 walk; beyond this (in `unit`) they would need transport. Nil: derived from the
    /// norms (the 30-minute journey at a child's walking speed); a result stores the value used.
    public var maxWalk: Double?
    /// The unit of journeys, radius and walking limit.
    public var unit: CostUnit
    /// Road distance ÷ straight-line distance, used when no distance table is given.
    public var detourFactor: Double
    public var capacityRule: CapacityRule
    /// Seats above current pupils assumed where classes are unknown (0.2 = 20 %).
    public var capacityHeadroom: Double
    public var newSites: [NewSite]
    /// Prove optimality (exact path) rather than use the fast heuristic.
    public var exact: Bool
    public var seed: UInt64
    public var timeLimitSeconds: Double?

    public init(
        model: PlanningModel = .pmedian, level: PlanningLevel = .primary, schoolsToKeep: Int? = nil, radius: Double? = nil,
        mustStayOpen: [SiteReference] = [], mayNotBeChosen: [SiteReference] = [], maxWalk: Double? = nil, unit: CostUnit = .kilometres,
        detourFactor: Double = 1.3,
        capacityRule: CapacityRule = .classes, capacityHeadroom: Double = 0.2, newSites: [NewSite] = [], exact: Bool = true,
        seed: UInt64 = 1, timeLimitSeconds: Double? = 30
    ) {
        self.model = model
        self.level = level
        self.schoolsToKeep = schoolsToKeep
        self.radius = radius
        self.mustStayOpen = mustStayOpen
        self.mayNotBeChosen = mayNotBeChosen
        self.maxWalk = maxWalk
        self.unit = unit
        self.detourFactor = detourFactor
        self.capacityRule = capacityRule
        self.capacityHeadroom = capacityHeadroom
        self.newSites = newSites
        self.exact = exact
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
    }
}
