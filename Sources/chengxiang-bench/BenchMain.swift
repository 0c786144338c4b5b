import Demo
import Foundation
import Interchange
import Services
import Store

/// `chengxiang-bench`: measurements that are too slow or too large for tests. Each case prints one
/// JSON line (wall seconds, peak RSS) so `scripts/bench.sh` can collect medians into docs/benchmarks.md.
@main
struct BenchMain {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "import-schools":
            let rows = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
            try ImportBenchmark(rows: rows).run()
        case "prefecture":
            guard let path = arguments.dropFirst().first else {
                FileHandle.standardError.write(Data("usage: chengxiang-bench prefecture DATABASE\n".utf8))
                exit(64)
            }
            try PrefectureBenchmark(path: path).run()
        case "orlib", "random", "peer-instance":
            LocationBench.main(arguments)
        case "overlay":
            OverlayBench.main(arguments)
        case "od":
            ODBench.main(arguments)
        case "road-file":
            RoadFileBench.main(arguments)
        default:
            FileHandle.standardError.write(
                Data(
                    ("usage: chengxiang-bench import-schools [ROWS]\n       chengxiang-bench prefecture DATABASE\n" + LocationBench.usage
                        + "\n" + OverlayBench.usage + "\n" + ODBench.usage + "\n" + RoadFileBench.usage + "\n").utf8))
            exit(64)
        }
    }
}

/// Peak resident memory of this process in MiB (VmHWM from /proc/self/status).
func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return .nan }
    let kib = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
    return kib / 1024
}

/// Wall-clock seconds of a block.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Imports a generated school table of `rows` rows (GBK, as a township would send it) into a
/// demo register, through the same two-pass streaming importer the CLI uses.
struct ImportBenchmark {
    let rows: Int

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("schools.csv")
        let (bytes, generateSeconds) = try measure { try writeTable(to: csv) }
        let workspace = try Workspace.create(path: dir.appendingPathComponent("bench.sqlite").path)
        try DemoBuilder(workspace: workspace).build()
        let rssBefore = peakRSSMiB()
        let (summary, seconds) = try measure {
            try workspace.imports(by: .system("bench")).importSchools(from: csv, dataYear: 2024)
        }
        let line: [String: Any] = [
            "case": "import-schools", "rows": rows, "fileMiB": Double(bytes) / 1_048_576, "encoding": summary.format,
            "generateSeconds": generateSeconds, "importSeconds": seconds, "inserted": summary.inserted,
            "rowsPerSecond": Double(rows) / seconds, "peakRSSMiBBeforeImport": rssBefore, "peakRSSMiB": peakRSSMiB(),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    /// Writes the table in GBK (GB18030): every non-ASCII text is encoded once and reused.
    func writeTable(to url: URL) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let townships = ["天宁", "西营", "西社", "水峪贯", "洪相", "夏家营", "庞泉沟", "东坡底"].map { GB18030Encoder.encode($0) }  // data
        let levels = ["小学", "初中", "小初一体"].map { GB18030Encoder.encode($0) }  // data
        let school = GB18030Encoder.encode("学校")  // data
        var buffer = GB18030Encoder.encode("乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）\r\n")  // data
        var written = 0
        for i in 0..<rows {
            buffer += townships[i % townships.count] + [0x2C] + Array("S\(i)".utf8) + school + [0x2C]
            buffer += levels[i % 3] + Array(",\(50 + i % 1500),\(5 + i % 90),\(Double(i % 400) / 4)\r\n".utf8)
            if buffer.count > 1 << 20 {
                handle.write(Data(buffer))
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        return written + buffer.count
    }
}
