import Analysis
import Charts
import Domain
import Foundation
import Geo
import Localization
import Services

/// `/map`: the county outline, townships, villages and schools (sized by students, coloured by
/// diagnosis), with layer toggles, zoom, a legend, a scale bar and a detail card. A stand-in
/// position is drawn dashed and labelled 示意, an approximate one dotted and labelled 近似.
enum MapPage {
    /// How a stored position is drawn.
    static func quality(_ q: LocationQuality) -> CountyMap.Quality {
        switch q {
        case .surveyed, .published: .real
        case .approximate: .approximate
        case .illustrative, .unknown: .illustrative
        }
    }

    /// The map itself, also used by the scenario page.
    static func map(_ d: MapData, _ web: WebContext, links: [CountyMap.Link] = []) -> CountyMap {
        let rings = d.outline?.polygons.map { polygon in polygon.outer.map { (lon: $0.lon, lat: $0.lat) } } ?? []
        var map = CountyMap(outline: rings)
        map.qualityNotes = [.illustrative: web.t(.uiIllustrative), .approximate: web.t(.uiApproximate)]
        map.kilometreLabel = web.t(.uiKilometres)
        map.townships = d.register.townships.compactMap { t in
            guard let p = t.location, t.status == .current else { return nil }
            return CountyMap.Marker(
                id: "t\(t.id)", lon: p.longitudeDegrees, lat: p.latitudeDegrees, label: t.name, radius: 5, fill: "#1f4e79",
                quality: quality(t.locationQuality))
        }
        map.villages = d.register.divisions.filter { $0.kind.tier == .village }.compactMap { v in
            guard let p = v.location else { return nil }
            return CountyMap.Marker(
                id: "v\(v.id)", lon: p.longitudeDegrees, lat: p.latitudeDegrees, label: v.name, radius: 2.5, fill: "#bbb",
                quality: quality(v.locationQuality), data: [("field-1", web.t(.uiVillageCode, v.code?.rawValue ?? web.t(.uiNoCode)))])
        }
        map.schools = d.report.schools.compactMap { s in
            guard let place = position(of: s, in: d.register) else { return nil }
            let students = Double(s.school.students ?? 0)
            return CountyMap.Marker(
                id: "s\(s.school.id)", lon: place.point.longitudeDegrees, lat: place.point.latitudeDegrees, label: s.school.name,
                radius: 4 + students.squareRoot() / 3, fill: Components.schoolColor(s), quality: place.quality,
                data: [
                    ("field-1", "\(web.t(.labelTownship))：\(s.townshipName)"),
                    (
                        "field-2",
                        "\(web.t(.labelStudents)) \(s.school.students.map(String.init) ?? "—") · \(web.t(.labelStaff)) \(s.school.staff.map(String.init) ?? "—")"
                    ),
                    (
                        "field-3",
                        web.bracketed(
                            "\(web.t(.labelRatio)) \(s.studentsPerStaff.map { Format.fixed($0, digits: 1) } ?? "—")",
                            "\(web.t(.labelNorm)) \(s.staffNorm.map { Format.fixed($0.studentsPerStaff, digits: 1) } ?? "—")")
                    ),
                    ("field-4", "\(web.t(.labelFlags))：\(s.flags.map { web.t($0.label) }.joined(separator: " "))"),
                    ("href", "/schools/\(s.school.id)"),
                ])
        }
        map.links = links
        map.areaLayers = areaLayers(d, web)
        let kinds = d.layers.map(\.layer.kind).reduce(into: [LayerKind]()) { if !$0.contains($1) { $0.append($1) } }
        map.legend =
            kinds.map { .init(color: style(of: $0).fill, text: web.t($0.label)) }
            + (d.conflictAreas.isEmpty ? [] : [.init(color: conflictFill, text: web.t(.conflictTitle))])
            + [
                .init(color: "#c0392b", text: web.t(.uiLegendUnderstaffed)), .init(color: "#8e44ad", text: web.t(.uiLegendWaste)),
                .init(color: "#e67e22", text: web.t(.uiLegendOverstaffed)), .init(color: "#27ae60", text: web.t(.uiLegendWithinNorm)),
                .init(color: "#1f4e79", text: web.t(.uiLegendTownship)), .init(color: "#bbb", text: web.t(.uiLegendVillage)),
                .init(color: "#fff", text: web.t(.uiLegendApproximate), quality: .approximate),
                .init(color: "#fff", text: web.t(.uiLegendIllustrative), quality: .illustrative),
            ]
        return map
    }

    static let conflictFill = "#d7191c"

    /// How a kind of plan layer is drawn: fill, its opacity, outline.
    static func style(of kind: LayerKind) -> (fill: String, opacity: Double, stroke: String) {
        switch kind {
        case .basicFarmland: ("#f2d16b", 0.55, "#b8962e")
        case .ecologicalRedline: ("#2e8b57", 0.35, "#c0392b")
        case .urbanBoundary: ("#ffffff", 0.05, "#7b3294")
        case .constructionPlan: ("#e8898a", 0.55, "#a33b3c")
        case .villageConstruction: ("#f4b183", 0.55, "#b5651d")
        case .currentUse: ("#c8c8c8", 0.45, "#888888")
        case .heritage: ("#a67c52", 0.5, "#6d4c2c")
        case .hazard: ("#6a3d9a", 0.35, "#4a2a6a")
        case .other: ("#9ecae1", 0.5, "#3182bd")
        }
    }

