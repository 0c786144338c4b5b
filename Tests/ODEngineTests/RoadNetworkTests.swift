import Testing

@testable import ODEngine

/// Networks built from lines, with answers worked out by hand.
@Suite struct RoadNetworkTests {
    /// A: (0,0)–(500,0)–(1000,0) at 60 km/h; B: (500,-500)–(500,0)–(500,500) at 30 km/h, sharing
    /// (500,0) with A through a middle position of each; C: (0,300)–(1000,300) crossing B without a shared
    /// position (a bridge); D starting 0.4 m from A's end, within the 1 m tolerance.
    let lines = [
        RoadLine(points: [XY(0, 0), XY(500, 0), XY(1000, 0)], kilometresPerHour: 60),
        RoadLine(points: [XY(500, -500), XY(500, 0), XY(500, 500)], kilometresPerHour: 30),
        RoadLine(points: [XY(0, 300), XY(1000, 300)], kilometresPerHour: 30),
        RoadLine(points: [XY(1000.4, 0), XY(1200, 800)], kilometresPerHour: 30),
    ]

    @Test func nodesAtEndsAndSharedPositionsOnly() throws {
        let network = try RoadNetwork.build(lines, tolerance: 1)
        // A's two ends, B's two ends and the shared middle, C's two ends, D's far end.
        #expect(network.nodes.count == 8)
        #expect(network.graph.edges.count == 6)
        #expect(network.snappedEnds == 1)
        // A is cut at (500,0) into two edges of 500 m, each 0.5 min at 1000 m/min.
        let fromA = network.graph.edges.enumerated().filter { network.edgeLine[$0.offset] == 0 }.map(\.element)
        #expect(fromA.map(\.meters) == [500, 500])
        #expect(fromA.map(\.minutes) == [0.5, 0.5])
        // C shares no node with B: its two nodes form a component of their own.
        let component = network.graph.components()
        let c = network.graph.edges[network.edgeLine.firstIndex(of: 2)!]
        let a = network.graph.edges[0]
        #expect(component[c.from] == component[c.to])
        #expect(component[c.from] != component[a.from])
        // D joins A's end: one component with A and B.
        let d = network.graph.edges[network.edgeLine.firstIndex(of: 3)!]
        #expect(component[d.from] == component[a.from])
    }

    /// A line ending 0.5 m short of another's course, or crossing it with no shared position.
    @Test func endsWithinToleranceJoinALineCrossingsDoNot() throws {
        let network = try RoadNetwork.build(
            [
                RoadLine(points: [XY(0, 0), XY(1000, 0)], kilometresPerHour: 60),
                RoadLine(points: [XY(300, 400), XY(300, 0.5)], kilometresPerHour: 30),
                RoadLine(points: [XY(700, 400), XY(700, -400)], kilometresPerHour: 30),
            ], tolerance: 1)
        // The short end joins the first line at (300, 0.5), cutting it in two; the crossing at 700 does not.
        #expect(network.snappedEnds == 1)
        #expect(network.graph.edges.count == 4)
        let component = network.graph.components()
        let crossing = network.graph.edges[network.edgeLine.firstIndex(of: 2)!]
        let spur = network.graph.edges[network.edgeLine.firstIndex(of: 1)!]
        #expect(component[spur.from] == component[network.graph.edges[0].from])
        #expect(component[crossing.from] != component[network.graph.edges[0].from])
        // Without a tolerance nothing joins.
        let strict = try RoadNetwork.build(
            [
                RoadLine(points: [XY(0, 0), XY(1000, 0)], kilometresPerHour: 60),
                RoadLine(points: [XY(300, 400), XY(300, 0.5)], kilometresPerHour: 30),
            ],
            tolerance: 0)
        #expect(strict.graph.edges.count == 2)
    }

