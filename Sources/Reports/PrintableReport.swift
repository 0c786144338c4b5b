import Analysis
import Charts
import Domain
import Foundation
public import Localization
public import Monitoring

/// The printable monitoring report: one HTML document with A4 print styles (cover, red and
/// yellow items, a chart per indicator with its target line, the task table, the school
/// diagnosis). Everything is inline — no script, no external file — so it prints the same
/// from a browser, from headless Chromium to PDF, or when mailed as a file.
public enum PrintableReport {
    /// The whole HTML document.
    public static func html(_ c: ReportContent) -> String {
        var body = cover(c)
        body += summary(c)
        body += indicators(c)
        body += tasks(c)
        body += schools(c)
        return """
            <!DOCTYPE html>
            <html lang="\(c.language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(Markup.escape(c.title))</title>
            <style>\(style)</style></head><body>\(body)</body></html>
            """
    }

    static let style = """
        @page { size: A4; margin: 16mm 14mm; }
        body { font-family: \(SVG.fontFamily); font-size: 10.5pt; color: #222; margin: 0; }
        h1 { font-size: 24pt; margin: 0 0 8mm; } h2 { font-size: 15pt; border-bottom: 2px solid #2c7fb8; padding-bottom: 2mm; }
        h3 { font-size: 12pt; margin: 6mm 0 2mm; }
        section { break-before: page; } section.cover { break-before: auto; padding-top: 60mm; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 9pt; }
        th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
        thead { display: table-header-group; } th { background: #ddebf7; } tr { break-inside: avoid; }
        td.num { text-align: right; } .muted { color: #666; }
        .status { font-weight: bold; white-space: nowrap; }
        .green { background: #c6efce; } .yellow { background: #ffeb9c; } .red { background: #ffc7ce; } .grey { background: #d9d9d9; }
        .chart { break-inside: avoid; margin: 3mm 0; } .counts span { display: inline-block; padding: 1mm 3mm; margin-right: 2mm; }
        .overdue { background: #ffc7ce; font-weight: bold; } .unknown { background: #eeeeee; }
        @media screen { body { max-width: 190mm; margin: 10mm auto; } section { border-top: 1px dashed #ccc; margin-top: 10mm; } }
        """

    static func cover(_ c: ReportContent) -> String {
        """
        <section class="cover"><h1>\(Markup.escape(c.title))</h1>
        <p>\(Markup.escape(c.t(.reportAsOf, c.asOf)))</p>
        <p class="muted">\(Markup.escape(c.t(.reportCoverNote)))</p></section>
        """
    }

    static func summary(_ c: ReportContent) -> String {
        var out = "<section><h2>\(Markup.escape(c.t(.reportSummaryHeading)))</h2><p class=\"counts\">"
        for color in StatusColor.allCases {
            let n = c.statuses.filter { $0.status == color }.count
            out += "<span class=\"\(color.rawValue)\">\(Markup.escape(c.t(color.label)))：\(n)</span>"
        }
        out += "</p>"
        let alerts = c.alerts
        if alerts.isEmpty {
            out += "<p>\(Markup.escape(c.t(.reportNoAlerts)))</p>"
        } else {
            out += HTML.table(
                [c.t(.uiStatus), c.t(.uiIndicator), c.t(.uiArea), c.t(.labelReasons)],
                alerts.map { s in
                    [
                        "<span class=\"status \(s.status.rawValue)\">\(Markup.escape(c.t(s.status.label)))</span>",
                        Markup.escape(s.indicator.name(c.language)), Markup.escape(s.areaName), Markup.escape(c.t(s.reason)),
                    ]
                })
        }
        let overdue = c.tasks(in: .overdue)
        let unknown = c.tasks(in: .pastDeadlineProgressUnknown)
        out += "<p>\(Markup.escape(c.t(.reportTaskCounts, c.tasks.count, overdue.count, unknown.count)))</p>"
        if !overdue.isEmpty { out += "<p>\(Markup.escape(c.t(.reportOverdueList, overdue.map(\.name).joined(separator: "；"))))</p>" }
        if !unknown.isEmpty { out += "<p>\(Markup.escape(c.t(.reportPastUnknownList, unknown.map(\.name).joined(separator: "；"))))</p>" }
        return out + "</section>"
    }

    static func indicators(_ c: ReportContent) -> String {
        var out = "<section><h2>\(Markup.escape(c.t(.reportIndicatorsHeading)))</h2>"
        var seen: [String] = []
        for s in c.statuses where !seen.contains(s.indicator.code) {
            seen.append(s.indicator.code)
            let all = c.statuses.filter { $0.indicator.code == s.indicator.code }
            let lead = all.first { !$0.history.isEmpty } ?? all[0]
            let rows = all.filter { !$0.history.isEmpty || $0.areaID == lead.areaID }
            let silent = all.filter { $0.history.isEmpty && $0.areaID != lead.areaID }.map(\.areaName)
            out += "<h3>\(Markup.escape(s.indicator.name(c.language)))（\(Markup.escape(s.indicator.code))）</h3>"
            out += "<div class=\"chart\">\(chart(lead, c.language))</div>"
            out += HTML.table(
                [c.t(.uiStatus), c.t(.uiArea), c.t(.uiLatest), c.t(.uiTarget), c.t(.uiExpectedNow), c.t(.labelReasons)],
                rows.map { r in
                    [
                        "<span class=\"status \(r.status.rawValue)\">\(Markup.escape(c.t(r.status.label)))</span>",
                        Markup.escape(r.areaName),
                        r.latest.map { Markup.escape(c.t(r.indicator.latestText($0))) } ?? "—",
                        r.target.map { Markup.escape(c.t(r.indicator.targetText($0))) } ?? "—",
                        r.expectedNow.map { Markup.escape(r.indicator.valueText($0)) } ?? "—",
                        Markup.escape(c.t(r.reason)),
                    ]
                })
            if !silent.isEmpty {
                out += "<p class=\"muted\">\(Markup.escape(c.t(.reportNoDataAreas, silent.joined(separator: "、"))))</p>"
            }
            if let note = s.indicator.denominatorNote(in: c.indicators) {
                out += "<p class=\"muted\">\(Markup.escape(c.t(note)))</p>"
            }
            let source = s.indicator.source + (s.indicator.note.map { "；" + $0 } ?? "")
            out += "<p class=\"muted\">\(Markup.escape(c.t(.reportSource, source)))</p>"
        }
        return out + "</section>"
    }

