/// How well a norm's value has been checked against its source (STANDARDS.md).
public enum NormVerification: String, Sendable, Codable, CaseIterable {
    /// Read in the source itself. [V]
    case verified
    /// Taken from a secondary source. [S]
    case secondary
    /// Not verified: shown as "assumption, please confirm". [U]
    case assumption
}

/// One editable norm (staff ratio, class size, threshold …) with the source beside it.
public struct Norm: Hashable, Sendable, Codable {
    /// Stable key, e.g. `staff_ratio.primary`.
    public var key: String
    public var value: Double
    /// Unit in Chinese, e.g. "人/教职工" or "m²/生".
    public var unit: String
    public var nameZh: String
    public var nameEn: String
    public var source: String
    public var verification: NormVerification
    public var note: String?

    public init(
        key: String, value: Double, unit: String, nameZh: String, nameEn: String, source: String,
        verification: NormVerification, note: String? = nil
    ) {
        self.key = key
        self.value = value
        self.unit = unit
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.source = source
        self.verification = verification
        self.note = note
    }
}

/// Keys of the norms the analyses read.
public enum NormKey {
    public static let staffRatioPrimary = "staff_ratio.primary"
    public static let staffRatioJunior = "staff_ratio.junior"
    public static let staffRatioSenior = "staff_ratio.senior"
    public static let staffRatioKindergarten = "staff_ratio.kindergarten"
    public static let nineYearPrimaryShare = "nine_year.primary_share"
    public static let classSizePrimary = "class_size.primary"
    public static let classSizeJunior = "class_size.junior"
    public static let smallSchoolStudents = "small_school.students"
    public static let landPerStudentHighM2 = "land_per_student.high_m2"
    public static let staffTolerancePersons = "staff.tolerance_persons"
    public static let walkMinutesGrades1to3 = "travel.walk_minutes_grades_1_3"
    public static let landCapacityM2PerPupil = "land.capacity_m2_per_pupil"
    public static let walkSpeedKmPerHour = "travel.walk_speed_kmh"
    /// Time by road to a junior school within which a village counts as served (assumption).
    public static let accessJuniorRoadMinutes = "access.junior_road_minutes"
    /// Walking time to a kindergarten within which a village counts as served (assumption).
    public static let accessKindergartenWalkMinutes = "access.kindergarten_walk_minutes"
    /// Time by road to a medical facility: the 15-minute medical-service circle.
    public static let accessMedicalMinutes = "access.medical_minutes"
}

