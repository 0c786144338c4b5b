public import Domain
public import Foundation
public import Geo
public import Interchange
public import Localization
public import Store

/// The attribute encodings a user can name for a Shapefile's `.dbf`.
public enum AttributeEncoding: String, CaseIterable, Sendable {
    case gbk
    case utf8 = "utf-8"

    var source: SourceEncoding { self == .gbk ? .gb18030 : .utf8 }
}

/// The formats a layer is exported in.
public enum LayerExportFormat: String, CaseIterable, Sendable {
    case geojson, shp, gpkg

    var vector: VectorFormat {
        switch self {
        case .geojson: .geojson
        case .shp: .shp
        case .gpkg: .gpkg
        }
    }
}

/// A feature of a plan layer, or a conflict patch, as the map draws it: polygons of rings in
/// CGCS2000 degrees.
public struct MapArea: Sendable {
    public var label: String
    /// The feature's number in its file (nil for a patch).
    public var number: Int?
    public var areaM2: Double
    public var polygons: [[[LonLat]]]
}

/// A plan layer as the map draws it.
public struct MapLayer: Sendable {
    /// How far a drawn position may move from the stored one, in metres: a fifth of a pixel on the
    /// map's first view of a county 50 km across (1,000 px), so simplification is invisible there.
    public static let tolerance = 10.0

    public var layer: StoredLayer
    public var areas: [MapArea]

    /// A shape of the working system in degrees (`toDegrees`: from the working system, made once
    /// per layer — a PROJ transformation costs far more to make than to use), simplified to
    /// `tolerance` metres.
    static func degrees(_ shape: Shape, toDegrees: Projection, tolerance: Double) -> [[[LonLat]]] {
        guard let drawn = shape.simplified(tolerance: tolerance)?.transformed(by: toDegrees) else { return [] }
        return drawn.polygons().map { $0.map { $0.map { LonLat($0.x, $0.y) } } }
    }
}

/// A file made for downloading: its base name, extension, media type and bytes.
public struct DownloadFile: Sendable {
    public var name: String
    public var fileExtension: String
    public var mediaType: String
    public var bytes: [UInt8]

    /// Writes a file with `write` into a temporary folder and keeps its bytes.
    static func made(name: String, fileExtension: String, mediaType: String, _ write: (URL) throws -> Void) throws -> DownloadFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.\(fileExtension)")
        try write(url)
        return DownloadFile(name: name, fileExtension: fileExtension, mediaType: mediaType, bytes: Array(try Data(contentsOf: url)))
    }
}

extension LayerExportFormat {
    /// The downloaded file's extension (a Shapefile comes zipped) and media type.
    public var download: (fileExtension: String, mediaType: String) {
        switch self {
        case .geojson: ("geojson", "application/geo+json")
        case .shp: ("zip", "application/zip")
        case .gpkg: ("gpkg", "application/geopackage+sqlite3")
        }
    }
}

/// How a plan layer is to be imported.
public struct LayerImportOptions: Sendable {
    public var kind: LayerKind
    /// The layer's name in the register; by default the file's layer name (a Shapefile's or
    /// GeoJSON's name without extension, a GeoPackage layer's name; a zip's own name).
    public var name: String?
    /// The system of a file that names none (`--crs EPSG:4546`).
    public var crs: ChinaCRS?
    /// The attribute encoding of a Shapefile (`--encoding`), overriding its `.cpg`.
    public var encoding: AttributeEncoding?
    /// Repair invalid geometries with GEOS's MakeValid instead of refusing the file.
    public var repair: Bool
    public var dryRun: Bool
    /// Which layer of a file holding several (a GeoPackage, a file geodatabase).
    public var sourceLayer: String?
    /// The attribute holding the land class; found by its usual names when nil.
    public var classField: String?
    /// The layer is illustrative (示意), e.g. the demo's.
    public var illustrative: Bool

