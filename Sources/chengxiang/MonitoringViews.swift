import Domain
import Foundation
import Localization
import Monitoring
import Services

/// Renders indicator statuses and tasks for the terminal and for scripts.
struct MonitoringViews {
    let language: Language

    func valueText(_ value: Double, _ indicator: Indicator) -> String {
        indicator.isPercent ? Format.number(value, digits: 1) + "%" : Format.number(value, digits: 2) + " " + indicator.unit
    }

    /// One line per indicator × area, coloured by a word (no terminal colours: logs stay clean).
    func statusTable(_ statuses: [IndicatorStatus]) -> String {
        let zh = language == .zh
        var table = TextTable(
            header: zh ? ["状态", "指标", "地区", "最新", "目标", "按期应达（现在）", "原因"]
                : ["status", "indicator", "area", "latest", "target", "expected now", "reason"],
            alignments: [.left, .left, .left, .right, .right, .right, .left])
        for s in statuses.enumerated().sorted(by: { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }).map(\.element) {
            table.add([
                s.status.label.text(language), zh ? s.indicator.nameZh : s.indicator.nameEn, s.areaName,
                s.latest.map { "\(valueText($0.value, s.indicator))（\($0.period)）" } ?? "—",
                s.target.map { "\(valueText($0.value, s.indicator))（\($0.year)）" } ?? "—",
                s.expectedNow.map { valueText($0, s.indicator) } ?? "—", s.reason.text(language),
            ])
        }
        let counts = StatusColor.allCases.map { c in "\(c.label.text(language)) \(statuses.filter { $0.status == c }.count)" }
        return table.render() + "\n\n" + counts.joined(separator: "  ")
    }

    /// The JSON promised by `indicators status --format json`: one object per indicator × area.
    func statusJSON(_ statuses: [IndicatorStatus]) throws -> String {
        String(decoding: try Records.json(statuses.map(IndicatorStatusRecord.init)), as: UTF8.self)
    }

    /// The indicator catalogue.
    func indicatorTable(_ indicators: [Indicator]) -> String {
        let zh = language == .zh
        var table = TextTable(
            header: zh ? ["代码", "名称", "单位", "层级", "方向", "类型", "目标", "来源"]
                : ["code", "name", "unit", "levels", "direction", "kind", "targets", "source"],
            alignments: [.left, .left, .left, .left, .left, .left, .left, .left])
        for i in indicators {
            let levels = i.levels.map { tier -> String in
                switch tier {
                case .county: zh ? "县" : "county"
                case .township: zh ? "乡镇" : "township"
                case .village: zh ? "村" : "village"
                }
            }.joined(separator: "/")
            let kind: String
            switch i.kind {
            case .value: kind = zh ? "填报" : "entered"
            case .ratio(let n, let d): kind = "\(n)÷\(d)"
            case .computed: kind = zh ? "系统计算" : "computed"
            }
            let targets = i.targets.map { "\(valueText($0.value, i))（\($0.year)）" }.joined(separator: "；")
            table.add([
                i.code, zh ? i.nameZh : i.nameEn, i.unit, levels,
                i.direction == .higherIsBetter ? (zh ? "越高越好" : "higher") : (zh ? "越低越好" : "lower"), kind,
                targets.isEmpty ? "—" : targets, i.source,
            ])
        }
        return table.render()
    }

    /// The task checklist with overdue flags.
    func taskTable(_ tasks: [PlanTask], now: Double) -> String {
        let zh = language == .zh
        var table = TextTable(
            header: zh ? ["代码", "任务", "责任单位", "截止", "状态", "进度", "逾期", "关联指标"]
                : ["code", "task", "owner", "deadline", "status", "progress", "overdue", "indicators"],
            alignments: [.left, .left, .left, .left, .left, .right, .left, .left])
        for t in tasks {
            table.add([
                t.code, t.name, t.ownerUnit ?? (zh ? "未明确" : "not named"), t.deadline ?? (zh ? "未定" : "none"),
                zh ? t.status.chineseName : t.status.rawValue, t.percentComplete.map { Format.number($0, digits: 0) + "%" } ?? "—",
                t.isOverdue(now: now) ? (zh ? "逾期" : "overdue") : "", t.indicatorCodes.joined(separator: " "),
            ])
        }
        let overdue = tasks.filter { $0.isOverdue(now: now) }.count
        return table.render() + "\n\n" + (zh ? "共 \(tasks.count) 项，逾期 \(overdue) 项" : "\(tasks.count) tasks, \(overdue) overdue")
    }

    /// Tasks as JSON for scripts.
    func taskJSON(_ tasks: [PlanTask], now: Double) throws -> String {
        String(decoding: try Records.json(tasks.map { TaskRecord($0, now: now) }), as: UTF8.self)
    }
}
