import Foundation
import TestSupport
import Testing

@Suite("CLI: medical facilities, 六统一 and the 15-minute circle (issue 14)")
struct HealthCLITests {
    static let divisions = """
        141122,交城县,,112.05,37.50
        141122100,甲镇,141122,112.00,37.50
        141122101,乙镇,141122,112.10,37.50
        141122100001,甲一村,141122100,112.00,37.501
        141122100002,甲二村,141122100,112.02,37.50
        141122101001,乙一村,141122101,112.10,37.501

        """

    @Test("import clinics refuses bad rows by row and column and writes nothing; a good file is registered")
    func importClinics() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(in: dir, divisions: Self.divisions)
        let bad = dir.appendingPathComponent("bad.csv")
        try Data(
            """
            类型,名称,乡镇,村,床位
            村卫生室,无村卫生室,甲镇,,
            诊所,某诊所,甲镇,,
            乡镇卫生院,甲镇卫生院,甲镇,,-3
            村卫生室,甲一村卫生室,甲镇,不存在村,

            """.utf8
        ).write(to: bad)
        let refused = try CLI.run(["import", "clinics", bad.path, "--database", db])
        #expect(refused.status == 65, "\(refused.stderr)")
        for text in ["第 2 行", "须写明所在村", "第 3 行", "「诊所」", "第 4 行", "第 5 行"] {
            #expect(refused.stderr.contains(text), "\(text): \(refused.stderr)")
        }
        #expect(try CLI.run(["health", "status", "--database", db]).stdout.contains("尚未登记乡镇卫生院"))

        let good = dir.appendingPathComponent("医疗机构.csv")
        try Data(
            """
            类型,名称,乡镇,村,经度,纬度,执业（助理）医师,乡村医生,注册护士,床位,医共体
            乡镇卫生院,甲镇卫生院,甲镇,,112.00,37.50,12,,8,30,交城县医共体
            村卫生室,甲一村卫生室,甲镇,甲一村,,,,2,,,交城县医共体
            县级医院,交城县人民医院,,,112.05,37.50,80,,120,300,山大一院交城分院

            """.utf8
        ).write(to: good)
        let done = try CLI.run(["import", "clinics", good.path, "--database", db])
        #expect(done.status == 0 && done.stdout.contains("新增 3"), "\(done.stdout)\(done.stderr)")
        let again = try CLI.run(["import", "clinics", good.path, "--database", db])
        #expect(again.stdout.contains("新增 0，更新 3"), "\(again.stdout)")

        #expect(
            try CLI.run(["health", "set", "甲镇", "药品器械", "已统一", "--evidence", "县卫健局文件", "--date", "2024-06-30", "--database", db]).status
                == 0)
        #expect(try CLI.run(["health", "set", "甲镇卫生院", "finance", "partial", "--database", db]).status == 0)
        let noCenter = try CLI.run(["health", "set", "乙镇", "行政", "已统一", "--database", db])
        #expect(noCenter.status != 0 && noCenter.stderr.contains("甲镇卫生院"), "\(noCenter.stderr)")
        let badItem = try CLI.run(["health", "set", "甲镇", "后勤", "已统一", "--database", db])
        #expect(badItem.status == 65 && badItem.stderr.contains("药品器械"), "\(badItem.stderr)")
        let badDate = try CLI.run(["health", "set", "甲镇", "行政", "已统一", "--date", "2024-13-40", "--database", db])
        #expect(badDate.status == 65, "\(badDate.stderr)")

        let json = try CLI.run(["health", "status", "--format", "json", "--database", db]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let centers = try #require(report["centers"] as? [[String: Any]])
        #expect(centers.count == 1)
        let items = try #require(centers.first?["items"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: items.map { ($0["item"] as? String ?? "", $0["status"] as? String ?? "—") })
        // Never recorded stays unknown, not "not unified".
        #expect(
            status == ["administration": "—", "personnel": "—", "business": "—", "drugs": "done", "finance": "partial", "performance": "—"])
        #expect(centers.first?["clinics"] as? Int == 1)
        let without = try #require(report["villagesWithoutClinic"] as? [[String: Any]]).compactMap { $0["village"] as? String }
        #expect(without == ["甲二村", "乙一村"])
        #expect(report["townshipsWithoutCenter"] as? [String] == ["乙镇"])
        let table = try CLI.run(["health", "status", "--database", db]).stdout
        #expect(table.contains("已统一") && table.contains("部分统一") && table.contains("乙镇：乙一村"), "\(table)")

        // The 15-minute circle without a network: straight line × 1.3 at 30 km/h.
        let access = try CLI.run(["access", "report", "--service", "health-center", "--format", "json", "--database", db]).stdout
        let circle = try #require(try JSONSerialization.jsonObject(with: Data(access.utf8)) as? [String: Any])
        #expect(circle["thresholdMinutes"] as? Double == 15 && circle["basis"] as? String == "straight-line")
        let villages = try #require(circle["villages"] as? [[String: Any]])
        let within = Dictionary(uniqueKeysWithValues: villages.map { ($0["village"] as? String ?? "", $0["withinThreshold"] as? Bool) })
        // 甲一村 111 m away; 乙一村 8.8 km × 1.3 = 11.5 km, 23 min at 30 km/h.
        #expect(within["甲一村"] == true && within["甲二村"] == true && within["乙一村"] == false, "\(within)")
    }

    @Test("the demo's plan tasks on hospital alliances appear in the health status")
    func allianceTasks() throws {
        let db = try CLI.demoDatabase()
        let status = try CLI.run(["health", "status", "--database", db]).stdout
        #expect(status.contains("T-HEA-01") && status.contains("山大一院交城分院城市医联体建设"), "\(status)")
    }
}
