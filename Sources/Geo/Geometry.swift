/// A position in degrees: longitude then latitude, on WGS84 / CGCS2000.
public struct LonLat: Hashable, Sendable, Codable {
    public var lon: Double
    public var lat: Double

    public init(_ lon: Double, _ lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// A polygon: an outer ring and holes, each ring closed (first position == last).
public struct Polygon: Hashable, Sendable {
    public var rings: [[LonLat]]

    public init(rings: [[LonLat]]) {
        self.rings = rings
    }

    public var outer: [LonLat] { rings.first ?? [] }
}

/// A set of polygons, e.g. a county outline with islands.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    /// Even–odd point-in-polygon over all rings (holes excluded).
    public func contains(_ point: LonLat) -> Bool {
        polygons.contains { polygon in
            var inside = false
            for ring in polygon.rings where Rings.contains(ring, point) { inside.toggle() }
            return inside
        }
    }

    /// The bounding box of every ring.
    public var boundingBox: BoundingBox {
        BoundingBox(points: polygons.flatMap { $0.rings.flatMap { $0 } })
    }
}

/// A longitude/latitude box.
public struct BoundingBox: Hashable, Sendable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box around the points (a degenerate box at 0,0 when empty).
    public init(points: [LonLat]) {
        guard let first = points.first else {
            self.init(minLon: 0, minLat: 0, maxLon: 0, maxLat: 0)
            return
        }
        var box = BoundingBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        for p in points {
            box.minLon = min(box.minLon, p.lon)
            box.maxLon = max(box.maxLon, p.lon)
            box.minLat = min(box.minLat, p.lat)
            box.maxLat = max(box.maxLat, p.lat)
        }
        self = box
    }
}

/// Ring predicates.
enum Rings {
    /// Ray casting: is the point inside the ring (boundary counts as either)?
    static func contains(_ ring: [LonLat], _ p: LonLat) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i]
            let b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
                if p.lon < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
