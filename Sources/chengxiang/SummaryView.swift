import Analysis
import Domain
import Localization
import Planning
import Services

/// The short report `demo` prints: roll-up, the plan's finding checked (when the register holds
/// the plan's findings), what the plan missed, the data gaps and the stored scenarios.
struct SummaryView {
    let report: SchoolDiagnosticsReport
    let profile: CountyProfile
    let findings: Findings?
    let completeness: [CompletenessRow]
    let scenarios: [Scenario]
    /// Where the school figures come from.
    let source: String
    let language: Language
    let database: String

    private func t(_ key: MessageKey, _ args: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: args).text(language)
    }

    private var views: DiagnosisViews { DiagnosisViews(report: report, language: language) }

    private var listSeparator: String { language == .zh ? "、" : ", " }

    func render() -> String {
        var lines: [String] = []
        let county = report.county
        lines.append(t(.summaryTitle, profile.name ?? "", county.schools, source))
        lines.append(normLine())
        lines.append("")
        lines.append(views.townshipTable())
        lines.append("")
        if let findings {
            lines.append(t(.summaryConfirmedHeading))
            lines.append("  " + t(.summaryPlanSays, findings.plan.quote))
            for d in findings.confirmed {
                lines.append("  ✔ " + schoolLine(d, [.smallSchool, .staffing, .waste, .township]))
            }
            for name in findings.notConfirmed {
                lines.append("  ✘ " + t(.summaryNotConfirmed, name))
            }
            lines.append("")
            lines.append(t(.summaryMissedHeading))
            for d in findings.understaffed {
                lines.append("  ✘ " + schoolLine(d, [.staffing, .normAssumption, .township]))
            }
            for d in findings.unnamedWasteful {
                lines.append("  ✘ " + schoolLine(d, [.smallSchool, .staffing, .waste, .township]))
            }
        }
        let overSchools = county.count(.overstaffed)
        let underSchools = county.count(.understaffed)
        lines.append(
            "  · "
                + t(
                    .summaryStaffBalance, Format.fixed(county.staffNeeded, digits: 1), county.staff, overSchools,
                    Format.fixed(county.staffExcess, digits: 1), underSchools, Format.fixed(county.staffShortfall, digits: 1)))
        let landSurplus = report.schools.filter { $0.has(.landSurplus) }
            .sorted { ($0.landPerStudentM2 ?? .infinity) > ($1.landPerStudentM2 ?? .infinity) }
        if !landSurplus.isEmpty {
            let list = landSurplus.map { "\($0.school.name) \(Format.fixed($0.landPerStudentM2 ?? 0, digits: 1)) m²" }
            let threshold = report.norms.norm(NormKey.landPerStudentHighM2)
            let thresholdText = threshold.map { "\(Format.number($0.value, digits: 1)) m²" } ?? "—"
            let isAssumption = threshold?.verification == .assumption
            lines.append(
                "  · "
                    + t(
                        .summaryLandSurplus, list.joined(separator: listSeparator), thresholdText,
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
                    "  #\(s.id) \(s.name)："
                        + t(
                            .summaryScenarioLine, r.schoolsKept, r.schoolsClosed, Format.fixed(r.pupilsMoved, digits: 0),
                            r.options.unit.quantity(r.meanCost, digits: 2).text(language), Format.fixed(r.staffFreed, digits: 1),
                            r.newSchoolsOpened))
                lines.append(contentsOf: s.notes.map { "      * " + $0.text(language) })
            }
            lines.append("  " + t(.summaryScenarioCompare, scenarios.map { String($0.id.rawValue) }.joined(separator: ","), database))
        }
        lines.append("")
        lines.append(t(.summaryMore, database))
        return lines.joined(separator: "\n")
    }

    private func normLine() -> String {
        let engine = SchoolDiagnostics(norms: report.norms)
        let value = { (level: SchoolLevel) in engine.staffNorm(for: level).map { Format.number($0.studentsPerStaff, digits: 1) } ?? "—" }
        return t(.summaryNorms, value(.primary), value(.junior), value(.senior), value(.nineYear), report.norms.nineYearSplitText)
    }

    private func schoolLine(_ d: SchoolDiagnosis, _ topics: Set<ReasonTopic>) -> String {
        let parts = d.reasons(about: topics).map { $0.text(language) }
        return t(.schoolInTownship, d.school.name, d.townshipName) + (language == .zh ? "：" : ": ")
            + parts.joined(separator: language == .zh ? "" : " ")
    }

    private func gapLines() -> [String] {
        var gaps: [String] = []
        let notReported = completeness.filter { $0.schoolsReport == .notReported }.map(\.township.name)
        if !notReported.isEmpty { gaps.append(t(.gapSchoolsNotReported, notReported.joined(separator: listSeparator))) }
        let notMentioned = completeness.filter { $0.schoolsReport == nil && $0.township.status == .current }.map(\.township.name)
        if !notMentioned.isEmpty { gaps.append(t(.gapSchoolsNotMentioned, notMentioned.joined(separator: listSeparator))) }
        for s in report.schools
        where report.townships.contains(where: { $0.township.status == .historical && $0.township.name == s.townshipName }) {
            gaps.append(t(.gapHistoricalTownship, s.school.name, s.townshipName))
        }
        let villages = completeness.reduce(0) { $0 + $1.villages }
        gaps.append(t(.gapVillageCodes, villages, completeness.reduce(0) { $0 + $1.villagesWithoutCode }))
        gaps.append(
            t(
                .gapVillagePositions, villages, completeness.reduce(0) { $0 + $1.villagesWithoutRealPosition },
                completeness.reduce(0) { $0 + $1.villagesIllustrative }, completeness.reduce(0) { $0 + $1.villagesApproximate }))
        gaps.append(
            t(
                .gapVillagePopulation, villages, completeness.reduce(0) { $0 + $1.villagesWithPopulation },
                completeness.reduce(0) { $0 + $1.villagesWithUrbanRuralClass }))
        return gaps
    }
}
