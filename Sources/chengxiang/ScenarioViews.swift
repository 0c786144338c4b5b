import Foundation
import Localization
import Planning
import Services

/// Renders consolidation scenarios for the terminal.
struct ScenarioViews {
    let language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// One scenario: what it keeps and closes, where pupils go, and what it means.
    func report(_ s: Scenario) -> String {
        let r = s.result
        let unit = r.options.unit == .kilometres ? t("公里", "km") : t("分钟", "min")
        var lines = [
            "\(t("方案", "Scenario")) #\(s.id)「\(s.name)」 · \(r.options.level.chineseName) · \(r.options.model.chineseName)",
            "\(t("求解", "Solve")): \(r.method == "exact" ? t("精确", "exact") : t("启发式", "heuristic"))"
                + (r.provenOptimal ? t("（已证明最优）", " (proven optimal)") : "")
                + "  \(t("目标值", "objective")) \(Format.fixed(r.objective, digits: 2))"
                + (r.bound.map { "  \(t("界", "bound")) \(Format.fixed($0, digits: 2))" } ?? "")
                + (r.gap.map { "  \(t("差距", "gap")) \(Format.fixed($0 * 100, digits: 2))%" } ?? "")
                + "  \(Format.fixed(r.seconds, digits: 3)) s",
            "",
        ]
        let kept = r.sites.filter(\.open)
        lines.append("\(t("保留", "Kept")) (\(kept.count)): " + kept.map { $0.isNew ? "\($0.name)（\(t("新建", "new"))）" : $0.name }.joined(separator: "、"))
        let closed = r.closedSites
        lines.append("\(t("撤并", "Closed")) (\(closed.count)): " + (closed.isEmpty ? "—" : closed.map(\.name).joined(separator: "、")))
        lines.append("")
        var table = TextTable(
            header: [t("学校", "school"), t("学生", "pupils"), t("去向", "goes to"), "\(t("路程", "journey"))（\(unit)）", t("超出步行上限", "beyond walk")],
            alignments: [.left, .right, .left, .right, .left])
        for a in r.assignments where a.from != a.to {
            table.add([a.fromName, Format.fixed(a.pupils, digits: 0), a.toName, Format.fixed(a.cost, digits: 2), a.beyondWalkLimit ? t("是", "yes") : ""])
        }
        lines.append(table.rows.isEmpty ? t("没有学生需要转学。", "No pupil changes school.") : table.render())
        lines.append("")
        for (label, values) in ScenarioComparison.rows([s]).dropFirst(2) {
            lines.append("  \(label.text(language))：\(values[0])")
        }
        if !closed.isEmpty {
            lines.append("  \(t("闲置校舍", "idle school sites"))：" + closed.map { "\($0.name) \(Format.number($0.landMu ?? 0, digits: 2)) 亩" }.joined(separator: "、"))
        }
        lines.append("")
        lines.append(contentsOf: (language == .zh ? r.notesZh : r.notesEn).map { "  * " + $0 })
        return lines.joined(separator: "\n")
    }

    /// The stored scenarios, one line each.
    func list(_ scenarios: [Scenario]) -> String {
        var table = TextTable(
            header: ["#", t("名称", "name"), t("学段", "stage"), t("模型", "model"), t("保留", "kept"), t("撤并", "closed"), t("平均路程", "mean journey"), t("最优", "optimal")],
            alignments: [.right, .left, .left, .left, .right, .right, .right, .left])
        for s in scenarios {
            let r = s.result
            table.add([
                String(s.id), s.name, r.options.level.chineseName, r.options.model.chineseName, String(r.schoolsKept), String(r.schoolsClosed),
                "\(Format.fixed(r.meanCost, digits: 2)) \(r.options.unit.rawValue)", r.provenOptimal ? t("是", "yes") : t("否", "no"),
            ])
        }
        return scenarios.isEmpty ? t("还没有方案；用 chengxiang schools plan 创建。", "No scenarios yet; create one with chengxiang schools plan.") : table.render()
    }

    /// Scenarios side by side.
    func comparison(_ scenarios: [Scenario]) -> String {
        var table = TextTable(
            header: [t("指标", "measure")] + scenarios.map { "#\($0.id) \($0.name)" },
            alignments: [.left] + scenarios.map { _ in .right })
        for (label, values) in ScenarioComparison.rows(scenarios) { table.add([label.text(language)] + values) }
        return table.render()
    }

    func json(_ scenarios: [Scenario]) throws -> String {
        String(decoding: try Records.json(scenarios.map(ScenarioRecord.init)), as: UTF8.self)
    }
}
