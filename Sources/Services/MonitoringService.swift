public import Analysis
public import Domain
public import Foundation
public import Interchange
public import Monitoring
public import Store

/// What recording observations did.
public struct RecordOutcome: Sendable {
    public var inserted = 0
    /// Stored values of the same indicator, area and period that were replaced.
    public var replaced = 0
    /// Warnings of the validation rules: listed, not blocking.
    public var warnings: [RuleViolation] = []
}

/// The monitoring use cases: the seed's catalogue, observations with validation, statuses, tasks.
public struct MonitoringService: Sendable {
    public let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Adds the seed's indicators, rules and tasks that the register lacks; never overwrites
    /// a county's edits. Returns (indicators, tasks) added.
    @discardableResult
    public func installSeedCatalogue(actor: String) throws -> (indicators: Int, tasks: Int) {
        let tasks = try TaskTableReader(indicatorCodes: Set(SeedCatalogue.indicators.map(\.code)))
            .read(CSVTableSource(url: DemoResources.file("seed_tasks.csv")))
        return try store.write(actor: actor) { w in
            let present = Set(try w.reader.indicators().map(\.code))
            let missing = SeedCatalogue.indicators.filter { !present.contains($0.code) }
            for indicator in missing { try w.save(indicator) }
            let added = Set(missing.map(\.code))
            for rule in SeedCatalogue.rules where added.contains(rule.indicatorCode) { try w.add(rule) }
            let presentTasks = Set(try w.reader.tasks().map(\.code))
            let newTasks = tasks.filter { !presentTasks.contains($0.code) }
            for task in newTasks { try w.save(task) }
            return (missing.count, newTasks.count)
        }
    }

    /// The status of every indicator in every area it is reported at, red first.
    public func statuses(now: Double) throws -> [IndicatorStatus] {
        let (register, indicators, stored) = try store.read { r in
            (try r.register(), try r.indicators(), try r.observations())
        }
        let computed = try computedObservations(register: register, indicators: indicators, now: now)
        let evaluator = ProgressEvaluator(now: now)
        var result: [IndicatorStatus] = []
        for indicator in indicators {
            let observations: [Observation]
            switch indicator.kind {
            case .value: observations = stored.filter { $0.indicatorCode == indicator.code }
            case .ratio(let numerator, let denominator):
                observations = Self.ratioObservations(indicator, numerator: numerator, denominator: denominator, stored)
            case .computed: observations = computed.filter { $0.indicatorCode == indicator.code }
            }
            for area in areas(of: indicator, register: register, observations: observations) {
                result.append(
                    evaluator.evaluate(
                        indicator, areaID: area.id!, areaName: area.name, isCounty: area.kind.tier == .county,
                        observations: observations.filter { $0.areaID == area.id }))
            }
        }
        return result
    }

    /// The county for county-level indicators, every current township for township-level ones,
    /// and any village with data for village-level ones.
    func areas(of indicator: Indicator, register: DivisionRegister, observations: [Observation]) -> [Division] {
        var areas: [Division] = []
        if indicator.levels.contains(.county), let county = register.county { areas.append(county) }
        if indicator.levels.contains(.township) {
            areas += register.townships.filter { $0.status == .current }
        }
        if indicator.levels.contains(.village) {
            let ids = Set(observations.map(\.areaID))
            areas += register.divisions.filter { $0.kind.tier == .village && ids.contains($0.id!) }
        }
        return areas
    }

    /// Numerator ÷ denominator for every area and period where both are recorded (× 100 for %).
    static func ratioObservations(_ indicator: Indicator, numerator: String, denominator: String, _ stored: [Observation]) -> [Observation] {
        let denominators = Dictionary(
            stored.filter { $0.indicatorCode == denominator }.map { ("\($0.areaID)|\($0.period)", $0) },
            uniquingKeysWith: { a, _ in a })
        return stored.filter { $0.indicatorCode == numerator }.compactMap { n in
            guard let d = denominators["\(n.areaID)|\(n.period)"], d.value > 0 else { return nil }
            return Observation(
                indicatorCode: indicator.code, areaID: n.areaID, period: n.period,
                value: n.value / d.value * (indicator.isPercent ? 100 : 1), source: "\(numerator) ÷ \(denominator)")
        }
    }

