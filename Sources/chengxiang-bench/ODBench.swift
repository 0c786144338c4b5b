import Foundation
import ODEngine

/// `chengxiang-bench od DIR [--repeat R] [--threads N]`: the OD matrix on the peer's road-like graph
/// (`odmatrix_peer.py --prepare-only` writes DIR/edges.csv `from,to,length`, origins.csv and
/// destinations.csv `row,node`). Timed as the peer times SciPy: graph build (CSR) and query
/// separately, from the edges in memory. Prints one JSON line with the medians, the sum of the
/// finite distances, and the largest difference from the peer's reference matrix (`od_scipy.csv`)
/// when it is there.
struct ODBench {
    static let usage = "       chengxiang-bench od DIR [--repeat R] [--threads N]"

    static func main(_ arguments: [String]) {
        var rest = Array(arguments.dropFirst())
        guard let dir = rest.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(64)
        }
        rest.removeFirst()
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let i = rest.firstIndex(of: name), i + 1 < rest.count, let value = Int(rest[i + 1]) else { return fallback }
            return value
        }
        let repeats = max(1, option("--repeat", 3))
        let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
        let folder = URL(fileURLWithPath: dir)
        let (edges, readSeconds) = measure { rows(folder.appendingPathComponent("edges.csv"), columns: 3) }
        let origins = rows(folder.appendingPathComponent("origins.csv"), columns: 2).map { Attachment.node(Int($0[1])) }
        let destinations = rows(folder.appendingPathComponent("destinations.csv"), columns: 2).map { Attachment.node(Int($0[1])) }
        let nodeCount = Int(edges.reduce(0) { max($0, $1[0], $1[1]) }) + 1
        let roadEdges = edges.map { RoadEdge(from: Int($0[0]), to: Int($0[1]), meters: $0[2], minutes: $0[2]) }
        var builds: [Double] = []
        var queries: [Double] = []
        var result: ODResult?
        for _ in 0..<repeats {
            let (graph, build) = measure { try? RoadGraph(nodeCount: nodeCount, edges: roadEdges) }
            guard let graph else { fail("the graph was refused") }
            let (r, query) = measure {
                try? ODMatrix.compute(graph, origins: origins, destinations: destinations, by: .meters, threads: threads)
            }
            guard let r else { fail("the points were refused") }
            builds.append(build)
            queries.append(query)
            result = r
        }
        guard let result else { return }
        let finite = result.meters.compactMap { $0 }
        var line: [String: Any] = [
            "engine": "chengxiang", "case": folder.lastPathComponent, "nodes": nodeCount, "edges": edges.count,
            "origins": origins.count, "destinations": destinations.count, "threads": threads, "read_csv_s": readSeconds,
            "preprocess_runs_s": builds, "query_runs_s": queries, "preprocess_median_s": median(builds),
            "query_median_s": median(queries), "total_median_s": median(zip(builds, queries).map { $0 + $1 }),
            "od_finite": finite.count, "od_sum_m": finite.reduce(0, +), "peak_rss_mib": peakRSSMiB(),
        ]
        if let reference = reference(folder.appendingPathComponent("od_scipy.csv"), destinations: destinations.count) {
            var worst = 0.0
            for (i, value) in result.meters.enumerated() where i < reference.count {
                let ref = reference[i]
                switch (value, ref.isFinite) {
                case (let v?, true): worst = max(worst, abs(v - ref))
                case (nil, false): continue
                default: worst = .infinity
                }
            }
            line["max_abs_diff_vs_scipy_m"] = worst.isFinite ? worst : "mismatch in reachability"
        }
        let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(65)
    }

    /// The numeric rows of a headed CSV with `columns` columns.
    static func rows(_ url: URL, columns: Int) -> [[Double]] {
        guard let data = try? Data(contentsOf: url) else { fail("cannot read \(url.path)") }
        var out: [[Double]] = []
        for line in data.split(separator: UInt8(ascii: "\n")).dropFirst() {
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            let values = fields.compactMap { Double(String(decoding: $0, as: UTF8.self)) }
            guard values.count == columns else { fail("bad row in \(url.lastPathComponent)") }
            out.append(values)
        }
        return out
    }

    /// The peer's matrix (origins × destinations, row-major), `inf` for unreachable; nil when absent.
    static func reference(_ url: URL, destinations: Int) -> [Double]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        var out: [Double] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            for field in line.split(separator: UInt8(ascii: ",")) {
                out.append(Double(String(decoding: field, as: UTF8.self)) ?? .infinity)
            }
        }
        return out
    }
}
