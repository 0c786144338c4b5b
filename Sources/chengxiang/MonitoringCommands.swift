import ArgumentParser
import Domain
import Foundation
import Interchange
import Monitoring
import Services

/// `chengxiang indicators …`: the indicator system and its early warning.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "指标体系、观测值与三色预警 · Indicators, observations and early warning.",
        subcommands: [IndicatorsList.self, IndicatorsStatus.self, IndicatorsRecord.self, IndicatorsImport.self, IndicatorsTarget.self])
}

struct IndicatorsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出指标及目标、来源 · List indicators with targets and sources.",
        discussion: "Example:\n  chengxiang indicators list --database chengxiang.sqlite")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let indicators = try options.openExisting().read { try $0.indicators() }
            print(MonitoringViews(language: options.language).indicatorTable(indicators))
        }
    }
}

struct IndicatorsStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "各指标各地区的进度与预警（红黄绿灰）· Progress and early warning per indicator and area.",
        discussion: """
            期望路径为从基期（无基期时取最早观测值）到目标值的直线；落后不足起点到目标距离的 20% 为黄，超过为红；目标年已过未达标为红；
            无数据、数据过时或无目标为灰。
            The expected path is a straight line from the baseline (or the first observation) to the target.
            Example:
              chengxiang indicators status --format json --as-of 2026-06-30 --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "输出格式 table|json · Output format.") var format: OutputFormat = .table
    @Option(help: "只看该地区 · Only this area.") var area: String?

    func run() async throws {
        try await reportingFailures {
            var statuses = try MonitoringService(store: try options.openExisting()).statuses(now: asOf.now)
            if let area { statuses = statuses.filter { $0.areaName == area || $0.areaName.hasPrefix(area) } }
            let views = MonitoringViews(language: options.language)
            print(format == .json ? try views.statusJSON(statuses) : views.statusTable(statuses))
        }
    }
}

struct IndicatorsRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "录入一个观测值（先按校验规则检查）· Record one observation, checked against the rules.",
        discussion: """
            Example:
              chengxiang indicators record EDU_RETENTION --area 交城县 --period 2024 --value 97.5 --source "县教育局年报" --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "指标代码 · Indicator code.") var code: String
    @Option(help: "地区名称或代码 · Area name or code.") var area: String
    @Option(help: "期间：2024、2024Q2 或 2024-05 · Period.") var period: String
    @Option(help: "值 · Value.") var value: String
    @Option(help: "来源 · Source.") var source: String?
    @Option(help: "备注 · Note.") var note: String?
    @Flag(help: "只校验，不写入 · Validate only.") var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let store = try options.openExisting()
            let (register, indicators) = try store.read { (try $0.register(), try $0.indicators()) }
            let observation = try ObservationTableReader(register: register, indicators: indicators).single(
                code: code, area: area, period: period, value: value, source: source ?? options.actor, note: note)
            let outcome = try MonitoringService(store: store).record([observation], actor: options.actor, dryRun: dryRun)
            printOutcome(outcome, dryRun: dryRun)
        }
    }
}

/// Prints what recording did, warnings included.
func printOutcome(_ outcome: RecordOutcome, dryRun: Bool) {
    let head = dryRun ? "校验通过（未写入）| validated, nothing written" : "已录入 | recorded"
    print("\(head): 新增 \(outcome.inserted)，替换 \(outcome.replaced) | inserted \(outcome.inserted), replaced \(outcome.replaced)")
    for w in outcome.warnings {
        print("  警告 warning \(w.observation.indicatorCode) \(w.observation.period)：\(w.message.zh) | \(w.message.en)")
    }
}

