public import Domain
import Localization

/// Diagnoses schools against the staffing, size and land norms (REQUIREMENTS R3, first part).
///
/// - Staffing: students per staff member against the norm for the level; a 小初一体 school
///   blends the primary and junior norms by its pupils' split, assumed 6:3 (grades 1–6 vs 7–9)
///   when unknown — `staffNeeded = students·s/primary + students·(1−s)/junior`.
/// - Surplus or deficit in persons is flagged when it reaches the tolerance (1 person).
/// - Small school: fewer than 100 students. Land per student in m² against the county threshold.
/// - A small school with surplus staff "wastes resources", the seed's own finding.
public struct SchoolDiagnostics: Sendable {
    public let norms: NormBook

    public init(norms: NormBook) {
        self.norms = norms
    }

    /// The staffing norm for a level, or nil where the county has set none (e.g. 幼儿园).
    public func staffNorm(for level: SchoolLevel) -> StaffNorm? {
        switch level {
        case .primary: single(NormKey.staffRatioPrimary, level)
        case .junior: single(NormKey.staffRatioJunior, level)
        case .senior: single(NormKey.staffRatioSenior, level)
        case .kindergarten: single(NormKey.staffRatioKindergarten, level)
        case .nineYear:
            blendedNineYearNorm()
        }
    }

    private func single(_ key: String, _ level: SchoolLevel) -> StaffNorm? {
        guard let value = norms.value(key), value > 0 else { return nil }
        return StaffNorm(studentsPerStaff: value, basis: level.label, assumption: nil)
    }

    private func blendedNineYearNorm() -> StaffNorm? {
        guard let primary = norms.value(NormKey.staffRatioPrimary), let junior = norms.value(NormKey.staffRatioJunior),
            primary > 0, junior > 0
        else { return nil }
        let share = min(1, max(0, norms.value(NormKey.nineYearPrimaryShare) ?? 6.0 / 9.0))
        let blended = 1 / (share / primary + (1 - share) / junior)
        let split = norms.nineYearSplitText
        let assumption = L10n.message(.reasonNineYearAssumption, split, Format.number(blended, digits: 1))
        return StaffNorm(
            studentsPerStaff: blended, basis: L10n.message(.normBlendedBasis), assumption: assumption)
    }