/// The norms of `STANDARDS.md`, loaded into a new register; a county edits them afterwards.
public enum DefaultNorms {
    /// Every default norm with its source.
    public static let all: [Norm] = [
        Norm(
            key: NormKey.staffRatioPrimary, value: 19, unit: "生/教职工", nameZh: "小学生师比（编制标准）",  // data
            nameEn: "Primary students per staff member", source: "国办发〔2001〕74号 城市标准，2014年起城乡统一",  // data
            verification: .secondary),
        Norm(
            key: NormKey.staffRatioJunior, value: 13.5, unit: "生/教职工", nameZh: "初中生师比（编制标准）",  // data
            nameEn: "Junior-secondary students per staff member", source: "国办发〔2001〕74号 城市标准，2014年起城乡统一",  // data
            verification: .secondary),
        Norm(
            key: NormKey.staffRatioSenior, value: 12.5, unit: "生/教职工", nameZh: "高中生师比（编制标准）",  // data
            nameEn: "Senior-secondary students per staff member", source: "国办发〔2001〕74号 城市标准，2014年起城乡统一",  // data
            verification: .secondary),
        Norm(
            key: NormKey.nineYearPrimaryShare, value: 6.0 / 9.0, unit: "比例", nameZh: "小初一体学校小学段学生占比",  // data
            nameEn: "Share of primary pupils in a nine-year school", source: "假设：学段人数未知时按 1–6 年级 : 7–9 年级 = 6 : 3",  // data
            verification: .assumption,
            note: "用于混合小学与初中编制标准；学段人数已知时应以实际为准"),  // data
        Norm(
            key: NormKey.classSizePrimary, value: 45, unit: "人/班", nameZh: "小学班额上限（近期）",  // data
            nameEn: "Primary class size limit (now)", source: "建标109-2008《农村普通中小学校建设标准》§8；远期 40",  // data
            verification: .verified),
        Norm(
            key: NormKey.classSizeJunior, value: 50, unit: "人/班", nameZh: "初中班额上限（近期）",  // data
            nameEn: "Junior class size limit (now)", source: "建标109-2008《农村普通中小学校建设标准》§8；远期 45",  // data
            verification: .verified),
        Norm(
            key: NormKey.smallSchoolStudents, value: 100, unit: "人", nameZh: "小规模学校在校生上限",  // data
            nameEn: "Small school: fewer students than", source: "乡村小规模学校通行口径（不足100人）",  // data
            verification: .secondary),
        Norm(
            key: NormKey.landPerStudentHighM2, value: 100, unit: "m²/生", nameZh: "生均占地偏高阈值",  // data
            nameEn: "Land per student regarded as under-used above",
            source: "县级设定；未核实国家标准，默认值为假设，请确认", verification: .assumption),  // data
        Norm(
            key: NormKey.staffTolerancePersons, value: 1, unit: "人", nameZh: "超编/缺编判定容差",  // data
            nameEn: "Staff surplus or deficit tolerated before flagging", source: "本系统约定：偏差不足 1 人不报",  // data
            verification: .assumption),
        Norm(
            key: NormKey.landCapacityM2PerPupil, value: 25, unit: "m²/生", nameZh: "按用地估算容量的生均用地",  // data
            nameEn: "Land per pupil used to estimate capacity from land", source: "县级设定；未核实国家标准，默认值为假设，请确认",  // data
            verification: .assumption),
        Norm(
            key: NormKey.walkMinutesGrades1to3, value: 30, unit: "分钟", nameZh: "1–3 年级步行上学时间上限",  // data
            nameEn: "Walking time limit for grades 1–3", source: "国办发〔2018〕27号：原则上不寄宿，单程一般不超过30分钟",  // data
            verification: .secondary),
        Norm(
            key: NormKey.walkSpeedKmPerHour, value: 4, unit: "公里/小时", nameZh: "1–3 年级学生步行速度",  // data
            nameEn: "Walking speed of a pupil in grades 1–3", source: "本系统假设：儿童步行约 4 公里/小时，请县里确认",  // data
            verification: .assumption, note: "与单程时间上限相乘得步行距离上限（30 分钟 × 4 公里/小时 = 2 公里）"),  // data
        Norm(
            key: NormKey.accessJuniorRoadMinutes, value: 30, unit: "分钟", nameZh: "村到初中的路程时间（可达性标准）",  // data
            nameEn: "Time by road from a village to a junior school (access threshold)",
            source: "本系统假设：初中可寄宿，未见国家时间标准，取 30 分钟车程，请县里确认",  // data
            verification: .assumption),
        Norm(
            key: NormKey.accessKindergartenWalkMinutes, value: 15, unit: "分钟", nameZh: "村到幼儿园的步行时间（可达性标准）",  // data
            nameEn: "Walking time from a village to a kindergarten (access threshold)",
            source: "本系统假设：就近入园，未见农村幼儿园时间标准，取步行 15 分钟，请县里确认",  // data
            verification: .assumption),
        Norm(
            key: NormKey.accessMedicalMinutes, value: 15, unit: "分钟", nameZh: "15 分钟医疗服务圈（路程时间）",  // data
            nameEn: "15-minute medical-service circle (time by road)", source: "县域 15 分钟医疗服务圈（二手来源，未核对原文）",  // data
            verification: .secondary),
    ]

    /// A default norm by key.
    public static func norm(_ key: String) -> Norm? { all.first { $0.key == key } }

    /// A default norm's value by key; 0 for a key that has no default (a programming error the
    /// tests catch: every key the code reads has a default).
    public static func value(_ key: String) -> Double { norm(key)?.value ?? 0 }
}
