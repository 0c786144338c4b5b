import Analysis
import Charts
import Domain
import Foundation
import Localization
import Services

/// `/villages`: 村庄分类 — the map coloured by type, the table with filters and reasons, the rules
/// (editable by those allowed), 村组合并 candidates; `/zoning`, `/parks`, `/assets`.
enum VillagesPage {
    /// The colour of a type on the map and in the legend.
    static func color(_ type: VillageType) -> String {
        switch type {
        case .gatherAndUpgrade: "#1a9850"
        case .suburban: "#2c7fb8"
        case .heritageProtection: "#d95f0e"
        case .relocateMerge: "#756bb1"
        case .unclassified: "#bbb"
        }
    }

    /// A select filtering the table's rows by their `data-flags`, the text filter, and the downloads.
    static func filters(_ options: [(String, String)], label: String, exports base: String, _ web: WebContext) -> HTMLNode {
        el(
            "form", [("class", "inline"), ("onsubmit", "return false")],
            [
                el("label", [], [.text(web.t(.uiFilter)), el("input", [("id", "table-filter"), ("type", "search")])]),
                el(
                    "label", [],
                    [
                        .text(label),
                        el(
                            "select", [("id", "flag-filter")],
                            [el("option", [("value", "")], text: web.t(.uiAll))]
                                + options.map { el("option", [("value", $0.0)], text: $0.1) }),
                    ]),
                Components.exports(base, web),
            ])
    }

