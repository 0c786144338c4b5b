import ArgumentParser
import Domain
import Foundation
import Localization
import Monitoring
import Services

/// `chengxiang indicators …`: the indicator system and its early warning.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: text(.cmdIndicators), discussion: text(.cmdIndicatorsDiscussion),
        subcommands: [IndicatorsList.self, IndicatorsStatus.self, IndicatorsRecord.self, IndicatorsImport.self, IndicatorsTarget.self])
}

struct IndicatorsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdIndicatorsList), discussion: text(.cmdIndicatorsListDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let indicators = try options.workspace().monitoring.indicators()
            print(MonitoringViews(language: options.language).indicatorTable(indicators))
        }
    }
}

struct IndicatorsStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: text(.cmdIndicatorsStatus), discussion: text(.cmdIndicatorsStatusDiscussion))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optArea)) var area: String?

    func run() async throws {
        try await reportingFailures {
            let monitoring = try options.workspace().monitoring
            var statuses = try monitoring.statuses(now: asOf.now)
            if let area { statuses = statuses.filter { $0.areaName == area || $0.areaName.hasPrefix(area) } }
            let views = MonitoringViews(language: options.language)
            let catalogue = try monitoring.indicators()
            print(
                format == .json ? try views.statusJSON(statuses, catalogue: catalogue) : views.statusTable(statuses, catalogue: catalogue))
        }
    }
}

struct IndicatorsRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: text(.cmdRecord), discussion: text(.cmdRecordDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optIndicatorCode)) var code: String
    @Option(help: help(.optAreaName)) var area: String
    @Option(help: help(.optPeriod)) var period: String
    @Option(help: help(.optValue)) var value: String
    @Option(help: help(.optSource)) var source: String?
    @Option(help: help(.optNote)) var note: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let entry = ObservationEntry(code: code, area: area, period: period, value: value, source: source, note: note)
            let workspace = try options.workspace()
            let outcome = try workspace.monitoring.record([entry], by: try options.principal(workspace), dryRun: dryRun)
            printOutcome(outcome, dryRun: dryRun, options)
        }
    }
}

/// Prints what recording did, warnings included.
func printOutcome(_ outcome: RecordOutcome, dryRun: Bool, _ options: GlobalOptions) {
    print(options.t(dryRun ? .recordValidated : .recordDone, outcome.inserted, outcome.replaced))
    for w in outcome.warnings {
        print(options.t(.recordWarning, w.observation.indicatorCode, w.observation.period, options.t(w.message)))
    }
}

struct IndicatorsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdObservationsImport), discussion: text(.cmdObservationsImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let outcome = try workspace.monitoring.importObservations(
                from: url, sheet: sheet, by: try options.principal(workspace), dryRun: dryRun)
            printOutcome(outcome, dryRun: dryRun, options)
        }
    }
}

struct IndicatorsTarget: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: text(.cmdTarget), discussion: text(.cmdTargetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optIndicatorCode)) var code: String
    @Option(help: help(.optValue)) var value: Double
    @Option(help: help(.optTargetYear)) var year: Int
    @Option(help: help(.optTargetArea)) var area: String?
    @Flag(help: help(.optBaseline)) var baseline = false
    @Flag(help: help(.optYearAssumed)) var yearAssumed = false

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            try workspace.monitoring.setTarget(
                code: code, value: value, year: year, area: area, baseline: baseline, yearAssumed: yearAssumed,
                by: try options.principal(workspace))
            print(
                baseline
                    ? options.t(.baselineSet, code, Format.number(value, digits: 4), year)
                    : options.t(.targetSet, code, Format.number(value, digits: 4), year, area ?? ""))
        }
    }
}

/// `chengxiang tasks …`: the checklist of key tasks and projects.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: text(.cmdTasks), discussion: text(.cmdTasksDiscussion),
        subcommands: [TasksList.self, TasksUpdate.self, TasksImport.self])
}

struct TasksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdTasksList), discussion: text(.cmdTasksListDiscussion))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let tasks = try options.workspace().monitoring.tasks()
            let views = MonitoringViews(language: options.language)
            print(format == .json ? try views.taskJSON(tasks, now: asOf.now) : views.taskTable(tasks, now: asOf.now))
        }
    }
}

struct TasksUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: text(.cmdTasksUpdate), discussion: text(.cmdTasksUpdateDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optTaskCode)) var code: String
    @Option(help: help(.optStatus)) var status: String?
    @Option(help: help(.optPercent)) var percent: String?
    @Option(help: help(.optEvidence)) var evidence: String?
    @Option(help: help(.optDeadline)) var deadline: String?
    @Option(help: help(.optOwner)) var owner: String?

    func run() async throws {
        try await reportingFailures {
            let update = try TaskUpdate.parse(status: status, percent: percent, evidence: evidence, deadline: deadline, owner: owner)
            let workspace = try options.workspace()
            let task = try workspace.monitoring.updateTask(code: code, update, by: try options.principal(workspace))
            print(
                options.t(
                    .taskUpdated, task.code, task.name, options.t(task.status.label), task.percentComplete.map { "\(Int($0))%" } ?? ""))
        }
    }
}

struct TasksImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdTasksImport), discussion: text(.cmdTasksImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let count = try workspace.monitoring.importTasks(from: url, sheet: sheet, by: try options.principal(workspace))
            print(options.t(.tasksImported, count))
        }
    }
}
