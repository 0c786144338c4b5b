import ArgumentParser
import Foundation
import Services
import Store

/// `chengxiang demo`: builds a fresh 交城县 demo register and prints the school diagnosis.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "构建交城县演示数据库并输出学校诊断 · Build the 交城县 demo database and print the school diagnosis.",
        discussion: """
            导入规划文本表六/1、交城县区划与县界，未知位置用示意位置（示意）。
            Loads the plan's table 6/1, the county's divisions and outline; unknown positions get illustrative ones.
            Example:
              chengxiang demo --no-serve --database demo.sqlite
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "只构建并输出，不启动网页服务 · Build and print only; do not start the web server.")
    var noServe = false

    @Flag(name: .long, help: "覆盖已存在的非演示数据库 · Overwrite an existing database that is not a demo database.")
    var force = false

    @Option(help: "网页服务端口 · Port of the web server.") var port = 8080

    func run() async throws {
        try await reportingFailures {
            let path = options.database
            try Self.removeOldDemo(at: path, force: force)
            let store = try RegisterStore(path: path)
            Terminal.error("构建演示数据库 Building the demo database: \(path)")
            try DemoBuilder(store: store).build { Terminal.error("  " + $0) }
            let report = try DiagnosticsService(store: store).schoolDiagnostics()
            let findings = Findings(report: report, seed: try DemoResources.seedFindings())
            let completeness = try CompletenessService(store: store).rows()
            print(
                SummaryView(
                    report: report, findings: findings, completeness: completeness,
                    scenarios: try ScenarioService(store: store).list(), language: options.language, database: path
                ).render())
            fflush(nil)
            if !noServe {
                try await ServeCommand.serve(store: store, host: "127.0.0.1", port: port)
            }
        }
    }

    /// Deletes a previous demo database (and its WAL files); refuses to delete anything else without --force.
    static func removeOldDemo(at path: String, force: Bool) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        if !force {
            let dataset = try? RegisterStore(path: path).read { try $0.metadata("dataset") }
            guard dataset == "demo" else { throw CLIError.notADemoDatabase(path) }
        }
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
            try files.removeItem(atPath: path + suffix)
        }
    }
}

/// `chengxiang init`: creates an empty register with the default norms.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "新建空数据库（含默认规范标准）· Create an empty database with the default norms.",
        discussion: """
            Example:
              chengxiang init --database county.sqlite
              chengxiang import divisions divisions.csv --database county.sqlite
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let existed = FileManager.default.fileExists(atPath: options.database)
            let store = try RegisterStore(path: options.database)
            let added = try SetupService(store: store).installDefaultNorms(actor: options.actor)
            try MonitoringService(store: store).installSeedCatalogue(actor: options.actor)
            print(
                existed
                    ? "数据库已存在，已更新结构；新增规范 \(added) 条 | database existed: schema brought up to date, \(added) norms added"
                    : "已创建数据库 \(options.database)，规范 \(added) 条 | created \(options.database) with \(added) norms")
        }
    }
}
