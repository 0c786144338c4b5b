import Analysis
import Charts
import Domain
import Localization
import Planning
import Services

/// `/scenarios`: the form to run a consolidation scenario, the stored scenarios, a scenario on the
/// map with lines from each school to where its pupils go, and scenarios side by side. Wherever a
/// scenario's figures are shown, its notes (positions, assumed splits and limits) are shown too.
enum ScenariosPage {
    static func index(
        _ scenarios: [Scenario], schools: [PlanningSchool], compare: [Scenario], message: HTMLNode?,
        entered: FormFields = FormFields(), _ web: WebContext
    ) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        if let message { nodes.append(message) }
        if web.principal?.mayWriteCountyLevel(.education) == true { nodes.append(form(schools: schools, entered: entered, web)) }
        nodes.append(el("h2", text: web.t(.uiStoredScenarios)))
        let rows = scenarios.map { s -> [HTMLNode] in
            let r = s.result
            return [
                el("input", [("type", "checkbox"), ("name", "compare"), ("value", String(s.id.rawValue)), ("form", "compare-form")]),
                el("a", [("href", "/scenarios/\(s.id)")], text: "#\(s.id) \(s.name)"), .text(web.t(r.options.level.label)),
                .text(web.t(r.options.model.label)), .text(String(r.schoolsKept)), .text(String(r.schoolsClosed)),
                .text(Format.fixed(r.pupilsMoved, digits: 0)), .text(web.t(r.options.unit.quantity(r.meanCost, digits: 2))),
                .text(r.provenOptimal ? web.t(.uiYes) : web.t(.uiNo)),
            ]
        }
        nodes.append(
            Components.table(
                [
                    "", web.t(.uiName), web.t(.uiStage), web.t(.uiModel), web.t(.uiKept), web.t(.uiClosed), web.t(.uiMoved),
                    web.t(.uiMeanJourney), web.t(.uiOptimal),
                ],
                rows))
        nodes.append(
            el(
                "form", [("id", "compare-form"), ("method", "get"), ("action", "/scenarios")],
                [el("button", [("type", "submit")], text: web.t(.uiCompare))]))
        if compare.count >= 2 { nodes += comparison(compare, web) }
        return nodes
    }

    /// The run form; after a refusal it shows what was entered (`entered`).
    static func form(schools: [PlanningSchool], entered: FormFields = FormFields(), _ web: WebContext) -> HTMLNode {
        el(
            "form", [("class", "inline"), ("method", "post"), ("action", "/scenarios")],
            [
                Layout.csrfField(web),
                el(
                    "label", [], [.text(web.t(.uiName)), el("input", [("name", "name"), ("required", "required")] + entered.kept("name"))]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiModel)),
                        el(
                            "select", [("name", "model")],
                            PlanningModel.allCases.map {
                                el("option", [("value", $0.rawValue)] + entered.selected("model", $0.rawValue), text: web.t($0.label))
                            }),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiStage)),
                        el(
                            "select", [("name", "level")],
                            PlanningLevel.allCases.map {
                                el("option", [("value", $0.rawValue)] + entered.selected("level", $0.rawValue), text: web.t($0.label))
                            }),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiSchoolsToKeep)),
                        el("input", [("name", "p"), ("type", "number"), ("min", "1")] + entered.kept("p", initial: "12")),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiRadius)),
                        el(
                            "input",
                            [("name", "radius"), ("type", "number"), ("step", "0.1"), ("min", "0"), ("placeholder", "km")]
                                + entered.kept("radius")),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiMaxWalkDerived)),
                        el("input", [("name", "maxWalk"), ("type", "number"), ("step", "0.1"), ("min", "0.1")] + entered.kept("maxWalk")),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiMustStayOpen)),
                        el(
                            "select", [("name", "keep"), ("multiple", "multiple"), ("size", "4")],
                            schools.map {
                                let id = String($0.school.id.rawValue)
                                return el(
                                    "option", [("value", id)] + entered.selected("keep", id), text: "\($0.townshipName)/\($0.school.name)")
                            }),
                        el("span", [("class", "muted")], text: web.t(.uiKeepHint)),
                    ]),
                el("button", [("type", "submit")], text: web.t(.uiRun)),
            ])
    }

    /// Measures side by side, then each scenario's notes.
    static func comparison(_ scenarios: [Scenario], _ web: WebContext) -> [HTMLNode] {
        let rows = ScenarioComparison.rows(scenarios).map { row -> [HTMLNode] in
            [.text(web.t(row.label))] + row.values.map { .text(web.t($0)) }
        }
        func chart(_ title: String, unit: String, _ value: (ConsolidationResult) -> Double) -> HTMLNode {
            let bars = scenarios.map {
                BarChart.Bar(label: "#\($0.id) \($0.name)", value: value($0.result), reference: nil, color: "#2c7fb8")
            }
            return el("div", [("class", "chart")], [.raw(BarChart(title: title, unit: unit, bars: bars, referenceLabel: "").svg())])
        }
        let unit = web.t(scenarios[0].result.options.unit.label)
        return [
            el("h2", text: web.t(.uiComparison)),
            Components.table([HTMLNode.text(web.t(.uiMeasure))] + scenarios.map { Components.data("#\($0.id) \($0.name)", web) }, rows),
            el("p", [("class", "muted")], text: web.t(.uiMeasuresExplained)),
            el(
                "div", [("class", "side-by-side")],
                // Journeys are compared only when every scenario measures them in the same unit.
                (Set(scenarios.map(\.result.options.unit)).count == 1 ? [chart(web.t(.cmpMean), unit: unit) { $0.meanCost }] : []) + [
                    chart(web.t(.cmpMoved), unit: web.t(.uiUnitPersons)) { $0.pupilsMoved },
                    chart(web.t(.cmpBeyond), unit: web.t(.uiUnitPersons)) { $0.pupilsBeyondWalk },
                ]),
            el("h3", text: web.t(.uiNotes)),
        ]
            + scenarios.map { s in
                el("div", [("class", "muted notes")], [el("strong", text: "#\(s.id) \(s.name)"), notes(s, web)])
            }
    }

    /// A scenario's notes as a list.
    static func notes(_ s: Scenario, _ web: WebContext) -> HTMLNode {
        el("ul", [("class", "muted notes")], s.notes.map { el("li", text: web.t($0)) })
    }

    /// Lines from each school whose pupils move to the school that receives them.
    static func links(_ r: ConsolidationResult, _ web: WebContext) -> [CountyMap.Link] {
        let byKey = Dictionary(r.sites.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return r.assignments.filter { $0.from != $0.to }.compactMap { a in
            guard let from = byKey[a.from], let to = byKey[a.to] else { return nil }
            return CountyMap.Link(
                from: (from.longitude, from.latitude), to: (to.longitude, to.latitude), color: a.beyondWalkLimit ? "#c0392b" : "#2c7fb8",
                title:
                    "\(a.fromName) → \(a.toName) \(Format.fixed(a.pupils, digits: 0)) \(web.t(.uiUnitPersons)) \(web.t(r.options.unit.quantity(a.cost, digits: 2)))"
            )
        }
    }

    /// Whether the scenario is adopted (what it made, the indicators now and under the plan) and
    /// the button that adopts or reverts it, for those who may.
    static func adoptionSection(_ s: Scenario, _ adoption: Adoption?, _ web: WebContext) -> HTMLNode {
        let editable = web.principal?.mayWriteCountyLevel(.education) == true
        var nodes: [HTMLNode] = [el("h2", [("id", "adoption")], text: web.t(.uiAdoption))]
        if let adoption {
            nodes.append(
                el(
                    "p", [],
                    text: web.t(.adopted, adoption.scenario.name, adoption.closedSchools.count, adoption.assets.count, adoption.tasks.count)
                ))
            nodes.append(
                Components.table(
                    [web.t(.colIndicator), web.t(.uiNow), web.t(.uiUnderPlan)],
                    adoption.indicators.map { i in
                        [
                            .text(web.t(i.name) + "（\(i.unit)）"), Components.number(i.now, digits: i.isCount ? 0 : 1),
                            Components.number(i.underPlan, digits: i.isCount ? 0 : 1),
                        ]
                    }))
            nodes += adoption.notes.map { el("p", [("class", "muted")], text: web.t($0)) }
            nodes.append(el("p", [], [el("a", [("href", "/assets")], text: web.t(.assetsTitle))]))
        } else {
            nodes.append(el("p", [("class", "muted")], text: web.t(.uiNotAdopted)))
        }
        if editable {
            let action = adoption == nil ? "adopt" : "revert"
            nodes.append(
                el(
                    "form", [("class", "inline"), ("method", "post"), ("action", "/scenarios/\(s.id.rawValue)/\(action)")],
                    [Layout.csrfField(web)]
                        + (adoption == nil
                            ? []
                            : [
                                el(
                                    "label", [],
                                    [el("input", [("type", "checkbox"), ("name", "force")]), .text(" " + web.t(.uiRevertForce))])
                            ])
                        + [
                            el(
                                "button",
                                [("type", "submit"), ("data-confirm", web.t(adoption == nil ? .uiConfirmAdopt : .uiConfirmRevert))],
                                text: web.t(adoption == nil ? .uiAdopt : .uiRevertAdoption))
                        ]))
        }
        return el("section", [], nodes)
    }

    /// Rename and delete, for those who may store scenarios (the education bureau's county work).
    static func manage(_ s: Scenario, entered: FormFields? = nil, adopted: Bool = false, _ web: WebContext) -> HTMLNode {
        guard web.principal?.mayWriteCountyLevel(.education) == true else { return .group([]) }
        let name = entered?.text("name") ?? s.name
        return el(
            "div", [("class", "manage")],
            [
                el(
                    "form", [("class", "inline"), ("method", "post"), ("action", "/scenarios/\(s.id.rawValue)/rename")],
                    [
                        Layout.csrfField(web),
                        el(
                            "label", [],
                            [.text(web.t(.uiName)), el("input", [("name", "name"), ("value", name), ("required", "required")])]),
                        el("button", [("type", "submit")], text: web.t(.uiRename)),
                    ]),
                // An adopted scenario cannot be deleted: no button for it.
                adopted
                    ? .group([])
                    : el(
                        "form", [("class", "inline"), ("method", "post"), ("action", "/scenarios/\(s.id.rawValue)/delete")],
                        [
                            Layout.csrfField(web),
                            el(
                                "button", [("type", "submit"), ("class", "secondary"), ("data-confirm", web.t(.uiConfirmDelete))],
                                text: web.t(.uiDeleteScenario)),
                        ]),
            ])
    }

    static func detail(
        _ s: Scenario, map data: MapData, adoption: Adoption? = nil, message: HTMLNode? = nil, entered: FormFields? = nil, _ web: WebContext
    ) -> [HTMLNode] {
        let r = s.result
        var map = MapPage.map(data, web, links: links(r, web))
        let closed = Set(r.closedSites.compactMap(\.schoolID).map { "s\($0)" })
        map.schools = map.schools.map { m in
            var m = m
            if closed.contains(m.id) { m.fill = "#ffffff" }
            return m
        }
        map.schools += r.sites.filter { $0.isNew && $0.open }.map {
            CountyMap.Marker(
                id: "new-\($0.name)", lon: $0.longitude, lat: $0.latitude, label: $0.name, radius: 9, fill: "#f1c40f",
                quality: $0.illustrative ? .illustrative : .real)
        }
        map.legend = [
            .init(color: "#2c7fb8", text: web.t(.uiLegendMove)), .init(color: "#c0392b", text: web.t(.uiLegendBeyondWalk)),
            .init(color: "#ffffff", text: web.t(.uiLegendClosed)), .init(color: "#f1c40f", text: web.t(.uiLegendNewSite)),
            .init(color: "#fff", text: web.t(.uiLegendApproximate), quality: .approximate),
            .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative),
        ]
        let moves = r.assignments.filter { $0.from != $0.to }.map { a -> [HTMLNode] in
            [
                .text(a.fromName), .text(Format.fixed(a.pupils, digits: 0)), .text(a.toName), .text(Format.fixed(a.cost, digits: 2)),
                .text(a.beyondWalkLimit ? web.t(.uiYes) : ""),
            ]
        }
        let measures = ScenarioComparison.rows([s]).map { row -> [HTMLNode] in [.text(web.t(row.label)), .text(web.t(row.values[0]))] }
        return [
            message ?? .group([]), manage(s, entered: entered, adopted: adoption != nil, web), adoptionSection(s, adoption, web),
            el("p", text: "\(web.t(r.options.level.label)) · \(web.t(r.options.model.label))"),
            notes(s, web),
        ] + MapPage.view(map, web) + [
            el("h2", text: web.t(.uiWherePupilsGo)),
            Components.exports("/scenarios/\(s.id.rawValue)/table", web),
            Components.table(
                [
                    web.t(.labelSchool), web.t(.uiPupils), web.t(.uiGoesTo), web.bracketed(web.t(.uiJourney), web.t(r.options.unit.label)),
                    web.t(.uiBeyondWalk),
                ],
                moves),
            el("h2", text: web.t(.uiWhatItMeans)),
            Components.table([web.t(.uiMeasure), web.t(.uiValue)], measures),
            el("p", [("class", "muted")], text: web.t(.uiMeasuresExplained)),
            el(
                "p",
                text: web.field(
                    web.t(.uiIdleSites),
                    r.closedSites.map { "\($0.name) \(Format.number($0.landMu ?? 0, digits: 2)) \(web.t(.unitMu))" }.joined(
                        separator: web.language == .zh ? "、" : ", "))),
            el("h3", text: web.t(.uiNotes)), notes(s, web),
            el("p", [], [el("a", [("href", "/scenarios")], text: web.t(.uiBack))]),
        ]
    }

    static func progress(_ jobID: String, _ web: WebContext) -> [HTMLNode] {
        [
            el("p", [("id", "job-progress"), ("data-poll", "/api/v1/scenarios/jobs/\(jobID)")], text: web.t(.uiSolving)),
            el("noscript", [], [el("p", [], [el("a", [("href", "/scenarios")], text: web.t(.uiBack))])]),
        ]
    }
}
