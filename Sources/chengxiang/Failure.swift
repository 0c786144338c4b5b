import ArgumentParser
import Foundation
import Localization

/// Runs a command body and turns a `UserError` into its message on stderr and a sysexits status —
/// the one place kinds become exit codes: 65 (EX_DATAERR) for refused data and values, 66
/// (EX_NOINPUT) for a missing file or database, 69 (EX_UNAVAILABLE) for a missing tool or a busy
/// database, 73 (EX_CANTCREAT) for a refusal to overwrite, 75 (EX_TEMPFAIL) after too many failed
/// sign-ins, 77 (EX_NOPERM) for a refused permission.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as UserError {
        if error.kind == .rejected {
            Terminal.error(L10n.message(.failRejected, error.errorCount).bilingual)
        } else {
            Terminal.error(error.message.bilingual)
        }
        for issue in error.issues { Terminal.error(issue.description) }
        throw ExitCode(exitCode(error.kind))
    }
}

/// The exit status of each kind of refusal.
func exitCode(_ kind: UserError.Kind) -> Int32 {
    switch kind {
    case .rejected, .invalid, .malformed, .notFound, .conflict, .tooLarge: 65
    case .missingInput: 66
    case .unavailable: 69
    case .wouldOverwrite: 73
    case .throttled: 75
    case .forbidden, .unauthorized: 77
    }
}

/// Writing to the terminal.
enum Terminal {
    /// A line on standard error (progress, warnings, errors).
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
