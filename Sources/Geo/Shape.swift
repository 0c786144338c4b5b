import CGEOS
import Foundation

/// A geometry of any type as 2D well-known binary (WKB), in the coordinates of whatever system
/// its owner records. GEOS reads it for each operation, so no C handle outlives a call and a
/// shape can be stored, sent between threads and compared as plain bytes.
public struct Shape: Sendable, Hashable {
    /// The well-known binary.
    public let wkb: [UInt8]

    public init(wkb: [UInt8]) {
        self.wkb = wkb
    }

    /// A polygon from rings of (x, y) pairs, the first the outer ring; nil when GEOS cannot build
    /// it (a ring with fewer than four positions or not closed).
    public static func polygon(_ rings: [[(x: Double, y: Double)]]) -> Shape? {
        multiPolygon([rings])
    }

    /// A multipolygon from polygons given as rings of (x, y) pairs; nil when GEOS cannot build it.
    public static func multiPolygon(_ polygons: [[[(x: Double, y: Double)]]]) -> Shape? {
        GEOSSession.run { session -> Shape? in
            var parts: [OpaquePointer?] = []
            for rings in polygons {
                guard let polygon = session.makePolygon(rings) else {
                    for case let part? in parts { GEOSGeom_destroy_r(session.context, part) }
                    return nil
                }
                parts.append(polygon)
            }
            let built: OpaquePointer?
            if parts.count == 1 {
                built = parts[0]
            } else {
                let count = UInt32(parts.count)
                built = parts.withUnsafeMutableBufferPointer {
                    GEOSGeom_createCollection_r(session.context, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, count)
                }
            }
            guard let built else { return nil }
            defer { GEOSGeom_destroy_r(session.context, built) }
            return session.write(built)
        }
    }

    /// A shape from well-known text (tests and fixtures); nil when GEOS cannot read it.
    public init?(wkt: String) {
        guard
            let bytes = GEOSSession.run({ session -> [UInt8]? in
                guard let reader = GEOSWKTReader_create_r(session.context) else { return nil }
                defer { GEOSWKTReader_destroy_r(session.context, reader) }
                guard let geometry = GEOSWKTReader_read_r(session.context, reader, wkt) else { return nil }
                defer { GEOSGeom_destroy_r(session.context, geometry) }
                return session.write(geometry)?.wkb
            })
        else { return nil }
        self.init(wkb: bytes)
    }

