public import Analysis
public import Domain
public import Foundation
public import Localization
public import Monitoring
public import Planning
public import Services

/// The JSON shapes shared by the CLI (`--format json`) and the web API, with stable field names.
/// Unknown values are written as `null`, never left out (see `Nullable`).
public enum Records {
    /// Encodes with sorted keys, pretty-printed, slashes unescaped. Every entry point refuses
    /// values that are not finite; one that reached the register another way is written as the
    /// text "Infinity" or "NaN" rather than failing the whole answer.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }

    static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
}

/// An optional field written as `null` when empty (the synthesized encoder would leave it out), so
/// a script sees every field of every record.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// One diagnosed school.
public struct SchoolDiagnosisRecord: Encodable, Sendable {
    public var id: Int64
    public var name: String
    public var township: String
    public var level: String
    public var levelCode: String
    @Nullable public var students: Int?
    @Nullable public var staff: Int?
    @Nullable public var landMu: Double?
    @Nullable public var classes: Int?
    @Nullable public var dataYear: Int?
    @Nullable public var source: String?
    @Nullable public var studentsPerStaff: Double?
    @Nullable public var staffNorm: Double?
    @Nullable public var staffNormBasis: String?
    @Nullable public var staffNeeded: Double?
    @Nullable public var staffSurplus: Double?
    @Nullable public var landPerStudentM2: Double?
    @Nullable public var studentsPerClass: Double?
    public var flags: [String]
    public var wastesResources: Bool
    public var reasons: [String]
    public var reasonsEn: [String]
    /// The adopted scenario that marks the school 拟撤并, when one does.
    @Nullable public var plannedClosureScenario: Int64?
    /// Whether that scenario closes the whole school (false: one stage of it).
    @Nullable public var plannedClosureWhole: Bool?

    public init(_ d: SchoolDiagnosis) {
        plannedClosureScenario = d.plannedClosure?.scenarioID
        plannedClosureWhole = d.plannedClosure?.wholeSchool
        id = d.school.id.rawValue
        name = d.school.name
        township = d.townshipName
        level = d.school.level.label.zh
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
        /// True when the year is the system's reading of the plan, not the plan's words.
        public var yearAssumed: Bool
        /// The target as shown, with the assumption said: "100.0%（2025，规划期末，假设）".
        public var text: String
        public var textEn: String
    }

    public var code: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var area: String
    public var areaID: Int64
    @Nullable public var latest: Latest?
    @Nullable public var undatedValue: Double?
    @Nullable public var target: Target?
    @Nullable public var expected: Double?
    @Nullable public var expectedAtLatest: Double?
    public var status: String
    public var reason: String
    public var reasonEn: String
    /// Notes that qualify the figures (an assumed denominator), in Chinese and English.
    public var notes: [String]
    public var notesEn: [String]

    public init(_ s: IndicatorStatus, catalogue: [Indicator]) {
        code = s.indicator.code
        name = s.indicator.nameZh
        nameEn = s.indicator.nameEn
        unit = s.indicator.unit
        area = s.areaName
        areaID = s.areaID.rawValue
        latest = s.latest.map { Latest(value: $0.value, period: $0.period.description) }
        undatedValue = s.undatedValue
        target = s.target.map {
            let text = s.indicator.targetText($0)
            return Target(value: $0.value, year: $0.year, yearAssumed: $0.yearAssumed, text: text.zh, textEn: text.en)
        }
        expected = Records.rounded(s.expectedNow)
        expectedAtLatest = Records.rounded(s.expectedAtLatest)
        status = s.status.rawValue
        reason = s.reason.zh
        reasonEn = s.reason.en
        let notes = s.indicator.denominatorNote(in: catalogue).map { [$0] } ?? []
        self.notes = notes.map(\.zh)
        notesEn = notes.map(\.en)
    }
}

/// One task of the checklist.
public struct TaskRecord: Encodable, Sendable {
    public var code: String
    public var name: String
    @Nullable public var ownerUnit: String?
    @Nullable public var start: String?
    @Nullable public var deadline: String?
    public var deadlineAssumed: Bool
    public var status: String
    @Nullable public var percentComplete: Double?
    @Nullable public var evidence: String?
    public var indicators: [String]
    /// noDeadline, done, notDue, overdue, or pastDeadlineProgressUnknown.
    public var deadlineState: String
    /// True only when the deadline has passed and the task, reported on, is not done.
    public var overdue: Bool
    public var source: String

    public init(_ t: PlanTask, now: FractionalYear) {
        code = t.code
        name = t.name
        ownerUnit = t.ownerUnit
        start = t.start?.description
        deadline = t.deadline?.description
        deadlineAssumed = t.deadlineAssumed
        status = t.status.rawValue
        percentComplete = t.percentComplete
        evidence = t.evidence
        indicators = t.indicatorCodes
        let state = t.deadlineState(now: now)
        deadlineState = state.rawValue
        overdue = state == .overdue
        source = t.source
    }
}

/// One division of the register.
public struct DivisionRecord: Encodable, Sendable {
    public var id: Int64
    @Nullable public var code: String?
    public var name: String
    public var kind: String
    @Nullable public var parentID: Int64?
    public var status: String
    @Nullable public var successorCode: String?
    public var successorInferred: Bool
    @Nullable public var longitude: Double?
    @Nullable public var latitude: Double?
    public var locationQuality: String
    @Nullable public var locationSource: String?
    @Nullable public var population: Int?
    @Nullable public var households: Int?
    @Nullable public var urbanRuralClass: Int?
    @Nullable public var note: String?

