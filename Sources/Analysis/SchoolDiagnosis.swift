public import Domain
public import Localization

/// The diagnostic flags a school can carry.
public enum DiagnosticFlag: String, Sendable, Codable, CaseIterable {
    /// Fewer students than the small-school threshold (100).
    case smallSchool = "small_school"
    /// More staff than the staffing norm allows, by at least the tolerance.
    case overstaffed
    /// Fewer staff than the staffing norm requires, by at least the tolerance.
    case understaffed
    /// More land per student than the county's threshold.
    case landSurplus = "land_surplus"
    /// Students, staff or land not reported.
    case missingData = "missing_data"

    /// Short Chinese label for tables and maps.
    public var label: Localized {
        switch self {
        case .smallSchool: L10n.message(.flagSmall)
        case .overstaffed: L10n.message(.flagOverstaffed)
        case .understaffed: L10n.message(.flagUnderstaffed)
        case .landSurplus: L10n.message(.flagLandSurplus)
        case .missingData: L10n.message(.flagMissingData)
        }
    }
}

/// The staffing norm that applies to a school, and how it was obtained.
public struct StaffNorm: Sendable, Hashable, Codable {
    /// Students per staff member the norm allows.
    public var studentsPerStaff: Double
    /// Which norm: "小学", "小初一体（混合）" …
    public var basis: Localized
    /// Set when the norm rests on an assumption (the 6:3 split of a nine-year school).
    public var assumption: Localized?
}

/// What a reason sentence is about.
public enum ReasonTopic: String, Sendable, Codable {
    case smallSchool, staffing, normAssumption, land, classSize, missingData, waste, township
}

/// One sentence of a diagnosis, tagged with its topic so views can pick the ones they need.
public struct DiagnosticReason: Sendable, Hashable {
    public var topic: ReasonTopic
    public var text: Localized

    public init(_ topic: ReasonTopic, _ text: Localized) {
        self.topic = topic
        self.text = text
    }
}

/// The diagnosis of one school against the norms.
/// A school an adopted scenario closes (拟撤并): which scenario, and whether the whole school or
/// one stage of it (九年一贯制 losing its primary stage).
public struct PlannedClosure: Sendable, Hashable {
    public var scenarioID: Int64
    public var wholeSchool: Bool

    public init(scenarioID: Int64, wholeSchool: Bool) {
        self.scenarioID = scenarioID
        self.wholeSchool = wholeSchool
    }
}

public struct SchoolDiagnosis: Sendable, Hashable {
    public var school: Stored<School>
    /// The township name as shown (current unit where the school's township was merged).
    public var townshipName: String
    public var staffNorm: StaffNorm?
    /// Students per staff member; nil when either figure is missing or staff is 0.
    public var studentsPerStaff: Double?
    /// Staff the norm calls for (persons, fractional).
    public var staffNeeded: Double?
    /// Staff minus staff needed, in persons; negative means a deficit.
    public var staffSurplus: Double?
    /// Land per student in m² (1 亩 = 666.67 m²).
    public var landPerStudentM2: Double?
    /// Students per class, when classes are known.
    public var studentsPerClass: Double?
    public var flags: [DiagnosticFlag]
    /// One sentence per finding, Chinese and English, in a fixed order of topics.
    public var reasons: [DiagnosticReason]
    /// Few students and surplus staff: the seed's "对教育资源造成浪费".
    public var wastesResources: Bool
    /// Marked 拟撤并 by an adopted consolidation scenario; nil otherwise.
    public var plannedClosure: PlannedClosure? = nil

    public func has(_ flag: DiagnosticFlag) -> Bool { flags.contains(flag) }

    /// The sentences about the given topics, in order.
    public func reasons(about topics: Set<ReasonTopic>) -> [Localized] {
        reasons.filter { topics.contains($0.topic) }.map(\.text)
    }
}
