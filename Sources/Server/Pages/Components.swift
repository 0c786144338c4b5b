import Analysis
import Charts
import Domain
import Localization
import Monitoring

/// Pieces shared by several pages.
enum Components {
    /// A figure card: big number, unit, label.
    static func card(_ label: String, _ figure: String, unit: String = "") -> HTMLNode {
        el(
            "div", [("class", "card")],
            [
                el("div", [("class", "muted")], text: label),
                el("div", [("class", "figure")], text: figure),
                el("div", [("class", "unit")], text: unit),
            ])
    }

    /// The flags of a school as coloured labels.
    static func flags(_ d: SchoolDiagnosis, _ web: WebContext) -> HTMLNode {
        .group(
            d.flags.map { el("span", [("class", "flag flag-\($0.rawValue)")], text: web.t($0.label)) }
                + (d.plannedClosure.map { c in
                    [
                        el(
                            "a", [("class", "flag flag-planned-closure"), ("href", "/scenarios/\(c.scenarioID)#adoption")],
                            text: web.t(c.wholeSchool ? .uiPlannedClosure : .uiPlannedStageClosure, c.scenarioID))
                    ]
                } ?? []))
    }

    /// A status label coloured red/yellow/green/grey.
    static func status(_ color: StatusColor, _ web: WebContext) -> HTMLNode {
        el("span", [("class", "status \(color.rawValue)")], text: web.t(color.label))
    }

    /// A task's deadline state as a label: red for overdue, grey for past deadline with progress unknown.
    static func deadline(_ state: DeadlineState, _ web: WebContext) -> HTMLNode {
        let color = state == .overdue ? "red" : state == .pastDeadlineProgressUnknown ? "grey" : "green"
        return el("span", [("class", "status \(color)")], text: web.t(state.label))
    }

    /// A table whose cells are nodes, in a box that scrolls sideways on a narrow screen (its first
    /// column stays in view) instead of making the page wider than the phone.
    static func table(
        _ headers: [String], _ rows: [[HTMLNode]], classes: String = "", rowAttributes: [[(String, String)]] = [],
        footer: [HTMLNode] = []
    ) -> HTMLNode {
        table(headers.map { HTMLNode.text($0) }, rows, classes: classes, rowAttributes: rowAttributes, footer: footer)
    }

    /// `table` with headers that are nodes (a header that is data: a scenario's name). `footer`
    /// rows (a total) follow the body; a filterable table also gets a hidden "no match" row that
    /// its filter shows when no row is left.
    static func table(
        _ headers: [HTMLNode], _ rows: [[HTMLNode]], classes: String = "", rowAttributes: [[(String, String)]] = [],
        footer: [HTMLNode] = [], noMatch: String? = nil
    ) -> HTMLNode {
        el(
            "div", [("class", "table-wrap")],
            [
                el(
                    "table", [("class", classes)],
                    [
                        el("thead", [], [el("tr", [], headers.map { el("th", [], [$0]) })]),
                        el(
                            "tbody", [],
                            rows.enumerated().map { index, cells in
                                el("tr", index < rowAttributes.count ? rowAttributes[index] : [], cells.map { el("td", [], [$0]) })
                            }),
                        footer.isEmpty && noMatch == nil
                            ? .group([])
                            : el(
                                "tfoot", [],
                                (noMatch.map {
                                    [
                                        el(
                                            "tr", [("class", "no-match"), ("hidden", "hidden")],
                                            [el("td", [("colspan", String(headers.count))], text: $0)])
                                    ]
                                } ?? [])
                                    + (footer.isEmpty ? [] : [el("tr", [("class", "total")], footer.map { el("td", [], [$0]) })])),
                    ])
            ])
    }

