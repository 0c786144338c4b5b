import Domain
import Localization
import Monitoring
import Reports
import Services

/// `/indicators`: status cards with trend charts and their target lines, a per-township table,
/// and a form to record an observation (validated by the same rules as imports).
enum IndicatorsPage {
    /// An area the form offers, with its tier: the form offers an indicator only the areas at
    /// whose tier it is reported (the page's script hides the others).
    struct Area {
        var name: String
        var tier: DivisionTier
    }

    /// A tier as the form's `data-tier` / `data-tiers` write it.
    static func tierKey(_ tier: DivisionTier) -> String { "\(tier.rawValue)" }

    static func content(
        _ statuses: [IndicatorStatus], indicators: [Indicator], areas: [Area], message: HTMLNode?,
        entered: FormFields = FormFields(), _ web: WebContext
    ) -> [HTMLNode] {
        var nodes: [HTMLNode] = [Components.reportLinks(web)]
        if let message { nodes.append(message) }
        if let principal = web.principal, principal.role != .viewer {
            let writable = indicators.filter { principal.mayWrite(Bureau.owner(ofCode: $0.code)) }
            if !writable.isEmpty { nodes.append(form(indicators: writable, areas: areas, entered: entered, web)) }
        }
        var cards: [HTMLNode] = []
        var seen = Set<String>()
        for s in statuses where seen.insert(s.indicator.code).inserted {
            let all = statuses.filter { $0.indicator.code == s.indicator.code }
            let lead = all.first { !$0.history.isEmpty } ?? all[0]
            cards.append(
                el(
                    "div", [("class", "card"), ("id", s.indicator.code)],
                    [
                        el("div", [], [Components.status(lead.status, web), .text(" " + s.indicator.name(web.language))]),
                        el("div", [("class", "muted")], text: "\(s.indicator.code) · \(web.t(lead.reason))"),
                        el("div", [("class", "chart")], [.raw(PrintableReport.chart(lead, web.language))]),
                    ] + (s.indicator.denominatorNote(in: indicators).map { [el("div", [("class", "muted")], text: web.t($0))] } ?? [])))
        }
        nodes.append(el("div", [("class", "side-by-side")], cards))
        nodes.append(el("h2", text: web.t(.uiByArea)))
        nodes.append(Components.exports("/indicators", web, print: false))
        let rows = statuses.filter { !$0.history.isEmpty || $0.target != nil || $0.undatedValue != nil }.map { s -> [HTMLNode] in
            [
                Components.status(s.status, web), .text(s.indicator.name(web.language)), .text(s.areaName),
                .text(s.latest.map { web.t(s.indicator.latestText($0)) } ?? s.undatedValue.map { s.indicator.valueText($0) } ?? "—"),
                .text(s.target.map { web.t(s.indicator.targetText($0)) } ?? "—"),
                .text(s.expectedNow.map { s.indicator.valueText($0) } ?? "—"), .text(web.t(s.reason)),
            ]
        }
        nodes.append(
            Components.table(
                [
                    web.t(.uiStatus), web.t(.uiIndicator), web.t(.uiArea), web.t(.uiLatest), web.t(.uiTarget), web.t(.uiExpectedNow),
                    web.t(.labelReasons),
                ],
                rows, classes: "sortable"))
        return nodes
    }

    /// The record form; after a refusal it shows what was entered (`entered`).
    static func form(indicators: [Indicator], areas: [Area], entered: FormFields = FormFields(), _ web: WebContext) -> HTMLNode {
        let valued = indicators.filter { $0.kind == .value }
        return el(
            "form", [("class", "inline"), ("method", "post"), ("action", "/indicators/record")],
            [
                Layout.csrfField(web),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiIndicator)),
                        el(
                            "select", [("name", "code")],
                            valued.map {
                                el(
                                    "option",
                                    [("value", $0.code), ("data-tiers", $0.levels.map(tierKey).joined(separator: " "))]
                                        + entered.selected("code", $0.code),
                                    text: "\($0.code) \($0.name(web.language))")
                            }),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiArea)),
                        el(
                            "select", [("name", "area"), ("data-tier-of", "code")],
                            // Chinese names are marked lang="zh" on an English page by the layout.
                            areas.map { area in
                                el(
                                    "option",
                                    [("value", area.name), ("data-tier", tierKey(area.tier))] + entered.selected("area", area.name),
                                    text: area.name)
                            }),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiPeriod)),
                        el(
                            "input",
                            [("name", "period"), ("placeholder", "2024 / 2024Q2 / 2024-05"), ("required", "required")]
                                + entered.kept("period")),
                    ]),
                el(
                    "label", [],
                    [.text(web.t(.uiValue)), el("input", [("name", "value"), ("required", "required")] + entered.kept("value"))]),
                el("label", [], [.text(web.t(.uiSource)), el("input", [("name", "source")] + entered.kept("source"))]),
                el("button", [("type", "submit")], text: web.t(.uiRecord)),
            ])
    }
}
