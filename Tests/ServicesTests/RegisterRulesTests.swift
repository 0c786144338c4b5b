import Domain
import Foundation
import Localization
import Services
import Store
import Testing

@Suite("The divisions import cannot corrupt the register; changes of kind and parent are explicit")
struct RegisterRulesTests {
    /// The refusal of a divisions file on the demo, and whether the register stayed as it was.
    func refusal(_ csv: String) throws -> (error: UserError?, unchanged: Bool) {
        let store = try demoStore()
        let before = try snapshot(store)
        let url = try temporaryFile("d.csv", csv)
        do {
            _ = try ImportService(store: store, principal: .system("t")).importDivisions(from: url)
            return (nil, try snapshot(store) == before)
        } catch let error as UserError {
            return (error, try snapshot(store) == before)
        }
    }

    @Test("a row that would turn 天宁镇 into a village is refused; 天宁镇 keeps its villages and schools")
    func kindChange() throws {
        let (error, unchanged) = try refusal("代码,名称,类型\n141122100000,天宁镇,村\n")
        #expect(error?.kind == .rejected)
        #expect(error?.issues.first?.message.zh.hasPrefix("「天宁镇」已登记为镇，导入不改变类型为行政村") == true)
        #expect(error?.issues.first?.row == 2)
        #expect(unchanged)
    }

    @Test("two rows with one name under one parent and different codes are refused, not merged into one")
    func sameNameTwoCodes() throws {
        let (error, unchanged) = try refusal("代码,名称,上级代码\n141122100901,新村村委会,141122100\n141122100902,新村村委会,141122100\n")
        #expect(error?.issues.contains { $0.message.zh.contains("同一上级下名称「新村村委会」重复") } == true)
        #expect(unchanged)
        let stored = try refusal("代码,名称,上级代码\n141122100901,阳渠村委会,141122100\n")
        #expect(stored.error?.issues.first?.message.zh.hasPrefix("同一上级下已有名为「阳渠村委会」的区划") == true)
        #expect(stored.unchanged)
    }

    @Test("a second county is refused; the county is not given a parent or another kind")
    func oneCounty() throws {
        let second = try refusal("代码,名称,类型\n141123,文水县,县\n")
        #expect(second.error?.issues.first?.message.zh.hasPrefix("名录中已有县「交城县」") == true)
        #expect(second.unchanged)
        let kind = try refusal("代码,名称,类型\n141122,交城县,镇\n")
        #expect(kind.error?.kind == .rejected)
        #expect(kind.unchanged)
    }

    @Test("coordinates without a stated quality are stored with quality unknown, not refused by a raw CHECK")
    func unknownQuality() throws {
        let store = try demoStore()
        let url = try temporaryFile("q.csv", "代码,名称,经度,纬度,位置质量\n141122100209,阳渠村委会,112.1,37.5,unknown\n")
        let summary = try ImportService(store: store, principal: .system("t")).importDivisions(from: url)
        #expect(summary.updated == 1)
    }

    @Test("merge and move are explicit, audited, and checked")
    func mergeAndMove() throws {
        let store = try demoStore()
        let register = Workspace(store: store).register
        let merged = try register.merge("东坡底乡", into: "西社镇", inferred: true, by: .system("县民政局"))
        #expect(merged.status == .historical && merged.successorInferred)
        let audit = try #require(try register.auditLog(table: "divisions", limit: 1).first)
        #expect(audit.actor == "县民政局" && audit.after?.contains("\"successor_inferred\":1") == true)
        #expect(throws: UserError.self) { try register.merge("西营镇", into: "阳渠村委会", inferred: false, by: .system("t")) }
        let moved = try register.move("阳渠村委会", to: "西营镇", by: .system("t"))
        #expect(try register.divisionRegister().parent(of: moved)?.name == "西营镇")
        #expect(throws: UserError.self) { try register.move("西营镇", to: "天宁镇", by: .system("t")) }
    }

    @Test("the schema itself keeps one county and fixed tiers, whoever writes")
    func schemaRules() throws {
        let store = try demoStore()
        let error = #expect(throws: UserError.self) {
            try store.write(actor: "t") { try $0.insert(Division(code: DivisionCode("141123"), name: "文水县", kind: .county)) }
        }
        #expect(error?.issues.first?.message.zh.contains("a register holds one county") == true)
        #expect(throws: UserError.self) {
            try store.write(actor: "t") { w in
                var town = try #require(try w.reader.register().townships(named: "天宁").first)
                town.kind = .village
                try w.update(town)
            }
        }
    }
}
