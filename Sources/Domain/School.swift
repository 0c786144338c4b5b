import Foundation
public import Localization

/// The school levels of the county's school table (规模).
public enum SchoolLevel: String, Sendable, Codable, CaseIterable {
    /// 幼儿园
    case kindergarten
    /// 小学
    case primary
    /// 初中
    case junior
    /// 小初一体 (nine-year school, 九年一贯制)
    case nineYear
    /// 高中
    case senior

    /// The level's name; its Chinese is the word the county writes in its tables.
    public var label: Localized {
        switch self {
        case .kindergarten: L10n.message(.levelKindergarten)
        case .primary: L10n.message(.levelPrimary)
        case .junior: L10n.message(.levelJunior)
        case .nineYear: L10n.message(.levelNineYear)
        case .senior: L10n.message(.levelSenior)
        }
    }

    /// Reads a level from the county's wording or English.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let level = SchoolLevel(rawValue: t) {
            self = level
            return
        }
        switch t {
        case "幼儿园", "幼", "kindergarten": self = .kindergarten  // vocabulary
        case "小学", "完小", "完全小学", "教学点", "primary": self = .primary  // vocabulary
        case "初中", "初级中学", "junior", "middle": self = .junior  // vocabulary
        case "小初一体", "九年一贯制", "九年一贯", "九年制", "nine-year", "nine_year", "nineyear": self = .nineYear  // vocabulary
        case "高中", "高级中学", "senior", "high": self = .senior  // vocabulary
        default: return nil
        }
    }
}

/// One school in the register, with the figures of one data year. Stored schools are
/// `Stored<School>`, which adds their `School.ID`.
public struct School: Hashable, Sendable {
    /// The store's identifier of a school.
    public typealias ID = EntityID<School>

    /// The township-level division the school reports under.
    public var townshipID: Division.ID
    /// The village-level division the school stands in, when known.
    public var villageID: Division.ID?
    public var name: String
    public var level: SchoolLevel
    /// 在校人数; nil when not reported.
    public var students: Int?
    /// 教职人数; nil when not reported.
    public var staff: Int?
    /// 占地面积 in 亩; nil when not reported.
    public var landMu: Double?
    /// Number of classes (班级数), when known.
    public var classes: Int?
    /// The year the figures describe, when known.
    public var dataYear: Int?
    /// Where the figures come from.
    public var source: String?
    /// Remarks kept from the source, e.g. the bracketed 岭底片区.
    public var note: String?

    public init(
        townshipID: Division.ID, villageID: Division.ID? = nil, name: String, level: SchoolLevel,
        students: Int?, staff: Int?, landMu: Double?, classes: Int? = nil, dataYear: Int? = nil,
        source: String? = nil, note: String? = nil
    ) {
        self.townshipID = townshipID
        self.villageID = villageID
        self.name = name
        self.level = level
        self.students = students
        self.staff = staff
        self.landMu = landMu
        self.classes = classes
        self.dataYear = dataYear
        self.source = source
        self.note = note
    }
}

/// The largest figures an import accepts: far above any real county, far below what makes sums
/// overflow or allocations explode. A value above one is refused with the limit named.
public enum Limits {
    public static let studentsPerSchool = 100_000
    public static let staffPerSchool = 20_000
    public static let classesPerSchool = 5_000
    /// 亩 (100,000 亩 ≈ 67 km²).
    public static let landMuPerSchool = 100_000.0
    public static let populationPerDivision = 50_000_000
    /// A journey in kilometres or minutes.
    public static let journey = 100_000.0
    /// A cost, weight or capacity given to the location engine.
    public static let engineValue = 1e12
    /// Cells of a dense cost matrix built from a sparse table (demand points × candidate sites).
    public static let costMatrixCells = 25_000_000
}

/// Area units used in the county's tables.
public enum AreaUnits {
    /// Square metres in one 亩 (1 亩 = 10000/15 m²), rounded as the issue and county tables do.
    public static let squareMetresPerMu = 666.67
}
