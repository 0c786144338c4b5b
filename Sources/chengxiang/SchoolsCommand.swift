import ArgumentParser
import Localization
import Services

/// `chengxiang schools …`.
struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: text(.cmdSchools), discussion: text(.cmdSchoolsDiscussion),
        subcommands: [SchoolsDiagnose.self, SchoolsPlan.self, SchoolsScenarios.self])
}

/// Output formats of report commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct SchoolsDiagnose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose", abstract: text(.cmdDiagnose), discussion: text(.cmdDiagnoseDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let report = try options.workspace().diagnostics.schoolDiagnostics()
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
