public import Domain
public import Localization

/// A breach of a validation rule by one observation.
public struct RuleViolation: Sendable, Hashable {
    public var observation: Observation
    public var rule: ValidationRule
    public var message: Localized

    public var isError: Bool { rule.severity == .error }
}

/// Checks new observations against the rules, together with the observations already stored
/// (DHIS2's validation rule analysis): range and sign, numerator ≤ denominator, township sum ≤
/// county total, and jumps from the previous period.
public struct ObservationValidator: Sendable {
    public let rules: [ValidationRule]
    /// Which division is the county and which are townships, by id.
    public let countyID: Division.ID?
    public let townshipIDs: Set<Division.ID>

    public init(rules: [ValidationRule], countyID: Division.ID?, townshipIDs: Set<Division.ID>) {
        self.rules = rules
        self.countyID = countyID
        self.townshipIDs = townshipIDs
    }

    /// Violations of the incoming observations, judged against `stored` with the incoming
    /// ones replacing stored values of the same indicator, area and period.
    public func violations(of incoming: [Observation], stored: [Observation]) -> [RuleViolation] {
        var merged: [Observation.Key: Observation] = [:]
        for o in stored { merged[o.key] = o }
        for o in incoming { merged[o.key] = o }
        var found: [RuleViolation] = []
        for o in incoming {
            for rule in rules where rule.indicatorCode == o.indicatorCode {
                if let message = check(rule, o, merged) {
                    found.append(RuleViolation(observation: o, rule: rule, message: message))
                }
            }
        }
        return found
    }

    private func check(_ rule: ValidationRule, _ o: Observation, _ all: [Observation.Key: Observation]) -> Localized? {
        let value = Format.number(o.value, digits: 4)
        switch rule.check {
        case .range(let minimum, let maximum):
            if let minimum, o.value < minimum {
                return L10n.message(.ruleBelowMinimum, value, Format.number(minimum, digits: 4))
            }
            if let maximum, o.value > maximum {
                return L10n.message(.ruleAboveMaximum, value, Format.number(maximum, digits: 4))
            }
        case .notAbove(let other):
            if let bound = all[Observation.Key(indicatorCode: other, areaID: o.areaID, period: o.period)], o.value > bound.value {
                return L10n.message(.ruleAboveOther, value, other, Format.number(bound.value, digits: 4))
            }
        case .townshipSumNotAboveCounty:
            guard let countyID, let county = all[Observation.Key(indicatorCode: o.indicatorCode, areaID: countyID, period: o.period)],
                o.areaID == countyID || townshipIDs.contains(o.areaID)
            else { return nil }
            let sum = all.values.filter {
                $0.indicatorCode == o.indicatorCode && $0.period == o.period && townshipIDs.contains($0.areaID)
            }.reduce(0) { $0 + $1.value }
            if sum > county.value + 1e-9 {
                return L10n.message(.ruleTownshipSum, Format.number(sum, digits: 4), Format.number(county.value, digits: 4), o.period)
            }
        case .jump(let share):
            guard let previous = all[Observation.Key(indicatorCode: o.indicatorCode, areaID: o.areaID, period: o.period.previous)],
                previous.value != 0
            else {
                return nil
            }
            let change = abs(o.value - previous.value) / abs(previous.value)
            if change > share {
                return L10n.message(
                    .ruleJump, o.period.previous, Format.number(previous.value, digits: 4), value,
                    Format.number(change * 100, digits: 0), Format.number(share * 100, digits: 0))
            }
        }
        return nil
    }
}
