/// A position in a projected system, in metres.
public struct XY: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// One road line as a file gives it: positions in metres, the speed of its class, and the
/// directions it may be driven in.
public struct RoadLine: Sendable {
    /// Which way the line may be travelled, relative to the order of its positions.
    public enum Direction: Sendable, Hashable {
        case both, forward, backward
    }

    public var points: [XY]
    public var kilometresPerHour: Double
    public var direction: Direction

    public init(points: [XY], kilometresPerHour: Double, direction: Direction = .both) {
        self.points = points
        self.kilometresPerHour = kilometresPerHour
        self.direction = direction
    }
}

/// Where a point meets the network: the edge, the distance along it from its `from` node, and the
/// straight leg from the point to the road.
public struct Snap: Sendable, Hashable {
    public var edge: Int
    public var position: Double
    public var offMeters: Double
}

/// A road graph with the positions of its nodes and the course of each edge, built from lines by
/// `RoadNetwork.build`, and an index that finds the nearest edge to a point.
public struct RoadNetwork: Sendable {
    public let graph: RoadGraph
    public let nodes: [XY]
    /// For each edge, the number of the line (from 0) it was cut from.
    public let edgeLine: [Int32]
    /// Edge `e`'s course is `shape[shapeOffsets[e]..<shapeOffsets[e + 1]]`, from its `from` node.
    let shapeOffsets: [Int]
    let shape: [XY]
    let index: SegmentGrid
    /// How many line ends were moved onto another position within the tolerance.
    public let snappedEnds: Int
    /// Lines left out: fewer than two distinct positions, or a speed that is not positive.
    public let skippedLines: [Int]

    /// The course of one edge.
    public func course(of edge: Int) -> ArraySlice<XY> { shape[shapeOffsets[edge]..<shapeOffsets[edge + 1]] }

    /// Builds the network. Nodes are placed at each line's two ends and at every position that two
    /// lines share (or one line twice); positions closer than `tolerance` metres count as one (the
    /// first seen stands for the group), and a line end touching nothing else but within
    /// `tolerance` of another line's course joins that line there. Lines that cross without a
    /// shared position do not meet (a bridge). Each line is cut into edges at its nodes; an edge's length is the length of its
    /// course and its time that length at the line's speed.
    public static func build(_ lines: [RoadLine], tolerance: Double) throws(ODError) -> RoadNetwork {
        guard tolerance.isFinite, tolerance >= 0 else { throw .badTolerance }
        var groups = PositionGroups(tolerance: tolerance)
        var skipped: [Int] = []
        // Every position's group, per line.
        var lineGroups: [[Int32]] = []
        lineGroups.reserveCapacity(lines.count)
        for (number, line) in lines.enumerated() {
            let usable =
                line.kilometresPerHour.isFinite && line.kilometresPerHour > 0 && line.points.count >= 2
                && line.points.allSatisfy { abs($0.x) < Self.farthest && abs($0.y) < Self.farthest }
            guard usable else {
                lineGroups.append([])
                skipped.append(number)
                continue
            }
            var ids = line.points.map { Int32(groups.group(of: $0)) }
            // Consecutive positions in one group are one position.
            ids = ids.enumerated().compactMap { i, id in i > 0 && ids[i - 1] == id ? nil : id }
            if ids.count < 2 {
                lineGroups.append([])
                skipped.append(number)
                continue
            }
            lineGroups.append(ids)
        }
        let joinedEnds = tolerance > 0 ? joinEndsToLines(&lineGroups, positions: groups.positions, tolerance: tolerance) : 0
        // A group is a node when it ends a line or holds more than one position of the lines.
        var uses = [Int32](repeating: 0, count: groups.count)
        var isEnd = [Bool](repeating: false, count: groups.count)
        for ids in lineGroups where !ids.isEmpty {
            for id in ids { uses[Int(id)] += 1 }
            isEnd[Int(ids[0])] = true
            isEnd[Int(ids[ids.count - 1])] = true
        }
        var nodeOf = [Int32](repeating: -1, count: groups.count)
        var nodes: [XY] = []
        for g in 0..<groups.count where isEnd[g] || uses[g] > 1 {
            nodeOf[g] = Int32(nodes.count)
            nodes.append(groups.positions[g])
        }
        var edges: [RoadEdge] = []
        var edgeLine: [Int32] = []
        var shapeOffsets = [0]
        var shape: [XY] = []
        for (number, ids) in lineGroups.enumerated() where !ids.isEmpty {
            let line = lines[number]
            let metresPerMinute = line.kilometresPerHour * 1000 / 60
            var course: [XY] = [groups.positions[Int(ids[0])]]
            var length = 0.0
            var start = Int(nodeOf[Int(ids[0])])
            for id in ids.dropFirst() {
                let p = groups.positions[Int(id)]
                length += distance(course[course.count - 1], p)
                course.append(p)
                let node = Int(nodeOf[Int(id)])
                guard node >= 0 else { continue }
                var edge = RoadEdge(
                    from: start, to: node, meters: length, minutes: length / metresPerMinute, oneWay: line.direction != .both)
                if line.direction == .backward {
                    swap(&edge.from, &edge.to)
                    course.reverse()
                }
                edges.append(edge)
                edgeLine.append(Int32(number))
                shape.append(contentsOf: course)
                shapeOffsets.append(shape.count)
                course = [p]
                length = 0
                start = node
            }
        }
        let graph = try RoadGraph(nodeCount: max(nodes.count, 1), edges: edges)
        return RoadNetwork(
            graph: graph, nodes: nodes, edgeLine: edgeLine, shapeOffsets: shapeOffsets, shape: shape,
            index: SegmentGrid(shapeOffsets: shapeOffsets, shape: shape), snappedEnds: groups.moved + joinedEnds, skippedLines: skipped)
    }