    public init(
        kind: LayerKind, name: String? = nil, crs: ChinaCRS? = nil, encoding: AttributeEncoding? = nil, repair: Bool = false,
        dryRun: Bool = false, sourceLayer: String? = nil, classField: String? = nil, illustrative: Bool = false
    ) {
        self.kind = kind
        self.name = name
        self.crs = crs
        self.encoding = encoding
        self.repair = repair
        self.dryRun = dryRun
        self.sourceLayer = sourceLayer
        self.classField = classField
        self.illustrative = illustrative
    }
}

/// What a layer import did (or, in a dry run, would do).
public struct LayerImportReport: Sendable {
    /// The layer as stored (its id 0 in a dry run).
    public var layer: StoredLayer
    /// Numbers of the features GEOS repaired (`--repair`).
    public var repaired: [Int]
    /// Warnings that did not block the import (features outside the county).
    public var warnings: [ImportIssue]
    public var encoding: Localized
    public var dryRun: Bool
}

/// Plan layers (多规合一): imported from surveyors' files, validated feature by feature, stored
/// in the county's working system, listed and read back for the map and for conflict checks.
public struct LayerService: Sendable {
    let store: RegisterStore
    let principal: Principal

    /// Attributes that usually name a feature, in order of preference.
    static let labelFields = ["名称", "NAME", "MC", "地块名称", "XMMC", "项目名称", "DKMC", "ZLDWMC", "BSM", "编号", "ID"]  // vocabulary
    /// Attributes that usually hold the 三调 land-class code.
    static let classFields = ["DLBM", "地类编码", "DLDM", "地类代码", "地类"]  // vocabulary

    /// Every layer, by name.
    public func layers() throws -> [StoredLayer] {
        try store.read { try $0.layers() }
    }

    /// One layer by name; `missingInput` when there is none.
    public func layer(named name: String) throws -> StoredLayer {
        guard let layer = try store.read({ try $0.layer(named: name) }) else {
            throw UserError(.missingInput, L10n.message(.layerNotFound, name))
        }
        return layer
    }

    /// One layer by id; `notFound` when there is none.
    public func layer(id: Int64) throws -> StoredLayer {
        guard let layer = try layers().first(where: { $0.id == id }) else {
            throw UserError(.notFound, L10n.message(.layerNotFound, String(id)))
        }
        return layer
    }

    /// A layer as a file to download (a Shapefile zipped), in `crs` (by default the system of its
    /// source file).
    public func download(id: Int64, format: LayerExportFormat, crs: ChinaCRS? = nil) throws -> DownloadFile {
        let layer = try layer(id: id)
        let (fileExtension, mediaType) = format.download
        return try DownloadFile.made(name: layer.name, fileExtension: fileExtension, mediaType: mediaType) { url in
            try export(layer.name, format: format, to: url, crs: crs)
        }
    }

    /// A layer's features in file order (optionally only those meeting a box of the working system).
    public func features(of layer: StoredLayer, box: PlanarBox? = nil) throws -> [LayerFeatureRecord] {
        try store.read { try $0.layerFeatures(layer.id, box: box.map { ($0.minX, $0.minY, $0.maxX, $0.maxY) }) }
    }

    /// The system geometries are stored in: that of the layers already stored, else the 3° zone
    /// of the county's longitude, else that of `fallbackLongitude`.
    public func workingCRS(fallbackLongitude: Double? = nil) throws -> ChinaCRS? {
        try store.read { reader in
            if let stored = try reader.layers().first, let crs = ChinaCRS(epsg: stored.workingCRS) { return crs }
            if let longitude = try reader.register().county?.location?.longitudeDegrees ?? fallbackLongitude {
                return ChinaCRS.working(forLongitude: longitude)
            }
            return nil
        }
    }

