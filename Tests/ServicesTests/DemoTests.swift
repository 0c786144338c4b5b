import Analysis
import Demo
import Domain
import Foundation
import Interchange
import Localization
import Services
import Store
import TestSupport
import Testing

/// A demo register built in a private in-memory store, for tests that change it.
func demoStore(_ backend: TestBackend = .sqlite) throws -> RegisterStore {
    let store = try backend.store()
    try DemoBuilder(workspace: Workspace(store: store)).build()
    return store
}

/// One demo register shared by the tests that only read it.
let sharedDemo: RegisterStore = {
    do { return try demoStore() } catch { fatalError("the demo does not build: \(error)") }
}()

@Suite("The 交城 demo and the diagnosis built on it")
struct DemoTests {
    @Test("the register holds the county, 11 township records, 140 villages and the seed's 19 schools")
    func contents() throws {
        let store = sharedDemo
        let (register, schools) = try store.read { (try $0.register(), try $0.schools()) }
        #expect(register.county?.name == "交城县")
        #expect(register.townships.count == 11)
        #expect(register.townships.filter { $0.status == .current }.count == 8)
        #expect(register.divisions.filter { $0.kind.tier == .village }.count == 140)
        #expect(schools.count == 19)
        #expect(schools.reduce(0) { $0 + ($1.students ?? 0) } == 7494)
        #expect(schools.reduce(0) { $0 + ($1.staff ?? 0) } == 681)
        #expect(schools.allSatisfy { $0.villageID != nil })
        #expect(schools.allSatisfy { $0.source == DemoBuilder.seedTableSource })
        let dongleizhuang = try #require(schools.first { $0.name == "东雷庄学校" })
        #expect(register.division(id: dongleizhuang.villageID!)?.name == "东雷庄村委会")
        #expect(dongleizhuang.note == "岭底片区")
        let huili = try #require(schools.first { $0.name == "会立初级中学校" })
        #expect(register.division(id: huili.townshipID)?.name == "会立乡")
    }

    @Test("merges are recorded: 岭底乡 → 天宁镇, 洪相乡 → 洪相镇, 会立乡 with no known successor")
    func history() throws {
        let register = try sharedDemo.read { try $0.register() }
        let lingdi = try #require(register.townships(named: "岭底乡").first)
        #expect(register.currentUnit(for: lingdi)?.name == "天宁镇")
        #expect(register.currentUnit(for: register.townships(named: "洪相乡").first!)?.code?.rawValue == "141122106000")
        #expect(register.currentUnit(for: register.townships(named: "会立乡").first!) == nil)
    }

