import Analysis
import Domain
import Foundation
import Interchange
import Localization
import Services

/// Renders the school diagnosis as a table, JSON or CSV.
struct DiagnosisViews {
    let report: SchoolDiagnosticsReport
    let language: Language

    private func t(_ key: MessageKey, _ args: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: args).text(language)
    }

    /// The per-school table.
    func schoolTable() -> String {
        var table = TextTable(
            header: [
                t(.labelTownship), t(.labelSchool), t(.labelLevel), t(.labelStudents), t(.labelStaff), t(.labelRatio),
                t(.labelNorm), t(.labelStaffNeeded), t(.labelSurplus), t(.labelLandPerStudent), t(.labelFlags),
            ],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .left])
        for d in report.schools {
            let text: [String] = [d.townshipName, d.school.name, levelName(d.school.level)]
            let counts: [String] = [d.school.students, d.school.staff].map { $0.map(String.init) ?? "—" }
            let ratios: [String] = [d.studentsPerStaff, d.staffNorm?.studentsPerStaff, d.staffNeeded].map(fixed)
            let surplus = d.staffSurplus.map(signed) ?? "—"
            let flags = d.flags.map { $0.label.text(language) }.joined(separator: " ")
            table.add(text + counts + ratios + [surplus, fixed(d.landPerStudentM2), flags])
        }
        return table.render()
    }

    /// The township roll-up with a county total line.
    func townshipTable() -> String {
        var table = TextTable(
            header: [
                t(.labelTownship), t(.labelSchoolCount), t(.labelStudents), t(.labelStaff), t(.labelStaffNeeded),
                t(.labelExcess), t(.labelShortfall), t(.labelSmall), t(.labelReportStatus),
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .left])
        for s in report.townships {
            let name = s.township.status == .historical ? s.township.name + t(.labelMergedSuffix) : s.township.name
            table.add(rollupCells(name, s.rollup) + [reportStatus(s.reportStatus)])
        }
        table.add(rollupCells(t(.labelCountyTotal), report.county) + [""])
        return table.render()
    }

    private func rollupCells(_ name: String, _ r: SchoolRollup) -> [String] {
        [
            name, String(r.schools), String(r.students), String(r.staff), Format.fixed(r.staffNeeded, digits: 1),
            Format.fixed(r.staffExcess, digits: 1), Format.fixed(r.staffShortfall, digits: 1), String(r.count(.smallSchool)),
        ]
    }

    func reportStatus(_ status: ReportStatus?) -> String {
        switch status {
        case .reported: t(.labelReported)
        case .notReported: t(.labelNotReported)
        case nil: t(.labelNotMentioned)
        }
    }

    func levelName(_ level: SchoolLevel) -> String { language == .zh ? level.chineseName : level.rawValue }

    func fixed(_ value: Double?) -> String { value.map { Format.fixed($0, digits: 1) } ?? "—" }

    func signed(_ value: Double) -> String {
        let text = Format.fixed(value, digits: 1)
        return value > 0 && text != "0.0" ? "+" + text : text
    }

    /// One line per school under its name with every reason, for flagged schools.
    func reasons() -> String {
        report.schools.filter { !$0.flags.isEmpty }.map { d in
            "\(d.school.name)（\(d.townshipName)）\n" + d.reasons.map { "  · " + $0.text.text(language) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The JSON array promised by the CLI: one object per school.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report.schools.map(SchoolDiagnosisJSON.init)), as: UTF8.self)
    }

    /// CSV with Chinese (or English) headers, UTF-8 with BOM for Excel/WPS.
    func csv() -> String {
        let header = [
            t(.labelTownship), t(.labelSchool), t(.labelLevel), t(.labelStudents), t(.labelStaff), t(.labelRatio),
            t(.labelNorm), t(.labelStaffNeeded), t(.labelSurplus), t(.labelLandPerStudent), t(.labelFlags),
            t(.labelReasons),
        ]
        let rows: [[String]] = report.schools.map { d in
            let text: [String] = [d.townshipName, d.school.name, levelName(d.school.level)]
            let counts: [String] = [d.school.students, d.school.staff].map { $0.map(String.init) ?? "" }
            let figures: [String] = [
                d.studentsPerStaff, d.staffNorm?.studentsPerStaff, d.staffNeeded, d.staffSurplus, d.landPerStudentM2,
            ].map { $0.map { Format.number($0, digits: 3) } ?? "" }
            let flags = d.flags.map(\.rawValue).joined(separator: " ")
            let reasons = d.reasons.map { $0.text.text(language) }.joined(separator: " ")
            return text + counts + figures + [flags, reasons]
        }
        return CSVWriter.document(header: header, rows: rows)
    }
}

