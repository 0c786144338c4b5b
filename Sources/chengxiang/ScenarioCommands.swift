import ArgumentParser
import Foundation
import Localization
import Planning
import Services

/// `chengxiang schools plan`: run and store a consolidation scenario.
struct SchoolsPlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "学校布局调整方案：哪些学校保留、学生去哪里 · Plan school consolidation: which schools stay, where pupils go.",
        discussion: """
            需求点为各校的该学段学生（小初一体按 6:3 拆分，假设），候选点为现有学校和 --new-site 新址。
            距离：未给距离表时按直线 × 绕行系数；--distances 可导入 起点,终点,公里 或 分钟 的表（名称为学校名）。
            报告：保留与撤并的学校、学生去向、学生·公里、平均与最远路程、超出步行上限的学生、需寄宿床位、可释放教职工、闲置校舍。
            Example:
              chengxiang schools plan --name 方案A --model pmedian -p 16 --level primary --database chengxiang.sqlite
              chengxiang schools plan --name 方案B --model mclp -p 12 --radius 5 --keep 交城县西营学校 --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "方案名称（唯一）· Scenario name (unique).") var name: String
    @Option(help: "模型 pmedian|cpmedian|mclp|lscp|pcenter · Model.") var model: ModelArgument = .pmedian
    @Option(help: "学段 primary|junior · Stage.") var level: LevelArgument = .primary
    @Option(name: [.short, .customLong("schools-to-keep")], help: "保留学校数 p · Schools to keep.") var p: Int?
    @Option(help: "覆盖半径（公里或分钟）· Coverage radius.") var radius: Double?
    @Option(help: "必须保留的学校，逗号分隔 · Schools that must stay open.") var keep: String?
    @Option(help: "不得选作保留的学校，逗号分隔 · Schools that may not be kept.") var exclude: String?
    @Option(help: "1–3 年级步行上限（公里或分钟；默认 2 公里 ≈ 30 分钟）· Walking limit.") var maxWalk: Double = 2
    @Option(help: "绕行系数（无距离表时）· Detour factor.") var detour: Double = 1.3
    @Option(help: "容量规则 classes|land · Capacity rule.") var capacity: CapacityArgument = .classes
    @Option(help: "距离或时间表 CSV（起点,终点,公里|分钟）· Distance or time table.") var distances: String?
    @Option(help: "新址：名称,经度,纬度[,容量]（可重复）· New site: name,lon,lat[,capacity] (repeatable).") var newSite: [String] = []
    @Flag(help: "用快速启发式而非精确求解 · Heuristic instead of exact.") var heuristic = false
    @Option(help: "时间上限（秒）· Time limit.") var timeLimit: Double = 60
    @Option(help: "输出格式 table|json · Output format.") var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let service = ScenarioService(store: try options.openExisting())
            let sites = try newSite.map(Self.parseSite)
            func names(_ list: String?) -> [String] {
                (list ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let settings = ConsolidationOptions(
                model: model.model, level: level.level, schoolsToKeep: p, radius: radius, mustStayOpen: names(keep),
                mayNotBeChosen: names(exclude), maxWalk: maxWalk, detourFactor: detour, capacityRule: capacity.rule, newSites: sites,
                exact: !heuristic, timeLimitSeconds: timeLimit)
            let table = try distances.map { path -> DistanceTable in
                guard FileManager.default.fileExists(atPath: path) else { throw CLIError.inputMissing(path) }
                return try ScenarioService.distanceTable(URL(fileURLWithPath: path))
            }
            let scenario: Scenario
            do {
                let printer = ProgressPrinter()
                scenario = try service.run(name: name, options: settings, distances: table, actor: options.actor) { iteration, best, bound in
                    printer.report(iteration: iteration, best: best, bound: bound)
                }
            } catch let error as PlanningError {
                Terminal.error("无法规划 | cannot plan: \(error.message.bilingual)")
                throw ExitCode(65)
            }
            let views = ScenarioViews(language: options.language)
            print(format == .json ? try views.json([scenario]) : views.report(scenario))
        }
    }

    /// `name,lon,lat[,capacity]`.
    static func parseSite(_ text: String) throws -> NewSite {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, let lon = Double(parts[1]), let lat = Double(parts[2]), abs(lon) <= 180, abs(lat) <= 90 else {
            throw ValidationError("新址应为 名称,经度,纬度[,容量]：\(text) | a new site is name,lon,lat[,capacity]: \(text)")
        }
        return NewSite(name: parts[0], longitude: lon, latitude: lat, capacity: parts.count > 3 ? Double(parts[3]) : nil)
    }
}

/// `chengxiang schools scenarios`: stored scenarios, and several side by side.
struct SchoolsScenarios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "已保存的布局方案及对比 · Stored scenarios, and a side-by-side comparison.",
        discussion: """
            Example:
              chengxiang schools scenarios --database chengxiang.sqlite
              chengxiang schools scenarios --compare 1,2 --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "对比的方案（编号或名称，逗号分隔）· Scenarios to compare (ids or names).") var compare: String?
    @Option(help: "输出格式 table|json · Output format.") var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let service = ScenarioService(store: try options.openExisting())
            let views = ScenarioViews(language: options.language)
            do {
                let chosen = try compare.map { try service.find($0.split(separator: ",").map(String.init)) } ?? service.list()
                if format == .json {
                    print(try views.json(chosen))
                } else {
                    print(compare == nil ? views.list(chosen) : views.comparison(chosen))
                }
            } catch let error as PlanningError {
                Terminal.error(error.message.bilingual)
                throw ExitCode(65)
            }
        }
    }
}
