public import Analysis

/// The diagnosis set against what the plan itself concluded: what it confirms, and what the
/// plan did not say.
public struct Findings: Sendable {
    /// The plan's statement.
    public var seed: SeedFindings
    /// Schools the plan named as wasteful that the diagnosis also finds wasteful.
    public var confirmed: [SchoolDiagnosis]
    /// Schools the plan named that the diagnosis does not find wasteful (or cannot find).
    public var notConfirmed: [String]
    /// Wasteful schools (small and overstaffed) the plan did not name.
    public var unnamedWasteful: [SchoolDiagnosis]
    /// Understaffed schools, largest deficit first — the plan names none.
    public var understaffed: [SchoolDiagnosis]
    /// Schools with land per student above the threshold, largest first.
    public var landSurplus: [SchoolDiagnosis]
    /// The county's staffing balance.
    public var county: SchoolRollup

    /// Compares a diagnosis with the plan's statement.
    public init(report: SchoolDiagnosticsReport, seed: SeedFindings) {
        self.seed = seed
        let named = Set(seed.schoolsNamedAsWasteful)
        let confirmedSchools = report.schools.filter { named.contains($0.school.name) && $0.wastesResources }
        confirmed = confirmedSchools
        notConfirmed = seed.schoolsNamedAsWasteful.filter { name in !confirmedSchools.contains { $0.school.name == name } }
        unnamedWasteful = report.schools.filter { $0.wastesResources && !named.contains($0.school.name) }
        understaffed = report.schools.filter { $0.has(.understaffed) }
            .sorted { ($0.staffSurplus ?? 0) < ($1.staffSurplus ?? 0) }
        landSurplus = report.schools.filter { $0.has(.landSurplus) }
            .sorted { ($0.landPerStudentM2 ?? .infinity) > ($1.landPerStudentM2 ?? .infinity) }
        county = report.county
    }
}
