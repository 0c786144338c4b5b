import Foundation
public import Localization

/// The kinds of idle land and assets the plan names (第六章第四节).
public enum AssetKind: String, Sendable, Codable, CaseIterable {
    /// 闲置校舍: left by school consolidation.
    case schoolBuilding = "school-building"
    /// 撤并村办公用房: left by village merging.
    case villageOffice = "village-office"
    /// 空闲宅基地.
    case idleHomestead = "idle-homestead"
    /// 工矿废弃地.
    case abandonedMining = "abandoned-mining"
    /// 闲置交通用地.
    case idleTransport = "idle-transport"
    /// 零星闲置地.
    case scatteredPlot = "scattered-plot"
    /// 其他.
    case other

    /// The kind's name.
    public var label: Localized {
        switch self {
        case .schoolBuilding: L10n.message(.assetKindSchool)
        case .villageOffice: L10n.message(.assetKindVillageOffice)
        case .idleHomestead: L10n.message(.assetKindHomestead)
        case .abandonedMining: L10n.message(.assetKindMining)
        case .idleTransport: L10n.message(.assetKindTransport)
        case .scatteredPlot: L10n.message(.assetKindScattered)
        case .other: L10n.message(.assetKindOther)
        }
    }

    /// The reuse the plan puts first for this kind, shown as an editable suggestion: assets left by
    /// school consolidation and village merging go first to 基层党组织阵地 and 基层政权阵地;
    /// idle homesteads and the rest to 复垦复耕 where policy allows.
    public var suggestedReuse: Localized {
        switch self {
        case .schoolBuilding, .villageOffice: L10n.message(.assetReuseGrassroots)
        case .idleHomestead, .abandonedMining, .idleTransport, .scatteredPlot: L10n.message(.assetReuseReclaim)
        case .other: L10n.message(.assetReuseNone)
        }
    }

    /// Reads the Chinese name or the code.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let kind = AssetKind(rawValue: t) {
            self = kind
            return
        }
        guard let kind = Self.allCases.first(where: { $0.label.zh == t || $0.label.en.lowercased() == t.lowercased() }) else {
            return nil
        }
        self = kind
    }
}

/// Where an idle asset stands.
public enum AssetStatus: String, Sendable, Codable, CaseIterable {
    /// 闲置.
    case idle
    /// 规划利用.
    case planned
    /// 利用中.
    case inUse = "in-use"
    /// 已复垦.
    case reclaimed

    /// The status's name.
    public var label: Localized {
        switch self {
        case .idle: L10n.message(.assetStatusIdle)
        case .planned: L10n.message(.assetStatusPlanned)
        case .inUse: L10n.message(.assetStatusInUse)
        case .reclaimed: L10n.message(.assetStatusReclaimed)
        }
    }

    /// Reads the Chinese name or the code.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let status = AssetStatus(rawValue: t) {
            self = status
            return
        }
        guard let status = Self.allCases.first(where: { $0.label.zh == t || $0.label.en.lowercased() == t.lowercased() }) else {
            return nil
        }
        self = status
    }
}

/// Who owns an idle asset.
public enum AssetOwner: String, Sendable, Codable, CaseIterable {
    /// 村集体.
    case collective
    /// 国有.
    case state
    /// 其他.
    case other

    /// The owner's name.
    public var label: Localized {
        switch self {
        case .collective: L10n.message(.assetOwnerCollective)
        case .state: L10n.message(.assetOwnerState)
        case .other: L10n.message(.assetOwnerOther)
        }
    }

    /// Reads the Chinese name or the code.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let owner = AssetOwner(rawValue: t) {
            self = owner
            return
        }
        switch t {
        case "集体", "村集体", "集体所有": self = .collective  // vocabulary
        case "国有", "国家", "国有资产": self = .state  // vocabulary
        case "其他": self = .other  // vocabulary
        default: return nil
        }
    }
}

/// One idle plot or building (闲置土地和资产). Unknown figures stay nil.
public struct IdleAsset: Hashable, Sendable {
    /// The store's identifier of an asset.
    public typealias ID = EntityID<IdleAsset>