    /// Reads, validates and stores a layer, all or nothing: every feature must have a readable,
    /// non-empty, valid geometry of the kind's type (invalid ones are repaired with `repair`);
    /// a file without a coordinate system needs `options.crs`. Features reaching outside the
    /// county outline are warnings.
    public func importLayer(_ url: URL, _ options: LayerImportOptions) throws -> LayerImportReport {
        let need = WriteNeed.county(.naturalResources)
        try store.authorize(principal, [need])
        let file = try VectorFileReader.read(url, layer: options.sourceLayer, encoding: options.encoding?.source)
        // A zip's inner names may be GBK without saying so (GDAL reads them as CP437): a zipped
        // layer is named after the zip.
        let zipped = url.pathExtension.lowercased() == "zip"
        return try importFile(
            file, name: options.name ?? (zipped ? url.deletingPathExtension().lastPathComponent : file.layerName), options)
    }

    /// Validates and stores a layer read (or made) in memory; see `importLayer`.
    func importFile(_ file: VectorFile, name given: String, _ options: LayerImportOptions) throws -> LayerImportReport {
        let need = WriteNeed.county(.naturalResources)
        let name = given.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { throw UserError(.invalid, L10n.message(.layerEmptyName)) }
        let source = try sourceCRS(of: file, declared: options.crs)
        var issues = IssueList(file: file.fileName)
        let labelIndex = Self.field(in: file.fields, among: Self.labelFields)
        let classIndex =
            options.classField.map { wanted in file.fields.firstIndex(of: wanted) } ?? Self.field(in: file.fields, among: Self.classFields)
        if let wanted = options.classField, classIndex == nil {
            throw UserError.rejected(file: file.fileName, L10n.message(.layerNoSuchField, wanted, file.fields.joined(separator: "、")))
        }
        if file.features.isEmpty { throw UserError.rejected(file: file.fileName, L10n.message(.layerNoFeatures)) }
        let firstBox = file.features.lazy.compactMap { $0.shape?.bounds() }.first
        let working = try workingCRS(fallbackLongitude: firstBox.flatMap { Self.longitude(of: $0, in: source) }) ?? source
        guard let projection = Projection(from: source, to: working) else {
            throw UserError.rejected(file: file.fileName, L10n.message(.geojsonTransformFailed, source.epsg))
        }
        var records: [LayerFeatureRecord] = []
        var repaired: [Int] = []
        for feature in file.features {
            let label = labelIndex.flatMap { feature.values[$0] }
            func problem(_ message: Localized) {
                issues.append(ImportIssue(file: file.fileName, row: feature.number, message: Self.located(feature.number, label, message)))
            }
            guard var shape = feature.shape, let facts = shape.facts() else {
                problem(L10n.message(.layerNoGeometry))
                continue
            }
            if facts.isEmpty {
                problem(L10n.message(.layerEmptyGeometry))
                continue
            }
            if options.kind.needsPolygons && facts.kind != .polygon {
                problem(
                    L10n.message(
                        .layerWrongGeometry, zh: [facts.kind.rawValue, options.kind.label.zh],
                        en: [facts.kind.rawValue, options.kind.label.en]))
                continue
            }
            if facts.hasNonFinite {
                problem(L10n.message(.layerNonFinite))
                continue
            }
            if let invalid = facts.invalidity {
                guard options.repair, let fixed = shape.madeValid(), let fixedFacts = fixed.facts(), !fixedFacts.isEmpty,
                    fixedFacts.invalidity == nil
                else {
                    problem(
                        L10n.message(
                            .layerInvalidGeometry, invalid.reason, Format.fixed(invalid.x, digits: 3), Format.fixed(invalid.y, digits: 3)))
                    continue
                }
                shape = fixed
                repaired.append(feature.number)
            }
            // A shape neither moved nor repaired keeps the facts already found (no second validity check).
            let unchanged = source == working && repaired.last != feature.number
            guard let moved = source == working ? shape : shape.transformed(by: projection), let stored = unchanged ? facts : moved.facts(),
                let box = stored.bounds
            else {
                problem(L10n.message(.geojsonTransformFailed, source.epsg))
                continue
            }
            // A shape made invalid by the move to the working zone (rare: a sliver folding over).
            if let invalid = stored.invalidity {
                problem(
                    L10n.message(
                        .layerInvalidGeometry, invalid.reason, Format.fixed(invalid.x, digits: 3), Format.fixed(invalid.y, digits: 3)))
                continue
            }
            let attributes = zip(file.fields, feature.values).map { [$0, $1] }
            records.append(
                LayerFeatureRecord(
                    number: feature.number, label: label, landClass: classIndex.flatMap { feature.values[$0] }, attributes: attributes,
                    geometry: moved.wkb, areaM2: stored.kind == .polygon ? stored.area : 0,
                    box: (box.minX, box.minY, box.maxX, box.maxY), repaired: repaired.last == feature.number))
        }
        if issues.errorCount > 0 { throw UserError.rejected(issues) }
        let warnings = try outsideCounty(records, working: working, file: file.fileName, degrees: source.isGeographic)
        let layer = StoredLayer(
            name: name, kind: options.kind, sourceFile: file.fileName, sourceFormat: file.format, sourceCRS: source.epsg,
            workingCRS: working.epsg, encoding: file.encoding.en, featureCount: records.count,
            areaM2: records.reduce(0) { $0 + $1.areaM2 }, labelField: labelIndex.map { file.fields[$0] },
            classField: classIndex.map { file.fields[$0] }, fields: file.fields, repairedCount: repaired.count,
            illustrative: options.illustrative)
        var report = LayerImportReport(
            layer: layer, repaired: repaired, warnings: warnings, encoding: file.encoding, dryRun: options.dryRun)
        if options.dryRun { return report }
        report.layer.id = try store.write(by: principal, need) { writer in
            let importID = try writer.beginImport(kind: "layer", fileName: file.fileName, format: file.format, actor: principal.auditName)
            let id = try writer.replaceLayer(layer, features: records, importID: importID)
            let note =
                repaired.isEmpty ? nil : L10n.message(.layerRepairedNote, repaired.map(String.init).joined(separator: ", ")).bilingual
            try writer.finishImport(importID, rowsRead: file.features.count, inserted: records.count, updated: 0, note: note)
            return id
        }
        return report
    }

