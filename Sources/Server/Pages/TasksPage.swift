import Domain
import Localization

/// `/tasks`: the checklist as a board by status, overdue tasks marked, each with an update form.
enum TasksPage {
    static func content(_ tasks: [PlanTask], now: Double, message: HTMLNode?, _ web: WebContext) -> [HTMLNode] {
        let overdue = tasks.filter { $0.isOverdue(now: now) }.count
        var nodes: [HTMLNode] = []
        if let message { nodes.append(message) }
        nodes.append(el("p", text: web.t(.uiTaskSummary, tasks.count, overdue)))
        let columns = TaskStatus.allCases.map { status -> HTMLNode in
            let items = tasks.filter { $0.status == status }
            return el("div", [("class", "column")], [el("h3", text: "\(web.language == .zh ? status.chineseName : status.rawValue)（\(items.count)）")] + items.map { card($0, now: now, web) })
        }
        nodes.append(el("div", [("class", "board")], columns))
        nodes.append(el("p", [("class", "muted")], text: web.t(.uiTaskNote)))
        return nodes
    }

    static func card(_ t: PlanTask, now: Double, _ web: WebContext) -> HTMLNode {
        let isOverdue = t.isOverdue(now: now)
        let percent = t.percentComplete ?? 0
        return el("div", [("class", isOverdue ? "task overdue" : "task"), ("id", t.code)], [
            el("strong", text: t.name),
            el("div", [("class", "muted")], text: "\(t.code) · \(web.t(.uiOwner))：\(t.ownerUnit ?? web.t(.uiNotNamed)) · \(web.t(.uiDeadline))：\(t.deadline ?? web.t(.uiNone))"),
            isOverdue ? el("div", [("class", "status red")], text: web.t(.uiOverdue)) : .group([]),
            el("div", [("class", "progress")], [el("span", [("style", "width:\(Int(percent))%")])]),
            el("div", [("class", "muted")], text: t.percentComplete.map { "\(Int($0))%" } ?? web.t(.uiProgressUnknown)),
            t.evidence.map { el("div", text: $0) } ?? .group([]),
            el("form", [("method", "post"), ("action", "/tasks/\(t.code)")], [
                Layout.csrfField(web),
                el("select", [("name", "status")], TaskStatus.allCases.map { s in
                    el("option", [("value", s.rawValue)] + (s == t.status ? [("selected", "selected")] : []), text: web.language == .zh ? s.chineseName : s.rawValue)
                }),
                el("input", [("name", "percent"), ("size", "3"), ("placeholder", "%"), ("value", t.percentComplete.map { String(Int($0)) } ?? "")]),
                el("input", [("name", "evidence"), ("placeholder", web.t(.uiEvidence)), ("value", t.evidence ?? "")]),
                el("button", [("type", "submit")], text: web.t(.uiSave)),
            ]),
        ])
    }
}
