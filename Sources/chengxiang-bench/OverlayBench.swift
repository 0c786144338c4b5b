import Crypto
import Foundation
import Geo

/// `chengxiang-bench overlay DIR [--repeat R] [--threads N]`: the intersection step of conflict
/// detection on the peer's layers (`overlay_peer.py --prepare-only` writes DIR/layer_a.csv and
/// layer_b.csv: id and WKT at round-trip precision). Timed as the peer times shapely: from the
/// shapes in memory to every intersecting pair with its intersection area (our time includes
/// reading the shapes' WKB into GEOS, which the peer's does not). Prints one JSON line with the
/// pair counts, the total area and the peer's fingerprint of the pairs with positive area.
struct OverlayBench {
    static let usage = "       chengxiang-bench overlay DIR [--repeat R] [--threads N]"

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
        let repeats = option("--repeat", 3)
        let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
        let folder = URL(fileURLWithPath: dir)
        let (a, readA) = measure { read(folder.appendingPathComponent("layer_a.csv")) }
        let (b, readB) = measure { read(folder.appendingPathComponent("layer_b.csv")) }
        var runs: [Double] = []
        var result: OverlayResult?
        for _ in 0..<max(1, repeats) {
            let (r, seconds) = measure { Overlay.intersections(a, b, threads: threads) }
            runs.append(seconds)
            result = r
        }
        guard let result else { return }
        let positive = result.pieces.filter { $0.area > 0 }
        var keys = positive.map { Int64($0.a) * 1_000_003 + Int64($0.b) }
        keys.sort()
        let bytes = keys.flatMap { key in withUnsafeBytes(of: key.littleEndian) { Array($0) } }
        let fingerprint = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined().prefix(16)
        let total = result.pieces.reduce(0.0) { $0 + $1.area }
        let sorted = runs.sorted()
        let line: [String: Any] = [
            "engine": "chengxiang", "case": folder.lastPathComponent, "a": a.count, "b": b.count, "threads": threads,
            "read_wkt_s": readA + readB, "runs_s": runs, "median_s": sorted[sorted.count / 2], "candidate_pairs": result.candidatePairs,
            "intersecting_pairs": result.intersectingPairs, "positive_area_pairs": positive.count,
            "total_intersection_area_m2": total, "pairs_fingerprint": String(fingerprint), "peak_rss_mib": peakRSSMiB(),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    }

    /// The shapes of a peer CSV (`id,"WKT"`), in id order.
    static func read(_ url: URL) -> [Shape] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            FileHandle.standardError.write(Data("cannot read \(url.path)\n".utf8))
            exit(66)
        }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            guard let quote = line.firstIndex(of: "\"") else { return nil }
            let wkt = line[line.index(after: quote)...].dropLast(line.hasSuffix("\"") ? 1 : 0)
            guard let shape = Shape(wkt: String(wkt)) else {
                FileHandle.standardError.write(Data("unreadable WKT in \(url.lastPathComponent)\n".utf8))
                exit(65)
            }
            return shape
        }
    }
}
