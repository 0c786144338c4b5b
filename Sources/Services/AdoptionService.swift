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

    /// Adopts the scenario named by id or name; refuses one already adopted and a school another
    /// adopted scenario already closes.
    @discardableResult
    public func adopt(_ reference: String) throws -> Adoption {
        let scenario = try ScenarioService(store: store).find([reference])[0]
        let register = try store.read { try $0.register() }
        let schools = Dictionary(try store.read { try $0.schools() }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let source = "scenario:\(scenario.id.rawValue)"
        let record = try store.write(by: principal, Self.need) { writer -> AdoptionRecord in
            let existing = try writer.reader.adoptions()
            if existing.contains(where: { $0.scenarioID == scenario.id.rawValue }) {
                throw UserError(.conflict, L10n.message(.scenarioAlreadyAdopted, scenario.name))
            }
            let id = try writer.insertAdoption(scenarioID: scenario.id.rawValue, actor: principal.auditName)
            for site in scenario.result.closedSites {
                guard let schoolID = site.schoolID, let school = schools[schoolID] else { continue }
                if let other = existing.first(where: { $0.closedSchools.contains(schoolID) }) {
                    throw UserError(.conflict, L10n.message(.schoolAlreadyClosed, school.name, String(other.scenarioID)))
                }
                try writer.markClosure(schoolID, adoptionID: id)
                let division = school.villageID ?? school.townshipID
                let place = register.division(id: division)
                try writer.insert(
                    IdleAsset(
                        kind: .schoolBuilding, name: L10n.message(.adoptedAssetName, school.name).zh, divisionID: division,
                        areaM2: school.landMu.map(Area.squareMetres(fromMu:)), status: .idle,
                        proposedUse: AssetKind.schoolBuilding.suggestedReuse.zh,
                        location: place?.locationQuality == .illustrative ? nil : place?.location, schoolID: schoolID, adoptionID: id,
                        source: source, note: scenario.name))
                let township = register.division(id: school.townshipID)?.name ?? ""
                try writer.save(
                    PlanTask(
                        code: "ADOPT-\(scenario.id.rawValue)-\(schoolID.rawValue)",
                        name: L10n.message(.adoptedTaskName, township, school.name, scenario.name).zh, ownerUnit: Bureau.education.label.zh,
                        status: .notStarted, source: source))
                try writer.linkTask(code: "ADOPT-\(scenario.id.rawValue)-\(schoolID.rawValue)", adoptionID: id)
            }
            guard let record = try writer.reader.adoptions().first(where: { $0.id == id }) else { throw StoreError.notFound("adoption") }
            return record
        }
        return try adoption(scenario, record)
    }

    /// Undoes the adoption of a scenario: its tasks, assets and school marks go; audited.
    public func revert(_ reference: String) throws {
        let scenario = try ScenarioService(store: store).find([reference])[0]
        try store.write(by: principal, Self.need) { writer in
            guard let record = try writer.reader.adoptions().first(where: { $0.scenarioID == scenario.id.rawValue }) else {
                throw UserError(.notFound, L10n.message(.scenarioNotAdopted, scenario.name))
            }
            try writer.deleteAdoption(record.id)
        }
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
            indicators: try indicators(scenario), notes: [L10n.message(.planIndicatorAssumption)])
    }

    /// The computed school indicators for the county now and with the scenario carried out: closed
    /// schools gone, each receiving school (or new site) teaching the pupils sent to it, and the
    /// staff of a closed school following its pupils in proportion (an assumption, stated).
    func indicators(_ scenario: Scenario) throws -> [PlanIndicator] {
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
        let closed = Set(result.closedSites.compactMap(\.schoolID))
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
            guard case .computed(let formula) = indicator.kind else { return nil }
            return PlanIndicator(
                code: indicator.code, name: Localized(zh: indicator.nameZh, en: indicator.nameEn), unit: indicator.unit,
                now: ComputedIndicators.value(formula, schools: report.schools),
                underPlan: ComputedIndicators.value(formula, schools: planned))
        }
    }
}
