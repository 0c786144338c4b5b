import Domain
import Monitoring
import Testing

@Suite("Progress and early warning on hand-computed cases")
struct ProgressEvaluatorTests {
    /// A % indicator, higher is better, baseline 30% in 2020, target 60% by 2025 (path: +6 points a year).
    let share = Indicator(
        code: "S", nameZh: "占比", nameEn: "share", unit: "%", levels: [.county, .township], baselineValue: 30,
        baselineYear: 2020, targets: [IndicatorTarget(value: 60, year: 2025)], source: "test")

    func obs(_ code: String, _ period: String, _ value: Double, area: Division.ID = 1) -> Observation {
        Observation(indicatorCode: code, areaID: area, period: Period(period)!, value: value)
    }

    /// Evaluates at `now`, a fractional year on the calendar (2025.5 is mid-2025; the end of 2024 is 2025.0).
    func evaluate(_ indicator: Indicator, _ observations: [Observation], now: Double, area: Division.ID = 1, county: Bool = true)
        -> IndicatorStatus
    {
        ProgressEvaluator(now: FractionalYear(now)).evaluate(
            indicator, areaID: area, areaName: "交城县", isCounty: county, observations: observations)
    }

    @Test("behind the path by 11 points of a 30-point climb is red: 2024 实际 41%，按期应达 54%")
    func red() {
        let s = evaluate(share, [obs("S", "2024", 41)], now: 2025.5)
        #expect(s.expectedAtLatest == 54)
        #expect(s.status == .red)
        #expect(s.reason.zh == "2024 实际 41%，按期应达 54%，落后 13 个百分点")
        #expect(abs(s.expectedNow! - 57) < 1e-9)
    }

    @Test("behind by less than a fifth of the climb (6 points) is yellow")
    func yellow() {
        let s = evaluate(share, [obs("S", "2024", 50)], now: 2025.5)
        #expect(s.status == .yellow)
        #expect(s.reason.en == "2024 actual 50%, expected 54% on the path: 4 percentage points behind")
    }

    @Test("on or ahead of the path is green; a met target is green")
    func green() {
        #expect(evaluate(share, [obs("S", "2024", 54)], now: 2025.5).status == .green)
        let met = evaluate(share, [obs("S", "2023", 61)], now: 2025.5)
        #expect(met.status == .green)
        #expect(met.reason.zh == "2023 实际 61%，已达到目标 60%（目标年 2025）")
    }

    @Test("a quarter is judged at its end: 2024Q2 ends on 1 July 2024, about 3.5 years after the 2020 baseline")
    func quarter() {
        let s = evaluate(share, [obs("S", "2024Q2", 51)], now: 2024.6)
        let years = Period("2024Q2")!.end - FractionalYear.endOfYear(2020)
        #expect(abs(years - 3.5) < 0.01)
        #expect(abs(s.expectedAtLatest! - (30 + 6 * years)) < 1e-9)
        #expect(s.status == .green)
    }

    @Test("the target year passed unmet is red, however close")
    func targetPassed() {
        let s = evaluate(share, [obs("S", "2025", 59.5)], now: 2027.9)
        #expect(s.status == .red)
        #expect(s.reason.zh == "目标年 2025 已过，2025 实际 59.5%，未达目标 60%")
    }

    @Test("lower is better: a falling count behind its path")
    func lowerIsBetter() {
        let small = Indicator(
            code: "N", nameZh: "小规模学校数", nameEn: "small schools", unit: "所", levels: [.county], direction: .lowerIsBetter,
            baselineValue: 10, baselineYear: 2020, targets: [IndicatorTarget(value: 0, year: 2025)], source: "t")
        let behind = evaluate(small, [obs("N", "2023", 6)], now: 2024.5)  // path expects 4 in 2023
        #expect(behind.expectedAtLatest == 4)
        #expect(behind.status == .red)
        #expect(behind.reason.zh == "2023 实际 6所，按期应达 4所，落后 2 所")
        #expect(evaluate(small, [obs("N", "2023", 3)], now: 2024.5).status == .green)
        #expect(evaluate(small, [obs("N", "2023", 5)], now: 2024.5).status == .yellow)  // 1 behind < 0.2 × 10
    }

