public import Domain
import Foundation
public import Localization

/// Judges an indicator's progress in an area against its target (三色预警).
///
/// The expected path runs in a straight line from the start — the baseline when the indicator
/// has one, else its earliest observation — to the target value at the end of the target year.
/// Times are moments on one scale (`FractionalYear`): a period is judged at its end, and "by 2025"
/// means by the end of 2025.
///
/// - green: the target is met, or the latest value is on or ahead of the path;
/// - yellow: behind the path by less than `yellowShare` of the start-to-target distance, or no
///   path can be drawn yet (one observation, no baseline) and the target is not met;
/// - red: behind by more, or the target year has passed unmet;
/// - grey: no observation, the latest is older than `staleAfterYears`, or no target is set.
public struct ProgressEvaluator: Sendable {
    /// The moment statuses are judged at.
    public let now: FractionalYear

    public init(now: FractionalYear) {
        self.now = now
    }

    /// The status of one indicator in one area, from its observations there.
    public func evaluate(
        _ indicator: Indicator, areaID: Division.ID, areaName: String, isCounty: Bool, observations: [Observation]
    ) -> IndicatorStatus {
        let history = observations.sorted { $0.period < $1.period }
        let target = indicator.target(for: areaID, isCounty: isCounty)
        var result = IndicatorStatus(
            indicator: indicator, areaID: areaID, areaName: areaName, latest: history.last, target: target,
            expectedAtLatest: nil, expectedNow: nil, status: .grey, reason: L10n.message(.statusNoData), history: history,
            undatedValue: nil)
        let start = pathStart(indicator, history)
        if let target, let start {
            result.expectedNow = Self.path(start: start, target: target, at: now)
        }
        guard let latest = history.last else { return result }
        let value = format(latest.value, indicator)
        if now - latest.period.end > indicator.staleAfterYears {
            result.reason = L10n.message(.statusStale, latest.period, value)
            return result
        }
        guard let target else {
            result.reason = L10n.message(.statusNoTarget, latest.period, value)
            return result
        }
        let targetText = format(target.value, indicator)
        let sign: Double = indicator.direction == .higherIsBetter ? 1 : -1
        if sign * (latest.value - target.value) >= 0 {
            result.status = .green
            result.reason = L10n.message(
                .statusMet, zh: [latest.period, value, target.yearText.zh, targetText],
                en: [latest.period, value, target.yearText.en, targetText])
            return result
        }
        if now >= target.due {
            result.status = .red
            result.reason = L10n.message(
                .statusTargetPassed, zh: [target.yearText.zh, latest.period, value, targetText],
                en: [target.yearText.en, latest.period, value, targetText])
            return result
        }
        guard let start, start.time < latest.period.end else {
            result.status = .yellow
            result.reason = L10n.message(
                .statusNoPath, zh: [latest.period, value, target.yearText.zh, targetText],
                en: [latest.period, value, target.yearText.en, targetText])
            return result
        }
        let expected = Self.path(start: start, target: target, at: latest.period.end)
        result.expectedAtLatest = expected
        let behind = sign * (expected - latest.value)
        let expectedText = format(expected, indicator)
        if behind <= 1e-9 {
            result.status = .green
            result.reason = L10n.message(.statusOnTrack, latest.period, value, expectedText)
            return result
        }
        let distance = abs(target.value - start.value) > 0 ? abs(target.value - start.value) : max(abs(target.value), 1)
        result.status = behind < indicator.yellowShare * distance ? .yellow : .red
        let gap =
            indicator.isPercent
            ? L10n.message(.gapPercentagePoints, Format.number(behind, digits: 1))
            : L10n.message(.gapUnits, Format.number(behind, digits: 1), indicator.unit)
        result.reason = L10n.message(
            .statusBehind, zh: [latest.period, value, expectedText, gap.zh], en: [latest.period, value, expectedText, gap.en])
        return result
    }

    /// Where the path starts: the baseline, or else the earliest observation.
    func pathStart(_ indicator: Indicator, _ history: [Observation]) -> (time: FractionalYear, value: Double)? {
        if let value = indicator.baselineValue, let year = indicator.baselineYear { return (.endOfYear(year), value) }
        guard let first = history.first else { return nil }
        return (first.period.end, first.value)
    }

    /// The straight-line path value at a time, clamped to the start and the target.
    static func path(start: (time: FractionalYear, value: Double), target: IndicatorTarget, at time: FractionalYear) -> Double {
        let end = target.due
        guard end > start.time else { return target.value }
        let fraction = min(1, max(0, (time - start.time) / (end - start.time)))
        return start.value + fraction * (target.value - start.value)
    }

    func format(_ value: Double, _ indicator: Indicator) -> String {
        indicator.isPercent ? Format.number(value, digits: 1) + "%" : Format.number(value, digits: 2) + indicator.unit
    }
}

extension IndicatorTarget {
    /// The target year as shown: "2025", or "2025（规划期末，假设）" when the year is the system's
    /// reading of the plan rather than a year the plan states.
    public var yearText: Localized {
        yearAssumed ? L10n.message(.targetYearAssumed, year) : Localized(zh: String(year), en: String(year))
    }
}
