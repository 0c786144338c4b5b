import ArgumentParser
import Foundation
import Interchange
import LocationModels
import Planning

/// `chengxiang solve`: the location-allocation engine on files (OR-Library instances or long CSV tables).
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "选址模型求解（p-中位、带容量 p-中位、最大覆盖、集合覆盖、p-中心）· Solve a location model.",
        discussion: """
            输入为 OR-Library pmed 文件（--orlib），或长表 CSV：费用 demand,candidate,cost；权重 demand,weight；容量 candidate,capacity。
            费用表中缺少的点对、或写作 inf/不可达 的，视为不可达。默认快速启发式；--exact 给出下界与差距，能证明时注明最优。
            Example:
              chengxiang solve pmedian --orlib pmed1.txt --format json
              chengxiang solve mclp --costs costs.csv --weights weights.csv -p 5 --radius 3000 --exact
            """)

    @Argument(help: "模型 pmedian|cpmedian|mclp|lscp|pcenter · Model.") var model: ModelArgument
    @Option(help: "OR-Library pmed 文件 · OR-Library pmed file.") var orlib: String?
    @Option(help: "费用长表 CSV · Long cost table.") var costs: String?
    @Option(help: "权重 CSV（默认全为 1）· Weights (default 1).") var weights: String?
    @Option(help: "容量 CSV（带容量 p-中位）· Capacities.") var capacity: String?
    @Option(name: .short, help: "设施数 p · Number of facilities.") var p: Int?
    @Option(help: "服务半径（费用单位）· Service radius in cost units.") var radius: Double?
    @Option(help: "必须保留的候选点编号，逗号分隔 · Candidates that must stay open.") var keep: String?
    @Option(help: "不可选的候选点编号，逗号分隔 · Candidates that may not be chosen.") var exclude: String?
    @Flag(help: "精确求解（下界、差距、最优性证明）· Exact path with bound and gap.") var exact = false
    @Option(help: "随机种子 · Seed.") var seed: UInt64 = 1
    @Option(help: "时间上限（秒）· Time limit in seconds.") var timeLimit: Double?
    @Option(help: "输出格式 table|json · Output format.") var format: OutputFormat = .table

    func validate() throws {
        guard (orlib == nil) != (costs == nil) else {
            throw ValidationError("请给出 --orlib 或 --costs 之一 | give either --orlib or --costs")
        }
        if orlib != nil && model != .pmedian { throw ValidationError("--orlib 只用于 pmedian | --orlib is for pmedian only") }
    }

    func run() async throws {
        try await reportingFailures {
            let (problem, ids) = try buildProblem()
            var options = SolveOptions()
            options.method = exact ? .exact : .heuristic
            options.seed = seed
            options.timeLimitSeconds = timeLimit
            options.threads = ProcessInfo.processInfo.activeProcessorCount
            options.progress = ProgressPrinter().report
            let solution: LocationSolution
            do {
                solution = try problem(options)
            } catch let error as LocationModelError {
                Terminal.error("无法求解 | cannot solve: \(error.messageZh) | \(error.messageEn)")
                throw ExitCode(65)
            }
            print(format == .json ? try SolveViews.json(solution, ids: ids) : SolveViews.table(solution, ids: ids))
        }
    }

    /// The problem as a closure over the solve options, and the candidate ids for output.
    func buildProblem() throws -> ((SolveOptions) throws(LocationModelError) -> LocationSolution, [String]) {
        if let orlib {
            guard let text = try? String(contentsOfFile: orlib, encoding: .utf8) else { throw CLIError.inputMissing(orlib) }
            let problem: PMedianProblem
            do { problem = try ORLibrary.parsePMedian(text) } catch {
                throw UserError.rejected([ImportIssue(file: URL(fileURLWithPath: orlib).lastPathComponent, message: .init(zh: error.messageZh, en: error.messageEn))])
            }
            var chosen = problem
            if let p { chosen.p = p }
            let ids = (1...problem.costs.candidateCount).map(String.init)
            return ({ (o: SolveOptions) throws(LocationModelError) in try chosen.solve(options: o) }, ids)
        }
        for file in [costs, weights, capacity].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: file) {
            throw CLIError.inputMissing(file)
        }
        let input = try LocationInputReader.read(
            costs: URL(fileURLWithPath: costs!), weights: weights.map(URL.init(fileURLWithPath:)),
            capacities: capacity.map(URL.init(fileURLWithPath:)))
        let index = Dictionary(uniqueKeysWithValues: input.candidateIDs.enumerated().map { ($1, $0) })
        func indices(_ list: String?) throws -> Set<Int> {
            Set(try (list ?? "").split(separator: ",").map { id in
                guard let i = index[id.trimmingCharacters(in: .whitespaces)] else {
                    throw ValidationError("候选点「\(id)」不在费用表中 | candidate \"\(id)\" is not in the cost table")
                }
                return i
            })
        }
        let forced = try indices(keep)
        let forbidden = try indices(exclude)
        let matrix: CostMatrix
        do { matrix = try CostMatrix(demandCount: input.demandIDs.count, candidateCount: input.candidateIDs.count, costs: input.costs) } catch {
            throw UserError.rejected([ImportIssue(file: URL(fileURLWithPath: costs!).lastPathComponent, message: .init(zh: error.messageZh, en: error.messageEn))])
        }
        let count = p ?? 1
        let w = input.weights
        let solve: (SolveOptions) throws(LocationModelError) -> LocationSolution
        switch model {
        case .pmedian:
            solve = { o throws(LocationModelError) in try PMedianProblem(costs: matrix, weights: w, p: count, forcedOpen: forced, forbidden: forbidden).solve(options: o) }
        case .cpmedian:
            let caps = input.capacities ?? []
            solve = { o throws(LocationModelError) in
                try CapacitatedPMedianProblem(costs: matrix, weights: w, capacities: caps, p: count, forcedOpen: forced, forbidden: forbidden).solve(options: o)
            }
        case .mclp:
            let r = radius ?? 0
            solve = { o throws(LocationModelError) in try MaximalCoveringProblem(costs: matrix, weights: w, p: count, radius: r, forcedOpen: forced, forbidden: forbidden).solve(options: o) }
        case .lscp:
            let r = radius ?? 0
            solve = { o throws(LocationModelError) in try SetCoveringProblem(costs: matrix, radius: r, forcedOpen: forced, forbidden: forbidden).solve(options: o) }
        case .pcenter:
            solve = { o throws(LocationModelError) in try PCenterProblem(costs: matrix, p: count, forcedOpen: forced, forbidden: forbidden).solve(options: o) }
        }
        return (solve, input.candidateIDs)
    }
}

