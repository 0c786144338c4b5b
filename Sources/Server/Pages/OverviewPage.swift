import Analysis
import Domain
import Localization
import Monitoring
import Services

/// `/`: the county at a glance — figures, the school diagnosis (against the plan's own findings
/// when the register holds them), data completeness, indicator status and tasks past deadline.
enum OverviewPage {
    static func content(_ d: Overview, _ web: WebContext) -> [HTMLNode] {
        let county = d.report.county
        let villages = d.register.divisions.filter { $0.kind.tier == .village }
        let figures = el(
            "div", [("class", "cards")],
            [
                Components.card(
                    web.t(.uiTownships), String(d.register.townships.filter { $0.status == .current }.count), unit: web.t(.uiUnitTownships)),
                Components.card(web.t(.uiVillages), String(villages.count), unit: web.t(.uiUnitVillages)),
                Components.card(web.t(.labelSchoolCount), String(county.schools), unit: web.t(.uiUnitSchools)),
                Components.card(web.t(.labelStudents), String(county.students), unit: web.t(.uiUnitPersons)),
                Components.card(web.t(.labelStaff), String(county.staff), unit: web.t(.uiUnitPersons)),
                Components.card(web.t(.labelStaffNeeded), Format.fixed(county.staffNeeded, digits: 1), unit: web.t(.uiUnitPersons)),
            ])
        var schoolItems: [HTMLNode] = []
        if let findings = d.findings {
            schoolItems += findings.confirmed.map { s in
                el("li", text: "✔ " + web.t(.uiConfirmedWaste, s.school.name, s.townshipName))
            }
            schoolItems += findings.understaffed.map { s in
                el(
                    "li",
                    text: "✘ " + web.t(.uiUnderstaffed, s.school.name, s.townshipName, Format.fixed(-(s.staffSurplus ?? 0), digits: 1)))
            }
        }
        schoolItems.append(
            el(
                "li",
                text: web.t(
                    .summaryStaffBalance, Format.fixed(county.staffNeeded, digits: 1), county.staff, county.count(.overstaffed),
                    Format.fixed(county.staffExcess, digits: 1), county.count(.understaffed), Format.fixed(county.staffShortfall, digits: 1)
                )))
        let flagCounts = el(
            "p", [],
            DiagnosticFlag.allCases.map { flag in
                el("span", [("class", "flag flag-\(flag.rawValue)")], text: "\(web.t(flag.label)) \(county.count(flag))")
            })
        let completenessRows = d.completeness.map { r -> [HTMLNode] in
            var name = r.township.status == .historical ? r.township.name + web.t(.labelMergedSuffix) : r.township.name
            if !r.inferredPredecessors.isEmpty { name = web.t(.completenessInferred, name, r.inferredPredecessors.joined(separator: "、")) }
            return [
                .text(name), .text(String(r.villages)), .text(String(r.villagesWithoutCode)),
                .text(String(r.villagesWithoutRealPosition)), .text(String(r.villagesWithPopulation)),
                .text(reportText(r.schoolsReport, web)),
            ]
        }
        let counts = el(
            "p", [],
            StatusColor.allCases.map { c in
                el("span", [("class", "status \(c.rawValue)")], text: "\(web.t(c.label)) \(d.statuses.filter { $0.status == c }.count)")
            })
        let alerts = d.statuses.filter { $0.status == .red || $0.status == .yellow }.sorted { $0.status < $1.status }
        let alertList = el(
            "ul", [],
            alerts.map { s in
                el(
                    "li", [],
                    [Components.status(s.status, web), .text(" \(s.indicator.name(web.language)) · \(s.areaName)：\(web.t(s.reason))")])
            })
        return [
            figures,
            el("h2", text: web.t(.uiSchoolDiagnosis)), flagCounts, el("ul", [], schoolItems),
            el("p", [], [el("a", [("href", "/schools")], text: web.t(.uiSeeAllSchools))]),
            el("h2", text: web.t(.uiIndicatorStatus)), counts, alertList,
            el("p", [], [el("a", [("href", "/indicators")], text: web.t(.uiSeeIndicators))]),
            el("h2", text: web.t(.uiPastDeadlineTasks)),
            d.pastDeadline.isEmpty
                ? el("p", text: web.t(.uiNoPastDeadline))
                : el(
                    "ul", [],
                    d.pastDeadline.map { task in
                        let state = task.deadlineState(now: d.now)
                        return el(
                            "li", [],
                            [
                                Components.deadline(state, web),
                                .text(" " + web.t(.uiTaskDeadlineLine, task.code, task.name, task.deadlineText.map(web.t) ?? "—")),
                            ])
                    }),
            el("h2", text: web.t(.uiCompleteness)),
            Components.exports("/completeness", web),
            Components.table(
                [
                    web.t(.labelTownship), web.t(.uiVillages), web.t(.uiNoCode), web.t(.uiNoRealPosition), web.t(.uiWithPopulation),
                    web.t(.labelReportStatus),
                ], completenessRows),
            el("p", [("class", "muted")], text: web.t(.uiCompletenessNote)),
        ]
    }

    static func reportText(_ status: ReportStatus?, _ web: WebContext) -> String {
        switch status {
        case .reported: web.t(.labelReported)
        case .notReported: web.t(.labelNotReported)
        case nil: web.t(.labelNotMentioned)
        }
    }
}