    public var kind: AssetKind
    public var name: String
    /// The village (or, when no village is known, the township) it lies in.
    public var divisionID: Division.ID
    public var areaM2: Double?
    public var owner: AssetOwner?
    public var status: AssetStatus
    public var proposedUse: String?
    public var actualUse: String?
    /// When the status was last established (a partial date).
    public var date: PartialDate?
    public var evidence: String?
    public var location: GeoPoint?
    /// The school whose closure freed it.
    public var schoolID: School.ID?
    /// The scenario adoption that made the record (reverting removes it).
    public var adoptionID: Int64?
    /// Where the record comes from: a file, `scenario:2`, a person.
    public var source: String
    public var note: String?

    public init(
        kind: AssetKind, name: String, divisionID: Division.ID, areaM2: Double? = nil, owner: AssetOwner? = nil,
        status: AssetStatus = .idle,
        proposedUse: String? = nil, actualUse: String? = nil, date: PartialDate? = nil, evidence: String? = nil, location: GeoPoint? = nil,
        schoolID: School.ID? = nil, adoptionID: Int64? = nil, source: String, note: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.divisionID = divisionID
        self.areaM2 = areaM2
        self.owner = owner
        self.status = status
        self.proposedUse = proposedUse
        self.actualUse = actualUse
        self.date = date
        self.evidence = evidence
        self.location = location
        self.schoolID = schoolID
        self.adoptionID = adoptionID
        self.source = source
        self.note = note
    }

    /// The area in 亩 (1 亩 = 10 000 / 15 m²).
    public var areaMu: Double? { areaM2.map(Area.mu(fromSquareMetres:)) }
}

/// Land area units as Chinese plans write them.
public enum Area {
    /// Square metres in one 亩 (10 000 / 15).
    public static let squareMetresPerMu = 10_000.0 / 15

    /// 亩 from m².
    public static func mu(fromSquareMetres m2: Double) -> Double { m2 / squareMetresPerMu }

    /// m² from 亩.
    public static func squareMetres(fromMu mu: Double) -> Double { mu * squareMetresPerMu }
}

/// One of the plan's characteristic parks (特色园区).
public struct Park: Hashable, Sendable {
    /// The store's identifier of a park.
    public typealias ID = EntityID<Park>

    public var name: String
    public var townshipID: Division.ID
    /// 工业, 养殖, 农业产业, 旅游 … as the plan writes it.
    public var kind: String
    public var status: ParkStatus
    /// 主导产业; nil when not stated.
    public var industries: String?
    /// The boundary: a feature of a stored layer, by layer name and feature number.
    public var boundaryLayer: String?
    public var boundaryFeature: Int?
    public var source: String
    public var note: String?

    public init(
        name: String, townshipID: Division.ID, kind: String, status: ParkStatus, industries: String? = nil, boundaryLayer: String? = nil,
        boundaryFeature: Int? = nil, source: String, note: String? = nil
    ) {
        self.name = name
        self.townshipID = townshipID
        self.kind = kind
        self.status = status
        self.industries = industries
        self.boundaryLayer = boundaryLayer
        self.boundaryFeature = boundaryFeature
        self.source = source
        self.note = note
    }
}

/// How far a park has come.
public enum ParkStatus: String, Sendable, Codable, CaseIterable {
    /// 规划（可打造）: named by the plan only.
    case planned
    /// 建设中.
    case building
    /// 已建成.
    case built

    /// The status's name.
    public var label: Localized {
        switch self {
        case .planned: L10n.message(.parkStatusPlanned)
        case .building: L10n.message(.parkStatusBuilding)
        case .built: L10n.message(.parkStatusBuilt)
        }
    }

    /// Reads the Chinese name or the code.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let status = ParkStatus(rawValue: t) {
            self = status
            return
        }
        guard let status = Self.allCases.first(where: { $0.label.zh == t || $0.label.zh.hasPrefix(t) && !t.isEmpty }) else { return nil }
        self = status
    }
}

/// One enterprise of a park in one year. Figures not reported stay nil.
public struct ParkEnterprise: Hashable, Sendable {
    public var parkID: Park.ID
    public var name: String
    public var sector: String?
    public var year: Int
    public var jobs: Int?
    /// 产值 (万元).
    public var outputWan: Double?
    /// 投资 (万元).
    public var investmentWan: Double?
    public var source: String

    public init(
        parkID: Park.ID, name: String, sector: String? = nil, year: Int, jobs: Int? = nil, outputWan: Double? = nil,
        investmentWan: Double? = nil, source: String
    ) {
        self.parkID = parkID
        self.name = name
        self.sector = sector
        self.year = year
        self.jobs = jobs
        self.outputWan = outputWan
        self.investmentWan = investmentWan
        self.source = source
    }
}