    /// Writes a layer back out as GeoJSON, Shapefile or GeoPackage, in `crs` (by default the
    /// system of the file it came from), with its attributes as text; the number of features.
    @discardableResult
    public func export(_ name: String, format: LayerExportFormat, to url: URL, crs: ChinaCRS? = nil) throws -> Int {
        let layer = try layer(named: name)
        guard let working = ChinaCRS(epsg: layer.workingCRS) else {
            throw UserError(.invalid, L10n.message(.geojsonTransformFailed, layer.workingCRS))
        }
        let target = crs ?? ChinaCRS(epsg: layer.sourceCRS) ?? working
        let projection = target == working ? nil : Projection(from: working, to: target)
        if target != working && projection == nil { throw UserError(.unavailable, L10n.message(.geojsonTransformFailed, target.epsg)) }
        let features = try features(of: layer).map { feature in
            let stored = Shape(wkb: feature.geometry)
            guard let shape = projection.map({ stored.transformed(by: $0) }) ?? stored else {
                throw UserError(.unavailable, L10n.message(.geojsonTransformFailed, working.epsg))
            }
            let values = layer.fields.indices.map { i -> VectorValue in
                guard i < feature.attributes.count, feature.attributes[i].count == 2, let value = feature.attributes[i][1] else {
                    return .null
                }
                return .text(value)
            }
            return VectorOutputFeature(values: values, shape: shape)
        }
        try VectorFileWriter.write(
            url, format: format.vector, layerName: layer.name, fields: layer.fields.map { VectorField($0) }, features: features, crs: target
        )
        return features.count
    }

    /// Every layer's features for the map: in CGCS2000 degrees, simplified so that no position
    /// moves more than `tolerance` metres.
    public func mapLayers(tolerance: Double) throws -> [MapLayer] {
        try layers().map { layer in
            guard let working = ChinaCRS(epsg: layer.workingCRS), let toDegrees = Projection(from: working) else {
                return MapLayer(layer: layer, areas: [])
            }
            return MapLayer(
                layer: layer,
                areas: try features(of: layer).map { f in
                    MapArea(
                        label: f.label ?? layer.name, number: f.number, areaM2: f.areaM2,
                        polygons: MapLayer.degrees(Shape(wkb: f.geometry), toDegrees: toDegrees, tolerance: tolerance))
                })
        }
    }

