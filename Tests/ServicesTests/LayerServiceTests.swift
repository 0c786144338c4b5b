import Demo
import Domain
import Foundation
import Geo
import Interchange
import Localization
import Services
import TestSupport
import Testing

@Suite("Plan layers and conflict detection (多规合一)")
struct LayerServiceTests {
    static let admin = Principal.system("test")

    static func workspace(_ backend: TestBackend) throws -> Workspace { Workspace(store: try backend.store()) }

    @discardableResult
    static func load(
        _ workspace: Workspace, _ fixture: String, _ kind: LayerKind, name: String? = nil, crs: ChinaCRS? = nil, repair: Bool = false
    ) throws -> LayerImportReport {
        try workspace.layers(by: admin).importLayer(
            LayerFixtures.url(fixture), LayerImportOptions(kind: kind, name: name, crs: crs, repair: repair))
    }

    @Test(
        "a GBK Shapefile (EPSG:4546, .prj, no .cpg), a GeoPackage (EPSG:4490) and a WGS84 GeoJSON import with Chinese attributes and areas",
        arguments: TestBackend.available)
    func imports(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        let farmland = try Self.load(workspace, "farmland-gbk/基本农田.shp", .basicFarmland)
        #expect(farmland.layer.name == "基本农田" && farmland.layer.featureCount == 2 && farmland.layer.areaM2 == 20_000)
        #expect(farmland.layer.sourceCRS == 4546 && farmland.layer.workingCRS == 4546 && farmland.layer.labelField == "名称")
        #expect(farmland.encoding.en.contains("GBK"))
        let package = try Self.load(workspace, "construction-4490.gpkg", .constructionPlan)
        #expect(package.layer.sourceCRS == 4490 && package.layer.workingCRS == 4546)
        #expect(abs(package.layer.areaM2 - 10_000) < 0.01, "\(package.layer.areaM2)")
        let wgs = try Self.load(workspace, "construction-wgs84.geojson", .constructionPlan, name: "WGS84 规划")
        #expect(wgs.layer.sourceCRS == 4326 && abs(wgs.layer.areaM2 - 10_000) < 0.01, "\(wgs.layer.areaM2)")
        let service = workspace.layers(by: Self.admin)
        let stored = try service.layers()
        #expect(stored.map(\.name) == ["WGS84 规划", "基本农田", "规划建设用地"])
        #expect(stored.allSatisfy { $0.actor == "test" })
        let features = try service.features(of: try service.layer(named: "基本农田"))
        #expect(features.map(\.label) == ["基本农田甲", "基本农田乙"])
        #expect(features.first?.attributes == [["名称", "基本农田甲"], ["地类", "水浇地"]])
        // The R*Tree finds only the square whose box meets the query box.
        let east = try service.features(
            of: try service.layer(named: "基本农田"), box: PlanarBox(minX: 597_250, minY: 4_153_050, maxX: 597_260, maxY: 4_153_060))
        #expect(east.map(\.number) == [2])
    }

