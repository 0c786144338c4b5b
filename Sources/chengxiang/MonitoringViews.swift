import Domain
import Foundation
import Localization
import Monitoring
import Records
import Services

/// Renders indicator statuses and tasks for the terminal and for scripts. A target whose year is
/// assumed, or a ratio whose denominator is, says so wherever it is shown.
struct MonitoringViews {
    let language: Language

    func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: arguments).text(language)
    }

    /// One line per indicator × area, coloured by a word (no terminal colours: logs stay clean),
    /// then the notes of assumed denominators.
    func statusTable(_ statuses: [IndicatorStatus], catalogue: [Indicator]) -> String {
        var table = TextTable(
            header: [.uiStatus, .colIndicator, .colArea, .colLatest, .colTarget, .colExpectedNow, .colReason].map { t($0) },
            alignments: [.left, .left, .left, .right, .right, .right, .left])
        for s in statuses.enumerated().sorted(by: { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }).map(\.element) {
            table.add([
                s.status.label.text(language), s.indicator.name(language), s.areaName,
                s.latest.map { s.indicator.latestText($0).text(language) } ?? s.undatedValue.map { s.indicator.valueText($0) } ?? "—",
                s.target.map { s.indicator.targetText($0).text(language) } ?? "—",
                s.expectedNow.map { s.indicator.valueText($0) } ?? "—", s.reason.text(language),
            ])
        }
        let counts = StatusColor.allCases.map { c in "\(c.label.text(language)) \(statuses.filter { $0.status == c }.count)" }
        return table.render() + "\n\n" + counts.joined(separator: "  ") + notes(Set(statuses.map(\.indicator.code)), catalogue)
    }

    /// The notes of indicators whose denominators are assumed, one line each.
    func notes(_ codes: Set<String>, _ catalogue: [Indicator]) -> String {
        let notes = catalogue.filter { codes.contains($0.code) }.compactMap { i in
            i.denominatorNote(in: catalogue).map { "\n  * \(i.name(language))：\($0.text(language))" }
        }
        return notes.isEmpty ? "" : "\n" + notes.joined()
    }

    /// The JSON promised by `indicators status --format json`: one object per indicator × area.
    func statusJSON(_ statuses: [IndicatorStatus], catalogue: [Indicator]) throws -> String {
        String(decoding: try Records.json(statuses.map { IndicatorStatusRecord($0, catalogue: catalogue) }), as: UTF8.self)
    }

    /// The indicator catalogue.
    func indicatorTable(_ indicators: [Indicator]) -> String {
        var table = TextTable(
            header: [.colCode, .colName, .colUnit, .colLevels, .colDirection, .colIndicatorKind, .colTargets, .colSource].map { t($0) },
            alignments: [.left, .left, .left, .left, .left, .left, .left, .left])
        for i in indicators {
            let kind: String
            switch i.kind {
            case .value: kind = t(.kindEntered)
            case .ratio(let n, let d): kind = "\(n)÷\(d)"
            case .computed: kind = t(.kindComputed)
            }
            let targets = i.targets.map { i.targetText($0).text(language) }.joined(separator: language == .zh ? "；" : "; ")
            table.add([
                i.code, i.name(language), i.unit, i.levels.map { $0.label.text(language) }.joined(separator: "/"),
                t(i.direction == .higherIsBetter ? .directionHigher : .directionLower), kind, targets.isEmpty ? "—" : targets, i.source,
            ])
        }
        return table.render() + notes(Set(indicators.map(\.code)), indicators)
    }

    /// The task checklist with deadline states.
    func taskTable(_ tasks: [PlanTask], now: FractionalYear) -> String {
        var table = TextTable(
            header: [.colCode, .colTask, .colOwner, .colDeadline, .colStatus, .colProgress, .colDeadlineState, .colIndicators].map {
                t($0)
            },
            alignments: [.left, .left, .left, .left, .left, .right, .left, .left])
        for task in tasks {
            let state = task.deadlineState(now: now)
            table.add([
                task.code, task.name, task.ownerUnit ?? t(.uiNotNamed), task.deadlineText?.text(language) ?? t(.uiNone),
                task.status.label.text(language), task.percentComplete.map { Format.number($0, digits: 0) + "%" } ?? "—",
                state == .overdue || state == .pastDeadlineProgressUnknown ? state.label.text(language) : "",
                task.indicatorCodes.joined(separator: " "),
            ])
        }
        let overdue = tasks.filter { $0.deadlineState(now: now) == .overdue }.count
        let unknown = tasks.filter { $0.deadlineState(now: now) == .pastDeadlineProgressUnknown }.count
        return table.render() + "\n\n" + t(.tasksSummary, tasks.count, overdue, unknown)
    }

    /// Tasks as JSON for scripts.
    func taskJSON(_ tasks: [PlanTask], now: FractionalYear) throws -> String {
        String(decoding: try Records.json(tasks.map { TaskRecord($0, now: now) }), as: UTF8.self)
    }
}
