import Domain
import Foundation
import Geo
import Localization
import Services

/// `/layers`: the plan layers with their source, systems, features, area, import date and who
/// imported them, each downloadable; `/conflicts`: conflict patches by rule and township, every
/// patch, the rules not checked, and the rules themselves.
enum LayersPage {
    static func layers(_ layers: [StoredLayer], _ web: WebContext) -> [HTMLNode] {
        guard !layers.isEmpty else {
            return [
                el("p", [("class", "muted")], text: web.t(.layersNone)), el("p", [], [el("code", [], text: "chengxiang layers import")]),
            ]
        }
        let rows = layers.map { l -> [HTMLNode] in
            [
                l.illustrative ? .text(web.t(.illustrativeName, l.name)) : Components.data(l.name, web), .text(web.t(l.kind.label)),
                Components.number(Double(l.featureCount), digits: 0), Components.number(l.areaM2, digits: 0),
                Components.number(Area.mu(fromSquareMetres: l.areaM2), digits: 1),
                .group([Components.data(l.sourceFile, web), .text(" (\(l.sourceFormat))")]),
                .text("EPSG:\(l.sourceCRS) → EPSG:\(l.workingCRS)"), .text(l.encoding ?? "—"),
                Components.number(Double(l.repairedCount), digits: 0),
                .text("\(l.importedAt.prefix(16).replacingOccurrences(of: "T", with: " ")) \(l.actor ?? "")"),
                el(
                    "span", [("class", "exports")],
                    LayerExportFormat.allCases.map { format in
                        el(
                            "a",
                            [
                                ("href", "/layers/\(l.id)/layer.\(format.download.fileExtension)"), ("download", "download"),
                                ("class", "export"),
                            ],
                            text: format == .shp ? "Shapefile" : format == .gpkg ? "GeoPackage" : "GeoJSON")
                    } + [
                        // For web maps and GPS: CGCS2000 degrees.
                        el(
                            "a",
                            [("href", "/layers/\(l.id)/layer.geojson?crs=EPSG:4490"), ("download", "download"), ("class", "export")],
                            text: web.t(.uiGeoJSONDegrees))
                    ]),
            ]
        }
        return [
            el("p", [("class", "muted")], text: web.t(.layersPageNote, layers.first?.workingCRS ?? 0)),
            Components.table(
                [
                    web.t(.colName), web.t(.colLayerKind), web.t(.colFeatures), web.t(.colAreaM2), web.t(.colAreaMu), web.t(.colSourceFile),
                    web.t(.uiSystems), web.t(.uiEncoding), web.t(.uiRepaired), web.t(.colImported), web.t(.uiDownload),
                ], rows, classes: "sortable"),
            el(
                "p", [],
                [
                    el("a", [("href", "/conflicts")], text: web.t(.conflictTitle)), .text(" · "),
                    el("a", [("href", "/map")], text: web.t(.navMap)),
                ]),
        ]
    }