    /// A line end touching no other line but lying within `tolerance` of another line's course
    /// (a T-junction drawn short or long) becomes a position of that line, so the two meet there.
    /// The number of ends so joined.
    static func joinEndsToLines(_ lineGroups: inout [[Int32]], positions: [XY], tolerance: Double) -> Int {
        var uses = [Int32](repeating: 0, count: positions.count)
        for ids in lineGroups { for id in ids { uses[Int(id)] += 1 } }
        var offsets = [0]
        var shape: [XY] = []
        for ids in lineGroups {
            shape.append(contentsOf: ids.map { positions[Int($0)] })
            offsets.append(shape.count)
        }
        let grid = SegmentGrid(shapeOffsets: offsets, shape: shape)
        // (segment, share along it, group) to insert, per line.
        var inserts: [Int: [(segment: Int, t: Double, group: Int32)]] = [:]
        var joined = 0
        for (line, ids) in lineGroups.enumerated() where !ids.isEmpty {
            for end in Set([ids[0], ids[ids.count - 1]]) where uses[Int(end)] == 1 {
                let p = positions[Int(end)]
                guard let (other, segment, t, _) = grid.nearest(p, shapeOffsets: offsets, shape: shape, within: tolerance, excluding: line)
                else { continue }
                inserts[other, default: []].append((segment, t, end))
            }
        }
        for (line, list) in inserts {
            var ids = lineGroups[line]
            // Back to front, so earlier segment numbers stay valid.
            for insert in list.sorted(by: { ($0.segment, $0.t) > ($1.segment, $1.t) }) {
                // At a segment's end the end lies by a position of the line already (grouped with
                // it, or just beyond the tolerance of the group's first position): leave the line be.
                guard insert.t > 0 && insert.t < 1 else { continue }
                ids.insert(insert.group, at: insert.segment + 1)
                joined += 1
            }
            lineGroups[line] = ids
        }
        return joined
    }