    @Test("every unknown position is illustrative, inside the county outline; rough published points are approximate")
    func positions() throws {
        let store = sharedDemo
        let (register, outlineText) = try store.read { r in
            let reg = try r.register()
            return (reg, try r.boundaryGeoJSON(divisionID: reg.county!.id))
        }
        let text = try #require(outlineText)
        let outline = try #require(try GeoJSONGeometryParser.multiPolygon(text))
        for d in register.divisions where d.kind.tier != .county {
            let p = try #require(d.location, "\(d.name) has no position")
            #expect(outline.contains(.init(p.longitudeDegrees, p.latitudeDegrees)), "\(d.name) outside the county")
            #expect([.approximate, .illustrative].contains(d.locationQuality))
            if d.locationQuality == .illustrative { #expect(d.locationSource?.hasPrefix("示意位置") == true) }
        }
        #expect(register.divisions.filter { $0.locationQuality == .published }.map(\.name) == ["交城县"])
        let approximate = register.divisions.filter { $0.locationQuality == .approximate }.map(\.name).sorted()
        #expect(approximate == ["夏家营镇", "天宁镇", "庞泉沟镇", "水峪贯村委会", "水峪贯镇"].sorted())
        #expect(register.townships(named: "洪相乡").first?.location == register.townships(named: "洪相镇").first?.location)
    }

    @Test("building twice gives the same positions (the procedure is deterministic)")
    func deterministic() throws {
        let a = try demoStore().read { try $0.divisions() }.map(\.location)
        let b = try demoStore().read { try $0.divisions() }.map(\.location)
        #expect(a == b)
    }

    @Test("the diagnosis reproduces the seed's finding and reports what it missed")
    func findings() throws {
        let workspace = Workspace(store: sharedDemo)
        let report = try workspace.diagnostics.schoolDiagnostics()
        let plan = try #require(try workspace.register.countyProfile().planFindings)
        let findings = Findings(report: report, plan: plan)
        #expect(findings.confirmed.map(\.school.name) == ["东雷庄学校", "交城县杜家庄学校"])
        #expect(findings.notConfirmed.isEmpty)
        #expect(findings.unnamedWasteful.isEmpty)
        #expect(findings.understaffed.map(\.school.name) == ["交城县西营学校"])
        #expect(abs(report.county.staffNeeded - 447.49) < 0.01)
        #expect(report.county.count(.overstaffed) == 17)
        #expect(report.county.count(.smallSchool) == 2)
        let status = Dictionary(uniqueKeysWithValues: report.townships.map { ($0.township.name, $0.reportStatus) })
        #expect(status["夏家营镇"] == .notReported)
        #expect(status["庞泉沟镇"] == .notReported)
        #expect(status["东坡底乡"] == .notReported)
        #expect(status["天宁镇"] == .reported)
        #expect(report.townships.first { $0.township.name == "天宁镇" }?.rollup.schools == 5)
        #expect(report.townships.first { $0.township.name == "洪相镇" }?.rollup.schools == 4)
    }

    @Test("completeness says which data is missing where")
    func completeness() throws {
        let rows = try CompletenessService(store: sharedDemo).rows()
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.township.name, $0) })
        #expect(byName["天宁镇"]?.villages == 19 + 19, "天宁镇 includes the villages of 岭底乡")
        #expect(byName["西营镇"]?.villagesWithoutCode == 7)
        #expect(byName["夏家营镇"]?.schoolsReport == .notReported)
        #expect(byName["会立乡"]?.villages == 20)
        #expect(rows.reduce(0) { $0 + $1.villages } == 140)
        #expect(rows.allSatisfy { $0.villagesWithPopulation == 0 })
    }

    @Test("the merger of 岭底乡 into 天宁镇 is marked inferred; completeness and a school filed under 岭底乡 say so")
    func inferredMerger() throws {
        let store = try demoStore()
        let workspace = Workspace(store: store)
        let register = try workspace.register.divisionRegister()
        #expect(register.townships(named: "岭底乡").first?.successorInferred == true)
        #expect(register.townships(named: "洪相乡").first?.successorInferred == true)
        let tianning = try #require(try workspace.completeness.rows().first { $0.township.name == "天宁镇" })
        #expect(tianning.inferredPredecessors == ["岭底乡"])
        let url = try temporaryFile("ld.csv", "乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）\n岭底乡,岭底测试小学,小学,10,2,1\n")
        _ = try workspace.imports(by: .system("t")).importSchools(from: url)
        let school = try #require(try workspace.diagnostics.schoolDiagnostics().schools.first { $0.school.name == "岭底测试小学" })
        #expect(school.townshipName == "天宁镇")
        #expect(school.reasons.contains { $0.text.zh == "原属岭底乡，按推断的撤并关系计入天宁镇，请核实。" })
    }

    @Test("the demo's scenarios are named for what they keep, and the planned boarding school is illustrative")
    func scenarioNames() throws {
        let scenarios = try Workspace(store: sharedDemo).scenarios.list()
        #expect(scenarios.count == 2)
        for s in scenarios {
            #expect(s.name.contains("保留 \(s.result.schoolsKept) 所"), "\(s.name) keeps \(s.result.schoolsKept)")
        }
        let boarding = try #require(scenarios[1].result.sites.first { $0.isNew })
        #expect(boarding.illustrative)
        #expect(scenarios[1].notes.contains { $0.zh.contains("步行上限（2 公里）由 1–3 年级单程 30 分钟") })
        #expect(scenarios[1].notes.contains { $0.zh.contains("小学段 66.7%") })
    }

    @Test("assumed target years and the assumed denominator are stored as such")
    func assumptions() throws {
        let indicators = try Workspace(store: sharedDemo).monitoring.indicators()
        let byCode = Dictionary(uniqueKeysWithValues: indicators.map { ($0.code, $0) })
        #expect(byCode["INFO_VILLAGES"]?.targets.first?.yearAssumed == true)
        #expect(byCode["EDU_RETENTION"]?.targets.first?.yearAssumed == false)
        #expect(byCode["AGR_SCALE_SHARE"]?.denominatorAssumed == true)
        let tasks = try Workspace(store: sharedDemo).monitoring.tasks()
        #expect(tasks.first { $0.code == "T-INF-01" }?.deadlineAssumed == true)
        #expect(tasks.first { $0.code == "T-AGR-02" }?.deadlineAssumed == false)
    }
}
