import Analysis
import Demo
import Domain
import Foundation
import Geo
import Interchange
import Localization
import Services
import Store
import TestSupport
import Testing

@Suite("Villages: attributes, classification by ordered rules, merge candidates, zoning, parks, idle assets, adoption")
struct VillageServiceTests {
    static let admin = Principal.system("test")

    /// A file in a fresh temporary folder.
    static func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Six villages of 天宁镇 (A…F) with two years of figures, as a GBK CSV: A large, B and E small
    /// and shrinking by 20 %, C small but stable, D neither, F a 传统村落; G has a 2024 row only
    /// and H, merged into G, rows for both years (counted toward G); heritage stated as 否 except for F
    /// and G (blank).
    static func fixture(_ workspace: Workspace) throws -> (url: URL, names: [String: String], codes: [String: String]) {
        let register = try workspace.register.divisionRegister()
        let township = try #require(register.townships(named: "天宁镇").first)
        let villages = register.villages(in: township).filter { $0.kind == .village }
        #expect(villages.count >= 8)
        var names: [String: String] = [:]
        var codes: [String: String] = [:]
        for (letter, v) in zip(["A", "B", "C", "D", "E", "F", "G", "H"], villages) {
            names[letter] = v.name
            codes[letter] = v.code?.description
        }
        func code(_ letter: String) -> String { villages[Int(letter.unicodeScalars.first!.value - 65)].code!.description }
        let rows: [(String, Int, Int, String)] = [
            ("A", 2020, 1500, "否"), ("A", 2024, 1400, "否"), ("B", 2020, 250, "否"), ("B", 2024, 200, "否"),
            ("C", 2020, 280, "否"), ("C", 2024, 275, "否"), ("D", 2020, 900, "否"), ("D", 2024, 850, "否"),
            ("E", 2020, 290, "否"), ("E", 2024, 230, "否"), ("F", 2020, 120, "传统村落"), ("F", 2024, 100, "传统村落"),
            ("G", 2020, 250, ""), ("G", 2024, 300, ""), ("H", 2020, 400, "否"), ("H", 2024, 380, "否"),
        ]
        let csv =
            "村代码,年份,常住人口,户数,传统村落/历史文化名村\n"
            + rows.map { "\(code($0.0)),\($0.1),\($0.2),\($0.2 / 3),\($0.3)" }.joined(separator: "\n") + "\n"
        return (try file("村庄属性.csv", GB18030Encoder.encode(csv)), names, codes)
    }

    static func types(_ report: VillageReport, _ names: [String: String]) -> [String: VillageType] {
        var result: [String: VillageType] = [:]
        for (letter, name) in names { result[letter] = report.villages.first { $0.facts.name == name }?.type }
        return result
    }

    @Test("on the demo every village has a type and reasons; without population it is 暂不分类 for 缺人口数据")
    func demoUnclassified() throws {
        let report = try Workspace(store: sharedDemo).villages().classify()
        #expect(report.villages.count == 134 && report.communitiesNotClassified == 6)
        #expect(report.villages.allSatisfy { $0.type == .unclassified && !$0.reasons.isEmpty })
        #expect(report.villages.allSatisfy { $0.reasons.contains { $0.zh == "缺人口数据" } })
        // Only illustrative layers: the layer rules are applied to no village, and say so.
        #expect(Set(report.skipped.map(\.rule.condition)) == [.urbanBoundaryShare, .constrainedShare])
    }

