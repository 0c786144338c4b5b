import Foundation
public import Localization

/// The state of a checklist task (清单式、项目化).
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    /// No one has reported on it.
    case unknown
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    case suspended

    /// The status's name.
    public var label: Localized {
        switch self {
        case .unknown: L10n.message(.taskUnknown)
        case .notStarted: L10n.message(.taskNotStarted)
        case .inProgress: L10n.message(.taskInProgress)
        case .done: L10n.message(.taskDone)
        case .suspended: L10n.message(.taskSuspended)
        }
    }

    /// Reads Chinese or English wording.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let s = TaskStatus(rawValue: t) {
            self = s
            return
        }
        switch t {
        case "未知", "": self = .unknown  // vocabulary
        case "未开工", "未开始", "not started": self = .notStarted  // vocabulary
        case "推进中", "在建", "进行中", "in progress": self = .inProgress  // vocabulary
        case "已完成", "完成", "竣工": self = .done  // vocabulary
        case "暂停", "停工": self = .suspended  // vocabulary
        default: return nil
        }
    }
}

/// Where a task stands against its deadline.
public enum DeadlineState: String, Sendable, CaseIterable {
    /// The task has no deadline.
    case noDeadline
    /// The task is done.
    case done
    /// The deadline has not passed.
    case notDue
    /// The deadline has passed, the task is not done, and someone has reported on it: overdue.
    case overdue
    /// The deadline has passed and no one has reported on the task: its progress is unknown,
    /// which is not the same as late (已过期限，进展不明).
    case pastDeadlineProgressUnknown

    /// The state's name: 逾期, 已过期限，进展不明 ….
    public var label: Localized {
        switch self {
        case .noDeadline: L10n.message(.deadlineNone)
        case .done: L10n.message(.deadlineDone)
        case .notDue: L10n.message(.deadlineNotDue)
        case .overdue: L10n.message(.deadlineOverdue)
        case .pastDeadlineProgressUnknown: L10n.message(.deadlinePastUnknown)
        }
    }
}

/// A key task or project of the plan, with no invented dates: unknown stays nil.
public struct PlanTask: Hashable, Sendable {
    /// Short stable code, e.g. `T-EDU-01`.
    public var code: String
    public var name: String
    /// 责任单位; nil when the plan does not name one.
    public var ownerUnit: String?
    /// Start date; nil when unknown.
    public var start: PartialDate?
    /// Deadline; nil when unknown.
    public var deadline: PartialDate?
    /// True when the deadline is the system's reading of the plan (e.g. 规划期末 taken as 2025), not a
    /// date the plan states.
    public var deadlineAssumed: Bool
    public var status: TaskStatus
    /// 0…100; nil when unknown.
    public var percentComplete: Double?
    /// 佐证材料 / progress notes.
    public var evidence: String?
    /// Codes of indicators this task moves.
    public var indicatorCodes: [String]
    /// Where the task comes from.
    public var source: String

    public init(
        code: String, name: String, ownerUnit: String? = nil, start: PartialDate? = nil, deadline: PartialDate? = nil,
        deadlineAssumed: Bool = false, status: TaskStatus = .unknown, percentComplete: Double? = nil, evidence: String? = nil,
        indicatorCodes: [String] = [], source: String
    ) {
        self.code = code
        self.name = name
        self.ownerUnit = ownerUnit
        self.start = start
        self.deadline = deadline
        self.deadlineAssumed = deadlineAssumed
        self.status = status
        self.percentComplete = percentComplete
        self.evidence = evidence
        self.indicatorCodes = indicatorCodes
        self.source = source
    }

    /// The deadline as shown: "2025", or "2025（规划期末，假设）" when it is the system's reading of the
    /// plan; nil when there is none.
    public var deadlineText: Localized? {
        guard let deadline else { return nil }
        return deadlineAssumed ? L10n.message(.deadlineAssumed, deadline) : Localized(zh: deadline.description, en: deadline.description)
    }

    /// Where the task stands at `now`.
    public func deadlineState(now: FractionalYear) -> DeadlineState {
        guard let deadline else { return status == .done ? .done : .noDeadline }
        if status == .done { return .done }
        if now <= deadline.end { return .notDue }
        return status == .unknown ? .pastDeadlineProgressUnknown : .overdue
    }
}