    public init(_ d: Stored<Division>) {
        id = d.id.rawValue
        code = d.code?.rawValue
        name = d.name
        kind = d.kind.rawValue
        parentID = d.parentID?.rawValue
        status = d.status.rawValue
        successorCode = d.successorCode?.rawValue
        successorInferred = d.successorInferred
        longitude = d.location?.longitudeDegrees
        latitude = d.location?.latitudeDegrees
        locationQuality = d.locationQuality.rawValue
        locationSource = d.locationSource
        population = d.population
        households = d.households
        urbanRuralClass = d.urbanRuralClass
        note = d.note
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
        @Nullable public var reportStatus: String?

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
    }

    public var county: Rollup
    public var townships: [Rollup]
    public var schools: [SchoolDiagnosisRecord]

    public init(_ report: SchoolDiagnosticsReport) {
        county = Rollup(name: L10n.message(.labelCountyTotal).zh, report.county, reportStatus: nil)
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
    /// Merged units counted here by an inferred merger.
    public var inferredPredecessors: [String]

    public init(_ r: CompletenessRow) {
        township = r.township.name
        villages = r.villages
        villagesWithoutCode = r.villagesWithoutCode
        villagesWithoutRealPosition = r.villagesWithoutRealPosition
        villagesWithPopulation = r.villagesWithPopulation
        villagesWithUrbanRuralClass = r.villagesWithUrbanRuralClass
        seatPositionQuality = r.seatPositionQuality.rawValue
        schoolsReport = r.schoolsReport?.rawValue ?? "not_mentioned"
        inferredPredecessors = r.inferredPredecessors
    }
}

/// One indicator's definition.
public struct IndicatorRecord: Encodable, Sendable {
    public struct Target: Encodable, Sendable {
        public var value: Double
        public var year: Int
        public var yearAssumed: Bool
        @Nullable public var areaID: Int64?
        @Nullable public var statement: String?
    }

    public var code: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var levels: [String]
    public var direction: String
    public var kind: String
    public var denominatorAssumed: Bool
    @Nullable public var baselineValue: Double?
    @Nullable public var baselineYear: Int?
    public var targets: [Target]
    public var source: String
    @Nullable public var note: String?

    public init(_ i: Indicator) {
        code = i.code
        name = i.nameZh
        nameEn = i.nameEn
        unit = i.unit
        levels = i.levels.map { "\($0)" }
        direction = i.direction.rawValue
        kind = i.kind.storedText
        denominatorAssumed = i.denominatorAssumed
        baselineValue = i.baselineValue
        baselineYear = i.baselineYear
        targets = i.targets.map {
            Target(value: $0.value, year: $0.year, yearAssumed: $0.yearAssumed, areaID: $0.areaID?.rawValue, statement: $0.statement)
        }
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
            Warning(
                code: $0.observation.indicatorCode, period: $0.observation.period.description, messageZh: $0.message.zh,
                messageEn: $0.message.en)
        }
    }
}

/// A stored scenario: its id, name, the whole result (options included) and its notes.
public struct ScenarioRecord: Encodable, Sendable {
    public var id: Int64
    public var name: String
    public var createdAt: String
    public var result: ConsolidationResult

    public init(_ s: Scenario) {
        id = s.id.rawValue
        name = s.name
        createdAt = s.createdAt
        result = s.result
    }
}

/// Scenarios side by side, with each scenario's notes.
public struct ScenarioComparisonRecord: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var label: String
        public var labelEn: String
        public var values: [String]
        public var valuesEn: [String]
    }

    public var scenarios: [ScenarioRecord]
    public var rows: [Row]

    public init(_ scenarios: [Scenario]) {
        self.scenarios = scenarios.map(ScenarioRecord.init)
        rows = ScenarioComparison.rows(scenarios).map {
            Row(label: $0.label.zh, labelEn: $0.label.en, values: $0.values.map(\.zh), valuesEn: $0.values.map(\.en))
        }
    }
}

/// One issue of refused data, for the API.
public struct IssueRecord: Encodable, Sendable {
    public var severity: String
    public var file: String
    @Nullable public var row: Int?
    @Nullable public var column: Int?
    @Nullable public var columnName: String?
    public var messageZh: String
    public var messageEn: String

    public init(_ i: ImportIssue) {
        severity = i.severity.rawValue
        file = i.file
        row = i.row
        column = i.column
        columnName = i.columnName
        messageZh = i.message.zh
        messageEn = i.message.en
    }
}

/// What checking or committing a file found, for the API.
public struct ImportCheckRecord: Encodable, Sendable {
    public var token: String
    public var kind: String
    public var fileName: String
    public var valid: Bool
    @Nullable public var rowsRead: Int?
    public var notReported: [String]
    /// The issues listed: at most 200, then one counting the rest.
    public var issues: [IssueRecord]
    /// Blocking issues found, listed or not.
    public var errorCount: Int

    public init(token: String, _ check: ImportCheck) {
        self.token = token
        kind = check.kind.rawValue
        fileName = check.fileName
        valid = check.isValid
        rowsRead = check.rowsRead
        notReported = check.notReported
        issues = check.issues.map(IssueRecord.init)
        errorCount = check.errorCount
    }
}

/// One user as an administrator sees it (never the password hash).
public struct UserRecord: Encodable, Sendable {
    public var name: String
    public var role: String
    @Nullable public var bureau: String?
    @Nullable public var township: String?
    public var disabled: Bool

    public init(_ account: Stored<Account>, register: DivisionRegister) {
        name = account.name
        role = account.role.rawValue
        bureau = account.bureau?.rawValue
        township = account.townshipID.flatMap { register.division(id: $0)?.name }
        disabled = account.disabled
    }
}
