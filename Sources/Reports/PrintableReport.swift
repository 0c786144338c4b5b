import Analysis
import Charts
import Domain
import Foundation
import Localization
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
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(Markup.escape(c.title))</title>
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
        .overdue { background: #ffc7ce; font-weight: bold; }
        @media screen { body { max-width: 190mm; margin: 10mm auto; } section { border-top: 1px dashed #ccc; margin-top: 10mm; } }
        """

    static func cover(_ c: ReportContent) -> String {
        """
        <section class="cover"><h1>\(Markup.escape(c.title))</h1>
        <p>统计时点：\(Markup.escape(c.asOf))</p>
        <p class="muted">指标与目标来自《交城县乡村振兴规划》第六章；观测值来自各部门填报；学校数据来自规划表六/1 及其后导入。
        无数据的指标显示为灰色，不作推断。由城乡（Chengxiang）系统生成。</p></section>
        """
    }

    static func summary(_ c: ReportContent) -> String {
        var out = "<section><h2>一、预警摘要</h2><p class=\"counts\">"
        for color in StatusColor.allCases {
            let n = c.statuses.filter { $0.status == color }.count
            out += "<span class=\"\(color.rawValue)\">\(Markup.escape(color.label.zh))：\(n)</span>"
        }
        out += "</p>"
        let alerts = c.alerts
        if alerts.isEmpty {
            out += "<p>没有红色或黄色预警。</p>"
        } else {
            out += HTML.table(
                ["状态", "指标", "地区", "原因"],
                alerts.map { s in
                    [
                        "<span class=\"status \(s.status.rawValue)\">\(Markup.escape(s.status.label.zh))</span>",
                        Markup.escape(s.indicator.nameZh), Markup.escape(s.areaName), Markup.escape(s.reason.zh),
                    ]
                })
        }
        let overdue = c.tasks.filter { $0.isOverdue(now: c.now) }
        out += "<p>重点任务 \(c.tasks.count) 项，逾期 \(overdue.count) 项"
        out += overdue.isEmpty ? "。" : "：" + Markup.escape(overdue.map(\.name).joined(separator: "；")) + "。"
        return out + "</p></section>"
    }

    static func indicators(_ c: ReportContent) -> String {
        var out = "<section><h2>二、指标进度</h2>"
        var seen: [String] = []
        for s in c.statuses where !seen.contains(s.indicator.code) {
            seen.append(s.indicator.code)
            let all = c.statuses.filter { $0.indicator.code == s.indicator.code }
            let lead = all.first { !$0.history.isEmpty } ?? all[0]
            let rows = all.filter { !$0.history.isEmpty || $0.areaID == lead.areaID }
            let silent = all.filter { $0.history.isEmpty && $0.areaID != lead.areaID }.map(\.areaName)
            out += "<h3>\(Markup.escape(s.indicator.nameZh))（\(Markup.escape(s.indicator.code))）</h3>"
            out += "<div class=\"chart\">\(chart(lead))</div>"
            out += HTML.table(
                ["状态", "地区", "最新", "目标", "按期应达（现在）", "原因"],
                rows.map { r in
                    [
                        "<span class=\"status \(r.status.rawValue)\">\(Markup.escape(r.status.label.zh))</span>",
                        Markup.escape(r.areaName),
                        r.latest.map { Markup.escape("\(ReportContent.valueText($0.value, r.indicator))（\($0.period)）") } ?? "—",
                        r.target.map { Markup.escape("\(ReportContent.valueText($0.value, r.indicator))（\($0.year)）") } ?? "—",
                        r.expectedNow.map { Markup.escape(ReportContent.valueText($0, r.indicator)) } ?? "—",
                        Markup.escape(r.reason.zh),
                    ]
                })
            if !silent.isEmpty {
                out += "<p class=\"muted\">暂无数据：\(Markup.escape(silent.joined(separator: "、")))</p>"
            }
            out += "<p class=\"muted\">来源：\(Markup.escape(s.indicator.source))\(s.indicator.note.map { "；" + Markup.escape($0) } ?? "")</p>"
        }
        return out + "</section>"
    }

    /// The trend chart of one indicator in one area, with the expected path and the target line.
    public static func chart(_ s: IndicatorStatus) -> String {
        let points = s.history.map {
            TrendChart.Point(time: $0.period.endTime, value: $0.value, label: "\($0.period)：\(ReportContent.valueText($0.value, s.indicator))")
        }
        var path: (start: TrendChart.Point, end: TrendChart.Point)?
        if let target = s.target {
            let start: TrendChart.Point? =
                if let v = s.indicator.baselineValue, let y = s.indicator.baselineYear {
                    TrendChart.Point(time: Double(y), value: v, label: "基期")
                } else {
                    points.first
                }
            if let start, start.time < Double(target.year) {
                path = (start, TrendChart.Point(time: Double(target.year), value: target.value, label: "目标"))
            }
        }
        let target = s.target.map { ($0.value, $0.year, "目标 \(ReportContent.valueText($0.value, s.indicator))（\($0.year)）") }
        return TrendChart(
            title: "\(s.indicator.nameZh) · \(s.areaName)", unit: s.indicator.unit, points: points, path: path,
            target: target, emptyText: "暂无数据"
        ).svg()
    }

    static func tasks(_ c: ReportContent) -> String {
        let rows = c.tasks.map { t -> [String] in
            let overdue = t.isOverdue(now: c.now)
            return [
                Markup.escape(t.code), Markup.escape(t.name), Markup.escape(t.ownerUnit ?? "未明确"), Markup.escape(t.deadline ?? "未定"),
                Markup.escape(t.status.chineseName), t.percentComplete.map { "\(Format.number($0, digits: 0))%" } ?? "—",
                overdue ? "<span class=\"overdue\">逾期</span>" : "", Markup.escape(t.evidence ?? ""),
            ]
        }
        return "<section><h2>三、重点任务清单</h2>"
            + HTML.table(["代码", "任务", "责任单位", "截止", "状态", "进度", "逾期", "佐证"], rows)
            + "<p class=\"muted\">规划未写明的责任单位、日期和进度一律显示为“未明确/未定/—”，不作推测；截止已过且未完成的任务标为逾期。</p></section>"
    }

    static func schools(_ c: ReportContent) -> String {
        let bars = c.schools.compactMap { d -> BarChart.Bar? in
            guard let ratio = d.studentsPerStaff else { return nil }
            let color = d.has(.understaffed) ? "#c0392b" : d.has(.overstaffed) ? "#e67e22" : "#27ae60"
            return BarChart.Bar(label: d.school.name, value: ratio, reference: d.staffNorm?.studentsPerStaff, color: color)
        }
        let chart = BarChart(title: "生师比与编制标准", unit: "生/教职工", bars: bars, referenceLabel: "编制标准").svg()
        let rows = c.schools.map { d in
            [
                Markup.escape(d.townshipName), Markup.escape(d.school.name), Markup.escape(d.school.level.chineseName),
                d.school.students.map(String.init) ?? "—", d.school.staff.map(String.init) ?? "—",
                d.studentsPerStaff.map { Format.fixed($0, digits: 1) } ?? "—",
                d.staffSurplus.map { Format.fixed($0, digits: 1) } ?? "—",
                Markup.escape(d.flags.map(\.label.zh).joined(separator: " ")), Markup.escape(d.reasons.map(\.text.zh).joined()),
            ]
        }
        let county = c.county
        return "<section><h2>四、学校诊断</h2><p>全县 \(county.schools) 所学校，在校 \(county.students) 人，教职工 \(county.staff) 人；"
            + "按编制标准需 \(Format.fixed(county.staffNeeded, digits: 1)) 人，超编合计 \(Format.fixed(county.staffExcess, digits: 1)) 人，"
            + "缺编合计 \(Format.fixed(county.staffShortfall, digits: 1)) 人。</p>"
            + "<div class=\"chart\">\(chart)</div>"
            + HTML.table(["乡镇", "学校", "规模", "在校", "教职", "生师比", "超/缺编", "标记", "原因"], rows) + "</section>"
    }
}
