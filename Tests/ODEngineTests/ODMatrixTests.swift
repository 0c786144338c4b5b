import ODEngine
import Testing

/// A hand-made road graph whose shortest paths can be checked by hand:
///
///     0 —100 m, 2 min— 1 —100 m, 2 min— 2 —50 m, 1 min (one way 2 → 4)→ 4
///     0 —300 m, 1 min— 3 —300 m, 1 min— 2
///     5 —10 m, 1 min— 6   (an island: no road to the rest)
@Suite("OD engine: shortest paths on a hand-made road graph")
struct ODMatrixTests {
    static let edges = [
        RoadEdge(from: 0, to: 1, meters: 100, minutes: 2), RoadEdge(from: 1, to: 2, meters: 100, minutes: 2),
        RoadEdge(from: 0, to: 3, meters: 300, minutes: 1), RoadEdge(from: 3, to: 2, meters: 300, minutes: 1),
        RoadEdge(from: 2, to: 4, meters: 50, minutes: 1, oneWay: true), RoadEdge(from: 5, to: 6, meters: 10, minutes: 1),
    ]

    static func graph() throws -> RoadGraph { try RoadGraph(nodeCount: 7, edges: edges) }

    @Test("node to node by distance and by time, one-way streets, an island unreachable (nil, not a large number)")
    func nodes() throws {
        let g = try Self.graph()
        let origins = [0, 4].map(Attachment.node)
        let destinations = [0, 1, 2, 3, 4, 5].map(Attachment.node)
        let byMeters = try ODMatrix.compute(g, origins: origins, destinations: destinations, by: .meters)
        #expect(destinations.indices.map { byMeters.meters(0, $0) } == [0, 100, 200, 300, 250, nil])
        // The shortest path to 2 is through 1: its time is carried along (2 + 2 min).
        #expect(byMeters.minutes(0, 2) == 4 && byMeters.minutes(0, 4) == 5)
        // From 4 nothing leaves: only 4 itself.
        #expect(destinations.indices.map { byMeters.meters(1, $0) } == [nil, nil, nil, nil, 0, nil])
        let byMinutes = try ODMatrix.compute(g, origins: origins, destinations: destinations, by: .minutes)
        // By time the fast road through 3 wins: 2 min, 600 m.
        #expect(byMinutes.minutes(0, 2) == 2 && byMinutes.meters(0, 2) == 600 && byMinutes.minutes(0, 4) == 3)
        #expect(g.components() == [0, 0, 0, 0, 0, 1, 1])
    }

    @Test("searching from the destinations (more origins than destinations) gives the same matrix as from the origins")
    func bothDirections() throws {
        let g = try Self.graph()
        let points = (0..<7).map(Attachment.node)
        let few = [2, 4, 6].map(Attachment.node)
        for metric in [ODMetric.meters, .minutes] {
            let forward = try ODMatrix.compute(g, origins: few, destinations: points, by: metric)
            let reverse = try ODMatrix.compute(g, origins: points, destinations: few, by: metric)
            for (o, origin) in [2, 4, 6].enumerated() {
                for d in 0..<7 {
                    let back = try ODMatrix.compute(g, origins: [Attachment.node(d)], destinations: [Attachment.node(origin)], by: metric)
                    #expect(
                        forward.meters(o, d)
                            == (try ODMatrix.compute(g, origins: [few[o]], destinations: [points[d]], by: metric)).meters(0, 0))
                    #expect(reverse.meters(d, o) == back.meters(0, 0))
                }
            }
            // One-way: 2 reaches 4, 4 does not reach 2.
            #expect(forward.meters(0, 4) == 50 && reverse.meters(4, 0) == nil)
        }
        // One worker or several: the same answer.
        let one = try ODMatrix.compute(g, origins: points, destinations: points, by: .meters, threads: 1)
        let many = try ODMatrix.compute(g, origins: points, destinations: points, by: .meters, threads: 4)
        #expect(one == many)
    }

    @Test("points between nodes: the walk to the road, the part of the edge, two points on one edge joined directly, one-way edges")
    func snapping() throws {
        let g = try Self.graph()
        // P on 0–1, 40 m from 0, 10 m off the road walked at 80 m/min.
        let p = Attachment.onEdge(0, of: g, position: 40, offMeters: 10, walkingMetresPerMinute: 80, role: .origin)
        let q = Attachment.onEdge(0, of: g, position: 90, offMeters: 0, walkingMetresPerMinute: 80, role: .destination)
        let onOneWay = Attachment.onEdge(4, of: g, position: 20, offMeters: 0, walkingMetresPerMinute: 80, role: .destination)
        let r = try ODMatrix.compute(g, origins: [p], destinations: [Attachment.node(2), q, onOneWay], by: .meters)
        // To 2: 10 off + 60 along to node 1 + 100 = 170 m; 0.125 + 1.2 + 2 = 3.325 min.
        #expect(r.meters(0, 0) == 170)
        #expect(abs((r.minutes(0, 0) ?? 0) - 3.325) < 1e-12)
        // To Q on the same edge: 10 + 50 directly, not 10 + 60 + 10 through node 1.
        #expect(r.meters(0, 1) == 60)
        // Onto the one-way edge only from its start: 170 + 20.
        #expect(r.meters(0, 2) == 190)
        // Leaving a point on the one-way edge: only towards 4, from which nothing leaves.
        let stuck = Attachment.onEdge(4, of: g, position: 30, offMeters: 0, walkingMetresPerMinute: 80, role: .origin)
        let ahead = Attachment.onEdge(4, of: g, position: 45, offMeters: 0, walkingMetresPerMinute: 80, role: .destination)
        let behind = Attachment.onEdge(4, of: g, position: 10, offMeters: 0, walkingMetresPerMinute: 80, role: .destination)
        let s = try ODMatrix.compute(g, origins: [stuck], destinations: [Attachment.node(2), ahead, behind], by: .meters)
        #expect(s.meters(0, 0) == nil && s.meters(0, 1) == 15 && s.meters(0, 2) == nil)
    }

    @Test("refusals before any search: no nodes, an edge to a missing node, a negative or NaN weight, a bad attachment")
    func refusals() throws {
        #expect(throws: ODError.noNodes) { try RoadGraph(nodeCount: 0, edges: []) }
        #expect(throws: ODError.nodeOutOfRange(edge: 0, node: 3)) {
            try RoadGraph(nodeCount: 3, edges: [RoadEdge(from: 0, to: 3, meters: 1, minutes: 1)])
        }
        #expect(throws: ODError.badWeight(edge: 1)) {
            try RoadGraph(
                nodeCount: 3, edges: [RoadEdge(from: 0, to: 1, meters: 1, minutes: 1), RoadEdge(from: 1, to: 2, meters: -1, minutes: 1)])
        }
        #expect(throws: ODError.badWeight(edge: 0)) {
            try RoadGraph(nodeCount: 2, edges: [RoadEdge(from: 0, to: 1, meters: .nan, minutes: 1)])
        }
        let g = try Self.graph()
        #expect(throws: ODError.badAttachment(point: 1)) {
            try ODMatrix.compute(g, origins: [Attachment.node(0)], destinations: [Attachment.node(9)], by: .meters)
        }
        let far = Attachment(entries: [.init(node: 0, meters: 0, minutes: 0)], edge: 0, position: 500)
        #expect(throws: ODError.badEdgePosition(point: 0)) {
            try ODMatrix.compute(g, origins: [far], destinations: [Attachment.node(1)], by: .meters)
        }
    }
}
