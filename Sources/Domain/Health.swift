public import Foundation
public import Localization

/// The three tiers of the county's medical service.
public enum HealthFacilityKind: String, Sendable, Codable, CaseIterable {
    /// 县级医院 (县人民医院, 县中医院 …).
    case countyHospital = "county-hospital"
    /// 乡镇卫生院.
    case healthCenter = "health-center"
    /// 村卫生室.
    case clinic

    public var label: Localized {
        switch self {
        case .countyHospital: L10n.message(.healthCountyHospital)
        case .healthCenter: L10n.message(.healthCenter)
        case .clinic: L10n.message(.healthClinic)
        }
    }

    /// Reads a kind as a file or the command line writes it.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "county-hospital", "县级医院", "县医院", "县人民医院", "县中医院": self = .countyHospital  // vocabulary
        case "health-center", "乡镇卫生院", "卫生院", "中心卫生院": self = .healthCenter  // vocabulary
        case "clinic", "村卫生室", "卫生室", "卫生所": self = .clinic  // vocabulary
        default: return nil
        }
    }
}

/// The six things 县乡一体化 unifies under the 乡镇卫生院 (the seed's 六统一).
public enum UnificationItem: String, Sendable, Codable, CaseIterable {
    case administration, personnel, business, drugs, finance, performance

    public var label: Localized {
        switch self {
        case .administration: L10n.message(.unifyAdministration)
        case .personnel: L10n.message(.unifyPersonnel)
        case .business: L10n.message(.unifyBusiness)
        case .drugs: L10n.message(.unifyDrugs)
        case .finance: L10n.message(.unifyFinance)
        case .performance: L10n.message(.unifyPerformance)
        }
    }

    /// Reads an item by its key or its Chinese name (行政、人员、业务、药品器械、财务、绩效).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let item = UnificationItem(rawValue: t.lowercased()) ?? UnificationItem.allCases.first(where: { $0.label.zh == t }) else {
            return nil
        }
        self = item
    }
}

/// How far one item of 六统一 has gone at one 乡镇卫生院.
public enum UnificationStatus: String, Sendable, Codable, CaseIterable {
    case done
    case partial
    case notStarted = "not-started"

    public var label: Localized {
        switch self {
        case .done: L10n.message(.unifyDone)
        case .partial: L10n.message(.unifyPartial)
        case .notStarted: L10n.message(.unifyNotStarted)
        }
    }

    /// Reads a status by its key or its Chinese name (已统一、部分统一、未统一).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let status = UnificationStatus(rawValue: t.lowercased()) ?? UnificationStatus.allCases.first(where: { $0.label.zh == t })
        else {
            return nil
        }
        self = status
    }
}

/// A medical facility in the register: where it is, its staff by qualification, its beds, the
/// 医共体 / 医联体 it belongs to. Counts left empty are unknown, never 0.
public struct HealthFacility: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var kind: HealthFacilityKind
    /// The village (a 村卫生室), the township (a 乡镇卫生院) or the county (a hospital) it serves.
    public var divisionID: Division.ID
    public var longitude: Double?
    public var latitude: Double?
    /// 执业（助理）医师.
    public var doctors: Int?
    /// 乡村医生.
    public var villageDoctors: Int?
    /// 注册护士.
    public var nurses: Int?
    public var beds: Int?
    /// The 医共体 or 医联体 it belongs to, as named in the county.
    public var alliance: String?
    public var source: String?
    public var note: String?

    public init(
        id: Int64 = 0, name: String, kind: HealthFacilityKind, divisionID: Division.ID, longitude: Double? = nil, latitude: Double? = nil,
        doctors: Int? = nil, villageDoctors: Int? = nil, nurses: Int? = nil, beds: Int? = nil, alliance: String? = nil,
        source: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.divisionID = divisionID
        self.longitude = longitude
        self.latitude = latitude
        self.doctors = doctors
        self.villageDoctors = villageDoctors
        self.nurses = nurses
        self.beds = beds
        self.alliance = alliance
        self.source = source
        self.note = note
    }
}

/// One item of 六统一 at one 乡镇卫生院, with what shows it and when.
public struct Unification: Sendable, Hashable {
    public var facilityID: Int64
    public var item: UnificationItem
    public var status: UnificationStatus
    public var evidence: String?
    /// ISO date (yyyy-MM-dd).
    public var date: String?

    public init(facilityID: Int64, item: UnificationItem, status: UnificationStatus, evidence: String? = nil, date: String? = nil) {
        self.facilityID = facilityID
        self.item = item
        self.status = status
        self.evidence = evidence
        self.date = date
    }
}

/// Pupils living in a village, by stage (kindergarten, primary, junior) and, where known, by grade:
/// the demand where children live, not where they are enrolled.
public struct PupilCount: Sendable, Hashable {
    public var divisionID: Division.ID
    public var year: Int
    /// `.kindergarten`, `.primary` or `.junior`.
    public var level: SchoolLevel
    /// 1–6 for primary, 7–9 for junior; nil for the stage's total.
    public var grade: Int?
    public var pupils: Int
    public var source: String?

    public init(divisionID: Division.ID, year: Int, level: SchoolLevel, grade: Int?, pupils: Int, source: String?) {
        self.divisionID = divisionID
        self.year = year
        self.level = level
        self.grade = grade
        self.pupils = pupils
        self.source = source
    }

    /// The grades a stage has (none for kindergarten, whose years are not numbered here).
    public static func grades(of level: SchoolLevel) -> ClosedRange<Int>? {
        switch level {
        case .primary: 1...6
        case .junior: 7...9
        default: nil
        }
    }
}
