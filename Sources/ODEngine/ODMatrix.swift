import Dispatch
import Foundation
import Synchronization

/// What a search minimises; the other measure is carried along the chosen path.
public enum ODMetric: Sendable, Hashable {
    case meters, minutes
}

/// How a point (a village, a school) joins the graph: the nodes it enters or leaves the network
/// at, each with the cost of the leg between the point and the node (the walk to the road, then
/// along the edge to its end); and, when it lies on an edge, which edge and how far along, so two
/// points on one edge can be joined directly.
public struct Attachment: Sendable, Hashable {
    /// A node the point joins, and the leg between point and node.
    public struct Entry: Sendable, Hashable {
        public var node: Int
        public var meters: Double
        public var minutes: Double

        public init(node: Int, meters: Double, minutes: Double) {
            self.node = node
            self.meters = meters
            self.minutes = minutes
        }
    }

    public var entries: [Entry]
    /// The edge the point was snapped to and the distance from its `from` node along it, with the
    /// off-network leg (walk to the road); nil for a point placed on a node.
    public var edge: Int?
    public var position: Double
    public var offMeters: Double
    public var offMinutes: Double

    public init(entries: [Entry], edge: Int? = nil, position: Double = 0, offMeters: Double = 0, offMinutes: Double = 0) {
        self.entries = entries
        self.edge = edge
        self.position = position
        self.offMeters = offMeters
        self.offMinutes = offMinutes
    }

    /// A point standing on a node.
    public static func node(_ node: Int) -> Attachment { Attachment(entries: [Entry(node: node, meters: 0, minutes: 0)]) }

    /// Whether a point is left (an origin) or reached (a destination): on a one-way edge the two
    /// join the network at different ends.
    public enum Role: Sendable, Hashable {
        case origin, destination
    }

    /// A point snapped to `edge` at `position` metres from its `from` node (clamped to the edge),
    /// `offMeters` from the road walked at `walkingMetresPerMinute`. An origin leaves towards the
    /// edge's `to` node, and back to `from` on a two-way edge; a destination is reached from `from`,
    /// and from `to` on a two-way edge. Each leg's time is the edge's in proportion to its length.
    public static func onEdge(
        _ edge: Int, of graph: RoadGraph, position: Double, offMeters: Double, walkingMetresPerMinute: Double, role: Role
    ) -> Attachment {
        let e = graph.edges[edge]
        let position = min(max(position, 0), e.meters)
        let share = e.meters > 0 ? position / e.meters : 0
        let walk = walkingMetresPerMinute > 0 ? offMeters / walkingMetresPerMinute : 0
        let toEnd = Entry(node: e.to, meters: offMeters + e.meters - position, minutes: walk + e.minutes * (1 - share))
        let toStart = Entry(node: e.from, meters: offMeters + position, minutes: walk + e.minutes * share)
        let entries: [Entry]
        switch role {
        case .origin: entries = e.oneWay ? [toEnd] : [toEnd, toStart]
        case .destination: entries = e.oneWay ? [toStart] : [toStart, toEnd]
        }
        return Attachment(entries: entries, edge: edge, position: position, offMeters: offMeters, offMinutes: walk)
    }
}

/// The shortest path between each origin and each destination: its length and time, nil when the
/// destination cannot be reached (never a large number).
public struct ODResult: Sendable, Hashable {
    public let origins: Int
    public let destinations: Int
    /// Row-major, origins × destinations.
    public let meters: [Double?]
    public let minutes: [Double?]

    /// A result from its arrays (row-major, origins × destinations).
    public init(origins: Int, destinations: Int, meters: [Double?], minutes: [Double?]) {
        precondition(meters.count == origins * destinations && minutes.count == meters.count)
        self.origins = origins
        self.destinations = destinations
        self.meters = meters
        self.minutes = minutes
    }

