import Analysis
import Domain
import Localization
import Services

/// The short report `demo` prints: roll-up, the plan's finding checked, what the plan missed,
/// and the data gaps.
struct SummaryView {
    let report: SchoolDiagnosticsReport
    let findings: Findings
    let completeness: [CompletenessRow]
    let scenarios: [Scenario]
    let language: Language
    let database: String

    private func t(_ key: MessageKey, _ args: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: args).text(language)
    }

    private var views: DiagnosisViews { DiagnosisViews(report: report, language: language) }

    func render() -> String {
        var lines: [String] = []
        let county = report.county
        lines.append(t(.summaryTitle, county.schools, DemoBuilder.seedTableSource))
        lines.append(normLine())
        lines.append("")
        lines.append(views.townshipTable())
        lines.append("")
        lines.append(t(.summaryConfirmedHeading))
        lines.append("  " + t(.summaryPlanSays, findings.seed.quote))
        for d in findings.confirmed {
            lines.append("  ✔ " + schoolLine(d, [.smallSchool, .staffing, .waste]))
        }
        for name in findings.notConfirmed {
            lines.append("  ✘ " + t(.summaryNotConfirmed, name))
        }
        lines.append("")
        lines.append(t(.summaryMissedHeading))
        for d in findings.understaffed {
            lines.append("  ✘ " + schoolLine(d, [.staffing, .normAssumption]))
        }
        for d in findings.unnamedWasteful {
            lines.append("  ✘ " + schoolLine(d, [.smallSchool, .staffing, .waste]))
        }
        let overSchools = county.count(.overstaffed)
        let underSchools = county.count(.understaffed)
        lines.append(
            "  · " + t(.summaryStaffBalance, Format.fixed(county.staffNeeded, digits: 1), county.staff, overSchools,
                Format.fixed(county.staffExcess, digits: 1), underSchools, Format.fixed(county.staffShortfall, digits: 1)))
        if !findings.landSurplus.isEmpty {
            let list = findings.landSurplus.map { "\($0.school.name) \(Format.fixed($0.landPerStudentM2 ?? 0, digits: 1)) m²" }
            let threshold = report.norms.norm(NormKey.landPerStudentHighM2)
            let thresholdText = threshold.map { "\(Format.number($0.value, digits: 1)) m²" } ?? "—"
            let isAssumption = threshold?.verification == .assumption
            lines.append(
                "  · "
                    + t(.summaryLandSurplus, list.joined(separator: language == .zh ? "、" : ", "), thresholdText,
                        isAssumption ? t(.labelAssumption) : t(.labelCountySetting)))
        }
        lines.append("")
        lines.append(t(.summaryGapsHeading))
        lines.append(contentsOf: gapLines().map { "  · " + $0 })
        if !scenarios.isEmpty {
            lines.append("")
            lines.append(t(.summaryScenariosHeading))
            for s in scenarios {
                let r = s.result
                lines.append(
                    "  #\(s.id) \(s.name)：" + t(.summaryScenarioLine, r.schoolsKept, r.schoolsClosed, Format.fixed(r.pupilsMoved, digits: 0),
                        Format.fixed(r.meanCost, digits: 2), Format.fixed(r.staffFreed, digits: 1)))
            }
            lines.append("  " + t(.summaryScenarioCompare, scenarios.map { String($0.id) }.joined(separator: ","), database))
        }
        lines.append("")
        lines.append(t(.summaryMore, database))
        return lines.joined(separator: "\n")
    }

    private func normLine() -> String {
        let engine = SchoolDiagnostics(norms: report.norms)
        let value = { (level: SchoolLevel) in engine.staffNorm(for: level).map { Format.number($0.studentsPerStaff, digits: 1) } ?? "—" }
        return t(.summaryNorms, value(.primary), value(.junior), value(.senior), value(.nineYear))
    }

    private func schoolLine(_ d: SchoolDiagnosis, _ topics: Set<ReasonTopic>) -> String {
        let parts = d.reasons(about: topics).map { $0.text(language) }
        let place = language == .zh ? "（\(d.townshipName)）：" : " (\(d.townshipName)): "
        return d.school.name + place
            + parts.joined(separator: language == .zh ? "" : " ")
    }

    private func gapLines() -> [String] {
        var gaps: [String] = []
        let notReported = completeness.filter { $0.schoolsReport == .notReported }.map(\.township.name)
        if !notReported.isEmpty { gaps.append(t(.gapSchoolsNotReported, notReported.joined(separator: "、"))) }
        let notMentioned = completeness.filter { $0.schoolsReport == nil && $0.township.status == .current }.map(\.township.name)
        if !notMentioned.isEmpty { gaps.append(t(.gapSchoolsNotMentioned, notMentioned.joined(separator: "、"))) }
        for s in report.schools where s.townshipName.isEmpty == false && report.townships.contains(where: {
            $0.township.status == .historical && $0.township.name == s.townshipName
        }) {
            gaps.append(t(.gapHistoricalTownship, s.school.name, s.townshipName))
        }
        let villages = completeness.reduce(0) { $0 + $1.villages }
        let noCode = completeness.reduce(0) { $0 + $1.villagesWithoutCode }
        let notReal = completeness.reduce(0) { $0 + $1.villagesWithoutRealPosition }
        let population = completeness.reduce(0) { $0 + $1.villagesWithPopulation }
        let urbanRural = completeness.reduce(0) { $0 + $1.villagesWithUrbanRuralClass }
        gaps.append(t(.gapVillageCodes, villages, noCode))
        gaps.append(t(.gapVillagePositions, villages, notReal))
        gaps.append(t(.gapVillagePopulation, villages, population, urbanRural))
        return gaps
    }
}