    /// The demo's illustrative plan layers (`IllustrativeLayers`, marked 示意): a development
    /// boundary around the county seat, farmland around the plain villages, a red line over the
    /// mountains around the seat of the township `mountainTownship`, and construction land that
    /// breaks each default rule. Needs the county outline and both positions; returns the layers.
    @discardableResult
    public func installIllustrativeLayers(mountainTownship: String) throws -> [StoredLayer] {
        let registerService = RegisterService(store: store)
        let register = try registerService.divisionRegister()
        guard let outline = try registerService.countyOutline(), let seat = register.county?.location,
            let mountain = register.townships(named: mountainTownship).first?.location.map({
                LonLat($0.longitudeDegrees, $0.latitudeDegrees)
            }),
            let working = try workingCRS(fallbackLongitude: seat.longitudeDegrees),
            let toWorking = Projection(from: .cgcs2000, to: working),
            let county = Shape.multiPolygon(outline.polygons.map { $0.rings.map { $0.map { ($0.lon, $0.lat) } } })?.transformed(
                by: toWorking),
            let seatXY = toWorking.transform(x: seat.longitudeDegrees, y: seat.latitudeDegrees),
            let mountainXY = toWorking.transform(x: mountain.lon, y: mountain.lat)
        else { throw UserError(.missingInput, L10n.message(.layerDemoNeedsOutline)) }
        let villages = register.divisions.filter { $0.kind.tier == .village && $0.status == .current }.compactMap { v in
            v.location.flatMap { p in toWorking.transform(x: p.longitudeDegrees, y: p.latitudeDegrees) }.map {
                (name: v.name, x: $0.x, y: $0.y)
            }
        }
        // Layers are named by their kind (shown everywhere with 示意, from their flag); features
        // that stand alone carry the mark in their own name.
        func named(_ kind: LayerKind) -> String { kind.label.zh }
        func marked(_ kind: LayerKind) -> String { L10n.message(.illustrativeName, kind.label.zh).zh }
        guard
            let made = IllustrativeLayers.make(
                outline: county, seat: seatXY, mountain: mountainXY, villages: villages,
                names: (
                    marked(.urbanBoundary), marked(.ecologicalRedline), L10n.message(.layerDemoBlock).zh,
                    L10n.message(.layerDemoMountainSite).zh
                ))
        else { throw UserError(.unavailable, L10n.message(.layerDemoNeedsOutline)) }
        let layers: [(LayerKind, [IllustrativeLayers.Feature])] = [
            (.urbanBoundary, made.boundary), (.basicFarmland, made.farmland), (.ecologicalRedline, made.redline),
            (.constructionPlan, made.construction),
        ]
        let files = layers.map { kind, features in
            (
                kind,
                VectorFile(
                    fileName: IllustrativeLayers.procedureName, format: "generated", layerName: named(kind),
                    fields: [L10n.message(.cxName).zh],
                    features: features.enumerated().map {
                        VectorFeature(number: $0.offset + 1, values: [$0.element.label], shape: $0.element.shape)
                    }, crs: working, encoding: L10n.message(.vectorEncodingFormat, SourceEncoding.utf8.rawValue))
            )
        }
        // All four checked before any is stored: none or all.
        for (kind, file) in files {
            _ = try importFile(file, name: named(kind), LayerImportOptions(kind: kind, dryRun: true, illustrative: true))
        }
        return try files.map { kind, file in
            try importFile(file, name: named(kind), LayerImportOptions(kind: kind, illustrative: true)).layer
        }
    }

    /// Deletes a layer and its features.
    public func deleteLayer(named name: String) throws {
        let deleted = try store.write(by: principal, .county(.naturalResources)) { try $0.deleteLayer(named: name) }
        if !deleted { throw UserError(.missingInput, L10n.message(.layerNotFound, name)) }
    }

