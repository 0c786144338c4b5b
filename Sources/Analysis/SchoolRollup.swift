import Domain

/// Totals of a group of diagnosed schools (a township, or the county).
public struct SchoolRollup: Sendable, Hashable {
    public var schools = 0
    public var students = 0
    public var staff = 0
    /// Staff the norms call for, summed over schools with a norm and both figures.
    public var staffNeeded = 0.0
    /// Staff minus staff needed over the same schools; negative is a deficit.
    public var staffSurplus = 0.0
    /// Deficits only (persons short, summed over understaffed schools), as a positive number.
    public var staffShortfall = 0.0
    /// Surpluses only (persons over, summed over overstaffed schools).
    public var staffExcess = 0.0
    public var landMu = 0.0
    /// Number of schools carrying each flag.
    public var flagCounts: [DiagnosticFlag: Int] = [:]
    /// Schools that are small and overstaffed.
    public var wastefulSchools = 0

    public init() {}

    /// Totals of the given diagnoses.
    public init(_ diagnoses: [SchoolDiagnosis]) {
        for d in diagnoses { add(d) }
    }

    /// Adds one school.
    public mutating func add(_ d: SchoolDiagnosis) {
        schools += 1
        // Imports refuse figures above `Limits`, but a register written by another tool may hold
        // anything: a sum saturates rather than traps.
        students = Self.saturatingSum(students, d.school.students ?? 0)
        staff = Self.saturatingSum(staff, d.school.staff ?? 0)
        landMu += d.school.landMu ?? 0
        if let needed = d.staffNeeded, let surplus = d.staffSurplus {
            staffNeeded += needed
            staffSurplus += surplus
            if d.has(.understaffed) { staffShortfall += -surplus }
            if d.has(.overstaffed) { staffExcess += surplus }
        }
        for flag in d.flags { flagCounts[flag, default: 0] += 1 }
        if d.wastesResources { wastefulSchools += 1 }
    }

    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Students per staff member over the group; nil with no staff.
    public var studentsPerStaff: Double? { staff > 0 ? Double(students) / Double(staff) : nil }

    /// How many schools carry a flag.
    public func count(_ flag: DiagnosticFlag) -> Int { flagCounts[flag] ?? 0 }
}
