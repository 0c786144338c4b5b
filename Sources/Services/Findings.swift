public import Analysis
import Domain
import Foundation

/// What a county's plan itself concluded from its school table, stored with the register so the
/// diagnosis can be checked against it (the demo stores 交城's; another county may store its own).
public struct PlanFindings: Sendable, Codable {
    /// The metadata key it is stored under.
    static let metadataKey = "plan.findings"

    public var source: String
    public var quote: String
    /// The schools the plan names as wasting resources, as the table writes them.
    public var schoolsNamedAsWasteful: [String]

    public init(source: String, quote: String, schoolsNamedAsWasteful: [String]) {
        self.source = source
        self.quote = quote
        self.schoolsNamedAsWasteful = schoolsNamedAsWasteful
    }
}

/// The diagnosis set against what the plan itself concluded: what it confirms, and what the
/// plan did not say.
public struct Findings: Sendable {
    /// The plan's statement.
    public var plan: PlanFindings
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
    public init(report: SchoolDiagnosticsReport, plan: PlanFindings) {
        self.plan = plan
        let named = Set(plan.schoolsNamedAsWasteful)
        let confirmedSchools = report.schools.filter { named.contains($0.school.name) && $0.wastesResources }
        confirmed = confirmedSchools
        notConfirmed = plan.schoolsNamedAsWasteful.filter { name in !confirmedSchools.contains { $0.school.name == name } }
        unnamedWasteful = report.schools.filter { $0.wastesResources && !named.contains($0.school.name) }
        understaffed = report.schools.filter { $0.has(.understaffed) }
            .sorted { ($0.staffSurplus ?? 0) < ($1.staffSurplus ?? 0) }
        landSurplus = report.schools.filter { $0.has(.landSurplus) }
            .sorted { ($0.landPerStudentM2 ?? .infinity) > ($1.landPerStudentM2 ?? .infinity) }
        county = report.county
    }
}
