import ArgumentParser
import Foundation
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
    }

    /// Opens the database, which must already exist (use `init` or `demo` to create one).
    func workspace() throws -> Workspace { try Workspace.open(path: database) }

    /// The actor recorded in the audit log: the login name.
    var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName()) }

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
