public import Domain
import Foundation
import Localization
import Store

/// Changes to one task of the checklist as a person writes them; blank fields are left as they
/// are. `parse` checks every field and names each one that is wrong.
public struct TaskUpdate: Sendable {
    public var status: TaskStatus?
    public var percentComplete: Double?
    public var evidence: String?
    public var deadline: PartialDate?
    public var ownerUnit: String?

    public init(
        status: TaskStatus? = nil, percentComplete: Double? = nil, evidence: String? = nil, deadline: PartialDate? = nil,
        ownerUnit: String? = nil
    ) {
        self.status = status
        self.percentComplete = percentComplete
        self.evidence = evidence
        self.deadline = deadline
        self.ownerUnit = ownerUnit
    }

    /// Reads the text of a form, a command line or an API body; blank means "unchanged".
    public static func parse(
        status: String? = nil, percent: String? = nil, evidence: String? = nil, deadline: String? = nil, owner: String? = nil
    ) throws -> TaskUpdate {
        func given(_ text: String?) -> String? {
            guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var issues: [ImportIssue] = []
        var update = TaskUpdate(evidence: given(evidence), ownerUnit: given(owner))
        if let text = given(status) {
            update.status = TaskStatus(text: text)
            if update.status == nil {
                issues.append(ImportIssue(file: "—", columnName: "status", message: L10n.message(.unknownTaskStatus, text)))
            }
        }
        if let text = given(percent) {
            let value = Double(text.replacingOccurrences(of: "%", with: ""))
            if let value, value.isFinite, (0...100).contains(value) {
                update.percentComplete = value
            } else {
                issues.append(ImportIssue(file: "—", columnName: "percent", message: L10n.message(.badPercent, text)))
            }
        }
        if let text = given(deadline) {
            update.deadline = PartialDate(text)
            if update.deadline == nil {
                issues.append(ImportIssue(file: "—", columnName: "deadline", message: L10n.message(.badDate, text)))
            }
        }
        if update.status == .done, let p = update.percentComplete, p < 100 {
            issues.append(
                ImportIssue(file: "—", columnName: "percent", message: L10n.message(.taskDoneNotFull, Format.number(p, digits: 1))))
        }
        if !issues.isEmpty { throw UserError(.invalid, issues[0].message, issues: issues) }
        return update
    }
}

extension MonitoringService {
    /// Updates a task (audited) and returns it as stored; `notFound` for an unknown code. A task
    /// marked done without a percentage is 100 % done. A deadline set here is a stated one.
    @discardableResult
    public func updateTask(code: String, _ update: TaskUpdate, by principal: Principal) throws -> PlanTask {
        try store.write(by: principal, .county(Bureau.owner(ofCode: code))) { w in
            guard var task = try w.reader.tasks().first(where: { $0.code == code }) else {
                throw UserError(.notFound, L10n.message(.unknownTaskCode, code))
            }
            if let s = update.status { task.status = s }
            if let p = update.percentComplete { task.percentComplete = p }
            if let e = update.evidence { task.evidence = e }
            if let d = update.deadline {
                task.deadline = d
                task.deadlineAssumed = false
            }
            if let o = update.ownerUnit { task.ownerUnit = o }
            if task.status == .done && update.percentComplete == nil { task.percentComplete = 100 }
            try w.save(task)
            return task
        }
    }
}
