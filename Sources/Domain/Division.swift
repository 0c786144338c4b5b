import Foundation
public import Localization

/// The kind of an administrative division, as the statistical code system names it.
public enum DivisionKind: String, Sendable, Codable, CaseIterable {
    case county
    /// 镇
    case town
    /// 乡
    case township
    /// 街道
    case subdistrict
    /// 行政村 (村民委员会)
    case village
    /// 社区 (居民委员会)
    case community

    /// The tier of the hierarchy county → township-level → village-level.
    public var tier: DivisionTier {
        switch self {
        case .county: .county
        case .town, .township, .subdistrict: .township
        case .village, .community: .village
        }
    }

    /// The kind's name.
    public var label: Localized {
        switch self {
        case .county: L10n.message(.kindCounty)
        case .town: L10n.message(.kindTown)
        case .township: L10n.message(.kindTownship)
        case .subdistrict: L10n.message(.kindSubdistrict)
        case .village: L10n.message(.kindVillage)
        case .community: L10n.message(.kindCommunity)
        }
    }

    /// Reads a kind from Chinese or English text (镇, 乡, 村委会, community …).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let kind = DivisionKind(rawValue: t) {
            self = kind
            return
        }
        switch t {
        case "县", "区", "县级市": self = .county  // vocabulary
        case "镇": self = .town  // vocabulary
        case "乡", "民族乡": self = .township  // vocabulary
        case "街道", "街道办事处": self = .subdistrict  // vocabulary
        case "村", "行政村", "村委会", "村民委员会": self = .village  // vocabulary
        case "社区", "居委会", "居民委员会": self = .community  // vocabulary
        default: return nil
        }
    }

    /// Guesses the kind from the ending of an official name (…镇, …乡, …村委会, …居委会).
    public static func inferred(fromName name: String) -> DivisionKind? {
        if name.hasSuffix("居委会") || name.hasSuffix("社区") || name.hasSuffix("居民委员会") { return .community }  // vocabulary
        if name.hasSuffix("村委会") || name.hasSuffix("村民委员会") || name.hasSuffix("村") { return .village }  // vocabulary
        if name.hasSuffix("街道") || name.hasSuffix("街道办事处") { return .subdistrict }  // vocabulary
        if name.hasSuffix("镇") { return .town }  // vocabulary
        if name.hasSuffix("乡") { return .township }  // vocabulary
        if name.hasSuffix("县") || name.hasSuffix("区") { return .county }  // vocabulary
        return nil
    }
}

/// The three tiers of the register: county, township-level unit, village-level unit.
public enum DivisionTier: Int, Sendable, Codable, Comparable {
    case county = 1
    case township = 2
    case village = 3

    /// The tier's name: 县, 乡镇, 村.
    public var label: Localized {
        switch self {
        case .county: L10n.message(.tierCounty)
        case .township: L10n.message(.tierTownship)
        case .village: L10n.message(.tierVillage)
        }
    }

