import Foundation
import Testing

@Suite("The chengxiang command line, run as a user runs it")
struct CLITests {
    @Test("demo builds a fresh database and prints the diagnosis with the seed's findings (exact output)")
    func demo() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("demo.sqlite").path
        let run = try CLI.run(["demo", "--no-serve", "--database", path])
        #expect(run.status == 0)
        try expectGolden(maskingPassword(run.stdout.replacingOccurrences(of: path, with: "$DB")), "demo_zh.txt")
        #expect(run.stderr.contains("schools: +19"))
        // A second run replaces the demo database without asking.
        #expect(try CLI.run(["demo", "--no-serve", "--database", path]).status == 0)
    }

    @Test("demo refuses to overwrite a database that is not a demo")
    func demoRefusesToOverwrite() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("county.sqlite").path
        #expect(try CLI.run(["init", "--database", path]).status == 0)
        let run = try CLI.run(["demo", "--no-serve", "--database", path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("不是演示数据库"))
    }

    @Test("demo in English")
    func demoEnglish() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let run = try CLI.run(["demo", "--no-serve", "--database", path, "--lang", "en"])
        try expectGolden(maskingPassword(run.stdout.replacingOccurrences(of: path, with: "$DB")), "demo_en.txt")
    }

    @Test("schools diagnose as a table (exact output)")
    func diagnoseTable() throws {
        let db = try CLI.demoDatabase()
        let run = try CLI.run(["schools", "diagnose", "--database", db])
        #expect(run.status == 0)
        try expectGolden(run.stdout, "diagnose_table.txt")
    }

    @Test("schools diagnose as JSON holds the promised fields")
    func diagnoseJSON() throws {
        let db = try CLI.demoDatabase()
        let run = try CLI.run(["schools", "diagnose", "--database", db, "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 19)
        for key in [
            "name", "township", "level", "students", "staff", "studentsPerStaff", "staffNorm", "staffSurplus",
            "landPerStudentM2", "flags", "reasons",
        ] {
            #expect(array.allSatisfy { $0.keys.contains(key) }, "\(key) missing")
        }
        let dlz = try #require(array.first { $0["name"] as? String == "东雷庄学校" })
        #expect(dlz["township"] as? String == "天宁镇")
        #expect(dlz["level"] as? String == "小学")
        #expect(dlz["staffNorm"] as? Double == 19)
        #expect(dlz["staffSurplus"] as? Double == 2.684)
        #expect(dlz["landPerStudentM2"] as? Double == 1666.675)
        #expect(dlz["flags"] as? [String] == ["small_school", "overstaffed", "land_surplus"])
        #expect((dlz["reasons"] as? [String])?.first == "在校生 6 人，不足 100 人，属小规模学校。")
        let xy = try #require(array.first { $0["name"] as? String == "交城县西营学校" })
        #expect(xy["flags"] as? [String] == ["understaffed"])
        #expect(xy["staffSurplus"] as? Double == -36.511)
        #expect(abs((xy["staffNorm"] as? Double ?? 0) - 16.728) < 1e-9)
    }

    @Test("schools diagnose as CSV: BOM, header and one line per school")
    func diagnoseCSV() throws {
        let db = try CLI.demoDatabase()
        let run = try CLI.run(["schools", "diagnose", "--database", db, "--format", "csv"])
        #expect(run.stdout.hasPrefix("\u{FEFF}乡镇,学校,规模,在校人数,教职人数,生师比"))
        #expect(run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 20)
    }

    @Test("a rejected import exits 65, names row and column, and changes nothing")
    func rejectedImport() throws {
        let db = try CLI.demoDatabase()
        let before = try CLI.run(["schools", "diagnose", "--database", db, "--format", "json"]).stdout
        let auditBefore = try CLI.run(["audit", "--database", db, "--limit", "1"]).stdout
        let file = try CLI.temporaryDirectory().appendingPathComponent("学校.csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）\n天宁,阳渠新校,小学,90,6,5\n西营,交城县西营学校,小初一体,-1581,58,60\n".utf8).write(to: file)
        let run = try CLI.run(["import", "schools", file.path, "--database", db])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("数据未通过校验，数据库未改动（1 处错误）"))
        #expect(
            run.stderr.contains(
                "错误 学校.csv 第 3 行 第 4 列（D「在校人数」）：「-1581」为负数 | error file 学校.csv row 3 column 4 (D \"在校人数\"): \"-1581\" is negative"))
        #expect(try CLI.run(["schools", "diagnose", "--database", db, "--format", "json"]).stdout == before)
        #expect(try CLI.run(["audit", "--database", db, "--limit", "1"]).stdout == auditBefore)
    }

    @Test("a village file in CGCS2000 3° Gauss–Krüger without a crs member: refused with the zone to name, read with --crs")
    func projectedVillages() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(in: dir, divisions: "141122,交城县,,112.16,37.55\n141122100,天宁镇,141122,,\n")
        // 阳渠村委会 at 112.1012°E 37.5123°N, as EPSG:4546 (cs2cs EPSG:4490 EPSG:4546).
        let villages = dir.appendingPathComponent("villages.geojson")
        try Data(
            """
            {"type": "FeatureCollection", "features": [{"type": "Feature",
              "properties": {"code": "141122100209", "name": "阳渠村委会", "township": "天宁镇"},
              "geometry": {"type": "Point", "coordinates": [597359.6891, 4153937.0443]}}]}
            """.utf8
        ).write(to: villages)
        let refused = try CLI.run(["import", "divisions", villages.path, "--database", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("坐标不是经纬度") && refused.stderr.contains("--crs EPSG:4546"), "\(refused.stderr)")
        let unknown = try CLI.run(["import", "divisions", villages.path, "--crs", "EPSG:3857", "--database", db])
        #expect(unknown.status == 65 && unknown.stderr.contains("「EPSG:3857」不是可用的坐标系"), "\(unknown.stderr)")
        let read = try CLI.run(["import", "divisions", villages.path, "--crs", "EPSG:4546", "--database", db])
        #expect(read.status == 0, "\(read.stderr)")
        let list = try CLI.run(["divisions", "list", "--township", "天宁", "--database", db]).stdout
        #expect(list.contains(/阳渠村委会 +行政村 +现行 +112\.10120 +37\.51230/), "\(list)")
    }

    @Test("a county starts empty, imports its divisions and a GBK school table")
    func freshCounty() throws {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("county.sqlite").path
        #expect(try CLI.run(["init", "--database", db]).stdout == "已创建数据库 \(db)：规范 15 条，指标 6 个\n")
        #expect(
            try CLI.run(["init", "--database", db, "--lang", "en"]).stdout.hasPrefix(
                "database existed: schema brought up to date, 0 norms and 0 indicators added"))
        let divisions = dir.appendingPathComponent("divisions.csv")
        try Data("代码,名称,上级代码\n141122,交城县,\n141122100,天宁镇,141122\n141122200,洪相乡,141122\n".utf8).write(to: divisions)
        let imported = try CLI.run(["import", "divisions", divisions.path, "--database", db])
        #expect(imported.status == 0)
        #expect(imported.stdout == "导入完成：divisions.csv [CSV UTF-8 逗号/comma]\n  读取 3 行，新增 3，更新 0，未变 0\n")
        // 天宁,阳渠学校,小学,300,20,12 ⏎ 洪相,,,,,  — in GBK.
        let gbk: [UInt8] = [
            0xCF, 0xE7, 0xD5, 0xF2, 0x2C, 0xD1, 0xA7, 0xD0, 0xA3, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xB9, 0xE6, 0xC4, 0xA3,
            0x2C, 0xD4, 0xDA, 0xD0, 0xA3, 0xC8, 0xCB, 0xCA, 0xFD, 0x2C, 0xBD, 0xCC, 0xD6, 0xB0, 0xC8, 0xCB, 0xCA, 0xFD,
            0x0A, 0xCC, 0xEC, 0xC4, 0xFE, 0x2C, 0xD1, 0xF4, 0xC7, 0xFE, 0xD1, 0xA7, 0xD0, 0xA3, 0x2C, 0xD0, 0xA1, 0xD1,
            0xA7, 0x2C, 0x33, 0x30, 0x30, 0x2C, 0x32, 0x30, 0x0A, 0xBA, 0xE9, 0xCF, 0xE0, 0x2C, 0x2C, 0x2C, 0x2C, 0x0A,
        ]
        let schools = dir.appendingPathComponent("schools-gbk.csv")
        try Data(gbk).write(to: schools)
        let run = try CLI.run(["import", "schools", schools.path, "--database", db, "--year", "2024"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[CSV GBK/GB18030 逗号/comma]"))
        #expect(run.stdout.contains("新增 1"))
        #expect(run.stdout.contains("洪相乡"))
        let json = try CLI.run(["schools", "diagnose", "--database", db, "--format", "json"]).stdout
        #expect(json.contains("\"name\" : \"阳渠学校\""))
        #expect(json.contains("\"dataYear\" : 2024"))
    }

    @Test("a norm edited by the county changes the diagnosis and is audited")
    func editNorm() throws {
        let db = try CLI.demoDatabase()
        let set = try CLI.run(["norms", "set", "land_per_student.high_m2", "2000", "--source", "县教育局测试", "--database", db])
        #expect(set.stdout == "land_per_student.high_m2：100 → 2000（县教育局测试）\n")
        let json = try CLI.run(["schools", "diagnose", "--database", db, "--format", "json"]).stdout
        #expect(!json.contains("land_surplus"))
        let audit = try CLI.run(["audit", "--table", "norms", "--limit", "1", "--database", db]).stdout
        #expect(audit.contains("update norms/land_per_student.high_m2"))
        #expect(audit.contains("\"value\":100.0") || audit.contains("\"value\":100"))
    }

    @Test("missing database or input file exits 66")
    func missing() throws {
        let dir = try CLI.temporaryDirectory()
        let noDB = try CLI.run(["schools", "diagnose", "--database", dir.appendingPathComponent("none.sqlite").path])
        #expect(noDB.status == 66)
        #expect(noDB.stderr.contains("不存在"))
        let db = try CLI.demoDatabase()
        #expect(try CLI.run(["import", "schools", dir.appendingPathComponent("none.csv").path, "--database", db]).status == 66)
    }

    @Test(
        "every command has help with an example",
        arguments: [
            ["demo"], ["init"], ["import"], ["import", "schools"], ["import", "divisions"], ["schools"], ["schools", "diagnose"],
            ["schools", "plan"], ["schools", "scenarios"], ["divisions"], ["divisions", "list"], ["norms"], ["norms", "list"],
            ["norms", "set"], ["completeness"], ["audit"], ["indicators"], ["indicators", "list"], ["indicators", "status"],
            ["indicators", "record"], ["indicators", "import"], ["indicators", "target"], ["tasks"], ["tasks", "list"],
            ["tasks", "update"], ["tasks", "import"], ["report"], ["serve"], ["users"], ["users", "add"], ["users", "token"],
            ["backup"], ["restore"], ["layers"], ["layers", "import"], ["layers", "list"], ["layers", "export"], ["layers", "delete"],
            ["conflicts"], ["conflicts", "check"], ["conflicts", "export"], ["conflicts", "rules"], ["conflicts", "rules", "list"],
            ["conflicts", "rules", "add"], ["conflicts", "rules", "set"], ["import", "villages"], ["villages"], ["villages", "classify"],
            ["villages", "rules"], ["villages", "rules", "list"], ["villages", "rules", "set"], ["villages", "merge-candidates"],
            ["zoning"], ["zoning", "run"], ["parks"], ["parks", "list"], ["parks", "add"], ["parks", "set"], ["parks", "import"],
            ["assets"],
            ["assets", "list"], ["assets", "import"], ["assets", "update"], ["schools", "scenarios", "adopt"],
            ["roads"], ["roads", "import"], ["roads", "show"], ["roads", "set-class"], ["network"], ["network", "od"],
            ["access"], ["access", "report"], ["import", "clinics"], ["health"], ["health", "status"], ["health", "set"],
            ["import", "pupils"],
        ])
    func help(command: [String]) throws {
        let run = try CLI.run(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"))
        #expect(run.stdout.contains("--database"))
    }

    @Test("completeness and divisions list show gaps and illustrative positions")
    func registerViews() throws {
        let db = try CLI.demoDatabase()
        let completeness = try CLI.run(["completeness", "--database", db]).stdout
        #expect(completeness.contains("夏家营镇"))
        #expect(completeness.contains("未上报"))
        let list = try CLI.run(["divisions", "list", "--township", "西营", "--database", db]).stdout
        #expect(list.contains("石候村委会"))
        #expect(list.contains("示意"))
        let tianning = try CLI.run(["divisions", "list", "--township", "天宁", "--database", db]).stdout
        #expect(tianning.contains("已撤并→141122100000（推断）"), "the merger of 岭底乡 is an inference and says so")
        #expect(tianning.contains("近似（公开来源，非本点）"))
        #expect(completeness.contains("天宁镇（含推断并入的岭底乡）"))
        let english = try CLI.run(["divisions", "list", "--township", "天宁", "--database", db, "--lang", "en"]).stdout
        #expect(english.contains("merged → 141122100000 (inferred)"))
        #expect(english.hasPrefix("code"))
    }
}
