import Domain
import Foundation
import Localization
import Planning
import Records
import Services

/// Renders consolidation scenarios for the terminal; every view of a scenario's figures carries
/// its notes.
struct ScenarioViews {
    let language: Language

    func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: arguments).text(language)
    }

    var separator: String { language == .zh ? "、" : ", " }

    /// One scenario: what it keeps and closes, where pupils go, what it means, and its notes.
    func report(_ s: Scenario) -> String {
        let r = s.result
        var lines = [
            t(.scnHeading, s.id, s.name, r.options.level.label.text(language), r.options.model.label.text(language)),
            t(
                .scnSolve, t(r.method == "exact" ? .scnExact : .scnHeuristic), r.provenOptimal ? t(.scnProven) : "",
                Format.fixed(r.objective, digits: 2), r.bound.map { t(.scnBound, Format.fixed($0, digits: 2)) } ?? "",
                r.gap.map { t(.scnGap, Format.fixed($0 * 100, digits: 2)) } ?? "", Format.fixed(r.seconds, digits: 3)),
            "",
        ]
        let kept = r.sites.filter(\.open)
        lines.append(t(.scnKept, kept.count, kept.map { $0.isNew ? t(.scnNewMark, $0.name) : $0.name }.joined(separator: separator)))
        let closed = r.closedSites
        lines.append(t(.scnClosed, closed.count, closed.isEmpty ? "—" : closed.map(\.name).joined(separator: separator)))
        lines.append("")
        var table = TextTable(
            header: [
                t(.labelSchool), t(.uiPupils), t(.uiGoesTo), "\(t(.uiJourney))（\(r.options.unit.label.text(language))）", t(.uiBeyondWalk),
            ],
            alignments: [.left, .right, .left, .right, .left])
        for a in r.assignments where a.from != a.to {
            table.add([
                a.fromName, Format.fixed(a.pupils, digits: 0), a.toName, Format.fixed(a.cost, digits: 2),
                a.beyondWalkLimit ? t(.uiYes) : "",
            ])
        }
        lines.append(table.rows.isEmpty ? t(.scnNoMoves) : table.render())
        lines.append("")
        for row in ScenarioComparison.rows([s]).dropFirst(2) {
            lines.append("  \(row.label.text(language))：\(row.values[0].text(language))")
        }
        if !closed.isEmpty {
            lines.append(
                t(
                    .scnIdle,
                    closed.map { "\($0.name) \(Format.number($0.landMu ?? 0, digits: 2)) \(t(.unitMu))" }.joined(separator: separator)))
        }
        lines.append("")
        lines.append(contentsOf: s.notes.map { "  * " + $0.text(language) })
        return lines.joined(separator: "\n")
    }

    /// The stored scenarios, one line each, then the notes they rest on.
    func list(_ scenarios: [Scenario]) -> String {
        guard !scenarios.isEmpty else { return t(.scnNone) }
        var table = TextTable(
            header: ["#", t(.uiName), t(.uiStage), t(.uiModel), t(.uiKept), t(.uiClosed), t(.uiMeanJourney), t(.labelOptimalShort)],
            alignments: [.right, .left, .left, .left, .right, .right, .right, .left])
        for s in scenarios {
            let r = s.result
            table.add([
                String(s.id.rawValue), s.name, r.options.level.label.text(language), r.options.model.label.text(language),
                String(r.schoolsKept), String(r.schoolsClosed), r.options.unit.quantity(r.meanCost, digits: 2).text(language),
                r.provenOptimal ? t(.uiYes) : t(.uiNo),
            ])
        }
        return table.render() + "\n\n" + notes(scenarios)
    }

    /// Scenarios side by side, then each scenario's notes.
    func comparison(_ scenarios: [Scenario]) -> String {
        var table = TextTable(
            header: [t(.uiMeasure)] + scenarios.map { "#\($0.id) \($0.name)" }, alignments: [.left] + scenarios.map { _ in .right })
        for row in ScenarioComparison.rows(scenarios) { table.add([row.label.text(language)] + row.values.map { $0.text(language) }) }
        return table.render() + "\n\n" + notes(scenarios)
    }

    /// Each scenario's notes under its name.
    func notes(_ scenarios: [Scenario]) -> String {
        scenarios.map { s in (["#\(s.id) \(s.name)"] + s.notes.map { "  * " + $0.text(language) }).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    func json(_ scenarios: [Scenario]) throws -> String {
        String(decoding: try Records.json(scenarios.map(ScenarioRecord.init)), as: UTF8.self)
    }
}
