import Domain
import Monitoring
import Testing

@Suite("DHIS2-style validation rules")
struct ValidatorTests {
    func obs(_ code: String, _ area: Division.ID, _ period: String, _ value: Double) -> Observation {
        Observation(indicatorCode: code, areaID: area, period: Period(period)!, value: value)
    }

    let validator = ObservationValidator(
        rules: [
            ValidationRule(indicatorCode: "P", check: .range(minimum: 0, maximum: 100), severity: .error),
            ValidationRule(indicatorCode: "NUM", check: .notAbove(indicator: "DEN"), severity: .error),
            ValidationRule(indicatorCode: "NUM", check: .townshipSumNotAboveCounty, severity: .error),
            ValidationRule(indicatorCode: "P", check: .jump(maximumShare: 0.5), severity: .warning),
        ],
        countyID: 1, townshipIDs: [2, 3])

    @Test("range and sign")
    func range() {
        let v = validator.violations(of: [obs("P", 1, "2024", 120), obs("P", 2, "2024", -1), obs("P", 3, "2024", 50)], stored: [])
        #expect(v.map(\.message.zh) == ["值 120 大于上限 100", "值 -1 小于下限 0"])
        #expect(v.allSatisfy { $0.isError })
    }

    @Test("numerator not above denominator, against stored and incoming values")
    func numerator() {
        let stored = [obs("DEN", 2, "2024", 1000)]
        let v = validator.violations(of: [obs("NUM", 2, "2024", 1200)], stored: stored)
        #expect(v.first?.message.zh == "值 1200 大于同期同地区的 DEN（1000）")
        #expect(validator.violations(of: [obs("NUM", 2, "2024", 900)], stored: stored).isEmpty)
        #expect(validator.violations(of: [obs("NUM", 2, "2024", 900), obs("DEN", 2, "2024", 800)], stored: stored).count == 1)
    }

    @Test("the townships' sum must not exceed the county total")
    func townshipSum() {
        let stored = [obs("NUM", 1, "2024", 500), obs("NUM", 2, "2024", 300)]
        let v = validator.violations(of: [obs("NUM", 3, "2024", 250)], stored: stored)
        #expect(v.map(\.message.zh) == ["各乡镇合计 550 超过全县 500（2024）"])
        #expect(validator.violations(of: [obs("NUM", 3, "2024", 200)], stored: stored).isEmpty)
        #expect(validator.violations(of: [obs("NUM", 3, "2024", 250)], stored: []).isEmpty, "no county total yet")
    }

    @Test("a jump beyond half the previous value is a warning, not an error")
    func jump() {
        let v = validator.violations(of: [obs("P", 1, "2024", 80)], stored: [obs("P", 1, "2023", 40)])
        #expect(v.count == 1)
        #expect(!v[0].isError)
        #expect(v[0].message.zh == "较上期 2023（40）变为 80，变化 100%，超过 50%")
        #expect(validator.violations(of: [obs("P", 1, "2024", 55)], stored: [obs("P", 1, "2023", 40)]).isEmpty)
    }
}
