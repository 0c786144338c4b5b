import Domain
import Foundation
import Geo
import Interchange
import Services

/// `chengxiang-bench road-file DIR [--repeat R]`: building the road graph from a file of the
/// peer's largest graph (`odmatrix_peer.py --prepare-only --sizes 1m`: 1,898,091 edges). Writes
/// DIR/roads.gpkg once (each edge a two-point line, 村道, moved into EPSG:4546 by +500 km east and
/// +4,100 km north), then times `roads import --dry-run` on an empty register: GDAL reading,
/// checking every feature, and building the graph with its topology and components. Prints one
/// JSON line with the medians, the graph's size and the peak memory.
struct RoadFileBench {
    static let usage = "       chengxiang-bench road-file DIR [--repeat R]"

    static func main(_ arguments: [String]) {
        var rest = Array(arguments.dropFirst())
        guard let dir = rest.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(64)
        }
        rest.removeFirst()
        let repeats = rest.firstIndex(of: "--repeat").flatMap { $0 + 1 < rest.count ? Int(rest[$0 + 1]) : nil } ?? 3
        let folder = URL(fileURLWithPath: dir)
        let file = folder.appendingPathComponent("roads.gpkg")
        do {
            var writeSeconds = 0.0
            if !FileManager.default.fileExists(atPath: file.path) { (_, writeSeconds) = try measure { try write(folder, to: file) } }
            let register = FileManager.default.temporaryDirectory.appendingPathComponent("cx-roads-\(UUID().uuidString).sqlite")
            defer { try? FileManager.default.removeItem(at: register) }
            let workspace = try Workspace.create(path: register.path)
            var runs: [Double] = []
            var report: RoadImportReport?
            for _ in 0..<max(1, repeats) {
                let (r, seconds) = try measure {
                    try workspace.roads(by: .system("bench")).importRoads(
                        file, RoadImportOptions(crs: .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: false), dryRun: true))
                }
                runs.append(seconds)
                report = r
            }
            guard let report else { return }
            let line: [String: Any] = [
                "case": "road-file", "file": file.lastPathComponent, "fileMiB": fileMiB(file), "features": report.network.featureCount,
                "nodes": report.summary.nodes, "edges": report.summary.edges, "pieces": report.summary.componentSizes.count,
                "write_gpkg_s": writeSeconds, "runs_s": runs, "median_s": runs.sorted()[runs.count / 2], "peak_rss_mib": peakRSSMiB(),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(65)
        }
    }

    static func fileMiB(_ url: URL) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1_048_576
    }

    /// The peer's edges as two-point lines in a GeoPackage.
    static func write(_ folder: URL, to file: URL) throws {
        let nodes = ODBench.rows(folder.appendingPathComponent("nodes.csv"), columns: 3)
        let edges = ODBench.rows(folder.appendingPathComponent("edges.csv"), columns: 3)
        var xy = [(Double, Double)](repeating: (0, 0), count: nodes.count)
        for n in nodes { xy[Int(n[0])] = (n[1] + 500_000, n[2] + 4_100_000) }
        let features = edges.compactMap { e -> VectorOutputFeature? in
            let (a, b) = (xy[Int(e[0])], xy[Int(e[1])])
            guard let shape = Shape(wkt: "LINESTRING (\(a.0) \(a.1), \(b.0) \(b.1))") else { return nil }
            return VectorOutputFeature(values: [.text("村道")], shape: shape)  // data
        }
        try VectorFileWriter.write(
            file, format: .gpkg, layerName: "roads", fields: [VectorField("道路等级")], features: features,  // data
            crs: .gaussKruger(width: 3, centralMeridian: 111, zonePrefix: false))
    }
}
