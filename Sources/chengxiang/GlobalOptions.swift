import ArgumentParser
import Domain
import Foundation
import Geo
import Localization
import Services

/// Help text from the message table, in both languages: "中文 · English".
func help(_ key: MessageKey) -> ArgumentHelp { ArgumentHelp(L10n.message(key).helpText) }

/// A command's abstract or discussion from the message table.
func text(_ key: MessageKey) -> String { L10n.message(key).helpText }

/// Options every data command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: help(.optDatabase))
    var database: String = "chengxiang.sqlite"

    @Option(name: .long, help: help(.optLang))
    var lang: String?

    @Option(name: .long, help: help(.optActor))
    var actor: String?

    @Option(name: .long, help: help(.optToken))
    var token: String?

    /// The chosen language.
    var language: Language {
        if let lang, let chosen = Language(code: lang) { return chosen }
        if let env = ProcessInfo.processInfo.environment["CHENGXIANG_LANG"], let chosen = Language(code: env) {
            return chosen
        }
        return .zh
    }

    func validate() throws {
        if let lang, Language(code: lang) == nil { throw ValidationError(text(.optLangInvalid)) }
        if let actor, actor.trimmingCharacters(in: .whitespaces).isEmpty || actor.count > 64 {
            throw ValidationError(text(.optActorInvalid))
        }
    }

    /// Opens the database, which must already exist (use `init` or `demo` to create one).
    func workspace() throws -> Workspace { try Workspace.open(path: database) }

    /// Who makes this command's changes. With an API token (`--token` or `CHENGXIANG_TOKEN`) the
    /// token's user, with that user's role and scope; otherwise the operator at the console, who
    /// holds the database file and so acts as administrator, named by `--actor` or the login name.
    func principal(_ workspace: Workspace) throws -> Principal {
        if let token = token ?? ProcessInfo.processInfo.environment["CHENGXIANG_TOKEN"], !token.isEmpty {
            guard let account = try workspace.accounts.tokenAccount(token) else {
                throw UserError(.unauthorized, L10n.message(.cliBadToken))
            }
            return Principal(account.value, channel: .cli)
        }
        let name = actor ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        return .consoleOperator(name.isEmpty ? "unknown" : name)
    }

    /// A message in the chosen language.
    func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: arguments).text(language)
    }

    /// A localised value in the chosen language.
    func t(_ localized: Localized) -> String { localized.text(language) }
}

/// An input file named on the command line, which must exist.
func inputFile(_ path: String) throws -> URL {
    guard FileManager.default.fileExists(atPath: path) else { throw UserError(.missingInput, L10n.message(.inputMissing, path)) }
    return URL(fileURLWithPath: path)
}

/// The coordinate system named by `--crs` (EPSG:4546); `invalid` for one this program does not know.
func coordinateSystem(_ text: String?) throws -> ChinaCRS? {
    try text.map { text in
        guard let system = ChinaCRS(text: text) else { throw UserError(.invalid, L10n.message(.badCRSOption, text)) }
        return system
    }
}
