import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Services
import Store
import TestSupport
import Testing

/// The one map through the router: the layer list, the conflict page, downloads, and layers and
/// patches drawn on `/map`.
@Suite("Layers, conflicts and the one map, through the router")
struct LayerPageTests {
    /// The demo (with its four illustrative layers) and the hand-made layers: farmland (GBK
    /// Shapefile), construction plan, boundary, red line.
    static let store: RegisterStore = {
        let store = try! freshDemo()
        let layers = Workspace(store: store).layers(by: .system("test"))
        for (file, kind) in [
            ("farmland-gbk/基本农田.shp", LayerKind.basicFarmland), ("construction.geojson", .constructionPlan),
            ("boundary.geojson", .urbanBoundary), ("redline.geojson", .ecologicalRedline),
        ] {
            _ = try! layers.importLayer(LayerFixtures.url(file), LayerImportOptions(kind: kind))
        }
        return store
    }()

    /// The id of a stored layer.
    static func id(_ name: String) throws -> Int64 { try Workspace(store: store).layers().layer(named: name).id }

    /// Form headers carrying a session's cookie.
    func signedForm(_ auth: String) -> HTTPFields { [.contentType: "application/x-www-form-urlencoded", .cookie: auth] }

    func get(_ path: String) async throws -> (HTTPResponse.Status, HTTPFields, ByteBuffer) {
        try await app(Self.store).test(.router) { client in
            try await client.execute(uri: path, method: .get) { ($0.status, $0.headers, $0.body) }
        }
    }

