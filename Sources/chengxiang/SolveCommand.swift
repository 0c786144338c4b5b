import ArgumentParser
import Foundation
import Localization
import LocationModels
import Services

/// `chengxiang solve`: the location-allocation engine on files (OR-Library instances or long CSV tables).
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: text(.cmdSolve), discussion: text(.cmdSolveDiscussion))

    @Argument(help: help(.optSolveModel)) var model: ModelArgument
    @Option(help: help(.optOrlib)) var orlib: String?
    @Option(help: help(.optCosts)) var costs: String?
    @Option(help: help(.optWeights)) var weights: String?
    @Option(help: help(.optCapacities)) var capacity: String?
    @Option(name: .short, help: help(.optFacilities)) var p: Int?
    @Option(help: help(.optSolveRadius)) var radius: Double?
    @Option(help: help(.optSolveKeep)) var keep: String?
    @Option(help: help(.optSolveExclude)) var exclude: String?
    @Flag(help: help(.optExact)) var exact = false
    @Option(help: help(.optSeed)) var seed: UInt64 = 1
    @Option(help: help(.optTimeLimit)) var timeLimit: Double?
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optLang)) var lang: String?

    func validate() throws {
        guard (orlib == nil) != (costs == nil) else { throw ValidationError(text(.solveEitherInput)) }
        if orlib != nil && model != .pmedian { throw ValidationError(text(.solveOrlibOnlyPMedian)) }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError(L10n.message(.planBadNumber, "--time-limit", timeLimit, L10n.message(.rulePositive)).helpText)
        }
    }

    func run() async throws {
        try await reportingFailures {
            // The time limit covers reading the tables as well as solving.
            let started = ContinuousClock.now
            let (problem, demandIDs, candidateIDs) = try buildProblem(deadline: timeLimit.map { started + .seconds($0) })
            var options = SolveOptions()
            options.method = exact ? .exact : .heuristic
            options.seed = seed
            let reading = ContinuousClock.now - started
            options.timeLimitSeconds = timeLimit.map { max(0.001, $0 - reading / .seconds(1)) }
            options.threads = ProcessInfo.processInfo.activeProcessorCount
            options.progress = ProgressPrinter().report
            let solution: LocationSolution
            do throws(LocationModelError) {
                solution = try problem(options)
            } catch {
                let reason = EngineInputs.message(error, demandIDs: demandIDs, candidateIDs: candidateIDs)
                throw UserError(.invalid, L10n.message(.solveCannot, zh: [reason.zh], en: [reason.en]))
            }
            let language =
                lang.flatMap(Language.init(code:)) ?? Language(code: ProcessInfo.processInfo.environment["CHENGXIANG_LANG"] ?? "zh") ?? .zh
            print(
                format == .json ? try SolveViews.json(solution, ids: candidateIDs) : SolveViews.table(solution, ids: candidateIDs, language)
            )
        }
    }

    /// The problem as a closure over the solve options, and the demand and candidate ids for output.
    func buildProblem(deadline: ContinuousClock.Instant?) throws -> (
        (SolveOptions) throws(LocationModelError) -> LocationSolution, [String], [String]
    ) {
        if let orlib {
            var problem = try EngineInputs.orLibrary(try inputFile(orlib))
            if let p { problem.p = p }
            let chosen = problem
            let ids = (1...max(1, problem.costs.candidateCount)).map(String.init)
            return ({ (o: SolveOptions) throws(LocationModelError) in try chosen.solve(options: o) }, ids, ids)
        }
        let input = try EngineInputs.costTables(
            costs: try inputFile(costs ?? ""), weights: try weights.map(inputFile), capacities: try capacity.map(inputFile),
            deadline: deadline)
        let index = Dictionary(input.candidateIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func indices(_ list: String?) throws -> Set<Int> {
            Set(
                try (list ?? "").split(separator: ",").map { id in
                    let trimmed = id.trimmingCharacters(in: .whitespaces)
                    guard let i = index[trimmed] else { throw UserError(.invalid, L10n.message(.solveUnknownCandidate, trimmed)) }
                    return i
                })
        }
        let forced = try indices(keep)
        let forbidden = try indices(exclude)
        let matrix = input.matrix
        let count = p ?? 1
        let w = input.weights
        let solve: (SolveOptions) throws(LocationModelError) -> LocationSolution
        switch model {
        case .pmedian:
            solve = { o throws(LocationModelError) in
                try PMedianProblem(costs: matrix, weights: w, p: count, forcedOpen: forced, forbidden: forbidden).solve(options: o)
            }
        case .cpmedian:
            let caps = input.capacities ?? []
            solve = { o throws(LocationModelError) in
                try CapacitatedPMedianProblem(
                    costs: matrix, weights: w, capacities: caps, p: count, forcedOpen: forced, forbidden: forbidden
                ).solve(options: o)
            }
        case .mclp:
            let r = radius ?? 0
            solve = { o throws(LocationModelError) in
                try MaximalCoveringProblem(costs: matrix, weights: w, p: count, radius: r, forcedOpen: forced, forbidden: forbidden).solve(
                    options: o)
            }
        case .lscp:
            let r = radius ?? 0
            solve = { o throws(LocationModelError) in
                try SetCoveringProblem(costs: matrix, radius: r, forcedOpen: forced, forbidden: forbidden).solve(options: o)
            }
        case .pcenter:
            solve = { o throws(LocationModelError) in
                try PCenterProblem(costs: matrix, p: count, forcedOpen: forced, forbidden: forbidden).solve(options: o)
            }
        }
        return (solve, input.demandIDs, input.candidateIDs)
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
        Terminal.error(L10n.message(.progressLine, String(format: "%.1f", elapsed), iteration, bestText, boundText).helpText)
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
        return String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func table(_ s: LocationSolution, ids: [String], _ language: Language) -> String {
        func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
            L10n.message(key, arguments: arguments).text(language)
        }
        var lines = [
            t(.solveObjective, String(format: "%.6f", s.objective)),
            t(.solveFacilities, s.openSites.count, s.openSites.map { ids[$0] }.joined(separator: " ")),
            t(.solveProven, t(s.provenOptimal ? .uiYes : .uiNo)),
        ]
        if let b = s.bound { lines.append(t(.solveBound, String(format: "%.6f", b))) }
        if let g = s.gap { lines.append(t(.solveGap, String(format: "%.4f%%", g * 100))) }
        lines.append(t(.solveSeconds, String(format: "%.3f", s.seconds), s.iterations))
        return lines.joined(separator: "\n")
    }
}
