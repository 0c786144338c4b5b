/// Issues collected while reading a file or a batch: every one is counted, the first
/// `IssueList.shown` are kept, so a file with 700,000 bad rows costs 200 issues of memory and
/// prints 200 lines and a count, not 700,000 lines.
public struct IssueList: Sendable {
    /// How many issues are kept and listed.
    public static let shown = 200

    /// The file the issues are about (names the "more not listed" line).
    public let file: String
    /// The issues kept, in the order found.
    public private(set) var kept: [ImportIssue] = []
    /// Blocking issues found, listed or not.
    public private(set) var errorCount = 0
    /// Issues found beyond those kept.
    public private(set) var omitted = 0

    public init(file: String, _ issues: [ImportIssue] = []) {
        self.file = file
        append(contentsOf: issues)
    }

    /// Counts an issue and keeps it while fewer than `shown` are kept.
    public mutating func append(_ issue: ImportIssue) {
        if issue.severity == .error { errorCount += 1 }
        if kept.count < Self.shown { kept.append(issue) } else { omitted += 1 }
    }

    public mutating func append(contentsOf issues: some Sequence<ImportIssue>) {
        for issue in issues { append(issue) }
    }

    /// Adds another list's issues, its uncounted ones included.
    public mutating func append(contentsOf other: IssueList) {
        append(contentsOf: other.kept)
        omitted += other.omitted
        errorCount += other.errorCount - other.kept.filter { $0.severity == .error }.count
    }

    /// Every issue found, listed or not.
    public var count: Int { kept.count + omitted }
    public var isEmpty: Bool { count == 0 }
    /// Whether any issue blocks the import.
    public var hasErrors: Bool { errorCount > 0 }

    /// The kept issues, closed by a line counting those not listed.
    public var listed: [ImportIssue] {
        omitted == 0 ? kept : kept + [ImportIssue(file: file, message: L10n.message(.moreErrors, omitted))]
    }
}

extension UserError {
    /// Refused data: the issues listed (at most `IssueList.shown`, then a count), nothing written.
    public static func rejected(_ list: IssueList) -> UserError {
        UserError(.rejected, L10n.message(.uiRejectedCount, list.errorCount), issues: list.listed, errorCount: list.errorCount)
    }
}
