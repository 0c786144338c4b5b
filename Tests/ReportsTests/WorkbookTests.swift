import Analysis
import Domain
import Foundation
import Localization
import Monitoring
import Reports
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back what libxlsxwriter wrote: sheet names, shared strings, cell values and fills.
struct WorkbookReadBack {
    let archive: Archive

    init(_ url: URL) throws {
        archive = try Archive(url: url, accessMode: .read)
    }

    func xml(_ path: String) throws -> String {
        var data = Data()
        _ = try archive.extract(try #require(archive[path])) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every match of a regular expression's first group.
    func all(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    var sheetNames: [String] { get throws { try all("<sheet name=\"([^\"]+)\"", in: try xml("xl/workbook.xml")) } }
    var sharedStrings: [String] { get throws { try all("<t[^>]*>([^<]*)</t>", in: try xml("xl/sharedStrings.xml")) } }

    /// The text of a cell (shared string or number) and its style index.
    func cell(_ sheet: Int, _ ref: String) throws -> (text: String, style: Int)? {
        let sheetXML = try xml("xl/worksheets/sheet\(sheet).xml")
        let pattern = "<c r=\"\(ref)\"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>"
        let regex = try NSRegularExpression(pattern: pattern)
        guard let m = regex.firstMatch(in: sheetXML, range: NSRange(sheetXML.startIndex..., in: sheetXML)) else { return nil }
        let attributes = String(sheetXML[Range(m.range(at: 1), in: sheetXML)!])
        let value = String(sheetXML[Range(m.range(at: 2), in: sheetXML)!])
        let style = Int(try all("s=\"([0-9]+)\"", in: attributes).first ?? "0") ?? 0
        let text = attributes.contains("t=\"s\"") ? try sharedStrings[Int(value)!] : value
        return (text, style)
    }

    /// The solid fill colour (RRGGBB) of a cell style, if any.
    func fill(style: Int) throws -> String? {
        let styles = try xml("xl/styles.xml")
        let xfs = try all("<cellXfs[^>]*>(.*?)</cellXfs>", in: styles).first ?? ""
        let xfList = try all("(<xf [^>]*>)", in: xfs)
        guard style < xfList.count, let fillID = Int(try all("fillId=\"([0-9]+)\"", in: xfList[style]).first ?? "") else { return nil }
        let fills = try all("(<fill>.*?</fill>)", in: try all("<fills[^>]*>(.*?)</fills>", in: styles).first ?? "")
        guard fillID < fills.count else { return nil }
        return try all("<fgColor rgb=\"FF([0-9A-F]{6})\"", in: fills[fillID]).first
    }

    /// Whether the sheet's first row is frozen.
    func frozenHeader(_ sheet: Int) throws -> Bool {
        try xml("xl/worksheets/sheet\(sheet).xml").contains(
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
    }
}

/// A small report: two indicators (one red, one grey), one observation, two tasks, two schools.
func sampleContent() -> ReportContent {
    let share = Indicator(
        code: "AGR_SCALE_SHARE", nameZh: "规模经营和社会化服务面积占比", nameEn: "share", unit: "%", levels: [.county],
        baselineValue: 30, baselineYear: 2020, targets: [IndicatorTarget(value: 60, year: 2025)], source: "规划 第六章")
    let retention = Indicator(
        code: "EDU_RETENTION", nameZh: "九年义务教育巩固率", nameEn: "retention", unit: "%", levels: [.county],
        targets: [IndicatorTarget(value: 99, year: 2025, yearAssumed: true)], source: "规划 第六章")
    let o = Observation(indicatorCode: share.code, areaID: 1, period: .year(2024), value: 41, source: "农业农村局")
    let evaluator = ProgressEvaluator(now: FractionalYear(2025.5))
    let statuses = [
        evaluator.evaluate(share, areaID: 1, areaName: "交城县", isCounty: true, observations: [o]),
        evaluator.evaluate(retention, areaID: 1, areaName: "交城县", isCounty: true, observations: []),
    ]
    let tasks = [
        PlanTask(code: "T-1", name: "新建城西幼儿园", source: "规划"),
        PlanTask(code: "T-2", name: "启动实施农业农村现代化规划", deadline: PartialDate("2021"), status: .inProgress, percentComplete: 40, source: "规划"),
        PlanTask(code: "T-3", name: "信息进村入户全覆盖", deadline: PartialDate("2025"), deadlineAssumed: true, source: "规划"),
        PlanTask(code: "T-4", name: "无人报告的任务", deadline: PartialDate("2021-06"), source: "规划"),
    ]
    let engine = SchoolDiagnostics(norms: NormBook(DefaultNorms.all))
    let schools = [
        engine.diagnose(
            Stored(id: 1, School(townshipID: 2, name: "东雷庄学校", level: .primary, students: 6, staff: 3, landMu: 15)), townshipName: "天宁镇"),
        engine.diagnose(
            Stored(
                id: 2, School(townshipID: 4, name: "<script>alert(1)</script>", level: .nineYear, students: 1581, staff: 58, landMu: 60)),
            townshipName: "西营镇"),
    ]
    return ReportContent(
        countyName: "交城县", language: .zh, asOf: "2025-06-30", now: FractionalYear(2025.5), statuses: statuses,
        indicators: [share, retention], observations: [.init(indicator: share, areaName: "交城县", observation: o)], tasks: tasks,
        schools: schools,
        county: SchoolRollup(schools))
}

@Suite("The Excel workbook, read back from its XML")
struct WorkbookTests {
    func written() throws -> WorkbookReadBack {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString).xlsx")
        try WorkbookWriter.write(sampleContent(), to: url.path)
        return try WorkbookReadBack(url)
    }

    @Test("four sheets with Chinese names and headers, frozen header rows")
    func sheets() throws {
        let book = try written()
        #expect(try book.sheetNames == ["指标状态", "观测值", "任务清单", "学校诊断"])
        #expect(try book.cell(1, "A1")?.text == "状态")
        #expect(try book.cell(1, "K1")?.text == "原因")
        #expect(try book.cell(3, "B1")?.text == "任务")
        #expect(try book.cell(4, "I1")?.text == "超(+)/缺(-)编")
        for sheet in 1...4 { #expect(try book.frozenHeader(sheet), "sheet \(sheet)") }
    }

    @Test("status cells are filled with their colour; values and reasons are in place")
    func statusFills() throws {
        let book = try written()
        let red = try #require(try book.cell(1, "A2"))
        #expect(red.text == "红（预警）")
        #expect(try book.fill(style: red.style) == "FFC7CE")
        let grey = try #require(try book.cell(1, "A3"))
        #expect(try book.fill(style: grey.style) == "D9D9D9")
        #expect(try book.cell(1, "E2")?.text == "41")
        #expect(try book.cell(1, "K2")?.text == "2024 实际 41%，按期应达 54%，落后 13 个百分点")
    }

    @Test("tasks show unknowns as unknown and overdue in red; schools carry their figures")
    func tasksAndSchools() throws {
        let book = try written()
        #expect(try book.cell(3, "C2")?.text == "未明确")
        #expect(try book.cell(3, "E2")?.text == "未定")
        #expect(try book.cell(3, "H2") == nil, "a task with no deadline is not overdue")
        let overdue = try #require(try book.cell(3, "H3"))
        #expect(overdue.text == "逾期")
        #expect(try book.fill(style: overdue.style) == "FFC7CE")
        #expect(try book.cell(3, "G3")?.text == "40")
        #expect(try book.cell(4, "B2")?.text == "东雷庄学校")
        #expect(try book.cell(4, "D3")?.text == "1581")
        #expect(try book.cell(4, "L2")?.text == "小规模 超编 生均占地偏高")
        #expect(try book.cell(3, "E4")?.text == "2025（规划期末，假设）")
        #expect(try book.cell(3, "H4") == nil, "an assumed deadline still to come is not flagged")
        let unknown = try #require(try book.cell(3, "H5"))
        #expect(unknown.text == "已过期限，进展不明", "no one reported on it: not called overdue")
        #expect(try book.fill(style: unknown.style) == "D9D9D9")
        #expect(try book.cell(1, "I3")?.text == "2025（规划期末，假设）")
    }

    @Test("in English the sheets, headers and states are English")
    func english() throws {
        var content = sampleContent()
        content.language = .en
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString).xlsx")
        try WorkbookWriter.write(content, to: url.path)
        let book = try WorkbookReadBack(url)
        #expect(try book.sheetNames == ["Indicator status", "Observations", "Tasks", "Schools"])
        #expect(try book.cell(3, "H5")?.text == "past deadline, progress unknown")
        #expect(try book.cell(1, "A2")?.text == "red (alert)")
    }
}

@Suite("The printable report")
struct PrintableReportTests {
    @Test("cover, alerts, a chart with its target line per indicator, tasks, schools; everything escaped")
    func html() {
        let html = PrintableReport.html(sampleContent())
        #expect(html.contains("<h1>交城县城乡融合发展监测报告</h1>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("2024 实际 41%，按期应达 54%，落后 13 个百分点"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "two indicator charts and the school bar chart")
        #expect(html.contains("class=\"target\""))
        #expect(html.contains("目标 60.0%（2025）"))
        #expect(html.contains("99.0%（2025，规划期末，假设）"))
        #expect(html.contains("逾期：启动实施农业农村现代化规划"))
        #expect(html.contains("已过期限、进展不明：无人报告的任务"))
        #expect(html.contains("重点任务 4 项：逾期 1 项，已过期限、进展不明 1 项"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
