import Foundation
import TestSupport
import Testing

@Suite("CLI: villages, zoning, parks, idle assets and scenario adoption")
struct VillageCLITests {
    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test("the issue's contract on the demo: classify, import villages, rules set, assets, adopt and revert")
    func contract() throws {
        let db = try CLI.demoDatabase()
        let dir = try CLI.temporaryDirectory()

        let classified = try Self.json(try CLI.run(["villages", "classify", "--format", "json", "--database", db]).stdout)
        #expect(classified.count == 134)
        let types: Set<String> = ["集聚提升类", "城郊融合类", "特色保护类", "搬迁撤并类", "暂不分类"]
        for village in classified {
            #expect(["code", "name", "township", "type", "reasons"].allSatisfy { village.keys.contains($0) })
            #expect(types.contains(village["type"] as? String ?? ""))
            #expect((village["reasons"] as? [String])?.contains("缺人口数据") == true)
        }

        let zoning = try CLI.run(["zoning", "run", "--database", db])
        #expect(zoning.status == 0 && zoning.stdout.contains("没有任何村庄具备所选指标的数据"))
        let inconsistent = try CLI.run(["zoning", "run", "--weights", VillageFixtures.url("ahp-inconsistent.json").path, "--database", db])
        #expect(inconsistent.status == 65 && inconsistent.stderr.contains("CR = 1.585"), "\(inconsistent.stderr)")
        // Figures for two villages of 天宁镇 by code; the distance rule off (no real positions).
        let first = try #require(classified.first { $0["township"] as? String == "天宁镇" })
        let code = try #require(first["code"] as? String)
        let file = dir.appendingPathComponent("村庄属性.csv")
        try Data("村代码,常住人口,户数,传统村落/历史文化名村\n\(code),1200,400,否\n".utf8).write(to: file)
        let noYear = try CLI.run(["import", "villages", file.path, "--database", db])
        #expect(noYear.status == 65 && noYear.stderr.contains("年份"), "\(noYear.stderr)")
        let dry = try CLI.run(["import", "villages", file.path, "--year", "2024", "--dry-run", "--database", db])
        #expect(dry.status == 0 && dry.stdout.contains("未写入"), "\(dry.stderr)")
        #expect(try CLI.run(["import", "villages", file.path, "--year", "2024", "--database", db]).status == 0)
        #expect(try CLI.run(["villages", "rules", "set", "2", "--disable", "--database", db]).status == 0)
        let rules = try Self.json(try CLI.run(["villages", "rules", "list", "--format", "json", "--database", db]).stdout)
        #expect(rules.count == 7 && (rules[1]["enabled"] as? Bool) == false)
        var after = try Self.json(try CLI.run(["villages", "classify", "--format", "json", "--database", db]).stdout)
        #expect(after.first { $0["code"] as? String == code }?["type"] as? String == "集聚提升类")
        #expect(try CLI.run(["villages", "rules", "set", "6", "--threshold", "1500", "--database", db]).status == 0)
        after = try Self.json(try CLI.run(["villages", "classify", "--format", "json", "--database", db]).stdout)
        let village = try #require(after.first { $0["code"] as? String == code })
        #expect(village["type"] as? String == "集聚提升类" && village["rule"] as? Int == 7)
        let refused = try CLI.run(["villages", "rules", "set", "1", "--threshold", "2", "--database", db])
        #expect(refused.status == 65)
        let xlsx = dir.appendingPathComponent("村庄分类.xlsx").path
        #expect(try CLI.run(["villages", "classify", "--out", xlsx, "--database", db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: xlsx))
        #expect(try Self.json(try CLI.run(["villages", "merge-candidates", "--format", "json", "--database", db]).stdout).isEmpty)

        let parks = try Self.json(try CLI.run(["parks", "list", "--format", "json", "--database", db]).stdout)
        #expect(parks.count == 4 && parks.allSatisfy { ($0["years"] as? [Any])?.isEmpty == true })

        // 方案乙: seven closures; the primary schools among them become 闲置校舍 with their land.
        let adopted = try CLI.run(["schools", "scenarios", "adopt", "2", "--format", "json", "--database", db])
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(adopted.stdout.utf8)) as? [String: Any])
        let closed = try #require(outcome["closedSchools"] as? [Int])
        #expect(adopted.status == 0 && closed.count == 7, "\(adopted.stderr)")
        let schools = try Self.json(try CLI.run(["schools", "diagnose", "--format", "json", "--database", db]).stdout)
        let primary = schools.filter { closed.contains($0["id"] as? Int ?? -1) && $0["levelCode"] as? String == "primary" }
        #expect(schools.filter { $0["plannedClosureScenario"] as? Int == 2 }.count == 7)
        let assets = try Self.json(try CLI.run(["assets", "list", "--format", "json", "--database", db]).stdout)
        #expect(assets.count == primary.count && !assets.isEmpty)
        for asset in assets {
            for key in ["id", "kind", "name", "village", "township", "areaM2", "areaMu", "status", "source"] {
                #expect(asset.keys.contains(key), "\(key)")
            }
            #expect(asset["kind"] as? String == "闲置校舍" && asset["source"] as? String == "scenario:2")
        }
        let id = try #require(assets.first?["id"] as? Int)
        let updated = try CLI.run(["assets", "update", String(id), "--status", "planned", "--proposed-use", "村党群服务中心", "--database", db])
        #expect(updated.status == 0 && updated.stdout.contains("规划利用"), "\(updated.stderr)")
        let twice = try CLI.run(["schools", "scenarios", "adopt", "2", "--database", db])
        #expect(twice.status == 65 && twice.stderr.contains("已采纳"))
        let careful = try CLI.run(["schools", "scenarios", "adopt", "2", "--revert", "--database", db])
        #expect(careful.status == 65 && careful.stderr.contains("--force"), "\(careful.stderr)")
        let reverted = try CLI.run(["schools", "scenarios", "adopt", "2", "--revert", "--force", "--database", db])
        #expect(reverted.status == 0 && reverted.stdout.contains("方案乙"), "\(reverted.stderr)")
        #expect(try Self.json(try CLI.run(["assets", "list", "--format", "json", "--database", db]).stdout).isEmpty)

        let assetFile = dir.appendingPathComponent("闲置资产.csv")
        try Data("类型,名称,乡镇,面积（平方米）\n零星闲置地,河滩地,天宁镇,-3\n".utf8).write(to: assetFile)
        let bad = try CLI.run(["assets", "import", assetFile.path, "--database", db])
        #expect(bad.status == 65 && bad.stderr.contains("第 2 行"), "\(bad.stderr)")
    }
}
