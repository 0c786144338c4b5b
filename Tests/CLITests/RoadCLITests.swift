import Foundation
import TestSupport
import Testing

@Suite("CLI: roads and the OD matrix (issue 14)")
struct RoadCLITests {
    @Test("network od on files: hand-computed distances and times, one-way streets, a ferry left out, an island unreachable")
    func odOnFiles() throws {
        let arguments = [
            "network", "od", "--roads", RoadFixtures.url("roads.geojson").path, "--origins", RoadFixtures.url("origins.csv").path,
            "--destinations", RoadFixtures.url("destinations.csv").path, "--crs", "EPSG:4546",
        ]
        let csv = try CLI.run(arguments)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(
            csv.stdout == """
                origin,destination,meters,minutes
                甲村,中心校,4050.00,8.250
                甲村,北校,5050.00,11.250
                乙村,中心校,,
                乙村,北校,,

                """, "\(csv.stdout)")
        #expect(csv.stderr.contains("乙村") && csv.stderr.contains("孤立"), "\(csv.stderr)")

        let json = try CLI.run(arguments + ["--format", "json", "--by", "time"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows[1]["destination"] as? String == "北校" && abs((rows[1]["minutes"] as? Double ?? 0) - 11.25) < 1e-9)
        #expect(rows[2]["meters"] is NSNull && rows[2]["minutes"] is NSNull)

        // x,y points without --crs: refused, saying what to add.
        let noCRS = try CLI.run(Array(arguments.dropLast(2)))
        #expect(noCRS.status == 65 && noCRS.stderr.contains("--crs"), "\(noCRS.stderr)")
    }

    @Test("network od refuses a road file with an unknown class or a polygon, naming the feature")
    func badRoads() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"名称":"高架","道路等级":"高架路"},"geometry":{"type":"LineString","coordinates":[[112.1,37.5],[112.2,37.5]]}},
        {"type":"Feature","properties":{"名称":"广场","道路等级":"村道"},"geometry":{"type":"Polygon","coordinates":[[[112.1,37.5],[112.2,37.5],[112.2,37.6],[112.1,37.5]]]}}
        ]}
        """.write(to: bad, atomically: true, encoding: .utf8)
        let run = try CLI.run([
            "network", "od", "--roads", bad.path, "--origins", RoadFixtures.url("origins.csv").path, "--destinations",
            RoadFixtures.url("destinations.csv").path, "--crs", "EPSG:4546",
        ])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("第 1 个要素（高架）") && run.stderr.contains("高架路") && run.stderr.contains("县道"), "\(run.stderr)")
        #expect(run.stderr.contains("第 2 个要素（广场）") && run.stderr.contains("不是线要素"), "\(run.stderr)")
    }

    @Test("roads import, show and set-class in the register")
    func register() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(in: dir, divisions: "141122,交城县,,112.16,37.55\n")
        let dry = try CLI.run(["roads", "import", RoadFixtures.url("roads.geojson").path, "--dry-run", "--database", db])
        #expect(dry.status == 0 && dry.stdout.contains("检查通过"), "\(dry.stdout)\(dry.stderr)")
        #expect(try CLI.run(["roads", "show", "--database", db]).stdout.contains("尚未导入路网"))
        let done = try CLI.run(["roads", "import", RoadFixtures.url("roads.geojson").path, "--database", db])
        #expect(done.status == 0, "\(done.stderr)")
        // 6 lines, 4 + 4 + 3 + 2 + 3 + 1 km; the ferry is left out of the graph.
        #expect(done.stdout.contains("6 条线，共 17 公里"), "\(done.stdout)")
        #expect(done.stdout.contains("2 个连通片"), "\(done.stdout)")
        let show = try CLI.run(["roads", "show", "--database", db]).stdout
        #expect(show.contains("roads.geojson") && show.contains("轮渡") && show.contains("不参与"), "\(show)")
        let set = try CLI.run(["roads", "set-class", "村道", "--speed", "25", "--database", db])
        #expect(set.status == 0 && set.stdout.contains("村道：25"), "\(set.stdout)\(set.stderr)")
        let bad = try CLI.run(["roads", "set-class", "village", "--speed", "0", "--database", db])
        #expect(bad.status == 65 && bad.stderr.contains("速度 0"), "\(bad.stderr)")
        let unknown = try CLI.run(["roads", "set-class", "高架", "--speed", "30", "--database", db])
        #expect(unknown.status == 65 && unknown.stderr.contains("expressway"), "\(unknown.stderr)")
    }

    @Test("a consolidation scenario uses road distances once a network is stored, and says so")
    func scenarioOnNetwork() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(
            in: dir,
            divisions:
                "141122,交城县,,112.02,37.50\n141122100,甲镇,141122,112.00,37.50\n141122101,乙镇,141122,112.02,37.50\n141122102,丙镇,141122,112.04,37.50\n"
        )
        let schools = dir.appendingPathComponent("schools.csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n甲镇,甲校,小学,100,8\n乙镇,乙校,小学,100,8\n丙镇,丙校,小学,100,8\n".utf8).write(to: schools)
        #expect(try CLI.run(["import", "schools", schools.path, "--database", db]).status == 0)
        let straight = try CLI.run(["schools", "plan", "--name", "直线方案", "-p", "2", "--database", db])
        #expect(straight.status == 0 && straight.stdout.contains("绕行系数"), "\(straight.stdout)\(straight.stderr)")
        // The schools lie 0.02° apart on one parallel; the road goes 0.02° north, east, and back south.
        let roads = dir.appendingPathComponent("roads.geojson")
        try Data(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"道路等级":"县道"},"geometry":{"type":"LineString","coordinates":[[112.00,37.50],[112.00,37.52],[112.02,37.52],[112.04,37.52],[112.04,37.50]]}},
            {"type":"Feature","properties":{"道路等级":"村道"},"geometry":{"type":"LineString","coordinates":[[112.02,37.52],[112.02,37.50]]}}
            ]}
            """.utf8
        ).write(to: roads)
        let imported = try CLI.run(["roads", "import", roads.path, "--database", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let run = try CLI.run(["schools", "plan", "--name", "路网方案", "-p", "2", "--database", db])
        #expect(run.status == 0 && run.stdout.contains("沿路网") && !run.stdout.contains("绕行系数"), "\(run.stdout)\(run.stderr)")
        let json = try CLI.run(["schools", "scenarios", "--compare", "路网方案", "--format", "json", "--database", db]).stdout
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let result = try #require(array.first?["result"] as? [String: Any])
        let moves = try #require(result["assignments"] as? [[String: Any]]).compactMap { $0["cost"] as? Double }.filter { $0 > 0 }
        // North 2.22 km + east 1.77 km + south 2.22 km ≈ 6.2 km, where the straight line × 1.3 gives 2.3 km.
        #expect(moves.count == 1 && moves.allSatisfy { (6.0...6.4).contains($0) }, "\(moves)")
    }

    /// Two townships on one east–west road (0.02° of longitude ≈ 1.766 km at 37.5°N); a primary
    /// school at each seat; walking 4 km/h, so 30 minutes is 2 km.
    @Test("access report: per-township shares within the 30-minute walk and Gini/Theil as computed by hand")
    func accessReport() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(
            in: dir,
            divisions: """
                141122,交城县,,112.05,37.50
                141122100,甲镇,141122,112.00,37.50
                141122101,乙镇,141122,112.10,37.50
                141122100001,甲一村,141122100,112.00,37.501
                141122100002,甲二村,141122100,112.02,37.50
                141122101001,乙一村,141122101,112.10,37.501
                141122101002,乙二村,141122101,112.06,37.50

                """)
        let schools = dir.appendingPathComponent("schools.csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n甲镇,甲小学,小学,300,20\n乙镇,乙小学,小学,200,15\n".utf8).write(to: schools)
        #expect(try CLI.run(["import", "schools", schools.path, "--database", db]).status == 0)
        let villages = dir.appendingPathComponent("villages.csv")
        try Data("乡镇,村名,常住人口\n甲镇,甲一村,1000\n甲镇,甲二村,500\n乙镇,乙一村,800\n乙镇,乙二村,200\n".utf8).write(to: villages)
        let v = try CLI.run(["import", "villages", villages.path, "--year", "2024", "--database", db])
        #expect(v.status == 0, "\(v.stderr)")
        let roads = dir.appendingPathComponent("roads.geojson")
        try Data(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"道路等级":"县道"},"geometry":{"type":"LineString",
            "coordinates":[[112.00,37.50],[112.02,37.50],[112.04,37.50],[112.06,37.50],[112.08,37.50],[112.10,37.50]]}}]}
            """.utf8
        ).write(to: roads)
        #expect(try CLI.run(["roads", "import", roads.path, "--database", db]).status == 0)

        let json = try CLI.run(["access", "report", "--format", "json", "--database", db])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["basis"] as? String == "network" && report["thresholdMinutes"] as? Double == 30)
        let rows = try #require(report["villages"] as? [[String: Any]])
        var minutes: [String: Double] = [:]
        for row in rows { minutes[row["village"] as? String ?? ""] = row["minutes"] as? Double }
        // 111 m off the road at the seat; 1.766 km along it; 3.533 km along it (from 乙镇, nearer than 甲镇's 5.3 km).
        #expect(abs((minutes["甲一村"] ?? 0) - 111.2 / (4000.0 / 60)) < 0.05, "\(minutes)")
        #expect(abs((minutes["甲二村"] ?? 0) - 1766.3 / (4000.0 / 60)) < 0.1, "\(minutes)")
        #expect(abs((minutes["乙二村"] ?? 0) - 3532.6 / (4000.0 / 60)) < 0.2, "\(minutes)")
        #expect(rows.first { $0["village"] as? String == "乙二村" }?["facility"] as? String == "乙小学")
        let townships = try #require(report["townships"] as? [[String: Any]])
        #expect(townships.map { $0["shareWithin"] as? Double } == [1.0, 0.8])
        #expect((report["county"] as? [String: Any])?["shareWithin"] as? Double == 0.92)
        // Gini of the township means and Theil's T with its split, by the formulas, from the minutes reported.
        let people: [String: Double] = ["甲一村": 1000, "甲二村": 500, "乙一村": 800, "乙二村": 200]
        let group: [String: String] = ["甲一村": "甲", "甲二村": "甲", "乙一村": "乙", "乙二村": "乙"]
        let total = people.values.reduce(0, +)
        let mean = people.keys.reduce(0.0) { $0 + people[$1]! * minutes[$1]! } / total
        func groupMean(_ g: String) -> Double {
            let members = people.keys.filter { group[$0] == g }
            return members.reduce(0.0) { $0 + people[$1]! * minutes[$1]! } / members.reduce(0.0) { $0 + people[$1]! }
        }
        let (wa, wb, ma, mb) = (1500.0, 1000.0, groupMean("甲"), groupMean("乙"))
        let gini = 2 * wa * wb * abs(ma - mb) / (2 * total * total * mean)
        let theil = people.keys.reduce(0.0) { $0 + people[$1]! * minutes[$1]! / (total * mean) * log(minutes[$1]! / mean) }
        let between = wa * ma / (total * mean) * log(ma / mean) + wb * mb / (total * mean) * log(mb / mean)
        for (key, expected) in [("gini", gini), ("theil", theil), ("theilBetween", between), ("theilWithin", theil - between)] {
            let got = try #require(report[key] as? Double)
            #expect(abs(got - expected) < 1e-3 * max(abs(expected), 1e-3), "\(key): \(got) vs \(expected)")
        }
        let xlsx = dir.appendingPathComponent("可达性.xlsx").path
        let written = try CLI.run(["access", "report", "--format", "xlsx", "--out", xlsx, "--database", db])
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: xlsx))
        #expect(bytes.starts(with: [0x50, 0x4B]))
        let table = try CLI.run(["access", "report", "--database", db]).stdout
        #expect(table.contains("甲镇") && table.contains("基尼系数") && table.contains("沿路网"), "\(table)")
        // The shares feed monitoring as computed indicators (undated: from the current register).
        let status = try CLI.run(["indicators", "status", "--format", "json", "--database", db]).stdout
        let indicators = try #require(try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [[String: Any]])
        let walk = indicators.filter { $0["code"] as? String == "ACC_PRIMARY_WALK_SHARE" }
        let byArea = Dictionary(uniqueKeysWithValues: walk.map { ($0["area"] as? String ?? "", $0["undatedValue"] as? Double) })
        #expect(byArea["交城县"] == 92 && byArea["甲镇"] == 100 && byArea["乙镇"] == 80, "\(walk)")

        // Pupils counted where they live weigh the villages instead of their people.
        let badPupils = dir.appendingPathComponent("bad-pupils.csv")
        try Data("乡镇,村,学段,年级,人数\n甲镇,甲一村,高中,,10\n甲镇,甲二村,小学,8,5\n乙镇,乙一村,小学,,50\n乙镇,乙一村,小学,1,9\n".utf8).write(
            to: badPupils)
        let refused = try CLI.run(["import", "pupils", badPupils.path, "--year", "2024", "--database", db])
        #expect(refused.status == 65, "\(refused.stderr)")
        for text in ["第 2 行", "「高中」", "第 3 行", "年级「8」", "第 5 行", "既有合计行又有分年级行"] {
            #expect(refused.stderr.contains(text), "\(text): \(refused.stderr)")
        }
        let pupils = dir.appendingPathComponent("pupils.csv")
        try Data(
            "乡镇,村,学段,年级,人数\n甲镇,甲一村,小学,,10\n甲镇,甲二村,小学,1,10\n甲镇,甲二村,小学,2,20\n乙镇,乙一村,小学,,50\n乙镇,乙二村,小学,,50\n".utf8
        ).write(to: pupils)
        #expect(try CLI.run(["import", "pupils", pupils.path, "--year", "2024", "--database", db]).status == 0)
        let weighted = try CLI.run(["access", "report", "--format", "json", "--database", db]).stdout
        let byPupils = try #require(try JSONSerialization.jsonObject(with: Data(weighted.utf8)) as? [String: Any])
        #expect(byPupils["pupilYear"] as? Int == 2024)
        // 甲镇 40 of 40 within; 乙镇 50 of 100; the county 90 of 140.
        let shares = try #require(byPupils["townships"] as? [[String: Any]]).map { $0["shareWithin"] as? Double }
        #expect(shares == [1.0, 0.5], "\(shares)")
        let county = try #require((byPupils["county"] as? [String: Any])?["shareWithin"] as? Double)
        #expect(abs(county - 90.0 / 140) < 1e-6)
    }

    @Test("an OpenStreetMap extract: roads by their highway tag, one-way from its tag, rivers and bridleways left out")
    func openStreetMap() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(in: dir, divisions: "141122,交城县,,112.16,37.55\n")
        let run = try CLI.run(["roads", "import", RoadFixtures.url("sample.osm").path, "--dry-run", "--database", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 条线") && run.stdout.contains("另有 2 条 OpenStreetMap 线"), "\(run.stdout)")
        let points = dir.appendingPathComponent("points.csv")
        try Data("id,lon,lat\n南,112.020,37.500\n北,112.020,37.510\n".utf8).write(to: points)
        let od = try CLI.run([
            "network", "od", "--roads", RoadFixtures.url("sample.osm").path, "--origins", points.path, "--destinations", points.path,
        ])
        #expect(od.status == 0, "\(od.stderr)")
        let rows = od.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // 0.01° of latitude ≈ 1,110 m northward along the one-way street; no way back south.
        let north = try #require(rows.first { $0.first == "南" && $0.dropFirst().first == "北" })
        #expect((1_100...1_120).contains(Double(north[2]) ?? 0), "\(north)")
        let south = try #require(rows.first { $0.first == "北" && $0.dropFirst().first == "南" })
        #expect(south[2].isEmpty && south[3].isEmpty, "\(south)")
    }

    @Test(
        "walks leave expressways out; a place and a facility at one position are 0 apart; a wild tolerance or a zone-prefixed easting is refused"
    )
    func walkingAndRefusals() throws {
        let dir = try CLI.temporaryDirectory()
        let db = try CLI.county(
            in: dir,
            divisions: """
                141122,交城县,,112.05,37.50
                141122100,甲镇,141122,112.00,37.50
                141122100001,甲一村,141122100,112.00,37.50
                141122100003,甲三村,141122100,112.05,37.50

                """)
        let schools = dir.appendingPathComponent("schools.csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n甲镇,甲小学,小学,300,20\n甲镇,甲中学,初中,200,15\n".utf8).write(to: schools)
        #expect(try CLI.run(["import", "schools", schools.path, "--database", db]).status == 0)
        let roads = dir.appendingPathComponent("roads.geojson")
        try Data(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"道路等级":"高速公路"},"geometry":{"type":"LineString",
            "coordinates":[[112.00,37.50],[112.05,37.50]]}}]}
            """.utf8
        ).write(to: roads)
        #expect(try CLI.run(["roads", "import", roads.path, "--database", db]).status == 0)
        func villages(_ service: String) throws -> [String: [String: Any]] {
            let json = try CLI.run(["access", "report", "--service", service, "--format", "json", "--database", db]).stdout
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let rows = try #require(report["villages"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["village"] as? String ?? "", $0) })
        }
        // On foot there is no road (the expressway is not walked): 甲三村 can only walk straight
        // across, 4.4 km, 66 min, beyond the 30 minutes; 甲一村, where the school stands (the
        // township seat's position), is 0 away.
        let walk = try villages("primary")
        #expect(walk["甲三村"]?["withinThreshold"] as? Bool == false && ((walk["甲三村"]?["minutes"] as? Double) ?? 0) > 60, "\(walk)")
        #expect(walk["甲一村"]?["meters"] as? Double == 0, "\(walk)")
        // By road the expressway carries 甲三村 to the junior school in a few minutes.
        let drive = try villages("junior")
        #expect(drive["甲三村"]?["withinThreshold"] as? Bool == true, "\(drive)")

        let fixture = [
            "network", "od", "--roads", RoadFixtures.url("roads.geojson").path, "--origins", RoadFixtures.url("origins.csv").path,
            "--destinations", RoadFixtures.url("destinations.csv").path, "--crs", "EPSG:4546",
        ]
        let wild = try CLI.run(fixture + ["--tolerance", "100000"])
        #expect(wild.status == 65 && wild.stderr.contains("0 到 50 米"), "\(wild.stderr)")
        let prefixed = dir.appendingPathComponent("prefixed.csv")
        try Data("id,x,y\nA,37612000,4152000\n".utf8).write(to: prefixed)
        let zone = try CLI.run([
            "network", "od", "--roads", RoadFixtures.url("roads.geojson").path, "--origins", prefixed.path, "--destinations",
            RoadFixtures.url("destinations.csv").path, "--crs", "EPSG:4546",
        ])
        #expect(zone.status == 65 && zone.stderr.contains("EPSG:4525"), "\(zone.stderr)")
    }
}