    /// The file's system, or the declared one; refuses a file naming a system this program does
    /// not know, one contradicting `declared`, and one naming none without `declared` (saying
    /// which zones fit the county).
    func sourceCRS(of file: VectorFile, declared: ChinaCRS?) throws -> ChinaCRS {
        if let unknown = file.unknownCRS { throw UserError.rejected(file: file.fileName, L10n.message(.layerUnknownCRS, unknown)) }
        if let named = file.crs, let declared, named != declared {
            throw UserError.rejected(file: file.fileName, L10n.message(.geojsonCRSConflict, named.epsg, declared.epsg))
        }
        if let system = file.crs ?? declared { return system }
        let longitude = try store.read { try $0.register().county?.location?.longitudeDegrees }
        let zones = longitude.map { ChinaCRS.zones(around: $0).map { "EPSG:\($0.epsg)" }.joined(separator: "、") }
        throw UserError.rejected(
            file: file.fileName,
            zones.map { L10n.message(.layerNoCRSZones, $0) } ?? L10n.message(.layerNoCRS))
    }

    /// Warnings for features reaching outside the county outline (when one is stored), and, for a
    /// file in degrees, one when the features fit the outline better once it is moved as GCJ-02
    /// (火星坐标) moves positions: a layer traced on a web map and saved as WGS84.
    func outsideCounty(_ records: [LayerFeatureRecord], working: ChinaCRS, file: String, degrees: Bool) throws -> [ImportIssue] {
        guard let outline = try RegisterService(store: store).countyOutline(), let toWorking = Projection(from: .cgcs2000, to: working)
        else { return [] }
        func county(_ move: (LonLat) -> LonLat) -> Shape? {
            Shape.multiPolygon(outline.polygons.map { $0.rings.map { $0.map { move($0) }.map { ($0.lon, $0.lat) } } })?.transformed(
                by: toWorking)
        }
        guard let real = county({ $0 }) else { return [] }
        let shapes = records.map { Shape(wkb: $0.geometry) }
        let outside = Overlay.outside(shapes, [real]).filter { $0.area >= 1 }
        var warnings = outside.map { piece in
            let record = records[piece.a]
            return ImportIssue(
                file: file, row: record.number,
                message: Self.located(record.number, record.label, L10n.message(.layerOutsideCounty, Format.number(piece.area, digits: 0))),
                severity: .warning)
        }
        let outsideArea = outside.reduce(0) { $0 + $1.area }
        if degrees, outsideArea > 1_000, let moved = county(GCJ02.fromWGS84) {
            let movedArea = Overlay.outside(shapes, [moved]).reduce(0) { $0 + $1.area }
            if movedArea < outsideArea / 2 {
                warnings.insert(
                    ImportIssue(
                        file: file,
                        message: L10n.message(.layerLooksGCJ02, Format.number(outsideArea, digits: 0), Format.number(movedArea, digits: 0)),
                        severity: .warning), at: 0)
            }
        }
        return warnings
    }

    static func field(in fields: [String], among names: [String]) -> Int? {
        for name in names {
            if let i = fields.firstIndex(where: { $0.uppercased() == name.uppercased() }) { return i }
        }
        return nil
    }

    /// The message prefixed by the feature: 「第 3 个要素（基本农田甲）：…」.
    static func located(_ number: Int, _ label: String?, _ message: Localized) -> Localized {
        let who = label.map { L10n.message(.layerFeatureNamed, number, $0) } ?? L10n.message(.layerFeatureNumber, number)
        return L10n.message(.layerFeatureProblem, zh: [who.zh, message.zh], en: [who.en, message.en])
    }

    /// The longitude of a box's centre, for choosing a working zone when the county has no position.
    static func longitude(of box: PlanarBox, in system: ChinaCRS) -> Double? {
        Projection(from: system)?.lonLat(x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2)?.lon
    }
}