    @Test("with an attribute table the types follow the rules; changing one threshold changes exactly the villages it should")
    func rulesAndThreshold() throws {
        let workspace = Workspace(store: try demoStore())
        let villages = workspace.villages(by: Self.admin)
        // No village of the demo has a real position: the distance rule would hold every village back.
        try villages.setRule(position: 2, enabled: false)
        let (url, names, codes) = try Self.fixture(workspace)
        let summary = try villages.importAttributes(from: url)
        #expect(summary.rowsRead == 16 && summary.inserted == 16 && summary.replaced == 0)
        try workspace.register.merge(codes["H"]!, into: codes["G"]!, inferred: false, by: Self.admin)
        var report = try villages.classify()
        var types = Self.types(report, names)
        #expect(types["A"] == .gatherAndUpgrade && types["B"] == .relocateMerge && types["C"] == .gatherAndUpgrade)
        #expect(types["D"] == .gatherAndUpgrade && types["E"] == .relocateMerge && types["F"] == .heritageProtection)
        // G: heritage not stated, so the heritage rule cannot be judged: not classified, never guessed.
        #expect(types["G"] == .unclassified)
        let g = try #require(report.villages.first { $0.facts.name == names["G"] })
        #expect(g.reasons.first?.zh == "缺传统村落/历史文化名村认定数据" && g.reasons.count == 2 && g.rule == nil)
        // H's figures count toward G, its successor, in each year G reports.
        #expect(g.facts.earliestYear == 2020 && g.facts.earliestPopulation == 650 && g.facts.population == 680 && g.facts.rolledUp)
        let b = try #require(report.villages.first { $0.facts.name == names["B"] })
        #expect(b.rule?.position == 5)
        #expect(b.reasons.map(\.zh) == ["规则 5：人口 < 300 且较最早年份下降 ≥ 10% → 搬迁撤并类", "常住人口 200 人（2024 年）", "较 2020 年（250 人）下降 20%"])
        let before = types
        try villages.setRule(position: 5, threshold: 210)
        report = try villages.classify()
        types = Self.types(report, names)
        let changed = Set(names.keys.filter { types[$0] != before[$0] })
        #expect(changed == ["E"] && types["E"] == .gatherAndUpgrade)
        // 暂不分类 is never a rule's result; a share above 1 is refused.
        #expect(throws: UserError.self) { try villages.setRule(position: 5, type: .unclassified) }
        #expect(throws: UserError.self) { try villages.setRule(position: 1, threshold: 1.5) }
        #expect(throws: UserError.self) { try villages.setRule(position: 3, threshold: 1) }
        // A merge candidate needs real positions: none on the demo.
        #expect(try villages.mergeCandidates().isEmpty)
    }

    @Test("a village point inside a (non-illustrative) urban boundary is 城郊融合, one in the red line 搬迁撤并, by overlay")
    func layerShares() throws {
        let workspace = Workspace(store: try demoStore())
        let admin = Self.admin
        for (file, kind) in [("boundary.geojson", LayerKind.urbanBoundary), ("redline.geojson", .ecologicalRedline)] {
            _ = try workspace.layers(by: admin).importLayer(LayerFixtures.url(file), LayerImportOptions(kind: kind))
        }
        let register = try workspace.register.divisionRegister()
        let township = try #require(register.townships(named: "天宁镇").first)
        let villages = Array(register.villages(in: township).filter { $0.kind == .village }.prefix(2))
        let zone = try #require(ChinaCRS(epsg: 4546))
        let toDegrees = try #require(Projection(from: zone, to: .cgcs2000))
        let inside = try #require(toDegrees.transform(x: 597_075, y: 4_153_050))
        let redline = try #require(toDegrees.transform(x: 597_300, y: 4_153_050))
        let positions = """
            code,name,lon,lat,location_quality,source
            \(villages[0].code!),\(villages[0].name),\(inside.x),\(inside.y),published,test
            \(villages[1].code!),\(villages[1].name),\(redline.x),\(redline.y),published,test
            """
        _ = try workspace.imports(by: admin).importDivisions(from: try Self.file("positions.csv", Array(positions.utf8)))
        let figures = "村代码,年份,常住人口,传统村落/历史文化名村\n\(villages[0].code!),2024,500,否\n\(villages[1].code!),2024,500,否\n"
        try workspace.villages(by: admin).importAttributes(from: try Self.file("v.csv", Array(figures.utf8)))
        try workspace.villages(by: admin).setRule(position: 2, enabled: false)
        let report = try workspace.villages().classify()
        #expect(report.skipped.isEmpty)
        let a = try #require(report.villages.first { $0.facts.id == villages[0].id })
        let b = try #require(report.villages.first { $0.facts.id == villages[1].id })
        #expect(a.type == .suburban && a.rule?.position == 1 && a.reasons.last?.zh == "位于城镇开发边界内 100%")
        #expect(b.type == .relocateMerge && b.rule?.position == 4 && b.facts.urbanShare == 0 && b.facts.constrainedShare == 1)
        // A village without a real position cannot be judged by rule 1: not classified.
        let other = try #require(report.villages.first { $0.facts.id != villages[0].id && $0.facts.id != villages[1].id })
        #expect(other.type == .unclassified && other.reasons.contains { $0.zh.hasPrefix("缺村庄位置") })
    }

