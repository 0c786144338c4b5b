import Analysis
public import Domain
public import Foundation
public import Geo
import Interchange
public import Localization
import ODEngine
import Planning
public import Store

/// Options of a road import.
public struct RoadImportOptions: Sendable {
    /// The system of a file that names none (`--crs EPSG:4546`).
    public var crs: ChinaCRS?
    /// The attribute holding the road class; found by its usual names when nil.
    public var classField: String?
    /// Which layer of a file holding several (an OpenStreetMap file: `lines`).
    public var sourceLayer: String?
    public var encoding: AttributeEncoding?
    /// Line ends closer than this (metres) are joined.
    public var toleranceM: Double
    public var dryRun: Bool
    /// The network is illustrative (示意), e.g. the demo's.
    public var illustrative: Bool

    public init(
        crs: ChinaCRS? = nil, classField: String? = nil, sourceLayer: String? = nil, encoding: AttributeEncoding? = nil,
        toleranceM: Double = 1, dryRun: Bool = false, illustrative: Bool = false
    ) {
        self.crs = crs
        self.classField = classField
        self.sourceLayer = sourceLayer
        self.encoding = encoding
        self.toleranceM = toleranceM
        self.dryRun = dryRun
        self.illustrative = illustrative
    }
}

/// One road class in a network: its lines, their length, its speed.
public struct RoadClassUse: Sendable, Hashable {
    public var roadClass: RoadClass
    public var features: Int
    public var lengthM: Double
}

/// What a built network holds: its size, its pieces, how its ends were joined.
public struct NetworkSummary: Sendable {
    public var nodes: Int
    public var edges: Int
    /// Pieces not joined to each other, largest first (nodes in each).
    public var componentSizes: [Int]
    public var snappedEnds: Int
    /// Lines left out of the graph: of length 0 once close positions are merged, or unusable.
    public var skippedLines: Int
    public var byClass: [RoadClassUse]
    public var illustrative: Bool
}

/// What a road import did (or, in a dry run, would do).
public struct RoadImportReport: Sendable {
    public var network: StoredRoadNetwork
    public var summary: NetworkSummary
    /// OpenStreetMap lines left out: not roads, or of a kind with no class here.
    public var skipped: Int
    public var encoding: Localized
    public var dryRun: Bool
}

/// Road lines read from a file and checked: each a line, each of a known class.
struct RoadReading {
    var features: [RoadFeature]
    var working: ChinaCRS
    var source: ChinaCRS
    /// OpenStreetMap lines that are not roads (rivers, power lines) or of a kind with no class
    /// here (bridleway …), left out.
    var skipped: Int = 0

