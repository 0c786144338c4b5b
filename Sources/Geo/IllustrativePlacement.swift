import Foundation

/// Deterministic made-up positions inside a real outline, for units whose position no
/// source gives. Every position made here must be stored and shown as illustrative (示意位置).
///
/// The procedure (documented in docs/demo-data.md, version 1):
/// 1. *Seats.* Units with no known seat are visited in the order given (by code). Candidate
///    points come from the Halton sequence (bases 2 and 3) stretched over the outline's
///    bounding box; the first candidate inside the outline and at least `minimumSpacingMetres`
///    from every seat already placed or known is taken. If none is found in 4,096 candidates the
///    spacing is reduced by a fifth and the search repeats.
/// 2. *Members around a seat.* The k-th of n members (in the order given) goes on a
///    golden-angle spiral: angle k·137.508°, radius R·√((k+0.5)/n). A point outside the outline
///    is pulled halfway towards the seat, up to six times, then put on the seat.
public enum IllustrativePlacement {
    /// Identifies the procedure in stored location sources.
    public static let procedureName = "示意位置 illustrative v1 (Halton 2,3 / golden-angle spiral)"  // data

    /// Places one seat per unknown key, keeping away from the known seats and each other.
    public static func seats(
        count: Int, inside outline: MultiPolygon, avoiding known: [LonLat], minimumSpacingMetres: Double
    ) -> [LonLat] {
        let box = outline.boundingBox
        var placed: [LonLat] = []
        var spacing = minimumSpacingMetres
        var index = 1
        while placed.count < count {
            var found: LonLat?
            for _ in 0..<4096 {
                let candidate = LonLat(
                    box.minLon + halton(index, base: 2) * (box.maxLon - box.minLon),
                    box.minLat + halton(index, base: 3) * (box.maxLat - box.minLat))
                index += 1
                guard outline.contains(candidate) else { continue }
                let clear = (known + placed).allSatisfy { GreatCircle.distanceMetres($0, candidate) >= spacing }
                if clear {
                    found = candidate
                    break
                }
            }
            if let found {
                placed.append(found)
            } else {
                spacing *= 0.8
            }
        }
        return placed
    }

    /// Positions for `count` members around a seat, inside the outline.
    public static func around(
        _ seat: LonLat, count: Int, radiusMetres: Double, inside outline: MultiPolygon
    ) -> [LonLat] {
        let goldenAngle = 137.50776405003785 * Double.pi / 180
        return (0..<count).map { k in
            var radius = radiusMetres * ((Double(k) + 0.5) / Double(count)).squareRoot()
            let angle = Double(k) * goldenAngle
            for _ in 0..<6 {
                let p = GreatCircle.offset(seat, eastMetres: radius * cos(angle), northMetres: radius * sin(angle))
                if outline.contains(p) { return p }
                radius /= 2
            }
            return seat
        }
    }

    /// The radical inverse of `index` in `base` (the Halton sequence), in [0, 1).
    static func halton(_ index: Int, base: Int) -> Double {
        var result = 0.0
        var f = 1.0 / Double(base)
        var i = index
        while i > 0 {
            result += f * Double(i % base)
            i /= base
            f /= Double(base)
        }
        return result
    }
}
