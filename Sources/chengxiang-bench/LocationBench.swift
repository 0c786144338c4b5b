import Foundation
import LocationModels

/// Benchmarks of the location-allocation engine (issue 3): OR-Library pmed1–40, the peer
/// benchmark's random instances (read from the files `pmedian_peer.py --prepare-only` writes, so
/// both sides solve the identical instance), and large random Euclidean p-medians. One JSON line
/// per case on stdout; with `--progress`, solver progress on stderr.
enum LocationBench {
    /// Runs `chengxiang-bench orlib|random|peer-instance …`.
    static func main(_ argv: [String]) {
        let args = Args(argv)
        switch args.positional.first {
        case "orlib": runORLib(args)
        case "random": runRandom(args)
        case "peer-instance": runPeer(args)
        default: fail(usage)
        }
    }

    static func emit(_ line: String) {
        FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!)
    }

    static let usage = """
        usage:
          chengxiang-bench orlib DIR [--select 1-40] [--repeat 3] [--exact] [common options]
          chengxiang-bench peer-instance FILE.csv --json FILE.json --task pmedian|cpmedian|mclp|lscp|pcenter [--exact] [common options]
          chengxiang-bench random --n 5000 --p 100 --seed 1 [--exact] [common options]
        common options: --seed S (solver seed, default 1) --time-limit SECONDS --threads N --effort X --gap REL
                        --repeat N --progress
        """

    struct Args {
        var positional: [String] = []
        var options: [String: String] = [:]
        var flags: Set<String> = []
        init(_ argv: [String]) {
            var i = 0
            let flagNames: Set<String> = ["--exact", "--progress", "--heuristic"]
            while i < argv.count {
                let a = argv[i]
                if flagNames.contains(a) {
                    flags.insert(a)
                } else if a.hasPrefix("--"), i + 1 < argv.count {
                    options[a] = argv[i + 1]
                    i += 1
                } else {
                    positional.append(a)
                }
                i += 1
            }
        }
        func int(_ k: String, _ def: Int) -> Int { options[k].flatMap { Int($0) } ?? def }
        func double(_ k: String) -> Double? { options[k].flatMap { Double($0) } }
    }

    static func fail(_ msg: String) -> Never {
        FileHandle.standardError.write((msg + "\n").data(using: .utf8)!)
        exit(2)
    }

    static func resetPeakRSS() {
        // "5" resets the peak RSS (VmHWM) of this process (Linux ≥ 4.0)
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        if s.isEmpty { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func jsonValue(_ v: Any?) -> String {
        switch v {
        case nil: return "null"
        case let d as Double:
            if !d.isFinite { return "null" }
            if d == d.rounded() && abs(d) < 1e15 { return String(format: "%.1f", d) }
            return String(format: "%.9g", d).contains("e") ? "\(d)" : "\(d)"
        case let i as Int: return "\(i)"
        case let b as Bool: return b ? "true" : "false"
        case let s as String:
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case let a as [Int]: return "[" + a.map(String.init).joined(separator: ",") + "]"
        case let a as [Double]: return "[" + a.map { jsonValue($0) }.joined(separator: ",") + "]"
        case let o as [(String, Any?)]: return jsonObject(o)
        default: return "\"\(v!)\""
        }
    }

    static func jsonObject(_ pairs: [(String, Any?)]) -> String {
        "{" + pairs.map { "\"\($0.0)\":\(jsonValue($0.1))" }.joined(separator: ",") + "}"
    }

    static func makeOptions(_ args: Args, exact: Bool) -> SolveOptions {
        var o = SolveOptions(method: exact ? .exact : .heuristic, seed: UInt64(args.int("--seed", 1)))
        o.timeLimitSeconds = args.double("--time-limit")
        if let t = args.options["--threads"], let v = Int(t) { o.threads = v }
        if let e = args.double("--effort") { o.effort = e }
        if let g = args.double("--gap") { o.relativeGapTolerance = g }
        if args.flags.contains("--progress") {
            o.progress = { p in
                let line = String(
                    format: "  it %d best %@ bound %@ t=%.2fs\n", p.iteration,
                    p.bestObjective.map { String(format: "%.6f", $0) } ?? "-",
                    p.bound.map { String(format: "%.6f", $0) } ?? "-", p.elapsedSeconds)
                FileHandle.standardError.write(line.data(using: .utf8)!)
            }
        }
        return o
    }

    /// Runs `solve` `repeat` times and returns the median-time run with all times.
    static func measure(_ repeatCount: Int, _ solve: () throws -> LocationSolution) -> (LocationSolution, [Double], Double?)? {
        var runs: [(LocationSolution, Double)] = []
        var peak: Double? = nil
        for _ in 0..<max(1, repeatCount) {
            resetPeakRSS()
            let t0 = Date()
            do {
                let s = try solve()
                runs.append((s, Date().timeIntervalSince(t0)))
            } catch let e as LocationModelError {
                emit(jsonObject([("error", "\(e)")]))
                return nil
            } catch {
                emit(jsonObject([("error", "\(error)")]))
                return nil
            }
            peak = max(peak ?? 0, peakRSSMiB())
        }
        let times = runs.map(\.1)
        let med = median(times)
        let pick = runs.min { abs($0.1 - med) < abs($1.1 - med) }!.0
        return (pick, times, peak)
    }

    static func solutionFields(_ s: LocationSolution, times: [Double], peak: Double?) -> [(String, Any?)] {
        [
            ("objective", s.objective), ("bound", s.bound), ("gap", s.gap), ("provenOptimal", s.provenOptimal),
            ("stopReason", "\(s.stopReason)"), ("seconds", median(times)), ("runSeconds", times),
            ("solverSeconds", s.seconds), ("iterations", s.iterations), ("peakRssMB", peak),
            ("nOpen", s.openSites.count), ("openSites", s.openSites),
        ]
    }

    // MARK: - commands

    static func runORLib(_ args: Args) {
        guard args.positional.count >= 2 else { fail(usage) }
        let dir = args.positional[1]
        let sel = args.options["--select"] ?? "1-40"
        var ids: [Int] = []
        for part in sel.split(separator: ",") {
            let r = part.split(separator: "-").compactMap { Int($0) }
            if r.count == 2 { ids += Array(r[0]...r[1]) } else if r.count == 1 { ids.append(r[0]) }
        }
        let optText = (try? String(contentsOfFile: dir + "/pmedopt.txt", encoding: .utf8)) ?? ""
        let optima = ORLibrary.parseOptima(optText)
        let exact = args.flags.contains("--exact")
        let repeatCount = args.int("--repeat", 1)
        var total = 0.0
        var totalWithSetup = 0.0
        var hits = 0
        for k in ids {
            guard let text = try? String(contentsOfFile: "\(dir)/pmed\(k).txt", encoding: .utf8) else {
                fail("cannot read pmed\(k).txt")
            }
            let t0 = Date()
            guard let problem = try? ORLibrary.parsePMedian(text) else { fail("cannot parse pmed\(k)") }
            let setup = Date().timeIntervalSince(t0)
            let options = makeOptions(args, exact: exact)
            guard let (s, times, peak) = measure(repeatCount, { try problem.solve(options: options) }) else { continue }
            let opt = optima[k]
            let match = opt.map { abs($0 - s.objective) < 1e-6 } ?? false
            if match { hits += 1 }
            total += median(times)
            totalWithSetup += median(times) + setup
            var fields: [(String, Any?)] = [
                ("bench", "lm"), ("case", "pmed\(k)"), ("task", "pmedian"),
                ("method", exact ? "exact" : "heuristic"), ("n", problem.costs.demandCount),
                ("p", problem.p), ("optimum", opt), ("matchesOptimum", match),
                ("setupSeconds", setup),
            ]
            fields += solutionFields(s, times: times, peak: peak)
            emit(jsonObject(fields))
        }
        emit(
            jsonObject([
                ("bench", "lm"), ("case", "orlib-summary"), ("instances", ids.count), ("optimaReached", hits),
                ("totalSolveSeconds", total), ("totalWithSetupSeconds", totalWithSetup),
                ("loadavg", loadAverage()),
            ]))
    }

    static func runRandom(_ args: Args) {
        let n = args.int("--n", 5000)
        let p = args.int("--p", 100)
        let instanceSeed = UInt64(args.int("--instance-seed", args.int("--seed", 1)))
        let side = Double(args.int("--side", 100_000))
        let exact = args.flags.contains("--exact")
        let repeatCount = args.int("--repeat", 1)
        resetPeakRSS()
        let t0 = Date()
        // uniform integer coordinates in [0, side] and integer weights 1...100, from xoshiro256**
        var rng = Xoshiro256StarStar(seed: instanceSeed)
        var xs = [Double]()
        var ys = [Double]()
        var ws = [Double]()
        for _ in 0..<n {
            xs.append(Double(rng.nextInt(Int(side) + 1)))
            ys.append(Double(rng.nextInt(Int(side) + 1)))
            ws.append(Double(1 + rng.nextInt(100)))
        }
        guard let matrix = try? CostMatrix.euclidean(demandX: xs, demandY: ys, candidateX: xs, candidateY: ys) else {
            fail("matrix")
        }
        let problem = PMedianProblem(costs: matrix, weights: ws, p: p)
        let setup = Date().timeIntervalSince(t0)
        let options = makeOptions(args, exact: exact)
        guard let (s, times, peak) = measure(repeatCount, { try problem.solve(options: options) }) else { return }
        var fields: [(String, Any?)] = [
            ("bench", "lm"), ("case", "random-\(n)x\(n)-p\(p)-seed\(instanceSeed)"),
            ("task", "pmedian"), ("method", exact ? "exact" : "heuristic"), ("n", n), ("p", p),
            ("setupSeconds", setup), ("timeLimit", options.timeLimitSeconds),
            ("gapTolerance", options.relativeGapTolerance),
        ]
        fields += solutionFields(s, times: times, peak: peak)
        fields.append(("loadavg", loadAverage()))
        emit(jsonObject(fields))
    }

    struct PeerInstance {
        var xs: [Double] = [], ys: [Double] = [], ws: [Double] = []
        var candidates: [Int] = []
        var p = 0
        var radius = 0.0
        var capacity = 0.0
    }

    static func loadPeer(_ csvPath: String, _ jsonPath: String) -> PeerInstance {
        guard let text = try? String(contentsOfFile: csvPath, encoding: .utf8) else { fail("cannot read \(csvPath)") }
        var inst = PeerInstance()
        for (k, line) in text.split(whereSeparator: \.isNewline).enumerated() where k > 0 {
            let f = line.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            guard f.count >= 5, let x = Double(f[1]), let y = Double(f[2]), let w = Double(f[3]) else { continue }
            if f[4] == "1" { inst.candidates.append(inst.xs.count) }
            inst.xs.append(x)
            inst.ys.append(y)
            inst.ws.append(w)
        }
        guard let data = FileManager.default.contents(atPath: jsonPath),
            let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { fail("cannot read \(jsonPath)") }
        inst.p = (obj["p"] as? NSNumber)?.intValue ?? 0
        inst.radius = (obj["service_radius_m"] as? NSNumber)?.doubleValue ?? 0
        inst.capacity = (obj["capacity_per_site"] as? NSNumber)?.doubleValue ?? 0
        return inst
    }

    static func runPeer(_ args: Args) {
        guard args.positional.count >= 2, let jsonPath = args.options["--json"] else { fail(usage) }
        let csvPath = args.positional[1]
        let task = args.options["--task"] ?? "pmedian"
        let exact = args.flags.contains("--exact")
        let repeatCount = args.int("--repeat", 1)
        let t0 = Date()
        let inst = loadPeer(csvPath, jsonPath)
        let cx = inst.candidates.map { inst.xs[$0] }
        let cy = inst.candidates.map { inst.ys[$0] }
        guard let matrix = try? CostMatrix.euclidean(demandX: inst.xs, demandY: inst.ys, candidateX: cx, candidateY: cy)
        else { fail("matrix") }
        let setup = Date().timeIntervalSince(t0)
        let options = makeOptions(args, exact: exact)
        let solve: () throws -> LocationSolution
        switch task {
        case "pmedian":
            let pr = PMedianProblem(costs: matrix, weights: inst.ws, p: inst.p)
            solve = { try pr.solve(options: options) }
        case "cpmedian":
            let pr = CapacitatedPMedianProblem(
                costs: matrix, weights: inst.ws,
                capacities: [Double](repeating: inst.capacity, count: cx.count), p: inst.p)
            solve = { try pr.solve(options: options) }
        case "mclp":
            let pr = MaximalCoveringProblem(costs: matrix, weights: inst.ws, p: inst.p, radius: inst.radius)
            solve = { try pr.solve(options: options) }
        case "lscp":
            let pr = SetCoveringProblem(costs: matrix, radius: inst.radius)
            solve = { try pr.solve(options: options) }
        case "pcenter":
            let pr = PCenterProblem(costs: matrix, p: inst.p)
            solve = { try pr.solve(options: options) }
        default: fail("unknown task \(task)")
        }
        guard let (s, times, peak) = measure(repeatCount, solve) else { return }
        let name = URL(fileURLWithPath: csvPath).deletingPathExtension().lastPathComponent
        var fields: [(String, Any?)] = [
            ("bench", "lm"), ("case", name), ("task", task), ("method", exact ? "exact" : "heuristic"),
            ("n", inst.xs.count), ("m", cx.count), ("p", inst.p), ("radius", inst.radius),
            ("capacity", inst.capacity), ("setupSeconds", setup),
            ("timeLimit", options.timeLimitSeconds),
        ]
        fields += solutionFields(s, times: times, peak: peak)
        fields.append(("loadavg", loadAverage()))
        emit(jsonObject(fields))
    }
}
