public import Analysis
public import Domain
import Foundation
public import Localization
import Monitoring
import Planning
public import Store

/// A computed school indicator now and under an adopted plan (county level).
public struct PlanIndicator: Sendable, Hashable {
    public var code: String
    public var name: Localized
    public var unit: String
    public var now: Double?
    public var underPlan: Double?

    /// Whether the indicator counts schools (shown without decimals).
    public var isCount: Bool { unit == "所" }  // data
}

/// What adopting a scenario decided.
public struct Adoption: Sendable {
    public var scenario: Scenario
    public var record: AdoptionRecord
    /// The 闲置校舍 assets it made.
    public var assets: [Stored<IdleAsset>]
    /// The closure tasks it made.
    public var tasks: [PlanTask]
    /// The computed school indicators now and under the plan.
    public var indicators: [PlanIndicator]
    /// The assumptions of the figures under the plan.
    public var notes: [Localized]

    /// The schools it marks 拟撤并.
    public var closedSchools: [School.ID] { record.closedSchools }
}

/// Turns a stored consolidation scenario into decisions (采纳方案) and back: each closed school is
/// marked 拟撤并, becomes a 闲置校舍 asset with its land, and gets a closure task; reverting
/// removes exactly what the adoption made. A school is never deleted.
public struct AdoptionService: Sendable {
    let store: RegisterStore
    /// Who adopts (the education bureau's county-level work).
    public let principal: Principal

    static let need = WriteNeed.county(.education)

