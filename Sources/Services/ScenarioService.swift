import Analysis
public import Domain
public import Foundation
import Geo
import Interchange
public import Localization
public import Planning
public import Store

/// A stored scenario with its decoded options and result.
public struct Scenario: Sendable, Identifiable {
    /// The store's identifier of a scenario.
    public typealias ID = EntityID<Scenario>

    public var id: ID
    public var name: String
    public var createdAt: String
    public var result: ConsolidationResult

    /// The result's assumptions and caveats, each in both languages; shown wherever its figures are.
    public var notes: [Localized] { zip(result.notesZh, result.notesEn).map { Localized(zh: $0, en: $1) } }
}

/// A scenario as a person asks for it: schools to keep or exclude are named by id, by
/// "乡镇/学校", by a name unique in the county, or by a new site's name.
public struct ScenarioRequest: Sendable {
    public var name: String
    public var model: PlanningModel
    public var level: PlanningLevel
    public var schoolsToKeep: Int?
    public var radius: Double?
    public var keep: [String]
    public var exclude: [String]
    /// The walking limit; nil to derive it from the norms.
    public var maxWalk: Double?
    public var detourFactor: Double
    public var capacityRule: CapacityRule
    public var newSites: [NewSite]
    public var exact: Bool
    public var timeLimitSeconds: Double?

    public init(
        name: String, model: PlanningModel = .pmedian, level: PlanningLevel = .primary, schoolsToKeep: Int? = nil,
        radius: Double? = nil, keep: [String] = [], exclude: [String] = [], maxWalk: Double? = nil, detourFactor: Double = 1.3,
        capacityRule: CapacityRule = .classes, newSites: [NewSite] = [], exact: Bool = true, timeLimitSeconds: Double? = 30
    ) {
        self.name = name
        self.model = model
        self.level = level
        self.schoolsToKeep = schoolsToKeep
        self.radius = radius
        self.keep = keep
        self.exclude = exclude
        self.maxWalk = maxWalk
        self.detourFactor = detourFactor
        self.capacityRule = capacityRule
        self.newSites = newSites
        self.exact = exact
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// The scenarios a comparison names (`compare=1,2&compare=方案甲`): each once, in order, at
    /// most `maximumCompared` — a repeated id would repeat a whole scenario's result in the answer.
    public static func comparedReferences(_ values: [String]) -> [String] {
        var seen = Set<String>()
        let all = values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        return Array(all.filter { !$0.isEmpty && seen.insert($0).inserted }.prefix(maximumCompared))
    }

    /// The most scenarios one comparison shows side by side.
    public static let maximumCompared = 8

    /// Reads the words of a form or an API body for the model, stage and capacity rule; blank
    /// means the default; anything else unknown is refused.
    public static func words(model: String?, level: String?, capacity: String?) throws -> (PlanningModel, PlanningLevel, CapacityRule) {
        func word<T: RawRepresentable>(_ text: String?, _ fallback: T, _ key: MessageKey) throws -> T where T.RawValue == String {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return fallback }
            guard let value = T(rawValue: text) else { throw UserError(.invalid, L10n.message(key, text)) }
            return value
        }
        return (
            try word(model, PlanningModel.pmedian, .unknownModel), try word(level, PlanningLevel.primary, .unknownStage),
            try word(capacity, CapacityRule.classes, .unknownCapacityRule)
        )
    }
}

