import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Services
import Store
import TestSupport
import Testing

/// Villages, zoning, parks, idle assets and adoption through the router.
@Suite("Villages, zoning, parks, idle assets and adoption, through the router")
struct VillagePageTests {
    func signedForm(_ auth: String) -> HTTPFields { [.contentType: "application/x-www-form-urlencoded", .cookie: auth] }

    @Test("/villages, /zoning, /parks and /assets show the demo's state in Chinese first, with downloads that open")
    func pages() async throws {
        try await app().test(.router) { client in
            let villages = try await client.execute(uri: "/villages", method: .get) { ($0.status, $0.text) }
            #expect(villages.0 == .ok)
            #expect(villages.1.contains("暂不分类 134") && villages.1.contains("缺人口数据") && villages.1.contains("规则 5"))
            #expect(villages.1.contains("6 个居委会/社区属城镇") && villages.1.contains("<svg"))
            let zoning = try await client.execute(uri: "/zoning", method: .get) { ($0.status, $0.text) }
            #expect(zoning.0 == .ok && zoning.1.contains("没有任何村庄具备所选指标的数据") && zoning.1.contains("耕地占村域面积比例"))
            let parks = try await client.execute(uri: "/parks", method: .get) { ($0.status, $0.text) }
            #expect(parks.0 == .ok && parks.1.contains("夏家营镇工业特色园区") && parks.1.contains("规划（可打造）"))
            #expect(parks.1.contains("不虚构企业或数字"))
            let assets = try await client.execute(uri: "/assets", method: .get) { ($0.status, $0.text) }
            #expect(assets.0 == .ok && assets.1.contains("尚未登记闲置土地和资产"))
            for path in ["/villages.xlsx", "/villages.csv", "/parks.xlsx", "/zoning.csv", "/assets.xlsx"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    if path.hasSuffix(".xlsx") { #expect(Array(buffer: response.body).starts(with: [0x50, 0x4B]), "\(path)") }
                }
            }
            let csv = try await client.execute(uri: "/villages.csv", method: .get) { $0.text }
            #expect(csv.contains("村庄类型") && csv.contains("蒲渠河村委会"))
            let english = try await client.execute(uri: "/villages?lang=en", method: .get) { $0.text }
            #expect(english.contains("no population data") || english.contains("缺人口数据"))
        }
    }

    @Test("a rule changes from the form on /villages; an education editor sees no form and is refused")
    func ruleForm() async throws {
        let store = try freshDemo()
        let admin = try session(store)
        let teacher = try session(store, "edu", role: .bureauEditor, bureau: .education)
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/villages", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(page.contains("action=\"/villages/rules/5#rules\""))
            let body = ByteBuffer(string: "csrf=\(formToken(admin))&type=relocate-merge&threshold=250&second=15&enabled=on")
            try await client.execute(uri: "/villages/rules/5", method: .post, headers: signedForm(admin), body: body) { response in
                #expect(response.status == .ok && response.text.contains("人口 &lt; 250 且较最早年份下降 ≥ 15%"))
            }
            let bad = ByteBuffer(string: "csrf=\(formToken(admin))&type=suburban&threshold=7&enabled=on")
            try await client.execute(uri: "/villages/rules/1", method: .post, headers: signedForm(admin), body: bad) { response in
                #expect(response.status == .unprocessableContent && response.text.contains("规则 1 未保存"))
            }
            let other = try await client.execute(uri: "/villages", method: .get, headers: [.cookie: teacher]) { $0.text }
            #expect(!other.contains("action=\"/villages/rules/"))
            let refused = ByteBuffer(string: "csrf=\(formToken(teacher))&type=suburban&threshold=3&enabled=on")
            try await client.execute(uri: "/villages/rules/2", method: .post, headers: signedForm(teacher), body: refused) { response in
                #expect(response.status == .forbidden)
            }
        }
        let rules = try Workspace(store: store).villages().rules()
        #expect(rules[4].threshold == 250 && rules[4].secondThreshold == 15 && rules[1].threshold == 5)
    }

    @Test("adopting from the scenario page makes the assets, shows the indicators, and the revert button undoes it")
    func adoption() async throws {
        let store = try freshDemo()
        let admin = try session(store)
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/scenarios/2", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(page.contains("action=\"/scenarios/2/adopt\"") && page.contains("未采纳"))
            let form = ByteBuffer(string: "csrf=\(formToken(admin))")
            try await client.execute(uri: "/scenarios/2/adopt", method: .post, headers: signedForm(admin), body: form) { response in
                #expect(response.status == .seeOther || response.status == .found)
            }
            let adopted = try await client.execute(uri: "/scenarios/2", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(adopted.contains("7 所学校标为拟撤并") && adopted.contains("小规模学校数") && adopted.contains("/scenarios/2/revert"))
            let assets = try await client.execute(uri: "/assets", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(assets.contains("东雷庄学校（原校舍）") && assets.contains("scenario:2") && assets.contains("action=\"/assets/"))
            let id = try #require(try Workspace(store: store).assets().assets().first?.asset.id.rawValue)
            let change = ByteBuffer(string: "csrf=\(formToken(admin))&status=planned&proposed_use=%E6%9D%91%E5%8F%B2%E9%A6%86")
            try await client.execute(uri: "/assets/\(id)", method: .post, headers: signedForm(admin), body: change) { response in
                #expect(response.status == .ok && response.text.contains("村史馆"))
            }
            let again = ByteBuffer(string: "csrf=\(formToken(admin))")
            try await client.execute(uri: "/scenarios/2/adopt", method: .post, headers: signedForm(admin), body: again) { response in
                #expect(response.status == .conflict && response.text.contains("已采纳"))
            }
            // The asset was worked on: reverting asks for confirmation first.
            try await client.execute(uri: "/scenarios/2/revert", method: .post, headers: signedForm(admin), body: again) { response in
                #expect(response.status == .conflict && response.text.contains("包括已修改的记录"))
            }
            let force = ByteBuffer(string: "csrf=\(formToken(admin))&force=on")
            try await client.execute(uri: "/scenarios/2/revert", method: .post, headers: signedForm(admin), body: force) { response in
                #expect(response.status == .seeOther || response.status == .found)
            }
        }
        #expect(try Workspace(store: store).assets().assets().isEmpty)
    }
}