/// Prints solver progress on stderr at most twice a second.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0.0

    private let start = Date()

    func report(_ p: SolverProgress) {
        report(iteration: p.iteration, best: p.bestObjective, bound: p.bound)
    }

    func report(iteration: Int, best: Double?, bound: Double?) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed - last >= 0.5 else { return }
        last = elapsed
        let bestText = best.map { String(format: "%.6g", $0) } ?? "—"
        let boundText = bound.map { String(format: "%.6g", $0) } ?? "—"
        Terminal.error("  \(String(format: "%.1f", elapsed)) s  迭代 iteration \(iteration)  最优 best \(bestText)  界 bound \(boundText)")
    }
}

/// Output of `solve`.
enum SolveViews {
    static func json(_ s: LocationSolution, ids: [String]) throws -> String {
        let facilities: [Any] = s.openSites.map { Int(ids[$0]) as Any? ?? ids[$0] }
        let object: [String: Any] = [
            "objective": s.objective, "facilities": facilities, "seconds": s.seconds, "provenOptimal": s.provenOptimal,
            "lowerBound": s.lowerBound ?? NSNull(), "upperBound": s.upperBound ?? NSNull(), "gap": s.gap ?? NSNull(),
            "iterations": s.iterations, "stopReason": "\(s.stopReason)",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func table(_ s: LocationSolution, ids: [String]) -> String {
        var lines = [
            "目标值 objective: \(String(format: "%.6f", s.objective))",
            "设施 facilities (\(s.openSites.count)): \(s.openSites.map { ids[$0] }.joined(separator: " "))",
            "最优 proven optimal: \(s.provenOptimal ? "是 yes" : "否 no")",
        ]
        if let b = s.bound { lines.append("界 bound: \(String(format: "%.6f", b))") }
        if let g = s.gap { lines.append("差距 gap: \(String(format: "%.4f%%", g * 100))") }
        lines.append("用时 seconds: \(String(format: "%.3f", s.seconds))  迭代 iterations: \(s.iterations)")
        return lines.joined(separator: "\n")
    }
}
