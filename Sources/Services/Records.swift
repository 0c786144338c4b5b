public import Analysis
public import Domain
public import Foundation
public import Monitoring
public import Planning

/// The JSON shapes shared by the CLI (`--format json`) and the web API, with stable field names.
/// Unknown values are written as `null`, never left out.
public enum Records {
    /// Encodes with sorted keys, pretty-printed, slashes unescaped.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
}

/// One diagnosed school.
public struct SchoolDiagnosisRecord: Encodable, Sendable {
    public var id: Int64?
    public var name: String
    public var township: String
    public var level: String
    public var levelCode: String
    public var students: Int?
    public var staff: Int?
    public var landMu: Double?
    public var classes: Int?
    public var dataYear: Int?
    public var source: String?
    public var studentsPerStaff: Double?
    public var staffNorm: Double?
    public var staffNormBasis: String?
    public var staffNeeded: Double?
    public var staffSurplus: Double?
    public var landPerStudentM2: Double?
    public var studentsPerClass: Double?
    public var flags: [String]
    public var wastesResources: Bool
    public var reasons: [String]
    public var reasonsEn: [String]

    public init(_ d: SchoolDiagnosis) {
        id = d.school.id
        name = d.school.name
        township = d.townshipName
        level = d.school.level.chineseName
        levelCode = d.school.level.rawValue
        students = d.school.students
        staff = d.school.staff
        landMu = d.school.landMu
        classes = d.school.classes
        dataYear = d.school.dataYear
        source = d.school.source
        studentsPerStaff = Records.rounded(d.studentsPerStaff)
        staffNorm = Records.rounded(d.staffNorm?.studentsPerStaff)
        staffNormBasis = d.staffNorm?.basis.zh
        staffNeeded = Records.rounded(d.staffNeeded)
        staffSurplus = Records.rounded(d.staffSurplus)
        landPerStudentM2 = Records.rounded(d.landPerStudentM2)
        studentsPerClass = Records.rounded(d.studentsPerClass)
        flags = d.flags.map(\.rawValue)
        wastesResources = d.wastesResources
        reasons = d.reasons.map(\.text.zh)
        reasonsEn = d.reasons.map(\.text.en)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, township, level, levelCode, students, staff, landMu, classes, dataYear, source
        case studentsPerStaff, staffNorm, staffNormBasis, staffNeeded, staffSurplus, landPerStudentM2
        case studentsPerClass, flags, wastesResources, reasons, reasonsEn
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(level, forKey: .level)
        try c.encode(levelCode, forKey: .levelCode)
        try c.encode(students, forKey: .students)
        try c.encode(staff, forKey: .staff)
        try c.encode(landMu, forKey: .landMu)
        try c.encode(classes, forKey: .classes)
        try c.encode(dataYear, forKey: .dataYear)
        try c.encode(source, forKey: .source)
        try c.encode(studentsPerStaff, forKey: .studentsPerStaff)
        try c.encode(staffNorm, forKey: .staffNorm)
        try c.encode(staffNormBasis, forKey: .staffNormBasis)
        try c.encode(staffNeeded, forKey: .staffNeeded)
        try c.encode(staffSurplus, forKey: .staffSurplus)
        try c.encode(landPerStudentM2, forKey: .landPerStudentM2)
        try c.encode(studentsPerClass, forKey: .studentsPerClass)
        try c.encode(flags, forKey: .flags)
        try c.encode(wastesResources, forKey: .wastesResources)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(reasonsEn, forKey: .reasonsEn)
    }
}

/// The status of one indicator in one area.
public struct IndicatorStatusRecord: Encodable, Sendable {
    public struct Latest: Encodable, Sendable {
        public var value: Double
        public var period: String
    }

    public struct Target: Encodable, Sendable {
        public var value: Double
        public var year: Int
    }

    public var code: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var area: String
    public var areaID: Int64
    public var latest: Latest?
    public var target: Target?
    public var expected: Double?
    public var expectedAtLatest: Double?
    public var status: String
    public var reason: String
    public var reasonEn: String

    public init(_ s: IndicatorStatus) {
        code = s.indicator.code
        name = s.indicator.nameZh
        nameEn = s.indicator.nameEn
        unit = s.indicator.unit
        area = s.areaName
        areaID = s.areaID
        latest = s.latest.map { Latest(value: $0.value, period: $0.period.description) }
        target = s.target.map { Target(value: $0.value, year: $0.year) }
        expected = Records.rounded(s.expectedNow)
        expectedAtLatest = Records.rounded(s.expectedAtLatest)
        status = s.status.rawValue
        reason = s.reason.zh
        reasonEn = s.reason.en
    }

