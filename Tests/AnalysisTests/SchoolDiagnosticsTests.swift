import Analysis
import Domain
import Testing

@Suite("School diagnostics against hand-computed values for the seed's schools")
struct SchoolDiagnosticsTests {
    let engine = SchoolDiagnostics(norms: NormBook(DefaultNorms.all))

    func school(_ name: String, _ level: SchoolLevel, _ students: Int?, _ staff: Int?, _ land: Double?, classes: Int? = nil) -> Stored<
        School
    > {
        Stored(id: 1, School(townshipID: 2, name: name, level: level, students: students, staff: staff, landMu: land, classes: classes))
    }

    @Test("the nine-year norm blends 19 and 13.5 by 6:3: 1 / (2/3/19 + 1/3/13.5) = 16.728…")
    func blendedNorm() throws {
        let norm = try #require(engine.staffNorm(for: .nineYear))
        #expect(abs(norm.studentsPerStaff - 16.72834) < 1e-4)
        #expect(norm.assumption != nil)
        #expect(engine.staffNorm(for: .primary)?.studentsPerStaff == 19)
        #expect(engine.staffNorm(for: .kindergarten) == nil)
    }

    @Test("东雷庄学校 (6 students, 3 staff, 15 亩): small, overstaffed by 2.68, 1666.7 m² per student, wasteful")
    func dongleizhuang() {
        let d = engine.diagnose(school("东雷庄学校", .primary, 6, 3, 15), townshipName: "天宁镇")
        #expect(d.studentsPerStaff == 2)
        #expect(abs(d.staffNeeded! - 6.0 / 19) < 1e-9)
        #expect(abs(d.staffSurplus! - (3 - 6.0 / 19)) < 1e-9)
        #expect(abs(d.landPerStudentM2! - 15 * 666.67 / 6) < 1e-9)
        #expect(d.flags == [.smallSchool, .overstaffed, .landSurplus])
        #expect(d.wastesResources)
        #expect(d.reasons.map(\.text.zh)[0] == "在校生 6 人，不足 100 人，属小规模学校。")
        #expect(
            d.reasons.map(\.text.zh)[1]
                == "生师比 2.0:1，低于小学编制标准 19:1；按标准需教职工 0.3 人，现有 3 人，超编 2.7 人。")
        #expect(d.reasons.map(\.text.en)[1].contains("below the primary norm of 19:1"))
    }

    @Test("杜家庄学校 (45, 14, 7.09 亩): small, overstaffed by 11.6, wasteful")
    func dujiazhuang() {
        let d = engine.diagnose(school("交城县杜家庄学校", .primary, 45, 14, 7.09), townshipName: "天宁镇")
        #expect(abs(d.studentsPerStaff! - 45.0 / 14) < 1e-9)
        #expect(abs(d.staffSurplus! - (14 - 45.0 / 19)) < 1e-9)
        #expect(abs(d.landPerStudentM2! - 7.09 * 666.67 / 45) < 1e-9)
        #expect(d.flags == [.smallSchool, .overstaffed, .landSurplus])
        #expect(d.wastesResources)
    }

    @Test("西营学校 (1581, 58): 27.3 students per staff, 36.5 short — what the seed does not say")
    func xiying() {
        let d = engine.diagnose(school("交城县西营学校", .nineYear, 1581, 58, 60), townshipName: "西营镇")
        let needed = 1581 * (2.0 / 3 / 19 + 1.0 / 3 / 13.5)
        #expect(abs(d.staffNeeded! - needed) < 1e-9)
        #expect(abs(d.staffSurplus! - (58 - needed)) < 1e-9)
        #expect(abs(d.staffSurplus! - -36.51) < 0.01)
        #expect(d.flags == [.understaffed])
        #expect(!d.wastesResources)
        #expect(d.reasons[0].text.zh == "生师比 27.3:1，高于小初一体混合编制标准 16.7:1；按标准需教职工 94.5 人，现有 58 人，缺编 36.5 人。")
        #expect(d.reasons[1].topic == .normAssumption)
    }

    @Test("石侯学校 (600, 35) is 0.87 short: within the 1-person tolerance, no flag")
    func shihou() {
        let d = engine.diagnose(school("交城县石侯学校", .nineYear, 600, 35, 12.75), townshipName: "西营镇")
        #expect(abs(d.staffSurplus! - (35 - 600 * (2.0 / 3 / 19 + 1.0 / 3 / 13.5))) < 1e-9)
        #expect(d.flags.isEmpty)
        #expect(d.reasons[0].text.zh.hasSuffix("基本相符。"))
    }

    @Test("水峪贯镇初级中学 (125, 23) uses the junior norm 13.5")
    func junior() {
        let d = engine.diagnose(school("水峪贯镇初级中学", .junior, 125, 23, 15), townshipName: "水峪贯镇")
        #expect(abs(d.staffNeeded! - 125 / 13.5) < 1e-9)
        #expect(d.flags == [.overstaffed])
    }

    @Test("missing figures are flagged and the rest still diagnosed")
    func missing() {
        let d = engine.diagnose(school("x", .primary, 120, nil, nil), townshipName: "天宁镇")
        #expect(d.flags == [.missingData])
        #expect(d.reasons.last?.text.zh == "缺少教职人数、占地面积，无法完成诊断。")
        #expect(d.reasons.last?.text.en == "Missing staff, land: the diagnosis is incomplete.")
        #expect(d.staffSurplus == nil)
    }

    @Test("no norm for kindergartens: said, not guessed")
    func kindergarten() {
        let d = engine.diagnose(school("城西幼儿园", .kindergarten, 200, 20, 5), townshipName: "天宁镇")
        #expect(d.staffNorm == nil)
        #expect(d.flags.isEmpty)
        #expect(d.reasons.first?.text.zh == "幼儿园没有设定编制标准，未判断超编或缺编。")
    }

    @Test("a school with no students but land has land flagged, and no division by zero")
    func noStudents() {
        let d = engine.diagnose(school("空壳学校", .primary, 0, 2, 10), townshipName: "天宁镇")
        #expect(d.landPerStudentM2 == nil)
        #expect(d.studentsPerStaff == 0)
        #expect(d.flags == [.smallSchool, .overstaffed, .landSurplus])
    }

    @Test("class size above the norm is reported when classes are known")
    func classSize() {
        let d = engine.diagnose(school("x", .primary, 500, 27, 20, classes: 10), townshipName: "天宁镇")
        #expect(d.studentsPerClass == 50)
        #expect(d.reasons.contains { $0.text.zh == "平均班额 50 人，超过小学班额上限 45 人。" })
    }

    @Test("a county setting changes the verdict: a higher land threshold removes the flag")
    func editedNorm() {
        var norms = DefaultNorms.all
        norms[norms.firstIndex { $0.key == NormKey.landPerStudentHighM2 }!].value = 2000
        let d = SchoolDiagnostics(norms: NormBook(norms)).diagnose(school("东雷庄学校", .primary, 6, 3, 15), townshipName: "")
        #expect(!d.has(.landSurplus))
    }

    @Test("roll-ups add students, staff, need, surplus and shortfall")
    func rollup() {
        let a = engine.diagnose(school("a", .primary, 6, 3, 15), townshipName: "t")
        let b = engine.diagnose(school("b", .nineYear, 1581, 58, 60), townshipName: "t")
        let r = SchoolRollup([a, b])
        #expect(r.schools == 2 && r.students == 1587 && r.staff == 61)
        #expect(abs(r.staffExcess - a.staffSurplus!) < 1e-9)
        #expect(abs(r.staffShortfall + b.staffSurplus!) < 1e-9)
        #expect(r.count(.smallSchool) == 1)
        #expect(r.wastefulSchools == 1)
    }
}
