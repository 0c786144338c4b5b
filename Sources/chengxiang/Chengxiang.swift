import ArgumentParser

/// The `chengxiang` command: one program for every capability of the system.
@main
struct Chengxiang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chengxiang",
        abstract: "城乡融合规划与监测系统 · Chengxiang urban–rural integration planning and monitoring.",
        discussion: """
            县、乡镇、村三级名录，学校诊断，数据导入与校验。Chinese by default; --lang en for English.
            Example:
              chengxiang demo --no-serve
              chengxiang schools diagnose --database chengxiang.sqlite --format table
            """,
        subcommands: [
            DemoCommand.self, InitCommand.self, ImportCommand.self, SchoolsCommand.self, DivisionsCommand.self,
            NormsCommand.self, CompletenessCommand.self, AuditCommand.self, IndicatorsCommand.self, TasksCommand.self,
            ReportCommand.self, ServeCommand.self, SolveCommand.self,
        ]
    )
}