    enum CodingKeys: String, CodingKey {
        case code, name, nameEn, unit, area, areaID, latest, target, expected, expectedAtLatest, status, reason, reasonEn
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(unit, forKey: .unit)
        try c.encode(area, forKey: .area)
        try c.encode(areaID, forKey: .areaID)
        try c.encode(latest, forKey: .latest)
        try c.encode(target, forKey: .target)
        try c.encode(expected, forKey: .expected)
        try c.encode(expectedAtLatest, forKey: .expectedAtLatest)
        try c.encode(status, forKey: .status)
        try c.encode(reason, forKey: .reason)
        try c.encode(reasonEn, forKey: .reasonEn)
    }
}

/// One task of the checklist.
public struct TaskRecord: Encodable, Sendable {
    public var code: String
    public var name: String
    public var ownerUnit: String?
    public var start: String?
    public var deadline: String?
    public var status: String
    public var percentComplete: Double?
    public var evidence: String?
    public var indicators: [String]
    public var overdue: Bool
    public var source: String

    public init(_ t: PlanTask, now: Double) {
        code = t.code
        name = t.name
        ownerUnit = t.ownerUnit
        start = t.start
        deadline = t.deadline
        status = t.status.rawValue
        percentComplete = t.percentComplete
        evidence = t.evidence
        indicators = t.indicatorCodes
        overdue = t.isOverdue(now: now)
        source = t.source
    }

    enum CodingKeys: String, CodingKey {
        case code, name, ownerUnit, start, deadline, status, percentComplete, evidence, indicators, overdue, source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(ownerUnit, forKey: .ownerUnit)
        try c.encode(start, forKey: .start)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(status, forKey: .status)
        try c.encode(percentComplete, forKey: .percentComplete)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(source, forKey: .source)
    }
}

/// One division of the register.
public struct DivisionRecord: Encodable, Sendable {
    public var id: Int64?
    public var code: String?
    public var name: String
    public var kind: String
    public var parentID: Int64?
    public var status: String
    public var successorCode: String?
    public var longitude: Double?
    public var latitude: Double?
    public var locationQuality: String
    public var locationSource: String?
    public var population: Int?
    public var households: Int?
    public var urbanRuralClass: Int?
    public var note: String?

    public init(_ d: Division) {
        id = d.id
        code = d.code?.rawValue
        name = d.name
        kind = d.kind.rawValue
        parentID = d.parentID
        status = d.status.rawValue
        successorCode = d.successorCode?.rawValue
        longitude = d.location?.longitudeDegrees
        latitude = d.location?.latitudeDegrees
        locationQuality = d.locationQuality.rawValue
        locationSource = d.locationSource
        population = d.population
        households = d.households
        urbanRuralClass = d.urbanRuralClass
        note = d.note
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, parentID, status, successorCode, longitude, latitude, locationQuality, locationSource
        case population, households, urbanRuralClass, note
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(parentID, forKey: .parentID)
        try c.encode(status, forKey: .status)
        try c.encode(successorCode, forKey: .successorCode)
        try c.encode(longitude, forKey: .longitude)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(locationQuality, forKey: .locationQuality)
        try c.encode(locationSource, forKey: .locationSource)
        try c.encode(population, forKey: .population)
        try c.encode(households, forKey: .households)
        try c.encode(urbanRuralClass, forKey: .urbanRuralClass)
        try c.encode(note, forKey: .note)
    }
}

/// The school diagnosis with township and county roll-ups.
public struct DiagnosticsRecord: Encodable, Sendable {
    /// Totals of a group of schools.
    public struct Rollup: Encodable, Sendable {
        public var name: String
        public var schools: Int
        public var students: Int
        public var staff: Int
        public var staffNeeded: Double
        public var staffExcess: Double
        public var staffShortfall: Double
        public var smallSchools: Int
        public var understaffedSchools: Int
        public var overstaffedSchools: Int
        /// reported, not_reported, or null when no import mentioned the township.
        public var reportStatus: String?

