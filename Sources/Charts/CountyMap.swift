import Foundation

/// An SVG map of a county drawn in Swift: outline, township seats, villages, schools and
/// assignment lines, each in its own layer (`<g id="layer-…">`) so a page can toggle them.
/// Positions are longitude/latitude degrees; the map uses an equirectangular projection
/// centred on the county (distortion well under 1 % at county scale), north up.
public struct CountyMap: Sendable {
    /// How far a drawn position can be trusted, and how it is drawn: a solid outline for a real
    /// position, a dotted one for an approximate one, a dashed one for a stand-in (示意).
    public enum Quality: String, Sendable, CaseIterable {
        case real, approximate, illustrative

        var dash: String? {
            switch self {
            case .real: nil
            case .approximate: "1 2"
            case .illustrative: "3 2"
            }
        }
    }

    /// A point feature.
    public struct Marker: Sendable {
        public var id: String
        public var lon: Double
        public var lat: Double
        public var label: String
        /// Circle radius in map pixels.
        public var radius: Double
        public var fill: String
        /// How good the position is; anything but `.real` is marked in its outline and tooltip.
        public var quality: Quality
        /// `data-*` attributes for the page's detail card (keys without the `data-` prefix).
        public var data: [(String, String)]

        public init(
            id: String, lon: Double, lat: Double, label: String, radius: Double, fill: String, quality: Quality,
            data: [(String, String)] = []
        ) {
            self.id = id
            self.lon = lon
            self.lat = lat
            self.label = label
            self.radius = radius
            self.fill = fill
            self.quality = quality
            self.data = data
        }
    }

    /// A polygon feature of a plan layer or a conflict patch: rings of positions (outer rings
    /// and holes alike; drawn even–odd), a name, and card fields as for a marker.
    public struct Area: Sendable {
        public var rings: [[(lon: Double, lat: Double)]]
        public var label: String
        public var data: [(String, String)]

        public init(rings: [[(lon: Double, lat: Double)]], label: String, data: [(String, String)] = []) {
            self.rings = rings
            self.label = label
            self.data = data
        }
    }

    /// A layer of areas drawn alike (one plan layer, or the conflict patches).
    public struct AreaLayer: Sendable {
        /// The layer's id: the group is `layer-<id>`.
        public var id: String
        /// The layer's name, for its toggle.
        public var name: String
        public var fill: String
        public var fillOpacity: Double
        public var stroke: String
        /// Dashed outline (an illustrative layer, a boundary).
        public var dashed: Bool
        public var areas: [Area]

        public init(id: String, name: String, fill: String, fillOpacity: Double, stroke: String, dashed: Bool, areas: [Area]) {
            self.id = id
            self.name = name
            self.fill = fill
            self.fillOpacity = fillOpacity
            self.stroke = stroke
            self.dashed = dashed
            self.areas = areas
        }
    }

    /// A line from one position to another (a demand point to its school).
    public struct Link: Sendable {
        public var from: (lon: Double, lat: Double)
        public var to: (lon: Double, lat: Double)
        public var color: String
        public var title: String

        public init(from: (lon: Double, lat: Double), to: (lon: Double, lat: Double), color: String, title: String) {
            self.from = from
            self.to = to
            self.color = color
            self.title = title
        }
    }

    /// One legend entry: a swatch colour, its outline and its text.
    public struct LegendEntry: Sendable {
        public var color: String
        public var text: String
        public var quality: Quality

        public init(color: String, text: String, quality: Quality = .real) {
            self.color = color
            self.text = text
            self.quality = quality
        }
    }

    /// Rings of the outline, each a list of (lon, lat).
    public var outline: [[(lon: Double, lat: Double)]]
    public var townships: [Marker] = []
    public var villages: [Marker] = []
    public var schools: [Marker] = []
    public var links: [Link] = []
    /// Plan layers and conflict patches, drawn in order over the outline and under the markers.
    public var areaLayers: [AreaLayer] = []
    public var legend: [LegendEntry] = []
    /// Text of the scale bar's unit, e.g. "公里".
    public var kilometreLabel = "km"
    /// The words added to a label and tooltip for each quality but `.real`, e.g. 示意 and 近似.
    public var qualityNotes: [Quality: String] = [:]
    public var width = 1000.0
    /// Above this many markers a layer is drawn densely (see `denseLayer`), so that a
    /// prefecture's 20,000 villages and 5,000 schools make a page of about a megabyte, not nine.
    public var detailLimit = 1000

    public init(outline: [[(lon: Double, lat: Double)]]) {
        self.outline = outline
    }

