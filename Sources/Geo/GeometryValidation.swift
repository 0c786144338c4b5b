/// What is wrong with a geometry, in terms a surveyor recognises.
public enum GeometryProblem: Hashable, Sendable {
    /// A coordinate is NaN or infinite.
    case nonFinite(ring: Int, position: Int)
    /// Longitude outside −180…180 or latitude outside −90…90 (projected metres given as degrees?).
    case outOfRange(ring: Int, position: Int, lon: Double, lat: Double)
    /// A ring has fewer than four positions.
    case tooFewPositions(ring: Int, count: Int)
    /// A ring's last position differs from its first.
    case notClosed(ring: Int)
    /// Two edges of a ring cross (a "bow tie").
    case selfIntersection(ring: Int, near: LonLat)
}

/// Checks that polygons are valid enough to store and measure.
public enum GeometryValidator {
    /// Problems of a position, in the order met.
    public static func problems(of point: LonLat) -> [GeometryProblem] {
        if !point.lon.isFinite || !point.lat.isFinite { return [.nonFinite(ring: 0, position: 0)] }
        if abs(point.lon) > 180 || abs(point.lat) > 90 {
            return [.outOfRange(ring: 0, position: 0, lon: point.lon, lat: point.lat)]
        }
        return []
    }

    /// Problems of a polygon; rings are numbered from 0 (the outer ring).
    public static func problems(of polygon: Polygon) -> [GeometryProblem] {
        var found: [GeometryProblem] = []
        for (r, ring) in polygon.rings.enumerated() {
            // Only the first bad position of a ring is reported: a projected ring has thousands.
            for (i, p) in ring.enumerated() {
                if !p.lon.isFinite || !p.lat.isFinite {
                    found.append(.nonFinite(ring: r, position: i))
                    break
                } else if abs(p.lon) > 180 || abs(p.lat) > 90 {
                    found.append(.outOfRange(ring: r, position: i, lon: p.lon, lat: p.lat))
                    break
                }
            }
            if !found.isEmpty { return found }
            if ring.count < 4 {
                found.append(.tooFewPositions(ring: r, count: ring.count))
                continue
            }
            if ring.first != ring.last {
                found.append(.notClosed(ring: r))
                continue
            }
            if let crossing = firstSelfIntersection(ring) {
                found.append(.selfIntersection(ring: r, near: crossing))
            }
        }
        return found
    }

    /// Where a closed ring of at least four positions touches or crosses itself, if it does.
    ///
    /// GEOS's validity check (`GEOSisValidDetail_r` on a linear ring) indexes the ring's edges
    /// in monotone chains, so a ring of n positions costs about n log n — the hand-written
    /// sweep it replaced compared every pair of edges that overlap in longitude, which a
    /// zigzag of 300,000 positions turned into hours.
    static func firstSelfIntersection(_ ring: [LonLat]) -> LonLat? {
        GEOS.ringSelfIntersection(ring)
    }
}