    static func villages(
        _ report: VillageReport, merges: [MergeCandidate], map data: MapData, message: HTMLNode? = nil, _ web: WebContext
    ) -> [HTMLNode] {
        var content: [HTMLNode] = message.map { [$0] } ?? []
        content.append(
            el(
                "p", [],
                text: VillageType.allCases.map { "\(web.t($0.label)) \(report.count($0))" }.joined(
                    separator: web.language == .zh ? "，" : ", ")))
        content += report.hints.map { el("p", [("class", "warning")], text: web.t($0)) }
        if report.communitiesNotClassified > 0 {
            content.append(el("p", [("class", "muted")], text: web.t(.communitiesNotClassified, report.communitiesNotClassified)))
        }
        var map = MapPage.map(data, web)
        let types = Dictionary(report.villages.map { ($0.facts.id, $0) }, uniquingKeysWith: { a, _ in a })
        map.schools = []
        map.villages = data.register.divisions.compactMap { v in
            guard let c = types[v.id], let p = v.location else { return nil }
            return CountyMap.Marker(
                id: "v\(v.id)", lon: p.longitudeDegrees, lat: p.latitudeDegrees, label: v.name, radius: 3.5, fill: color(c.type),
                quality: MapPage.quality(v.locationQuality),
                data: [("field-1", web.t(c.type.label)), ("field-2", c.reasons.map { web.t($0) }.joined(separator: "；"))])
        }
        map.legend =
            VillageType.allCases.map { CountyMap.LegendEntry(color: color($0), text: web.t($0.label)) } + [
                .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative)
            ]
        content += MapPage.view(map, web)
        content.append(el("h2", [], text: web.t(.villagesTitle)))
        content.append(
            filters(VillageType.allCases.map { ($0.rawValue, web.t($0.label)) }, label: web.t(.colVillageType), exports: "/villages", web))
        let rows = report.villages.map { c -> [HTMLNode] in
            [
                .text(c.facts.code ?? "—"), Components.data(c.facts.name, web), Components.data(c.facts.township, web),
                el("span", [("class", "status"), ("style", "border-left: 6px solid \(color(c.type))")], text: web.t(c.type.label)),
                Components.number(c.facts.population.map(Double.init), digits: 0), Components.number(c.facts.declinePercent, digits: 1),
                el("span", [("class", "reasons")], text: c.reasons.map { web.t($0) }.joined(separator: web.language == .zh ? "；" : "; ")),
            ]
        }
        content.append(
            Components.table(
                [
                    web.t(.colCode), web.t(.colName), web.t(.colTownship), web.t(.colVillageType), web.t(.colVillagePopulation),
                    web.t(.colDecline), web.t(.colReasons),
                ].map { HTMLNode.text($0) }, rows, classes: "sortable filterable",
                rowAttributes: report.villages.map { [("data-flags", $0.type.rawValue)] }, noMatch: web.t(.uiNoMatch)))
        content.append(el("h2", [("id", "rules")], text: web.t(.uiVillageRules)))
        content.append(el("p", [("class", "muted")], text: web.t(.villageRulesOrderNote)))
        let skipped = Dictionary((report.skipped + report.limited).map { ($0.rule.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let editable = web.principal?.mayWriteCountyLevel(.naturalResources) == true
        content.append(
            Components.table(
                [web.t(.colRule), web.t(.colEnabled), web.t(.uiChecked)] + (editable ? [web.t(.uiChange)] : []),
                report.rules.map { rule in
                    [
                        .text(web.t(rule.statement)), .text(web.t(rule.enabled ? .uiYes : .uiNo)),
                        .text(skipped[rule.id].map { web.t($0) } ?? (rule.enabled ? web.t(.uiYes) : "—")),
                    ] + (editable ? [ruleForm(rule, web)] : [])
                }))
        if !editable {
            content.append(
                el(
                    "p", [("class", "muted")],
                    [.text(web.t(.uiVillageRulesEdit) + " "), el("code", [], text: "chengxiang villages rules set")]))
        }
        content.append(
            el("h2", [], [.text(web.t(.uiMergeCandidates) + " "), Components.exports("/villages/merge-candidates", web, print: false)]))
        if merges.isEmpty {
            content.append(el("p", [("class", "muted")], text: web.t(.mergeCandidatesNone)))
        } else {
            content.append(
                Components.table(
                    [
                        web.t(.colVillage), web.t(.colTownship), web.t(.colVillagePopulation), web.t(.colDecline), web.t(.colMergeTarget),
                        web.t(.colTravelKm),
                    ],
                    merges.map { m in
                        [
                            Components.data(m.village.name, web), Components.data(m.village.township, web),
                            Components.number(m.village.population.map(Double.init), digits: 0),
                            Components.number(m.village.declinePercent, digits: 1), Components.data(m.target.name, web),
                            Components.number(m.travelKm, digits: 1),
                        ]
                    }, classes: "sortable"))
            content.append(el("p", [("class", "muted")], text: web.t(.travelByDetour, "1.3")))
        }
        return content
    }

    /// A rule's type, thresholds and switch, saved by `POST /villages/rules/:position`.
    static func ruleForm(_ rule: VillageRule, _ web: WebContext) -> HTMLNode {
        var fields: [HTMLNode] = [
            Layout.csrfField(web),
            el(
                "select", [("name", "type"), ("aria-label", web.t(.colVillageType))],
                VillageType.allCases.filter { $0 != .unclassified }.map { t in
                    el("option", [("value", t.rawValue)] + (t == rule.type ? [("selected", "selected")] : []), text: web.t(t.label))
                }),
        ]
        for (index, value) in [rule.threshold, rule.secondThreshold].enumerated() where rule.condition.thresholds > index {
            fields.append(
                el(
                    "input",
                    [
                        ("name", index == 0 ? "threshold" : "second"), ("size", "6"),
                        ("value", value.map { Format.number($0, digits: 3) } ?? ""),
                        ("aria-label", web.t(.colThreshold)),
                    ]))
        }
        fields.append(
            el(
                "label", [],
                [
                    el("input", [("type", "checkbox"), ("name", "enabled")] + (rule.enabled ? [("checked", "checked")] : [])),
                    .text(" " + web.t(.colEnabled)),
                ]))
        fields.append(el("button", [("type", "submit")], text: web.t(.uiSave)))
        return el("form", [("method", "post"), ("action", "/villages/rules/\(rule.position)#rules"), ("class", "inline")], fields)
    }

    /// The colour of a zone, best first.
    static func color(_ zone: AgriculturalZone) -> String {
        switch zone {
        case .priority: "#1a9850"
        case .optimise: "#91cf60"
        case .moderate: "#fee08b"
        case .protect: "#fc8d59"
        }
    }

    static func zoning(_ report: ZoningReport, criteria: [ZoningCriterion], map data: MapData, _ web: WebContext) -> [HTMLNode] {
        var content: [HTMLNode] = report.villages.isEmpty ? [el("p", [], text: web.t(.zoningNoData))] : []
        content.append(el("p", [("class", "muted")], text: web.t(.zoningMethod)))
        let editable = web.principal?.mayWriteCountyLevel(.agriculture) == true
        let weightRows = criteria.map { c -> [HTMLNode] in
            [
                .text(web.t(c.key.label)), .text(c.key.isCost ? web.t(.uiCostCriterion) : web.t(.uiBenefitCriterion)),
                editable
                    ? el(
                        "input",
                        [
                            ("name", c.key.rawValue), ("size", "6"), ("form", "weights"),
                            ("value", Format.number(c.enabled ? c.weight : 0, digits: 3)),
                            ("aria-label", web.t(.colWeight)),
                        ]) : Components.number(c.enabled ? c.weight : 0, digits: 3),
                Components.number(report.criteria.first { $0.key == c.key }?.weight, digits: 3),
            ]
        }
        content.append(el("h2", [], text: web.t(.uiZoningWeights)))
        content.append(
            Components.table([web.t(.colName), web.t(.uiDirection), web.t(.colWeight), web.t(.uiNormalisedWeight)], weightRows))
        if editable {
            content.append(
                el(
                    "form", [("id", "weights"), ("method", "post"), ("action", "/zoning/weights")],
                    [Layout.csrfField(web), el("button", [("type", "submit")], text: web.t(.uiSave))]))
        }
        if report.defaultWeights { content.append(el("p", [("class", "muted")], text: web.t(.zoningDefaultWeights))) }
        content += report.notes.map { el("p", [("class", "muted")], text: web.t($0)) }
        guard !report.villages.isEmpty else { return content }
        if let s = report.stability {
            content.append(el("p", [], text: web.t(.zoningUnstableWeb, Format.number(100 * s.shareChanged, digits: 1), s.runs)))
        }
        // The zoned villages on the map, coloured by zone.
        var map = MapPage.map(data, web)
        map.schools = []
        let zoned = Dictionary(report.villages.compactMap { v in v.code.map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
        map.villages = data.register.divisions.compactMap { d in
            guard let code = d.code?.description, let v = zoned[code], let p = d.location else { return nil }
            return CountyMap.Marker(
                id: "v\(d.id)", lon: p.longitudeDegrees, lat: p.latitudeDegrees, label: d.name, radius: 4, fill: color(v.zone),
                quality: MapPage.quality(d.locationQuality),
                data: [("field-1", web.t(v.zone.label)), ("field-2", "\(web.t(.colScore)) \(Format.number(v.score, digits: 3))")])
        }
        map.legend =
            AgriculturalZone.allCases.map { CountyMap.LegendEntry(color: color($0), text: web.t($0.label)) } + [
                .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative)
            ]
        content += MapPage.view(map, web)
        content.append(el("h2", [], text: web.t(.zoningTitle)))
        content.append(
            filters(
                AgriculturalZone.allCases.map { (String($0.rawValue), web.t($0.label)) }, label: web.t(.colZone), exports: "/zoning", web))
        content.append(
            Components.table(
                [web.t(.colName), web.t(.colTownship), web.t(.colScore), web.t(.colZone), web.t(.colUnstable)].map { HTMLNode.text($0) },
                report.villages.map { v in
                    [
                        Components.data(v.name, web), Components.data(v.township, web), Components.number(v.score, digits: 3),
                        .text(web.t(v.zone.label)), .text(web.t(v.unstable ? .uiYes : .uiNo)),
                    ]
                }, classes: "sortable filterable", rowAttributes: report.villages.map { [("data-flags", String($0.zone.rawValue))] },
                noMatch: web.t(.uiNoMatch)))
        if !report.unzoned.isEmpty {
            content.append(el("p", [("class", "muted")], text: web.t(.zoningUnzoned, report.unzoned.count)))
        }
        return content
    }

    static func parks(_ parks: [ParkView], _ web: WebContext) -> [HTMLNode] {
        guard !parks.isEmpty else { return [el("p", [("class", "muted")], text: web.t(.parksNone))] }
        var content: [HTMLNode] = [el("p", [], [Components.exports("/parks", web)])]
        content.append(
            Components.table(
                [
                    web.t(.colPark), web.t(.colTownship), web.t(.colKind), web.t(.colStatus), web.t(.uiIndustries), web.t(.uiBoundary),
                    web.t(.colSource),
                ],
                parks.map { p in
                    [
                        Components.data(p.park.name, web), Components.data(p.township, web), Components.data(p.park.kind, web),
                        .text(web.t(p.park.status.label)), p.park.industries.map { Components.data($0, web) } ?? .text("—"),
                        p.park.boundaryLayer.map { Components.data("\($0) #\(p.park.boundaryFeature.map(String.init) ?? "—")", web) }
                            ?? .text(web.t(.uiNoBoundary)),
                        Components.data(p.park.source, web),
                    ]
                }))
        content.append(el("h2", [], text: web.t(.uiParkFigures)))
        let years = parks.flatMap { p in p.years.map { (p, $0) } }
        if years.isEmpty {
            content.append(el("p", [("class", "muted")], text: web.t(.parkNoEnterprises)))
        } else {
            content.append(
                Components.table(
                    [web.t(.colPark), web.t(.colYear), web.t(.colEnterprises), web.t(.colJobs), web.t(.colOutput), web.t(.colInvestment)],
                    years.map { p, y in
                        [
                            Components.data(p.park.name, web), .text(String(y.year)), Components.number(Double(y.enterprises), digits: 0),
                            partial(y.jobs.map(Double.init), digits: 0, y.jobsReported, y.enterprises, web),
                            partial(y.outputWan, digits: 1, y.outputReported, y.enterprises, web),
                            partial(y.investmentWan, digits: 1, y.investmentReported, y.enterprises, web),
                        ]
                    }, classes: "sortable"))
        }
        content.append(
            el("p", [("class", "muted")], [.text(web.t(.uiParksImport) + " "), el("code", [], text: "chengxiang parks import")]))
        return content
    }

    /// A sum, with 「（1/2 家填报）」 when fewer enterprises reported it than there are.
    static func partial(_ value: Double?, digits: Int, _ reported: Int, _ of: Int, _ web: WebContext) -> HTMLNode {
        guard let value else { return .text("—") }
        let number = Format.number(value, digits: digits)
        return .text(reported < of ? web.t(.partialSum, number, reported, of) : number)
    }

    static func assets(_ assets: [AssetView], map data: MapData, message: HTMLNode? = nil, _ web: WebContext) -> [HTMLNode] {
        var content: [HTMLNode] = message.map { [$0] } ?? []
        // The assets on the map: at their own position, else at their village's (approximate, or 示意).
        var map = MapPage.map(data, web)
        map.schools = []
        map.villages = assets.compactMap { v in
            guard let p = v.mapPosition else { return nil }
            let quality: CountyMap.Quality = v.positionIllustrative ? .illustrative : v.positionIsOwn ? .real : .approximate
            return CountyMap.Marker(
                id: "a\(v.asset.id.rawValue)", lon: p.longitudeDegrees, lat: p.latitudeDegrees, label: v.asset.name, radius: 5,
                fill: v.asset.status == .idle ? "#c0392b" : "#27ae60", quality: quality,
                data: [("field-1", web.t(v.asset.kind.label)), ("field-2", web.t(v.asset.status.label))])
        }
        map.legend = [
            .init(color: "#c0392b", text: web.t(AssetStatus.idle.label)), .init(color: "#27ae60", text: web.t(.uiAssetInUseOrPlanned)),
            .init(color: "#fff", text: web.t(.uiLegendApproximate), quality: .approximate),
            .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative),
        ]
        guard !assets.isEmpty else {
            return content + [
                el("p", [("class", "muted")], text: web.t(.assetsNone)),
                el(
                    "p", [],
                    [
                        el("a", [("href", "/import")], text: web.t(.navImport)), .text(" · "),
                        el("code", [], text: "chengxiang assets import"),
                    ]),
            ]
        }
        if !map.villages.isEmpty { content += MapPage.view(map, web) }
        let total = assets.compactMap(\.asset.areaM2).reduce(0, +)
        content.append(el("p", [], text: web.t(.assetsSummary, assets.count, Format.number(Area.mu(fromSquareMetres: total), digits: 1))))
        content.append(
            filters(AssetStatus.allCases.map { ($0.rawValue, web.t($0.label)) }, label: web.t(.colStatus), exports: "/assets", web))
        let editable = web.principal?.mayWrite(.naturalResources) == true
        content.append(
            Components.table(
                ([
                    "ID", web.t(.colKind), web.t(.colName), web.t(.colVillage), web.t(.colTownship), web.t(.colAreaMu), web.t(.colStatus),
                    web.t(.colProposedUse), web.t(.colSource),
                ] + (editable ? [web.t(.uiChange)] : [])).map { HTMLNode.text($0) },
                assets.map { v in
                    let a = v.asset
                    return [
                        .text(String(a.id.rawValue)), .text(web.t(a.kind.label)), Components.data(a.name, web),
                        v.village.map { Components.data($0, web) } ?? .text("—"), Components.data(v.township, web),
                        Components.number(a.areaMu, digits: 2), .text(web.t(a.status.label)),
                        a.proposedUse.map { Components.data($0, web) } ?? .text("—"), Components.data(a.source, web),
                    ] + (editable ? [assetForm(a, web)] : [])
                }, classes: "sortable filterable", rowAttributes: assets.map { [("data-flags", $0.asset.status.rawValue)] },
                noMatch: web.t(.uiNoMatch)))
        return content
    }

    /// An asset's status and proposed use, saved by `POST /assets/:id`.
    static func assetForm(_ a: Stored<IdleAsset>, _ web: WebContext) -> HTMLNode {
        el(
            "form", [("method", "post"), ("action", "/assets/\(a.id.rawValue)"), ("class", "inline")],
            [
                Layout.csrfField(web),
                el(
                    "select", [("name", "status"), ("aria-label", web.t(.colStatus))],
                    AssetStatus.allCases.map { s in
                        el("option", [("value", s.rawValue)] + (s == a.status ? [("selected", "selected")] : []), text: web.t(s.label))
                    }),
                el(
                    "input",
                    [("name", "proposed_use"), ("size", "14"), ("value", a.proposedUse ?? ""), ("aria-label", web.t(.colProposedUse))]),
                el(
                    "input",
                    [
                        ("name", "actual_use"), ("size", "10"), ("value", a.actualUse ?? ""), ("placeholder", web.t(.colActualUse)),
                        ("aria-label", web.t(.colActualUse)),
                    ]),
                el(
                    "input",
                    [
                        ("name", "date"), ("size", "8"), ("value", a.date?.description ?? ""), ("placeholder", "2025-06"),
                        ("aria-label", web.t(.colDate)),
                    ]),
                el(
                    "input",
                    [
                        ("name", "evidence"), ("size", "10"), ("value", a.evidence ?? ""), ("placeholder", web.t(.colEvidence)),
                        ("aria-label", web.t(.colEvidence)),
                    ]),
                el("button", [("type", "submit")], text: web.t(.uiSave)),
            ])
    }
}
