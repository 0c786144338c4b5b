import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Services
import Store
import Testing

@Suite("The JSON API and its OpenAPI document")
struct APITests {
    func object(_ response: TestResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: response.body)) }

    /// Concrete values for the documented path parameters.
    func concrete(_ path: String, token: String) -> String {
        path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{code}", with: "T-EDU-01")
            .replacingOccurrences(of: "{token}", with: token).replacingOccurrences(of: "{name}", with: "newbie")
    }

    @Test("every route in the OpenAPI document exists on the router and answers as documented")
    func documentedRoutesExist() async throws {
        let store = try freshDemo()
        let apiAuth = try bearer(store)
        try await app(store).test(.router) { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try object($0) as? [String: Any] }
            let doc = try #require(document)
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            #expect(paths.count >= 12)
            // One import to give the token routes something to find.
            let token = try await client.execute(
                uri: "/api/v1/imports?kind=schools&name=t.csv", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: "乡镇,学校名称,规模,在校人数,教职人数\n天宁,甲校,小学,10,2\n")
            ) { _ in "" }
            _ = token
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                // Writes before deletes: a scenario is adopted before its adoption is reverted.
                let order = ["post", "put", "patch", "get", "delete"]
                for (method, operation) in operations.sorted(by: {
                    (order.firstIndex(of: $0.key) ?? 9) < (order.firstIndex(of: $1.key) ?? 9)
                }) {
                    let op = try #require(operation as? [String: Any])
                    let responses = try #require(op["responses"] as? [String: Any])
                    let success = try #require(responses.keys.compactMap(Int.init).first)
                    let uri = concrete(path, token: "unknown-token")
                    let body: ByteBuffer? =
                        switch (method, path) {
                        case ("post", "/api/v1/observations"):
                            ByteBuffer(string: #"{"code":"EDU_RETENTION","area":"交城县","period":"2024","value":97}"#)
                        case ("put", _): ByteBuffer(string: #"{"status":"in_progress"}"#)
                        case ("post", "/api/v1/imports"): ByteBuffer(string: "乡镇,学校名称,规模,在校人数,教职人数\n天宁,乙校,小学,10,2\n")
                        case ("post", "/api/v1/scenarios"): ByteBuffer(string: #"{"name":"t","model":"pmedian","p":10}"#)
                        case ("post", "/api/v1/tokens"): ByteBuffer(string: #"{"name":"admin","password":"\#(testPassword)"}"#)
                        case ("post", "/api/v1/users"): ByteBuffer(string: #"{"name":"newbie","role":"viewer","password":"long-enough-1"}"#)
                        case ("patch", _): ByteBuffer(string: #"{"disabled":true}"#)
                        default: method == "get" || method == "delete" ? nil : ByteBuffer(string: "{}")
                        }
                    let query = path == "/api/v1/imports" ? "?kind=schools&name=t.csv" : path.hasSuffix("/compare") ? "?ids=1,2" : ""
                    let httpMethod = HTTPRequest.Method(method.uppercased())!
                    try await client.execute(
                        uri: uri + query, method: httpMethod, headers: [.contentType: "application/json", .authorization: apiAuth],
                        body: body
                    ) { response in
                        #expect(response.status != .methodNotAllowed, "\(method) \(path)")
                        if path.contains("{token}") || path.contains("/jobs/") {
                            #expect(response.status == .notFound || response.status == .noContent, "\(method) \(path): \(response.status)")
                            if response.status == .notFound {
                                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
                            }
                        } else {
                            #expect(
                                Int(response.status.code) == success, "\(method) \(path): \(response.status) \(response.text.prefix(300))")
                            try expectDocumentedFields(op, doc, response, "\(method) \(path)")
                        }
                    }
                }
            }
        }
    }

    /// The fields a response's documented schema requires are in the response (the document cannot drift).
    func expectDocumentedFields(_ op: [String: Any], _ doc: [String: Any], _ response: TestResponse, _ what: String) throws {
        guard let responses = op["responses"] as? [String: Any],
            let success = responses.first(where: { $0.key.hasPrefix("2") })?.value as? [String: Any],
            let content = success["content"] as? [String: Any], let json = content["application/json"] as? [String: Any],
            let ref = (json["schema"] as? [String: Any])?["$ref"] as? String,
            let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any],
            let schema = schemas[String(ref.split(separator: "/").last!)] as? [String: Any]
        else { return }
        let body = try object(response)
        var objectSchema = schema
        var instance = body as? [String: Any]
        if schema["type"] as? String == "array", let items = schema["items"] as? [String: Any] {
            objectSchema = items
            instance = (body as? [[String: Any]])?.first
        }
        guard let instance, let required = objectSchema["required"] as? [String] else { return }
        for key in required { #expect(instance.keys.contains(key), "\(what): documented field \(key) missing") }
    }

    @Test("diagnostics: per school, township and county")
    func diagnostics() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/diagnostics", method: .get) { response in
                let d = try #require(try object(response) as? [String: Any])
                let county = try #require(d["county"] as? [String: Any])
                #expect(county["schools"] as? Int == 19)
                #expect(county["staff"] as? Int == 681)
                let townships = try #require(d["townships"] as? [[String: Any]])
                #expect(townships.first { $0["name"] as? String == "夏家营镇" }?["reportStatus"] as? String == "not_reported")
                let schools = try #require(d["schools"] as? [[String: Any]])
                #expect(schools.first { $0["name"] as? String == "交城县西营学校" }?["flags"] as? [String] == ["understaffed"])
            }
        }
    }

    @Test("errors are problem+json with Chinese and English")
    func problems() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/schools/999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
                let p = try #require(try object(response) as? [String: Any])
                #expect(p["status"] as? Int == 404)
                #expect(p["detailZh"] as? String == "学校 999 不存在")
                #expect(p["detailEn"] as? String == "school 999 does not exist")
                #expect(p["kind"] as? String == "notFound")
            }
        }
    }

    @Test("a rule breach in an observation is a 422 listing the issue; nothing is written")
    func observationRules() async throws {
        let store = try freshDemo()
        let apiAuth = try bearer(store)
        try await app(store).test(.router) { client in
            let body = ByteBuffer(
                string:
                    #"[{"code":"INS_WHEAT","area":"天宁镇","period":"2024","value":50},{"code":"INS_WHEAT","area":"西营镇","period":"2024","value":150}]"#
            )
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: [.contentType: "application/json", .authorization: apiAuth], body: body
            ) {
                response in
                #expect(response.status == .unprocessableContent)
                let p = try #require(try object(response) as? [String: Any])
                let issues = try #require(p["issues"] as? [[String: Any]])
                #expect(issues.map { $0["messageZh"] as? String } == ["值 150 大于上限 100"])
            }
        }
        #expect(try store.read { try $0.observations() }.isEmpty)
    }

    @Test("two entries for one indicator, area and period in one batch are refused, not both written")
    func duplicateEntries() async throws {
        let store = try freshDemo()
        let apiAuth = try bearer(store)
        try await app(store).test(.router) { client in
            let body = ByteBuffer(
                string:
                    #"[{"code":"INS_WHEAT","area":"天宁镇","period":"2024","value":50},{"code":"INS_WHEAT","area":"天宁","period":"2024","value":60}]"#
            )
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: [.contentType: "application/json", .authorization: apiAuth], body: body
            ) {
                response in
                #expect(response.status == .unprocessableContent)
                let p = try #require(try object(response) as? [String: Any])
                let issues = try #require(p["issues"] as? [[String: Any]])
                #expect(issues.map { $0["messageZh"] as? String } == ["同一指标、地区、期间重复（首次出现在第 1 行）"])
            }
        }
        #expect(try store.read { try $0.observations() }.isEmpty)
    }

    @Test("a state-changing call with a form content type and no token is refused (CSRF)")
    func apiCSRF() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/tasks/T-EDU-01", method: .put, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: auth],
                body: ByteBuffer(string: #"{"status":"done"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try store.read { try $0.tasks() }.first { $0.code == "T-EDU-01" }?.status == .unknown)
    }

    @Test("import by API: check lists issues, commit writes, cancel forgets")
    func importAPI() async throws {
        let store = try freshDemo()
        let apiAuth = try bearer(store)
        try await app(store).test(.router) { client in
            let check = try await client.execute(
                uri: "/api/v1/imports?kind=schools&name=a.csv", method: .post,
                headers: [.contentType: "text/csv", .authorization: apiAuth],
                body: ByteBuffer(string: "乡镇,学校名称,规模,在校人数,教职人数\n天宁,丙校,小学,-1,2\n")
            ) { response in try #require(try object(response) as? [String: Any]) }
            #expect(check["valid"] as? Bool == false)
            #expect((check["issues"] as? [[String: Any]])?.first?["messageZh"] as? String == "「-1」为负数")
            let good = try await client.execute(
                uri: "/api/v1/imports?kind=schools&name=b.csv", method: .post,
                headers: [.contentType: "text/csv", .authorization: apiAuth],
                body: ByteBuffer(string: "乡镇,学校名称,规模,在校人数,教职人数\n天宁,丁校,小学,80,6\n")
            ) { response in try #require(try object(response) as? [String: Any]) }
            let token = try #require(good["token"] as? String)
            try await client.execute(
                uri: "/api/v1/imports/\(token)/commit", method: .post, headers: [.contentType: "application/json", .authorization: apiAuth]
            ) {
                response in
                #expect(response.status == .ok)
            }
        }
        #expect(try store.read { try $0.schools() }.contains { $0.name == "丁校" })
        #expect(!(try store.read { try $0.schools() }.contains { $0.name == "丙校" }))
    }
}
