import Foundation
import TestSupport
import Testing

@Suite("CLI: layers and conflicts (多规合一)")
struct LayerCLITests {
    @Test("layers import/list/export and conflicts check/export/rules, as the issue's contract has them")
    func contract() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(in: dir, divisions: "141122,交城县,,112.16,37.55\n")

        let bare = try CLI.run([
            "layers", "import", LayerFixtures.url("no-prj/基本农田.shp").path, "--kind", "basic-farmland", "--database", db,
        ])
        #expect(bare.status == 65 && bare.stderr.contains("EPSG:4546、EPSG:4525"), "\(bare.stderr)")
        let read = try CLI.run([
            "layers", "import", LayerFixtures.url("no-prj/基本农田.shp").path, "--kind", "永久基本农田", "--crs", "EPSG:4546", "--database", db,
        ])
        #expect(read.status == 0 && read.stdout.contains("2 个要素，面积 20000 平方米（30 亩）"), "\(read.stdout)\(read.stderr)")
        for (file, kind) in [("construction", "construction-plan"), ("boundary", "urban-boundary"), ("redline", "ecological-redline")] {
            let done = try CLI.run(["layers", "import", LayerFixtures.url("\(file).geojson").path, "--kind", kind, "--database", db])
            #expect(done.status == 0, "\(done.stderr)")
        }
        let badKind = try CLI.run(["layers", "import", LayerFixtures.url("redline.geojson").path, "--kind", "parks", "--database", db])
        #expect(badKind.status == 65 && badKind.stderr.contains("basic-farmland"))

        let listed = try CLI.run(["layers", "list", "--format", "json", "--database", db])
        let layers = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(layers.compactMap { $0["name"] as? String } == ["boundary", "construction", "redline", "基本农田"])

        let json = try CLI.run(["conflicts", "check", "--format", "json", "--database", db])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let patches = try #require(report["patches"] as? [[String: Any]])
        #expect(patches.count == 4)
        for key in ["rule", "layerA", "featureA", "layerB", "featureB", "areaM2", "areaMu", "township"] {
            #expect(patches.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        #expect(patches.compactMap { $0["areaM2"] as? Double }.sorted() == [500, 2_500, 2_500, 5_000])
        let summary = try #require(report["summary"] as? [[String: Any]])
        #expect(summary.compactMap { $0["patches"] as? Int } == [2, 1, 1])
        #expect(summary.allSatisfy { $0["areaM2"] is Double && $0.keys.contains("township") && $0.keys.contains("rule") })

        let table = try CLI.run(["conflicts", "check", "--database", db]).stdout
        #expect(table.contains("规划建设用地须位于城镇开发边界") && table.contains("EPSG:4546"), "\(table)")
        let csv = try CLI.run(["conflicts", "check", "--format", "csv", "--lang", "en", "--database", db]).stdout
        #expect(csv.contains("areaM2") && csv.contains("2500"))

        let shp = dir.appendingPathComponent("冲突图斑.shp").path
        let exported = try CLI.run(["conflicts", "export", "--format", "shp", "--out", shp, "--database", db])
        #expect(exported.status == 0, "\(exported.stderr)")
        let reread = try CLI.run(["layers", "import", shp, "--kind", "other", "--dry-run", "--database", db])
        #expect(reread.status == 0 && reread.stdout.contains("4 个要素，面积 10500 平方米"), "\(reread.stdout)\(reread.stderr)")
        let xlsx = dir.appendingPathComponent("冲突图斑.xlsx").path
        #expect(try CLI.run(["conflicts", "export", "--format", "xlsx", "--out", xlsx, "--database", db]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: [0x50, 0x4B]))

        let gpkg = dir.appendingPathComponent("农田.gpkg").path
        let layerOut = try CLI.run(["layers", "export", "基本农田", "--format", "gpkg", "--out", gpkg, "--crs", "EPSG:4490", "--database", db])
        #expect(layerOut.status == 0, "\(layerOut.stderr)")
        let back = try CLI.run(["layers", "import", gpkg, "--kind", "basic-farmland", "--name", "回读", "--dry-run", "--database", db])
        #expect(back.stdout.contains("源坐标系 EPSG:4490") && back.stdout.contains("面积 20000 平方米"), "\(back.stdout)\(back.stderr)")

        let added = try CLI.run([
            "conflicts", "rules", "add", "heritage", "must-not-overlap", "construction-plan", "--min-area", "10", "--database", db,
        ])
        #expect(added.status == 0 && added.stdout.contains("已添加规则 7"), "\(added.stdout)\(added.stderr)")
        #expect(try CLI.run(["conflicts", "rules", "set", "6", "--enabled", "false", "--database", db]).status == 0)
        let rules = try CLI.run(["conflicts", "rules", "list", "--database", db]).stdout
        #expect(rules.contains("历史文化保护不得压占规划建设用地"), "\(rules)")
        let after = try CLI.run(["conflicts", "check", "--format", "json", "--database", db])
        #expect(after.stdout.components(separatedBy: "\"ruleID\" : 6").count == 1)
        #expect(try CLI.run(["conflicts", "rules", "set", "99", "--enabled", "true", "--database", db]).status == 66)
    }
}
