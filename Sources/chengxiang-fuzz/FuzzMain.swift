import Foundation
import Fuzzing
import Synchronization

/// `chengxiang-fuzz`: seeded mutation of every importer's input (school, division, observation and
/// task tables in CSV, TSV, XLSX and GeoJSON; cost tables) against a demo register in memory.
///
///     chengxiang-fuzz run [--count N] [--seed S] [--targets schools,divisions,…] [--out DIR]
///                         [--timeout SECONDS] [--memory-cap MIB]
///                         [--self-check-crash-at N] [--self-check-hang-at N]
///
/// Every input must be accepted or refused with the program's own error (exit 0 or 65/66 at the
/// command line), a refusal must leave the register unchanged, no input may take longer than the
/// timeout (a hang) or crash the process, and the worker's peak memory must stay under the cap.
/// Inputs run in worker processes (this program, `worker` mode) so that a crash is caught and
/// pinned to its input, which is kept in the output folder; the run goes on with the next input.
/// Prints a JSON summary; exits 1 when anything failed.
@main
struct FuzzMain {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: "--\(name)"), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        let seed = option("seed").flatMap(UInt64.init) ?? 20_261_202
        let out = URL(fileURLWithPath: option("out") ?? FileManager.default.temporaryDirectory.appendingPathComponent("cx-fuzz").path)
        let memoryCap = option("memory-cap").flatMap(Double.init) ?? 1024
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        switch arguments.first {
        case "worker":
            guard let target = option("target").flatMap(FuzzTarget.init(rawValue:)), let from = option("from").flatMap(Int.init),
                let to = option("to").flatMap(Int.init), from <= to
            else { usage() }
            var worker = Worker(seed: seed, target: target, range: from..<to, folder: out, memoryCapMiB: memoryCap)
            worker.selfCheck = .init(
                crashAt: option("self-check-crash-at").flatMap(Int.init), hangAt: option("self-check-hang-at").flatMap(Int.init))
            try worker.run()
        case "run":
            let targets =
                option("targets").map { list in
                    list.split(separator: ",").map { name in
                        guard let target = FuzzTarget(rawValue: String(name)) else { usage() }
                        return target
                    }
                } ?? FuzzTarget.allCases
            let selfCheck = ["self-check-crash-at", "self-check-hang-at"].flatMap { name in option(name).map { ["--\(name)", $0] } ?? [] }
            let supervisor = Supervisor(
                seed: seed, count: option("count").flatMap(Int.init) ?? 1000, folder: out,
                timeout: option("timeout").flatMap(Double.init) ?? 30, memoryCapMiB: memoryCap, workerArguments: selfCheck)
            let results = targets.map { supervisor.run($0) }
            let summary: [String: Any] = [
                "seed": seed, "memoryCapMiB": memoryCap, "timeoutSeconds": supervisor.timeout, "folder": out.path,
                "targets": results.map(\.json),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]), as: UTF8.self))
            exit(results.allSatisfy { $0.failures.isEmpty } ? 0 : 1)
        default:
            usage()
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(
            Data(
                """
                usage: chengxiang-fuzz run [--count N] [--seed S] [--targets \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ","))]
                                           [--out DIR] [--timeout SECONDS] [--memory-cap MIB]

                """.utf8))
        exit(64)
    }
}

/// The outcome of fuzzing one target.
struct TargetResult {
    var target: FuzzTarget
    var inputs = 0
    var accepted = 0
    var refused = 0
    /// "N kind: reason" for every input that crashed, hung, failed unexpectedly, wrote part of
    /// itself or broke the memory cap.
    var failures: [String] = []
    var peakRSSMiB = 0
    var seconds = 0.0

    var json: [String: Any] {
        [
            "target": target.rawValue, "inputs": inputs, "accepted": accepted, "refused": refused, "failures": failures,
            "crashes": failures.filter { $0.contains(" crash") }.count, "hangs": failures.filter { $0.contains(" hang") }.count,
            "partialWrites": failures.filter { $0.contains(" partial-write") }.count, "peakRSSMiB": peakRSSMiB,
            "inputsPerSecond": seconds > 0 ? (Double(inputs) / seconds * 10).rounded() / 10 : 0, "seconds": (seconds * 10).rounded() / 10,
        ]
    }
}