    /// The nearest edge to a point (ties to the lower edge number), nil for an empty network or a
    /// point farther than `within` metres from every edge.
    public func nearest(_ point: XY, within: Double = .infinity) -> Snap? {
        guard abs(point.x) < Self.farthest, abs(point.y) < Self.farthest else { return nil }
        guard let (edge, segment, t, off) = index.nearest(point, shapeOffsets: shapeOffsets, shape: shape, within: within) else {
            return nil
        }
        var position = 0.0
        let start = shapeOffsets[edge]
        for i in start..<(start + segment) { position += distance(shape[i], shape[i + 1]) }
        position += t * distance(shape[start + segment], shape[start + segment + 1])
        return Snap(edge: edge, position: min(position, graph.edges[edge].meters), offMeters: off)
    }

    /// The point joined to the network at its nearest edge, the leg to the road walked at
    /// `walkingMetresPerMinute`; nil when no edge lies within `within` metres.
    public func attach(_ point: XY, role: Attachment.Role, walkingMetresPerMinute: Double, within: Double = .infinity) -> (
        Attachment, Snap
    )? {
        guard let snap = nearest(point, within: within) else { return nil }
        let attachment = Attachment.onEdge(
            snap.edge, of: graph, position: snap.position, offMeters: snap.offMeters, walkingMetresPerMinute: walkingMetresPerMinute,
            role: role)
        return (attachment, snap)
    }
}

extension RoadNetwork {
    /// Positions farther than this from the origin (metres; NaN and infinities included) are not
    /// positions on Earth in any projected system: a line holding one is left out, a point at one
    /// joins nothing.
    public static let farthest = 1e9
}

/// Straight-line distance in metres.
func distance(_ a: XY, _ b: XY) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

/// Positions grouped by closeness: a position joins the first group whose position lies within the
/// tolerance, else starts a new one. Looked up through a grid of cells one tolerance wide.
struct PositionGroups {
    let tolerance: Double
    var positions: [XY] = []
    var cells: [Cell: [Int32]] = [:]
    var moved = 0

    struct Cell: Hashable {
        var i: Int64
        var j: Int64
    }

    init(tolerance: Double) { self.tolerance = tolerance }

    var count: Int { positions.count }

    func cell(_ p: XY) -> Cell {
        let size = max(tolerance, 1e-6)
        return Cell(i: Int64((p.x / size).rounded(.down)), j: Int64((p.y / size).rounded(.down)))
    }

    mutating func group(of p: XY) -> Int {
        let home = cell(p)
        var best: (Int, Double)?
        for di: Int64 in -1...1 {
            for dj: Int64 in -1...1 {
                for g in cells[Cell(i: home.i + di, j: home.j + dj)] ?? [] {
                    let d = distance(positions[Int(g)], p)
                    if d <= tolerance, best == nil || d < best!.1 || (d == best!.1 && Int(g) < best!.0) { best = (Int(g), d) }
                }
            }
        }
        if let best {
            if best.1 > 0 { moved += 1 }
            return best.0
        }
        positions.append(p)
        cells[home, default: []].append(Int32(positions.count - 1))
        return positions.count - 1
    }
}

/// The segments of the edges' courses bucketed in a square grid (CSR), for nearest-edge search.
struct SegmentGrid: Sendable {
    let minX: Double
    let minY: Double
    let size: Double
    let columns: Int
    let rows: Int
    let offsets: [Int]
    /// (edge, segment within the edge's course).
    let entries: [(edge: Int32, segment: Int32)]

