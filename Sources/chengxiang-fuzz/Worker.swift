import Demo
import Foundation
import Fuzzing
import Localization
import LocationModels
import Services
import Store

/// Runs fuzzed inputs in this process, one after another, against a demo register in memory, and
/// reports each on standard output: `start N` before it runs (so a crash is pinned to it),
/// `result N accepted|refused`, or `fail N kind reason`. The input file stays in the output folder
/// only when it failed.
struct Worker {
    let seed: UInt64
    let target: FuzzTarget
    let range: Range<Int>
    let folder: URL
    let memoryCapMiB: Double
    /// For the harness's own test: crash (trap) or hang at these inputs.
    var selfCheck = SelfCheck()

    /// Inputs at which the worker deliberately crashes or hangs, to show the supervisor catches both.
    struct SelfCheck {
        var crashAt: Int?
        var hangAt: Int?
    }

    func run() throws {
        let seeds = try Corpus.seeds(target)
        let template = try RegisterStore()
        try DemoBuilder(workspace: Workspace(store: template)).build()
        let working = try RegisterStore()
        try template.backup(toStore: working)
        let workspace = Workspace(store: working)
        var memoryReported = false
        for index in range {
            var mutator = Mutator(seed: Self.inputSeed(seed, target, index))
            let file = mutator.rng.pick(seeds)
            let data =
                mutator.rng.chance(3) ? file.data : (file.isWorkbook ? try mutator.mutateWorkbook(file.data) : mutator.mutate(file.data))
            let url = folder.appendingPathComponent("\(target.rawValue)-\(index)-\(file.name)")
            try data.write(to: url)
            report("start \(index)")
            if index == selfCheck.crashAt { fatalError("self-check crash at input \(index)") }
            if index == selfCheck.hangAt { while true { sleep(1) } }
            let before = try fingerprint(working)
            var failure: String?
            var outcome = "accepted"
            do {
                try feed(url, to: workspace)
            } catch let error as UserError {
                outcome = "refused"
                if try fingerprint(working) != before { failure = "partial-write \(error.kind.rawValue)" }
            } catch {
                failure = "unexpected \(type(of: error)): \(String(describing: error).prefix(200))"
            }
            if try fingerprint(working) != before {
                try template.backup(toStore: working)
            }
            let rss = peakRSSMiB()
            if failure == nil && rss > memoryCapMiB && !memoryReported {
                failure = "memory \(Int(rss)) MiB"
                memoryReported = true
            }
            if let failure {
                report("fail \(index) \(failure.replacingOccurrences(of: "\n", with: " "))")
            } else {
                report("result \(index) \(outcome)")
                try? FileManager.default.removeItem(at: url)
            }
        }
        report("done \(Int(peakRSSMiB()))")
    }

    /// The seed of one input: the run's seed, the target and the input's number, mixed.
    static func inputSeed(_ seed: UInt64, _ target: FuzzTarget, _ index: Int) -> UInt64 {
        var mix = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        for byte in target.rawValue.utf8 { mix = SplitMix64(seed: mix.next() ^ UInt64(byte)) }
        return mix.next()
    }

    /// Imports (commits) the file as the command line would, or reads it as a cost table.
    func feed(_ url: URL, to workspace: Workspace) throws {
        let imports = workspace.imports(by: .system("fuzz"))
        switch target {
        case .schools: _ = try imports.commit(.schools, file: url)
        case .divisions: _ = try imports.commit(.divisions, file: url)
        case .observations: _ = try imports.commit(.observations, file: url)
        case .tasks: _ = try imports.commit(.tasks, file: url)
        case .costs: _ = try EngineInputs.costTables(costs: url, weights: nil, capacities: nil, deadline: .now + .seconds(10))
        case .villages: _ = try imports.commit(.villages, file: url)
        case .assets: _ = try imports.commit(.assets, file: url)
        case .clinics: _ = try imports.commit(.clinics, file: url)
        case .pupils: _ = try imports.commit(.pupils, file: url)
        }
    }

    /// What a refused import must leave as it was: every audited change moves the data stamp, and
    /// an import that started would leave a line in the import log.
    func fingerprint(_ store: RegisterStore) throws -> [Int64] {
        [try store.dataStamp(), Int64(try store.read { try $0.importLog(limit: 1_000_000).count })]
    }

    func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Peak resident memory of this process in MiB (VmHWM from /proc/self/status).
func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}
