/// A horizontal bar chart with an optional reference value per bar (e.g. students per staff
/// against the norm), as SVG.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// A reference mark drawn across the bar (the norm), if any.
        public var reference: Double?
        /// Fill colour, e.g. "#c0392b".
        public var color: String
        /// The key of the table row the bar stands for (`data-key`), so that a page's filter can
        /// show only the bars of the rows it shows.
        public var key: String?

        public init(label: String, value: Double, reference: Double?, color: String, key: String? = nil) {
            self.label = label
            self.value = value
            self.reference = reference
            self.color = color
            self.key = key
        }
    }

    public var title: String
    public var unit: String
    public var bars: [Bar]
    public var referenceLabel: String
    public var width = 640.0
    public var barHeight = 18.0

    public init(title: String, unit: String, bars: [Bar], referenceLabel: String) {
        self.title = title
        self.unit = unit
        self.bars = bars
        self.referenceLabel = referenceLabel
    }

    /// The chart as an `<svg>` element. Each bar is a `<g class="bar">` placed by its transform
    /// (`data-step` apart, from `data-top`), so a script can hide bars and close the gaps.
    public func svg() -> String {
        let left = 150.0
        let right = 56.0
        let top = 40.0
        let gap = 6.0
        let height = top + Double(bars.count) * (barHeight + gap) + 28
        let maxValue = max(1, bars.map { max($0.value, $0.reference ?? 0) }.max() ?? 1) * 1.05
        let plotW = width - left - right
        func x(_ v: Double) -> Double { left + v / maxValue * plotW }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" "
        out += "width=\"\(SVG.n(width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\" "
        out += "data-top=\"\(SVG.n(top))\" data-step=\"\(SVG.n(barHeight + gap))\" data-bottom=\"28\" "
        out += "font-family=\"\(SVG.fontFamily)\" font-size=\"11\">"
        out += "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(Markup.escape(title))</text>"
        out += "<text x=\"\(SVG.n(width - right))\" y=\"18\" text-anchor=\"end\" fill=\"#555\">\(Markup.escape(unit))</text>"
        // The reference mark's legend, when a bar has one.
        if bars.contains(where: { $0.reference != nil }) {
            out +=
                "<line x1=\"\(SVG.n(width - right - 150))\" x2=\"\(SVG.n(width - right - 136))\" y1=\"30\" y2=\"30\" stroke=\"#222\" stroke-width=\"2\"/>"
            out += "<text x=\"\(SVG.n(width - right - 132))\" y=\"33\" fill=\"#222\">\(Markup.escape(referenceLabel))</text>"
        }
        for (i, bar) in bars.enumerated() {
            let key = bar.key.map { " data-key=\"\(Markup.escape($0))\"" } ?? ""
            out += "<g class=\"bar\"\(key) transform=\"translate(0 \(SVG.n(top + Double(i) * (barHeight + gap))))\">"
            out +=
                "<text x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(barHeight - 5))\" text-anchor=\"end\">\(Markup.escape(bar.label))</text>"
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"0\" width=\"\(SVG.n(max(0, x(bar.value) - left)))\" height=\"\(SVG.n(barHeight))\" fill=\"\(Markup.escape(bar.color))\"><title>\(Markup.escape(bar.label)) \(SVG.label(bar.value))</title></rect>"
            out +=
                "<text x=\"\(SVG.n(x(bar.value) + 4))\" y=\"\(SVG.n(barHeight - 5))\" fill=\"#333\">\(SVG.label(bar.value))</text>"
            if let reference = bar.reference {
                out +=
                    "<line class=\"reference\" x1=\"\(SVG.n(x(reference)))\" x2=\"\(SVG.n(x(reference)))\" y1=\"-2\" y2=\"\(SVG.n(barHeight + 2))\" stroke=\"#222\" stroke-width=\"2\"/>"
            }
            out += "</g>"
        }
        out += "</svg>"
        return out
    }
}
