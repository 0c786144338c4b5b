import Domain
import Localization
import Services

/// `/tasks`: the checklist grouped by status, each group a grid of cards (no tall column beside
/// empty ones), with filters by status, bureau and deadline (in the address, so a filtered list
/// can be shared) and a text filter on the page; overdue tasks marked, each with an update form.
enum TasksPage {
    /// The filters chosen in the query; an unknown value is no filter.
    struct Filter {
        var status: TaskStatus?
        var bureau: Bureau?
        var pastDeadline = false

        init(status: String?, bureau: String?, pastDeadline: String?) {
            self.status = status.flatMap(TaskStatus.init(rawValue:))
            self.bureau = bureau.flatMap(Bureau.init(rawValue:))
            self.pastDeadline = pastDeadline == "1"
        }

        init() {}

        /// The page's cache variant.
        var variant: [String] { [status?.rawValue ?? "", bureau?.rawValue ?? "", pastDeadline ? "1" : ""] }

        func admits(_ t: PlanTask, now: FractionalYear) -> Bool {
            let state = t.deadlineState(now: now)
            return (status == nil || t.status == status) && (bureau == nil || Bureau.owner(ofCode: t.code) == bureau)
                && (!pastDeadline || state == .overdue || state == .pastDeadlineProgressUnknown)
        }
    }

    /// The board; a message about one task (`at`, its code) stands in that task's card, any other
    /// at the top.
    static func content(
        _ tasks: [PlanTask], now: FractionalYear, filter: Filter = Filter(), message: HTMLNode?, at code: String? = nil,
        entered: FormFields? = nil, _ web: WebContext
    ) -> [HTMLNode] {
        let overdue = tasks.filter { $0.deadlineState(now: now) == .overdue }.count
        let unknown = tasks.filter { $0.deadlineState(now: now) == .pastDeadlineProgressUnknown }.count
        // A task being answered stays in view whatever the filter.
        let shown = tasks.filter { filter.admits($0, now: now) || $0.code == code }
        var nodes: [HTMLNode] = []
        let known = code.map { c in tasks.contains { $0.code == c } } ?? false
        if let message, !known { nodes.append(message) }
        nodes.append(el("p", text: web.t(.uiTaskSummary, tasks.count, overdue, unknown)))
        nodes.append(Components.reportLinks(web))
        nodes.append(Components.exports("/tasks", web, print: false))
        nodes.append(filterForm(filter, web))
        nodes.append(el("p", [("class", "muted")], text: web.t(.uiTasksShown, shown.count, tasks.count)))
        for status in TaskStatus.allCases {
            let items = shown.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            nodes.append(
                el(
                    "section", [("class", "task-group")],
                    [
                        el("h3", text: web.bracketed(web.t(status.label), String(items.count))),
                        el(
                            "div", [("class", "board")],
                            items.map { t in
                                card(t, now: now, note: t.code == code ? message : nil, entered: t.code == code ? entered : nil, web)
                            }),
                    ]))
        }
        // Shown when the filters leave nothing (the page's text filter shows it too).
        nodes.append(
            el("p", [("class", "muted no-match")] + (shown.isEmpty ? [] : [("hidden", "hidden")]), text: web.t(.uiNoTaskMatches)))
        nodes.append(el("p", [("class", "muted")], text: web.t(.uiTaskNote)))
        return nodes
    }

    /// Status, bureau and past-deadline as a GET form; the text filter narrows the cards on the page.
    static func filterForm(_ filter: Filter, _ web: WebContext) -> HTMLNode {
        func option(_ value: String, _ text: String, _ chosen: Bool) -> HTMLNode {
            el("option", [("value", value)] + (chosen ? [("selected", "selected")] : []), text: text)
        }
        return el(
            "form", [("class", "inline filters"), ("method", "get"), ("action", "/tasks")],
            [
                el(
                    "label", [],
                    [
                        .text(web.t(.uiStatus)),
                        el(
                            "select", [("name", "status")],
                            [option("", web.t(.uiAllStatuses), filter.status == nil)]
                                + TaskStatus.allCases.map { option($0.rawValue, web.t($0.label), filter.status == $0) }),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiBureau)),
                        el(
                            "select", [("name", "bureau")],
                            [option("", web.t(.uiAllBureaus), filter.bureau == nil)]
                                + Bureau.allCases.map { option($0.rawValue, web.t($0.label), filter.bureau == $0) }),
                    ]),
                el(
                    "label", [("class", "check")],
                    [
                        el(
                            "input",
                            [("type", "checkbox"), ("name", "past"), ("value", "1")] + (filter.pastDeadline ? [("checked", "checked")] : [])
                        ),
                        .text(web.t(.uiPastDeadlineOnly)),
                    ]),
                el("button", [("type", "submit"), ("class", "secondary")], text: web.t(.uiShow)),
                el("label", [], [.text(web.t(.uiFilter)), el("input", [("id", "card-filter"), ("type", "search")])]),
            ])
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