/// Runs workers over a target's inputs, restarting after a crash or a hang at the next input.
struct Supervisor {
    let seed: UInt64
    let count: Int
    let folder: URL
    let timeout: Double
    let memoryCapMiB: Double
    /// Passed on to every worker (the self-check options).
    var workerArguments: [String] = []

    func run(_ target: FuzzTarget) -> TargetResult {
        var result = TargetResult(target: target)
        let started = Date()
        var next = 0
        var diedBeforeStart: [Int: Int] = [:]
        while next < count {
            let (lines, status) = runWorker(target, from: next)
            var lastStarted: Int?
            for line in lines {
                let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count >= 2 else { continue }
                switch parts[0] {
                case "start": lastStarted = Int(parts[1])
                case "result":
                    result.inputs += 1
                    if parts.count > 2 && parts[2] == "accepted" { result.accepted += 1 } else { result.refused += 1 }
                    lastStarted = nil
                    next = (Int(parts[1]) ?? next) + 1
                case "fail":
                    result.inputs += 1
                    result.failures.append("\(parts[1]) \(parts.count > 2 ? parts[2] : "")")
                    lastStarted = nil
                    next = (Int(parts[1]) ?? next) + 1
                case "done": result.peakRSSMiB = max(result.peakRSSMiB, Int(parts[1]) ?? 0)
                default: break
                }
            }
            if let crashed = lastStarted {
                result.inputs += 1
                result.failures.append("\(crashed) \(status == .hang ? "hang" : "crash") (\(status))")
                next = crashed + 1
            } else if status != .finished {
                // The worker died between inputs (after one's result, before the next's start):
                // run the next input again in a new worker; the second time, record it and go on.
                diedBeforeStart[next, default: 0] += 1
                if diedBeforeStart[next, default: 0] >= 2 {
                    result.failures.append("\(next) crash between inputs (\(status))")
                    next += 1
                }
            }
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    enum WorkerStatus: Equatable, CustomStringConvertible {
        case finished, hang
        case died(Int32)

        var description: String {
            switch self {
            case .finished: "finished"
            case .hang: "no progress for the timeout, killed"
            case .died(let code): "terminated, status \(code)"
            }
        }
    }

    /// Runs one worker from input `from` to the end, killing it when an input takes longer than the
    /// timeout; returns the lines it printed.
    func runWorker(_ target: FuzzTarget, from: Int) -> ([String], WorkerStatus) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments =
            [
                "worker", "--seed", "\(seed)", "--target", target.rawValue, "--from", "\(from)", "--to", "\(count)", "--out", folder.path,
                "--memory-cap", "\(memoryCapMiB)",
            ] + workerArguments
        // A worker that crashes must end at once: Swift's backtracer would first symbolicate the
        // crash, which on a loaded machine takes longer than the timeout and reads as a hang.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        // The worker builds its demo register before the first input: allow it two minutes more.
        let progress = Mutex(Date().addingTimeInterval(120))
        let killed = Mutex(false)
        do { try process.run() } catch { return ([], .died(-1)) }
        let watchdog = Thread {
            while process.isRunning {
                Thread.sleep(forTimeInterval: 0.2)
                if Date().timeIntervalSince(progress.withLock { $0 }) > timeout {
                    killed.withLock { $0 = true }
                    kill(process.processIdentifier, SIGKILL)
                    return
                }
            }
        }
        watchdog.start()
        var lines: [String] = []
        var buffer = Data()
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            progress.withLock { $0 = Date() }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        process.waitUntilExit()
        if killed.withLock({ $0 }) { return (lines, .hang) }
        let clean = process.terminationReason == .exit && process.terminationStatus == 0
        return (lines, clean ? .finished : .died(process.terminationStatus))
    }
}
