import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Services
import Store
import Testing

@Suite("Scenario pages: run with progress, show on the map, compare side by side")
struct ScenarioPageTests {
    @Test("the index lists the demo scenarios and compares two side by side")
    func index() async throws {
        let auth = try session()
        try await app().test(.router) { client in
            try await client.execute(uri: "/scenarios?compare=1&compare=2", method: .get, headers: [.cookie: auth]) { response in
                let html = response.text
                #expect(response.status == .ok)
                #expect(html.contains("方案甲：撤并两所"))
                #expect(html.contains("方案对比"))
                #expect(html.contains("按编制可释放教职工"))
                #expect(html.contains("name=\"csrf\""))
            }
        }
    }

    @Test("a scenario page draws lines from each moved school to its new school")
    func detail() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/scenarios/2", method: .get) { response in
                let html = response.text
                #expect(html.contains("城区寄宿制示范小学（规划）"))
                #expect(html.contains("<line x1="))
                #expect(html.contains("学生去向"))
                #expect(html.contains("闲置校舍"))
            }
            try await client.execute(uri: "/scenarios/99", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("running from the form: a job with progress, then the stored scenario")
    func run() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let csrf = formToken(auth)
            let body =
                "csrf=\(csrf)&name=%E7%BD%91%E9%A1%B5%E6%96%B9%E6%A1%88&model=pmedian&level=primary&p=14&maxWalk=2&keep=%E4%BA%A4%E5%9F%8E%E5%8E%BF%E8%A5%BF%E8%90%A5%E5%AD%A6%E6%A0%A1"
            let location = try await client.execute(
                uri: "/scenarios", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(location.hasPrefix("/scenarios/jobs/"))
            let job = String(location.dropFirst("/scenarios/jobs/".count))
            var state = ""
            for _ in 0..<100 {
                state = try await client.execute(uri: "/api/v1/scenarios/jobs/\(job)", method: .get) { response in
                    (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["state"] as? String ?? ""
                }
                if state != "running" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == "done")
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/scenarios/") == true)
            }
        }
        let stored = try ScenarioService(store: store).find(["网页方案"])[0]
        #expect(stored.result.schoolsKept == 14)
        let xiying = try #require(stored.result.sites.first { $0.name == "交城县西营学校" })
        #expect(stored.result.options.mustStayOpen == [.school(xiying.schoolID!)])
    }

    @Test("the API creates, reads and compares scenarios; an impossible one is a 422 with a reason")
    func api() async throws {
        let store = try freshDemo()
        let apiAuth = try bearer(store)
        try await app(store).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/json", .authorization: apiAuth],
                body: ByteBuffer(string: #"{"name":"接口方案","model":"mclp","p":6,"radius":5}"#)
            ) { response in
                #expect(response.status == .created)
                let s = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((s["result"] as? [String: Any])?["schoolsKept"] as? Int == 6)
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/json", .authorization: apiAuth],
                body: ByteBuffer(string: #"{"name":"不可能","model":"pmedian","p":40}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            }
            try await client.execute(uri: "/api/v1/scenarios/compare?ids=1,%E6%8E%A5%E5%8F%A3%E6%96%B9%E6%A1%88", method: .get) {
                response in
                let c = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((c["scenarios"] as? [Any])?.count == 2)
                #expect((c["rows"] as? [[String: Any]])?.contains { $0["label"] as? String == "需寄宿床位" } == true)
            }
        }
    }

    @Test("a scenario is renamed (a taken name is refused with the form kept) and deleted from its page; a viewer may do neither")
    func renameAndDelete() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        let viewer = try session(store, "reader", role: .viewer)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/scenarios/1", method: .get, headers: [.cookie: auth]) { $0.text }
            #expect(page.contains("action=\"/scenarios/1/rename\"") && page.contains("data-confirm"))
            let viewerPage = try await client.execute(uri: "/scenarios/1", method: .get, headers: [.cookie: viewer]) { $0.text }
            #expect(!viewerPage.contains("/scenarios/1/rename"))
            let csrf = formToken(auth)
            let taken =
                "csrf=\(csrf)&name="
                + (try #require(
                    try Workspace(store: store).scenarios.find(["2"])[0].name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)))
            try await client.execute(
                uri: "/scenarios/1/rename", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: taken)
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("class=\"errors\""))
            }
            try await client.execute(
                uri: "/scenarios/1/rename", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: "csrf=\(csrf)&name=%E6%96%B0%E5%90%8D")
            ) { #expect($0.status == .seeOther) }
            #expect(try Workspace(store: store).scenarios.find(["1"])[0].name == "新名")
            let viewerCSRF = formToken(viewer)
            try await client.execute(
                uri: "/scenarios/1/delete", method: .post, headers: form + [.cookie: "cx_csrf=\(viewerCSRF); \(viewer)"],
                body: ByteBuffer(string: "csrf=\(viewerCSRF)")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/scenarios/1/delete", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { #expect($0.status == .seeOther) }
            #expect(try Workspace(store: store).scenarios.list().map(\.id.rawValue) == [2])
            #expect(try Workspace(store: store).register.auditLog(table: "scenarios", limit: 1).first?.action == "delete")
        }
    }
}