    /// Diagnoses one school. `townshipIsHistorical` marks a school whose township was merged
    /// away with no known successor (the seed's （会立）); `inferredFrom` names the township the
    /// school was filed under when it is counted under `townshipName` by an inferred merger.
    public func diagnose(
        _ school: Stored<School>, townshipName: String, townshipIsHistorical: Bool = false, inferredFrom: String? = nil
    ) -> SchoolDiagnosis {
        var flags: [DiagnosticFlag] = []
        var reasons: [DiagnosticReason] = []
        let norm = staffNorm(for: school.level)
        var ratio: Double?
        var needed: Double?
        var surplus: Double?
        var landPerStudent: Double?
        var perClass: Double?

        if let students = school.students, let threshold = norms.value(NormKey.smallSchoolStudents),
            Double(students) < threshold
        {
            flags.append(.smallSchool)
            reasons.append(DiagnosticReason(.smallSchool, L10n.message(.reasonSmallSchool, students, Format.number(threshold, digits: 0))))
        }

        if let students = school.students, let staff = school.staff {
            if staff > 0 { ratio = Double(students) / Double(staff) }
            if let norm {
                needed = Double(students) / norm.studentsPerStaff
                surplus = Double(staff) - needed!
                let tolerance = norms.value(NormKey.staffTolerancePersons) ?? 1
                func arguments(_ basis: String) -> [any CustomStringConvertible] {
                    [
                        ratio.map { Format.fixed($0, digits: 1) } ?? "—", basis,
                        Format.number(norm.studentsPerStaff, digits: 1), Format.number(needed!, digits: 1), staff,
                        Format.number(abs(surplus!), digits: 1),
                    ]
                }
                let key: MessageKey
                if surplus! >= tolerance {
                    flags.append(.overstaffed)
                    key = .reasonOverstaffed
                } else if -surplus! >= tolerance {
                    flags.append(.understaffed)
                    key = .reasonUnderstaffed
                } else {
                    key = .reasonWithinNorm
                }
                reasons.append(DiagnosticReason(.staffing, L10n.message(key, zh: arguments(norm.basis.zh), en: arguments(norm.basis.en))))
                if let assumption = norm.assumption { reasons.append(DiagnosticReason(.normAssumption, assumption)) }
            } else {
                reasons.append(
                    DiagnosticReason(.staffing, L10n.message(.reasonNoNorm, zh: [school.level.label.zh], en: [school.level.label.en])))
            }
        }

        if let students = school.students, let land = school.landMu, let threshold = norms.value(NormKey.landPerStudentHighM2) {
            if students > 0 {
                landPerStudent = land * AreaUnits.squareMetresPerMu / Double(students)
            }
            if land > 0 && (landPerStudent ?? .infinity) > threshold {
                flags.append(.landSurplus)
                let isAssumption = norms.norm(NormKey.landPerStudentHighM2)?.verification == .assumption
                let perStudent = landPerStudent.map { Format.number($0, digits: 1) } ?? "∞"
                let thresholdText = Format.number(threshold, digits: 0)
                reasons.append(
                    DiagnosticReason(
                        .land,
                        L10n.message(
                            .reasonLandSurplus,
                            zh: [perStudent, thresholdText, L10n.text(isAssumption ? .labelAssumption : .labelCountySetting, .zh)],
                            en: [perStudent, thresholdText, L10n.text(isAssumption ? .labelAssumption : .labelCountySetting, .en)])))
            }
        } else if let students = school.students, let land = school.landMu, students > 0 {
            landPerStudent = land * AreaUnits.squareMetresPerMu / Double(students)
        }

        if let students = school.students, let classes = school.classes, classes > 0 {
            perClass = Double(students) / Double(classes)
            if let limit = classSizeLimit(school.level), perClass! > limit {
                let average = Format.number(perClass!, digits: 1)
                let limitText = Format.number(limit, digits: 0)
                reasons.append(
                    DiagnosticReason(
                        .classSize,
                        L10n.message(
                            .reasonClassSize, zh: [average, school.level.label.zh, limitText],
                            en: [average, school.level.rawValue, limitText])))
            }
        }

        let missing: [Localized] = [
            school.students == nil ? L10n.message(.fieldStudents) : nil, school.staff == nil ? L10n.message(.fieldStaff) : nil,
            school.landMu == nil ? L10n.message(.fieldLand) : nil,
        ].compactMap { $0 }
        if !missing.isEmpty {
            flags.append(.missingData)
            reasons.append(DiagnosticReason(.missingData, Self.missingMessage(missing)))
        }
        let waste = flags.contains(.smallSchool) && flags.contains(.overstaffed)
        if waste { reasons.append(DiagnosticReason(.waste, L10n.message(.reasonWaste))) }
        if townshipIsHistorical { reasons.append(DiagnosticReason(.township, L10n.message(.reasonHistoricalTownship, townshipName))) }
        if let inferredFrom {
            reasons.append(DiagnosticReason(.township, L10n.message(.reasonInferredTownship, inferredFrom, townshipName)))
        }

        return SchoolDiagnosis(
            school: school, townshipName: townshipName, staffNorm: norm, studentsPerStaff: ratio, staffNeeded: needed,
            staffSurplus: surplus, landPerStudentM2: landPerStudent, studentsPerClass: perClass, flags: flags,
            reasons: reasons, wastesResources: waste)
    }

    /// The class-size limit (now) for a level; nine-year schools blend primary and junior.
    public func classSizeLimit(_ level: SchoolLevel) -> Double? {
        let primary = norms.value(NormKey.classSizePrimary)
        let junior = norms.value(NormKey.classSizeJunior)
        switch level {
        case .primary: return primary
        case .junior: return junior
        case .nineYear:
            guard let primary, let junior else { return nil }
            let share = norms.value(NormKey.nineYearPrimaryShare) ?? 6.0 / 9.0
            return share * primary + (1 - share) * junior
        case .kindergarten, .senior: return nil
        }
    }

    private static func missingMessage(_ fields: [Localized]) -> Localized {
        L10n.message(
            .reasonMissingData, zh: [fields.map(\.zh).joined(separator: "、")], en: [fields.map(\.en).joined(separator: ", ")])
    }
}