    /// Values of the computed indicators from the school register, for the county and each
    /// current township, dated the current year (the register as it stands).
    func computedObservations(register: DivisionRegister, indicators: [Indicator], now: Double) throws -> [Observation] {
        let formulas = indicators.compactMap { indicator -> (String, String)? in
            if case .computed(let formula) = indicator.kind { return (indicator.code, formula) }
            return nil
        }
        guard !formulas.isEmpty else { return [] }
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let period = Period.year(Int(now.rounded(.down)) + 1)
        var groups: [(Int64, [SchoolDiagnosis])] = []
        if let county = register.county { groups.append((county.id!, report.schools)) }
        for summary in report.townships where summary.township.status == .current {
            let schools = report.schools.filter { $0.townshipName == summary.township.name }
            if !schools.isEmpty { groups.append((summary.township.id!, schools)) }
        }
        return formulas.flatMap { code, formula in
            groups.compactMap { areaID, schools in
                ComputedIndicators.value(formula, schools: schools).map {
                    Observation(indicatorCode: code, areaID: areaID, period: period, value: $0, source: "学校名录计算")
                }
            }
        }
    }

    /// A validator loaded with the stored rules and the register's county and townships.
    func validator(_ r: RegisterReader) throws -> ObservationValidator {
        let register = try r.register()
        return ObservationValidator(
            rules: try r.validationRules(), countyID: register.county?.id,
            townshipIDs: Set(register.townships.compactMap(\.id)))
    }

    /// Records observations: rule errors refuse the whole batch (nothing written), warnings are
    /// returned. With `dryRun` nothing is written either way.
    public func record(_ observations: [Observation], actor: String, file: String = "—", rows: [Int]? = nil, dryRun: Bool = false) throws -> RecordOutcome {
        try store.write(actor: actor) { w in
            let violations = try validator(w.reader).violations(of: observations, stored: try w.reader.observations())
            let rowOf = Dictionary(zip(observations.map { "\($0.indicatorCode)|\($0.areaID)|\($0.period)" }, rows ?? []), uniquingKeysWith: { a, _ in a })
            let issues = violations.map { v in
                ImportIssue(
                    file: file, row: rowOf["\(v.observation.indicatorCode)|\(v.observation.areaID)|\(v.observation.period)"],
                    columnName: v.observation.indicatorCode, message: v.message, severity: v.isError ? .error : .warning)
            }
            if issues.contains(where: { $0.severity == .error }) { throw ImportRejected(issues: issues) }
            var outcome = RecordOutcome(warnings: violations)
            if dryRun {
                let stored = Set(try w.reader.observations().map { "\($0.indicatorCode)|\($0.areaID)|\($0.period)" })
                for o in observations {
                    if stored.contains("\(o.indicatorCode)|\(o.areaID)|\(o.period)") { outcome.replaced += 1 } else { outcome.inserted += 1 }
                }
                return outcome
            }
            for o in observations {
                if try w.save(o) { outcome.replaced += 1 } else { outcome.inserted += 1 }
            }
            return outcome
        }
    }

    /// Imports observations from CSV/XLSX: every cell checked, then every rule; all or nothing.
    public func importObservations(from url: URL, sheet: String? = nil, actor: String, dryRun: Bool = false) throws -> RecordOutcome {
        let (register, indicators) = try store.read { (try $0.register(), try $0.indicators()) }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try ObservationTableReader(register: register, indicators: indicators).read(source)
        return try record(rows.map(\.observation), actor: actor, file: source.fileName, rows: rows.map(\.row), dryRun: dryRun)
    }

    /// Imports or updates tasks from CSV/XLSX; returns how many were written.
    public func importTasks(from url: URL, sheet: String? = nil, actor: String) throws -> Int {
        let codes = Set(try store.read { try $0.indicators() }.map(\.code))
        let tasks = try TaskTableReader(indicatorCodes: codes).read(try TableSources.open(url, sheet: sheet))
        try store.write(actor: actor) { w in
            for task in tasks { try w.save(task) }
        }
        return tasks.count
    }
}
