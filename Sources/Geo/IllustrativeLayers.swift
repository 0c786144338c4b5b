import Foundation

/// Made-up plan layers inside a real county outline, so that a newcomer sees the conflict
/// workflow with no real plan layer at hand. Every shape made here must be stored and shown as
/// illustrative (示意). All positions are in a projected system in metres (the county's working
/// zone); the procedure (docs/demo-data.md, "illustrative layers v1") is deterministic:
///
/// 1. *Urban development boundary (城镇开发边界):* a 64-gon of radius 2.5 km around the county
///    seat, cut to the outline.
/// 2. *Basic farmland (永久基本农田):* around each plain village (within 15 km of the seat, in the
///    order given), a ring from 250 m (the village itself) to 600 m, cut to the outline and to
///    the development boundary (farmland is not drawn inside the town).
/// 3. *Ecological red line (生态保护红线):* a 64-gon of radius 10 km around the mountain point
///    given (庞泉沟, where the nature reserve is), cut to the outline.
/// 4. *Planned construction land (规划建设用地):* a 1.6 km × 0.8 km block centred 2.5 km east of
///    the seat (half of it outside the boundary), a 300 m square 400 m east of every fifth plain
///    village (on its farmland ring), and a 500 m square 3 km east of the mountain point (in the
///    red line) — so each default rule finds something.
public enum IllustrativeLayers {
    /// Identifies the procedure in stored layers.
    public static let procedureName = "示意图层 illustrative layers v1"  // data

    /// A generated feature: its name and shape.
    public struct Feature: Sendable {
        public let label: String
        public let shape: Shape
    }

    /// The four layers, or nil when GEOS cannot build them. `villages` are named points.
    public static func make(
        outline: Shape, seat: (x: Double, y: Double), mountain: (x: Double, y: Double), villages: [(name: String, x: Double, y: Double)],
        names: (boundary: String, redline: String, block: String, mountainSite: String)
    ) -> (boundary: [Feature], farmland: [Feature], redline: [Feature], construction: [Feature])? {
        guard let town = disc(seat, radius: 2_500).flatMap({ $0.intersection(outline) }),
            let reserve = disc(mountain, radius: 10_000).flatMap({ $0.intersection(outline) })
        else { return nil }
        let plain = villages.filter { hypot($0.x - seat.x, $0.y - seat.y) <= 15_000 }
        var farmland: [Feature] = []
        for village in plain {
            guard let ring = Shape.polygon([circle((village.x, village.y), 600), circle((village.x, village.y), 250).reversed()]),
                let inside = ring.intersection(outline), let outsideTown = inside.difference(town),
                let facts = outsideTown.facts(), facts.area > 1, !facts.isEmpty
            else { continue }
            farmland.append(Feature(label: village.name, shape: outsideTown))
        }
        var construction: [Feature] = []
        if let block = rectangle(centre: (seat.x + 2_500, seat.y), width: 1_600, height: 800) {
            construction.append(Feature(label: names.block, shape: block))
        }
        for village in plain.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
            if let square = rectangle(centre: (village.x + 400, village.y), width: 300, height: 300) {
                construction.append(Feature(label: village.name, shape: square))
            }
        }
        if let site = rectangle(centre: (mountain.x + 3_000, mountain.y), width: 500, height: 500) {
            construction.append(Feature(label: names.mountainSite, shape: site))
        }
        return (
            [Feature(label: names.boundary, shape: town)], farmland, [Feature(label: names.redline, shape: reserve)], construction
        )
    }

    /// A closed 64-gon ring, counter-clockwise.
    static func circle(_ centre: (x: Double, y: Double), _ radius: Double) -> [(x: Double, y: Double)] {
        let ring = (0..<64).map { k -> (x: Double, y: Double) in
            let angle = Double(k) * 2 * .pi / 64
            return (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
        }
        return ring + [ring[0]]
    }

    static func disc(_ centre: (x: Double, y: Double), radius: Double) -> Shape? {
        Shape.polygon([circle(centre, radius)])
    }

    static func rectangle(centre: (x: Double, y: Double), width: Double, height: Double) -> Shape? {
        let (x0, x1, y0, y1) = (centre.x - width / 2, centre.x + width / 2, centre.y - height / 2, centre.y + height / 2)
        return Shape.polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]])
    }
}