    init(shapeOffsets: [Int], shape: [XY]) {
        let segments = max(shape.count - (shapeOffsets.count - 1), 1)
        let xs = shape.map(\.x)
        let ys = shape.map(\.y)
        minX = xs.min() ?? 0
        minY = ys.min() ?? 0
        let width = max((xs.max() ?? 0) - minX, 1)
        let height = max((ys.max() ?? 0) - minY, 1)
        // About two segments per cell.
        // About two segments per cell, at most 16,384 cells a side (cells grow instead).
        size = max((width * height / Double(segments) * 2).squareRoot(), 1, width / 16_383, height / 16_383)
        columns = Int(width / size) + 1
        rows = Int(height / size) + 1
        var counts = [Int](repeating: 0, count: columns * rows + 1)
        var pending: [(cell: Int, edge: Int32, segment: Int32)] = []
        for edge in 0..<(shapeOffsets.count - 1) where shapeOffsets[edge + 1] - shapeOffsets[edge] >= 2 {
            for i in shapeOffsets[edge]..<(shapeOffsets[edge + 1] - 1) {
                let a = shape[i]
                let b = shape[i + 1]
                let (c0, r0) = Self.cell(min(a.x, b.x), min(a.y, b.y), minX, minY, size, columns, rows)
                let (c1, r1) = Self.cell(max(a.x, b.x), max(a.y, b.y), minX, minY, size, columns, rows)
                for r in r0...r1 {
                    for c in c0...c1 {
                        pending.append((r * columns + c, Int32(edge), Int32(i - shapeOffsets[edge])))
                        counts[r * columns + c + 1] += 1
                    }
                }
            }
        }
        for k in 0..<(columns * rows) { counts[k + 1] += counts[k] }
        var next = counts
        var entries = [(edge: Int32, segment: Int32)](repeating: (0, 0), count: pending.count)
        for p in pending {
            entries[next[p.cell]] = (p.edge, p.segment)
            next[p.cell] += 1
        }
        offsets = counts
        self.entries = entries
    }

    static func cell(_ x: Double, _ y: Double, _ minX: Double, _ minY: Double, _ size: Double, _ columns: Int, _ rows: Int) -> (Int, Int) {
        let c = Int(min(max(((x - minX) / size).rounded(.down), 0), Double(columns - 1)))
        let r = Int(min(max(((y - minY) / size).rounded(.down), 0), Double(rows - 1)))
        return (c, r)
    }

    /// Rings of cells around the point's cell, widening until the best segment found is closer than
    /// any unvisited cell can be.
    func nearest(_ p: XY, shapeOffsets: [Int], shape: [XY], within: Double, excluding: Int? = nil) -> (Int, Int, Double, Double)? {
        guard !entries.isEmpty else { return nil }
        let (pc, pr) = Self.cell(p.x, p.y, minX, minY, size, columns, rows)
        // How far the point lies outside the grid, so ring distances stay lower bounds.
        let outside = max(minX - p.x, p.x - (minX + Double(columns) * size), minY - p.y, p.y - (minY + Double(rows) * size), 0)
        var best: (edge: Int, segment: Int, t: Double, d: Double)?
        var ring = 0
        while ring <= max(columns, rows) {
            let reach = max(Double(max(ring - 1, 0)) * size, outside)
            if let best, best.d <= reach { break }
            if reach > within { break }
            // The ring's perimeter only: its top and bottom rows whole, the sides between them.
            for r in (pr - ring)...(pr + ring) where r >= 0 && r < rows {
                let edgeRow = abs(r - pr) == ring
                for c in edgeRow ? Array((pc - ring)...(pc + ring)) : [pc - ring, pc + ring] where c >= 0 && c < columns {
                    let cell = r * columns + c
                    for k in offsets[cell]..<offsets[cell + 1] {
                        let (edge, segment) = (Int(entries[k].edge), Int(entries[k].segment))
                        if edge == excluding { continue }
                        let a = shape[shapeOffsets[edge] + segment]
                        let b = shape[shapeOffsets[edge] + segment + 1]
                        let (t, d) = Self.project(p, a, b)
                        if best == nil || d < best!.d || (d == best!.d && edge < best!.edge) { best = (edge, segment, t, d) }
                    }
                }
            }
            ring += 1
        }
        guard let best, best.d <= within else { return nil }
        return (best.edge, best.segment, best.t, best.d)
    }

    /// The share along segment a→b of the point nearest p, and the distance from p to it.
    static func project(_ p: XY, _ a: XY, _ b: XY) -> (Double, Double) {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0), 1) : 0
        return (t, distance(p, XY(a.x + t * dx, a.y + t * dy)))
    }
}
