public import Domain
import Foundation
import Localization

/// Judges an indicator's progress in an area against its target (三色预警).
///
/// The expected path runs in a straight line from the start — the baseline when the indicator
/// has one, else its earliest observation — to the target value at the end of the target year.
/// Times are fractional years (`Period.endTime`): "by 2025" means by 2025.0.
///
/// - green: the target is met, or the latest value is on or ahead of the path;
/// - yellow: behind the path by less than `yellowShare` of the start-to-target distance, or no
///   path can be drawn yet (one observation, no baseline) and the target is not met;
/// - red: behind by more, or the target year has passed unmet;
/// - grey: no observation, the latest is older than `staleAfterYears`, or no target is set.
public struct ProgressEvaluator: Sendable {
    /// "Now" as a fractional year (see `Period.time(of:)`).
    public let now: Double

    public init(now: Double) {
        self.now = now
    }

    /// The status of one indicator in one area, from its observations there.
    public func evaluate(
        _ indicator: Indicator, areaID: Int64, areaName: String, isCounty: Bool, observations: [Observation]
    ) -> IndicatorStatus {
        let history = observations.sorted { $0.period < $1.period }
        let target = indicator.target(for: areaID, isCounty: isCounty)
        var result = IndicatorStatus(
            indicator: indicator, areaID: areaID, areaName: areaName, latest: history.last, target: target,
            expectedAtLatest: nil, expectedNow: nil, status: .grey, reason: L10n.message(.statusNoData), history: history)
        let start = pathStart(indicator, history)
        if let target, let start {
            result.expectedNow = Self.path(start: start, target: target, at: now)
        }
        guard let latest = history.last else { return result }
        let value = format(latest.value, indicator)
        if now - latest.period.endTime > indicator.staleAfterYears {
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
            result.reason = L10n.message(.statusMet, latest.period, value, target.year, targetText)
            return result
        }
        if now >= Double(target.year) {
            result.status = .red
            result.reason = L10n.message(.statusTargetPassed, target.year, latest.period, value, targetText)
            return result
        }
        guard let start, start.time < latest.period.endTime else {
            result.status = .yellow
            result.reason = L10n.message(.statusNoPath, latest.period, value, target.year, targetText)
            return result
        }
        let expected = Self.path(start: start, target: target, at: latest.period.endTime)
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
        let gap = indicator.isPercent
            ? L10n.message(.gapPercentagePoints, Format.number(behind, digits: 1))
            : L10n.message(.gapUnits, Format.number(behind, digits: 1), indicator.unit)
        result.reason = L10n.message(
            .statusBehind, zh: [latest.period, value, expectedText, gap.zh], en: [latest.period, value, expectedText, gap.en])
        return result
    }

    /// Where the path starts: the baseline, or else the earliest observation.
    func pathStart(_ indicator: Indicator, _ history: [Observation]) -> (time: Double, value: Double)? {
        if let value = indicator.baselineValue, let year = indicator.baselineYear { return (Double(year), value) }
        guard let first = history.first else { return nil }
        return (first.period.endTime, first.value)
    }

    /// The straight-line path value at a time, clamped to the start and the target.
    static func path(start: (time: Double, value: Double), target: IndicatorTarget, at time: Double) -> Double {
        let end = Double(target.year)
        guard end > start.time else { return target.value }
        let fraction = min(1, max(0, (time - start.time) / (end - start.time)))
        return start.value + fraction * (target.value - start.value)
    }

    func format(_ value: Double, _ indicator: Indicator) -> String {
        indicator.isPercent ? Format.number(value, digits: 1) + "%" : Format.number(value, digits: 2) + indicator.unit
    }
}
