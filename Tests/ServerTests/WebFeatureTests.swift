import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Services
import Store
import Testing

/// The clerk's tools through the router: search, the filtered task list, a scenario's file, the
/// import page's format guide and defaults, the indicator form's areas.
@Suite("Search, filters, exports and the import guide, through the router")
struct WebFeatureTests {
    func get(_ path: String, _ headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, HTTPFields, ByteBuffer) {
        try await app().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: headers) { ($0.status, $0.headers, $0.body) }
        }
    }

    @Test("search finds schools, townships, villages, tasks and indicators by part of a name or code, in any case or width")
    func search() async throws {
        let (status, _, body) = try await get("/search?q=%E8%A5%BF%E8%90%A5")  // 西营
        let html = String(buffer: body)
        #expect(status == .ok)
        #expect(html.contains("href=\"/schools/8\">交城县西营学校</a>"))
        #expect(html.contains(">西营镇</a>") && html.contains("/schools?township="))
        #expect(html.contains("/tasks#T-PARK-02"))
        // Lower case finds codes written in upper case; full-width digits find a code.
        let tasks = String(buffer: try await get("/search?q=t-edu").2)
        #expect(tasks.contains("/tasks#T-EDU-"))
        let code = String(
            buffer: try await get("/search?q=%EF%BC%91%EF%BC%94%EF%BC%91%EF%BC%91%EF%BC%92%EF%BC%92%EF%BC%91%EF%BC%90%EF%BC%92").2)
        #expect(code.contains(">西营镇</a>"), "１４１１２２１０２ (full width) is 西营镇's code")
        let nothing = String(buffer: try await get("/search?q=zzzz").2)
        #expect(nothing.contains("没有找到与“zzzz”相符"))
        let blank = String(buffer: try await get("/search?q=%20").2)
        #expect(blank.contains("输入名称的一部分或代码"))
        // Every page carries the search box.
        #expect(String(buffer: try await get("/schools").2).contains("action=\"/search\""))
    }

    @Test("the task list filters by bureau and status from the address; an unknown value is no filter")
    func taskFilters() async throws {
        let all = String(buffer: try await get("/tasks").2)
        let education = String(buffer: try await get("/tasks?bureau=education").2)
        let bogus = String(buffer: try await get("/tasks?bureau=nonsense&status=nonsense").2)
        let cards = { (html: String) in html.matches(of: /class="task[ "][^>]*id="([^"]+)"/).map { String($0.1) } }
        #expect(!cards(education).isEmpty && cards(education).allSatisfy { $0.hasPrefix("T-EDU") })
        #expect(cards(education).count < cards(all).count)
        #expect(cards(bogus) == cards(all))
        #expect(education.contains("<option value=\"education\" selected=\"selected\">"))
    }

    @Test("a scenario downloads as CSV (UTF-8 or GBK) and Excel, a row per school with its decision, and its notes")
    func scenarioFile() async throws {
        let (status, headers, body) = try await get("/scenarios/1/table.csv")
        #expect(status == .ok)
        #expect(headers[.contentDisposition]?.contains(".csv") == true)
        let csv = String(buffer: body)
        #expect(csv.hasPrefix("\u{FEFF}乡镇,学校,方案结果,现有学生,方案后学生"))
        #expect(csv.contains(",保留,") && csv.contains(",撤并,"))
        #expect(csv.contains("假设与说明"))
        let scenario = try Workspace(store: demoForServer).scenarios.find(["1"])[0]
        for note in scenario.notes { #expect(csv.contains(note.zh.replacingOccurrences(of: "\"", with: "\"\"")), "\(note.zh)") }
        let gbk = Array(buffer: try await get("/scenarios/1/table.csv?encoding=gbk").2)
        #expect(!gbk.starts(with: [0xEF, 0xBB, 0xBF]) && String(bytes: gbk, encoding: .utf8) == nil)
        let xlsx = Array(buffer: try await get("/scenarios/1/table.xlsx").2)
        #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let english = String(buffer: try await get("/scenarios/1/table.csv", [.cookie: "cx_lang=en"]).2)
        #expect(english.contains("Decision") && english.contains(",kept,"))
        #expect(try await get("/scenarios/999/table.csv").0 == .notFound)
        let page = String(buffer: try await get("/scenarios/1").2)
        #expect(page.contains("href=\"/scenarios/1/table.xlsx\"") && page.contains("目标值：模型所最小化"))
        #expect(page.contains("data-zoom=\"in\"") && page.contains("id=\"detail-card\""), "the scenario map zooms and has a card")
    }

    @Test("the indicator, task and completeness tables download too, with Chinese headers; each page links them")
    func tableFiles() async throws {
        let indicators = String(buffer: try await get("/indicators.csv").2)
        #expect(indicators.hasPrefix("\u{FEFF}状态,代码,指标,地区,值,单位"))
        let tasks = String(buffer: try await get("/tasks.csv").2)
        #expect(tasks.hasPrefix("\u{FEFF}代码,任务,责任单位,截止") && tasks.contains("T-EDU-04,"))
        let completeness = String(buffer: try await get("/completeness.csv").2)
        #expect(completeness.hasPrefix("\u{FEFF}乡镇,村（社区）") && completeness.contains("西营镇,"))
        for path in ["/indicators.xlsx", "/tasks.xlsx", "/completeness.xlsx"] {
            #expect(Array(buffer: try await get(path).2).starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(path)")
        }
        #expect(String(buffer: try await get("/").2).contains("href=\"/completeness.xlsx\""))
        #expect(String(buffer: try await get("/indicators").2).contains("href=\"/indicators.csv?encoding=gbk\""))
        #expect(String(buffer: try await get("/tasks").2).contains("href=\"/tasks.csv\""))
    }

    @Test("every table's Excel file opens in openpyxl with its Chinese headers and its rows")
    func workbooksOpen() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cx-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = [
            ("/schools.xlsx", "乡镇|学校|规模"), ("/scenarios/1/table.xlsx", "乡镇|学校|方案结果"), ("/indicators.xlsx", "状态|代码|指标"),
            ("/tasks.xlsx", "代码|任务|责任单位"), ("/completeness.xlsx", "乡镇|村（社区）|无代码"),
        ]
        for (path, header) in expected {
            let file = folder.appendingPathComponent("\(UUID().uuidString).xlsx")
            try Data(Array(buffer: try await get(path).2)).write(to: file)
            let script = """
                import openpyxl, sys
                ws = openpyxl.load_workbook(sys.argv[1]).active
                rows = list(ws.iter_rows(values_only=True))
                print("|".join(str(v) for v in rows[0][:3]) + " " + str(len(rows)))
                """
            let python = URL(fileURLWithPath: "/usr/bin/python3")
            let run = try await onOwnThread { try runProgram(python, ["-c", script, file.path]) }
            #expect(run.status == 0, "\(path): \(run.output)")
            let parts = run.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            #expect(parts.first.map(String.init) == header, "\(path): \(run.output)")
            #expect((parts.last.flatMap { Int($0) } ?? 0) > 1, "\(path): a header and rows")
        }
    }

    @Test("the import page has a format guide per kind, from the readers' own columns, and year and source fields")
    func importGuide() async throws {
        let auth = try session()
        let html = String(buffer: try await get("/import", [.cookie: auth]).2)
        for kind in ImportKind.allCases { #expect(html.contains("id=\"guide-\(kind.rawValue)\""), "\(kind)") }
        #expect(html.contains("<td>在校人数</td><td>必填</td>"))
        #expect(html.contains("<td>班级数</td><td>可选</td>"))
        #expect(html.contains("name=\"year\"") && html.contains("name=\"source\""))
    }

    @Test("the year and source typed with an upload go to school rows that give none; a bad year is refused")
    func importDefaults() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        let csrf = formToken(auth)
        @Sendable func upload(_ year: String) -> (String, ByteBuffer) {
            let boundary = "----cxdefaults"
            var body = Data()
            for (name, value) in [("csrf", csrf), ("kind", "schools"), ("year", year), ("source", "教育局 2023 年统计")] {
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"new.csv\"\r\n\r\n".utf8)
            body += Data("乡镇,学校名称,规模,在校人数,教职人数\n夏家营,夏家营新小学,小学,320,21\n".utf8)
            body += Data("\r\n--\(boundary)--\r\n".utf8)
            return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
        }
        try await app(store).test(.router) { client in
            let (badType, badBody) = upload("20x3")
            try await client.execute(
                uri: "/import", method: .post, headers: [.contentType: badType, .cookie: "cx_csrf=\(csrf); \(auth)"], body: badBody
            ) { #expect($0.status == .unprocessableContent && $0.text.contains("「20x3」不是有效年份")) }
            let (type, body) = upload("2023")
            let token = try await client.execute(
                uri: "/import", method: .post, headers: [.contentType: type, .cookie: "cx_csrf=\(csrf); \(auth)"], body: body
            ) { response in
                let html = response.text
                let marker = try #require(html.range(of: "/import/"), "\(html)")
                return String(html[marker.upperBound...].prefix(32))
            }
            try await client.execute(
                uri: "/import/\(token)/commit", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { #expect($0.status == .seeOther) }
        }
        let school = try #require(try store.read { try $0.schools() }.first { $0.name == "夏家营新小学" })
        #expect(school.dataYear == 2023 && school.source == "教育局 2023 年统计")
    }

    @Test("the indicator form tells each indicator's tiers and each area's, and each indicator card is an anchor")
    func indicatorForm() async throws {
        let auth = try session()
        let html = String(buffer: try await get("/indicators", [.cookie: auth]).2)
        #expect(html.contains("data-tier-of=\"code\""))
        #expect(html.contains(/<option value="交城县" data-tier="1"/))
        #expect(html.contains(/<option value="天宁镇" data-tier="2"/))
        #expect(html.contains(/<option value="[A-Z_]+" data-tiers="[123 ]+"/))
        #expect(html.contains(/<div class="card" id="[A-Z_]+">/))
    }
}
