public import Domain
public import Foundation
public import Geo
public import Interchange
public import Localization
public import Reports
public import Store

/// How a conflict patch was given its township.
public enum TownshipMatch: String, Sendable, Codable {
    /// The patch's inner point lies in the township's stored boundary.
    case boundary
    /// No township boundaries are stored: the township whose seat is nearest (an approximation).
    case nearestSeat = "nearest-seat"
    /// Neither boundaries nor seats are stored.
    case none
}

/// One conflict patch (冲突图斑): where a feature of one layer breaks a rule against another.
public struct ConflictPatch: Sendable {
    public var ruleID: Int64
    public var rule: ConflictRule
    public var layerA: String
    /// The feature's 1-based number in its source file, and its name when it has one.
    public var featureA: Int
    public var labelA: String?
    /// The other layer's feature; nil for a part lying outside every feature of `rule.b`.
    public var layerB: String?
    public var featureB: Int?
    public var labelB: String?
    /// Area in m², measured in the working (projected) system.
    public var areaM2: Double
    public var township: String?
    public var townshipMatch: TownshipMatch
    /// The patch in the working system.
    public var shape: Shape
    /// Whether either layer is illustrative (示意).
    public var illustrative: Bool

    /// Area in 亩 (1 亩 = 10,000/15 m²).
    public var areaMu: Double { Area.mu(fromSquareMetres: areaM2) }
}

/// Patches of a rule in a township.
public struct ConflictSummaryRow: Sendable {
    public var ruleID: Int64
    public var statement: Localized
    public var township: String?
    public var patches: Int
    public var areaM2: Double
}

/// A rule that could not be checked, and why.
public struct SkippedRule: Sendable {
    public var rule: StoredConflictRule
    public var reason: Localized
}

/// The result of checking every enabled rule.
public struct ConflictReport: Sendable {
    public var patches: [ConflictPatch]
    public var summary: [ConflictSummaryRow]
    public var skipped: [SkippedRule]
    /// The system areas were measured in.
    public var workingCRS: ChinaCRS?
    /// How many rules were computed by this check (the others' inputs had not changed).
    public var recomputed: Int
}

/// Conflict detection of 多规合一: each enabled rule overlays the layers of its two kinds.
/// A rule's result is kept while its layers (ids and import times) and its own values stay the
/// same, so a check after a new layer re-runs only the rules that layer's kind takes part in.
public struct ConflictService: Sendable {
    let store: RegisterStore
    let principal: Principal

    /// Every rule.
    public func rules() throws -> [StoredConflictRule] {
        try store.read { try $0.conflictRules() }
    }

    /// Adds a rule; its id.
    @discardableResult
    public func addRule(_ rule: ConflictRule) throws -> Int64 {
        guard rule.a != rule.b else { throw UserError(.invalid, L10n.message(.conflictSameKinds)) }
        try Self.check(rule.minimumArea)
        if try rules().contains(where: {
            $0.rule.relation == rule.relation && $0.rule.a == rule.a && $0.rule.b == rule.b && $0.rule.classes == rule.classes
        }) {
            throw UserError(.invalid, L10n.message(.conflictRuleExists))
        }
        return try store.write(by: principal, .county(.naturalResources)) { try $0.addConflictRule(rule) }
    }

    /// Changes a rule's area threshold, severity and whether it is checked.
    public func setRule(_ id: Int64, minimumArea: Double?, severity: ConflictSeverity?, enabled: Bool?) throws {
        guard let stored = try rules().first(where: { $0.id == id }) else {
            throw UserError(.missingInput, L10n.message(.conflictNoRule, id))
        }
        let area = minimumArea ?? stored.rule.minimumArea
        try Self.check(area)
        try store.write(by: principal, .county(.naturalResources)) {
            try $0.updateConflictRule(
                id, minimumArea: area, severity: severity ?? stored.rule.severity, enabled: enabled ?? stored.rule.enabled)
        }
    }

    static func check(_ area: Double) throws {
        guard area.isFinite, area >= 0 else { throw UserError(.invalid, L10n.message(.conflictBadArea, Format.number(area, digits: 2))) }
    }

    /// Checks every enabled rule.
    public func check() throws -> ConflictReport {
        let (layers, rules, register) = try store.read { (try $0.layers(), try $0.conflictRules(), try $0.register()) }
        var patches: [ConflictPatch] = []
        var skipped: [SkippedRule] = []
        var recomputed = 0
        for stored in rules where stored.rule.enabled {
            let rule = stored.rule
            let a = layers.filter { $0.kind == rule.a }
            let b = layers.filter { $0.kind == rule.b }
            if a.isEmpty || b.isEmpty {
                let missing = a.isEmpty ? rule.a : rule.b
                skipped.append(
                    SkippedRule(rule: stored, reason: L10n.message(.conflictNoLayer, zh: [missing.label.zh], en: [missing.label.en])))
                continue
            }
            let version = "\(rule)|" + (a + b).map { "\($0.id)@\($0.importedAt)" }.joined(separator: ",")
            let (found, computed) = try store.versioned("conflicts/\(stored.id)", version: version) { try overlay(stored, a, b) }
            if computed { recomputed += 1 }
            patches += found
        }
        let crs = layers.first.flatMap { ChinaCRS(epsg: $0.workingCRS) }
        if let crs { try assignTownships(&patches, crs: crs, register: register) }
        return ConflictReport(patches: patches, summary: Self.summary(patches), skipped: skipped, workingCRS: crs, recomputed: recomputed)
    }

