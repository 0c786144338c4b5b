public import Domain
import Foundation
public import Localization

/// How indicator values and targets are written wherever they are shown (terminal, pages,
/// workbook, report), so that every view labels an assumption the same way.
extension Indicator {
    /// A value with its unit: "41.0%" or "100 个".
    public func valueText(_ value: Double) -> String {
        isPercent ? Format.fixed(value, digits: 1) + "%" : Format.number(value, digits: 2) + " " + unit
    }

    /// A target with its year: "60.0%（2025）", or with the year marked as the system's reading of
    /// the plan: "100.0%（2025，规划期末，假设）".
    public func targetText(_ target: IndicatorTarget) -> Localized {
        L10n.message(target.yearAssumed ? .targetAssumedYear : .targetStated, valueText(target.value), target.year)
    }

    /// The latest observation: "41.0%（2024）".
    public func latestText(_ observation: Observation) -> Localized {
        L10n.message(.latestValue, valueText(observation.value), observation.period)
    }

    /// The note an assumed denominator carries, naming it; nil when the source names it.
    public func denominatorNote(in catalogue: [Indicator]) -> Localized? {
        guard denominatorAssumed, case .ratio(_, let denominator) = kind else { return nil }
        let other = catalogue.first { $0.code == denominator }
        return L10n.message(
            .denominatorAssumed, zh: [other?.nameZh ?? denominator], en: [other?.nameEn ?? denominator])
    }

    /// The indicator's name in a language.
    public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
}
