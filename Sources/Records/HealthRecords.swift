import Domain
import Localization
public import Services

/// A medical facility, as `health status --format json` and the API give it.
public struct HealthFacilityRecord: Encodable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var kindName: String
    public var township: String
    @Nullable public var village: String?
    @Nullable public var longitude: Double?
    @Nullable public var latitude: Double?
    /// The position is the village's or township's, not the facility's own.
    public var positionIsStandIn: Bool
    public var positionIllustrative: Bool
    @Nullable public var doctors: Int?
    @Nullable public var villageDoctors: Int?
    @Nullable public var nurses: Int?
    @Nullable public var beds: Int?
    @Nullable public var alliance: String?
    @Nullable public var source: String?

    public init(_ v: HealthFacilityView) {
        let f = v.facility
        id = f.id
        name = f.name
        kind = f.kind.rawValue
        kindName = f.kind.label.zh
        township = v.township
        village = v.village
        longitude = v.longitude
        latitude = v.latitude
        positionIsStandIn = v.positionIsStandIn
        positionIllustrative = v.positionIllustrative
        doctors = f.doctors
        villageDoctors = f.villageDoctors
        nurses = f.nurses
        beds = f.beds
        alliance = f.alliance
        source = f.source
    }
}

/// One item of 六统一.
public struct UnificationRecord: Encodable, Sendable {
    public var item: String
    public var itemName: String
    /// `done`, `partial`, `not-started`, or null when never recorded.
    @Nullable public var status: String?
    @Nullable public var evidence: String?
    @Nullable public var date: String?
}

/// A 乡镇卫生院 with its 六统一.
public struct HealthCenterRecord: Encodable, Sendable {
    public var facility: HealthFacilityRecord
    public var items: [UnificationRecord]
    public var unified: Int
    public var clinics: Int

    public init(_ c: HealthCenterStatus) {
        facility = HealthFacilityRecord(c.facility)
        items = UnificationItem.allCases.map { item in
            let u = c.items[item]
            return UnificationRecord(
                item: item.rawValue, itemName: item.label.zh, status: u?.status.rawValue, evidence: u?.evidence, date: u?.date)
        }
        unified = c.unified
        clinics = c.clinics
    }
}

/// The health status report.
public struct HealthStatusRecord: Encodable, Sendable {
    public struct Village: Encodable, Sendable {
        public var village: String
        public var township: String
        @Nullable public var population: Int?
    }

    public struct Alliance: Encodable, Sendable {
        public var code: String
        public var name: String
        public var status: String
        public var members: [String]
    }

    public var facilities: [HealthFacilityRecord]
    public var centers: [HealthCenterRecord]
    public var villagesWithoutClinic: [Village]
    public var townshipsWithoutCenter: [String]
    public var allianceTasks: [Alliance]

    public init(_ r: HealthStatusReport) {
        facilities = r.facilities.map(HealthFacilityRecord.init)
        centers = r.centers.map(HealthCenterRecord.init)
        villagesWithoutClinic = r.withoutClinic.map { Village(village: $0.village, township: $0.township, population: $0.population) }
        townshipsWithoutCenter = r.townshipsWithoutCenter
        allianceTasks = r.allianceTasks.map {
            Alliance(code: $0.task.code, name: $0.task.name, status: $0.task.status.rawValue, members: $0.members)
        }
    }
}
