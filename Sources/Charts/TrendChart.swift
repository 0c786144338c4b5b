/// A trend chart of one indicator: observed values, the expected path and the target, as SVG.
public struct TrendChart: Sendable {
    /// One observed value at a time: a fractional year where 2025.0 is the end of 2024 (the scale
    /// of `FractionalYear`); a year's tick is drawn at its end, so a 2024 value sits at "2024".
    public struct Point: Sendable {
        public var time: Double
        public var value: Double
        public var label: String

        public init(time: Double, value: Double, label: String) {
            self.time = time
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public var unit: String
    public var points: [Point]
    /// The straight expected path from its start to the target, when one can be drawn.
    public var path: (start: Point, end: Point)?
    /// The target value and its year.
    public var target: (value: Double, year: Int, label: String)?
    /// Text shown when there is nothing to plot.
    public var emptyText: String
    /// The legend's words for the observed line and the expected path (the target line is
    /// labelled where it is drawn); no legend when nil.
    public var legend: (observed: String, path: String)?
    /// Sized to be shown at about its own width (a card of a third of a 1280 px page), so that
    /// its 12-unit text stays at least 11 px on the screen.
    public var width = 360.0
    public var height = 230.0

    public init(
        title: String, unit: String, points: [Point], path: (start: Point, end: Point)?,
        target: (value: Double, year: Int, label: String)?, emptyText: String
    ) {
        self.title = title
        self.unit = unit
        self.points = points
        self.path = path
        self.target = target
        self.emptyText = emptyText
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let left = 52.0
        let right = 16.0
        let top = 30.0
        let bottom = legend == nil ? 34.0 : 48.0
        let points = points.filter { $0.time.isFinite && $0.value.isFinite }
        var times = points.map(\.time)
        var values = points.map(\.value)
        if let path {
            times += [path.start.time, path.end.time]
            values += [path.start.value, path.end.value]
        }
        if let target {
            times.append(Double(target.year + 1))
            values.append(target.value)
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" "
        out += "width=\"\(SVG.n(width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\" "
        out += "font-family=\"\(SVG.fontFamily)\" font-size=\"12\">"
        out += "<text x=\"\(SVG.n(left))\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(Markup.escape(title))</text>"
        guard let tMin = times.min(), let tMax = times.max(), let vMinRaw = values.min(), let vMaxRaw = values.max() else {
            out += "<text x=\"\(SVG.n(width / 2))\" y=\"\(SVG.n(height / 2))\" text-anchor=\"middle\" fill=\"#888\">"
            out += "\(Markup.escape(emptyText))</text></svg>"
            return out
        }
        let t0 = (tMin - 0.5).rounded(.down)
        let t1 = max((tMax + 0.5).rounded(.up), t0 + 1)
        // The value axis starts at zero (or below, for negative values) and ends on a labelled tick
        // at or above the highest value or target, so the gap to the target shows; counts get
        // whole-number ticks.
        let vMin = min(0, vMinRaw)
        let whole = values.allSatisfy { $0 == $0.rounded() }
        let ticks = SVG.ticks(vMin, vMaxRaw == vMin ? vMin + 1 : vMaxRaw, wholeNumbers: whole, covering: true)
        let vMax = max(ticks.last ?? vMin + 1, vMin + (whole ? 1 : 1e-9))
        let plotW = width - left - right
        let plotH = height - top - bottom
        func x(_ t: Double) -> Double { left + (t - t0) / (t1 - t0) * plotW }
        func y(_ v: Double) -> Double { top + plotH - (v - vMin) / (vMax - vMin) * plotH }
        for tick in ticks {
            out +=
                "<line x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - right))\" y1=\"\(SVG.n(y(tick)))\" y2=\"\(SVG.n(y(tick)))\" stroke=\"#e5e5e5\"/>"
            out += "<text x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(y(tick) + 4))\" text-anchor=\"end\" fill=\"#555\">\(SVG.label(tick))</text>"
        }
        var yearEnd = Int(t0)
        while Double(yearEnd) <= t1 {
            out +=
                "<text x=\"\(SVG.n(x(Double(yearEnd))))\" y=\"\(SVG.n(height - bottom + 16))\" text-anchor=\"middle\" fill=\"#555\">\(yearEnd - 1)</text>"
            yearEnd += max(1, Int((t1 - t0) / 8))
        }
        out += "<text x=\"8\" y=\"\(SVG.n(top - 8))\" fill=\"#555\">\(Markup.escape(unit))</text>"
        out +=
            "<line x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - right))\" y1=\"\(SVG.n(top + plotH))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#999\"/>"
        if let target {
            out +=
                "<line class=\"target\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - right))\" y1=\"\(SVG.n(y(target.value)))\" y2=\"\(SVG.n(y(target.value)))\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>"
            out +=
                "<text x=\"\(SVG.n(width - right))\" y=\"\(SVG.n(y(target.value) - 5))\" text-anchor=\"end\" fill=\"#c0392b\">\(Markup.escape(target.label))</text>"
        }
        if let path {
            out +=
                "<line class=\"path\" x1=\"\(SVG.n(x(path.start.time)))\" y1=\"\(SVG.n(y(path.start.value)))\" x2=\"\(SVG.n(x(path.end.time)))\" y2=\"\(SVG.n(y(path.end.value)))\" stroke=\"#7f8c8d\" stroke-dasharray=\"3 3\"/>"
        }
        let sorted = points.sorted { $0.time < $1.time }
        if sorted.count > 1 {
            let d = sorted.map { "\(SVG.n(x($0.time))),\(SVG.n(y($0.value)))" }.joined(separator: " ")
            out += "<polyline class=\"observed\" points=\"\(d)\" fill=\"none\" stroke=\"#2c7fb8\" stroke-width=\"2\"/>"
        }
        for p in sorted {
            out +=
                "<circle cx=\"\(SVG.n(x(p.time)))\" cy=\"\(SVG.n(y(p.value)))\" r=\"3.5\" fill=\"#2c7fb8\"><title>\(Markup.escape(p.label))</title></circle>"
        }
        if let legend { out += legendRow(legend, y: height - 6, hasPath: path != nil) }
        out += "</svg>"
        return out
    }

    /// The legend under the axis: a blue line with a dot for what was observed, a grey dashed line
    /// for the expected path.
    private func legendRow(_ legend: (observed: String, path: String), y: Double, hasPath: Bool) -> String {
        var out = "<g class=\"legend\" fill=\"#555\">"
        var x = 52.0
        out +=
            "<line x1=\"\(SVG.n(x))\" x2=\"\(SVG.n(x + 18))\" y1=\"\(SVG.n(y - 4))\" y2=\"\(SVG.n(y - 4))\" stroke=\"#2c7fb8\" stroke-width=\"2\"/>"
        out += "<circle cx=\"\(SVG.n(x + 9))\" cy=\"\(SVG.n(y - 4))\" r=\"3\" fill=\"#2c7fb8\"/>"
        out += "<text x=\"\(SVG.n(x + 24))\" y=\"\(SVG.n(y))\">\(Markup.escape(legend.observed))</text>"
        // Wide characters (CJK) take about the font size, others a little over half of it.
        x += 24 + legend.observed.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) } + 16
        if hasPath {
            out +=
                "<line x1=\"\(SVG.n(x))\" x2=\"\(SVG.n(x + 18))\" y1=\"\(SVG.n(y - 4))\" y2=\"\(SVG.n(y - 4))\" stroke=\"#7f8c8d\" stroke-dasharray=\"3 3\"/>"
            out += "<text x=\"\(SVG.n(x + 24))\" y=\"\(SVG.n(y))\">\(Markup.escape(legend.path))</text>"
        }
        return out + "</g>"
    }
}
