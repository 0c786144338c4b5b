import Analysis
import Charts
import Domain
import Foundation
import Localization
import Reports
import Services

/// The access page (`/access/{service}`) and the health page (`/health`).
enum AccessPage {
    /// Colour of a village by its time against the threshold: within half, within, within one
    /// and a half, beyond; unreachable grey.
    static func color(_ minutes: Double?, threshold: Double) -> String {
        guard let minutes else { return "#969696" }
        if minutes <= threshold / 2 { return "#1a9850" }
        if minutes <= threshold { return "#91cf60" }
        if minutes <= threshold * 1.5 { return "#fc8d59" }
        return "#d73027"
    }

    static func access(_ report: AccessReport, map data: MapData, _ web: WebContext) -> [HTMLNode] {
        let threshold = report.thresholdMinutes
        var content: [HTMLNode] = [
            el(
                "p", [("class", "tabs")],
                AccessServiceKind.allCases.map { kind in
                    kind == report.service
                        ? el("strong", [], text: web.t(kind.label))
                        : el("a", [("href", "/access/\(kind.rawValue)")], text: web.t(kind.label))
                }),
            el(
                "p", [],
                [
                    .text(web.t(.accessHeading, web.t(report.service.label), Format.number(threshold, digits: 0), report.thresholdSource)),
                    report.thresholdIsAssumption ? el("span", [("class", "badge assumption")], text: web.t(.labelAssumption)) : .group([]),
                ]),
        ]
        if let e = report.equity {
            content.append(
                el(
                    "p", [],
                    text: web.t(
                        .accessEquity, Format.fixed(e.gini, digits: 3), Format.fixed(e.theil, digits: 4),
                        Format.fixed(e.theilBetween, digits: 4),
                        Format.fixed(e.theilWithin, digits: 4))))
        }
        content.append(el("ul", [("class", "notes")], report.notes.map { el("li", [], text: web.t($0)) }))
        var map = MapPage.map(data, web)
        map.schools = []
        map.villages = report.villages.map { v in
            CountyMap.Marker(
                id: "v-\(v.township)-\(v.village)", lon: v.longitude, lat: v.latitude, label: v.village, radius: 5,
                fill: color(v.minutes, threshold: threshold), quality: v.illustrativePosition ? .illustrative : .approximate,
                data: [
                    ("field-1", v.facility ?? "—"),
                    ("field-2", v.minutes.map { "\(Format.number($0, digits: 1)) \(web.t(.unitMinutes))" } ?? web.t(.accessUnreachable)),
                ])
        }
        map.legend = [
            .init(color: "#1a9850", text: web.t(.accessBandHalf, Format.number(threshold / 2, digits: 0))),
            .init(color: "#91cf60", text: web.t(.accessBandWithin, Format.number(threshold, digits: 0))),
            .init(color: "#fc8d59", text: web.t(.accessBandOver, Format.number(threshold * 1.5, digits: 0))),
            .init(color: "#d73027", text: web.t(.accessBandFar, Format.number(threshold * 1.5, digits: 0))),
            .init(color: "#969696", text: web.t(.accessUnreachable)),
            .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative),
        ]
        if !map.villages.isEmpty { content += MapPage.view(map, web) }
        let tables = AccessService.tables(report, web.language)
        let base = "/access/\(report.service.rawValue)"
        content.append(el("h2", [], [.text(tables[0].title), Components.exports("\(base)/townships", web, print: false)]))
        content.append(Components.table(tables[0].headers, tables[0].rows.map { $0.map(cell) }, classes: "sortable"))
        content.append(el("h2", [], [.text(tables[1].title), Components.exports("\(base)/villages", web)]))
        content.append(
            Components.table(
                tables[1].headers.map { HTMLNode.text($0) }, tables[1].rows.map { $0.map(cell) }, classes: "sortable filterable",
                noMatch: web.t(.uiNoMatch)))
        return content
    }

    /// A workbook cell on the page.
    static func cell(_ c: TableWorkbook.Cell) -> HTMLNode {
        switch c {
        case .text(let t): .text(t.isEmpty ? "—" : t)
        case .number(let v, let digits): Components.number(v, digits: digits)
        }
    }

    static func health(_ report: HealthStatusReport, map data: MapData, _ web: WebContext) -> [HTMLNode] {
        let clinics = report.facilities.filter { $0.facility.kind == .clinic }.count
        var content: [HTMLNode] = [el("p", [], text: web.t(.healthCounts, report.facilities.count, report.centers.count, clinics))]
        var map = MapPage.map(data, web)
        map.schools = []
        map.villages = report.facilities.compactMap { v in
            guard let lon = v.longitude, let lat = v.latitude else { return nil }
            let fill = v.facility.kind == .clinic ? "#41ab5d" : v.facility.kind == .healthCenter ? "#2171b5" : "#6a51a3"
            let quality: CountyMap.Quality = v.positionIllustrative ? .illustrative : v.positionIsStandIn ? .approximate : .real
            return CountyMap.Marker(
                id: "h\(v.facility.id)", lon: lon, lat: lat, label: v.facility.name, radius: v.facility.kind == .clinic ? 4 : 7, fill: fill,
                quality: quality, data: [("field-1", web.t(v.facility.kind.label)), ("field-2", v.township)])
        }
        map.legend =
            HealthFacilityKind.allCases.map { kind in
                .init(color: kind == .clinic ? "#41ab5d" : kind == .healthCenter ? "#2171b5" : "#6a51a3", text: web.t(kind.label))
            } + [
                .init(color: "#fff", text: web.t(.uiLegendApproximate), quality: .approximate),
                .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative),
            ]
        if !map.villages.isEmpty { content += MapPage.view(map, web) }
        content.append(el("h2", [], text: web.t(.healthUnificationHeading)))
        if report.centers.isEmpty {
            content.append(el("p", [("class", "muted")], text: web.t(.healthNoCenters)))
        } else {
            content.append(
                Components.table(
                    [web.t(.colTownship), web.t(.healthCenter)] + UnificationItem.allCases.map { web.t($0.label) } + [
                        web.t(.healthClinicsCol)
                    ],
                    report.centers.map { c in
                        [Components.data(c.facility.township, web), Components.data(c.facility.facility.name, web)]
                            + UnificationItem.allCases.map { item -> HTMLNode in
                                guard let u = c.items[item] else { return .text("—") }
                                let title = [u.evidence, u.date].compactMap { $0 }.joined(separator: " · ")
                                return el(
                                    "span", [("class", "status-\(u.status.rawValue)"), ("title", title)], text: web.t(u.status.label))
                            } + [.text(String(c.clinics))]
                    }, classes: "sortable"))
        }
        if !report.townshipsWithoutCenter.isEmpty {
            content.append(el("p", [], text: web.t(.healthTownshipsWithout, report.townshipsWithoutCenter.joined(separator: "、"))))
        }
        content.append(el("h2", [], text: web.t(.healthWithoutClinic, report.withoutClinic.count)))
        content.append(
            Components.table(
                [web.t(.colTownship), web.t(.colVillage), web.t(.colVillagePopulation)],
                report.withoutClinic.map { v in
                    [
                        Components.data(v.township, web), Components.data(v.village, web),
                        Components.number(v.population.map(Double.init), digits: 0),
                    ]
                }, classes: "sortable"))
        if !report.allianceTasks.isEmpty {
            content.append(el("h2", [], text: web.t(.healthAllianceHeading)))
            content.append(
                el(
                    "ul", [],
                    report.allianceTasks.map { a in
                        el(
                            "li", [],
                            text: web.t(
                                .healthAllianceTask, a.task.code, a.task.name, web.t(a.task.status.label),
                                a.members.isEmpty ? "—" : a.members.joined(separator: "、")))
                    }))
        }
        content.append(el("h2", [], [.text(web.t(.healthFacilitiesHeading)), Components.exports("/health/facilities", web)]))
        let table = HealthService.facilityTable(report.facilities, web.language)
        content.append(Components.table(table.headers, table.rows.map { $0.map(cell) }, classes: "sortable"))
        return content
    }
}
