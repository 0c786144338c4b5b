/// The one error a user sees: what kind of refusal it is, why in both languages, and — for
/// refused data — every row-level issue. The web server maps the kind to an HTTP status in one
/// place and the command line to an exit code in one place.
public struct UserError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, from the user's side.
    public enum Kind: String, Sendable, CaseIterable {
        /// Input data failed validation; nothing was written (`issues` lists every problem).
        case rejected
        /// A value in a request or on the command line is not acceptable (out of range, unknown word).
        case invalid
        /// A request body or file cannot be parsed at all.
        case malformed
        /// A record the user named does not exist.
        case notFound
        /// A file or database the user named does not exist or cannot be read.
        case missingInput
        /// The request contradicts what is stored (a name already taken).
        case conflict
        /// Going on would overwrite something the user did not ask to replace (a database that is not the demo).
        case wouldOverwrite
        /// The request is larger than the limit.
        case tooLarge
        /// The user may not do this.
        case forbidden
        /// The user must sign in first.
        case unauthorized
        /// A resource is busy or missing on this machine (a locked database, no Chromium); try later.
        case unavailable
        /// Too many attempts (failed sign-ins); wait and try again.
        case throttled
    }

    public var kind: Kind
    public var message: Localized
    /// Row-level issues of refused data, errors and warnings; empty when the message says it all.
    public var issues: [ImportIssue]
    /// Blocking issues found, including those beyond the listed ones (see `IssueList`).
    public var errorCount: Int

    public init(_ kind: Kind, _ message: Localized, issues: [ImportIssue] = [], errorCount: Int? = nil) {
        self.kind = kind
        self.message = message
        self.issues = issues
        self.errorCount = errorCount ?? issues.filter { $0.severity == .error }.count
    }

    /// Refused data: every issue found, nothing written.
    public static func rejected(_ issues: [ImportIssue]) -> UserError {
        let errors = issues.filter { $0.severity == .error }.count
        return UserError(.rejected, L10n.message(.uiRejectedCount, errors), issues: issues)
    }

    /// Refused data with one whole-file (or whole-request) issue.
    public static func rejected(file: String, _ message: Localized) -> UserError {
        rejected([ImportIssue(file: file, message: message)])
    }

    /// Only the blocking issues.
    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }

    public var description: String {
        ([message.bilingual] + issues.map(\.description)).joined(separator: "\n")
    }
}