/// Runs, stores and compares school consolidation scenarios.
public struct ScenarioService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Every school with its township and the position it is drawn at: its village's, else its
    /// township seat's. That point is the school's own at best approximately, so a real position
    /// counts as approximate; an illustrative or unknown one stays so.
    public func planningSchools() throws -> [PlanningSchool] {
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let register = try store.read { try $0.register() }
        return report.schools.compactMap { d in
            for id in [d.school.villageID, d.school.townshipID].compactMap({ $0 }) {
                if let division = register.division(id: id), let p = division.location {
                    let quality: LocationQuality = division.locationQuality.isReal ? .approximate : division.locationQuality
                    return PlanningSchool(
                        school: d.school, townshipName: d.townshipName, longitude: p.longitudeDegrees, latitude: p.latitudeDegrees,
                        quality: quality)
                }
            }
            return nil
        }
    }

    /// Reads a distance or travel-time table (CSV/XLSX) for the planner.
    public static func distanceTable(_ url: URL) throws -> DistanceTable {
        let (values, minutes) = try DistanceTableReader.read(try TableSources.open(url))
        return DistanceTable(values: values, unit: minutes ? .minutes : .kilometres)
    }

    /// A school named by id, "乡镇/学校", a name unique in the county, or a new site's name.
    func site(_ text: String, schools: [PlanningSchool], newSites: [NewSite], level: PlanningLevel) throws -> SiteReference {
        let t = DivisionNames.canonical(text)
        if let id = School.ID(text: t), schools.contains(where: { $0.school.id == id }) { return .school(id) }
        if newSites.contains(where: { $0.name == t }) { return .newSite(t) }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "／" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let matches: [PlanningSchool]
        if parts.count == 2 {
            matches = schools.filter {
                $0.school.name == parts[1] && DivisionNames.shortName(of: $0.townshipName) == DivisionNames.shortName(of: parts[0])
            }
        } else {
            matches = schools.filter { $0.school.name == t }
        }
        if matches.count == 1 { return .school(matches[0].school.id) }
        if matches.isEmpty {
            throw UserError(.invalid, L10n.message(.planUnknownSchool, zh: [t, level.label.zh], en: [t, level.label.en]))
        }
        let choices = matches.map { "\($0.townshipName)/\($0.school.name)" }.joined(separator: "、")
        throw UserError(.invalid, L10n.message(.planAmbiguousSchool, t, choices))
    }

    /// Storing a scenario is the education bureau's county-level work.
    static let need = WriteNeed.county(.education)

    /// Refuses (`forbidden`) a principal who may not store scenarios, before any work is done.
    public func authorize(_ principal: Principal) throws { try store.authorize(principal, [Self.need]) }

    /// Runs a scenario and stores it under its name. Throws `UserError` with a reason a planner can
    /// act on (the name is taken, an unknown school, p larger than the schools, nothing within the
    /// radius …).
    @discardableResult
    public func run(
        _ request: ScenarioRequest, distances: DistanceTable? = nil, by principal: Principal,
        progress: (@Sendable (Int, Double?, Double?) -> Void)? = nil
    ) throws -> Scenario {
        // Checked before solving too, so a refused caller costs no solve.
        try store.authorize(principal, [Self.need])
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw UserError(.invalid, L10n.message(.planNameBlank)) }
        if try store.read({ try $0.scenario(named: name) }) != nil {
            throw UserError(.conflict, L10n.message(.planNameTaken, name))
        }
        let schools = try planningSchools()
        let distances =
            try distances
            ?? RoadService(store: store, principal: .reader).distanceTable(
                schools.map { ($0.school.name, LonLat($0.longitude, $0.latitude)) }
                    + request.newSites.map { ($0.name, LonLat($0.longitude, $0.latitude)) })
        let options = ConsolidationOptions(
            model: request.model, level: request.level, schoolsToKeep: request.schoolsToKeep, radius: request.radius,
            mustStayOpen: try request.keep.map { try site($0, schools: schools, newSites: request.newSites, level: request.level) },
            mayNotBeChosen: try request.exclude.map { try site($0, schools: schools, newSites: request.newSites, level: request.level) },
            maxWalk: request.maxWalk, unit: distances?.unit ?? .kilometres, detourFactor: request.detourFactor,
            capacityRule: request.capacityRule, newSites: request.newSites, exact: request.exact,
            timeLimitSeconds: request.timeLimitSeconds)
        let norms = NormBook(try store.read { try $0.norms() })
        let result = try ConsolidationPlanner(norms: norms).plan(schools, options: options, distances: distances, progress: progress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let id = try store.write(by: principal, Self.need) { w in
            try w.saveScenario(
                name: name, model: options.model.rawValue, level: options.level.rawValue, optionsJSON: try encoder.encode(result.options),
                resultJSON: try encoder.encode(result), objective: result.objective, provenOptimal: result.provenOptimal,
                seconds: result.seconds, actor: principal.auditName)
        }
        return try find([String(id)])[0]
    }

    /// Gives a stored scenario a new name (unique, not blank); audited.
    public func rename(_ reference: String, to newName: String, by principal: Principal) throws {
        let scenario = try find([reference])[0]
        let name = newName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw UserError(.invalid, L10n.message(.planNameBlank)) }
        if name.count > 200 { throw UserError(.invalid, L10n.message(.planNameTooLong, 200)) }
        try store.write(by: principal, Self.need) { w in
            if let other = try w.reader.scenario(named: name), other.id != scenario.id.rawValue {
                throw UserError(.conflict, L10n.message(.planNameTaken, name))
            }
            try w.renameScenario(scenario.id.rawValue, to: name)
        }
    }

    /// Deletes a stored scenario; the audit log keeps its name and options.
    public func delete(_ reference: String, by principal: Principal) throws {
        let scenario = try find([reference])[0]
        try store.write(by: principal, Self.need) { w in
            if try w.reader.adoptions().contains(where: { $0.scenarioID == scenario.id.rawValue }) {
                throw UserError(.conflict, L10n.message(.scenarioAdoptedNoDelete, scenario.name))
            }
            guard try w.deleteScenario(scenario.id.rawValue) else {
                throw UserError(.notFound, L10n.message(.planUnknownScenario, reference))
            }
        }
    }

    /// Every stored scenario, oldest first.
    public func list() throws -> [Scenario] {
        try store.read { try $0.scenarios() }.map(Self.decode)
    }

    /// Scenarios by id or name, in the order asked; `notFound` for one that does not exist.
    public func find(_ references: [String]) throws -> [Scenario] {
        let all = try list()
        return try references.map { reference in
            let trimmed = reference.trimmingCharacters(in: .whitespaces)
            guard let s = all.first(where: { String($0.id.rawValue) == trimmed || $0.name == trimmed }) else {
                throw UserError(.notFound, L10n.message(.planUnknownScenario, trimmed))
            }
            return s
        }
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }()

    static func decode(_ stored: StoredScenario) throws -> Scenario {
        Scenario(
            id: Scenario.ID(stored.id), name: stored.name, createdAt: stored.createdAt,
            result: try decoder.decode(ConsolidationResult.self, from: stored.resultJSON))
    }
}
