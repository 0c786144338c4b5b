import Foundation
import Testing

@Suite("Monitoring from the command line: status, record, tasks, reports")
struct MonitoringCLITests {
    @Test("indicators status --format json holds the promised fields and changes after recording")
    func statusJSON() throws {
        let db = try CLI.demoDatabase()
        func retention() throws -> [String: Any] {
            let run = try CLI.run(["indicators", "status", "--format", "json", "--as-of", "2024-06-30", "--database", db])
            let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            for key in ["code", "name", "area", "latest", "target", "expected", "status", "reason"] {
                #expect(array.allSatisfy { $0.keys.contains(key) }, "\(key) missing")
            }
            return try #require(array.first { $0["code"] as? String == "EDU_RETENTION" })
        }
        let before = try retention()
        #expect(before["status"] as? String == "grey")
        #expect(before["latest"] is NSNull)
        #expect((before["target"] as? [String: Any])?["year"] as? Int == 2025)
        for (period, value) in [("2022", "95"), ("2023", "95.5")] {
            let run = try CLI.run([
                "indicators", "record", "EDU_RETENTION", "--area", "交城县", "--period", period, "--value", value, "--database", db,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let after = try retention()
        #expect(after["status"] as? String == "red")
        #expect((after["latest"] as? [String: Any])?["period"] as? String == "2023")
        #expect(after["reason"] as? String == "2023 实际 95.5%，按期应达 96.3%，落后 0.8 个百分点")
        #expect(after["expected"] as? Double == 96.993, "30 June 2024 is 2023.49 on the time scale: 95 + 4 × 1.49/3")
    }

    @Test("a value that breaks a rule exits 65 and is not recorded; a jump is only a warning")
    func recordRules() throws {
        let db = try CLI.demoDatabase()
        let bad = try CLI.run([
            "indicators", "record", "INS_WHEAT", "--area", "天宁镇", "--period", "2024", "--value", "120", "--database", db,
        ])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("值 120 大于上限 100"))
        #expect(
            try CLI.run(["indicators", "record", "INS_WHEAT", "--area", "天宁", "--period", "2023", "--value", "30", "--database", db]).status
                == 0)
        let jump = try CLI.run(["indicators", "record", "INS_WHEAT", "--area", "天宁", "--period", "2024", "--value", "80", "--database", db])
        #expect(jump.status == 0)
        #expect(jump.stdout.contains("警告 INS_WHEAT 2024：较上期 2023（30）变为 80"))
    }

    @Test("tasks past their deadline that no one reported on are not called overdue; update changes a task")
    func tasks() throws {
        let db = try CLI.demoDatabase()
        let list = try CLI.run(["tasks", "list", "--as-of", "2026-11-29", "--database", db]).stdout
        #expect(list.hasSuffix("共 24 项：逾期 0 项，已过期限、进展不明 4 项\n"))
        #expect(list.contains("2025（规划期末，假设）"), "T-INF-01's deadline is the plan period's end, assumed")
        #expect(!list.contains("  逾期"))
        let updated = try CLI.run(["tasks", "update", "T-EDU-01", "--status", "推进中", "--percent", "40", "--database", db])
        #expect(updated.stdout == "T-EDU-01 新建城西幼儿园：推进中 40%\n")
        let json = try CLI.run(["tasks", "list", "--format", "json", "--as-of", "2026-11-29", "--database", db]).stdout
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let t = try #require(array.first { $0["code"] as? String == "T-EDU-01" })
        #expect(t["status"] as? String == "in_progress")
        #expect(t["deadline"] is NSNull)
        let agr = try #require(array.first { $0["code"] as? String == "T-AGR-01" })
        #expect(agr["overdue"] as? Bool == false)
        #expect(agr["deadlineState"] as? String == "pastDeadlineProgressUnknown")
        #expect(try CLI.run(["tasks", "update", "T-AGR-01", "--status", "推进中", "--database", db]).status == 0)
        let after = try CLI.run(["tasks", "list", "--as-of", "2026-11-29", "--database", db]).stdout
        #expect(after.hasSuffix("共 24 项：逾期 1 项，已过期限、进展不明 3 项\n"), "reported on and not done: now overdue")
    }

    @Test("report writes an Excel workbook, printable HTML and a PDF")
    func reports() throws {
        let db = try CLI.demoDatabase()
        let dir = try CLI.temporaryDirectory()
        for format in ["xlsx", "html", "pdf"] {
            let out = dir.appendingPathComponent("report.\(format)").path
            let run = try CLI.run(["report", "--format", format, "--out", out, "--as-of", "2026-11-29", "--database", db])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            switch format {
            case "xlsx": #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            case "pdf": #expect(data.starts(with: Array("%PDF".utf8)))
            default:
                let html = String(decoding: data, as: UTF8.self)
                #expect(html.contains("交城县城乡融合发展监测报告"))
                #expect(html.contains("<svg"))
                #expect(html.contains("启动实施农业农村现代化规划"))
            }
        }
    }
}