    /// The plan layers and the conflict patches as areas: each feature's card names its layer,
    /// number and area; a patch's card its rule, both features, area and township.
    static func areaLayers(_ d: MapData, _ web: WebContext) -> [CountyMap.AreaLayer] {
        func rings(_ area: MapArea) -> [[(lon: Double, lat: Double)]] {
            area.polygons.flatMap { $0 }.map { ring in ring.map { (lon: $0.lon, lat: $0.lat) } }
        }
        func size(_ m2: Double) -> String {
            web.t(.uiAreaM2Mu, Format.number(m2, digits: 0), Format.number(Area.mu(fromSquareMetres: m2), digits: 2))
        }
        var layers = d.layers.map { l in
            let style = style(of: l.layer.kind)
            let name = l.layer.illustrative ? web.t(.illustrativeName, l.layer.name) : l.layer.name
            return CountyMap.AreaLayer(
                id: "plan-\(l.layer.id)", name: name, fill: style.fill, fillOpacity: style.opacity, stroke: style.stroke,
                dashed: l.layer.illustrative || l.layer.kind == .urbanBoundary,
                areas: l.areas.map { a in
                    CountyMap.Area(
                        rings: rings(a), label: a.label,
                        data: [
                            ("field-1", "\(name) · \(web.t(l.layer.kind.label))"),
                            ("field-2", web.t(.layerFeatureNumber, a.number ?? 0) + " · " + size(a.areaM2)), ("href", "/layers"),
                        ])
                })
        }
        if let report = d.conflicts, !d.conflictAreas.isEmpty {
            layers.append(
                CountyMap.AreaLayer(
                    id: "conflicts", name: web.t(.conflictTitle), fill: conflictFill, fillOpacity: 0.8, stroke: "#7f0000", dashed: false,
                    areas: zip(report.patches, d.conflictAreas).map { p, a in
                        CountyMap.Area(
                            rings: rings(a), label: web.t(p.rule.statement),
                            data: [
                                ("field-1", "\(p.layerA) #\(p.featureA) \(p.labelA ?? "")"),
                                ("field-2", p.layerB.map { "\($0) #\(p.featureB ?? 0) \(p.labelB ?? "")" } ?? "—"),
                                ("field-3", size(p.areaM2) + (p.township.map { " · \($0)" } ?? "")), ("href", "/conflicts"),
                            ])
                    }))
        }
        return layers
    }

    /// Where a school is drawn: its village's point, else its township seat's. That point is the
    /// school's own at best approximately, so a real one is drawn as approximate.
    static func position(of s: SchoolDiagnosis, in register: DivisionRegister) -> (point: GeoPoint, quality: CountyMap.Quality)? {
        for id in [s.school.villageID, s.school.townshipID].compactMap({ $0 }) {
            if let d = register.division(id: id), let p = d.location {
                let drawn = quality(d.locationQuality)
                return (p, drawn == .real ? .approximate : drawn)
            }
        }
        return nil
    }

    static func content(_ d: MapData, _ web: WebContext) -> [HTMLNode] { view(map(d, web), web) }

    /// A map with its layer toggles, zoom buttons, detail card and notes on approximate and
    /// illustrative positions: the map page's and each scenario's.
    static func view(_ map: CountyMap, _ web: WebContext) -> [HTMLNode] {
        // The assignment lines exist only on a scenario's map; no toggle for an empty layer.
        let layers: [(String, MessageKey)] =
            [("outline", .uiLayerOutline), ("townships", .uiLayerTownships), ("villages", .uiLayerVillages)]
            + (map.schools.isEmpty ? [] : [("schools", .uiLayerSchools)])
            + (map.links.isEmpty ? [] : [("lines", .uiLayerLines)])
        // A plan layer's name is data (Chinese on an English page too).
        let named = layers.map { ($0.0, HTMLNode.text(web.t($0.1))) } + map.areaLayers.map { ($0.id, Components.data($0.name, web)) }
        let toggles = el(
            "div", [("class", "layers")],
            named.map { id, name in
                el("label", [], [el("input", [("type", "checkbox"), ("data-layer", id), ("checked", "checked")]), .text(" "), name])
            } + [
                el("button", [("type", "button"), ("data-zoom", "in")], text: "+"),
                el("button", [("type", "button"), ("data-zoom", "out")], text: "−"),
                el("button", [("type", "button"), ("data-zoom", "home"), ("class", "secondary")], text: web.t(.uiZoomReset)),
            ])
        let markers = map.townships + map.villages + map.schools
        return [
            toggles,
            el(
                "div", [("class", "map-wrap")],
                [
                    .raw(map.svg()),
                    el(
                        "div",
                        [
                            ("id", "detail-card"), ("hidden", "hidden"), ("data-close-text", web.t(.uiClose)),
                            ("data-illustrative-text", web.t(.uiIllustrativeCard)),
                            ("data-approximate-text", web.t(.uiApproximateCard)), ("data-more-text", web.t(.uiMore)),
                        ]),
                ]),
            // The legend again as page text, shown on a phone instead of the map's own (drawn at
            // the map's scale, too small to read there).
            el(
                "ul", [("class", "map-legend")],
                map.legend.map { entry in
                    let border = entry.quality == .real ? "solid" : entry.quality == .approximate ? "dotted" : "dashed"
                    return el(
                        "li", [],
                        [
                            el("span", [("class", "dot"), ("style", "background:\(entry.color);border-style:\(border)")]),
                            .text(" " + entry.text),
                        ])
                }),
            el(
                "p", [("class", "muted illustrative-note")],
                text: web.t(.uiIllustrativeNote, markers.filter { $0.quality == .illustrative }.count)),
            el(
                "p", [("class", "muted illustrative-note")],
                text: web.t(.uiApproximateNote, markers.filter { $0.quality == .approximate }.count)),
        ]
    }
}
