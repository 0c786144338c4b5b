/// One road segment between two nodes: its length, its travel time, and whether it may be used
/// only from `from` to `to`.
public struct RoadEdge: Sendable, Hashable {
    public var from: Int
    public var to: Int
    public var meters: Double
    public var minutes: Double
    public var oneWay: Bool

    public init(from: Int, to: Int, meters: Double, minutes: Double, oneWay: Bool = false) {
        self.from = from
        self.to = to
        self.meters = meters
        self.minutes = minutes
        self.oneWay = oneWay
    }
}

/// What the engine refuses, before any search.
public enum ODError: Error, Sendable, Equatable {
    /// A graph needs at least one node.
    case noNodes
    /// An edge names a node outside 0..<nodeCount.
    case nodeOutOfRange(edge: Int, node: Int)
    /// An edge's length or time is negative, NaN or infinite.
    case badWeight(edge: Int)
    /// A point is attached to a node outside the graph, or with a negative or non-finite cost.
    case badAttachment(point: Int)
    /// An attachment names an edge outside the graph, or a position beyond its length.
    case badEdgePosition(point: Int)
    /// The snapping tolerance is negative or not finite.
    case badTolerance
}

/// A road graph in compressed sparse row form, forward and reverse: for node `v`, its outgoing arcs
/// are `targets[offsets[v]..<offsets[v + 1]]` with their lengths and times (a two-way edge gives an
/// arc each way). Built once, read by any number of searches at the same time.
public struct RoadGraph: Sendable {
    public let nodeCount: Int
    /// The edges as given (attachments name them by index).
    public let edges: [RoadEdge]
    let forward: Arcs
    let reverse: Arcs

    /// The arcs leaving each node, in CSR form.
    struct Arcs: Sendable {
        var offsets: [Int]
        var targets: [Int32]
        var meters: [Double]
        var minutes: [Double]
    }

    /// Validates the edges (nodes in range, finite non-negative weights) and builds both CSR arrays.
    public init(nodeCount: Int, edges: [RoadEdge]) throws(ODError) {
        guard nodeCount > 0 else { throw .noNodes }
        for (index, e) in edges.enumerated() {
            for node in [e.from, e.to] where !(0..<nodeCount).contains(node) { throw .nodeOutOfRange(edge: index, node: node) }
            guard e.meters.isFinite, e.meters >= 0, e.minutes.isFinite, e.minutes >= 0 else { throw .badWeight(edge: index) }
        }
        self.nodeCount = nodeCount
        self.edges = edges
        var arcs: [(from: Int, to: Int, meters: Double, minutes: Double)] = []
        arcs.reserveCapacity(edges.count * 2)
        for e in edges {
            arcs.append((e.from, e.to, e.meters, e.minutes))
            if !e.oneWay { arcs.append((e.to, e.from, e.meters, e.minutes)) }
        }
        forward = Self.csr(nodeCount, arcs)
        reverse = Self.csr(nodeCount, arcs.map { ($0.to, $0.from, $0.meters, $0.minutes) })
    }

    /// Counting sort of the arcs by their tail.
    static func csr(_ n: Int, _ arcs: [(from: Int, to: Int, meters: Double, minutes: Double)]) -> Arcs {
        var offsets = [Int](repeating: 0, count: n + 1)
        for arc in arcs { offsets[arc.from + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var next = offsets
        var targets = [Int32](repeating: 0, count: arcs.count)
        var meters = [Double](repeating: 0, count: arcs.count)
        var minutes = [Double](repeating: 0, count: arcs.count)
        for arc in arcs {
            let slot = next[arc.from]
            next[arc.from] += 1
            targets[slot] = Int32(arc.to)
            meters[slot] = arc.meters
            minutes[slot] = arc.minutes
        }
        return Arcs(offsets: offsets, targets: targets, meters: meters, minutes: minutes)
    }

    /// The weakly connected component of each node (numbered from 0 in order of their lowest
    /// node): a point whose component differs from another's cannot reach it in either direction.
    public func components() -> [Int] {
        var component = [Int](repeating: -1, count: nodeCount)
        var next = 0
        var stack: [Int] = []
        for start in 0..<nodeCount where component[start] < 0 {
            component[start] = next
            stack.append(start)
            while let v = stack.popLast() {
                for arcs in [forward, reverse] {
                    for slot in arcs.offsets[v]..<arcs.offsets[v + 1] {
                        let w = Int(arcs.targets[slot])
                        if component[w] < 0 {
                            component[w] = next
                            stack.append(w)
                        }
                    }
                }
            }
            next += 1
        }
        return component
    }
}