    @Test func nearestEdgeAndPosition() throws {
        let network = try RoadNetwork.build(lines, tolerance: 1)
        let snap = try #require(network.nearest(XY(250, 10)))
        #expect(network.edgeLine[snap.edge] == 0)
        #expect(snap.position == 250)
        #expect(snap.offMeters == 10)
        // Closer to C (10 m) than to A (290 m).
        let onC = try #require(network.nearest(XY(250, 290)))
        #expect(network.edgeLine[onC.edge] == 2)
        #expect(network.nearest(XY(250, 290), within: 5) == nil)
        // Far outside the lines' extent.
        let far = try #require(network.nearest(XY(-5000, 0)))
        #expect(far.offMeters == 5000)
    }

    @Test func pointsBetweenNodesAndAnIsland() throws {
        let network = try RoadNetwork.build(lines, tolerance: 1)
        let walking = 75.0
        let (origin, _) = try #require(network.attach(XY(250, 10), role: .origin, walkingMetresPerMinute: walking))
        let (upB, _) = try #require(network.attach(XY(500, 400), role: .destination, walkingMetresPerMinute: walking))
        let (island, _) = try #require(network.attach(XY(250, 290), role: .origin, walkingMetresPerMinute: walking))
        let result = try ODMatrix.compute(network.graph, origins: [origin, island], destinations: [upB], by: .minutes)
        // 10 m walked, 250 m on A (60 km/h), 400 m up B (30 km/h).
        #expect(result.meters(0, 0) == 660)
        let minutes = try #require(result.minutes(0, 0))
        #expect(abs(minutes - (10.0 / 75 + 0.25 + 0.8)) < 1e-12)
        // C crosses B on a bridge: no way down.
        #expect(result.meters(1, 0) == nil)
        #expect(result.minutes(1, 0) == nil)
    }

    @Test func oneWayLinesBothWays() throws {
        let network = try RoadNetwork.build(
            [
                RoadLine(points: [XY(0, 0), XY(100, 0)], kilometresPerHour: 6, direction: .forward),
                RoadLine(points: [XY(0, 50), XY(100, 50)], kilometresPerHour: 6, direction: .backward),
            ], tolerance: 0)
        func node(_ p: XY) -> ODEngine.Attachment { .node(network.nodes.firstIndex(of: p)!) }
        let result = try ODMatrix.compute(
            network.graph, origins: [node(XY(0, 0)), node(XY(100, 50))], destinations: [node(XY(100, 0)), node(XY(0, 50)), node(XY(0, 0))],
            by: .meters)
        #expect(result.meters(0, 0) == 100)
        #expect(result.minutes(0, 0) == 1)
        #expect(result.meters(1, 1) == 100)
        #expect(result.meters(0, 1) == nil)
        #expect(result.meters(1, 0) == nil)
        // Against the arrow: no way back.
        let back = try ODMatrix.compute(network.graph, origins: [node(XY(100, 0))], destinations: [node(XY(0, 0))], by: .meters)
        #expect(back.meters(0, 0) == nil)
    }

    @Test func unusableLinesAreSkippedAndBadToleranceRefused() throws {
        let network = try RoadNetwork.build(
            [
                RoadLine(points: [XY(0, 0)], kilometresPerHour: 30),
                RoadLine(points: [XY(0, 0), XY(0.2, 0)], kilometresPerHour: 30),
                RoadLine(points: [XY(0, 0), XY(10, 0)], kilometresPerHour: 0),
                RoadLine(points: [XY(0, 0), XY(10, 0)], kilometresPerHour: 30),
                RoadLine(points: [XY(0, 0), XY(1e300, 0)], kilometresPerHour: 30),
                RoadLine(points: [XY(0, 0), XY(.nan, 0)], kilometresPerHour: 30),
            ], tolerance: 0.5)
        #expect(network.skippedLines == [0, 1, 2, 4, 5])
        // A point at no place on Earth joins nothing (and does not trap).
        #expect(network.nearest(XY(1e308, 37.5)) == nil && network.nearest(XY(.nan, 0)) == nil)
        #expect(network.nearest(XY(5e8, 0))?.edge == 0)
        #expect(network.graph.edges.count == 1)
        #expect(throws: ODError.badTolerance) { try RoadNetwork.build([], tolerance: -1) }
    }
}