    /// Reads the road features of `file` into `working` (by default the Gauss–Krüger 3° zone of the
    /// file's middle); every problem at once, by feature.
    init(_ file: VectorFile, classField: String?, declared: ChinaCRS?, working wanted: ChinaCRS?) throws {
        if let unknown = file.unknownCRS { throw UserError.rejected(file: file.fileName, L10n.message(.layerUnknownCRS, unknown)) }
        guard let source = file.crs ?? declared else { throw UserError.rejected(file: file.fileName, L10n.message(.layerNoCRS)) }
        let fields = file.fields
        let classIndex =
            classField.map { wanted in fields.firstIndex(of: wanted) } ?? LayerService.field(in: fields, among: RoadFields.roadClass)
        guard let classIndex else {
            throw UserError.rejected(
                file: file.fileName,
                classField.map { L10n.message(.layerNoSuchField, $0, fields.joined(separator: "、")) }
                    ?? L10n.message(.roadNoClassField, RoadFields.roadClass.joined(separator: "、"), fields.joined(separator: "、")))
        }
        let oneWayIndex = LayerService.field(in: fields, among: RoadFields.oneWay)
        // OpenStreetMap's lines layer holds every line (rivers too); tags without a column of
        // their own sit in `other_tags` as "key"=>"value".
        let isOSM = file.format == "OSM"
        let otherTags = isOSM ? fields.firstIndex(of: "other_tags") : nil
        let nameIndex = LayerService.field(in: fields, among: LayerService.labelFields + ["name", "名称"])  // vocabulary
        if file.features.isEmpty { throw UserError.rejected(file: file.fileName, L10n.message(.layerNoFeatures)) }
        let firstBox = file.features.lazy.compactMap { $0.shape?.bounds() }.first
        let working =
            wanted ?? (source.isGeographic ? ChinaCRS.working(forLongitude: firstBox.map { ($0.minX + $0.maxX) / 2 } ?? 112) : source)
        guard let projection = Projection(from: source, to: working) else {
            throw UserError.rejected(file: file.fileName, L10n.message(.geojsonTransformFailed, source.epsg))
        }
        var issues = IssueList(file: file.fileName)
        var features: [RoadFeature] = []
        for feature in file.features {
            let name = nameIndex.flatMap { feature.values[$0] }
            func problem(_ message: Localized) {
                issues.append(
                    ImportIssue(file: file.fileName, row: feature.number, message: LayerService.located(feature.number, name, message)))
            }
            guard let shape = feature.shape, let facts = shape.facts(), !facts.isEmpty else {
                problem(L10n.message(.layerNoGeometry))
                continue
            }
            guard facts.kind == .line, !facts.hasNonFinite else {
                problem(L10n.message(.roadNotALine, facts.kind.rawValue))
                continue
            }
            let value = feature.values[classIndex] ?? ""
            guard let roadClass = RoadClassKey(fileValue: value) else {
                if isOSM {
                    skipped += 1
                } else {
                    problem(Self.unknownClass(value, field: fields[classIndex]))
                }
                continue
            }
            guard let moved = source == working ? shape : shape.transformed(by: projection) else {
                problem(L10n.message(.geojsonTransformFailed, source.epsg))
                continue
            }
            let direction: RoadDirection =
                switch RoadFields.oneWay(
                    oneWayIndex.flatMap { feature.values[$0] } ?? otherTags.flatMap { Self.tag("oneway", in: feature.values[$0]) })
                {
                case true?: .forward
                case false?: .backward
                case nil: .both
                }
            let length = moved.lines().reduce(0.0) { total, line in
                zip(line, line.dropFirst()).reduce(total) {
                    $0 + (($1.1.x - $1.0.x) * ($1.1.x - $1.0.x) + ($1.1.y - $1.0.y) * ($1.1.y - $1.0.y)).squareRoot()
                }
            }
            features.append(
                RoadFeature(
                    number: feature.number, name: name, roadClass: roadClass, direction: direction, lengthM: length, geometry: moved.wkb))
        }
        if issues.errorCount > 0 { throw UserError.rejected(issues) }
        self.features = features
        self.working = working
        self.source = source
    }
}

extension RoadReading {
    /// The largest snapping tolerance accepted (metres): beyond it separate roads would merge.
    static let maxTolerance = 50.0

    /// Refuses a tolerance that is not a number from 0 to `maxTolerance`.
    static func check(tolerance: Double) throws {
        guard tolerance.isFinite, tolerance >= 0, tolerance <= maxTolerance else {
            throw UserError(.invalid, L10n.message(.roadBadTolerance, String(tolerance)))
        }
    }

    /// `lines` for an OpenStreetMap file (.osm, .osm.pbf, .pbf), whose roads are in that layer.
    static func osmLayer(_ url: URL) -> String? {
        ["osm", "pbf"].contains(url.pathExtension.lowercased()) ? "lines" : nil
    }