    /// The patches of one rule, without townships.
    func overlay(_ stored: StoredConflictRule, _ aLayers: [StoredLayer], _ bLayers: [StoredLayer]) throws -> [ConflictPatch] {
        let rule = stored.rule
        let a = try store.read { reader in
            try aLayers.flatMap { layer in
                try reader.layerFeatures(layer.id).filter { rule.applies(toClass: $0.landClass) }.map { (layer, $0) }
            }
        }
        let b = try store.read { reader in try bLayers.flatMap { layer in try reader.layerFeatures(layer.id).map { (layer, $0) } } }
        let pieces: [OverlayPiece]
        switch rule.relation {
        case .mustNotOverlap:
            pieces =
                Overlay.intersections(a.map { Shape(wkb: $0.1.geometry) }, b.map { Shape(wkb: $0.1.geometry) }, keepShapes: true)
                .pieces
        case .mustLieWithin:
            pieces = Overlay.outside(a.map { Shape(wkb: $0.1.geometry) }, b.map { Shape(wkb: $0.1.geometry) })
        }
        return pieces.compactMap { piece -> ConflictPatch? in
            guard piece.area >= rule.minimumArea, piece.area > 0, let shape = piece.shape else { return nil }
            let (layerA, featureA) = a[piece.a]
            let other = piece.b >= 0 ? b[piece.b] : nil
            return ConflictPatch(
                ruleID: stored.id, rule: rule, layerA: layerA.name, featureA: featureA.number, labelA: featureA.label,
                layerB: other?.0.name, featureB: other?.1.number, labelB: other?.1.label, areaM2: piece.area, township: nil,
                townshipMatch: .none, shape: shape, illustrative: layerA.illustrative || (other?.0.illustrative ?? false))
        }
        .sorted {
            ($0.layerA, $0.featureA, $0.layerB ?? "", $0.featureB ?? 0) < ($1.layerA, $1.featureA, $1.layerB ?? "", $1.featureB ?? 0)
        }
    }

    /// Gives each patch the township its inner point lies in (by stored boundaries), else (no
    /// boundary holds it) the current township with the nearest seat.
    func assignTownships(_ patches: inout [ConflictPatch], crs: ChinaCRS, register: DivisionRegister) throws {
        guard !patches.isEmpty, let toDegrees = Projection(from: crs) else { return }
        let outlines = try store.read { reader in
            try register.townships.compactMap { township -> (String, MultiPolygon)? in
                guard let text = try reader.boundaryGeoJSON(divisionID: township.id),
                    let outline = try? GeoJSONGeometryParser.multiPolygon(text)
                else { return nil }
                return (township.name, outline)
            }
        }
        let seats = register.townships.filter { $0.status == .current }.compactMap { t in
            t.location.map { (t.name, LonLat($0.longitudeDegrees, $0.latitudeDegrees)) }
        }
        for i in patches.indices {
            guard let point = patches[i].shape.labelPoint(), let spot = toDegrees.lonLat(x: point.x, y: point.y) else { continue }
            if let inside = outlines.first(where: { $0.1.contains(spot) }) {
                patches[i].township = inside.0
                patches[i].townshipMatch = .boundary
            } else if let nearest = seats.min(by: { GreatCircle.distanceMetres($0.1, spot) < GreatCircle.distanceMetres($1.1, spot) }) {
                patches[i].township = nearest.0
                patches[i].townshipMatch = .nearestSeat
            }
        }
    }

    /// The report's patches for the map (aligned with `report.patches`), in CGCS2000 degrees,
    /// simplified to `tolerance` metres.
    public func mapAreas(_ report: ConflictReport, tolerance: Double) throws -> [MapArea] {
        guard let working = report.workingCRS, let toDegrees = Projection(from: working) else { return [] }
        return report.patches.map { p in
            MapArea(
                label: p.labelA ?? p.layerA, number: nil, areaM2: p.areaM2,
                polygons: MapLayer.degrees(p.shape, toDegrees: toDegrees, tolerance: tolerance))
        }
    }

    /// Patches and area per rule and township, in rule order then by township.
    static func summary(_ patches: [ConflictPatch]) -> [ConflictSummaryRow] {
        var rows: [String: ConflictSummaryRow] = [:]
        var shapes: [String: [Shape]] = [:]
        var order: [String] = []
        for patch in patches {
            let key = "\(patch.ruleID)|\(patch.township ?? "")"
            if rows[key] == nil {
                order.append(key)
                rows[key] = ConflictSummaryRow(
                    ruleID: patch.ruleID, statement: patch.rule.statement, township: patch.township, patches: 0, areaM2: 0)
            }
            rows[key]?.patches += 1
            shapes[key, default: []].append(patch.shape)
        }
        // Patches of one rule may overlap (two overlapping farmland features under one plot):
        // the area is that of their union, counted once.
        for (key, list) in shapes { rows[key]?.areaM2 = Shape.unionArea(list) ?? 0 }
        return order.compactMap { rows[$0] }.sorted { ($0.ruleID, $0.township ?? "\u{10FFFF}") < ($1.ruleID, $1.township ?? "\u{10FFFF}") }
    }
}

