import Analysis
public import Domain
public import Foundation
import Interchange
import Localization
public import Monitoring
public import Store

/// What recording observations did.
public struct RecordOutcome: Sendable {
    public var inserted = 0
    /// Stored values of the same indicator, area and period that were replaced.
    public var replaced = 0
    /// Each replaced value: the observation as now stored and the value it had before.
    public var replacements: [(observation: Observation, previous: Double)] = []
    /// Warnings of the validation rules: listed, not blocking.
    public var warnings: [RuleViolation] = []
}

/// One observation as a person enters it (a form, a command line, an API body): text, checked
/// against the catalogue and the register before anything is written.
public struct ObservationEntry: Sendable, Decodable {
    public var code: String
    public var area: String
    public var period: String
    public var value: String
    public var source: String?
    public var note: String?

    public init(code: String, area: String, period: String, value: String, source: String? = nil, note: String? = nil) {
        self.code = code
        self.area = area
        self.period = period
        self.value = value
        self.source = source
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case code, area, period, value, source, note
    }

    /// Reads an API body; `value` may be a JSON number or text.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        area = try c.decode(String.self, forKey: .area)
        period = try c.decode(String.self, forKey: .period)
        if let number = try? c.decode(Double.self, forKey: .value) {
            value = number.description
        } else {
            value = try c.decode(String.self, forKey: .value)
        }
        source = try c.decodeIfPresent(String.self, forKey: .source)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// The monitoring use cases: the catalogue, observations with validation, statuses, tasks.
public struct MonitoringService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Every indicator with its targets.
    public func indicators() throws -> [Indicator] { try store.read { try $0.indicators() } }

    /// The task checklist, by code.
    public func tasks() throws -> [PlanTask] { try store.read { try $0.tasks() } }

    /// Adds the indicators, rules and tasks (a task table in CSV or XLSX) the register lacks;
    /// never overwrites a county's edits. Returns (indicators, tasks) added.
    @discardableResult
    public func installCatalogue(
        indicators catalogue: [Indicator], rules: [ValidationRule], tasks tasksFile: URL? = nil, by principal: Principal
    ) throws -> (indicators: Int, tasks: Int) {
        let codes = Set(try indicators().map(\.code)).union(catalogue.map(\.code))
        let tasks = try tasksFile.map { try TaskTableReader(indicatorCodes: codes).read(try TableSources.open($0)) } ?? []
        return try store.write(by: principal, .administration) { w in
            let present = Set(try w.reader.indicators().map(\.code))
            let missing = catalogue.filter { !present.contains($0.code) }
            for indicator in missing { try w.save(indicator) }
            let added = Set(missing.map(\.code))
            for rule in rules where added.contains(rule.indicatorCode) { try w.add(rule) }
            let presentTasks = Set(try w.reader.tasks().map(\.code))
            let newTasks = tasks.filter { !presentTasks.contains($0.code) }
            for task in newTasks { try w.save(task) }
            return (missing.count, newTasks.count)
        }
    }

    /// The status of every indicator in every area it is reported at.
    public func statuses(now: FractionalYear) throws -> [IndicatorStatus] {
        try store.derived("statuses \(now.value)") {
            let (register, indicators, stored) = try store.read { r in
                (try r.register(), try r.indicators(), try r.observations())
            }
            let computed = try computedValues(register: register, indicators: indicators)
            let evaluator = ProgressEvaluator(now: now)
            var result: [IndicatorStatus] = []
            for indicator in indicators {
                let observations: [Observation]
                switch indicator.kind {
                case .value: observations = stored.filter { $0.indicatorCode == indicator.code }
                case .ratio(let numerator, let denominator):
                    observations = Self.ratioObservations(indicator, numerator: numerator, denominator: denominator, stored)
                case .computed: observations = computed.dated.filter { $0.indicatorCode == indicator.code }
                }
                for area in areas(of: indicator, register: register, observations: observations) {
                    var status = evaluator.evaluate(
                        indicator, areaID: area.id, areaName: area.name, isCounty: area.kind.tier == .county,
                        observations: observations.filter { $0.areaID == area.id })
                    if let value = computed.undated[ComputedKey(code: indicator.code, area: area.id)] {
                        status.undatedValue = value
                        status.reason = L10n.message(.statusComputedYearUnknown, indicator.valueText(value))
                    }
                    result.append(status)
                }
            }
            return result
        }
    }

    /// The county for county-level indicators, every current township for township-level ones,
    /// and any village with data for village-level ones.
    func areas(of indicator: Indicator, register: DivisionRegister, observations: [Observation]) -> [Stored<Division>] {
        var areas: [Stored<Division>] = []
        if indicator.levels.contains(.county), let county = register.county { areas.append(county) }
        if indicator.levels.contains(.township) {
            areas += register.townships.filter { $0.status == .current }
        }
        if indicator.levels.contains(.village) {
            let ids = Set(observations.map(\.areaID))
            areas += register.divisions.filter { $0.kind.tier == .village && ids.contains($0.id) }
        }
        return areas
    }