/// The JSON shape of one diagnosed school (stable field names for scripts and the API).
struct SchoolDiagnosisJSON: Encodable {
    var id: Int64?
    var name: String
    var township: String
    var level: String
    var levelCode: String
    var students: Int?
    var staff: Int?
    var landMu: Double?
    var classes: Int?
    var dataYear: Int?
    var source: String?
    var studentsPerStaff: Double?
    var staffNorm: Double?
    var staffNormBasis: String?
    var staffNeeded: Double?
    var staffSurplus: Double?
    var landPerStudentM2: Double?
    var studentsPerClass: Double?
    var flags: [String]
    var wastesResources: Bool
    var reasons: [String]
    var reasonsEn: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, township, level, levelCode, students, staff, landMu, classes, dataYear, source
        case studentsPerStaff, staffNorm, staffNormBasis, staffNeeded, staffSurplus, landPerStudentM2
        case studentsPerClass, flags, wastesResources, reasons, reasonsEn
    }

    /// Encodes every key, writing null for unknown values rather than leaving keys out.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(level, forKey: .level)
        try c.encode(levelCode, forKey: .levelCode)
        try c.encode(students, forKey: .students)
        try c.encode(staff, forKey: .staff)
        try c.encode(landMu, forKey: .landMu)
        try c.encode(classes, forKey: .classes)
        try c.encode(dataYear, forKey: .dataYear)
        try c.encode(source, forKey: .source)
        try c.encode(studentsPerStaff, forKey: .studentsPerStaff)
        try c.encode(staffNorm, forKey: .staffNorm)
        try c.encode(staffNormBasis, forKey: .staffNormBasis)
        try c.encode(staffNeeded, forKey: .staffNeeded)
        try c.encode(staffSurplus, forKey: .staffSurplus)
        try c.encode(landPerStudentM2, forKey: .landPerStudentM2)
        try c.encode(studentsPerClass, forKey: .studentsPerClass)
        try c.encode(flags, forKey: .flags)
        try c.encode(wastesResources, forKey: .wastesResources)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(reasonsEn, forKey: .reasonsEn)
    }

    init(_ d: SchoolDiagnosis) {
        func round(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        id = d.school.id
        name = d.school.name
        township = d.townshipName
        level = d.school.level.chineseName
        levelCode = d.school.level.rawValue
        students = d.school.students
        staff = d.school.staff
        landMu = d.school.landMu
        classes = d.school.classes
        dataYear = d.school.dataYear
        source = d.school.source
        studentsPerStaff = round(d.studentsPerStaff)
        staffNorm = round(d.staffNorm?.studentsPerStaff)
        staffNormBasis = d.staffNorm?.basis.zh
        staffNeeded = round(d.staffNeeded)
        staffSurplus = round(d.staffSurplus)
        landPerStudentM2 = round(d.landPerStudentM2)
        studentsPerClass = round(d.studentsPerClass)
        flags = d.flags.map(\.rawValue)
        wastesResources = d.wastesResources
        reasons = d.reasons.map(\.text.zh)
        reasonsEn = d.reasons.map(\.text.en)
    }
}
