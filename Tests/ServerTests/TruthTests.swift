import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Services
import Store
import Testing

/// What the pages say about where their figures come from: assumptions labelled, stand-ins
/// marked, nothing a source does not say.
@Suite("The pages are honest about their sources")
struct TruthTests {
    func page(_ path: String, _ store: RegisterStore = demoForServer) async throws -> String {
        try await app(store).test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path)")
                return response.text
            }
        }
    }

    @Test("an assumed target year, an assumed denominator and an undated computed value say so on /indicators")
    func indicators() async throws {
        let html = try await page("/indicators")
        #expect(html.contains("100.0%（2025，规划期末，假设）"))
        #expect(html.contains("99.0%（2025）"), "a year the plan states is shown plainly")
        #expect(html.contains("比例的分母「承包耕地面积」为系统选定，规划未指明（假设）"))
        #expect(html.contains("但名录的数据年份不详，无法判断进度"))
    }

    @Test("a task past its deadline that no one reported on is not called overdue on /tasks or /")
    func tasks() async throws {
        let tasks = try await page("/tasks")
        #expect(tasks.contains("已过期限，进展不明"))
        #expect(!tasks.contains(">逾期<"))
        #expect(tasks.contains("2025（规划期末，假设）"))
        let overview = try await page("/")
        #expect(overview.contains("已过期限，进展不明"))
        #expect(!overview.contains(">逾期<"))
    }

    @Test("approximate positions are drawn dotted and labelled 近似; the inferred merger shows in completeness")
    func positions() async throws {
        let map = try await page("/map")
        #expect(map.contains("data-quality=\"approximate\""))
        #expect(map.contains("（近似）"))
        #expect(map.contains("stroke-dasharray=\"1 2\""))
        #expect(map.contains("点线圈为近似位置"))
        let overview = try await page("/")
        #expect(overview.contains("天宁镇（含推断并入的岭底乡）"))
    }

    @Test("a scenario page and a comparison carry the scenario's notes; the planned boarding school is 示意")
    func scenarios() async throws {
        let detail = try await page("/scenarios/2")
        #expect(detail.contains("步行上限（2 公里）由 1–3 年级单程 30 分钟"))
        #expect(detail.contains("所学校的位置为示意位置"))
        #expect(detail.contains("id=\"new-城区寄宿制示范小学（规划）\" class=\"schools illustrative\""))
        let compare = try await page("/scenarios?compare=1,2")
        #expect(compare.contains("步行上限（1–3 年级）"))
        #expect(compare.components(separatedBy: "小初一体学校按小学段 66.7%").count - 1 == 2, "each scenario's notes")
    }

    @Test("a register without the plan's findings shows none, and its title names no county")
    func noFindingsWithoutPlan() async throws {
        let store = try RegisterStore()
        try Workspace(store: store).setup.installDefaultNorms(by: .system("t"))
        let html = try await page("/", store)
        #expect(!html.contains("与规划结论一致"))
        #expect(html.contains("<title>总览 · 城乡 · 城乡融合规划与监测</title>"))
        let demo = try await page("/")
        #expect(demo.contains("<title>总览 · 城乡 · 交城县城乡融合平台</title>"))
    }
}
