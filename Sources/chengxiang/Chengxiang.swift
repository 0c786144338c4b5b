import ArgumentParser
import Localization

/// The `chengxiang` command: one program for every capability of the system.
@main
struct Chengxiang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chengxiang",
        abstract: text(.cliAbstract),
        discussion: L10n.message(.cliDiscussion).helpText
            + "\nExample:\n  chengxiang demo --no-serve\n  chengxiang schools diagnose --database chengxiang.sqlite",
        subcommands: [
            DemoCommand.self, InitCommand.self, ImportCommand.self, SchoolsCommand.self, DivisionsCommand.self,
            NormsCommand.self, CompletenessCommand.self, AuditCommand.self, IndicatorsCommand.self, TasksCommand.self,
            ReportCommand.self, ServeCommand.self, SolveCommand.self, UsersCommand.self, BackupCommand.self, RestoreCommand.self,
            LayersCommand.self, ConflictsCommand.self, VillagesCommand.self, ZoningCommand.self, ParksCommand.self, AssetsCommand.self,
            RoadsCommand.self, NetworkCommand.self, AccessCommand.self, HealthCommand.self,
        ]
    )
}
