/// A made-up road network joining illustrative places, so that a newcomer sees travel times and
/// network-based scenarios with no real road data at hand. Everything made here must be stored and
/// shown as illustrative (示意). The procedure (docs/demo-data.md, "illustrative roads v1") is
/// deterministic: a shortest spanning tree (Prim, straight lines) joins the county seat and the
/// township seats (the 县道 of the demo), and within each township another joins its seat and its
/// villages (the 村道). Positions are in a projected system in metres.
public enum IllustrativeRoads {
    /// Identifies the procedure in the stored network.
    public static let procedureName = "示意路网 illustrative roads v1"  // data

    /// The edges (index pairs) of the shortest spanning tree of the points by straight-line length,
    /// grown from the first point (Prim's algorithm; ties to the lower index).
    public static func spanningTree(_ points: [(x: Double, y: Double)]) -> [(Int, Int)] {
        guard points.count > 1 else { return [] }
        var inTree = [Bool](repeating: false, count: points.count)
        var best = [Double](repeating: .infinity, count: points.count)
        var parent = [Int](repeating: 0, count: points.count)
        var edges: [(Int, Int)] = []
        var current = 0
        inTree[0] = true
        for _ in 1..<points.count {
            for j in points.indices where !inTree[j] {
                let d =
                    ((points[j].x - points[current].x) * (points[j].x - points[current].x)
                    + (points[j].y - points[current].y) * (points[j].y - points[current].y)).squareRoot()
                if d < best[j] {
                    best[j] = d
                    parent[j] = current
                }
            }
            guard let next = points.indices.filter({ !inTree[$0] }).min(by: { (best[$0], $0) < (best[$1], $1) }) else { break }
            inTree[next] = true
            edges.append((parent[next], next))
            current = next
        }
        return edges
    }
}
