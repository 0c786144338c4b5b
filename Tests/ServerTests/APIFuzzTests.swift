import Demo
import Foundation
import Fuzzing
import Hummingbird
import HummingbirdTesting
import Services
import Store
import Testing

/// Seeded mutations of the JSON bodies the API accepts. Every answer is one the API documents (a
/// success, or a refusal as problem+json with a reason), never a 500 or an empty body, and a
/// refused request leaves the register as it was.
@Suite("Fuzzing the JSON API bodies")
struct APIFuzzTests {
    struct Endpoint: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: String
        var count: Int

        var description: String { "\(method) \(path)" }
    }

    static let endpoints: [Endpoint] = [
        Endpoint(
            method: .post, path: "/api/v1/observations",
            body:
                #"[{"code":"INS_WHEAT","area":"天宁镇","period":"2024","value":50},{"code":"EDU_RETENTION","area":"交城县","period":"2023","value":95.5}]"#,
            count: 600),
        Endpoint(
            method: .put, path: "/api/v1/tasks/T-EDU-01",
            body: #"{"status":"in_progress","percentComplete":30,"evidence":"开工","deadline":"2025-06","ownerUnit":"教育局"}"#, count: 600),
        Endpoint(
            method: .post, path: "/api/v1/scenarios",
            body:
                #"{"name":"接口","model":"pmedian","level":"primary","p":12,"keep":["交城县西营学校"],"maxWalk":5,"detourFactor":1.3,"newSites":[{"name":"新址","longitude":112.16,"latitude":37.55,"capacity":600,"illustrative":true}]}"#,
            count: 150),
        Endpoint(method: .post, path: "/api/v1/tokens", body: #"{"name":"admin","password":"test-password-1","label":"脚本"}"#, count: 80),
        Endpoint(
            method: .post, path: "/api/v1/users",
            body: #"{"name":"fuzz-user","role":"township-editor","township":"西营镇","password":"long-enough-1"}"#, count: 120),
    ]

    @Test("mutated bodies get a documented answer, and a refusal changes nothing", arguments: endpoints)
    func endpoint(_ endpoint: Endpoint) async throws {
        let template = try RegisterStore()
        try DemoBuilder(workspace: Workspace(store: template)).build()
        // The token is made on the template, so that restoring the template keeps it.
        let apiAuth = try bearer(template)
        let store = try RegisterStore()
        try template.backup(toStore: store)
        let documented: Set<Int> = [200, 201, 400, 401, 403, 404, 409, 413, 422, 429]
        let seen = try await app(store).test(.router) { client in
            var seen: [Int: Int] = [:]
            for index in 0..<endpoint.count {
                var mutator = Mutator(seed: UInt64(20_261_202 &+ index &* 7919))
                let body = index == 0 ? Data(endpoint.body.utf8) : mutator.mutate(Data(endpoint.body.utf8))
                let before = try store.dataStamp()
                let status = try await client.execute(
                    uri: endpoint.path, method: endpoint.method, headers: [.contentType: "application/json", .authorization: apiAuth],
                    body: ByteBuffer(bytes: body)
                ) { response in
                    let code = Int(response.status.code)
                    #expect(documented.contains(code), "input \(index) got \(code): \(String(decoding: body, as: UTF8.self).prefix(300))")
                    if code >= 400 {
                        #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8", "input \(index)")
                        #expect(response.text.contains("detail"), "input \(index): a reason is given")
                    }
                    return code
                }
                seen[status, default: 0] += 1
                if status >= 400 {
                    #expect(try store.dataStamp() == before, "input \(index) was refused with \(status) but changed the register")
                } else if try store.dataStamp() != before {
                    try template.backup(toStore: store)
                }
            }
            return seen
        }
        #expect(seen.keys.contains { $0 < 400 } && seen.keys.contains { $0 >= 400 }, "both outcomes occur: \(seen)")
    }
}
