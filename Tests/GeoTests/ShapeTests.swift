import Foundation
import Geo
import Testing

@Suite("Shapes and overlay on GEOS")
struct ShapeTests {
    /// An axis-aligned rectangle.
    static func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        Shape.polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]])!
    }

    @Test("facts: kind, area, bounds, positions of a polygon with a hole")
    func facts() throws {
        let shape = try #require(
            Shape.polygon([
                [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)], [(10, 10), (20, 10), (20, 20), (10, 20), (10, 10)],
            ]))
        let facts = try #require(shape.facts())
        #expect(facts.kind == .polygon && !facts.isEmpty && facts.invalidity == nil)
        #expect(facts.area == 10_000 - 100)
        #expect(facts.bounds == PlanarBox(minX: 0, minY: 0, maxX: 100, maxY: 100))
        #expect(facts.positions == 10)
        #expect(shape.polygons().first?.count == 2)
        #expect(Shape(wkb: [1, 2, 3]).facts() == nil)
    }

    @Test("covers: inside, on the boundary, in a hole, outside")
    func covers() throws {
        let shape = try #require(
            Shape.polygon([
                [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)], [(10, 10), (20, 10), (20, 20), (10, 20), (10, 10)],
            ]))
        #expect(shape.covers(x: 50, y: 50) == true)
        #expect(shape.covers(x: 100, y: 50) == true)
        #expect(shape.covers(x: 15, y: 15) == false)
        #expect(shape.covers(x: 150, y: 50) == false)
        #expect(Shape(wkb: [1, 2, 3]).covers(x: 0, y: 0) == nil)
    }

    @Test("a bow tie is invalid with GEOS's reason and place; MakeValid keeps its area as two triangles")
    func bowTie() throws {
        let bowTie = try #require(Shape(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"))
        let facts = try #require(bowTie.facts())
        let invalid = try #require(facts.invalidity)
        #expect(invalid.reason == "Self-intersection")
        #expect(invalid.x == 5 && invalid.y == 5)
        let repaired = try #require(bowTie.madeValid()?.facts())
        #expect(repaired.invalidity == nil && repaired.kind == .polygon)
        #expect(abs(repaired.area - 50) < 1e-9)
    }

    @Test("transformed from EPSG:4546 to CGCS2000 degrees and back")
    func transformed() throws {
        let toDegrees = try #require(Projection(from: .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: false)))
        let point = try #require(Shape(wkt: "POINT (602506.9 4158183.978)"))
        let moved = try #require(point.transformed(by: toDegrees)?.facts()?.bounds)
        #expect(abs(moved.minX - 112.16) < 1e-7 && abs(moved.minY - 37.55) < 1e-7)
        let back = try #require(Projection(from: .cgcs2000, to: .working(forLongitude: 112.16)))
        let square = try #require(Shape(wkt: "POLYGON ((112.1 37.5, 112.11 37.5, 112.11 37.51, 112.1 37.51, 112.1 37.5))"))
        let area = try #require(square.transformed(by: back)?.facts()?.area)
        // A 0.01° cell at 37.5°N: about 883 m × 1,110 m.
        #expect(area > 975_000 && area < 985_000, "\(area)")
    }

    @Test("overlay: hand-computed pairs and areas; containment, touching and disjoint pairs")
    func overlay() throws {
        let parcels = [Self.box(0, 0, 100, 100), Self.box(100, 0, 200, 100), Self.box(500, 500, 510, 510), Self.box(300, 0, 400, 100)]
        let zones = [Self.box(50, 0, 150, 100), Self.box(400, 0, 450, 50), Self.box(490, 490, 520, 520)]
        for threads in [1, 2, 3] {
            let result = Overlay.intersections(parcels, zones, keepShapes: true, threads: threads)
            let pairs = result.pieces.map { "\($0.a)-\($0.b):\($0.area)" }
            // Zone 1 only touches parcel 3 along x = 400: an intersecting pair of area 0.
            #expect(pairs == ["0-0:5000.0", "1-0:5000.0", "3-1:0.0", "2-2:100.0"], "\(threads)")
            #expect(result.intersectingPairs == 4)
            #expect(result.pieces.first?.shape?.facts()?.bounds == PlanarBox(minX: 50, minY: 0, maxX: 100, maxY: 100))
        }
        let outside = Overlay.outside([Self.box(0, 0, 100, 100), Self.box(60, 0, 80, 10)], [Self.box(50, 0, 150, 100)])
        #expect(outside.map(\.a) == [0] && outside.first?.area == 5000)
    }
}