    @Test("names as clerks write them: 段村 for 段村村委会, a former township beside the code of a moved village")
    func writtenNames() throws {
        let workspace = Workspace(store: try demoStore())
        let admin = Self.admin
        try workspace.register.move("东雷庄村委会", to: "天宁镇", by: admin)
        let csv = "乡镇,村名称,村代码,年份,常住人口\n夏家营镇,段村,,2024,800\n岭底乡,东雷庄,141122201203,2024,300\n夏家营,段村村委会,141122101200,2023,820\n"
        let summary = try workspace.villages(by: admin).importAttributes(from: try Self.file("n.csv", Array(csv.utf8)))
        #expect(summary.rowsRead == 3)
    }

    @Test("a village made by a merge: years before its first own figure are its predecessors' sum when all report them")
    func newVillageRollUp() throws {
        let workspace = Workspace(store: try demoStore())
        let admin = Self.admin
        let register = try workspace.register.divisionRegister()
        let township = try #require(register.townships(named: "天宁镇").first)
        let v = Array(register.villages(in: township).filter { $0.kind == .village }.prefix(3)).map { $0.code!.description }
        try workspace.register.merge(v[1], into: v[0], inferred: false, by: admin)
        try workspace.register.merge(v[2], into: v[0], inferred: false, by: admin)
        // v0 reports from 2023 only; v1 and v2 both report 2015, only v1 reports 2018 (v2 existed: a partial year).
        let csv =
            "村代码,年份,常住人口,传统村落/历史文化名村\n\(v[0]),2023,700,否\n\(v[1]),2015,500,否\n\(v[2]),2015,400,否\n\(v[1]),2018,480,否\n\(v[2]),2019,390,否\n"
        try workspace.villages(by: admin).importAttributes(from: try Self.file("m.csv", Array(csv.utf8)))
        let facts = try #require(try workspace.villages().classify().villages.first { $0.facts.code == v[0] }?.facts)
        #expect(facts.earliestYear == 2015 && facts.earliestPopulation == 900 && facts.population == 700 && facts.rolledUp)
    }

