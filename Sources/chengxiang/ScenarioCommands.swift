import ArgumentParser
import Foundation
import Localization
import Planning
import Services

/// `chengxiang schools plan`: run and store a consolidation scenario.
struct SchoolsPlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: text(.cmdPlan), discussion: text(.cmdPlanDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optName)) var name: String
    @Option(help: help(.optModel)) var model: ModelArgument = .pmedian
    @Option(help: help(.optStage)) var level: LevelArgument = .primary
    @Option(name: [.short, .customLong("schools-to-keep")], help: help(.optP)) var p: Int?
    @Option(help: help(.optRadius)) var radius: Double?
    @Option(help: help(.optKeep)) var keep: String?
    @Option(help: help(.optExclude)) var exclude: String?
    @Option(help: help(.optMaxWalk)) var maxWalk: Double?
    @Option(help: help(.optDetour)) var detour: Double = 1.3
    @Option(help: help(.optCapacity)) var capacity: CapacityArgument = .classes
    @Option(help: help(.optDistances)) var distances: String?
    @Option(help: help(.optNewSite)) var newSite: [String] = []
    @Flag(help: help(.optHeuristic)) var heuristic = false
    @Option(help: help(.optTimeLimit)) var timeLimit: Double = 60
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            func names(_ list: String?) -> [String] {
                (list ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let request = ScenarioRequest(
                name: name, model: model.model, level: level.level, schoolsToKeep: p, radius: radius, keep: names(keep),
                exclude: names(exclude), maxWalk: maxWalk, detourFactor: detour, capacityRule: capacity.rule,
                newSites: try newSite.map(Self.parseSite), exact: !heuristic, timeLimitSeconds: timeLimit)
            let table = try distances.map { try ScenarioService.distanceTable(try inputFile($0)) }
            let printer = ProgressPrinter()
            let scenario = try workspace.scenarios.run(request, distances: table, by: try options.principal(workspace)) {
                iteration, best, bound in
                printer.report(iteration: iteration, best: best, bound: bound)
            }
            let views = ScenarioViews(language: options.language)
            print(format == .json ? try views.json([scenario]) : views.report(scenario))
        }
    }

    /// `name,lon,lat[,capacity]`; the planner checks the numbers.
    static func parseSite(_ text: String) throws -> NewSite {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, let lon = Double(parts[1]), let lat = Double(parts[2]) else {
            throw UserError(.invalid, L10n.message(.badNewSite, text))
        }
        var capacity: Double?
        if parts.count > 3 {
            guard let c = Double(parts[3]) else { throw UserError(.invalid, L10n.message(.badNewSite, text)) }
            capacity = c
        }
        return NewSite(name: parts[0], longitude: lon, latitude: lat, capacity: capacity)
    }
}

/// `chengxiang schools scenarios`: stored scenarios, and several side by side.
struct SchoolsScenarios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios", abstract: text(.cmdScenarios), discussion: text(.cmdScenariosDiscussion),
        subcommands: [ScenarioAdopt.self])

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optCompare)) var compare: String?
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let service = try options.workspace().scenarios
            let views = ScenarioViews(language: options.language)
            let chosen = try compare.map { try service.find($0.split(separator: ",").map(String.init)) } ?? service.list()
            if format == .json {
                print(try views.json(chosen))
            } else {
                print(compare == nil ? views.list(chosen) : views.comparison(chosen))
            }
        }
    }
}
