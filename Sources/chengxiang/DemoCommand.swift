import ArgumentParser
import Demo
import Domain
import Foundation
import Localization
import Server
import Services

/// `chengxiang demo`: builds a fresh 交城县 demo register and prints the school diagnosis.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: text(.cmdDemo), discussion: text(.cmdDemoDiscussion))

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: help(.optNoServe))
    var noServe = false

    @Flag(name: .long, help: help(.optForce))
    var force = false

    @Option(help: help(.optPort)) var port = 8080

    func run() async throws {
        try await reportingFailures {
            let path = options.database
            try Workspace.eraseDemo(at: path, force: force)
            let workspace = try Workspace.create(path: path)
            Terminal.error(options.t(.demoBuilding, Workspace.shown(path)))
            let builder = DemoBuilder(workspace: workspace)
            try builder.build { Terminal.error("  " + $0) }
            let password = AccountService.generatedPassword()
            try workspace.accounts.add(name: Self.administrator, role: .admin, password: password, by: builder.principal)
            let report = try workspace.diagnostics.schoolDiagnostics()
            let profile = try workspace.register.countyProfile()
            print(
                SummaryView(
                    report: report, profile: profile, findings: profile.planFindings.map { Findings(report: report, plan: $0) },
                    completeness: try workspace.completeness.rows(), scenarios: try workspace.scenarios.list(),
                    source: DemoBuilder.seedTableSource, language: options.language, database: Workspace.shown(path)
                ).render())
            print("\n" + options.t(.demoAdministrator, Self.administrator, password))
            fflush(nil)
            if !noServe {
                try await ServeCommand.serve(workspace: workspace, settings: ServerSettings(port: port), language: options.language)
            }
        }
    }

    /// The demo's administrator; its password is generated anew with each demo and printed.
    static let administrator = "admin"
}

/// `chengxiang init`: creates an empty register with the default norms.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: text(.cmdInit), discussion: text(.cmdInitDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optPlan)) var plan: String?

    func validate() throws {
        if let plan, plan != "jiaocheng" { throw ValidationError(text(.unknownPlan).replacingOccurrences(of: "{1}", with: plan)) }
    }

    func run() async throws {
        try await reportingFailures {
            let existed = FileManager.default.fileExists(atPath: options.database)
            let workspace = try Workspace.create(path: options.database)
            let norms = try workspace.setup.installDefaultNorms(by: try options.principal(workspace))
            let indicators = try workspace.setup.installGenericCatalogue(by: try options.principal(workspace))
            print(options.t(existed ? .initUpdated : .initCreated, options.database, norms, indicators))
            if plan != nil {
                let added = try JiaochengPlan.install(into: workspace, by: try options.principal(workspace))
                print(options.t(.initPlanLoaded, added.indicators, added.tasks))
            }
        }
    }
}
