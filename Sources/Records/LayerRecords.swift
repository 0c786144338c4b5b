public import Domain
import Geo
import Localization
public import Services
public import Store

/// A stored plan layer, as `layers list --format json` and the API give it.
public struct LayerRecord: Encodable, Sendable {
    public var name: String
    public var kind: String
    public var kindName: String
    public var sourceFile: String
    public var sourceFormat: String
    public var sourceCRS: String
    public var workingCRS: String
    @Nullable public var encoding: String?
    public var features: Int
    public var areaM2: Double
    public var areaMu: Double
    public var repaired: Int
    public var illustrative: Bool
    public var importedAt: String
    @Nullable public var importedBy: String?

    public init(_ layer: StoredLayer) {
        name = layer.name
        kind = layer.kind.rawValue
        kindName = layer.kind.label.zh
        sourceFile = layer.sourceFile
        sourceFormat = layer.sourceFormat
        sourceCRS = "EPSG:\(layer.sourceCRS)"
        workingCRS = "EPSG:\(layer.workingCRS)"
        encoding = layer.encoding
        features = layer.featureCount
        areaM2 = Records.rounded(layer.areaM2) ?? 0
        areaMu = Records.rounded(Area.mu(fromSquareMetres: layer.areaM2)) ?? 0
        repaired = layer.repairedCount
        illustrative = layer.illustrative
        importedAt = layer.importedAt
        importedBy = layer.actor
    }
}

/// The result of `conflicts check --format json`: every patch and a summary per rule and township.
public struct ConflictReportRecord: Encodable, Sendable {
    /// One conflict patch (冲突图斑).
    public struct Patch: Encodable, Sendable {
        public var rule: String
        public var ruleID: Int64
        public var severity: String
        public var layerA: String
        public var featureA: Int
        @Nullable public var labelA: String?
        @Nullable public var layerB: String?
        @Nullable public var featureB: Int?
        @Nullable public var labelB: String?
        public var areaM2: Double
        public var areaMu: Double
        @Nullable public var township: String?
        public var townshipBy: String
        public var illustrative: Bool
    }

    /// Patches and area of one rule in one township.
    public struct Summary: Encodable, Sendable {
        public var rule: String
        public var ruleID: Int64
        @Nullable public var township: String?
        public var patches: Int
        public var areaM2: Double
    }

    /// A rule not checked, and why.
    public struct Skipped: Encodable, Sendable {
        public var rule: String
        public var ruleID: Int64
        public var reason: String
    }

    public var patches: [Patch]
    public var summary: [Summary]
    public var skipped: [Skipped]
    @Nullable public var workingCRS: String?

    public init(_ report: ConflictReport) {
        patches = report.patches.map { p in
            Patch(
                rule: p.rule.statement.zh, ruleID: p.ruleID, severity: p.rule.severity.rawValue, layerA: p.layerA, featureA: p.featureA,
                labelA: p.labelA, layerB: p.layerB, featureB: p.featureB, labelB: p.labelB, areaM2: Records.rounded(p.areaM2) ?? 0,
                areaMu: Records.rounded(p.areaMu) ?? 0, township: p.township, townshipBy: p.townshipMatch.rawValue,
                illustrative: p.illustrative)
        }
        summary = report.summary.map {
            Summary(
                rule: $0.statement.zh, ruleID: $0.ruleID, township: $0.township, patches: $0.patches,
                areaM2: Records.rounded($0.areaM2) ?? 0)
        }
        skipped = report.skipped.map { Skipped(rule: $0.rule.rule.statement.zh, ruleID: $0.rule.id, reason: $0.reason.zh) }
        workingCRS = report.workingCRS.map { "EPSG:\($0.epsg)" }
    }
}
