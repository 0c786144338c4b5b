import Geo
import Testing

@Suite("Geometry without C libraries")
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
}