        init(name: String, _ r: SchoolRollup, reportStatus: ReportStatus?) {
            self.name = name
            schools = r.schools
            students = r.students
            staff = r.staff
            staffNeeded = Records.rounded(r.staffNeeded) ?? 0
            staffExcess = Records.rounded(r.staffExcess) ?? 0
            staffShortfall = Records.rounded(r.staffShortfall) ?? 0
            smallSchools = r.count(.smallSchool)
            understaffedSchools = r.count(.understaffed)
            overstaffedSchools = r.count(.overstaffed)
            self.reportStatus = reportStatus?.rawValue
        }

        enum CodingKeys: String, CodingKey {
            case name, schools, students, staff, staffNeeded, staffExcess, staffShortfall, smallSchools
            case understaffedSchools, overstaffedSchools, reportStatus
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(schools, forKey: .schools)
            try c.encode(students, forKey: .students)
            try c.encode(staff, forKey: .staff)
            try c.encode(staffNeeded, forKey: .staffNeeded)
            try c.encode(staffExcess, forKey: .staffExcess)
            try c.encode(staffShortfall, forKey: .staffShortfall)
            try c.encode(smallSchools, forKey: .smallSchools)
            try c.encode(understaffedSchools, forKey: .understaffedSchools)
            try c.encode(overstaffedSchools, forKey: .overstaffedSchools)
            try c.encode(reportStatus, forKey: .reportStatus)
        }
    }

    public var county: Rollup
    public var townships: [Rollup]
    public var schools: [SchoolDiagnosisRecord]

    public init(_ report: SchoolDiagnosticsReport) {
        county = Rollup(name: "全县", report.county, reportStatus: nil)
        townships = report.townships.map { Rollup(name: $0.township.name, $0.rollup, reportStatus: $0.reportStatus) }
        schools = report.schools.map(SchoolDiagnosisRecord.init)
    }
}

/// One township's data completeness.
public struct CompletenessRecord: Encodable, Sendable {
    public var township: String
    public var villages: Int
    public var villagesWithoutCode: Int
    public var villagesWithoutRealPosition: Int
    public var villagesWithPopulation: Int
    public var villagesWithUrbanRuralClass: Int
    public var seatPositionQuality: String
    public var schoolsReport: String

    public init(_ r: CompletenessRow) {
        township = r.township.name
        villages = r.villages
        villagesWithoutCode = r.villagesWithoutCode
        villagesWithoutRealPosition = r.villagesWithoutRealPosition
        villagesWithPopulation = r.villagesWithPopulation
        villagesWithUrbanRuralClass = r.villagesWithUrbanRuralClass
        seatPositionQuality = r.seatPositionQuality.rawValue
        schoolsReport = r.schoolsReport?.rawValue ?? "not_mentioned"
    }
}

/// One indicator's definition.
public struct IndicatorRecord: Encodable, Sendable {
    public struct Target: Encodable, Sendable {
        public var value: Double
        public var year: Int
        public var areaID: Int64?
        public var statement: String?
    }

    public var code: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var levels: [String]
    public var direction: String
    public var kind: String
    public var baselineValue: Double?
    public var baselineYear: Int?
    public var targets: [Target]
    public var source: String
    public var note: String?

    public init(_ i: Indicator) {
        code = i.code
        name = i.nameZh
        nameEn = i.nameEn
        unit = i.unit
        levels = i.levels.map { "\($0)" }
        direction = i.direction.rawValue
        kind = i.kind.storedText
        baselineValue = i.baselineValue
        baselineYear = i.baselineYear
        targets = i.targets.map { Target(value: $0.value, year: $0.year, areaID: $0.areaID, statement: $0.statement) }
        source = i.source
        note = i.note
    }
}

/// What recording observations did.
public struct RecordOutcomeRecord: Encodable, Sendable {
    public struct Warning: Encodable, Sendable {
        public var code: String
        public var period: String
        public var messageZh: String
        public var messageEn: String
    }

    public var inserted: Int
    public var replaced: Int
    public var warnings: [Warning]

    public init(_ o: RecordOutcome) {
        inserted = o.inserted
        replaced = o.replaced
        warnings = o.warnings.map {
            Warning(code: $0.observation.indicatorCode, period: $0.observation.period.description, messageZh: $0.message.zh, messageEn: $0.message.en)
        }
    }
}

/// A stored scenario: its id, name and the whole result (options included).
public struct ScenarioRecord: Encodable, Sendable {
    public var id: Int64
    public var name: String
    public var createdAt: String
    public var result: ConsolidationResult

    public init(_ s: Scenario) {
        id = s.id
        name = s.name
        createdAt = s.createdAt
        result = s.result
    }
}