    @Test(
        "no coordinate system, a bow tie, a short .dbf: refused with file, feature and reason, nothing written",
        arguments: TestBackend.available)
    func refusals(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        let before = try workspace.dataStamp()
        let bare = try #require(throws: UserError.self) { try Self.load(workspace, "no-prj/基本农田.shp", .basicFarmland) }
        #expect(bare.kind == .rejected && bare.issues.first?.file == "基本农田.shp")
        #expect(bare.issues.first?.message.zh.contains("--crs") == true)
        let bowTie = try #require(throws: UserError.self) { try Self.load(workspace, "bowtie.geojson", .basicFarmland) }
        let issue = try #require(bowTie.issues.first)
        #expect(issue.row == 1 && issue.message.zh.contains("第 1 个要素（蝴蝶形）") && issue.message.en.contains("Self-intersection"), "\(issue)")
        #expect(throws: UserError.self) { try Self.load(workspace, "short-dbf/基本农田.shp", .basicFarmland) }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("point-\(UUID().uuidString).geojson")
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[112.1,37.5]}}]}"#
                .utf8
        ).write(to: point)
        let wrongType = try #require(throws: UserError.self) {
            try workspace.layers(by: Self.admin).importLayer(point, LayerImportOptions(kind: .ecologicalRedline))
        }
        #expect(wrongType.issues.first?.message.zh.contains("须为面") == true)
        #expect(try workspace.dataStamp() == before && workspace.layers(by: Self.admin).layers().isEmpty)
    }

    @Test(
        "--crs names the system of a file without one; --repair mends a bow tie with MakeValid and logs it",
        arguments: TestBackend.available)
    func crsAndRepair(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        let bare = try Self.load(workspace, "no-prj/基本农田.shp", .basicFarmland, crs: ChinaCRS(epsg: 4546))
        #expect(bare.layer.areaM2 == 20_000 && bare.layer.sourceCRS == 4546)
        let repaired = try Self.load(workspace, "bowtie.geojson", .other, repair: true)
        #expect(repaired.repaired == [1] && repaired.layer.repairedCount == 1)
        #expect(abs(repaired.layer.areaM2 - 5_000) < 1e-6)
        let viewer = Principal(name: "v", role: .viewer, channel: .cli)
        let refused = try #require(throws: UserError.self) {
            try workspace.layers(by: viewer).importLayer(LayerFixtures.url("farmland.geojson"), LayerImportOptions(kind: .basicFarmland))
        }
        #expect(refused.kind == .forbidden)
    }

    @Test(
        "conflicts of hand-made layers: 2 × 2,500 m² on farmland, 500 m² in the red line, 5,000 m² outside the boundary",
        arguments: TestBackend.available)
    func conflicts(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        try Self.load(workspace, "farmland-gbk/基本农田.shp", .basicFarmland)
        try Self.load(workspace, "construction.geojson", .constructionPlan)
        try Self.load(workspace, "boundary.geojson", .urbanBoundary)
        try Self.load(workspace, "redline.geojson", .ecologicalRedline)
        let service = workspace.conflicts(by: Self.admin)
        let report = try service.check()
        let found = report.patches.map {
            "\($0.rule.relation.rawValue) \($0.rule.b.rawValue) \($0.featureB.map(String.init) ?? "-") \($0.areaM2)"
        }
        #expect(
            Set(found) == [
                "must-not-overlap basic-farmland 1 2500.0", "must-not-overlap basic-farmland 2 2500.0",
                "must-not-overlap ecological-redline 1 500.0", "must-lie-within urban-boundary - 5000.0",
            ], "\(found)")
        #expect(report.patches.allSatisfy { $0.labelA == "规划建设用地一" && $0.township == nil && $0.townshipMatch == .none })
        #expect(report.patches.first { $0.featureB == 1 }?.labelB == "基本农田甲")
        #expect(abs((report.patches.first?.areaMu ?? 0) - 3.75) < 1e-9)
        #expect(report.summary.map(\.areaM2) == [5_000, 500, 5_000])
        #expect(report.recomputed == 3 && report.skipped.count == 3)
        // Unchanged layers: nothing recomputed; a layer of an unrelated kind changes nothing either.
        #expect(try service.check().recomputed == 0)
        try Self.load(workspace, "farmland.geojson", .heritage)
        #expect(try service.check().recomputed == 0)
        // The farmland again: only the farmland rule runs again.
        try Self.load(workspace, "farmland-gbk/基本农田.shp", .basicFarmland)
        #expect(try service.check().recomputed == 1)
    }

    @Test("rules: listed, added once, thresholds and switches change what is found", arguments: TestBackend.available)
    func rules(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        let service = workspace.conflicts(by: Self.admin)
        #expect(try service.rules().count == ConflictRule.defaults.count)
        try Self.load(workspace, "farmland.geojson", .basicFarmland)
        try Self.load(workspace, "construction.geojson", .constructionPlan)
        #expect(try service.check().patches.count == 2)
        let farmlandRule = try #require(try service.rules().first { $0.rule.a == .constructionPlan && $0.rule.b == .basicFarmland })
        try service.setRule(farmlandRule.id, minimumArea: 3_000, severity: .warning, enabled: nil)
        #expect(try service.check().patches.isEmpty)
        try service.setRule(farmlandRule.id, minimumArea: 1, severity: nil, enabled: false)
        let switchedOff = try service.check()
        #expect(switchedOff.patches.isEmpty && !switchedOff.skipped.contains { $0.rule.id == farmlandRule.id })
        let added = try service.addRule(ConflictRule(relation: .mustNotOverlap, a: .basicFarmland, b: .constructionPlan))
        #expect(try service.check().patches.map(\.featureA).sorted() == [1, 2])
        #expect(throws: UserError.self) {
            try service.addRule(ConflictRule(relation: .mustNotOverlap, a: .basicFarmland, b: .constructionPlan))
        }
        #expect(throws: UserError.self) { try service.setRule(added, minimumArea: -1, severity: nil, enabled: nil) }
        #expect(throws: UserError.self) { try service.setRule(9_999, minimumArea: 1, severity: nil, enabled: nil) }
    }

    @Test(
        "layers export to Shapefile (GBK .dbf with .cpg), GeoPackage (EPSG:4490) and GeoJSON that GDAL reads back",
        arguments: TestBackend.available)
    func layerExport(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        try Self.load(workspace, "farmland-gbk/基本农田.shp", .basicFarmland)
        let service = workspace.layers(by: Self.admin)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shp = folder.appendingPathComponent("农田.shp")
        #expect(try service.export("基本农田", format: .shp, to: shp) == 2)
        let cpg = try String(contentsOf: folder.appendingPathComponent("农田.cpg"), encoding: .utf8)
        #expect(VectorFileReader.codePage(cpg.trimmingCharacters(in: .whitespacesAndNewlines)) == .gb18030, "\(cpg)")
        let back = try VectorFileReader.read(shp)
        #expect(back.features.map { $0.values[0] } == ["基本农田甲", "基本农田乙"] && back.crs?.epsg == 4546)
        #expect(back.features.compactMap { $0.shape?.facts()?.area } == [10_000, 10_000])
        let gpkg = folder.appendingPathComponent("农田.gpkg")
        try service.export("基本农田", format: .gpkg, to: gpkg, crs: .cgcs2000)
        let degrees = try VectorFileReader.read(gpkg)
        #expect(degrees.crs == .cgcs2000 && degrees.layerName == "基本农田")
        let again = try workspace.layers(by: Self.admin).importLayer(gpkg, LayerImportOptions(kind: .basicFarmland, name: "回读"))
        #expect(abs(again.layer.areaM2 - 20_000) < 0.01, "\(again.layer.areaM2)")
        let zipped = folder.appendingPathComponent("农田.zip")
        try service.export("基本农田", format: .shp, to: zipped)
        #expect(try VectorFileReader.read(zipped).features.count == 2)
    }

    @Test(
        "conflict patches export to XLSX, GeoJSON and a GBK Shapefile that GDAL reads back with their areas",
        arguments: TestBackend.available)
    func conflictExport(backend: TestBackend) throws {
        let workspace = try Self.workspace(backend)
        try Self.load(workspace, "farmland.geojson", .basicFarmland)
        try Self.load(workspace, "construction.geojson", .constructionPlan)
        let service = workspace.conflicts(by: Self.admin)
        let report = try service.check()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conflicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for format in [ConflictExportFormat.geojson, .shp] {
            let url = folder.appendingPathComponent("冲突.\(format.rawValue)")
            try service.export(report, format: format, to: url)
            let back = try VectorFileReader.read(url)
            let area = try #require(back.fields.firstIndex(of: "面积平方米"))
            #expect(back.features.compactMap { $0.values[area].flatMap(Double.init) } == [2_500, 2_500], "\(format)")
            #expect(back.features.compactMap { $0.shape?.facts()?.area } == [2_500, 2_500])
            #expect(back.crs?.epsg == 4546)
        }
        let xlsx = folder.appendingPathComponent("冲突.xlsx")
        try service.export(report, format: .xlsx, to: xlsx)
        let bytes = try Data(contentsOf: xlsx)
        #expect(bytes.starts(with: [0x50, 0x4B]))
    }

    @Test("features reaching outside the county outline are imported with a warning naming them and the area outside")
    func outsideCounty() throws {
        let workspace = try Self.workspace(.sqlite)
        try DemoBuilder(workspace: workspace).build()
        let source = try String(contentsOf: LayerFixtures.url("farmland.geojson"), encoding: .utf8)
        // The second square moved 200 km east, far outside 交城.
        let moved = source.replacingOccurrences(of: "[597200,", with: "[797200,").replacingOccurrences(of: "[597300,", with: "[797300,")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).geojson")
        try moved.write(to: url, atomically: true, encoding: .utf8)
        let report = try workspace.layers(by: Self.admin).importLayer(url, LayerImportOptions(kind: .heritage, name: "界外"))
        #expect(report.layer.featureCount == 2)
        #expect(report.warnings.count == 1 && report.warnings.first?.row == 2 && report.warnings.first?.severity == .warning)
        #expect(report.warnings.first?.message.zh.contains("第 2 个要素（基本农田乙）：有 10000 平方米在县界之外") == true, "\(report.warnings)")
    }

    @Test("the demo's illustrative layers: four kinds, marked 示意, and every default rule with both kinds present finds patches")
    func demoLayers() throws {
        let workspace = try Self.workspace(.sqlite)
        try DemoBuilder(workspace: workspace).build()
        let layers = try workspace.layers().layers()
        #expect(Set(layers.map(\.kind)) == [.urbanBoundary, .basicFarmland, .ecologicalRedline, .constructionPlan])
        #expect(layers.allSatisfy { $0.illustrative && $0.sourceFormat == "generated" && $0.workingCRS == 4546 })
        let report = try workspace.conflicts().check()
        #expect(Set(report.patches.map(\.rule.b)) == [.basicFarmland, .ecologicalRedline, .urbanBoundary])
        #expect(report.patches.allSatisfy { $0.illustrative && $0.townshipMatch == .nearestSeat && $0.township != nil })
    }

    @Test("a layer traced on a web map (GCJ-02) and saved as WGS84 is imported with a warning; the true outline is not")
    func gcj02() throws {
        let workspace = try Self.workspace(.sqlite)
        try DemoBuilder(workspace: workspace).build()
        // The county government's point: GCJ-02 112.159154 37.555155 on the web map it came from.
        let shown = GCJ02.fromWGS84(LonLat(112.152541, 37.554365))
        #expect(abs(shown.lon - 112.159154) < 2e-5 && abs(shown.lat - 37.555155) < 2e-5, "\(shown)")
        let outline = try #require(try workspace.register.countyOutline())
        func file(_ move: (LonLat) -> LonLat) throws -> URL {
            let polygons = outline.polygons.map { polygon in
                "["
                    + polygon.rings.map { ring in
                        "["
                            + ring.map {
                                let p = move($0)
                                return "[\(p.lon),\(p.lat)]"
                            }.joined(separator: ",") + "]"
                    }
                    .joined(separator: ",") + "]"
            }
            let text = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"县界"},
                "geometry":{"type":"MultiPolygon","coordinates":[\(polygons.joined(separator: ","))]}}]}
                """
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("outline-\(UUID().uuidString).geojson")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        let layers = workspace.layers(by: Self.admin)
        let real = try layers.importLayer(try file { $0 }, LayerImportOptions(kind: .other, name: "县界", dryRun: true))
        #expect(real.warnings.isEmpty, "\(real.warnings)")
        let shifted = try layers.importLayer(try file(GCJ02.fromWGS84), LayerImportOptions(kind: .other, name: "火星县界", dryRun: true))
        #expect(shifted.warnings.first?.message.zh.contains("GCJ-02") == true, "\(shifted.warnings)")
    }

    @Test("two farmland layers under one plot: a patch for each pair, the summary's area counted once")
    func overlappingLayers() throws {
        let workspace = try Self.workspace(.sqlite)
        try Self.load(workspace, "farmland.geojson", .basicFarmland, name: "农田一")
        try Self.load(workspace, "farmland.geojson", .basicFarmland, name: "农田二")
        try Self.load(workspace, "construction.geojson", .constructionPlan)
        let report = try workspace.conflicts().check()
        #expect(report.patches.count == 4 && report.patches.allSatisfy { $0.areaM2 == 2_500 })
        #expect(report.summary.count == 1 && abs((report.summary.first?.areaM2 ?? 0) - 5_000) < 1e-6)
    }
}
