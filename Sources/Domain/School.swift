import Foundation

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

    /// The name the county writes in its tables.
    public var chineseName: String {
        switch self {
        case .kindergarten: "幼儿园"
        case .primary: "小学"
        case .junior: "初中"
        case .nineYear: "小初一体"
        case .senior: "高中"
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
        case "幼儿园", "幼", "kindergarten": self = .kindergarten
        case "小学", "完小", "完全小学", "教学点", "primary": self = .primary
        case "初中", "初级中学", "junior", "middle": self = .junior
        case "小初一体", "九年一贯制", "九年一贯", "九年制", "nine-year", "nine_year", "nineyear": self = .nineYear
        case "高中", "高级中学", "senior", "high": self = .senior
        default: return nil
        }
    }
}

/// One school in the register, with the figures of one data year.
public struct School: Hashable, Sendable, Codable {
    /// Row identifier in the store; nil before it is saved.
    public var id: Int64?
    /// The township-level division the school reports under.
    public var townshipID: Int64
    /// The village-level division the school stands in, when known.
    public var villageID: Int64?
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
        id: Int64? = nil, townshipID: Int64, villageID: Int64? = nil, name: String, level: SchoolLevel,
        students: Int?, staff: Int?, landMu: Double?, classes: Int? = nil, dataYear: Int? = nil,
        source: String? = nil, note: String? = nil
    ) {
        self.id = id
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

/// Area units used in the county's tables.
public enum AreaUnits {
    /// Square metres in one 亩 (1 亩 = 10000/15 m²), rounded as the issue and county tables do.
    public static let squareMetresPerMu = 666.67
}
