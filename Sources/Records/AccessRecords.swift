public import Analysis
import Domain
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
    public var population: Int
    public var populationWithin: Int
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