    /// The trend chart of one indicator in one area, with the expected path and the target line.
    public static func chart(_ s: IndicatorStatus, _ language: Language) -> String {
        func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
            L10n.message(key, arguments: arguments).text(language)
        }
        let points = s.history.map {
            TrendChart.Point(time: $0.period.end.value, value: $0.value, label: "\($0.period)：\(s.indicator.valueText($0.value))")
        }
        var path: (start: TrendChart.Point, end: TrendChart.Point)?
        if let target = s.target {
            let start: TrendChart.Point? =
                if let v = s.indicator.baselineValue, let y = s.indicator.baselineYear {
                    TrendChart.Point(time: FractionalYear.endOfYear(y).value, value: v, label: t(.chartBaseline))
                } else {
                    points.first
                }
            if let start, start.time < target.due.value {
                path = (start, TrendChart.Point(time: target.due.value, value: target.value, label: t(.chartTarget)))
            }
        }
        let target = s.target.map { ($0.value, $0.year, t(.chartTargetLabel, s.indicator.targetText($0).text(language))) }
        var chart = TrendChart(
            title: "\(s.indicator.name(language)) · \(s.areaName)", unit: s.indicator.unit, points: points, path: path,
            target: target, emptyText: t(.chartNoData))
        chart.legend = (t(.chartObserved), t(.chartExpectedPath))
        return chart.svg()
    }

    static func tasks(_ c: ReportContent) -> String {
        let rows = c.tasks.map { task -> [String] in
            let state = task.deadlineState(now: c.now)
            let stateCell: String =
                switch state {
                case .overdue: "<span class=\"overdue\">\(Markup.escape(c.t(state.label)))</span>"
                case .pastDeadlineProgressUnknown: "<span class=\"unknown\">\(Markup.escape(c.t(state.label)))</span>"
                default: ""
                }
            return [
                Markup.escape(task.code), Markup.escape(task.name), Markup.escape(task.ownerUnit ?? c.t(.uiNotNamed)),
                Markup.escape(task.deadlineText.map(c.t) ?? c.t(.uiNone)), Markup.escape(c.t(task.status.label)),
                task.percentComplete.map { "\(Format.number($0, digits: 0))%" } ?? "—", stateCell, Markup.escape(task.evidence ?? ""),
            ]
        }
        let headers = [
            c.t(.labelCode), c.t(.labelTask), c.t(.uiOwner), c.t(.uiDeadline), c.t(.uiStatus), c.t(.labelProgress),
            c.t(.labelDeadlineState), c.t(.uiEvidence),
        ]
        return "<section><h2>\(Markup.escape(c.t(.reportTasksHeading)))</h2>" + HTML.table(headers, rows)
            + "<p class=\"muted\">\(Markup.escape(c.t(.reportTaskNote)))</p></section>"
    }

    static func schools(_ c: ReportContent) -> String {
        let bars = c.schools.compactMap { d -> BarChart.Bar? in
            guard let ratio = d.studentsPerStaff else { return nil }
            let color = d.has(.understaffed) ? "#c0392b" : d.has(.overstaffed) ? "#e67e22" : "#27ae60"
            return BarChart.Bar(label: d.school.name, value: ratio, reference: d.staffNorm?.studentsPerStaff, color: color)
        }
        let chart = BarChart(title: c.t(.uiRatioChartTitle), unit: c.t(.uiRatioUnit), bars: bars, referenceLabel: c.t(.labelNorm)).svg()
        let rows = c.schools.map { d in
            [
                Markup.escape(d.townshipName), Markup.escape(d.school.name), Markup.escape(c.t(d.school.level.label)),
                d.school.students.map(String.init) ?? "—", d.school.staff.map(String.init) ?? "—",
                d.studentsPerStaff.map { Format.fixed($0, digits: 1) } ?? "—",
                d.staffSurplus.map { Format.fixed($0, digits: 1) } ?? "—",
                Markup.escape(d.flags.map { c.t($0.label) }.joined(separator: " ")),
                Markup.escape(d.reasons.map { c.t($0.text) }.joined(separator: c.language == .zh ? "" : " ")),
            ]
        }
        let county = c.county
        let summary = c.t(
            .reportSchoolsSummary, county.schools, county.students, county.staff, Format.fixed(county.staffNeeded, digits: 1),
            Format.fixed(county.staffExcess, digits: 1), Format.fixed(county.staffShortfall, digits: 1))
        let headers = [
            c.t(.labelTownship), c.t(.labelSchool), c.t(.labelLevel), c.t(.labelStudents), c.t(.labelStaff), c.t(.labelRatio),
            c.t(.labelSurplus), c.t(.labelFlags), c.t(.labelReasons),
        ]
        return "<section><h2>\(Markup.escape(c.t(.reportSchoolsHeading)))</h2><p>\(Markup.escape(summary))</p>"
            + "<div class=\"chart\">\(chart)</div>" + HTML.table(headers, rows) + "</section>"
    }
}