/// The files conflict patches are exported as.
public enum ConflictExportFormat: String, CaseIterable, Sendable {
    case xlsx, geojson, shp
}

extension ConflictService {
    /// Writes the patches of a check: a workbook (one row per patch), or a GIS layer of the patches in `crs` (by default the working system) with
    /// the same columns as attributes — a Shapefile's `.dbf` in GBK with a `.cpg`.
    public func export(
        _ report: ConflictReport, format: ConflictExportFormat, to url: URL, crs: ChinaCRS? = nil, language: Language = .zh
    ) throws {
        let table = TableExport.conflictTable(report, language)
        switch format {
        case .xlsx:
            do {
                try Data(try TableExport.xlsx(table, language)).write(to: url, options: .atomic)
            } catch let error as UserError {
                throw error
            } catch {
                throw UserError(.unavailable, L10n.message(.vectorCannotWrite, url.path, "\(error)"))
            }
        case .geojson, .shp:
            guard let working = report.workingCRS else { throw UserError(.missingInput, L10n.message(.conflictNothingToExport)) }
            let target = crs ?? working
            let projection = target == working ? nil : Projection(from: working, to: target)
            if target != working && projection == nil { throw UserError(.unavailable, L10n.message(.geojsonTransformFailed, target.epsg)) }
            let features = try zip(report.patches, table.rows).map { patch, row in
                // Only the polygonal part: an overlay may leave a touching line beside the patch.
                let patchShape = patch.shape.polygonal()
                guard let shape = projection.map({ patchShape.transformed(by: $0) }) ?? patchShape else {
                    throw UserError(.unavailable, L10n.message(.geojsonTransformFailed, working.epsg))
                }
                return VectorOutputFeature(values: row.map(\.vectorValue), shape: shape)
            }
            let fields = zip(table.headers, table.rows.first ?? []).map { header, cell in
                VectorField(header, cell.vectorValue.isNumber ? .real : .text)
            }
            try VectorFileWriter.write(
                url, format: format == .shp ? .shp : .geojson, layerName: table.title, fields: fields, features: features, crs: target)
        }
    }
}

extension ConflictService {
    /// The patches of a check as a file to download (a Shapefile zipped).
    public func download(_ report: ConflictReport, format: ConflictExportFormat, language: Language) throws -> DownloadFile {
        let (fileExtension, mediaType) =
            switch format {
            case .xlsx: ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case .geojson: LayerExportFormat.geojson.download
            case .shp: LayerExportFormat.shp.download
            }
        return try DownloadFile.made(name: L10n.text(.conflictTitle, language), fileExtension: fileExtension, mediaType: mediaType) { url in
            try export(report, format: format, to: url, language: language)
        }
    }
}

extension TableWorkbook.Cell {
    /// The cell as an attribute value of a GIS feature.
    var vectorValue: VectorValue {
        switch self {
        case .text(let text): .text(text)
        case .number(let value, _): value.map { .real($0) } ?? .null
        }
    }
}

extension VectorValue {
    var isNumber: Bool {
        if case .real = self { return true }
        return false
    }
}

extension TableExport {
    /// Conflict patches: the rule, its severity, both features, the area in m² and 亩, the
    /// township and how it was found, and whether a layer is illustrative (示意). Headers are at
    /// most ten bytes in GBK, the limit of a Shapefile's field names.
    public static func conflictTable(_ report: ConflictReport, _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = report.patches.map { p in
            [
                .text(p.rule.statement.text(language)), .text(p.rule.severity.label.text(language)), .text(p.layerA),
                .number(Double(p.featureA), digits: 0), .text(p.labelA ?? ""), .text(p.layerB ?? ""),
                .number(p.featureB.map(Double.init), digits: 0), .text(p.labelB ?? ""), .number(p.areaM2, digits: 2),
                .number(p.areaMu, digits: 4), .text(p.township ?? ""), .text(L10n.text(p.townshipMatch.labelKey, language)),
                .text(p.illustrative ? t(.uiIllustrative) : ""),
            ]
        }
        return ExportTable(
            title: t(.conflictTitle),
            headers: [
                t(.cxRule), t(.cxSeverity), t(.cxLayerA), t(.cxFeatureA), t(.cxLabelA), t(.cxLayerB), t(.cxFeatureB), t(.cxLabelB),
                t(.cxAreaM2), t(.cxAreaMu), t(.cxTownship), t(.cxTownshipBy), t(.cxIllustrative),
            ], rows: rows)
    }
}

extension TownshipMatch {
    var labelKey: MessageKey {
        switch self {
        case .boundary: .townshipByBoundary
        case .nearestSeat: .townshipByNearestSeat
        case .none: .townshipByNone
        }
    }
}
