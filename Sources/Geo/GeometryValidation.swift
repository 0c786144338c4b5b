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

    /// The first point where two non-adjacent edges of a closed ring cross, if any.
    ///
    /// Edges are sorted by their smallest longitude and swept, so typical rings cost far
    /// less than the all-pairs n² comparison.
    static func firstSelfIntersection(_ ring: [LonLat]) -> LonLat? {
        let n = ring.count - 1
        guard n >= 3 else { return nil }
        let order = (0..<n).sorted { min(ring[$0].lon, ring[$0 + 1].lon) < min(ring[$1].lon, ring[$1 + 1].lon) }
        var active: [Int] = []
        for e in order {
            let eMinLon = min(ring[e].lon, ring[e + 1].lon)
            active.removeAll { max(ring[$0].lon, ring[$0 + 1].lon) < eMinLon }
            for f in active where !adjacent(e, f, n) {
                if let p = properCrossing(ring[e], ring[e + 1], ring[f], ring[f + 1]) { return p }
            }
            active.append(e)
        }
        return nil
    }

    private static func adjacent(_ a: Int, _ b: Int, _ n: Int) -> Bool {
        abs(a - b) == 1 || abs(a - b) == n - 1
    }

    /// The crossing point of segments pq and rs when they cross or overlap, else nil.
    private static func properCrossing(_ p: LonLat, _ q: LonLat, _ r: LonLat, _ s: LonLat) -> LonLat? {
        func orient(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
            (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon)
        }
        let d1 = orient(r, s, p)
        let d2 = orient(r, s, q)
        let d3 = orient(p, q, r)
        let d4 = orient(p, q, s)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            let t = d1 / (d1 - d2)
            return LonLat(p.lon + t * (q.lon - p.lon), p.lat + t * (q.lat - p.lat))
        }
        return nil
    }
}
