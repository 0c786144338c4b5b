import ArgumentParser
import Services

/// `chengxiang schools …`.
struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "学校：诊断与布局方案 · Schools: diagnosis and consolidation scenarios.",
        subcommands: [SchoolsDiagnose.self, SchoolsPlan.self, SchoolsScenarios.self])
}

/// Output formats of report commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct SchoolsDiagnose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "按编制、规模、用地标准诊断学校 · Diagnose schools against staffing, size and land norms.",
        discussion: """
            生师比对照编制标准（小学 19、初中 13.5、高中 12.5；小初一体按 6:3 混合，为假设），超编/缺编人数，
            生均占地（1 亩 = 666.67 m²），小规模学校（不足 100 人），数据缺失。标准可用 chengxiang norms set 修改。
            Example:
              chengxiang schools diagnose --database chengxiang.sqlite --format json
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "输出格式 table|json|csv · Output format.") var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let store = try options.openExisting()
            let report = try DiagnosticsService(store: store).schoolDiagnostics()
            let views = DiagnosisViews(report: report, language: options.language)
            switch format {
            case .json: print(try views.json())
            case .csv: print(views.csv(), terminator: "")
            case .table:
                print(views.schoolTable())
                print("")
                print(views.townshipTable())
                print("")
                print(views.reasons())
            }
        }
    }
}
