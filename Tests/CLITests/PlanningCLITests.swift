import Foundation
import Testing

@Suite("Location models and consolidation scenarios from the command line")
struct PlanningCLITests {
    /// A 4-point line: demand ids a–d at 0, 1, 2, 10 on the line; every point a candidate.
    func costsFile() throws -> String {
        let dir = try CLI.temporaryDirectory()
        let points = ["a": 0.0, "b": 1.0, "c": 2.0, "d": 10.0]
        var text = "demand,candidate,cost\n"
        for (i, x) in points.sorted(by: { $0.key < $1.key }) {
            for (j, y) in points.sorted(by: { $0.key < $1.key }) { text += "\(i),\(j),\(abs(x - y))\n" }
        }
        let url = dir.appendingPathComponent("costs.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("solve pmedian on a cost table: the optimum written inline (p = 2 opens b and d, cost 2)")
    func pmedianCosts() throws {
        let run = try CLI.run(["solve", "pmedian", "--costs", try costsFile(), "-p", "2", "--exact", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["objective"] as? Double == 2)
        #expect(json["facilities"] as? [String] == ["b", "d"])
        #expect(json["provenOptimal"] as? Bool == true)
        #expect(json["lowerBound"] as? Double == 2)
    }

    @Test("solve lscp and mclp on the same table")
    func covering() throws {
        let lscp = try CLI.run(["solve", "lscp", "--costs", try costsFile(), "--radius", "1", "--exact", "--format", "json"])
        let l = try #require(try JSONSerialization.jsonObject(with: Data(lscp.stdout.utf8)) as? [String: Any])
        #expect(l["objective"] as? Double == 2)
        let mclp = try CLI.run(["solve", "mclp", "--costs", try costsFile(), "-p", "1", "--radius", "1", "--exact", "--format", "json"])
        let m = try #require(try JSONSerialization.jsonObject(with: Data(mclp.stdout.utf8)) as? [String: Any])
        #expect(m["objective"] as? Double == 3)
        #expect(m["facilities"] as? [String] == ["b"])
    }

    @Test("an infeasible model exits 65 with a reason; a missing file exits 66")
    func infeasible() throws {
        let run = try CLI.run(["solve", "pmedian", "--costs", try costsFile(), "-p", "9"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("无法求解"))
        #expect(try CLI.run(["solve", "pmedian", "--costs", "/nonexistent.csv", "-p", "1"]).status == 66)
    }

    @Test("the demo holds two scenarios; compare shows them side by side")
    func demoScenarios() throws {
        let db = try CLI.demoDatabase()
        let list = try CLI.run(["schools", "scenarios", "--database", db]).stdout
        #expect(list.contains("方案甲"))
        #expect(list.contains("方案乙"))
        let compare = try CLI.run(["schools", "scenarios", "--compare", "1,2", "--database", db])
        #expect(compare.status == 0)
        // Everything but the solve time, which varies run to run.
        let stable = compare.stdout.split(separator: "\n").filter { !$0.hasPrefix("用时") }.joined(separator: "\n")
        try expectGolden(stable, "scenarios_compare.txt")
        let json = try CLI.run(["schools", "scenarios", "--compare", "方案甲：撤并两所，保留 16 所现有学校（p-中位）", "--format", "json", "--database", db])
            .stdout
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let result = try #require(array.first?["result"] as? [String: Any])
        #expect(result["schoolsClosed"] as? Int == 2)
        #expect(result["provenOptimal"] as? Bool == true)
    }

    @Test("schools plan stores a scenario and reports what it means; a duplicate name is refused")
    func plan() throws {
        let db = try CLI.demoDatabase()
        let run = try CLI.run(["schools", "plan", "--name", "初中集中", "--level", "junior", "-p", "8", "--keep", "水峪贯镇初级中学", "--database", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("初中阶段"))
        #expect(run.stdout.contains("保留（8）"))
        #expect(run.stdout.contains("水峪贯镇初级中学"))
        #expect(run.stdout.contains("按编制可释放教职工"))
        #expect(run.stdout.contains("示意位置"))
        let again = try CLI.run(["schools", "plan", "--name", "初中集中", "--level", "junior", "-p", "8", "--database", db])
        #expect(again.status == 65)
        #expect(again.stderr.contains("方案名称「初中集中」已存在"))
        let unknown = try CLI.run(["schools", "plan", "--name", "X", "--keep", "不存在学校", "-p", "3", "--database", db])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("学校「不存在学校」不在小学阶段的学校名单中"))
    }
}