    /// The pair's length in metres, nil when unreachable.
    public func meters(_ origin: Int, _ destination: Int) -> Double? { meters[origin * destinations + destination] }
    /// The pair's time in minutes, nil when unreachable.
    public func minutes(_ origin: Int, _ destination: Int) -> Double? { minutes[origin * destinations + destination] }
}

/// Many-to-many shortest paths (Dijkstra with a binary heap).
///
/// The search runs from the smaller side: from each origin on the forward arcs when there are no
/// more origins than destinations, else from each destination on the reverse arcs. Each search
/// stops once every node a target joins is settled. Searches run on all cores, each with its own
/// labels. The chosen metric is minimised; the other is summed along the chosen path (ties broken
/// by the first path settled). A point's legs to and from the network are added at both ends, and
/// two points on one edge are also joined along it directly when the edge allows that direction.
public enum ODMatrix {
    /// Validates the attachments, then computes every pair.
    public static func compute(
        _ graph: RoadGraph, origins: [Attachment], destinations: [Attachment], by metric: ODMetric, threads: Int = 0
    ) throws(ODError) -> ODResult {
        for (index, a) in (origins + destinations).enumerated() {
            for entry in a.entries {
                guard (0..<graph.nodeCount).contains(entry.node), entry.meters.isFinite, entry.meters >= 0, entry.minutes.isFinite,
                    entry.minutes >= 0
                else { throw .badAttachment(point: index) }
            }
            if let edge = a.edge {
                guard graph.edges.indices.contains(edge), a.position >= 0, a.position <= graph.edges[edge].meters + 1e-9 else {
                    throw .badEdgePosition(point: index)
                }
            }
        }
        let fromOrigins = origins.count <= destinations.count
        let sources = fromOrigins ? origins : destinations
        let targets = fromOrigins ? destinations : origins
        let arcs = fromOrigins ? graph.forward : graph.reverse
        var rows = [[(meters: Double, minutes: Double)?]](repeating: [], count: sources.count)
        let workers = max(1, min(threads > 0 ? threads : System.cores, sources.count))
        let lock = Mutex(rows)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var search = Search(nodeCount: graph.nodeCount)
            var mine: [(Int, [(meters: Double, minutes: Double)?])] = []
            var index = worker
            while index < sources.count {
                mine.append(
                    (index, search.run(arcs, from: sources[index], to: targets, metric: metric, reversed: !fromOrigins, graph: graph)))
                index += workers
            }
            lock.withLock { rows in for (i, row) in mine { rows[i] = row } }
        }
        rows = lock.withLock { $0 }
        var meters = [Double?](repeating: nil, count: origins.count * destinations.count)
        var minutes = meters
        for s in 0..<sources.count {
            for t in 0..<targets.count {
                guard let value = rows[s][t] else { continue }
                let (o, d) = fromOrigins ? (s, t) : (t, s)
                meters[o * destinations.count + d] = value.meters
                minutes[o * destinations.count + d] = value.minutes
            }
        }
        return ODResult(origins: origins.count, destinations: destinations.count, meters: meters, minutes: minutes)
    }
}

/// The number of cores to search on.
enum System {
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// One worker's labels, reused from search to search (reset only where touched).
struct Search {
    var primary: [Double]
    var secondary: [Double]
    var settled: [Bool]
    var touched: [Int] = []
    var heap = Heap()
    /// `waiting[v] == round`: node v joins a target not yet settled in this search.
    var waiting: [Int32]
    var round: Int32 = 0

    init(nodeCount: Int) {
        primary = [Double](repeating: .infinity, count: nodeCount)
        secondary = primary
        settled = [Bool](repeating: false, count: nodeCount)
        waiting = [Int32](repeating: 0, count: nodeCount)
    }

    /// The cost of one leg in the chosen metric and the other.
    static func legs(_ e: Attachment.Entry, _ metric: ODMetric) -> (Double, Double) {
        metric == .meters ? (e.meters, e.minutes) : (e.minutes, e.meters)
    }