    @Test("/layers lists each layer with its file, systems, features, area and downloads that GDAL-format files come from")
    func layers() async throws {
        let (status, _, body) = try await get("/layers")
        let html = String(buffer: body)
        #expect(status == .ok)
        #expect(html.contains("基本农田") && html.contains("基本农田.shp") && html.contains("EPSG:4546 → EPSG:4546"))
        #expect(html.contains("永久基本农田") && html.contains("GBK/GB18030") && !html.contains("（示意）（示意）"))
        #expect(html.contains("永久基本农田（示意）") && html.contains("generated"))
        let farmland = try Self.id("基本农田")
        #expect(html.contains("/layers/\(farmland)/layer.zip") && html.contains("/layers/\(farmland)/layer.gpkg"))
        let (zipStatus, headers, zip) = try await get("/layers/\(farmland)/layer.zip")
        #expect(zipStatus == .ok && headers[.contentType] == "application/zip")
        #expect(Array(buffer: zip).starts(with: [0x50, 0x4B]))
        let (jsonStatus, _, json) = try await get("/layers/\(try Self.id("construction"))/layer.geojson")
        #expect(jsonStatus == .ok && String(buffer: json).contains("规划建设用地一"))
        let (degreesStatus, _, degrees) = try await get("/layers/\(farmland)/layer.geojson?crs=EPSG:4490")
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(buffer: degrees)) as? [String: Any])
        let geometry = (collection["features"] as? [[String: Any]])?.first?["geometry"] as? [String: Any]
        let corner = try #require((geometry?["coordinates"] as? [[[Double]]])?.first?.first)
        #expect(degreesStatus == .ok && abs(corner[0] - 112.07) < 0.1 && abs(corner[1] - 37.52) < 0.1, "\(corner)")
        #expect(try await get("/layers/\(farmland)/layer.geojson?crs=EPSG:3857").0 == .unprocessableContent)
        #expect(try await get("/layers/999/layer.geojson").0 == .notFound)
        #expect(try await get("/layers/x/layer.geojson").0 == .notFound)
    }

    @Test("/conflicts shows the summary, every patch with its area, the rules, and the downloads")
    func conflicts() async throws {
        let (status, _, body) = try await get("/conflicts")
        let html = String(buffer: body)
        #expect(status == .ok)
        #expect(html.contains("规划建设用地不得压占永久基本农田") && html.contains("规划建设用地须位于城镇开发边界"))
        #expect(html.contains("data-sort=\"2500.0\"") && html.contains("data-sort=\"5000.0\""))
        #expect(html.contains("基本农田 #1 基本农田甲"))
        #expect(html.contains("未检查：还没有「村庄规划建设用地」图层"))
        let (geoStatus, _, geo) = try await get("/conflicts.geojson")
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(buffer: geo)) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        // The hand-made layers' four patches, among the demo's own (illustrative) ones.
        let handMade = features.filter { ($0["properties"] as? [String: Any])?["名称A"] as? String == "规划建设用地一" }
        #expect(geoStatus == .ok && handMade.count == 4 && features.count > 4)
        #expect(Array(buffer: try await get("/conflicts.zip").2).starts(with: [0x50, 0x4B]))
        #expect(Array(buffer: try await get("/conflicts.xlsx").2).starts(with: [0x50, 0x4B]))
        #expect(String(buffer: try await get("/conflicts.csv").2).contains("面积平方米"))
    }

    @Test("/map draws each layer and the patches, with toggles, legend and cards, and stays under 500 kB")
    func map() async throws {
        let (status, _, body) = try await get("/map")
        let html = String(buffer: body)
        #expect(status == .ok)
        for id in (1...8).map({ "plan-\($0)" }) + ["conflicts"] {
            #expect(html.contains("id=\"layer-\(id)\"") && html.contains("data-layer=\"\(id)\""), "\(id)")
        }
        #expect(html.contains("data-label=\"基本农田甲\"") && html.contains("data-href=\"/conflicts\""))
        #expect(html.contains("冲突图斑") && html.contains("永久基本农田"))
        #expect(body.readableBytes < 500_000, "\(body.readableBytes) bytes")
    }

    @Test("/api/v1/layers and /api/v1/conflicts answer with the records of the CLI's --format json")
    func api() async throws {
        let (status, _, body) = try await get("/api/v1/layers")
        let layers = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [[String: Any]])
        #expect(status == .ok && layers.count == 8)
        #expect(layers.contains { $0["name"] as? String == "基本农田" && $0["sourceCRS"] as? String == "EPSG:4546" })
        #expect(layers.filter { $0["illustrative"] as? Bool == true }.count == 4)
        let (conflictStatus, _, conflicts) = try await get("/api/v1/conflicts")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(buffer: conflicts)) as? [String: Any])
        let patches = try #require(report["patches"] as? [[String: Any]])
        #expect(conflictStatus == .ok && patches.filter { $0["labelA"] as? String == "规划建设用地一" }.count == 4)
        #expect(patches.allSatisfy { $0["township"] != nil && $0["areaMu"] is Double })
        // The demo has township seats but no township boundaries: townships by the nearest seat.
        #expect(patches.allSatisfy { $0["townshipBy"] as? String == "nearest-seat" })
        #expect((report["summary"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test("a rule's area, severity and switch change from the form on /conflicts; an education editor sees no form and is refused")
    func ruleForm() async throws {
        let store = try freshDemo()
        let admin = try session(store)
        let teacher = try session(store, "edu", role: .bureauEditor, bureau: .education)
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/conflicts", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(page.contains("action=\"/conflicts/rules/1#rules\""))
            let body = ByteBuffer(string: "csrf=\(formToken(admin))&min_area=250&severity=warning")
            try await client.execute(uri: "/conflicts/rules/1", method: .post, headers: signedForm(admin), body: body) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("已修改规则 1"))
            }
            let bad = ByteBuffer(string: "csrf=\(formToken(admin))&min_area=abc&severity=warning&enabled=on")
            try await client.execute(uri: "/conflicts/rules/1", method: .post, headers: signedForm(admin), body: bad) { response in
                #expect(response.status == .badRequest || response.status == .unprocessableContent)
                #expect(response.text.contains("规则 1 未保存") && response.text.contains("abc"))
            }
            let other = try await client.execute(uri: "/conflicts", method: .get, headers: [.cookie: teacher]) { $0.text }
            #expect(!other.contains("action=\"/conflicts/rules/"))
            let refused = ByteBuffer(string: "csrf=\(formToken(teacher))&min_area=1&severity=error&enabled=on")
            try await client.execute(uri: "/conflicts/rules/1", method: .post, headers: signedForm(teacher), body: refused) { response in
                #expect(response.status == .forbidden)
            }
        }
        let rule = try #require(try Workspace(store: store).conflicts().rules().first { $0.id == 1 }?.rule)
        #expect(rule.minimumArea == 250 && rule.severity == .warning && !rule.enabled)
    }
}