    /// The download links of a table served at `base` + `.xlsx` / `.csv`: Excel, CSV in UTF-8, and
    /// CSV in GBK for old Excel and WPS.
    /// `print`: with a print button (a page that already has one, beside its report links, says no).
    static func exports(_ base: String, _ web: WebContext, print: Bool = true) -> HTMLNode {
        el(
            "span", [("class", "exports")],
            [
                el("a", [("href", "\(base).xlsx"), ("download", "download"), ("class", "export")], text: web.t(.uiExportXLSX)),
                el("a", [("href", "\(base).csv"), ("download", "download"), ("class", "export")], text: web.t(.uiExportCSV)),
                el("a", [("href", "\(base).csv?encoding=gbk"), ("download", "download"), ("class", "export")], text: web.t(.uiExportGBK)),
                print
                    ? el("button", [("type", "button"), ("data-print", "print"), ("class", "secondary")], text: web.t(.uiPrint))
                    : .group([]),
            ])
    }

    /// The monitoring report's downloads and a print button (the page's own print styles hide
    /// forms and navigation).
    static func reportLinks(_ web: WebContext) -> HTMLNode {
        el(
            "span", [("class", "exports")],
            [
                el("a", [("href", "/report.xlsx"), ("download", "download"), ("class", "export")], text: web.t(.uiReportXLSX)),
                el("a", [("href", "/report.pdf"), ("download", "download"), ("class", "export")], text: web.t(.uiReportPDF)),
                el("a", [("href", "/report.html"), ("class", "export")], text: web.t(.uiReportHTML)),
                el("button", [("type", "button"), ("data-print", "print"), ("class", "secondary")], text: web.t(.uiPrint)),
            ])
    }

    /// Data in Chinese shown on an English page — a name, the plan's wording — marked `lang="zh"`
    /// (for screen readers and font choice, and so that it is not taken for an untranslated word).
    static func data(_ text: String, _ web: WebContext) -> HTMLNode {
        guard web.language != .zh, HTMLNode.hasChinese(text) else { return .text(text) }
        return el("span", [("lang", "zh")], text: text)
    }

    /// A number cell, right-aligned, with its raw value for sorting.
    static func number(_ value: Double?, digits: Int = 1) -> HTMLNode {
        guard let value else { return el("span", [("class", "num")], text: "—") }
        return el("span", [("class", "num"), ("data-sort", String(value))], text: Format.fixed(value, digits: digits))
    }

    /// A total cell of a filterable table: the sum of column `column` over the rows shown, kept
    /// up to date by the page's filter (the figure sent is the sum over all rows).
    static func sum(_ value: Double, column: Int, digits: Int = 0) -> HTMLNode {
        el(
            "span", [("class", "num"), ("data-sum-column", String(column)), ("data-digits", String(digits))],
            text: Format.fixed(value, digits: digits))
    }

    /// The colour of a school on maps and charts, by its most important flag.
    static func schoolColor(_ d: SchoolDiagnosis) -> String {
        if d.has(.understaffed) { return "#c0392b" }
        if d.wastesResources { return "#8e44ad" }
        if d.has(.overstaffed) { return "#e67e22" }
        if d.has(.missingData) { return "#95a5a6" }
        return "#27ae60"
    }

    /// The bar chart of students per staff member against the norm, one bar per school.
    static func ratioChart(_ schools: [SchoolDiagnosis], _ web: WebContext) -> HTMLNode {
        let bars = schools.compactMap { d -> BarChart.Bar? in
            guard let ratio = d.studentsPerStaff else { return nil }
            return BarChart.Bar(
                label: d.school.name, value: ratio, reference: d.staffNorm?.studentsPerStaff, color: schoolColor(d), key: rowKey(d))
        }
        let chart = BarChart(title: web.t(.uiRatioChartTitle), unit: web.t(.uiRatioUnit), bars: bars, referenceLabel: web.t(.labelNorm))
        // The page's table filter shows only the bars of the rows it shows.
        return el("div", [("class", "chart"), ("data-follows-filter", "true")], [.raw(chart.svg())])
    }

    /// The key joining a school's table row to its bar in the chart.
    static func rowKey(_ d: SchoolDiagnosis) -> String { "s\(d.school.id)" }
}
