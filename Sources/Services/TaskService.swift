public import Domain
import Interchange
import Localization
public import Store

/// Changes to one task of the checklist; nil fields are left as they are.
public struct TaskChange: Sendable {
    public var status: TaskStatus?
    public var percentComplete: Double?
    public var evidence: String?
    public var deadline: String?
    public var ownerUnit: String?

    public init(
        status: TaskStatus? = nil, percentComplete: Double? = nil, evidence: String? = nil, deadline: String? = nil,
        ownerUnit: String? = nil
    ) {
        self.status = status
        self.percentComplete = percentComplete
        self.evidence = evidence
        self.deadline = deadline
        self.ownerUnit = ownerUnit
    }
}

extension MonitoringService {
    /// Updates a task (audited); returns the task as stored. Throws `ImportRejected` for an
    /// unknown code or an invalid value.
    @discardableResult
    public func updateTask(code: String, _ change: TaskChange, actor: String) throws -> PlanTask {
        var problems: [Localized] = []
        if let p = change.percentComplete, !(0...100).contains(p) { problems.append(L10n.message(.badPercent, p)) }
        if let d = change.deadline, !TaskTableReader.isDate(d) { problems.append(L10n.message(.badDate, d)) }
        if !problems.isEmpty { throw ImportRejected(issues: problems.map { ImportIssue(file: "—", message: $0) }) }
        return try store.write(actor: actor) { w in
            guard var task = try w.reader.tasks().first(where: { $0.code == code }) else {
                throw ImportRejected(issues: [ImportIssue(file: "—", message: L10n.message(.unknownTask, code))])
            }
            if let s = change.status { task.status = s }
            if let p = change.percentComplete { task.percentComplete = p }
            if let e = change.evidence { task.evidence = e }
            if let d = change.deadline { task.deadline = d }
            if let o = change.ownerUnit { task.ownerUnit = o }
            if task.status == .done && change.percentComplete == nil { task.percentComplete = 100 }
            try w.save(task)
            return task
        }
    }
}
