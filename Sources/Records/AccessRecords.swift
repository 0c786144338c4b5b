public import Analysis
public import Domain
import Localization
public import Services

/// One village's access, as `access report --format json` and the API give it.
public struct VillageAccessRecord: Encodable, Sendable {
    public var village: String
    public var township: String
    @Nullable public var population: Int?
    @Nullable public var facility: String?
    /// Null when unreachable.
    @Nullable public var meters: Double?
    @Nullable public var minutes: Double?
    @Nullable public var withinThreshold: Bool?
    public var illustrativePosition: Bool
    public var longitude: Double
    public var latitude: Double

    public init(_ v: VillageAccess) {
        village = v.village
        township = v.township
        population = v.population
        facility = v.facility
        meters = Records.rounded(v.meters)
        minutes = Records.rounded(v.minutes)
        withinThreshold = v.withinThreshold
        illustrativePosition = v.illustrativePosition
        longitude = v.longitude
        latitude = v.latitude
    }
}

/// A township's (or the county's) share of people within the threshold.
public struct TownshipAccessRecord: Encodable, Sendable {
    public var township: String
    public var villages: Int
    public var villagesWithin: Int
    @Nullable public var population: Int?
    @Nullable public var populationWithin: Int?
    @Nullable public var shareWithin: Double?
    @Nullable public var meanMinutes: Double?
    @Nullable public var maxMinutes: Double?
    public var unreachable: Int

    public init(_ t: TownshipAccess) {
        township = t.township
        villages = t.villages
        villagesWithin = t.villagesWithin
        population = t.population
        populationWithin = t.populationWithin
        shareWithin = t.shareWithin.map { ($0 * 1_000_000).rounded() / 1_000_000 }
        meanMinutes = Records.rounded(t.meanMinutes)
        maxMinutes = Records.rounded(t.maxMinutes)
        unreachable = t.unreachable
    }
}

/// The access report.
public struct AccessRecord: Encodable, Sendable {
    public var service: String
    public var serviceName: String
    public var thresholdMinutes: Double
    public var thresholdSource: String
    public var thresholdIsAssumption: Bool
    /// Where distances come from: `network` or `straight-line`.
    public var basis: String
    public var illustrativeNetwork: Bool
    /// When set, `population` fields hold the pupils of the stage living in each village, counted that year.
    @Nullable public var pupilYear: Int?
    public var townships: [TownshipAccessRecord]
    public var county: TownshipAccessRecord
    @Nullable public var gini: Double?
    @Nullable public var theil: Double?
    @Nullable public var theilBetween: Double?
    @Nullable public var theilWithin: Double?
    public var villages: [VillageAccessRecord]
    public var notes: [String]
    public var notesEn: [String]

    public init(_ r: AccessReport) {
        service = r.service.rawValue
        serviceName = r.service.label.zh
        thresholdMinutes = r.thresholdMinutes
        thresholdSource = r.thresholdSource
        thresholdIsAssumption = r.thresholdIsAssumption
        basis = r.network == nil ? "straight-line" : "network"
        illustrativeNetwork = r.network?.illustrative ?? false
        pupilYear = r.pupilYear
        townships = r.townships.map(TownshipAccessRecord.init)
        county = TownshipAccessRecord(r.county)
        gini = r.equity.map(\.gini)
        theil = r.equity.map(\.theil)
        theilBetween = r.equity.map(\.theilBetween)
        theilWithin = r.equity.map(\.theilWithin)
        villages = r.villages.map(VillageAccessRecord.init)
        notes = r.notes.map(\.zh)
        notesEn = r.notes.map(\.en)
    }
}

/// The road network, as `GET /api/v1/roads` gives it.
public struct RoadNetworkRecord: Encodable, Sendable {
    public struct Class: Encodable, Sendable {
        public var key: String
        public var name: String
        public var kmh: Double
        public var excluded: Bool
        public var source: String
        /// Lines of this class in the network (0 when none is stored).
        public var features: Int
        public var lengthKm: Double
    }

    /// False when no network is stored (distances are straight lines × a detour factor).
    public var stored: Bool
    @Nullable public var sourceFile: String?
    @Nullable public var workingCRS: Int?
    public var illustrative: Bool
    @Nullable public var importedAt: String?
    @Nullable public var nodes: Int?
    @Nullable public var edges: Int?
    /// Connected pieces, largest first (nodes in each).
    public var pieces: [Int]
    public var classes: [Class]

    public init(network: StoredRoadNetwork?, summary: NetworkSummary?, classes: [RoadClass]) {
        stored = network != nil
        sourceFile = network?.sourceFile
        workingCRS = network?.workingCRS
        illustrative = network?.illustrative ?? false
        importedAt = network?.importedAt
        nodes = summary?.nodes
        edges = summary?.edges
        pieces = summary?.componentSizes ?? []
        self.classes = classes.map { c in
            let use = summary?.byClass.first { $0.roadClass.key == c.key }
            return Class(
                key: c.key.rawValue, name: c.key.label.zh, kmh: c.kilometresPerHour, excluded: c.excluded, source: c.source,
                features: use?.features ?? 0, lengthKm: ((use?.lengthM ?? 0) / 10).rounded() / 100)
        }
    }
}
