import ArgumentParser
import Foundation
import Geo
import Localization
import Services

/// `chengxiang import schools|divisions FILE`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdImport), discussion: text(.cmdImportDiscussion),
        subcommands: [ImportSchools.self, ImportDivisions.self, ImportVillages.self, ImportClinics.self, ImportPupils.self])
}

/// Prints what an import did.
func printSummary(_ s: ImportSummary, dryRun: Bool, _ options: GlobalOptions) {
    print(options.t(dryRun ? .importValidated : .importDone, s.fileName, s.format))
    print(options.t(.importCounts, s.rowsRead, s.inserted, s.updated, s.unchanged))
    if !s.townshipsNotReported.isEmpty {
        print(options.t(.importNotReported, s.townshipsNotReported.joined(separator: options.language == .zh ? "、" : ", ")))
    }
    for warning in s.warnings { Terminal.error(warning.description) }
}

struct ImportSchools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: text(.cmdImportSchools), discussion: text(.cmdImportSchoolsDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Option(help: help(.optYear)) var year: Int?
    @Option(help: help(.optSource)) var source: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let summary = try workspace.imports(by: try options.principal(workspace)).importSchools(
                from: url, sheet: sheet, dataYear: year, source: source, dryRun: dryRun)
            printSummary(summary, dryRun: dryRun, options)
        }
    }
}

struct ImportDivisions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions", abstract: text(.cmdImportDivisions), discussion: text(.cmdImportDivisionsDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optDivisionFile)) var file: String
    @Option(help: help(.optCRS)) var crs: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let system = try coordinateSystem(crs)
            let workspace = try options.workspace()
            let summary = try workspace.imports(by: try options.principal(workspace)).importDivisions(
                from: url, crs: system, dryRun: dryRun)
            printSummary(summary, dryRun: dryRun, options)
        }
    }
}
