import CGEOS
import Foundation

/// Where a shape of one set meets a shape of another: their indexes, the area they share (in the
/// square of the coordinates' unit), and the shared part when it was asked for.
public struct OverlayPiece: Sendable {
    public let a: Int
    public let b: Int
    public let area: Double
    public let shape: Shape?
}

/// The result of an overlay: the pieces, and how many pairs the index proposed and how many
/// truly intersect (touching pairs included; their piece has area 0).
public struct OverlayResult: Sendable {
    public let pieces: [OverlayPiece]
    public let candidatePairs: Int
    public let intersectingPairs: Int
}

/// Overlay of two sets of polygons by GEOS, on every core: each worker has its own GEOS context
/// and its own copy of the geometries (GEOS geometries and prepared geometries are not to be
/// shared between threads), an STRtree over the `a` set, and takes every n-th shape of the `b`
/// set: prepares it, asks the tree for the `a` shapes whose boxes meet it, keeps those that truly
/// intersect, and measures the intersection — or, when the `b` shape holds the `a` shape whole
/// (`ContainsProperly`), the `a` shape's own area, without computing an intersection.
public enum Overlay {
    /// Every pair (i, j) with `a[i]` and `b[j]` intersecting, ordered by `b` then `a`. Shapes GEOS
    /// cannot read are skipped (callers validate before they overlay).
    public static func intersections(_ a: [Shape], _ b: [Shape], keepShapes: Bool = false, threads: Int = 0) -> OverlayResult {
        let workers = max(1, min(threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount, max(1, b.count)))
        let results = ParallelSlots<(pieces: [OverlayPiece], candidates: Int, intersecting: Int)>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            results[worker] = GEOSSession.run { session in
                session.intersections(a, b, worker: worker, of: workers, keepShapes: keepShapes)
            }
        }
        var pieces: [OverlayPiece] = []
        var candidates = 0
        var intersecting = 0
        for result in results.values {
            pieces += result.pieces
            candidates += result.candidates
            intersecting += result.intersecting
        }
        pieces.sort { ($0.b, $0.a) < ($1.b, $1.a) }
        return OverlayResult(pieces: pieces, candidatePairs: candidates, intersectingPairs: intersecting)
    }

    /// The part of each `a[i]` outside every shape of `b`, for those with a part outside (index
    /// `b` is −1); in the order of `a`.
    public static func outside(_ a: [Shape], _ b: [Shape]) -> [OverlayPiece] {
        GEOSSession.run { session in session.outside(a, b) }
    }
}

/// One result slot per worker, written by that worker only.
private final class ParallelSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [T] { lock.withLock { slots.compactMap { $0 } } }
}

/// The geometries of a set, read into one session, and an STRtree over them.
private final class IndexedSet {
    let session: GEOSSession
    let geometries: [OpaquePointer?]
    let tree: OpaquePointer

    init?(_ shapes: [Shape], session: GEOSSession) {
        guard let tree = GEOSSTRtree_create_r(session.context, 10) else { return nil }
        self.session = session
        self.tree = tree
        geometries = shapes.map { session.read($0) }
        for (i, g) in geometries.enumerated() {
            guard let g, GEOSisEmpty_r(session.context, g) == 0 else { continue }
            // Items are index + 1: a null item would come back as nil.
            GEOSSTRtree_insert_r(session.context, tree, g, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(session.context, tree)
        for g in geometries { if let g { GEOSGeom_destroy_r(session.context, g) } }
    }

    /// The indexes of the shapes whose boxes meet `g`'s, ascending.
    func candidates(_ g: OpaquePointer) -> [Int] {
        final class Found { var items: [Int] = [] }
        let found = Found()
        withExtendedLifetime(found) {
            GEOSSTRtree_query_r(
                session.context, tree, g,
                { item, userdata in
                    guard let item, let userdata else { return }
                    Unmanaged<Found>.fromOpaque(userdata).takeUnretainedValue().items.append(Int(bitPattern: item) - 1)
                }, Unmanaged.passUnretained(found).toOpaque())
        }
        return found.items.sorted()
    }
}

extension GEOSSession {
    fileprivate func intersections(
        _ a: [Shape], _ b: [Shape], worker: Int, of workers: Int, keepShapes: Bool
    ) -> (pieces: [OverlayPiece], candidates: Int, intersecting: Int) {
        guard let index = IndexedSet(a, session: self) else { return ([], 0, 0) }
        // The index owns the geometries borrowed below: kept alive to the end.
        defer { withExtendedLifetime(index) {} }
        var pieces: [OverlayPiece] = []
        var candidates = 0
        var intersecting = 0
        for j in stride(from: worker, to: b.count, by: workers) {
            guard let zone = read(b[j]) else { continue }
            defer { GEOSGeom_destroy_r(context, zone) }
            guard GEOSisEmpty_r(context, zone) == 0, let prepared = GEOSPrepare_r(context, zone) else { continue }
            defer { GEOSPreparedGeom_destroy_r(context, prepared) }
            for i in index.candidates(zone) {
                candidates += 1
                guard let parcel = index.geometries[i], GEOSPreparedIntersects_r(context, prepared, parcel) == 1 else { continue }
                intersecting += 1
                if GEOSPreparedContainsProperly_r(context, prepared, parcel) == 1 {
                    var area = 0.0
                    _ = GEOSArea_r(context, parcel, &area)
                    pieces.append(OverlayPiece(a: i, b: j, area: area, shape: keepShapes ? write(parcel) : nil))
                    continue
                }
                guard let shared = GEOSIntersection_r(context, parcel, zone) else { continue }
                defer { GEOSGeom_destroy_r(context, shared) }
                var area = 0.0
                _ = GEOSArea_r(context, shared, &area)
                pieces.append(OverlayPiece(a: i, b: j, area: area, shape: keepShapes ? write(shared) : nil))
            }
        }
        return (pieces, candidates, intersecting)
    }

    fileprivate func outside(_ a: [Shape], _ b: [Shape]) -> [OverlayPiece] {
        guard let index = IndexedSet(b, session: self) else { return [] }
        defer { withExtendedLifetime(index) {} }
        var pieces: [OverlayPiece] = []
        for (i, shape) in a.enumerated() {
            guard let g = read(shape) else { continue }
            defer { GEOSGeom_destroy_r(context, g) }
            guard GEOSisEmpty_r(context, g) == 0 else { continue }
            let near = index.candidates(g).compactMap { index.geometries[$0] }
            var rest: OpaquePointer?
            if near.isEmpty {
                rest = GEOSGeom_clone_r(context, g)
            } else {
                var clones: [OpaquePointer?] = near.map { GEOSGeom_clone_r(context, $0) }
                let collection = clones.withUnsafeMutableBufferPointer {
                    GEOSGeom_createCollection_r(
                        context, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
                }
                guard let collection else { continue }
                defer { GEOSGeom_destroy_r(context, collection) }
                guard let union = GEOSUnaryUnion_r(context, collection) else { continue }
                defer { GEOSGeom_destroy_r(context, union) }
                rest = GEOSDifference_r(context, g, union)
            }
            guard let rest else { continue }
            defer { GEOSGeom_destroy_r(context, rest) }
            var area = 0.0
            _ = GEOSArea_r(context, rest, &area)
            if GEOSisEmpty_r(context, rest) == 0, area > 0 {
                pieces.append(OverlayPiece(a: i, b: -1, area: area, shape: write(rest)))
            }
        }
        return pieces
    }
}
