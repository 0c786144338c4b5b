import Foundation
public import Localization

/// What a plan layer is (多规合一): the kind decides the geometry it must hold and the rules it
/// takes part in.
public enum LayerKind: String, Sendable, Codable, CaseIterable {
    /// 永久基本农田.
    case basicFarmland = "basic-farmland"
    /// 生态保护红线.
    case ecologicalRedline = "ecological-redline"
    /// 城镇开发边界.
    case urbanBoundary = "urban-boundary"
    /// 规划建设用地 (the land-use plan's construction land).
    case constructionPlan = "construction-plan"
    /// 村庄规划建设用地.
    case villageConstruction = "village-construction"
    /// 现状用地（三调）, with a land-class attribute.
    case currentUse = "current-use"
    /// 历史文化保护.
    case heritage
    /// 地质灾害.
    case hazard
    case other

    /// Reads a kind as written on the command line (`basic-farmland`) or in Chinese (永久基本农田);
    /// `invalid` naming the choices otherwise.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let kind = LayerKind(rawValue: t.lowercased()) ?? LayerKind.allCases.first(where: { $0.label.zh == t }) else {
            throw UserError(.invalid, L10n.message(.layerUnknownKind, text, LayerKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        self = kind
    }

    /// The kind's name: 永久基本农田 ….
    public var label: Localized {
        switch self {
        case .basicFarmland: L10n.message(.layerKindBasicFarmland)
        case .ecologicalRedline: L10n.message(.layerKindEcologicalRedline)
        case .urbanBoundary: L10n.message(.layerKindUrbanBoundary)
        case .constructionPlan: L10n.message(.layerKindConstructionPlan)
        case .villageConstruction: L10n.message(.layerKindVillageConstruction)
        case .currentUse: L10n.message(.layerKindCurrentUse)
        case .heritage: L10n.message(.layerKindHeritage)
        case .hazard: L10n.message(.layerKindHazard)
        case .other: L10n.message(.layerKindOther)
        }
    }

    /// Whether the layer must hold polygons (every kind but `other`, which may hold anything).
    public var needsPolygons: Bool { self != .other }
}

/// How two kinds of layer must relate.
public enum ConflictRelation: String, Sendable, Codable, CaseIterable {
    /// A must not overlap B (e.g. construction land on basic farmland).
    case mustNotOverlap = "must-not-overlap"
    /// A must lie within B (e.g. construction land inside the development boundary).
    case mustLieWithin = "must-lie-within"

    /// Reads a relation as written on the command line; `invalid` naming the choices otherwise.
    public init(parsing text: String) throws {
        guard let relation = ConflictRelation(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserError(
                .invalid, L10n.message(.conflictUnknownRelation, text, ConflictRelation.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        self = relation
    }

    public var label: Localized {
        switch self {
        case .mustNotOverlap: L10n.message(.conflictMustNotOverlap)
        case .mustLieWithin: L10n.message(.conflictMustLieWithin)
        }
    }
}

/// How serious a conflict is.
public enum ConflictSeverity: String, Sendable, Codable, CaseIterable {
    case error
    case warning

    /// Reads a severity as written on the command line; `invalid` naming the choices otherwise.
    public init(parsing text: String) throws {
        guard let severity = ConflictSeverity(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserError(.invalid, L10n.message(.conflictUnknownSeverity, text))
        }
        self = severity
    }

    public var label: Localized { self == .error ? L10n.message(.conflictSeverityError) : L10n.message(.conflictSeverityWarning) }
}

/// A rule of 多规合一: features of kind `a` (only those whose land class starts with one of
/// `classes`, when given) must not overlap, or must lie within, features of kind `b`; patches
/// smaller than `minimumArea` m² are slivers of digitising, not conflicts.
public struct ConflictRule: Sendable, Hashable, Codable {
    public var relation: ConflictRelation
    public var a: LayerKind
    /// Land-class code prefixes of `a` (三调 codes such as 05, 06, 07); empty: every feature.
    public var classes: [String]
    public var b: LayerKind
    public var minimumArea: Double
    public var severity: ConflictSeverity
    public var enabled: Bool

    public init(
        relation: ConflictRelation, a: LayerKind, classes: [String] = [], b: LayerKind, minimumArea: Double = 1,
        severity: ConflictSeverity = .error, enabled: Bool = true
    ) {
        self.relation = relation
        self.a = a
        self.classes = classes
        self.b = b
        self.minimumArea = minimumArea
        self.severity = severity
        self.enabled = enabled
    }

    /// The rule in words: 「规划建设用地 不得压占 永久基本农田」.
    public var statement: Localized {
        let codes = classes.joined(separator: ",")
        let what = classes.isEmpty ? a.label : L10n.message(.conflictClassesOf, zh: [a.label.zh, codes], en: [a.label.en, codes])
        return L10n.message(
            .conflictStatement, zh: [what.zh, relation.label.zh, b.label.zh], en: [what.en, relation.label.en, b.label.en])
    }

    /// Whether a feature with this land class is one the rule looks at.
    public func applies(toClass landClass: String?) -> Bool {
        classes.isEmpty || classes.contains { prefix in landClass?.hasPrefix(prefix) == true }
    }

    /// 三调 (GB/T 21010-2017 一级类) classes of construction land: 05 商服, 06 工矿仓储, 07 住宅,
    /// 08 公共管理与公共服务, 09 特殊用地.
    public static let constructionClasses = ["05", "06", "07", "08", "09"]

    /// The rules a new register starts with (the list; each editable).
    public static let defaults: [ConflictRule] = [
        ConflictRule(relation: .mustNotOverlap, a: .constructionPlan, b: .basicFarmland),
        ConflictRule(relation: .mustNotOverlap, a: .constructionPlan, b: .ecologicalRedline),
        ConflictRule(relation: .mustNotOverlap, a: .villageConstruction, b: .basicFarmland),
        ConflictRule(relation: .mustNotOverlap, a: .villageConstruction, b: .ecologicalRedline),
        ConflictRule(relation: .mustNotOverlap, a: .currentUse, classes: constructionClasses, b: .ecologicalRedline),
        ConflictRule(relation: .mustLieWithin, a: .constructionPlan, b: .urbanBoundary),
    ]
}