    /// From one source to every target: (meters, minutes) of the best path, nil when none.
    mutating func run(
        _ arcs: RoadGraph.Arcs, from source: Attachment, to targets: [Attachment], metric: ODMetric, reversed: Bool, graph: RoadGraph
    ) -> [(meters: Double, minutes: Double)?] {
        for v in touched {
            primary[v] = .infinity
            secondary[v] = .infinity
            settled[v] = false
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        for entry in source.entries {
            let (p, s) = Self.legs(entry, metric)
            if p < primary[entry.node] {
                if primary[entry.node] == .infinity { touched.append(entry.node) }
                primary[entry.node] = p
                secondary[entry.node] = s
                heap.push(p, entry.node)
            }
        }
        // Stop once every node a target joins is settled.
        round += 1
        var left = 0
        for target in targets {
            for entry in target.entries where waiting[entry.node] != round {
                waiting[entry.node] = round
                left += 1
            }
        }
        let weights = metric == .meters ? arcs.meters : arcs.minutes
        let others = metric == .meters ? arcs.minutes : arcs.meters
        while left > 0, let (cost, v) = heap.pop() {
            if settled[v] || cost > primary[v] { continue }
            settled[v] = true
            if waiting[v] == round {
                waiting[v] = 0
                left -= 1
            }
            for slot in arcs.offsets[v]..<arcs.offsets[v + 1] {
                let w = Int(arcs.targets[slot])
                let candidate = cost + weights[slot]
                if candidate < primary[w] {
                    if primary[w] == .infinity { touched.append(w) }
                    primary[w] = candidate
                    secondary[w] = secondary[v] + others[slot]
                    heap.push(candidate, w)
                }
            }
        }
        return targets.map { target in
            var best: (p: Double, s: Double)?
            for entry in target.entries where settled[entry.node] {
                let (p, s) = Self.legs(entry, metric)
                let total = (primary[entry.node] + p, secondary[entry.node] + s)
                if best == nil || total.0 < best!.p { best = total }
            }
            if let direct = Self.alongEdge(source, target, reversed: reversed, metric: metric, graph: graph),
                best == nil || direct.p < best!.p
            {
                best = direct
            }
            guard let best else { return nil }
            return metric == .meters ? (best.p, best.s) : (best.s, best.p)
        }
    }

    /// Two points on the same edge joined along it, when its direction allows.
    static func alongEdge(_ a: Attachment, _ b: Attachment, reversed: Bool, metric: ODMetric, graph: RoadGraph) -> (p: Double, s: Double)? {
        guard let edge = a.edge, edge == b.edge else { return nil }
        let e = graph.edges[edge]
        // In the origin's terms: from `from` point to `to` point.
        let (origin, destination) = reversed ? (b, a) : (a, b)
        if e.oneWay && destination.position < origin.position { return nil }
        let along = abs(destination.position - origin.position)
        let share = e.meters > 0 ? along / e.meters : 0
        let meters = origin.offMeters + along + destination.offMeters
        let minutes = origin.offMinutes + e.minutes * share + destination.offMinutes
        return metric == .meters ? (meters, minutes) : (minutes, meters)
    }
}

/// A binary min-heap of (cost, node), with stale entries skipped by the search.
struct Heap {
    var costs: [Double] = []
    var nodes: [Int] = []

    mutating func removeAll() {
        costs.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ cost: Double, _ node: Int) {
        costs.append(cost)
        nodes.append(node)
        var i = costs.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard costs[parent] > costs[i] else { break }
            costs.swapAt(parent, i)
            nodes.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let cost = costs.first, let node = nodes.first else { return nil }
        let last = costs.count - 1
        costs.swapAt(0, last)
        nodes.swapAt(0, last)
        costs.removeLast()
        nodes.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < costs.count && costs[l] < costs[m] { m = l }
            if r < costs.count && costs[r] < costs[m] { m = r }
            if m == i { break }
            costs.swapAt(i, m)
            nodes.swapAt(i, m)
            i = m
        }
        return (cost, node)
    }
}