    /// Numerator ÷ denominator for every area and period where both are recorded (× 100 for %).
    static func ratioObservations(_ indicator: Indicator, numerator: String, denominator: String, _ stored: [Observation]) -> [Observation]
    {
        let denominators = Dictionary(
            stored.filter { $0.indicatorCode == denominator }.map {
                (Observation.Key(indicatorCode: numerator, areaID: $0.areaID, period: $0.period), $0)
            },
            uniquingKeysWith: { a, _ in a })
        return stored.filter { $0.indicatorCode == numerator }.compactMap { n in
            guard let d = denominators[n.key], d.value > 0 else { return nil }
            return Observation(
                indicatorCode: indicator.code, areaID: n.areaID, period: n.period,
                value: n.value / d.value * (indicator.isPercent ? 100 : 1), source: "\(numerator) ÷ \(denominator)")
        }
    }

    struct ComputedKey: Hashable {
        var code: String
        var area: Division.ID
    }

    /// Values of the computed indicators from the school register, for the county and each
    /// current township. A value is dated by the data year of the schools it is computed from
    /// (the latest, when they differ); when no school states its year the value stays undated.
    func computedValues(register: DivisionRegister, indicators: [Indicator]) throws -> (
        dated: [Observation], undated: [ComputedKey: Double]
    ) {
        let formulas = indicators.compactMap { indicator -> (String, String)? in
            if case .computed(let formula) = indicator.kind { return (indicator.code, formula) }
            return nil
        }
        guard !formulas.isEmpty else { return ([], [:]) }
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        var groups: [(Division.ID, [SchoolDiagnosis])] = []
        if let county = register.county { groups.append((county.id, report.schools)) }
        for summary in report.townships where summary.township.status == .current {
            let schools = report.schools.filter { $0.townshipName == summary.township.name }
            if !schools.isEmpty { groups.append((summary.township.id, schools)) }
        }
        var dated: [Observation] = []
        var undated: [ComputedKey: Double] = [:]
        for (code, formula) in formulas where formula.hasPrefix(ComputedIndicators.accessPrefix) {
            // Shares within the norm from the access report: computed from the current register, undated.
            guard let service = AccessServiceKind(rawValue: String(formula.dropFirst(ComputedIndicators.accessPrefix.count))) else {
                continue
            }
            let access = try AccessService(store: store).report(service)
            if let county = register.county, let share = access.county.shareWithin {
                undated[ComputedKey(code: code, area: county.id)] = share * 100
            }
            for township in access.townships {
                guard let share = township.shareWithin, let id = register.townships(named: township.township).first?.id else { continue }
                undated[ComputedKey(code: code, area: id)] = share * 100
            }
        }
        for (code, formula) in formulas where !formula.hasPrefix(ComputedIndicators.accessPrefix) {
            for (areaID, schools) in groups {
                guard let value = ComputedIndicators.value(formula, schools: schools) else { continue }
                if let year = schools.compactMap(\.school.dataYear).max() {
                    let source = L10n.message(.computedSource, year).zh
                    dated.append(Observation(indicatorCode: code, areaID: areaID, period: .year(year), value: value, source: source))
                } else {
                    undated[ComputedKey(code: code, area: areaID)] = value
                }
            }
        }
        return (dated, undated)
    }

    /// A validator loaded with the stored rules and the register's county and townships.
    func validator(_ r: RegisterReader) throws -> ObservationValidator {
        let register = try r.register()
        return ObservationValidator(
            rules: try r.validationRules(), countyID: register.county?.id, townshipIDs: Set(register.townships.map(\.id)))
    }

