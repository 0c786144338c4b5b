import Demo
import Domain
import Foundation
import Interchange
import Localization
import Services
import Store
import Testing

/// Every data table dumped as text, to prove a failed import changed nothing.
func snapshot(_ store: RegisterStore) throws -> String {
    try store.read { r in
        "\(try r.divisions())|\(try r.schools())|\(try r.norms())|\(try r.townshipReports(topic: "schools"))|\(try r.importLog())|\(try r.auditCount())"
    }
}

/// Writes text to a temporary file and returns its URL.
func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

@Suite("Imports write all or nothing, update in place, and are audited")
struct ImportServiceTests {
    let header = "乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）\n"

    @Test("a file with one bad row late on changes nothing")
    func allOrNothing() throws {
        let store = try demoStore()
        let before = try snapshot(store)
        let rows = (1...50).map { "天宁,新学校\($0),小学,100,6,10" }.joined(separator: "\n")
        let url = try temporaryFile("late.csv", header + rows + "\n西营,坏学校,小学,-1,3,2\n")
        let error = #expect(throws: UserError.self) {
            try ImportService(store: store, principal: .system("t")).importSchools(from: url)
        }
        #expect(error?.kind == .rejected)
        #expect(try snapshot(store) == before)
    }

    @Test("re-importing the same table changes nothing; new figures update the school and are audited")
    func updates() throws {
        let store = try demoStore()
        let service = ImportService(store: store, principal: .system("clerk"))
        let demo = DemoResources.file("seed_table_6_1.csv")
        let again = try service.importSchools(from: demo, source: DemoBuilder.seedTableSource)
        #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 19))
        let url = try temporaryFile("2022.csv", header + "西营,交城县西营学校,小初一体,1600,70,60\n")
        let summary = try service.importSchools(from: url, dataYear: 2022, source: "2022 统计")
        #expect((summary.inserted, summary.updated) == (0, 1))
        let school = try #require(try store.read { try $0.schools() }.first { $0.name == "交城县西营学校" })
        #expect((school.students, school.staff, school.dataYear) == (1600, 70, 2022))
        #expect(school.villageID != nil, "the village link survives an update without a village column")
        let audit = try #require(try store.read { try $0.auditLog(table: "schools", limit: 1) }.first)
        #expect(audit.actor == "clerk")
        #expect(audit.importID == summary.importID)
        #expect(audit.before?.contains("\"students\":1581") == true)
        #expect(audit.after?.contains("\"students\":1600") == true)
    }

    @Test("a dry run validates and writes nothing")
    func dryRun() throws {
        let store = try demoStore()
        let before = try snapshot(store)
        let url = try temporaryFile("new.csv", header + "夏家营,夏家营学校,小学,300,20,12\n")
        let summary = try ImportService(store: store, principal: .system("t")).importSchools(from: url, dryRun: true)
        #expect(summary.rowsRead == 1)
        #expect(try snapshot(store) == before)
        let divisions = try temporaryFile("d.csv", "代码,名称,经度,纬度\n141122100209,阳渠村委会,112.1,37.5\n")
        _ = try ImportService(store: store, principal: .system("t")).importDivisions(from: divisions, dryRun: true)
        #expect(try snapshot(store) == before)
    }

    @Test("imported coordinates replace an illustrative position")
    func realCoordinates() throws {
        let store = try demoStore()
        let url = try temporaryFile("pos.csv", "代码,名称,经度,纬度,位置质量,来源\n141122100209,阳渠村委会,112.1012,37.5123,实测,县自然资源局实测\n")
        let summary = try ImportService(store: store, principal: .system("t")).importDivisions(from: url)
        #expect(summary.updated == 1)
        let village = try #require(try store.read { try $0.register() }.division(code: DivisionCode("141122100209")!))
        #expect(village.locationQuality == .surveyed)
        #expect(village.location == GeoPoint(longitudeDegrees: 112.1012, latitudeDegrees: 37.5123))
        #expect(village.locationSource == "县自然资源局实测")
    }

    @Test("a village may be given for a school, and must exist")
    func villageColumn() throws {
        let store = try demoStore()
        let good = try temporaryFile("v.csv", "乡镇,学校名称,规模,在校人数,教职人数,所在村\n天宁,磁窑小学,小学,80,8,磁窑\n")
        _ = try ImportService(store: store, principal: .system("t")).importSchools(from: good)
        let school = try #require(try store.read { try $0.schools() }.first { $0.name == "磁窑小学" })
        #expect(try store.read { try $0.register() }.division(id: school.villageID!)?.name == "磁窑村委会")
        let bad = try temporaryFile("v2.csv", "乡镇,学校名称,规模,在校人数,教职人数,所在村\n天宁,某小学,小学,80,8,不存在村\n")
        do {
            _ = try ImportService(store: store, principal: .system("t")).importSchools(from: bad)
            Issue.record("accepted")
        } catch let rejected as UserError {
            #expect(rejected.errors.first?.message.zh == "村「不存在村」不在天宁镇的村名录中")
        }
    }

    @Test("a division imported with coordinates but no quality column stores quality unknown, not surveyed")
    func qualityUnknownByDefault() throws {
        let store = try demoStore()
        let url = try temporaryFile("pos.csv", "代码,名称,经度,纬度\n141122100209,阳渠村委会,112.1012,37.5123\n")
        _ = try ImportService(store: store, principal: .system("t")).importDivisions(from: url)
        let village = try #require(try store.read { try $0.register() }.division(code: DivisionCode("141122100209")!))
        #expect(village.locationQuality == .unknown)
        #expect(village.location != nil)
    }

    @Test("a data year outside 1949–2100 is refused as invalid, not a database error")
    func badDataYear() throws {
        let store = try demoStore()
        let url = try temporaryFile("y.csv", header + "夏家营,夏家营学校,小学,300,20,12\n")
        let error = #expect(throws: UserError.self) {
            try ImportService(store: store, principal: .system("t")).importSchools(from: url, dataYear: 3000)
        }
        #expect(error?.kind == .invalid)
    }

    @Test("a check says what a commit would do — new, changed, the same — and warns of a students-per-staff figure far above the norm")
    func preview() throws {
        let store = try demoStore()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cx-preview-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n西营,预览新校,小学,40,5\n天宁,交城县阳渠学校,小初一体,7160,68\n".utf8).write(to: file)
        let before = try store.dataStamp()
        let check = try Workspace(store: store).imports(by: .system("test")).check(.schools, file: file)
        #expect(check.isValid)
        #expect(check.inserted == 1 && check.updated == 1 && check.unchanged == 0)
        #expect(check.issues.count == 1 && check.issues.first?.severity == .warning && check.issues.first?.row == 3)
        #expect(check.issues.first?.message.zh.contains("交城县阳渠学校") == true)
        #expect(try store.dataStamp() == before, "a check writes nothing")
    }
}
