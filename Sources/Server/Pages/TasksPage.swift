import Domain
import Localization
import Services

/// `/tasks`: the checklist as a board by status, overdue tasks marked, each with an update form.
enum TasksPage {
    /// The board; a message about one task (`at`, its code) stands in that task's card, any other
    /// at the top.
    static func content(
        _ tasks: [PlanTask], now: FractionalYear, message: HTMLNode?, at code: String? = nil, entered: FormFields? = nil,
        _ web: WebContext
    ) -> [HTMLNode] {
        let overdue = tasks.filter { $0.deadlineState(now: now) == .overdue }.count
        let unknown = tasks.filter { $0.deadlineState(now: now) == .pastDeadlineProgressUnknown }.count
        var nodes: [HTMLNode] = []
        let known = code.map { c in tasks.contains { $0.code == c } } ?? false
        if let message, !known { nodes.append(message) }
        nodes.append(el("p", text: web.t(.uiTaskSummary, tasks.count, overdue, unknown)))
        nodes.append(Components.reportLinks(web))
        let columns = TaskStatus.allCases.map { status -> HTMLNode in
            let items = tasks.filter { $0.status == status }
            return el(
                "div", [("class", "column")],
                [el("h3", text: web.bracketed(web.t(status.label), String(items.count)))]
                    + items.map { t in
                        card(t, now: now, note: t.code == code ? message : nil, entered: t.code == code ? entered : nil, web)
                    })
        }
        nodes.append(el("div", [("class", "board")], columns))
        nodes.append(el("p", [("class", "muted")], text: web.t(.uiTaskNote)))
        return nodes
    }

    /// A task's card; its form shows `entered` (a refused update, as typed) instead of the stored values.
    static func card(_ t: PlanTask, now: FractionalYear, note: HTMLNode? = nil, entered: FormFields? = nil, _ web: WebContext) -> HTMLNode {
        let stored = FormFields(pairs: [
            ("status", t.status.rawValue), ("percent", t.percentComplete.map { String(Int($0)) } ?? ""), ("evidence", t.evidence ?? ""),
            ("owner", t.ownerUnit ?? ""), ("deadline", t.deadlineAssumed ? "" : t.deadline?.description ?? ""),
        ])
        let shown = entered ?? stored
        let state = t.deadlineState(now: now)
        let percent = t.percentComplete ?? 0
        let pastDeadline = state == .overdue || state == .pastDeadlineProgressUnknown
        return el(
            "div", [("class", state == .overdue ? "task overdue" : "task"), ("id", t.code)],
            [
                note ?? .group([]),
                el("strong", [], [Components.data(t.name, web)]),
                el(
                    "div", [("class", "muted")],
                    text:
                        "\(t.code) · \(web.field(web.t(.uiOwner), t.ownerUnit ?? web.t(.uiNotNamed))) · \(web.field(web.t(.uiDeadline), t.deadlineText.map(web.t) ?? web.t(.uiNone)))"
                ),
                pastDeadline ? Components.deadline(state, web) : .group([]),
                el("div", [("class", "progress")], [el("span", [("style", "width:\(Int(percent))%")])]),
                el("div", [("class", "muted")], text: t.percentComplete.map { "\(Int($0))%" } ?? web.t(.uiProgressUnknown)),
                t.evidence.map { el("div", text: $0) } ?? .group([]),
                web.principal?.mayWriteCountyLevel(Bureau.owner(ofCode: t.code)) != true
                    ? .group([])
                    : el(
                        // The fragment brings the answer's page back to this card.
                        "form", [("method", "post"), ("action", "/tasks/\(t.code)#\(t.code)")],
                        [
                            Layout.csrfField(web),
                            el(
                                "select", [("name", "status")],
                                TaskStatus.allCases.map { s in
                                    el(
                                        "option", [("value", s.rawValue)] + shown.selected("status", s.rawValue),
                                        text: web.t(s.label))
                                }),
                            el(
                                "input",
                                [
                                    ("name", "percent"), ("size", "3"), ("placeholder", "%"),
                                ] + shown.kept("percent")),
                            el("input", [("name", "evidence"), ("placeholder", web.t(.uiEvidence))] + shown.kept("evidence")),
                            el("input", [("name", "owner"), ("placeholder", web.t(.uiOwner))] + shown.kept("owner")),
                            el(
                                "input",
                                [("name", "deadline"), ("placeholder", web.t(.uiDeadline) + " 2025-06"), ("size", "8")]
                                    + shown.kept("deadline")),
                            el("button", [("type", "submit")], text: web.t(.uiSave)),
                        ]),
            ])
    }
}