    @Test("a per-area target overrides the general one; a county total is not every township's target")
    func perAreaTargets() {
        var indicator = share
        indicator.targets.append(IndicatorTarget(value: 80, year: 2025, areaID: 7))
        #expect(indicator.target(for: 7, isCounty: false)?.value == 80)
        #expect(indicator.target(for: 8, isCounty: false)?.value == 60, "a share applies to every area")
        let s = evaluate(indicator, [obs("S", "2024", 60, area: 7)], now: 2025.5, area: 7, county: false)
        #expect(s.expectedAtLatest == 30 + 50 * 0.8)
        #expect(s.status == .red, "60% meets the county-wide 60% but is 10 points behind this township's own path to 80%")
        #expect(evaluate(indicator, [obs("S", "2024", 60, area: 8)], now: 2025.5, area: 8, county: false).status == .green)
        let villages = Indicator(
            code: "V", nameZh: "覆盖行政村数", nameEn: "villages", unit: "个", levels: [.county, .township],
            targets: [IndicatorTarget(value: 100, year: 2025)], source: "t")
        #expect(villages.target(for: 1, isCounty: true)?.value == 100)
        #expect(villages.target(for: 7, isCounty: false) == nil, "100 villages is a county total")
    }

    @Test("no data, stale data and no target are grey with their reason")
    func grey() {
        let none = evaluate(share, [], now: 2025.5)
        #expect(none.status == .grey)
        #expect(none.reason.zh == "暂无数据")
        #expect(none.expectedNow == 57, "the path needs no observation when there is a baseline")
        let stale = evaluate(share, [obs("S", "2020", 30)], now: 2025.5)
        #expect(stale.status == .grey)
        #expect(stale.reason.zh == "最新数据为 2020 年（30%），已过时")
        var noTarget = share
        noTarget.targets = []
        #expect(evaluate(noTarget, [obs("S", "2024", 41)], now: 2025.5).reason.zh == "2024 实际 41%；未设定目标")
    }

    @Test("without a baseline the path starts at the first observation; one observation cannot be judged on pace")
    func noBaseline() {
        var indicator = share
        indicator.baselineValue = nil
        indicator.baselineYear = nil
        let one = evaluate(indicator, [obs("S", "2023", 40)], now: 2024.5)
        #expect(one.status == .yellow)
        #expect(one.reason.zh == "2023 实际 40%，未达目标 60%（目标年 2025）；无基期数据，无法判断是否按期")
        let two = evaluate(indicator, [obs("S", "2022", 40), obs("S", "2024", 45)], now: 2025.5)
        // From (2022, 40) to (2025, 60): 2024 expects 53.33.
        #expect(abs(two.expectedAtLatest! - (40 + 20 * 2.0 / 3)) < 1e-9)
        #expect(two.status == .red)
    }

    @Test("periods read as clerks write them")
    func periods() {
        #expect(Period("2024年") == .year(2024))
        #expect(Period("2024Q2") == .quarter(2024, 2))
        #expect(Period("2024年第2季度") == .quarter(2024, 2))
        #expect(Period("2024-05") == .month(2024, 5))
        #expect(Period("2024年5月") == .month(2024, 5))
        #expect(Period("2024-13") == nil)
        #expect(Period(.month(2024, 1)).previous == .month(2023, 12))
        #expect(Period.month(2024, 5).description == "2024-05")
    }

    @Test("a target year that is the system's reading of the plan is said to be assumed in the reason")
    func assumedYear() {
        let assumed = Indicator(
            code: "A", nameZh: "覆盖", nameEn: "coverage", unit: "%", levels: [.county],
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true)], source: "test")
        let s = evaluate(assumed, [obs("A", "2025", 90)], now: 2026.5)
        #expect(s.reason.zh == "目标年 2025（规划期末，假设） 已过，2025 实际 90%，未达目标 100%")
        #expect(assumed.targetText(assumed.targets[0]).zh == "100.0%（2025，规划期末，假设）")
    }
}

extension Period {
    fileprivate init(_ p: Period) { self = p }
}