    /// The map as an `<svg>` element.
    public func svg() -> String {
        // The view is the county's; areas set it only when there is no outline.
        let areaPoints = outline.isEmpty ? areaLayers.flatMap { $0.areas.flatMap { $0.rings.flatMap { $0 } } } : []
        let all = outline.flatMap { $0 } + (townships + villages + schools).map { ($0.lon, $0.lat) } + areaPoints
        guard let minLon = all.map(\.lon).min(), let maxLon = all.map(\.lon).max(), let minLat = all.map(\.lat).min(),
            let maxLat = all.map(\.lat).max()
        else { return "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>" }
        let lat0 = (minLat + maxLat) / 2
        let k = cos(lat0 * .pi / 180)
        let margin = 20.0
        let spanX = max((maxLon - minLon) * k, 1e-9)
        let spanY = max(maxLat - minLat, 1e-9)
        let scale = (width - 2 * margin) / spanX
        let legendRows = Double((legend.count + 3) / 4)
        let mapBottom = spanY * scale + 2 * margin
        let height = mapBottom + 40 + legendRows * 20
        func x(_ lon: Double) -> Double { margin + (lon - minLon) * k * scale }
        func y(_ lat: Double) -> Double { margin + (maxLat - lat) * scale }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"county-map\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" "
        out += "font-family=\"\(SVG.fontFamily)\" font-size=\"12\" role=\"img\">"
        // The map zooms and pans inside its frame (the page's script transforms #viewport); the
        // scale bar and the legend below it stay where they are.
        out += "<clipPath id=\"map-frame\"><rect x=\"0\" y=\"0\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(mapBottom))\"/></clipPath>"
        out += "<g clip-path=\"url(#map-frame)\"><g id=\"viewport\"><g id=\"layer-outline\">"
        for ring in outline {
            let d = ring.map { "\(SVG.n(x($0.lon))),\(SVG.n(y($0.lat)))" }.joined(separator: " ")
            out += "<polygon points=\"\(d)\" fill=\"#f4f1e8\" stroke=\"#6b5b3e\" stroke-width=\"1.5\"/>"
        }
        out += "</g>"
        for areaLayer in areaLayers { out += areas(areaLayer, x, y) }
        out += layer("villages", villages, x, y)
        out += layer("townships", townships, x, y)
        out += layer("schools", schools, x, y)
        // Lines above the markers: a short move between two near schools is not hidden under
        // their circles.
        out += "<g id=\"layer-lines\">"
        for link in links {
            out += "<line x1=\"\(SVG.n(x(link.from.lon)))\" y1=\"\(SVG.n(y(link.from.lat)))\" x2=\"\(SVG.n(x(link.to.lon)))\" "
            out += "y2=\"\(SVG.n(y(link.to.lat)))\" stroke=\"\(Markup.escape(link.color))\" stroke-width=\"2\" opacity=\"0.85\">"
            out += "<title>\(Markup.escape(link.title))</title></line>"
        }
        out += "</g>"
        out += labels(townships, x, y)
        out += "</g></g>"
        out += scaleBar(x: margin, y: mapBottom + 14, metresPerPixel: 111_195 / scale)
        out += legendBlock(x: margin, y: mapBottom + 44)
        out += "</svg>"
        return out
    }

    /// Place names on top of every marker (never under a school's circle), with a white halo; the
    /// quality note stays in the marker's title, not in the label. The script keeps their size and
    /// their distance from the marker constant as the map zooms (`data-x`, `data-r`) and places
    /// them without overlap: in the order given (the first wins), each to the right, left, above
    /// or below its marker, hidden when none of these is free.
    private func labels(_ markers: [Marker], _ x: (Double) -> Double, _ y: (Double) -> Double) -> String {
        var out = "<g id=\"layer-labels\">"
        for m in markers {
            out += "<text x=\"\(SVG.n(x(m.lon) + m.radius + 3))\" y=\"\(SVG.n(y(m.lat) + 4))\" data-x=\"\(SVG.n(x(m.lon)))\" "
            out += "data-y=\"\(SVG.n(y(m.lat)))\" data-r=\"\(SVG.n(m.radius))\" fill=\"#222\">\(Markup.escape(m.label))</text>"
        }
        return out + "</g>"
    }

    private func layer(_ name: String, _ markers: [Marker], _ x: (Double) -> Double, _ y: (Double) -> Double) -> String {
        if markers.count > detailLimit { return denseLayer(name, markers, x, y) }
        var out = "<g id=\"layer-\(name)\">"
        for m in markers {
            let note = qualityNotes[m.quality].map { "（\($0)）" } ?? ""
            let title = m.label + note
            out += "<circle id=\"\(Markup.escape(m.id))\" class=\"\(name) \(m.quality.rawValue)\" "
            out += "cx=\"\(SVG.n(x(m.lon)))\" cy=\"\(SVG.n(y(m.lat)))\" r=\"\(SVG.n(m.radius))\" fill=\"\(Markup.escape(m.fill))\" "
            out += "stroke=\"#333\" " + (m.quality.dash.map { "stroke-dasharray=\"\($0)\" " } ?? "")
            out += "data-quality=\"\(m.quality.rawValue)\" data-illustrative=\"\(m.quality == .illustrative)\" "
            out += "data-label=\"\(Markup.escape(m.label))\""
            for (key, value) in m.data { out += " data-\(key)=\"\(Markup.escape(value))\"" }
            out += "><title>\(Markup.escape(title))</title></circle>"
        }
        return out + "</g>"
    }

