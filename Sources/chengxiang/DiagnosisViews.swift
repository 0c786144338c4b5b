import Analysis
import Domain
import Foundation
import Localization
import Records
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
            let closure = d.plannedClosure.map {
                L10n.message($0.wholeSchool ? .uiPlannedClosure : .uiPlannedStageClosure, $0.scenarioID).text(language)
            }
            let flags = (d.flags.map { $0.label.text(language) } + [closure].compactMap { $0 }).joined(separator: " ")
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

    func levelName(_ level: SchoolLevel) -> String { level.label.text(language) }

    func fixed(_ value: Double?) -> String { value.map { Format.fixed($0, digits: 1) } ?? "—" }

    func signed(_ value: Double) -> String {
        let text = Format.fixed(value, digits: 1)
        return value > 0 && text != "0.0" ? "+" + text : text
    }

    /// One line per school under its name with every reason, for flagged schools.
    func reasons() -> String {
        report.schools.filter { !$0.flags.isEmpty }.map { d in
            t(.schoolInTownship, d.school.name, d.townshipName) + "\n"
                + d.reasons.map { "  · " + $0.text.text(language) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The JSON array promised by the CLI: one object per school.
    func json() throws -> String {
        String(decoding: try Records.json(report.schools.map(SchoolDiagnosisRecord.init)), as: UTF8.self)
    }

    /// CSV with Chinese (or English) headers, UTF-8 with BOM for Excel/WPS.
    func csv() -> String { TableExport.schoolDiagnosis(report.schools, language) }
}
