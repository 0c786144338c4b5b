import ArgumentParser
import Foundation
import Services

/// The `--format` of `report`.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case xlsx, html, pdf

    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}

/// `chengxiang report`: the monitoring report as Excel, printable HTML or PDF.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "生成监测报告（Excel、可打印 HTML、PDF）· Write the monitoring report (Excel, printable HTML, PDF).",
        discussion: """
            Excel：指标状态（按红黄绿灰着色）、观测值、任务清单、学校诊断四张表。HTML：A4 打印样式，含封面、预警摘要、
            每个指标的趋势图（含目标线）、任务清单与学校诊断。PDF 由 Chromium 无头模式打印。
            Example:
              chengxiang report --format xlsx --out 监测报告.xlsx --database chengxiang.sqlite
              chengxiang report --format pdf --out 监测报告.pdf --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "格式 xlsx|html|pdf · Format.") var format: ReportFormatArgument
    @Option(help: "输出文件 · Output file.") var out: String

    func run() async throws {
        try await reportingFailures {
            let service = ReportService(store: try options.openExisting())
            do {
                try service.write(format.format, to: URL(fileURLWithPath: out), now: asOf.now, asOf: asOf.label)
            } catch let failure as ReportFailure {
                Terminal.error(failure.description)
                throw ExitCode(69)
            }
            print("已生成 written: \(out)")
        }
    }
}