    @Test("a bad attribute table is refused cell by cell and nothing is written", arguments: TestBackend.available)
    func refusals(backend: TestBackend) throws {
        let workspace = Workspace(store: try demoStore(backend))
        let register = try workspace.register.divisionRegister()
        let township = try #require(register.townships(named: "天宁镇").first)
        let village = try #require(register.villages(in: township).first { $0.kind == .village })
        let csv = """
            村代码,乡镇,村名称,年份,常住人口,户数,耕地面积（亩）,高标准农田（亩）,传统村落/历史文化名村
            \(village.code!),,,2024,-5,1,100,50,否
            999999999999,,,2024,10,1,,,否
            ,天宁镇,\(village.name),2024,10,20,100,150,也许
            \(village.code!),,,,10,1,,,否
            """
        let before = try workspace.dataStamp()
        let error = try #require(throws: UserError.self) {
            try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("村.csv", Array(csv.utf8)))
        }
        #expect(error.kind == .rejected)
        let places = Set(error.issues.map { "\($0.row ?? 0)/\($0.columnName ?? "")" })
        #expect(places.isSuperset(of: ["2/常住人口", "3/村代码", "4/户数", "4/高标准农田（亩）", "4/传统村落/历史文化名村", "5/年份"]))
        #expect(try workspace.dataStamp() == before)
        #expect(try workspace.villages().attributes().isEmpty)
        // The same village and year twice.
        let twice = "村代码,年份,常住人口\n\(village.code!),2024,10\n\(village.code!),2024,11\n"
        let duplicate = try #require(throws: UserError.self) {
            try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("村.csv", Array(twice.utf8)))
        }
        #expect(duplicate.issues.first?.row == 3)
        // Imported again with a column missing or a cell blank: the stored figure stays.
        let first = "村代码,年份,常住人口,户数\n\(village.code!),2024,300,100\n"
        try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("a.csv", Array(first.utf8)))
        let second = "村代码,年份,常住人口,户籍人口\n\(village.code!),2024,,320\n"
        let again = try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("b.csv", Array(second.utf8)))
        #expect(again.replaced == 1)
        let row = try #require(try workspace.villages().attributes().first)
        #expect(row.residentPopulation == 300 && row.households == 100 && row.registeredPopulation == 320 && row.source == "a.csv；b.csv")
        // A community is not a village; a name that is not the code's village is refused.
        let community = try #require(register.villages(in: township).first { $0.kind == .community })
        let wrong = "村代码,村名称,年份,常住人口\n\(community.code!),,2024,10\n\(village.code!),不是这个村,2024,10\n"
        let refused = try #require(throws: UserError.self) {
            try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("c.csv", Array(wrong.utf8)))
        }
        #expect(refused.issues.map(\.row) == [2, 3])
        // A viewer may not import.
        #expect(throws: UserError.self) {
            try workspace.villages(by: .reader).importAttributes(
                from: try Self.file("村.csv", Array("村代码,年份\n\(village.code!),2024\n".utf8)))
        }
    }

    @Test("zoning: weighted evaluation with stability; an inconsistent AHP matrix is refused with its CR")
    func zoning() throws {
        let workspace = Workspace(store: try demoStore())
        // No criteria data on the demo: said, not guessed.
        let empty = try workspace.zoning().run()
        #expect(empty.villages.isEmpty && empty.unzoned.count == 134 && empty.stability == nil)
        let register = try workspace.register.divisionRegister()
        let township = try #require(register.townships(named: "夏家营镇").first)
        let villages = register.villages(in: township).filter { $0.kind == .village }.prefix(8)
        var csv = "村代码,年份,常住人口,村域面积（平方公里）,耕地面积（亩）,高标准农田（亩）,有效灌溉面积（亩）,到集镇距离（km）\n"
        for (i, v) in villages.enumerated() {
            let farmland = 1000 + 200 * i
            csv +=
                "\(v.code!),2024,\(500 + 100 * i),2,\(farmland),\(farmland * (4 + i) / 20),\(farmland * (6 + i) / 20),\(Double(8 - i) / 2)\n"
        }
        try workspace.villages(by: Self.admin).importAttributes(from: try Self.file("z.csv", Array(csv.utf8)))
        let report = try workspace.zoning().run()
        #expect(report.villages.count == 8 && report.defaultWeights)
        // Constraint share has no layer to come from: dropped, not invented.
        #expect(report.dropped == [.constrainedShare])
        #expect(Set(report.villages.map(\.zone)) == Set(AgriculturalZone.allCases))
        // Every criterion rises with i (market distance falls): the last village is best.
        #expect(report.villages.last?.zone == .priority && report.villages.first?.zone == .protect)
        #expect(report.stability != nil)
        // An AHP file: consistent is used; Saaty's inconsistent matrix is refused with CR.
        let consistent = try Self.file(
            "ahp.json",
            Array(#"{"ahp": {"criteria": ["farmland-share", "population"], "matrix": [[1, 3], [0.3333333333, 1]]}}"#.utf8))
        let given = try ZoningService.weights(from: consistent)
        #expect(abs((given.weights[.farmlandShare] ?? 0) - 0.75) < 1e-6)
        let weighted = try workspace.zoning().run(weights: given.weights, ahp: given.ahp)
        #expect(weighted.criteria.map(\.key) == [.farmlandShare, .population])
        let inconsistent = try Self.file(
            "bad.json",
            Array(
                #"{"ahp": {"criteria": ["farmland-share", "irrigated-share", "market-km"], "matrix": [[1, 3, 0.3333333333], [0.3333333333, 1, 5], [3, 0.2, 1]]}}"#
                    .utf8))
        let refusal = try #require(throws: UserError.self) { try ZoningService.weights(from: inconsistent) }
        #expect(refusal.message.zh.contains("CR = 1.585"))
    }

    @Test("parks: the demo's four planned parks have no invented figures; enterprise rows give the yearly figures")
    func parks() throws {
        let workspace = Workspace(store: try demoStore())
        let parks = try workspace.parks().parks()
        #expect(parks.map(\.township) == ["夏家营镇", "西营镇", "洪相镇", "庞泉沟镇"])
        #expect(parks.allSatisfy { $0.park.status == .planned && $0.years.isEmpty && $0.park.industries == nil })
        let csv = """
            园区,企业名称,行业,年份,从业人数,产值（万元）,投资（万元）
            夏家营镇工业特色园区,甲公司,机械,2024,120,3000,
            夏家营镇工业特色园区,乙公司,化工,2024,80,,500
            西营镇养殖特色园区,丙合作社,养殖,2024,,,
            """
        let counts = try workspace.parks(by: Self.admin).importEnterprises(from: try Self.file("企业.csv", Array(csv.utf8)))
        #expect(counts.inserted == 3 && counts.replaced == 0)
        let after = try workspace.parks().parks()
        let year = try #require(after[0].years.first)
        #expect(year.year == 2024 && year.enterprises == 2 && year.jobs == 200 && year.outputWan == 3000 && year.investmentWan == 500)
        #expect(after[1].years.first?.jobs == nil)
        let unknown = try #require(throws: UserError.self) {
            try workspace.parks(by: Self.admin).importEnterprises(
                from: try Self.file("e.csv", Array("园区,企业名称,年份\n不存在园区,丁,2024\n".utf8)))
        }
        #expect(unknown.issues.first?.columnName == "园区")
        #expect(throws: UserError.self) {
            try workspace.parks(by: Self.admin).add(name: "西营镇养殖特色园区", township: "西营镇", kind: "养殖", source: "x")
        }
        // Edited: status and industries; an unknown park or boundary layer is refused; a viewer may not.
        let changed = try workspace.parks(by: Self.admin).update("西营镇养殖特色园区", status: .building, industries: "肉牛养殖")
        #expect(changed.status == .building && changed.industries == "肉牛养殖")
        #expect(throws: UserError.self) { try workspace.parks(by: Self.admin).update("没有的园区", status: .built) }
        #expect(throws: UserError.self) { try workspace.parks(by: Self.admin).update("西营镇养殖特色园区", boundaryLayer: "没有的图层") }
        #expect(throws: UserError.self) { try workspace.parks(by: .reader).update("西营镇养殖特色园区", status: .built) }
    }

    @Test("idle assets: import all or nothing, refusals by cell, update audited")
    func assets() throws {
        let workspace = Workspace(store: try demoStore())
        let csv = """
            类型,名称,乡镇,村,面积（亩）,权属,状态
            空闲宅基地,张家旧宅,天宁镇,,0.3,村集体,闲置
            工矿废弃地,旧砖厂,夏家营镇,,12,国有,
            """
        let service = workspace.assets(by: Self.admin)
        #expect(try service.importAssets(from: try Self.file("a.csv", Array(csv.utf8))) == 2)
        let stored = try service.assets()
        #expect(stored.count == 2 && abs((stored[0].asset.areaM2 ?? 0) - 200) < 1e-6 && stored[1].asset.status == .idle)
        // Again: the same assets are refused, not duplicated.
        #expect(throws: UserError.self) { try service.importAssets(from: try Self.file("a.csv", Array(csv.utf8))) }
        let bad = "类型,名称,乡镇,面积（平方米）,面积（亩）,状态\n仓库,x,天宁镇,,,\n闲置校舍,y,天宁镇,1000,3,\n闲置校舍,z,天宁镇,,,在用\n"
        let error = try #require(throws: UserError.self) { try service.importAssets(from: try Self.file("b.csv", Array(bad.utf8))) }
        #expect(Set(error.issues.compactMap(\.columnName)) == ["类型", "面积（亩）", "状态"])
        #expect(try service.assets().count == 2)
        let updated = try service.update(stored[0].asset.id, AssetChange(status: .planned, proposedUse: "村史馆", date: "2025-06"))
        #expect(updated.status == .planned && updated.proposedUse == "村史馆" && updated.date?.description == "2025-06")
        #expect(throws: UserError.self) { try service.update(stored[0].asset.id, AssetChange(date: "2025-13")) }
        #expect(throws: UserError.self) { try workspace.assets(by: .reader).update(stored[0].asset.id, AssetChange(status: .inUse)) }
    }

    /// The tables an adoption touches, as text, for comparing a register before and after.
    static func snapshot(_ store: RegisterStore) throws -> String {
        try store.read { r in
            let schools = try r.schools().map { "\($0.id) \($0.name) \($0.students ?? -1) \($0.staff ?? -1) \($0.landMu ?? -1)" }
            let tasks = try r.tasks().map { "\($0.code) \($0.name) \($0.status) \($0.indicatorCodes)" }
            let assets = try r.idleAssets().map { "\($0.id) \($0.name)" }
            let adoptions = try r.adoptions().map { "\($0.id) \($0.scenarioID)" }
            return (schools + tasks + assets + adoptions).joined(separator: "\n")
        }
    }

    @Test(
        "adopting 方案乙 makes one 闲置校舍 per closed school with its land and one task each; reverting restores the register exactly",
        arguments: TestBackend.available)
    func adoption(backend: TestBackend) throws {
        let store = try demoStore(backend)
        let workspace = Workspace(store: store)
        let before = try Self.snapshot(store)
        let scenario = try #require(try workspace.scenarios.list().first { $0.name.hasPrefix("方案乙") })
        let closed = scenario.result.closedSites
        #expect(closed.count == 7)
        let adoption = try workspace.adoptions(by: Self.admin).adopt(String(scenario.id.rawValue))
        #expect(adoption.closedSchools.count == closed.count && adoption.tasks.count == closed.count)
        let schools = try store.read { try $0.schools() }
        // A primary school closes whole and becomes a 闲置校舍 with its land; a 小初一体 school loses
        // its primary stage only and its campus stays in use: no idle asset, the task says the stage.
        let whole = closed.compactMap { site in schools.first { $0.id == site.schoolID } }.filter { $0.level == .primary }
        #expect(!whole.isEmpty && whole.count < closed.count)
        #expect(adoption.assets.count == whole.count)
        for school in whole {
            let asset = try #require(adoption.assets.first { $0.schoolID == school.id })
            #expect(asset.kind == .schoolBuilding && asset.status == .idle && asset.source == "scenario:\(scenario.id.rawValue)")
            #expect(abs((asset.areaMu ?? -1) - (school.landMu ?? -2)) < 1e-9 && asset.location == nil)
            #expect(asset.proposedUse?.contains("基层党组织阵地") == true)
        }
        #expect(adoption.tasks.filter { $0.name.contains("小学阶段部分") }.count == closed.count - whole.count)
        // The schools list shows the mark.
        let marked = try workspace.diagnostics.schoolDiagnostics().schools.filter { $0.plannedClosure != nil }
        #expect(marked.count == closed.count && marked.filter { $0.plannedClosure?.wholeSchool == true }.count == whole.count)
        #expect(adoption.tasks.allSatisfy { $0.deadline == nil && $0.code.hasPrefix("ADOPT-\(scenario.id.rawValue)-") })
        // The computed indicators are recomputed under the plan: a 小初一体 school that loses its
        // primary stage keeps a small junior stage, so there are more small schools, not fewer.
        let small = try #require(adoption.indicators.first { $0.code == "SCH_SMALL_COUNT" })
        #expect(small.now == 2 && small.underPlan == 3)
        #expect(adoption.indicators.count == 4 && adoption.indicators.allSatisfy { $0.underPlan != nil })
        // Schools are never deleted; adopting twice, or deleting an adopted scenario, is refused.
        #expect(try store.read { try $0.schools() }.count == 19)
        #expect(throws: UserError.self) { try workspace.adoptions(by: Self.admin).adopt(String(scenario.id.rawValue)) }
        #expect(throws: UserError.self) { try workspace.scenarios.delete(String(scenario.id.rawValue), by: Self.admin) }
        // Another scenario closing one of the same schools cannot be adopted on top.
        let other = try #require(try workspace.scenarios.list().first { $0.name.hasPrefix("方案甲") })
        if !Set(other.result.closedSites.compactMap(\.schoolID)).isDisjoint(with: adoption.closedSchools) {
            #expect(throws: UserError.self) { try workspace.adoptions(by: Self.admin).adopt(String(other.id.rawValue)) }
        }
        // A viewer may not adopt.
        #expect(throws: UserError.self) { try workspace.adoptions(by: .reader).revert(String(scenario.id.rawValue)) }
        // Work recorded on an asset since: reverting would delete it, so it needs force.
        let asset = try #require(adoption.assets.first)
        try workspace.assets(by: Self.admin).update(asset.id, AssetChange(status: .inUse, actualUse: "村史馆"))
        let lose = try #require(throws: UserError.self) { try workspace.adoptions(by: Self.admin).revert(String(scenario.id.rawValue)) }
        #expect(lose.kind == .conflict && lose.message.zh.contains(asset.name))
        try workspace.adoptions(by: Self.admin).revert(String(scenario.id.rawValue), force: true)
        #expect(try Self.snapshot(store) == before)
        #expect(try workspace.adoptions().adoption(of: String(scenario.id.rawValue)) == nil)
        // Adopted again: new asset numbers, never those of the reverted records.
        let again = try workspace.adoptions(by: Self.admin).adopt(String(scenario.id.rawValue))
        #expect(Set(again.assets.map(\.id)).isDisjoint(with: adoption.assets.map(\.id)))
        try workspace.adoptions(by: Self.admin).revert(String(scenario.id.rawValue))
        #expect(throws: UserError.self) { try workspace.adoptions(by: Self.admin).revert(String(scenario.id.rawValue)) }
    }
}