    /// One layer of areas: a path per feature, its card fields as data attributes.
    private func areas(_ layer: AreaLayer, _ x: (Double) -> Double, _ y: (Double) -> Double) -> String {
        var out = "<g id=\"layer-\(Markup.escape(layer.id))\" fill=\"\(Markup.escape(layer.fill))\" "
        out += "fill-opacity=\"\(SVG.n(layer.fillOpacity))\" stroke=\"\(Markup.escape(layer.stroke))\" fill-rule=\"evenodd\""
        out += layer.dashed ? " stroke-dasharray=\"4 3\">" : ">"
        for area in layer.areas {
            let d = area.rings.map { ring in
                "M" + ring.map { "\(SVG.n(x($0.lon))),\(SVG.n(y($0.lat)))" }.joined(separator: "L") + "Z"
            }.joined()
            out += "<path class=\"area\" d=\"\(d)\" data-label=\"\(Markup.escape(area.label))\""
            for (key, value) in area.data { out += " data-\(key)=\"\(Markup.escape(value))\"" }
            out += "><title>\(Markup.escape(area.label))</title></path>"
        }
        return out + "</g>"
    }

    /// A layer of many markers, drawn lean. Markers without a link (villages) become one path of
    /// round dots per colour, size and quality — no element, title or card each. Markers with a
    /// link (`href` in their data: schools) keep a circle each that opens a card with the name,
    /// the quality note and the link, without the other card fields; outlines come from the
    /// page's style sheet by class.
    private func denseLayer(_ name: String, _ markers: [Marker], _ x: (Double) -> Double, _ y: (Double) -> Double) -> String {
        var out = "<g id=\"layer-\(name)\" class=\"dense\">"
        var dots: [String: (fill: String, radius: Double, quality: Quality, d: String)] = [:]
        var order: [String] = []
        for m in markers {
            if let href = m.data.first(where: { $0.0 == "href" })?.1 {
                out += "<circle id=\"\(Markup.escape(m.id))\" class=\"\(name) \(m.quality.rawValue)\" cx=\"\(SVG.n(x(m.lon)))\" "
                out += "cy=\"\(SVG.n(y(m.lat)))\" r=\"\(SVG.n(m.radius))\" fill=\"\(Markup.escape(m.fill))\" "
                out += "data-label=\"\(Markup.escape(m.label))\" data-href=\"\(Markup.escape(href))\"/>"
                continue
            }
            let key = "\(m.fill) \(SVG.n(m.radius)) \(m.quality.rawValue)"
            if dots[key] == nil {
                order.append(key)
                dots[key] = (m.fill, m.radius, m.quality, "")
            }
            dots[key]?.d += "M\(SVG.n(x(m.lon))) \(SVG.n(y(m.lat)))h0"
        }
        for key in order {
            guard let group = dots[key] else { continue }
            let note = qualityNotes[group.quality].map { "（\($0)）" } ?? ""
            out += "<path class=\"\(name) \(group.quality.rawValue)\" d=\"\(group.d)\" fill=\"none\" "
            out += "stroke=\"\(Markup.escape(group.fill))\" stroke-width=\"\(SVG.n(2 * group.radius))\" stroke-linecap=\"round\">"
            out += "<title>\(Markup.escape(note))</title></path>"
        }
        return out + "</g>"
    }

    /// A bar of a round length (1, 2 or 5 × 10ⁿ km) about a fifth of the map wide.
    private func scaleBar(x: Double, y: Double, metresPerPixel: Double) -> String {
        let target = width / 5 * metresPerPixel / 1000
        let magnitude = pow(10, log10(target).rounded(.down))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let pixels = km * 1000 / metresPerPixel
        // The script redraws the bar as the map zooms, from the metres one unit of the map spans.
        return """
            <g id="scale-bar" data-metres-per-unit="\(SVG.n(metresPerPixel))" data-width="\(SVG.n(width / 5))" \
            data-unit="\(Markup.escape(kilometreLabel))"><rect x="\(SVG.n(x))" y="\(SVG.n(y))" width="\(SVG.n(pixels))" height="6" fill="#333"/>\
            <text x="\(SVG.n(x))" y="\(SVG.n(y - 4))">0</text><text x="\(SVG.n(x + pixels))" y="\(SVG.n(y - 4))" \
            text-anchor="end">\(SVG.label(km)) \(Markup.escape(kilometreLabel))</text></g>
            """
    }

    /// The legend below the map, four entries a row.
    private func legendBlock(x: Double, y: Double) -> String {
        var out = "<g id=\"legend\">"
        let columnWidth = (width - 2 * x) / 4
        for (i, entry) in legend.enumerated() {
            let cy = y + Double(i / 4) * 20
            let x = x + Double(i % 4) * columnWidth
            out +=
                "<circle cx=\"\(SVG.n(x + 6))\" cy=\"\(SVG.n(cy - 4))\" r=\"6\" fill=\"\(Markup.escape(entry.color))\" stroke=\"#333\"\(entry.quality.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            out += "<text x=\"\(SVG.n(x + 18))\" y=\"\(SVG.n(cy))\">\(Markup.escape(entry.text))</text>"
        }
        return out + "</g>"
    }
}
