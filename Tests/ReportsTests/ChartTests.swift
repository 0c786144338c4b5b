import Testing

@testable import Charts

@Suite("Trend charts: axes that read well")
struct ChartTests {
    @Test("ticks are 1, 2 or 5 × 10ⁿ apart, whole for counts, and reach past the highest value when asked")
    func ticks() {
        #expect(SVG.ticks(0, 3.4, wholeNumbers: true, covering: true) == [0, 1, 2, 3, 4])
        #expect(SVG.ticks(0, 1.7) == [0, 0.5, 1, 1.5])
        #expect(SVG.ticks(0, 1.7, wholeNumbers: true, covering: true) == [0, 1, 2])
        #expect(SVG.ticks(0, 87, covering: true) == [0, 20, 40, 60, 80, 100])
    }

    @Test("the value axis ends on a labelled tick above the target, so the gap shows; text is 12 units; a legend names the lines")
    func chart() {
        var chart = TrendChart(
            title: "t", unit: "%",
            points: [.init(time: 2023, value: 12, label: "2022"), .init(time: 2024, value: 14, label: "2023")],
            path: (.init(time: 2023, value: 12, label: "a"), .init(time: 2026, value: 20, label: "b")),
            target: (value: 20, year: 2025, label: "目标 20"), emptyText: "—")
        chart.legend = ("观测值", "达标所需进度")
        let svg = chart.svg()
        #expect(svg.contains("font-size=\"12\""))
        #expect(svg.contains(">20</text>") || svg.contains(">25</text>"), "an axis label at or above the target")
        #expect(svg.contains(">观测值</text>") && svg.contains(">达标所需进度</text>"))
        #expect(!svg.contains(">12.5</text>"), "whole-number values get whole-number ticks")
    }
}
