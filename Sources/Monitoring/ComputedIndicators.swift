public import Analysis

/// Indicator values computed from the registers rather than entered.
public enum ComputedIndicators {
    /// Formula keys known to the system.
    public static let formulas = [
        "schools.share_meeting_staff_norm", "schools.small_count", "schools.students_per_staff",
        "schools.understaffed_count",
    ]

    /// The value of a formula over a group of diagnosed schools; nil when it cannot be computed.
    public static func value(_ formula: String, schools: [SchoolDiagnosis]) -> Double? {
        switch formula {
        case "schools.share_meeting_staff_norm":
            let judged = schools.filter { $0.staffSurplus != nil }
            guard !judged.isEmpty else { return nil }
            let meeting = judged.filter { !$0.has(.overstaffed) && !$0.has(.understaffed) }
            return 100 * Double(meeting.count) / Double(judged.count)
        case "schools.small_count":
            return schools.isEmpty ? nil : Double(schools.filter { $0.has(.smallSchool) }.count)
        case "schools.understaffed_count":
            return schools.isEmpty ? nil : Double(schools.filter { $0.has(.understaffed) }.count)
        case "schools.students_per_staff":
            return SchoolRollup(schools).studentsPerStaff
        default:
            return nil
        }
    }
}
