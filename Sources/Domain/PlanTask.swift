import Foundation

/// The state of a checklist task (清单式、项目化).
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    /// No one has reported on it.
    case unknown
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    case suspended

    /// Chinese label.
    public var chineseName: String {
        switch self {
        case .unknown: "未知"
        case .notStarted: "未开工"
        case .inProgress: "推进中"
        case .done: "已完成"
        case .suspended: "暂停"
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
        case "未知", "": self = .unknown
        case "未开工", "未开始", "not started": self = .notStarted
        case "推进中", "在建", "进行中", "in progress": self = .inProgress
        case "已完成", "完成", "竣工": self = .done
        case "暂停", "停工": self = .suspended
        default: return nil
        }
    }
}

/// A key task or project of the plan, with no invented dates: unknown stays nil.
public struct PlanTask: Hashable, Sendable, Codable {
    public var id: Int64?
    /// Short stable code, e.g. `T-EDU-01`.
    public var code: String
    public var name: String
    /// 责任单位; nil when the plan does not name one.
    public var ownerUnit: String?
    /// Start date as written (YYYY, YYYY-MM or YYYY-MM-DD); nil when unknown.
    public var start: String?
    /// Deadline as written; nil when unknown.
    public var deadline: String?
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
        id: Int64? = nil, code: String, name: String, ownerUnit: String? = nil, start: String? = nil,
        deadline: String? = nil, status: TaskStatus = .unknown, percentComplete: Double? = nil, evidence: String? = nil,
        indicatorCodes: [String] = [], source: String
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.ownerUnit = ownerUnit
        self.start = start
        self.deadline = deadline
        self.status = status
        self.percentComplete = percentComplete
        self.evidence = evidence
        self.indicatorCodes = indicatorCodes
        self.source = source
    }

    /// The deadline as the fractional-year time it falls due (end of the year, month or day).
    public var deadlineTime: Double? {
        guard let deadline else { return nil }
        let parts = deadline.split(separator: "-").compactMap { Int($0) }
        switch parts.count {
        case 1: return Double(parts[0])
        case 2: return Double(parts[0] - 1) + Double(parts[1]) / 12
        case 3: return Double(parts[0] - 1) + (Double(parts[1] - 1) + Double(parts[2]) / 31) / 12
        default: return nil
        }
    }

    /// Overdue: the deadline has passed and the task is not done.
    public func isOverdue(now: Double) -> Bool {
        guard let due = deadlineTime, status != .done else { return false }
        return now > due
    }
}
