/// A stored plan layer's record.
public struct StoredLayer: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var kind: LayerKind
    public var sourceFile: String
    public var sourceFormat: String
    /// EPSG code of the file's system.
    public var sourceCRS: Int
    /// EPSG code of the system the geometries are stored in.
    public var workingCRS: Int
    public var encoding: String?
    public var featureCount: Int
    public var areaM2: Double
    /// The attribute that names a feature, when one was found.
    public var labelField: String?
    /// The attribute holding the land class (三调 地类编码), when one was found.
    public var classField: String?
    public var fields: [String]
    public var repairedCount: Int
    /// Whether the layer is illustrative (示意), not surveyed data.
    public var illustrative: Bool
    public var importedAt: String
    /// Who imported it (from the import log).
    public var actor: String?

    public init(
        id: Int64 = 0, name: String, kind: LayerKind, sourceFile: String, sourceFormat: String, sourceCRS: Int, workingCRS: Int,
        encoding: String?, featureCount: Int, areaM2: Double, labelField: String?, classField: String?, fields: [String],
        repairedCount: Int, illustrative: Bool, importedAt: String = "", actor: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.sourceCRS = sourceCRS
        self.workingCRS = workingCRS
        self.encoding = encoding
        self.featureCount = featureCount
        self.areaM2 = areaM2
        self.labelField = labelField
        self.classField = classField
        self.fields = fields
        self.repairedCount = repairedCount
        self.illustrative = illustrative
        self.importedAt = importedAt
        self.actor = actor
    }
}

/// One feature of a layer: geometry as 2D WKB in the working system, with its box and area.
public struct LayerFeatureRecord: Sendable {
    public var id: Int64
    public var layerID: Int64
    /// 1-based position in the source file.
    public var number: Int
    public var label: String?
    public var landClass: String?
    /// Attribute names and values in the file's order.
    public var attributes: [[String?]]
    public var geometry: [UInt8]
    public var areaM2: Double
    public var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    public var repaired: Bool

    public init(
        id: Int64 = 0, layerID: Int64 = 0, number: Int, label: String?, landClass: String?, attributes: [[String?]], geometry: [UInt8],
        areaM2: Double, box: (minX: Double, minY: Double, maxX: Double, maxY: Double), repaired: Bool
    ) {
        self.id = id
        self.layerID = layerID
        self.number = number
        self.label = label
        self.landClass = landClass
        self.attributes = attributes
        self.geometry = geometry
        self.areaM2 = areaM2
        self.box = box
        self.repaired = repaired
    }

}

/// A stored conflict rule.
public struct StoredConflictRule: Sendable, Hashable {
    public var id: Int64
    public var rule: ConflictRule

    public init(id: Int64, rule: ConflictRule) {
        self.id = id
        self.rule = rule
    }
}
