import ArgumentParser
import Domain
import Foundation
import Localization
import Services

/// `chengxiang users …`: accounts, passwords and API tokens. Every change needs an
/// administrator: the operator at the console, or the user of an administrator's token.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: text(.cmdUsers), discussion: text(.cmdUsersDiscussion),
        subcommands: [
            UsersAdd.self, UsersList.self, UsersDisable.self, UsersEnable.self, UsersPasswd.self, UsersToken.self, UsersRevoke.self,
        ])
}

/// Reads a password: from the terminal without echo when standard input is one, else the first
/// line of standard input (for scripts: `echo … | chengxiang users add …`).
func readPassword(_ options: GlobalOptions) throws -> String {
    if isatty(STDIN_FILENO) != 0, let typed = getpass(options.t(.promptPassword)) {
        return String(cString: typed)
    }
    guard let line = readLine(strippingNewline: true) else { throw UserError(.missingInput, L10n.message(.passwordMissing)) }
    return line
}

struct UsersAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: text(.cmdUsersAdd), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String
    @Option(help: help(.optRole)) var role: String
    @Option(help: help(.optTownship)) var township: String?
    @Option(help: help(.optBureau)) var bureau: String?

    func run() async throws {
        try await reportingFailures {
            let role = try Role(parsing: role)
            let bureau = try self.bureau.map { try Bureau(parsing: $0) }
            let workspace = try options.workspace()
            let principal = try options.principal(workspace)
            let account = try workspace.accounts.add(
                name: name, role: role, bureau: bureau, township: township, password: try readPassword(options), by: principal)
            print(options.t(.userAdded, account.name, options.t(Principal(account.value, channel: .cli).roleLabel)))
        }
    }
}

struct UsersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdUsersList), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let register = try workspace.register.divisionRegister()
            var table = TextTable(
                header: [options.t(.uiUserName), options.t(.labelRole), options.t(.labelScope), options.t(.uiStatus)],
                alignments: [.left, .left, .left, .left])
            for account in try workspace.accounts.accounts(by: try options.principal(workspace)) {
                let scope =
                    account.bureau.map { options.t($0.label) } ?? account.townshipID.flatMap { register.division(id: $0)?.name } ?? "—"
                table.add([
                    account.name, options.t(account.role.label), scope, options.t(account.disabled ? .userDisabled : .userEnabled),
                ])
            }
            print(table.render())
        }
    }
}

/// The shape of the commands that name one user and change it.
protocol UserChange: AsyncParsableCommand {
    var options: GlobalOptions { get }
    var name: String { get }
    /// Makes the change; returns the line to print.
    func change(_ accounts: AccountService, _ principal: Principal) throws -> String
}

extension UserChange {
    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            print(try change(workspace.accounts, try options.principal(workspace)))
        }
    }
}

struct UsersDisable: UserChange {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: text(.cmdUsersDisable), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String

    func change(_ accounts: AccountService, _ principal: Principal) throws -> String {
        try accounts.setDisabled(name: name, true, by: principal)
        return options.t(.userDisabledDone, name)
    }
}

struct UsersEnable: UserChange {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: text(.cmdUsersEnable), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String

    func change(_ accounts: AccountService, _ principal: Principal) throws -> String {
        try accounts.setDisabled(name: name, false, by: principal)
        return options.t(.userEnabledDone, name)
    }
}

struct UsersPasswd: UserChange {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: text(.cmdUsersPasswd), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String

    func change(_ accounts: AccountService, _ principal: Principal) throws -> String {
        try accounts.setPassword(name: name, password: try readPassword(options), by: principal)
        return options.t(.userPasswordDone, name)
    }
}

struct UsersToken: UserChange {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: text(.cmdUsersToken), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String
    @Option(help: help(.optTokenLabel)) var label: String?

    /// Prints the token only, so that a script can capture it.
    func change(_ accounts: AccountService, _ principal: Principal) throws -> String {
        try accounts.issueToken(name: name, label: label, by: principal)
    }
}

struct UsersRevoke: UserChange {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: text(.cmdUsersRevoke), discussion: text(.cmdUsersDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optUserName)) var name: String

    func change(_ accounts: AccountService, _ principal: Principal) throws -> String {
        try accounts.revokeAccess(name: name, by: principal)
        return options.t(.userRevokedDone, name)
    }
}

/// `chengxiang backup`: a consistent copy of the register while it is in use.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: text(.cmdBackup), discussion: text(.cmdBackupDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optBackupOut)) var out: String
    @Flag(help: help(.optForce)) var force = false

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let stamp = try workspace.backup(toFile: out, replacing: force)
            print(options.t(.backupDone, out, stamp))
        }
    }
}

/// `chengxiang restore`: replaces an empty register (or, with `--force`, any) by a backup.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: text(.cmdRestore), discussion: text(.cmdRestoreDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optBackupFile)) var file: String
    @Flag(help: help(.optForce)) var force = false

    func run() async throws {
        try await reportingFailures {
            let stamp = try Workspace.restore(
                from: try inputFile(file).path, into: options.database, replacing: force,
                by: try options.principal(try Workspace.create(path: options.database)))
            print(options.t(.restoreDone, file, Workspace.shown(options.database), stamp))
        }
    }
}