    /// The value of `key` in OpenStreetMap's `other_tags` ("oneway"=>"yes","surface"=>"asphalt").
    static func tag(_ key: String, in tags: String?) -> String? {
        guard let tags, let range = tags.range(of: "\"\(key)\"=>\"") else { return nil }
        let rest = tags[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// 「道路等级「x」（字段 f）无法识别；可识别的等级：国道、省道…」.
    static func unknownClass(_ value: String, field: String) -> Localized {
        L10n.message(
            .roadUnknownClass, zh: [value, field, RoadClassKey.allCases.map { $0.label.zh }.joined(separator: "、")],
            en: [value, field, RoadClassKey.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")])
    }
}

/// A network built from road features, with the feature each edge came from.
struct BuiltNetwork: Sendable {
    let network: RoadNetwork
    /// Feature number of each line handed to the builder.
    let lineFeature: [Int]
    let summary: NetworkSummary
    /// The piece of each node, and the largest piece (nil for an empty network).
    let components: [Int]
    let mainComponent: Int?

    /// Builds the network: classes marked excluded are left out; every part of a multi line is a
    /// line of its own.
    /// `walking`: the network a person on foot uses — expressways left out, one-way streets
    /// walked both ways (times on it mean nothing; walks are measured by distance).
    init(_ features: [RoadFeature], classes: [RoadClass], toleranceM: Double, illustrative: Bool, walking: Bool = false) throws {
        var lines: [RoadLine] = []
        var lineFeature: [Int] = []
        var uses: [RoadClassKey: (Int, Double)] = [:]
        let speed = Dictionary(classes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for f in features {
            uses[f.roadClass, default: (0, 0)].0 += 1
            uses[f.roadClass, default: (0, 0)].1 += f.lengthM
            guard let c = speed[f.roadClass], !c.excluded, !(walking && f.roadClass == .expressway) else { continue }
            let direction: RoadLine.Direction =
                switch (walking, f.direction) {
                case (true, _), (false, .both): .both
                case (false, .forward): .forward
                case (false, .backward): .backward
                }
            for part in Shape(wkb: f.geometry).lines() {
                lines.append(RoadLine(points: part.map { XY($0.x, $0.y) }, kilometresPerHour: c.kilometresPerHour, direction: direction))
                lineFeature.append(f.number)
            }
        }
        let network: RoadNetwork
        do {
            network = try RoadNetwork.build(lines, tolerance: toleranceM)
        } catch .badTolerance {
            throw UserError(.invalid, L10n.message(.roadBadTolerance, String(toleranceM)))
        } catch {
            throw UserError(.invalid, L10n.message(.roadSearchFailed, String(describing: error)))
        }
        let components = network.nodes.isEmpty ? [] : network.graph.components()
        var sizes: [Int: Int] = [:]
        for c in components { sizes[c, default: 0] += 1 }
        self.components = components
        mainComponent = sizes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        self.network = network
        self.lineFeature = lineFeature
        summary = NetworkSummary(
            nodes: network.nodes.count, edges: network.graph.edges.count, componentSizes: sizes.values.sorted(by: >),
            snappedEnds: network.snappedEnds, skippedLines: network.skippedLines.count,
            byClass: classes.compactMap { c in uses[c.key].map { RoadClassUse(roadClass: c, features: $0.0, lengthM: $0.1) } },
            illustrative: illustrative)
    }
}

/// The road network: imported from a surveyor's or OpenStreetMap file into the register, its
/// class speeds edited, and built into a graph for travel distances and times.
public struct RoadService: Sendable {
    let store: RegisterStore
    let principal: Principal

    /// Importing roads and editing speeds is the natural-resources bureau's county-level work.
    static let need = WriteNeed.county(.naturalResources)

    /// The stored network's record; nil when none was imported.
    public func network() throws -> StoredRoadNetwork? { try store.read { try $0.roadNetwork() } }

    /// Every road class with its speed.
    public func classes() throws -> [RoadClass] { try store.read { try $0.roadClasses() } }

    /// Changes a class's speed (km/h, above 0 and at most 200) and whether it is left out.
    @discardableResult
    public func setClass(_ key: RoadClassKey, kilometresPerHour: Double?, excluded: Bool?, source: String?) throws -> RoadClass {
        try store.authorize(principal, [Self.need])
        guard var c = try classes().first(where: { $0.key == key }) else {
            throw UserError(.notFound, RoadReading.unknownClass(key.rawValue, field: ""))
        }
        if let kmh = kilometresPerHour {
            guard kmh.isFinite, kmh >= 1, kmh <= 200 else {
                throw UserError(.invalid, L10n.message(.roadBadSpeed, Format.number(kmh, digits: 1)))
            }
            c.kilometresPerHour = kmh
            c.source = source ?? L10n.message(.roadSpeedSetByCounty).bilingual
        } else if let source {
            c.source = source
        }
        if let excluded { c.excluded = excluded }
        let updated = c
        try store.write(by: principal, Self.need) { w in try w.updateRoadClass(updated) }
        return c
    }

    /// Reads, checks and (unless a dry run) stores a road file, replacing the network before it;
    /// all or nothing.
    public func importRoads(_ url: URL, _ options: RoadImportOptions) throws -> RoadImportReport {
        try store.authorize(principal, [Self.need])
        try RoadReading.check(tolerance: options.toleranceM)
        let file = try VectorFileReader.read(
            url, layer: options.sourceLayer ?? RoadReading.osmLayer(url), encoding: options.encoding?.source)
        let working = try LayerService(store: store, principal: principal).workingCRS(
            fallbackLongitude: file.features.lazy.compactMap { $0.shape?.bounds() }.first.flatMap { box in
                (file.crs ?? options.crs).flatMap { crs in LayerService.longitude(of: box, in: crs) }
            })
        let reading = try RoadReading(file, classField: options.classField, declared: options.crs, working: working)
        let built = try BuiltNetwork(
            reading.features, classes: try classes(), toleranceM: options.toleranceM, illustrative: options.illustrative)
        let record = StoredRoadNetwork(
            sourceFile: file.fileName, sourceFormat: file.format, sourceCRS: reading.source.epsg, workingCRS: reading.working.epsg,
            featureCount: reading.features.count, lengthM: reading.features.reduce(0) { $0 + $1.lengthM }, toleranceM: options.toleranceM,
            illustrative: options.illustrative)
        let report = RoadImportReport(
            network: record, summary: built.summary, skipped: reading.skipped, encoding: file.encoding, dryRun: options.dryRun)
        if options.dryRun { return report }
        try store.write(by: principal, Self.need) { w in
            let importID = try w.beginImport(kind: "roads", fileName: file.fileName, format: file.format, actor: principal.auditName)
            try w.replaceRoadNetwork(record, features: reading.features, importID: importID)
            try w.finishImport(importID, rowsRead: file.features.count, inserted: reading.features.count, updated: 0, note: nil)
        }
        return report
    }

    /// The stored network built into a graph, kept while the network and the speeds are unchanged;
    /// nil when no network is stored.
    func built(walking: Bool = false) throws -> (network: StoredRoadNetwork, built: BuiltNetwork)? {
        guard let record = try network() else { return nil }
        let classes = try classes()
        let version =
            "\(record.importedAt)|\(record.sourceFile)|"
            + classes.map { "\($0.key.rawValue)=\($0.kilometresPerHour),\($0.excluded)" }.joined(separator: ";")
        let (value, _) = try store.versioned(walking ? "road-network-walking" : "road-network", version: version) {
            try BuiltNetwork(
                try store.read { try $0.roadFeatures() }, classes: classes, toleranceM: record.toleranceM,
                illustrative: record.illustrative,
                walking: walking)
        }
        return (record, value)
    }

    /// What the stored network holds; nil when none is stored.
    public func summary() throws -> NetworkSummary? { try built()?.built.summary }
}

extension BuiltNetwork {
    /// Shortest paths from each origin to each destination (positions in the network's system),
    /// each point joined at its nearest edge with the leg to it walked at `walkingKmh`; a point
    /// with no edge to join (an empty network) reaches nothing by road. Two points nearer to each
    /// other than their two legs to the road together (a point with no road: infinitely far) are
    /// joined by walking straight, so a place and a facility at its own position are 0 apart.
    /// Also where each point joined.
    func matrix(from origins: [XY], to destinations: [XY], by measure: TravelMeasure, walkingKmh: Double) throws -> (
        result: ODResult, originSnaps: [Snap?], destinationSnaps: [Snap?]
    ) {
        guard origins.count * destinations.count <= Limits.costMatrixCells else {
            throw UserError(.invalid, L10n.message(.costMatrixTooLarge, origins.count, destinations.count, Limits.costMatrixCells))
        }
        let walk = walkingKmh * 1000 / 60
        func attach(_ points: [XY], _ role: Attachment.Role) -> ([Attachment], [Snap?]) {
            let joined = points.map { network.attach($0, role: role, walkingMetresPerMinute: walk) }
            return (joined.map { $0?.0 ?? Attachment(entries: []) }, joined.map { $0?.1 })
        }
        let (o, oSnaps) = attach(origins, .origin)
        let (d, dSnaps) = attach(destinations, .destination)
        do {
            let result = try ODMatrix.compute(network.graph, origins: o, destinations: d, by: measure == .distance ? .meters : .minutes)
            var meters = result.meters
            var minutes = result.minutes
            for (i, a) in origins.enumerated() where abs(a.x) < RoadNetwork.farthest && abs(a.y) < RoadNetwork.farthest {
                // A point with no road to join is infinitely far from one.
                let offA = oSnaps[i]?.offMeters ?? .infinity
                for (j, b) in destinations.enumerated() where abs(b.x) < RoadNetwork.farthest && abs(b.y) < RoadNetwork.farthest {
                    let straight = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                    guard straight <= offA + (dSnaps[j]?.offMeters ?? .infinity) else { continue }
                    let k = i * destinations.count + j
                    let better = measure == .distance ? straight < (meters[k] ?? .infinity) : straight / walk < (minutes[k] ?? .infinity)
                    if better { (meters[k], minutes[k]) = (straight, straight / walk) }
                }
            }
            return (ODResult(origins: origins.count, destinations: destinations.count, meters: meters, minutes: minutes), oSnaps, dSnaps)
        } catch {
            throw UserError(.invalid, L10n.message(.roadSearchFailed, String(describing: error)))
        }
    }

    /// Whether a snapped point lies on the largest piece of the network.
    func onMainPiece(_ snap: Snap?) -> Bool {
        guard let snap else { return false }
        return mainComponent.map { components[network.graph.edges[snap.edge].from] == $0 } ?? false
    }
}

/// An origin–destination table: each pair's road distance and time, nil when unreachable.
public struct ODTable: Sendable {
    public var origins: [String]
    public var destinations: [String]
    /// Row-major, origins × destinations.
    public var meters: [Double?]
    public var minutes: [Double?]
    public var summary: NetworkSummary
    /// What the reader should know: points far from a road, points on a piece apart.
    public var notes: [Localized]

    /// The table as rows `origin, destination, meters, minutes`.
    public var rows: [(origin: String, destination: String, meters: Double?, minutes: Double?)] {
        var out: [(String, String, Double?, Double?)] = []
        for (i, o) in origins.enumerated() {
            for (j, d) in destinations.enumerated() {
                out.append((o, d, meters[i * destinations.count + j], minutes[i * destinations.count + j]))
            }
        }
        return out
    }
}

/// Travel on a road file without a register (`chengxiang network od`).
public enum NetworkFiles {
    /// Points farther than this from every road are named in the notes (metres).
    static let farFromRoad = 500.0

    /// The OD table between the points of two tables over the roads of a file. Roads and points in
    /// degrees are moved to the Gauss–Krüger 3° zone of the roads' middle; `crs` names the system of
    /// `x,y` points and of a road file naming none.
    public static func od(
        roads: URL, origins: URL, destinations: URL, crs: ChinaCRS?, by measure: TravelMeasure, classField: String? = nil,
        sourceLayer: String? = nil, toleranceM: Double = 1, walkingKmh: Double = RoadClass.walkingKilometresPerHour
    ) throws -> ODTable {
        try RoadReading.check(tolerance: toleranceM)
        let file = try VectorFileReader.read(roads, layer: sourceLayer ?? RoadReading.osmLayer(roads))
        let reading = try RoadReading(file, classField: classField, declared: crs, working: nil)
        let built = try BuiltNetwork(reading.features, classes: RoadClass.defaults, toleranceM: toleranceM, illustrative: false)
        func positions(_ url: URL) throws -> ([String], [XY]) {
            let table = try PointTable.read(url)
            let system: ChinaCRS
            if table.degrees {
                system = .cgcs2000
            } else if let crs {
                system = crs
            } else {
                throw UserError.rejected(file: table.fileName, L10n.message(.pointsNeedCRS))
            }
            // An easting with the zone number in front (37612000) in a system without it.
            if case .gaussKruger(_, _, false) = system, let p = table.points.first(where: { abs($0.a) >= 10_000_000 }) {
                throw UserError.rejected(
                    file: table.fileName, L10n.message(.pointsZonePrefixed, p.id, Format.number(p.a, digits: 0), system.epsg))
            }
            guard let move = Projection(from: system, to: reading.working) else {
                throw UserError.rejected(file: table.fileName, L10n.message(.geojsonTransformFailed, system.epsg))
            }
            var out: [XY] = []
            for p in table.points {
                guard let moved = move.transform(x: p.a, y: p.b) else {
                    throw UserError.rejected(file: table.fileName, L10n.message(.geojsonTransformFailed, system.epsg))
                }
                out.append(XY(moved.x, moved.y))
            }
            return (table.points.map(\.id), out)
        }
        let (originIDs, originXY) = try positions(origins)
        let (destinationIDs, destinationXY) = try positions(destinations)
        let (result, oSnaps, dSnaps) = try built.matrix(from: originXY, to: destinationXY, by: measure, walkingKmh: walkingKmh)
        var notes: [Localized] = []
        let points: [(String, Snap?)] = Array(zip(originIDs, oSnaps)) + Array(zip(destinationIDs, dSnaps))
        let far = points.filter { ($0.1?.offMeters ?? .infinity) > farFromRoad }.map(\.0)
        if !far.isEmpty {
            notes.append(
                L10n.message(.odFarFromRoad, far.count, Format.number(farFromRoad, digits: 0), far.prefix(20).joined(separator: "、")))
        }
        let apart = points.filter { $0.1 != nil && !built.onMainPiece($0.1) }.map(\.0)
        if !apart.isEmpty { notes.append(L10n.message(.odOnIsland, apart.count, apart.prefix(20).joined(separator: "、"))) }
        notes.append(L10n.message(.odSpeedsAssumed, Format.number(walkingKmh, digits: 1)))
        return ODTable(
            origins: originIDs, destinations: destinationIDs, meters: result.meters, minutes: result.minutes, summary: built.summary,
            notes: notes)
    }
}

extension RoadService {
    /// Road distances (km) between every two of `points` (positions in degrees) over the stored
    /// network, for the planner; nil when no network is stored. Pairs no road joins are marked
    /// unreachable; names given twice are left out (the planner falls back to straight lines for
    /// them and says so).
    func distanceTable(_ points: [(name: String, position: LonLat)]) throws -> DistanceTable? {
        guard let (record, built) = try built(), let working = ChinaCRS(epsg: record.workingCRS),
            let move = Projection(from: .cgcs2000, to: working)
        else { return nil }
        var counts: [String: Int] = [:]
        for p in points { counts[p.name, default: 0] += 1 }
        let unique = points.filter { counts[$0.name] == 1 }
        let xy = unique.map { p in move.transform(x: p.position.lon, y: p.position.lat).map { XY($0.x, $0.y) } ?? XY(.nan, .nan) }
        let (result, _, _) = try built.matrix(from: xy, to: xy, by: .distance, walkingKmh: try walkingKmh())
        var values: [String: [String: Double]] = [:]
        var unreachable: [String: Set<String>] = [:]
        for (i, a) in unique.enumerated() {
            for (j, b) in unique.enumerated() where i != j {
                if let m = result.meters(i, j) {
                    values[a.name, default: [:]][b.name] = m / 1000
                } else {
                    unreachable[a.name, default: []].insert(b.name)
                }
            }
        }
        let note =
            record.illustrative
            ? L10n.message(.planNetworkIllustrative, record.sourceFile) : L10n.message(.planNetworkDistances, record.sourceFile)
        return DistanceTable(values: values, unit: .kilometres, unreachable: unreachable, note: note)
    }

    /// The walking speed of the legs between places and roads: the register's walking norm.
    public func walkingKmh() throws -> Double {
        let norms = NormBook(try store.read { try $0.norms() })
        // A speed of 0 (the norms table allows it) would make every walk endless: the default stands in.
        guard let kmh = norms.value(NormKey.walkSpeedKmPerHour), kmh.isFinite, kmh > 0 else { return RoadClass.walkingKilometresPerHour }
        return kmh
    }
}

extension RoadService {
    /// Stores the demo's illustrative network (示意, `IllustrativeRoads`): 县道 joining the county
    /// seat and the township seats, 村道 joining each township's seat and villages, all straight
    /// lines between illustrative positions; replaces any network. Needs positions for the seat.
    @discardableResult
    public func installIllustrativeNetwork() throws -> NetworkSummary {
        try store.authorize(principal, [Self.need])
        let register = try RegisterService(store: store).divisionRegister()
        guard let seat = register.county?.location,
            let working = try LayerService(store: store, principal: principal).workingCRS(fallbackLongitude: seat.longitudeDegrees),
            let toWorking = Projection(from: .cgcs2000, to: working)
        else { throw UserError(.missingInput, L10n.message(.roadsDemoNeedsPositions)) }
        func xy(_ d: Stored<Division>) -> (x: Double, y: Double)? {
            d.location.flatMap { toWorking.transform(x: $0.longitudeDegrees, y: $0.latitudeDegrees) }
        }
        guard let seatXY = toWorking.transform(x: seat.longitudeDegrees, y: seat.latitudeDegrees) else {
            throw UserError(.missingInput, L10n.message(.roadsDemoNeedsPositions))
        }
        var features: [RoadFeature] = []
        func add(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ roadClass: RoadClassKey, _ name: String) {
            let length = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
            // Two places drawn at one position (a seat and its village) need no road between them.
            guard length >= 1, let shape = Shape(wkt: "LINESTRING (\(a.x) \(a.y), \(b.x) \(b.y))") else { return }
            features.append(
                RoadFeature(
                    number: features.count + 1, name: L10n.message(.illustrativeName, name).zh, roadClass: roadClass, direction: .both,
                    lengthM: length, geometry: shape.wkb))
        }
        let seats = register.townships.filter { $0.status == .current }.compactMap { t in xy(t).map { (t, $0) } }
        let hubs = [(register.county?.name ?? "", seatXY)] + seats.map { ($0.0.name, $0.1) }
        for (i, j) in IllustrativeRoads.spanningTree(hubs.map(\.1)) {
            add(hubs[i].1, hubs[j].1, .county, "\(hubs[i].0)–\(hubs[j].0)")
        }
        for (township, seatPoint) in seats {
            let villages = register.villages(in: township).filter { $0.status == .current }.compactMap { v in xy(v).map { (v.name, $0) } }
            let points = [(township.name, seatPoint)] + villages
            for (i, j) in IllustrativeRoads.spanningTree(points.map(\.1)) {
                add(points[i].1, points[j].1, .village, "\(points[i].0)–\(points[j].0)")
            }
        }
        let built = try BuiltNetwork(features, classes: try classes(), toleranceM: 1, illustrative: true)
        let record = StoredRoadNetwork(
            sourceFile: IllustrativeRoads.procedureName, sourceFormat: "generated", sourceCRS: working.epsg, workingCRS: working.epsg,
            featureCount: features.count, lengthM: features.reduce(0) { $0 + $1.lengthM }, toleranceM: 1, illustrative: true)
        try store.write(by: principal, Self.need) { w in try w.replaceRoadNetwork(record, features: features, importID: nil) }
        return built.summary
    }
}