    /// Records observations entered by a person: each entry is checked (indicator, area, period,
    /// value), then every validation rule; errors refuse the whole batch, warnings are returned.
    public func record(_ entries: [ObservationEntry], by principal: Principal, dryRun: Bool = false) throws -> RecordOutcome {
        guard !entries.isEmpty else {
            try principal.requireSomeWrite()
            throw UserError(.invalid, L10n.message(.noObservations))
        }
        let (register, indicators) = try store.read { (try $0.register(), try $0.indicators()) }
        let reader = ObservationTableReader(register: register, indicators: indicators)
        var issues = IssueList(file: "—")
        var observations: [Observation] = []
        for (index, e) in entries.enumerated() {
            do {
                observations.append(
                    try reader.single(
                        code: e.code, area: e.area, period: e.period, value: e.value,
                        source: e.source.flatMap { $0.isEmpty ? nil : $0 } ?? principal.auditName,
                        note: e.note))
            } catch let error as UserError {
                issues.append(
                    contentsOf: error.issues.map {
                        var i = $0
                        i.row = entries.count > 1 ? index + 1 : nil
                        return i
                    })
            }
        }
        var firstRow: [Observation.Key: Int] = [:]
        for (index, o) in observations.enumerated() {
            if let first = firstRow[o.key] {
                issues.append(ImportIssue(file: "—", row: index + 1, message: L10n.message(.duplicateObservation, first)))
            } else {
                firstRow[o.key] = index + 1
            }
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return try record(observations, by: principal, file: "—", rows: nil, dryRun: dryRun)
    }

    /// What recording observations needs: each indicator's bureau, in each observation's area.
    static func needs(_ observations: [Observation]) -> [WriteNeed] {
        var areas: [Bureau?: Set<Division.ID>] = [:]
        for o in observations { areas[Bureau.owner(ofCode: o.indicatorCode), default: []].insert(o.areaID) }
        return areas.map { WriteNeed.data($0.key, areas: $0.value) }
    }

    /// Records checked observations: rule errors refuse the whole batch (nothing written), warnings
    /// are returned. With `dryRun` nothing is written either way.
    func record(_ observations: [Observation], by principal: Principal, file: String, rows: [Int]?, dryRun: Bool) throws
        -> RecordOutcome
    {
        try store.write(by: principal, Self.needs(observations)) { w in
            let stored = try w.reader.observations()
            let violations = try validator(w.reader).violations(of: observations, stored: stored)
            let rowOf = Dictionary(zip(observations.map(\.key), rows ?? []), uniquingKeysWith: { a, _ in a })
            let issues = IssueList(
                file: file,
                violations.map { v in
                    ImportIssue(
                        file: file, row: rowOf[v.observation.key], columnName: v.observation.indicatorCode, message: v.message,
                        severity: v.isError ? .error : .warning)
                })
            if issues.hasErrors { throw UserError.rejected(issues) }
            var outcome = RecordOutcome(warnings: violations)
            if dryRun {
                let keys = Set(stored.map(\.key))
                for o in observations {
                    if keys.contains(o.key) { outcome.replaced += 1 } else { outcome.inserted += 1 }
                }
                return outcome
            }
            for o in observations {
                if let previous = try w.save(o) {
                    outcome.replaced += 1
                    outcome.replacements.append((o, previous))
                } else {
                    outcome.inserted += 1
                }
            }
            return outcome
        }
    }

    /// Imports observations from CSV/XLSX: every cell checked, then every rule; all or nothing.
    public func importObservations(from url: URL, sheet: String? = nil, by principal: Principal, dryRun: Bool = false) throws
        -> RecordOutcome
    {
        let (register, indicators) = try store.read { (try $0.register(), try $0.indicators()) }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try ObservationTableReader(register: register, indicators: indicators).read(source)
        return try record(rows.map(\.observation), by: principal, file: source.fileName, rows: rows.map(\.row), dryRun: dryRun)
    }

    /// Imports or updates tasks from CSV/XLSX; returns how many were (or would be) written.
    public func importTasks(from url: URL, sheet: String? = nil, by principal: Principal, dryRun: Bool = false) throws -> Int {
        let codes = Set(try indicators().map(\.code))
        let tasks = try TaskTableReader(indicatorCodes: codes).read(try TableSources.open(url, sheet: sheet))
        let needs = Set(tasks.map { WriteNeed.county(Bureau.owner(ofCode: $0.code)) })
        if dryRun {
            try store.authorize(principal, Array(needs))
            return tasks.count
        }
        try store.write(by: principal, Array(needs)) { w in
            for task in tasks { try w.save(task) }
        }
        return tasks.count
    }

    /// Sets a target (for one area, or the general one) or the baseline of an indicator (audited).
    public func setTarget(
        code: String, value: Double, year: Int, area: String?, baseline: Bool, yearAssumed: Bool = false, by principal: Principal
    ) throws {
        guard value.isFinite else { throw UserError(.invalid, L10n.message(.targetNeedsValue)) }
        guard PartialDate.years.contains(year) else { throw UserError(.invalid, L10n.message(.badYear, year)) }
        let areaID = try area.map { try RegisterService(store: store).area(named: $0).id }
        // A baseline is the indicator's, county-wide, whatever area is named.
        let need = WriteNeed.data(Bureau.owner(ofCode: code), areas: baseline ? [] : areaID.map { [$0] } ?? [])
        try store.write(by: principal, need) { w in
            guard var indicator = try w.reader.indicators().first(where: { $0.code == code }) else {
                throw UserError(.notFound, L10n.message(.unknownIndicator, code))
            }
            if baseline {
                indicator.baselineValue = value
                indicator.baselineYear = year
            } else {
                indicator.targets.removeAll { $0.areaID == areaID && $0.year == year }
                indicator.targets.append(IndicatorTarget(value: value, year: year, yearAssumed: yearAssumed, areaID: areaID))
            }
            try w.save(indicator)
        }
    }
}
