public import Analysis
public import Domain

/// Indicator values computed from the registers rather than entered.
public enum ComputedIndicators {
    /// Formula keys known to the system.
    public static let formulas = [
        "schools.share_meeting_staff_norm", "schools.small_count", "schools.students_per_staff",
        "schools.understaffed_count", "access.primary", "access.health-center",
    ]

    /// Formulas computed from the access report (`access.` and the service), not from schools.
    public static let accessPrefix = "access."

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

    /// The indicators every register has, computed from its school register. Names and sources
    /// are data stored with the register (a county may edit them), not interface text.
    public static let catalogue: [Indicator] = [
        Indicator(
            code: "SCH_STAFF_NORM_SHARE", nameZh: "教职工配备符合编制标准的学校占比",  // data
            nameEn: "Schools staffed within the norm", unit: "%", levels: [.county, .township],
            kind: .computed(formula: "schools.share_meeting_staff_norm"), source: "由学校名录与编制标准计算",  // data
            note: "县可设定目标"),  // data
        Indicator(
            code: "SCH_SMALL_COUNT", nameZh: "小规模学校数（不足100人）", nameEn: "Small schools (fewer than 100 students)",  // data
            unit: "所", levels: [.county, .township], direction: .lowerIsBetter, kind: .computed(formula: "schools.small_count"),  // data
            source: "由学校名录计算", note: "县可设定目标"),  // data
        Indicator(
            code: "SCH_UNDERSTAFFED_COUNT", nameZh: "缺编学校数", nameEn: "Understaffed schools", unit: "所",  // data
            levels: [.county, .township], direction: .lowerIsBetter, kind: .computed(formula: "schools.understaffed_count"),
            source: "由学校名录与编制标准计算", note: "县可设定目标"),  // data
        Indicator(
            code: "SCH_STUDENTS_PER_STAFF", nameZh: "平均生师比", nameEn: "Students per staff member", unit: "生/教职工",  // data
            levels: [.county, .township], kind: .computed(formula: "schools.students_per_staff"),
            source: "由学校名录计算", note: "县可设定目标；编制标准见 norms"),  // data
        Indicator(
            code: "ACC_PRIMARY_WALK_SHARE", nameZh: "步行 30 分钟内可达小学的人口占比",  // data
            nameEn: "People within a 30-minute walk of a primary school",
            unit: "%", levels: [.county, .township], kind: .computed(formula: "access.primary"),
            source: "由村庄人口、学校位置与路网计算（见 access report；无路网时按直线 × 1.3，示意位置或示意路网时为示意）",  // data
            note: "1–3 年级单程步行 30 分钟（国办发〔2018〕27号）"),  // data
        Indicator(
            code: "ACC_HEALTH_15MIN_SHARE", nameZh: "15 分钟内可达乡镇卫生院的人口占比",  // data
            nameEn: "People within 15 minutes of a health centre",
            unit: "%", levels: [.county, .township], kind: .computed(formula: "access.health-center"),
            source: "由村庄人口、医疗机构位置与路网计算（见 access report；无路网时按直线 × 1.3 与 30 公里/小时）",  // data
            note: "15 分钟医疗服务圈"),  // data
    ]
}