    static func conflicts(_ report: ConflictReport, _ rules: [StoredConflictRule], message: HTMLNode? = nil, _ web: WebContext)
        -> [HTMLNode]
    {
        var content: [HTMLNode] = message.map { [$0] } ?? []
        if let crs = report.workingCRS { content.append(el("p", [("class", "muted")], text: web.t(.conflictsMeasuredIn, crs.epsg))) }
        if report.patches.isEmpty {
            content.append(el("p", [], text: web.t(.conflictsNone)))
        } else {
            content.append(
                el(
                    "p", [],
                    [
                        Components.exports("/conflicts", web),
                        el("a", [("href", "/conflicts.geojson"), ("download", "download"), ("class", "export")], text: "GeoJSON"),
                        el("a", [("href", "/conflicts.zip"), ("download", "download"), ("class", "export")], text: "Shapefile"),
                        el("a", [("href", "/map")], text: web.t(.uiConflictsOnMap)),
                    ]))
            content.append(el("h2", [], text: web.t(.uiConflictSummary)))
            content.append(
                Components.table(
                    [web.t(.colRule), web.t(.colTownship), web.t(.colPatches), web.t(.colAreaM2), web.t(.colAreaMu)],
                    report.summary.map { row in
                        [
                            .text(web.t(row.statement)), row.township.map { Components.data($0, web) } ?? .text("—"),
                            Components.number(Double(row.patches), digits: 0), Components.number(row.areaM2, digits: 1),
                            Components.number(Area.mu(fromSquareMetres: row.areaM2), digits: 2),
                        ]
                    }, classes: "sortable"))
            content.append(el("h2", [], text: web.t(.conflictTitle)))
            func feature(_ layer: String?, _ number: Int?, _ label: String?) -> HTMLNode {
                guard let layer, let number else { return .text("—") }
                return Components.data("\(layer) #\(number)" + (label.map { " \($0)" } ?? ""), web)
            }
            content.append(
                Components.table(
                    [
                        web.t(.colRule), web.t(.colSeverity), web.t(.colFeatureA), web.t(.colFeatureB), web.t(.colAreaM2),
                        web.t(.colAreaMu), web.t(.colTownship),
                    ],
                    report.patches.map { p in
                        [
                            .text(web.t(p.rule.statement) + (p.illustrative ? " " + web.t(.uiIllustrative) : "")),
                            .text(web.t(p.rule.severity.label)),
                            feature(p.layerA, p.featureA, p.labelA), feature(p.layerB, p.featureB, p.labelB),
                            Components.number(p.areaM2, digits: 1), Components.number(p.areaMu, digits: 2),
                            p.township.map { Components.data($0, web) } ?? .text("—"),
                        ]
                    }, classes: "sortable"))
            if report.patches.contains(where: { $0.townshipMatch == .nearestSeat }) {
                content.append(el("p", [("class", "muted")], text: web.t(.townshipByNearestSeat)))
            }
        }
        content.append(el("h2", [("id", "rules")], text: web.t(.uiConflictRules)))
        let skipped = Dictionary(report.skipped.map { ($0.rule.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let editable = web.principal?.mayWriteCountyLevel(.naturalResources) == true
        content.append(
            Components.table(
                [web.t(.colRuleID), web.t(.colRule), web.t(.colMinArea), web.t(.colSeverity), web.t(.colEnabled), web.t(.uiChecked)]
                    + (editable ? [web.t(.uiChange)] : []),
                rules.map { stored in
                    let rule = stored.rule
                    return [
                        .text(String(stored.id)), .text(web.t(rule.statement)), Components.number(rule.minimumArea, digits: 2),
                        .text(web.t(rule.severity.label)), .text(web.t(rule.enabled ? .uiYes : .uiNo)),
                        .text(skipped[stored.id].map { web.t($0) } ?? (rule.enabled ? web.t(.uiYes) : "—")),
                    ] + (editable ? [ruleForm(stored, web)] : [])
                }))
        if !editable {
            content.append(
                el(
                    "p", [("class", "muted")],
                    [.text(web.t(.uiConflictRulesEdit) + " "), el("code", [], text: "chengxiang conflicts rules")]))
        }
        return content
    }

    /// A rule's minimum patch area, severity and switch, saved by `POST /conflicts/rules/:id`.
    static func ruleForm(_ stored: StoredConflictRule, _ web: WebContext) -> HTMLNode {
        let rule = stored.rule
        return el(
            "form", [("method", "post"), ("action", "/conflicts/rules/\(stored.id)#rules"), ("class", "inline")],
            [
                Layout.csrfField(web),
                el(
                    "input",
                    [
                        ("name", "min_area"), ("size", "6"), ("value", Format.number(rule.minimumArea, digits: 2)),
                        ("aria-label", web.t(.colMinArea)),
                    ]),
                el(
                    "select", [("name", "severity"), ("aria-label", web.t(.colSeverity))],
                    ConflictSeverity.allCases.map { s in
                        el("option", [("value", s.rawValue)] + (s == rule.severity ? [("selected", "selected")] : []), text: web.t(s.label))
                    }),
                el(
                    "label", [],
                    [
                        el("input", [("type", "checkbox"), ("name", "enabled")] + (rule.enabled ? [("checked", "checked")] : [])),
                        .text(" " + web.t(.colEnabled)),
                    ]),
                el("button", [("type", "submit")], text: web.t(.uiSave)),
            ])
    }
}
