/// Which stage of schooling a plan is for: primary and junior stages are planned separately.
public enum PlanningLevel: String, Sendable, Codable, CaseIterable {
    /// 小学阶段: 小学 and the primary part of 小初一体 schools.
    case primary
    /// 初中阶段: 初中 and the junior part of 小初一体 schools.
    case junior

    public var chineseName: String { self == .primary ? "小学阶段" : "初中阶段" }
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

    public var chineseName: String {
        switch self {
        case .pmedian: "p-中位（总路程最短）"
        case .cpmedian: "带容量 p-中位"
        case .mclp: "最大覆盖"
        case .lscp: "集合覆盖（最少学校）"
        case .pcenter: "p-中心（最远路程最短）"
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

    public init(name: String, longitude: Double, latitude: Double, capacity: Double? = nil) {
        self.name = name
        self.longitude = longitude
        self.latitude = latitude
        self.capacity = capacity
    }
}

/// The unit of journeys: kilometres (straight line × detour, or a km table) or minutes (a
/// travel-time table).
public enum CostUnit: String, Sendable, Codable, CaseIterable {
    case kilometres = "km"
    case minutes = "min"

    public var chineseName: String { self == .kilometres ? "公里" : "分钟" }
}

/// Everything a consolidation scenario is run with; stored with its result.
public struct ConsolidationOptions: Sendable, Codable, Hashable {
    public var model: PlanningModel
    public var level: PlanningLevel
    /// p: schools to keep (p-median, capacitated, MCLP, p-center).
    public var schoolsToKeep: Int?
    /// Service radius in `unit` (MCLP, LSCP).
    public var radius: Double?
    /// Schools that must stay open, by name.
    public var mustStayOpen: [String]
    /// Schools that may not be chosen, by name.
    public var mayNotBeChosen: [String]
    /// Grades 1–3 walk; beyond this (in `unit`) they would need transport (30 min ≈ 2 km on foot).
    public var maxWalk: Double
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
        mustStayOpen: [String] = [], mayNotBeChosen: [String] = [], maxWalk: Double = 2, unit: CostUnit = .kilometres, detourFactor: Double = 1.3,
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