    /// Adopts the scenario named by id or name; refuses one already adopted, a school another
    /// adopted scenario already closes, and a task code already taken. A school teaching only the
    /// scenario's stage closes whole and becomes a 闲置校舍 with its land; a school teaching more
    /// stages (九年一贯制) loses that stage only — its campus stays in use, so no idle asset.
    @discardableResult
    public func adopt(_ reference: String) throws -> Adoption {
        let scenario = try ScenarioService(store: store).find([reference])[0]
        let register = try store.read { try $0.register() }
        let schools = Dictionary(try store.read { try $0.schools() }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let source = "scenario:\(scenario.id.rawValue)"
        let stage = scenario.result.options.level
        let record = try store.write(by: principal, Self.need) { writer -> AdoptionRecord in
            let existing = try writer.reader.adoptions()
            if existing.contains(where: { $0.scenarioID == scenario.id.rawValue }) {
                throw UserError(.conflict, L10n.message(.scenarioAlreadyAdopted, scenario.name))
            }
            let taskCodes = Set(try writer.reader.tasks().map(\.code))
            let id = try writer.insertAdoption(scenarioID: scenario.id.rawValue, actor: principal.auditName)
            for site in scenario.result.closedSites {
                guard let schoolID = site.schoolID, let school = schools[schoolID] else { continue }
                if let other = existing.first(where: { $0.closedSchools.contains(schoolID) }) {
                    throw UserError(.conflict, L10n.message(.schoolAlreadyClosed, school.name, String(other.scenarioID)))
                }
                let code = "ADOPT-\(scenario.id.rawValue)-\(schoolID.rawValue)"
                if taskCodes.contains(code) { throw UserError(.conflict, L10n.message(.adoptionTaskExists, code)) }
                let whole = Self.closesWholeSchool(school.level, stage)
                try writer.markClosure(schoolID, adoptionID: id, wholeSchool: whole)
                if whole {
                    // The asset's own position is unknown: the map shows it at its village's, marked so.
                    try writer.insert(
                        IdleAsset(
                            kind: .schoolBuilding, name: L10n.message(.adoptedAssetName, school.name).zh,
                            divisionID: school.villageID ?? school.townshipID, areaM2: school.landMu.map(Area.squareMetres(fromMu:)),
                            status: .idle, proposedUse: AssetKind.schoolBuilding.suggestedReuse.zh, schoolID: schoolID, adoptionID: id,
                            source: source, note: scenario.name))
                }
                let township = register.division(id: school.townshipID)?.name ?? ""
                let name =
                    whole
                    ? L10n.message(.adoptedTaskName, township, school.name, scenario.name)
                    : L10n.message(
                        .adoptedStageTaskName, zh: [township, school.name, stage.label.zh, scenario.name],
                        en: [township, school.name, stage.label.en, scenario.name])
                try writer.save(
                    PlanTask(code: code, name: name.zh, ownerUnit: Bureau.education.label.zh, status: .notStarted, source: source))
                try writer.linkTask(code: code, adoptionID: id)
            }
            guard let record = try writer.reader.adoptions().first(where: { $0.id == id }) else { throw StoreError.notFound("adoption") }
            return record
        }
        return try adoption(scenario, record)
    }

    /// Whether closing a school in a plan for `stage` closes the whole school: it teaches that stage only.
    static func closesWholeSchool(_ level: SchoolLevel, _ stage: PlanningLevel) -> Bool {
        switch stage {
        case .primary: level == .primary
        case .junior: level == .junior
        }
    }

    /// Undoes the adoption of a scenario: its tasks, assets and school marks go; audited. Refuses
    /// (unless `force`) when an asset or task it made has been worked on since — a status, a use,
    /// evidence or progress recorded — since reverting would delete that work.
    public func revert(_ reference: String, force: Bool = false) throws {
        let scenario = try ScenarioService(store: store).find([reference])[0]
        // What the adoption made and what has been done to it since, read before writing: deleting
        // work another bureau recorded on an asset needs that bureau's permission too.
        let (record, changedAssets, changedTasks) = try store.read { reader -> (AdoptionRecord, [Stored<IdleAsset>], [PlanTask]) in
            guard let record = try reader.adoptions().first(where: { $0.scenarioID == scenario.id.rawValue }) else {
                throw UserError(.notFound, L10n.message(.scenarioNotAdopted, scenario.name))
            }
            let assets = try reader.idleAssets().filter { $0.adoptionID == record.id }
            let codes = Set(try reader.taskCodes(ids: record.taskIDs))
            let tasks = try reader.tasks().filter { codes.contains($0.code) }
            return (
                record, assets.filter { Self.workedOn($0, scenario) },
                tasks.filter { $0.status != .notStarted || $0.percentComplete != nil || $0.evidence != nil || $0.deadline != nil }
            )
        }
        if !force && !(changedAssets.isEmpty && changedTasks.isEmpty) {
            let names = changedAssets.map(\.name) + changedTasks.map(\.code)
            throw UserError(.conflict, L10n.message(.revertWouldLoseWork, names.prefix(5).joined(separator: "、")))
        }
        let register = try store.read { try $0.register() }
        let areas = Set(changedAssets.compactMap { a in register.division(id: a.divisionID).flatMap(AssetService.townshipID(register)) })
        let needs = [Self.need] + (changedAssets.isEmpty ? [] : [WriteNeed.data(AssetService.bureau, areas: areas)])
        try store.write(by: principal, needs) { writer in
            guard try writer.reader.adoptions().contains(where: { $0.id == record.id }) else {
                throw UserError(.notFound, L10n.message(.scenarioNotAdopted, scenario.name))
            }
            try writer.deleteAdoption(record.id)
        }
    }

    /// Whether someone has recorded something on an asset since the adoption made it: a status, a
    /// use, a date, evidence, a changed proposal or note.
    static func workedOn(_ a: Stored<IdleAsset>, _ scenario: Scenario) -> Bool {
        a.status != .idle || a.actualUse != nil || a.evidence != nil || a.date != nil
            || a.proposedUse != AssetKind.schoolBuilding.suggestedReuse.zh || a.note != scenario.name
    }

    /// Whether each school is marked 拟撤并 by an adopted scenario: the scenario's id and whether the
    /// whole school closes (false: one stage of it).
    public func closures() throws -> [School.ID: (scenario: Int64, wholeSchool: Bool)] {
        try store.read { try $0.schoolDecisions() }
    }

    /// Every adoption.
    public func adoptions() throws -> [AdoptionRecord] { try store.read { try $0.adoptions() } }

    /// The adoption of a scenario with what it made, or nil when it is not adopted.
    public func adoption(of reference: String) throws -> Adoption? {
        let scenario = try ScenarioService(store: store).find([reference])[0]
        guard let record = try adoptions().first(where: { $0.scenarioID == scenario.id.rawValue }) else { return nil }
        return try adoption(scenario, record)
    }

    func adoption(_ scenario: Scenario, _ record: AdoptionRecord) throws -> Adoption {
        let (assets, tasks) = try store.read { (try $0.idleAssets(), try $0.tasks()) }
        let codes = Set(record.closedSchools.map { "ADOPT-\(scenario.id.rawValue)-\($0.rawValue)" })
        return Adoption(
            scenario: scenario, record: record, assets: assets.filter { $0.adoptionID == record.id },
            tasks: tasks.filter { codes.contains($0.code) },
            indicators: try indicators(scenario, wholeClosures: try closures().filter { $0.value.wholeSchool }.map(\.key)),
            notes: [L10n.message(.planIndicatorAssumption)] + scenario.notes)
    }

    /// The computed school indicators for the county now and with the scenario carried out: closed
    /// schools gone, each receiving school (or new site) teaching the pupils sent to it, and the
    /// staff of a closed school following its pupils in proportion (an assumption, stated).
    func indicators(_ scenario: Scenario, wholeClosures: [School.ID]) throws -> [PlanIndicator] {
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let indicators = try store.read { try $0.indicators() }
        let engine = SchoolDiagnostics(norms: report.norms)
        let result = scenario.result
        let siteByKey = Dictionary(result.sites.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        // Pupils and staff moving between sites: what each site gains (or loses).
        var pupils: [String: Double] = [:]
        var staff: [String: Double] = [:]
        for a in result.assignments where a.from != a.to {
            pupils[a.to, default: 0] += a.pupils
            pupils[a.from, default: 0] -= a.pupils
            if let from = siteByKey[a.from], from.pupils > 0 {
                let moving = from.staff * a.pupils / from.pupils
                staff[a.to, default: 0] += moving
                staff[a.from, default: 0] -= moving
            }
        }
        // Whole closures leave the register's figures; a stage closure keeps the school with the
        // stage's pupils and staff moved away.
        let closed = Set(wholeClosures).intersection(result.closedSites.compactMap(\.schoolID))
        let siteBySchool = Dictionary(result.sites.compactMap { s in s.schoolID.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        var planned: [SchoolDiagnosis] = []
        for d in report.schools where !closed.contains(d.school.id) {
            var school = d.school
            if let site = siteBySchool[school.id] {
                school.students = school.students.map { max(0, $0 + Int((pupils[site.key] ?? 0).rounded())) }
                school.staff = school.staff.map { max(0, $0 + Int((staff[site.key] ?? 0).rounded())) }
            }
            planned.append(engine.diagnose(school, townshipName: d.townshipName, townshipIsHistorical: false, inferredFrom: nil))
        }
        let register = try store.read { try $0.register() }
        for (offset, site) in result.sites.enumerated() where site.isNew && site.open {
            guard let township = register.townships(named: site.township).first ?? register.townships.first else { continue }
            let school = Stored(
                id: School.ID(Int64(-1 - offset)),
                School(
                    townshipID: township.id, name: site.name, level: result.options.level == .primary ? .primary : .junior,
                    students: Int((pupils[site.key] ?? 0).rounded()), staff: Int((staff[site.key] ?? 0).rounded()), landMu: site.landMu))
            planned.append(engine.diagnose(school, townshipName: site.township, townshipIsHistorical: false, inferredFrom: nil))
        }
        return indicators.compactMap { indicator -> PlanIndicator? in
            guard case .computed(let formula) = indicator.kind, !formula.hasPrefix(ComputedIndicators.accessPrefix) else { return nil }
            return PlanIndicator(
                code: indicator.code, name: Localized(zh: indicator.nameZh, en: indicator.nameEn), unit: indicator.unit,
                now: ComputedIndicators.value(formula, schools: report.schools),
                underPlan: ComputedIndicators.value(formula, schools: planned))
        }
    }
}