    /// What GEOS finds in the shape; nil when the bytes are not well-known binary.
    public func facts() -> ShapeFacts? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            return session.facts(g)
        }
    }

    /// The bounding box alone (cheaper than `facts`, which checks validity); nil when empty or
    /// unreadable.
    public func bounds() -> PlanarBox? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            return session.bounds(g)
        }
    }

    /// The shape repaired by GEOS's `MakeValid` (the "structure" method, which keeps a polygon's
    /// area and drops collapsed parts); nil when GEOS cannot read or repair it.
    public func madeValid() -> Shape? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            guard let parameters = GEOSMakeValidParams_create_r(session.context) else { return nil }
            defer { GEOSMakeValidParams_destroy_r(session.context, parameters) }
            GEOSMakeValidParams_setMethod_r(session.context, parameters, GEOS_MAKE_VALID_STRUCTURE)
            GEOSMakeValidParams_setKeepCollapsed_r(session.context, parameters, 0)
            guard let repaired = GEOSMakeValidWithParams_r(session.context, g, parameters) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, repaired) }
            return session.write(repaired)
        }
    }

    /// The shape with every position moved by `projection`; nil when a position cannot be moved.
    public func transformed(by projection: Projection) -> Shape? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            let moved = withExtendedLifetime(projection) {
                GEOSGeom_transformXY_r(
                    session.context, g,
                    { x, y, userdata in
                        guard let x, let y, let userdata else { return 0 }
                        let projection = Unmanaged<Projection>.fromOpaque(userdata).takeUnretainedValue()
                        guard let out = projection.transform(x: x.pointee, y: y.pointee) else { return 0 }
                        x.pointee = out.x
                        y.pointee = out.y
                        return 1
                    }, Unmanaged.passUnretained(projection).toOpaque())
            }
            guard let moved else { return nil }
            defer { GEOSGeom_destroy_r(session.context, moved) }
            return session.write(moved)
        }
    }

    /// The shape simplified so that no position moves more than `tolerance`, without making
    /// rings cross (for drawing at a scale); nil when GEOS cannot read it.
    public func simplified(tolerance: Double) -> Shape? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            guard let simple = GEOSTopologyPreserveSimplify_r(session.context, g, tolerance) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, simple) }
            return session.write(simple)
        }
    }

    /// The polygons of the shape (of a polygon, a multipolygon, or the polygons of a collection),
    /// each as rings of (x, y) pairs, outer ring first; empty for points and lines.
    public func polygons() -> [[[(x: Double, y: Double)]]] {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return [] }
            defer { GEOSGeom_destroy_r(session.context, g) }
            return session.polygons(g)
        }
    }

    /// The lines of the shape (of a line string, a multi line string, or the lines of a
    /// collection), each as (x, y) pairs; empty for points and polygons.
    public func lines() -> [[(x: Double, y: Double)]] {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return [] }
            defer { GEOSGeom_destroy_r(session.context, g) }
            return session.lines(g)
        }
    }

    /// Whether the point (x, y) lies in the shape or on its boundary; nil when GEOS cannot read it.
    public func covers(x: Double, y: Double) -> Bool? {
        GEOSSession.run { session -> Bool? in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            guard let point = GEOSGeom_createPointFromXY_r(session.context, x, y) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, point) }
            switch GEOSCovers_r(session.context, g, point) {
            case 1: return true
            case 0: return false
            default: return nil
            }
        }
    }

    /// The part this shape shares with `other`; nil when GEOS cannot read or overlay them.
    public func intersection(_ other: Shape) -> Shape? { overlaid(with: other, GEOSIntersection_r) }

    /// The part of this shape outside `other`; nil when GEOS cannot read or overlay them.
    public func difference(_ other: Shape) -> Shape? { overlaid(with: other, GEOSDifference_r) }

    private func overlaid(
        with other: Shape, _ operation: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    ) -> Shape? {
        GEOSSession.run { session in
            guard let a = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, a) }
            guard let b = session.read(other) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, b) }
            guard let result = operation(session.context, a, b) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, result) }
            return session.write(result)
        }
    }

    /// The area covered by the shapes together (overlaps counted once); nil when GEOS cannot
    /// read or union them.
    public static func unionArea(_ shapes: [Shape]) -> Double? {
        GEOSSession.run { session in
            var parts: [OpaquePointer?] = shapes.map { session.read($0) }
            guard parts.allSatisfy({ $0 != nil }) else {
                for case let part? in parts { GEOSGeom_destroy_r(session.context, part) }
                return nil
            }
            let count = UInt32(parts.count)
            guard
                let collection = parts.withUnsafeMutableBufferPointer({
                    GEOSGeom_createCollection_r(session.context, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, count)
                })
            else { return nil }
            defer { GEOSGeom_destroy_r(session.context, collection) }
            guard let union = GEOSUnaryUnion_r(session.context, collection) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, union) }
            var area = 0.0
            return GEOSArea_r(session.context, union, &area) == 1 ? area : nil
        }
    }

    /// The polygonal part of the shape: the shape itself when it is a polygon or multipolygon,
    /// else a multipolygon of the polygons it holds (an overlay's lines and points dropped).
    public func polygonal() -> Shape {
        if facts()?.kind == .polygon { return self }
        return Shape.multiPolygon(polygons()) ?? self
    }

    /// The point inside the shape GEOS chooses for a label (`PointOnSurface`); nil when empty.
    public func labelPoint() -> (x: Double, y: Double)? {
        GEOSSession.run { session in
            guard let g = session.read(self) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, g) }
            guard let point = GEOSPointOnSurface_r(session.context, g) else { return nil }
            defer { GEOSGeom_destroy_r(session.context, point) }
            var x = 0.0
            var y = 0.0
            guard GEOSisEmpty_r(session.context, point) == 0, GEOSGeomGetX_r(session.context, point, &x) == 1,
                GEOSGeomGetY_r(session.context, point, &y) == 1
            else { return nil }
            return (x, y)
        }
    }
}

/// The kind of a geometry, as a layer's kind expects it.
public enum ShapeKind: String, Sendable, Hashable {
    case point, line, polygon, collection
}

