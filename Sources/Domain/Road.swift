import Foundation
public import Localization

/// The road classes the network knows, each with the values a file may give for it (Chinese
/// administrative and technical grades, OpenStreetMap `highway` values).
public enum RoadClassKey: String, Sendable, Codable, CaseIterable {
    case expressway, national, provincial, county, township, village, urban, footpath, ferry, closed

    /// The class's name.
    public var label: Localized {
        switch self {
        case .expressway: L10n.message(.roadExpressway)
        case .national: L10n.message(.roadNational)
        case .provincial: L10n.message(.roadProvincial)
        case .county: L10n.message(.roadCounty)
        case .township: L10n.message(.roadTownship)
        case .village: L10n.message(.roadVillage)
        case .urban: L10n.message(.roadUrban)
        case .footpath: L10n.message(.roadFootpath)
        case .ferry: L10n.message(.roadFerry)
        case .closed: L10n.message(.roadClosed)
        }
    }

    /// Values of a class attribute that mean this class (compared without case; an OSM `_link`
    /// suffix is ignored).
    public var aliases: [String] {
        switch self {
        case .expressway: ["高速公路", "高速", "motorway", "expressway"]  // vocabulary
        case .national: ["国道", "一级公路", "trunk", "national"]  // vocabulary
        case .provincial: ["省道", "二级公路", "primary", "provincial"]  // vocabulary
        case .county: ["县道", "三级公路", "secondary", "county"]  // vocabulary
        case .township: ["乡道", "四级公路", "tertiary", "township"]  // vocabulary
        case .village: ["村道", "等外公路", "unclassified", "track", "village"]  // vocabulary
        case .urban: ["城市道路", "街道", "主干路", "次干路", "支路", "residential", "living_street", "service", "road", "urban"]  // vocabulary
        case .footpath: ["步行道", "人行道", "footway", "path", "pedestrian", "steps", "cycleway", "footpath"]  // vocabulary
        case .ferry: ["轮渡", "渡口", "ferry"]  // vocabulary
        case .closed: ["封闭", "在建", "construction", "proposed", "abandoned", "closed"]  // vocabulary
        }
    }

    /// The class a file's value names, nil when none does.
    public init?(fileValue: String) {
        var v = fileValue.trimmingCharacters(in: .whitespaces).lowercased()
        if v.hasSuffix("_link") { v.removeLast(5) }
        guard let key = RoadClassKey.allCases.first(where: { $0.aliases.contains(v) || $0.rawValue == v }) else { return nil }
        self = key
    }
}

/// A road class's travel speed, stored and editable; a class marked `excluded` is left out of the
/// network (ferries, closed roads).
public struct RoadClass: Sendable, Hashable, Codable {
    public var key: RoadClassKey
    public var kilometresPerHour: Double
    public var excluded: Bool
    /// Where the speed comes from, as shown beside it.
    public var source: String

    public init(key: RoadClassKey, kilometresPerHour: Double, excluded: Bool, source: String) {
        self.key = key
        self.kilometresPerHour = kilometresPerHour
        self.excluded = excluded
        self.source = source
    }

    /// The speeds a new register starts with: design speeds of 公路工程技术标准 JTG B01-2014 §3.5
    /// for the technical grade each administrative class is usually built to, and of 城市道路工程
    /// 设计规范 CJJ 37-2012 for a 支路; a design speed is an upper bound of travel speed, so these
    /// are assumptions for the county to confirm.
    public static let defaults: [RoadClass] = [
        RoadClass(key: .expressway, kilometresPerHour: 100, excluded: false, source: "JTG B01-2014 高速公路 100 km/h"),  // data
        RoadClass(key: .national, kilometresPerHour: 80, excluded: false, source: "JTG B01-2014 一级/二级公路 80 km/h"),  // data
        RoadClass(key: .provincial, kilometresPerHour: 60, excluded: false, source: "JTG B01-2014 二级公路 60 km/h"),  // data
        RoadClass(key: .county, kilometresPerHour: 40, excluded: false, source: "JTG B01-2014 三级公路 40 km/h"),  // data
        RoadClass(key: .township, kilometresPerHour: 30, excluded: false, source: "JTG B01-2014 四级公路 30 km/h"),  // data
        RoadClass(key: .village, kilometresPerHour: 20, excluded: false, source: "JTG B01-2014 四级公路 20 km/h"),  // data
        RoadClass(key: .urban, kilometresPerHour: 30, excluded: false, source: "CJJ 37-2012 支路 30 km/h"),  // data
        RoadClass(key: .footpath, kilometresPerHour: walkingKilometresPerHour, excluded: false, source: walkingSource),
        RoadClass(key: .ferry, kilometresPerHour: 10, excluded: true, source: ""),
        RoadClass(key: .closed, kilometresPerHour: 10, excluded: true, source: ""),
    ]

