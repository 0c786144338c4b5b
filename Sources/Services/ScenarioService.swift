public import Analysis
public import Domain
public import Foundation
import Interchange
import Localization
public import Planning
public import Store

/// A stored scenario with its decoded options and result.
public struct Scenario: Sendable {
    public var id: Int64
    public var name: String
    public var createdAt: String
    public var result: ConsolidationResult
}

/// Runs, stores and compares school consolidation scenarios.
public struct ScenarioService: Sendable {
    public let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Every school with its township and the position it is drawn at (its village, else its
    /// township seat), flagged when that position is illustrative.
    public func planningSchools() throws -> [PlanningSchool] {
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let register = try store.read { try $0.register() }
        return report.schools.compactMap { d in
            for id in [d.school.villageID, d.school.townshipID].compactMap({ $0 }) {
                if let division = register.division(id: id), let p = division.location {
                    return PlanningSchool(
                        school: d.school, townshipName: d.townshipName, longitude: p.longitudeDegrees, latitude: p.latitudeDegrees,
                        illustrative: division.locationQuality == .illustrative || division.locationQuality == .unknown)
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

    /// Runs a scenario and stores it under a new name. Throws `PlanningError` with a reason a
    /// planner can act on (unknown school, p larger than the schools, nothing within the radius…).
    @discardableResult
    public func run(
        name: String, options: ConsolidationOptions, distances: DistanceTable? = nil, actor: String,
        progress: (@Sendable (Int, Double?, Double?) -> Void)? = nil
    ) throws -> Scenario {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw PlanningError(message: L10n.message(.requiredCellBlank)) }
        if try store.read({ try $0.scenario(named: trimmed) }) != nil {
            throw PlanningError(message: L10n.message(.planNameTaken, trimmed))
        }
        var options = options
        if let distances { options.unit = distances.unit }
        let norms = NormBook(try store.read { try $0.norms() })
        let result = try ConsolidationPlanner(norms: norms).plan(planningSchools(), options: options, distances: distances, progress: progress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let id = try store.write(actor: actor) { w in
            try w.saveScenario(
                name: trimmed, model: options.model.rawValue, level: options.level.rawValue, optionsJSON: try encoder.encode(options),
                resultJSON: try encoder.encode(result), objective: result.objective, provenOptimal: result.provenOptimal,
                seconds: result.seconds, actor: actor)
        }
        return Scenario(id: id, name: trimmed, createdAt: "", result: result)
    }

    /// Every stored scenario, oldest first.
    public func list() throws -> [Scenario] {
        try store.read { try $0.scenarios() }.map(Self.decode)
    }

    /// Scenarios by id or name, in the order asked; throws for one that does not exist.
    public func find(_ references: [String]) throws -> [Scenario] {
        let all = try list()
        return try references.map { reference in
            let trimmed = reference.trimmingCharacters(in: .whitespaces)
            guard let s = all.first(where: { String($0.id) == trimmed || $0.name == trimmed }) else {
                throw PlanningError(message: L10n.message(.planUnknownScenario, trimmed))
            }
            return s
        }
    }

    static func decode(_ stored: StoredScenario) throws -> Scenario {
        Scenario(
            id: stored.id, name: stored.name, createdAt: stored.createdAt,
            result: try JSONDecoder().decode(ConsolidationResult.self, from: stored.resultJSON))
    }
}