    public static func < (lhs: DivisionTier, rhs: DivisionTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How much a stored position can be trusted.
public enum LocationQuality: String, Sendable, Codable, CaseIterable {
    /// Measured in the field or taken from a surveyor's file.
    case surveyed
    /// Taken from an official or published source that gives this very place's position.
    case published
    /// Published, but only roughly this place: a gazetteer point for a whole township (GeoNames
    /// ADM4), a neighbouring village's point, the county-government point used for a planned site.
    case approximate
    /// Made up by a documented procedure so the map has something to show (示意位置).
    case illustrative
    /// No position is known, or a position was given without saying how good it is.
    case unknown

    /// Whether a map should draw the position as a real place (solid) rather than a stand-in.
    public var isReal: Bool { self == .surveyed || self == .published }

    /// The quality's name: 实测, 公开来源, 近似, 示意, 质量不详.
    public var label: Localized {
        switch self {
        case .surveyed: L10n.message(.qualitySurveyed)
        case .published: L10n.message(.qualityPublished)
        case .approximate: L10n.message(.qualityApproximate)
        case .illustrative: L10n.message(.qualityIllustrative)
        case .unknown: L10n.message(.qualityUnknown)
        }
    }
}

/// A longitude/latitude pair in degrees on WGS84 / CGCS2000 (EPSG:4326 / EPSG:4490;
/// the two agree to well under a metre, which this system treats as equal).
public struct GeoPoint: Hashable, Sendable, Codable {
    public var longitudeDegrees: Double
    public var latitudeDegrees: Double

    public init(longitudeDegrees: Double, latitudeDegrees: Double) {
        self.longitudeDegrees = longitudeDegrees
        self.latitudeDegrees = latitudeDegrees
    }
}

/// Whether a division exists today or only in the history of the register.
public enum DivisionStatus: String, Sendable, Codable {
    case current
    /// Merged into, renamed to or upgraded into another unit; kept so old data stays queryable.
    case historical
}

/// One administrative division: the county, a township-level unit or a village-level unit.
/// Stored divisions are `Stored<Division>`, which adds their `Division.ID`.
public struct Division: Hashable, Sendable {
    /// The store's identifier of a division.
    public typealias ID = EntityID<Division>

    /// The 12-digit statistical code; nil where no source gives one.
    public var code: DivisionCode?
    public var name: String
    public var kind: DivisionKind
    /// The code of the parent division (nil for the county).
    public var parentCode: DivisionCode?
    /// The parent's identifier, needed where the parent has no code.
    public var parentID: Division.ID?
    /// 城乡分类代码 (111…220); nil when unknown.
    public var urbanRuralClass: Int?
    public var population: Int?
    public var households: Int?
    public var location: GeoPoint?
    public var locationQuality: LocationQuality
    /// Where the position comes from (source name or the illustrative procedure).
    public var locationSource: String?
    public var status: DivisionStatus
    /// First day (or year) of validity, as written by the source, e.g. "2021" or "2021-06-30".
    public var validFrom: String?
    /// Last day (or year) of validity; nil while current or when the date is not known.
    public var validTo: String?
    /// The division this one was merged into or became; nil when current or unknown.
    public var successorCode: DivisionCode?
    /// True when no source states the successor and it is inferred (e.g. from a plan writing
    /// 天宁镇（岭底片区）); shown as 推断 wherever it is used.
    public var successorInferred: Bool
    /// Free-text remark, e.g. the civil-affairs status of 2025.
    public var note: String?
    /// Where the record comes from.
    public var source: String?

    public init(
        code: DivisionCode?, name: String, kind: DivisionKind,
        parentCode: DivisionCode? = nil, parentID: Division.ID? = nil, urbanRuralClass: Int? = nil,
        population: Int? = nil, households: Int? = nil, location: GeoPoint? = nil,
        locationQuality: LocationQuality = .unknown, locationSource: String? = nil,
        status: DivisionStatus = .current, validFrom: String? = nil, validTo: String? = nil,
        successorCode: DivisionCode? = nil, successorInferred: Bool = false, note: String? = nil, source: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.parentID = parentID
        self.urbanRuralClass = urbanRuralClass
        self.population = population
        self.households = households
        self.location = location
        self.locationQuality = location == nil ? .unknown : locationQuality
        self.locationSource = locationSource
        self.status = status
        self.validFrom = validFrom
        self.validTo = validTo
        self.successorCode = successorCode
        self.successorInferred = successorInferred
        self.note = note
        self.source = source
    }

    /// The name without its administrative ending: 天宁镇 → 天宁, 阳渠村委会 → 阳渠.
    public var shortName: String { DivisionNames.shortName(of: name) }
}

/// Helpers for the way Chinese division names are written.
public enum DivisionNames {
    /// A name as it is stored and matched, so that two names that look the same are the same
    /// name: CJK compatibility ideographs (U+F900 豈 → U+8C48 豈) and full-width letters and digits
    /// (１ → 1) take their compatibility (NFKC) form, the rest is NFC, whitespace runs (the
    /// ideographic space included) become one space and the ends are trimmed. Full-width
    /// punctuation is kept: （规划） is how the county writes it.
    public static func canonical(_ text: String) -> String {
        var mapped = ""
        for scalar in text.unicodeScalars {
            if compatibilityMapped.contains(where: { $0.contains(scalar.value) }) {
                mapped += String(scalar).precomposedStringWithCompatibilityMapping
            } else {
                mapped.unicodeScalars.append(scalar)
            }
        }
        return mapped.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Scalars replaced by their NFKC form: CJK compatibility ideographs (and their supplement),
    /// full-width digits and Latin letters.
    static let compatibilityMapped: [ClosedRange<UInt32>] = [
        0xF900...0xFAFF, 0x2F800...0x2FA1F, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
    ]

    /// Endings removed to get the short name, longest first.
    static let suffixes = ["村民委员会", "居民委员会", "街道办事处", "村委会", "居委会", "街道", "社区", "镇", "乡", "村"]  // vocabulary

    /// Whether two written names name the same unit: equal as written, equal without the committee
    /// ending (段村村委会 and 段村), or equal short names (天宁镇 and 天宁) — a village whose own name
    /// ends in 村 (段村) keeps that 村 when only the committee ending is removed.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        let (a, b) = (canonical(a), canonical(b))
        if a == b { return true }
        let committee = ["村民委员会", "居民委员会", "村委会", "居委会"]  // vocabulary
        func bare(_ name: String) -> String {
            for suffix in committee where name.hasSuffix(suffix) && name.count > suffix.count { return String(name.dropLast(suffix.count)) }
            return name
        }
        return bare(a) == bare(b) || shortName(of: a) == shortName(of: b)
    }

    /// Strips one administrative ending; never returns an empty string.
    public static func shortName(of name: String) -> String {
        for suffix in suffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

/// The valid 城乡分类代码 of the statistical division system.
public enum UrbanRuralClass {
    /// 111 主城区 … 220 村庄.
    public static let validCodes: Set<Int> = [111, 112, 121, 122, 123, 210, 220]
}