/// An axis-aligned box in a shape's coordinates.
public struct PlanarBox: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether the boxes share a point.
    public func intersects(_ other: PlanarBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest box holding both.
    public func union(_ other: PlanarBox) -> PlanarBox {
        PlanarBox(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }
}

/// Why GEOS finds a geometry invalid, and where.
public struct Invalidity: Sendable, Hashable {
    /// GEOS's reason, e.g. "Self-intersection" or "Ring Self-intersection".
    public let reason: String
    public let x: Double
    public let y: Double
}

/// What GEOS finds in a shape.
public struct ShapeFacts: Sendable {
    public let kind: ShapeKind
    public let isEmpty: Bool
    /// The area in the square of the coordinates' unit (m² in a projected system).
    public let area: Double
    /// The bounding box; nil when empty.
    public let bounds: PlanarBox?
    /// nil when the geometry is valid.
    public let invalidity: Invalidity?
    public let positions: Int
    /// Whether any coordinate is NaN or infinite.
    public let hasNonFinite: Bool
}

/// One GEOS context with a WKB reader and writer, for the length of one call or one worker
/// thread (a context is not to be shared between threads). Error messages are dropped: errors
/// are read from return values.
final class GEOSSession {
    let context: GEOSContextHandle_t
    private let reader: OpaquePointer
    private let writer: OpaquePointer

    private init?() {
        guard let context = GEOS_init_r() else { return nil }
        GEOSContext_setErrorMessageHandler_r(context, { _, _ in }, nil)
        GEOSContext_setNoticeMessageHandler_r(context, { _, _ in }, nil)
        guard let reader = GEOSWKBReader_create_r(context), let writer = GEOSWKBWriter_create_r(context) else {
            GEOS_finish_r(context)
            return nil
        }
        GEOSWKBWriter_setOutputDimension_r(context, writer, 2)
        self.context = context
        self.reader = reader
        self.writer = writer
    }

    deinit {
        GEOSWKBReader_destroy_r(context, reader)
        GEOSWKBWriter_destroy_r(context, writer)
        GEOS_finish_r(context)
    }

    /// Runs `body` with a new session.
    static func run<T>(_ body: (GEOSSession) -> T) -> T {
        guard let session = GEOSSession() else { preconditionFailure("GEOS could not allocate a context") }
        return body(session)
    }

    /// A geometry the caller owns (destroy with `GEOSGeom_destroy_r`); nil for bytes GEOS cannot read.
    func read(_ shape: Shape) -> OpaquePointer? {
        shape.wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(context, reader, $0.baseAddress, $0.count) }
    }

    /// The geometry's well-known binary; nil when GEOS cannot write it.
    func write(_ geometry: OpaquePointer) -> Shape? {
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(context, writer, geometry, &size) else { return nil }
        defer { GEOSFree_r(context, bytes) }
        return Shape(wkb: Array(UnsafeBufferPointer(start: bytes, count: size)))
    }

    func facts(_ g: OpaquePointer) -> ShapeFacts {
        let kind: ShapeKind
        switch GEOSGeomTypeId_r(context, g) {
        case Int32(GEOS_POINT.rawValue), Int32(GEOS_MULTIPOINT.rawValue): kind = .point
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue), Int32(GEOS_MULTILINESTRING.rawValue): kind = .line
        case Int32(GEOS_POLYGON.rawValue), Int32(GEOS_MULTIPOLYGON.rawValue): kind = .polygon
        default: kind = .collection
        }
        let empty = GEOSisEmpty_r(context, g) == 1
        var area = 0.0
        if GEOSArea_r(context, g, &area) != 1 { area = .nan }
        let bounds = bounds(g)
        let finite = bounds.map { [$0.minX, $0.minY, $0.maxX, $0.maxY].allSatisfy(\.isFinite) } ?? true
        return ShapeFacts(
            kind: kind, isEmpty: empty, area: area, bounds: bounds, invalidity: finite ? invalidity(g) : nil,
            positions: Int(GEOSGetNumCoordinates_r(context, g)), hasNonFinite: !finite || !area.isFinite)
    }

    /// The geometry's bounding box; nil when empty.
    func bounds(_ g: OpaquePointer) -> PlanarBox? {
        var box = (0.0, 0.0, 0.0, 0.0)
        guard GEOSisEmpty_r(context, g) == 0, GEOSGeom_getXMin_r(context, g, &box.0) == 1, GEOSGeom_getYMin_r(context, g, &box.1) == 1,
            GEOSGeom_getXMax_r(context, g, &box.2) == 1, GEOSGeom_getYMax_r(context, g, &box.3) == 1
        else { return nil }
        return PlanarBox(minX: box.0, minY: box.1, maxX: box.2, maxY: box.3)
    }

    func invalidity(_ g: OpaquePointer) -> Invalidity? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = GEOSisValidDetail_r(context, g, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(context, reason) }
            if let location { GEOSGeom_destroy_r(context, location) }
        }
        // 1: valid; 0: invalid; 2: GEOS failed to decide, which is no proof of validity.
        guard valid != 1 else { return nil }
        var x = Double.nan
        var y = Double.nan
        if let location {
            _ = GEOSGeomGetX_r(context, location, &x)
            _ = GEOSGeomGetY_r(context, location, &y)
        }
        return Invalidity(
            reason: reason.map { String(cString: $0) } ?? (valid == 2 ? "GEOS could not check validity" : "invalid"), x: x, y: y)
    }

    /// A polygon the caller owns, from rings of (x, y) pairs.
    func makePolygon(_ rings: [[(x: Double, y: Double)]]) -> OpaquePointer? {
        var made: [OpaquePointer] = []
        for ring in rings {
            let flat = ring.flatMap { [$0.x, $0.y] }
            guard
                let sequence = flat.withUnsafeBufferPointer({
                    GEOSCoordSeq_copyFromBuffer_r(context, $0.baseAddress, UInt32(ring.count), 0, 0)
                }),
                let linear = GEOSGeom_createLinearRing_r(context, sequence)
            else {
                for ring in made { GEOSGeom_destroy_r(context, ring) }
                return nil
            }
            made.append(linear)
        }
        guard let shell = made.first else { return GEOSGeom_createEmptyPolygon_r(context) }
        var holes: [OpaquePointer?] = Array(made.dropFirst())
        return holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(context, shell, $0.baseAddress, UInt32($0.count))
        }
    }

    /// The polygons of a geometry as rings of (x, y) pairs.
    func polygons(_ g: OpaquePointer) -> [[[(x: Double, y: Double)]]] {
        switch GEOSGeomTypeId_r(context, g) {
        case Int32(GEOS_POLYGON.rawValue):
            guard GEOSisEmpty_r(context, g) == 0, let shell = GEOSGetExteriorRing_r(context, g) else { return [] }
            var rings = [positions(shell)]
            for i in 0..<max(0, GEOSGetNumInteriorRings_r(context, g)) {
                if let hole = GEOSGetInteriorRingN_r(context, g, i) { rings.append(positions(hole)) }
            }
            return [rings]
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return (0..<max(0, GEOSGetNumGeometries_r(context, g))).flatMap { i -> [[[(x: Double, y: Double)]]] in
                guard let part = GEOSGetGeometryN_r(context, g, i) else { return [] }
                return polygons(part)
            }
        default:
            return []
        }
    }

    /// The lines of a geometry (of a line string, a multi line string, or the lines of a
    /// collection) as (x, y) pairs.
    func lines(_ g: OpaquePointer) -> [[(x: Double, y: Double)]] {
        switch GEOSGeomTypeId_r(context, g) {
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return GEOSisEmpty_r(context, g) == 0 ? [positions(g)] : []
        case Int32(GEOS_MULTILINESTRING.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return (0..<max(0, GEOSGetNumGeometries_r(context, g))).flatMap { i -> [[(x: Double, y: Double)]] in
                guard let part = GEOSGetGeometryN_r(context, g, i) else { return [] }
                return lines(part)
            }
        default:
            return []
        }
    }

    private func positions(_ ring: OpaquePointer) -> [(x: Double, y: Double)] {
        guard let sequence = GEOSGeom_getCoordSeq_r(context, ring) else { return [] }
        var count: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(context, sequence, &count) == 1, count > 0 else { return [] }
        var flat = [Double](repeating: 0, count: Int(count) * 2)
        let copied = flat.withUnsafeMutableBufferPointer {
            GEOSCoordSeq_copyToBuffer_r(context, sequence, $0.baseAddress, 0, 0)
        }
        guard copied == 1 else { return [] }
        return (0..<Int(count)).map { (flat[2 * $0], flat[2 * $0 + 1]) }
    }
}