struct IndicatorsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入观测值（CSV/XLSX；全部通过才写入）· Import observations (all or nothing).",
        discussion: """
            列：指标代码、地区、期间、值，可选 来源、备注。Columns: indicator, area, period, value; optional source, note.
            Example:
              chengxiang indicators import 2024年报.xlsx --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "CSV 或 XLSX 文件 · CSV or XLSX file.") var file: String
    @Option(help: "XLSX 工作表名 · XLSX sheet name.") var sheet: String?
    @Flag(help: "只校验，不写入 · Validate only.") var dryRun = false

    func run() async throws {
        try await reportingFailures {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError.inputMissing(file) }
            let outcome = try MonitoringService(store: try options.openExisting()).importObservations(
                from: URL(fileURLWithPath: file), sheet: sheet, actor: options.actor, dryRun: dryRun)
            printOutcome(outcome, dryRun: dryRun)
        }
    }
}

struct IndicatorsTarget: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "设定指标目标（可按地区）或基期 · Set a target (optionally per area) or the baseline.",
        discussion: """
            Example:
              chengxiang indicators target AGR_SCALE_SHARE --value 70 --year 2025 --area 西营镇 --database chengxiang.sqlite
              chengxiang indicators target EDU_RETENTION --baseline --value 96.2 --year 2020 --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "指标代码 · Indicator code.") var code: String
    @Option(help: "值 · Value.") var value: Double
    @Option(help: "年份 · Year.") var year: Int
    @Option(help: "地区（默认全部）· Area (default: all areas).") var area: String?
    @Flag(help: "设定基期而非目标 · Set the baseline instead of a target.") var baseline = false

    func run() async throws {
        try await reportingFailures {
            let store = try options.openExisting()
            let register = try store.read { try $0.register() }
            var areaID: Int64?
            if let area {
                guard let unit = register.townships(named: area).first ?? (register.county?.name == area ? register.county : nil) else {
                    throw ValidationError("地区「\(area)」不在名录中 | area \"\(area)\" is not in the register")
                }
                areaID = unit.id
            }
            try store.write(actor: options.actor) { w in
                guard var indicator = try w.reader.indicators().first(where: { $0.code == code }) else {
                    throw ValidationError("指标「\(code)」不存在 | indicator \"\(code)\" does not exist")
                }
                if baseline {
                    indicator.baselineValue = value
                    indicator.baselineYear = year
                } else {
                    indicator.targets.removeAll { $0.areaID == areaID && $0.year == year }
                    indicator.targets.append(IndicatorTarget(value: value, year: year, areaID: areaID))
                }
                try w.save(indicator)
            }
            print("\(code): \(baseline ? "基期 baseline" : "目标 target") \(value) (\(year))\(area.map { " \($0)" } ?? "")")
        }
    }
}

/// `chengxiang tasks …`: the checklist of key tasks and projects.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "重点任务与项目清单（清单式、项目化）· The checklist of key tasks and projects.",
        subcommands: [TasksList.self, TasksUpdate.self, TasksImport.self])
}

struct TasksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出任务，标出逾期 · List tasks, flagging overdue ones.",
        discussion: "Example:\n  chengxiang tasks list --format json --database chengxiang.sqlite")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "输出格式 table|json · Output format.") var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let tasks = try options.openExisting().read { try $0.tasks() }
            let views = MonitoringViews(language: options.language)
            print(format == .json ? try views.taskJSON(tasks, now: asOf.now) : views.taskTable(tasks, now: asOf.now))
        }
    }
}

struct TasksUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "更新任务状态、进度、佐证（记入审计日志）· Update a task (audited).",
        discussion: """
            状态 status: unknown|not_started|in_progress|done|suspended（或 未知、未开工、推进中、已完成、暂停）
            Example:
              chengxiang tasks update T-EDU-01 --status in_progress --percent 40 --evidence "主体封顶" --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "任务代码 · Task code.") var code: String
    @Option(help: "状态 · Status.") var status: String?
    @Option(help: "完成百分比 0–100 · Percent complete.") var percent: Double?
    @Option(help: "佐证 · Evidence.") var evidence: String?
    @Option(help: "截止 YYYY[-MM[-DD]] · Deadline.") var deadline: String?
    @Option(help: "责任单位 · Owner unit.") var owner: String?

    func run() async throws {
        try await reportingFailures {
            var parsedStatus: TaskStatus?
            if let status {
                guard let s = TaskStatus(text: status) else {
                    throw ValidationError("状态「\(status)」无效 | status \"\(status)\" is invalid")
                }
                parsedStatus = s
            }
            let task = try MonitoringService(store: try options.openExisting()).updateTask(
                code: code,
                TaskChange(status: parsedStatus, percentComplete: percent, evidence: evidence, deadline: deadline, ownerUnit: owner),
                actor: options.actor)
            print("\(task.code) \(task.name)：\(task.status.chineseName) \(task.percentComplete.map { "\(Int($0))%" } ?? "")")
        }
    }
}

struct TasksImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入或更新任务清单（CSV/XLSX）· Import or update tasks.",
        discussion: """
            列：任务代码、任务名称，可选 责任单位、开始、截止、状态、完成百分比、佐证、关联指标、来源。
            Example:
              chengxiang tasks import 任务清单.xlsx --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "CSV 或 XLSX 文件 · CSV or XLSX file.") var file: String
    @Option(help: "XLSX 工作表名 · XLSX sheet name.") var sheet: String?

    func run() async throws {
        try await reportingFailures {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError.inputMissing(file) }
            let count = try MonitoringService(store: try options.openExisting()).importTasks(
                from: URL(fileURLWithPath: file), sheet: sheet, actor: options.actor)
            print("已导入任务 \(count) 项 | imported \(count) tasks")
        }
    }
}
