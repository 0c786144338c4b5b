import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Access, health and roads through the router, on the demo (illustrative network, no health data).
@Suite("Access, health and roads pages and API, through the router")
struct AccessPageTests {
    @Test("/access/{service} and /health show the demo's state with the 示意 labels; downloads open; an unknown service is 404")
    func pages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/access", method: .get) { #expect($0.status == .seeOther || $0.status == .found) }
            let primary = try await client.execute(uri: "/access/primary", method: .get) { ($0.status, $0.text) }
            #expect(primary.0 == .ok)
            #expect(
                primary.1.contains("沿示意路网") && primary.1.contains("<svg") && primary.1.contains("国办发〔2018〕27号"), "\(primary.1.prefix(300))")
            let junior = try await client.execute(uri: "/access/junior", method: .get) { $0.text }
            #expect(junior.contains("假设值，请确认"))
            let health = try await client.execute(uri: "/access/health-center", method: .get) { $0.text }
            #expect(health.contains("尚未登记任何"))
            try await client.execute(uri: "/access/hospital", method: .get) { #expect($0.status == .notFound) }
            let healthPage = try await client.execute(uri: "/health", method: .get) { ($0.status, $0.text) }
            #expect(healthPage.0 == .ok && healthPage.1.contains("尚未登记乡镇卫生院") && healthPage.1.contains("T-HEA-01"))
            for path in ["/access/primary/villages.xlsx", "/access/junior/townships.csv", "/health/facilities.xlsx"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    if path.hasSuffix(".xlsx") { #expect(Array(buffer: response.body).starts(with: [0x50, 0x4B]), "\(path)") }
                }
            }
        }
    }

    @Test("GET /api/v1/access, /health and /roads answer with the documented shapes")
    func api() async throws {
        try await app().test(.router) { client in
            let access = try await client.execute(uri: "/api/v1/access?service=junior", method: .get) { ($0.status, $0.text) }
            #expect(access.0 == .ok)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(access.1.utf8)) as? [String: Any])
            #expect(report["service"] as? String == "junior" && report["basis"] as? String == "network")
            #expect(report["illustrativeNetwork"] as? Bool == true)
            #expect((report["villages"] as? [Any])?.isEmpty == false)
            try await client.execute(uri: "/api/v1/access?service=x", method: .get) { #expect($0.status == .notFound) }
            let roads = try await client.execute(uri: "/api/v1/roads", method: .get) { $0.text }
            let network = try #require(try JSONSerialization.jsonObject(with: Data(roads.utf8)) as? [String: Any])
            #expect(network["stored"] as? Bool == true && network["illustrative"] as? Bool == true)
            #expect(network["pieces"] as? [Int] == [network["nodes"] as? Int ?? -1], "one piece holding every node")
            let health = try await client.execute(uri: "/api/v1/health", method: .get) { $0.text }
            let status = try #require(try JSONSerialization.jsonObject(with: Data(health.utf8)) as? [String: Any])
            #expect((status["allianceTasks"] as? [[String: Any]])?.count == 2)
        }
    }
}
