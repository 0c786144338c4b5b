import Domain
import Testing

@Suite("Division codes, names and the register's lookups")
struct DomainTests {
    @Test(
        "codes of 6, 9 and 12 digits are stored as 12",
        arguments: [
            ("141122", "141122000000"), ("141122100", "141122100000"), ("141122100209", "141122100209"),
        ])
    func codes(input: String, stored: String) {
        #expect(DivisionCode(input)?.rawValue == stored)
    }

    @Test("anything else is not a code", arguments: ["", "14112", "1411221000", "14112210020A", "１４１１２２"])
    func badCodes(input: String) {
        #expect(DivisionCode(input) == nil)
    }

    @Test("short names drop one administrative ending")
    func shortNames() {
        #expect(DivisionNames.shortName(of: "天宁镇") == "天宁")
        #expect(DivisionNames.shortName(of: "阳渠村委会") == "阳渠")
        #expect(DivisionNames.shortName(of: "西街居委会") == "西街")
        #expect(DivisionNames.shortName(of: "镇") == "镇")
    }

    @Test("kinds from Chinese words and from name endings")
    func kinds() {
        #expect(DivisionKind(text: "镇") == .town)
        #expect(DivisionKind(text: "居委会") == .community)
        #expect(DivisionKind.inferred(fromName: "蒲渠河村委会") == .village)
        #expect(DivisionKind.inferred(fromName: "交城县") == .county)
        #expect(SchoolLevel(text: "九年一贯制") == .nineYear)
        #expect(SchoolLevel(text: "大学") == nil)
    }

    let register: DivisionRegister = {
        let c = { DivisionCode($0)! }
        return DivisionRegister([
            Stored(id: 1, Division(code: c("141122"), name: "交城县", kind: .county)),
            Stored(id: 2, Division(code: c("141122100"), name: "天宁镇", kind: .town, parentID: 1)),
            Stored(id: 3, Division(code: c("141122106"), name: "洪相镇", kind: .town, parentID: 1)),
            Stored(
                id: 4,
                Division(
                    code: c("141122200"), name: "洪相乡", kind: .township, parentID: 1, status: .historical,
                    successorCode: c("141122106"))),
            Stored(
                id: 5,
                Division(
                    code: c("141122201"), name: "岭底乡", kind: .township, parentID: 1, status: .historical,
                    successorCode: c("141122100"))),
            Stored(id: 6, Division(code: c("141122203"), name: "会立乡", kind: .township, parentID: 1, status: .historical)),
            Stored(id: 7, Division(code: c("141122201203"), name: "东雷庄村委会", kind: .village, parentID: 5)),
            Stored(id: 8, Division(code: c("141122200200"), name: "成村村委会", kind: .village, parentID: 4)),
        ])
    }()

    @Test("a short township name prefers the current unit: 洪相 is 洪相镇, not 洪相乡")
    func townshipByShortName() {
        #expect(register.townships(named: "洪相").map(\.name) == ["洪相镇"])
        #expect(register.townships(named: "洪相乡").map(\.name) == ["洪相乡"])
        #expect(register.townships(named: "会立").map(\.name) == ["会立乡"])
        #expect(register.townships(named: "西山").isEmpty)
    }

    @Test("merged units roll up along their successor chain; an unknown successor gives nil")
    func currentUnit() {
        #expect(register.currentUnit(for: register.division(id: 5)!)?.name == "天宁镇")
        #expect(register.currentUnit(for: register.division(id: 4)!)?.name == "洪相镇")
        #expect(register.currentUnit(for: register.division(id: 6)!) == nil)
        #expect(register.predecessors(of: register.division(id: 2)!).map(\.name) == ["岭底乡"])
    }

    @Test("a village of a merged township is found from its successor: 东雷庄 in 天宁镇")
    func villageThroughPredecessor() {
        #expect(register.village(named: "东雷庄", in: register.division(id: 2)!)?.id == 7)
        #expect(register.village(named: "成村村委会", in: register.division(id: 3)!)?.id == 8)
        #expect(register.village(named: "阳渠", in: register.division(id: 2)!) == nil)
    }
}