    /// The speed on footpaths in a new register: that of the walking-speed norm
    /// (`travel.walk_speed_kmh`, 4 km/h, itself an assumption), shown as such.
    public static let walkingKilometresPerHour = 4.0
    static let walkingSource = "假设 assumption: 4 km/h, as travel.walk_speed_kmh"  // vocabulary
}

/// The attributes a road file names its class and direction in, in order of preference.
public enum RoadFields {
    /// Class: Chinese grade columns, then OpenStreetMap / Geofabrik names.
    public static let roadClass = ["道路等级", "等级", "行政等级", "技术等级", "DLDJ", "DJ", "fclass", "highway", "class", "CLASS", "type"]  // vocabulary
    /// One-way: yes/1/true/是 and Geofabrik's F along the line's order, -1 and Geofabrik's T
    /// against it, anything else (B, no, empty) both ways.
    public static let oneWay = ["oneway", "ONEWAY", "单行", "单向", "是否单行"]  // vocabulary

    /// How a one-way value reads: nil for two-way.
    public static func oneWay(_ value: String?) -> Bool? {
        switch value?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "1", "true", "y", "是", "f", "forward": true  // vocabulary
        case "-1", "t", "reverse", "backward", "反向": false  // vocabulary
        default: nil
        }
    }
}

/// The road network in the register: the file it came from and what it holds. One network is
/// kept; a new import replaces it whole.
public struct StoredRoadNetwork: Sendable, Hashable {
    public var sourceFile: String
    public var sourceFormat: String
    public var sourceCRS: Int
    /// The county's working system (EPSG), in which the lines are stored.
    public var workingCRS: Int
    public var featureCount: Int
    public var lengthM: Double
    /// Snapping tolerance in metres used to join line ends.
    public var toleranceM: Double
    /// The network is illustrative (示意), e.g. the demo's.
    public var illustrative: Bool
    public var importedAt: String
    public var actor: String?

    public init(
        sourceFile: String, sourceFormat: String, sourceCRS: Int, workingCRS: Int, featureCount: Int, lengthM: Double, toleranceM: Double,
        illustrative: Bool, importedAt: String = "", actor: String? = nil
    ) {
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.sourceCRS = sourceCRS
        self.workingCRS = workingCRS
        self.featureCount = featureCount
        self.lengthM = lengthM
        self.toleranceM = toleranceM
        self.illustrative = illustrative
        self.importedAt = importedAt
        self.actor = actor
    }
}

/// Which way a road may be travelled, relative to the order of its positions.
public enum RoadDirection: String, Sendable, Codable, CaseIterable {
    case both, forward, backward
}

/// One road line of the stored network, in the working system.
public struct RoadFeature: Sendable, Hashable {
    /// The feature's number in its file (from 1).
    public var number: Int
    public var name: String?
    public var roadClass: RoadClassKey
    public var direction: RoadDirection
    public var lengthM: Double
    /// 2D well-known binary, a line string or multi line string.
    public var geometry: [UInt8]

    public init(number: Int, name: String?, roadClass: RoadClassKey, direction: RoadDirection, lengthM: Double, geometry: [UInt8]) {
        self.number = number
        self.name = name
        self.roadClass = roadClass
        self.direction = direction
        self.lengthM = lengthM
        self.geometry = geometry
    }
}

/// What a travel search minimises.
public enum TravelMeasure: String, Sendable, Codable, CaseIterable {
    case distance, time
}
