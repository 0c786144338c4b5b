import ArgumentParser
import Foundation
import Localization
import Store

/// Options every data command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "数据库文件 · SQLite database file.")
    var database: String = "chengxiang.sqlite"

    @Option(name: .long, help: "界面语言 zh|en · interface language (default: $CHENGXIANG_LANG or zh).")
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
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang 只能是 zh 或 en · --lang must be zh or en")
        }
    }

    /// Opens the database, which must already exist (use `init` or `demo` to create one).
    func openExisting() throws -> RegisterStore {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CLIError.noDatabase(database)
        }
        return try RegisterStore(path: database)
    }

    /// The actor recorded in the audit log: the login name.
    var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName()) }
}

/// Errors the CLI reports with a sysexits status.
enum CLIError: Error {
    case noDatabase(String)
    case notADemoDatabase(String)
    case inputMissing(String)
}
