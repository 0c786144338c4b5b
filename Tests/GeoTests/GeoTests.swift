import Geo
import Testing

@Suite("Geometry: positions, rings, distances")
struct GeoTests {
    let square = Polygon(rings: [
        [LonLat(0, 0), LonLat(10, 0), LonLat(10, 10), LonLat(0, 10), LonLat(0, 0)],
        [LonLat(4, 4), LonLat(6, 4), LonLat(6, 6), LonLat(4, 6), LonLat(4, 4)],
    ])

    @Test("point in polygon honours holes")
    func contains() {
        let shape = MultiPolygon(polygons: [square])
        #expect(shape.contains(LonLat(1, 1)))
        #expect(!shape.contains(LonLat(5, 5)))
        #expect(!shape.contains(LonLat(11, 5)))
    }

    @Test("a valid polygon has no problems")
    func valid() {
        #expect(GeometryValidator.problems(of: square).isEmpty)
    }

    @Test("broken rings are named: bow tie, open, too short, out of range")
    func broken() {
        let bowTie = Polygon(rings: [[LonLat(0, 0), LonLat(10, 10), LonLat(10, 0), LonLat(0, 10), LonLat(0, 0)]])
        guard case .selfIntersection(let ring, let near)? = GeometryValidator.problems(of: bowTie).first else {
            Issue.record("bow tie not found")
            return
        }
        #expect(ring == 0)
        #expect(abs(near.lon - 5) < 1e-9 && abs(near.lat - 5) < 1e-9)
        let open = Polygon(rings: [[LonLat(0, 0), LonLat(1, 0), LonLat(1, 1), LonLat(0, 1)]])
        #expect(GeometryValidator.problems(of: open) == [.notClosed(ring: 0)])
        let short = Polygon(rings: [[LonLat(0, 0), LonLat(1, 0), LonLat(0, 0)]])
        #expect(GeometryValidator.problems(of: short) == [.tooFewPositions(ring: 0, count: 3)])
        let projected = Polygon(rings: [[LonLat(602506.9, 4158183.9), LonLat(1, 0), LonLat(1, 1), LonLat(602506.9, 4158183.9)]])
        #expect(GeometryValidator.problems(of: projected) == [.outOfRange(ring: 0, position: 0, lon: 602506.9, lat: 4158183.9)])
    }

    /// A comb: `teeth` tall thin teeth along the bottom edge, every edge overlapping every other
    /// in latitude and most in longitude — the shape that made the old sweep quadratic.
    func comb(teeth: Int) -> [LonLat] {
        var ring: [LonLat] = [LonLat(0, 0)]
        for t in 0..<teeth {
            let x = Double(t) * 1e-4
            ring += [LonLat(x, 1), LonLat(x + 5e-5, 1), LonLat(x + 5e-5, 0.1)]
        }
        ring += [LonLat(Double(teeth) * 1e-4, 0.1), LonLat(Double(teeth) * 1e-4, 0), LonLat(0, 0)]
        return ring
    }

    @Test("a ring of 300,000 positions is checked (it took 238 s when the check compared edge pairs)")
    func largeRing() {
        let simple = comb(teeth: 100_000)
        #expect(simple.count > 300_000)
        #expect(GeometryValidator.problems(of: Polygon(rings: [simple])).isEmpty)
        var crossed = simple
        crossed[150_000] = LonLat(crossed[150_000].lon + 0.01, crossed[150_000].lat)
        guard case .selfIntersection(ring: 0, _)? = GeometryValidator.problems(of: Polygon(rings: [crossed])).first else {
            Issue.record("the crossing tooth was not found")
            return
        }
    }

    @Test("a ring that touches itself at a vertex is not simple either")
    func selfTouching() {
        let figureEight = Polygon(rings: [
            [LonLat(0, 0), LonLat(2, 0), LonLat(1, 1), LonLat(2, 2), LonLat(0, 2), LonLat(1, 1), LonLat(0, 0)]
        ])
        guard case .selfIntersection(ring: 0, let near)? = GeometryValidator.problems(of: figureEight).first else {
            Issue.record("the touching vertex was not found")
            return
        }
        #expect(near == LonLat(1, 1))
    }

    @Test("great-circle distance: one degree of latitude is about 111.2 km")
    func distance() {
        let d = GreatCircle.distanceMetres(LonLat(112, 37), LonLat(112, 38))
        #expect(abs(d - 111_195) < 5)
        let moved = GreatCircle.offset(LonLat(112, 37.5), eastMetres: 1000, northMetres: 0)
        #expect(abs(GreatCircle.distanceMetres(LonLat(112, 37.5), moved) - 1000) < 1)
    }

    @Test("illustrative placement is deterministic and stays inside the outline")
    func placement() {
        let outline = MultiPolygon(polygons: [square])
        let seats = IllustrativePlacement.seats(count: 5, inside: outline, avoiding: [LonLat(1, 1)], minimumSpacingMetres: 100_000)
        #expect(seats == IllustrativePlacement.seats(count: 5, inside: outline, avoiding: [LonLat(1, 1)], minimumSpacingMetres: 100_000))
        #expect(seats.count == 5)
        #expect(seats.allSatisfy(outline.contains))
        let around = IllustrativePlacement.around(LonLat(2, 2), count: 12, radiusMetres: 50_000, inside: outline)
        #expect(around.count == 12)
        #expect(around.allSatisfy(outline.contains))
    }

    @Test("the Chinese coordinate systems by EPSG code: 3° and 6° Gauss–Krüger zones with and without the zone prefix")
    func chinaCRS() {
        #expect(ChinaCRS(epsg: 4546) == .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: false))
        #expect(ChinaCRS(epsg: 4525) == .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: true))
        #expect(ChinaCRS(epsg: 4525)?.zone == 37)
        #expect(ChinaCRS(epsg: 4497)?.zone == 19)
        #expect(ChinaCRS(epsg: 3857) == nil)
        for code in [4326, 4490] + Array(4491...4554) { #expect(ChinaCRS(epsg: code)?.epsg == code, "\(code)") }
        #expect(ChinaCRS.zones(around: 112.16).map(\.epsg) == [4546, 4525, 4508, 4497])
        #expect(ChinaCRS.prefixed(easting: 37_602_506.9)?.epsg == 4525)
        #expect(ChinaCRS.prefixed(easting: 19_602_506.9)?.epsg == 4497)
        #expect(ChinaCRS.prefixed(easting: 602_506.9) == nil)
    }

    @Test("PROJ turns CGCS2000 3° Gauss–Krüger (CM 111°E) into degrees: 602506.900 E 4158183.978 N is 112.16°E 37.55°N")
    func projection() throws {
        let plain = try #require(Projection(from: .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: false)))
        let p = try #require(plain.lonLat(x: 602_506.900, y: 4_158_183.978))
        #expect(abs(p.lon - 112.16) < 1e-7 && abs(p.lat - 37.55) < 1e-7, "\(p)")
        let prefixed = try #require(Projection(from: .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: true)))
        let q = try #require(prefixed.lonLat(x: 37_602_506.900, y: 4_158_183.978))
        #expect(abs(q.lon - 112.16) < 1e-7 && abs(q.lat - 37.55) < 1e-7, "\(q)")
        let degrees = try #require(Projection(from: .wgs84))
        #expect(degrees.lonLat(x: 112.16, y: 37.55).map { abs($0.lon - 112.16) < 1e-6 } == true)
    }
}
