import ArgumentParser
import Foundation
import Localization
import Services

/// The `--format` of `report`.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case xlsx, html, pdf

    var format: ReportFormat {
        switch self {
        case .xlsx: .xlsx
        case .html: .html
        case .pdf: .pdf
        }
    }
}

/// `chengxiang report`: the monitoring report as Excel, printable HTML or PDF.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: text(.cmdReport), discussion: text(.cmdReportDiscussion))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: help(.optReportFormat)) var format: ReportFormatArgument
    @Option(help: help(.optOut)) var out: String

    func run() async throws {
        try await reportingFailures {
            try options.workspace().reports.write(
                format.format, to: URL(fileURLWithPath: out), now: asOf.now, asOf: asOf.label, language: options.language)
            print(options.t(.reportWritten, out))
        }
    }
}
