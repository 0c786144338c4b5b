public import Localization

/// What a user may do: every write is checked against the role (and its bureau or township).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The county administrator: every write, and managing users.
    case admin
    /// Writes the data of one bureau's domains, county-wide.
    case bureauEditor = "bureau-editor"
    /// Writes only rows of one township and that township's villages.
    case townshipEditor = "township-editor"
    /// Reads only.
    case viewer

    /// Reads a role as written on the command line or in the API (`township-editor`); `invalid`
    /// naming the choices otherwise.
    public init(parsing text: String) throws {
        guard let role = Role(rawValue: text) else {
            throw UserError(.invalid, L10n.message(.userUnknownRole, text, Role.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        self = role
    }

    /// The role's name.
    public var label: Localized {
        switch self {
        case .admin: L10n.message(.roleAdmin)
        case .bureauEditor: L10n.message(.roleBureauEditor)
        case .townshipEditor: L10n.message(.roleTownshipEditor)
        case .viewer: L10n.message(.roleViewer)
        }
    }
}

/// A county bureau that owns a domain of data. Indicator and task codes name their domain by
/// prefix (`EDU_…`, `T-EDU-04`): `owner(ofCode:)` reads it; a code with no known prefix belongs
/// to no bureau: county-wide only the administrator writes it, and a township editor writes it
/// for the township (a township's staff report all of its figures, whatever bureau asks).
public enum Bureau: String, Sendable, Codable, CaseIterable {
    /// 教育局: schools, school norms, consolidation scenarios, education indicators and tasks.
    case education
    /// 自然资源局: divisions, boundaries, plan layers.
    case naturalResources = "natural-resources"
    /// 农业农村局: agriculture, the collective economy, rural reform, 信息进村入户, farm insurance.
    case agriculture
    /// 卫生健康局: health indicators and tasks.
    case health
    /// 财政局: finance.
    case finance

    /// Reads a bureau as written on the command line or in the API (`education`); `invalid`
    /// naming the choices otherwise.
    public init(parsing text: String) throws {
        guard let bureau = Bureau(rawValue: text) else {
            throw UserError(.invalid, L10n.message(.userUnknownBureau, text, Bureau.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        self = bureau
    }

    /// The bureau's name.
    public var label: Localized {
        switch self {
        case .education: L10n.message(.bureauEducation)
        case .naturalResources: L10n.message(.bureauNaturalResources)
        case .agriculture: L10n.message(.bureauAgriculture)
        case .health: L10n.message(.bureauHealth)
        case .finance: L10n.message(.bureauFinance)
        }
    }

    /// Code prefixes (indicators `EDU_…`, tasks `T-EDU-…`) and the bureau that owns them.
    static let prefixes: [(String, Bureau)] = [
        ("EDU", .education), ("SCH", .education), ("AGR", .agriculture), ("COLL", .agriculture), ("REF", .agriculture),
        ("INFO", .agriculture), ("INF", .agriculture), ("INS", .agriculture), ("HEA", .health), ("HEALTH", .health),
        ("FIN", .finance), ("LAND", .naturalResources), ("NR", .naturalResources),
    ]

    /// The bureau that owns an indicator or task code, by its prefix; nil for county data.
    public static func owner(ofCode code: String) -> Bureau? {
        var text = Substring(code.uppercased())
        if text.hasPrefix("T-") { text = text.dropFirst(2) }
        let head = text.prefix { $0.isLetter }
        return prefixes.first { $0.0 == head }?.1
    }
}

/// A person who signs in: a name, a role and, for editors, the bureau or township written for.
/// The password hash never leaves the store's account table.
public struct Account: Hashable, Sendable {
    public typealias ID = EntityID<Account>

    public var name: String
    public var role: Role
    /// For a bureau editor: the bureau.
    public var bureau: Bureau?
    /// For a township editor: the township.
    public var townshipID: Division.ID?
    public var disabled: Bool

    public init(name: String, role: Role, bureau: Bureau? = nil, townshipID: Division.ID? = nil, disabled: Bool = false) {
        self.name = name
        self.role = role
        self.bureau = bureau
        self.townshipID = townshipID
        self.disabled = disabled
    }
}
