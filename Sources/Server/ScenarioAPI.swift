import Foundation
import Hummingbird
import Localization
import Planning
import Records
import Services

/// `/api/v1/scenarios`: consolidation scenarios — list, create (solved at once), read, compare.
enum ScenarioAPI {
    /// A scenario request as JSON.
    struct Input: Decodable {
        var name: String
        var model: String?
        var level: String?
        var p: Int?
        var radius: Double?
        var keep: [String]?
        var exclude: [String]?
        var maxWalk: Double?
        var detourFactor: Double?
        var capacityRule: String?
        var newSites: [NewSite]?
        var exact: Bool?

        func request() throws -> ScenarioRequest {
            let (model, level, capacity) = try ScenarioRequest.words(model: model, level: level, capacity: capacityRule)
            return ScenarioRequest(
                name: name, model: model, level: level, schoolsToKeep: p, radius: radius, keep: keep ?? [], exclude: exclude ?? [],
                maxWalk: maxWalk, detourFactor: detourFactor ?? 1.3, capacityRule: capacity, newSites: newSites ?? [], exact: exact ?? true)
        }
    }

    static func routes() -> [APIRoute] {
        [
            APIRoute(method: .get, path: "/api/v1/scenarios", summary: .apiScenarios, tag: "scenarios", responseSchema: "ScenarioList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.scenarios.list().map(ScenarioRecord.init))
                }
            },
            APIRoute(
                method: .post, path: "/api/v1/scenarios", summary: .apiScenarioCreate, tag: "scenarios", requestBody: "application/json",
                responseSchema: "Scenario", successStatus: 201
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let input = try APIRoutes.decode(Input.self, from: try await Upload.body(request, limit: 1 << 20))
                let scenario = try await state.jobs.solveNow(try input.request(), workspace: state.workspace, by: try context.writer())
                return try Responses.json(ScenarioRecord(scenario), status: .created)
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/compare", summary: .apiScenarioCompare, tag: "scenarios",
                parameters: [.init(name: "ids", location: .query, description: .apiParamScenarioIDs, required: true)],
                responseSchema: "ScenarioComparison"
            ) { request, _, state in
                let ids = ScenarioRequest.comparedReferences(request.uri.queryParameters.getAll("ids"))
                return try await Responses.cachedJSON(request, state, variant: ids) {
                    try Records.json(ScenarioComparisonRecord(try state.workspace.scenarios.find(ids)))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/jobs/{id}", summary: .apiScenarioJob, tag: "scenarios",
                parameters: [.init(name: "id", location: .path, description: .apiParamJob, required: true)], responseSchema: nil
            ) { _, context, state in
                guard let job = await state.jobs.job(try context.parameters.require("id")) else {
                    throw UserError(.notFound, L10n.message(.webJobUnknown))
                }
                return try Responses.json(job)
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/{id}", summary: .apiScenario, tag: "scenarios",
                parameters: [.init(name: "id", location: .path, description: .apiParamScenario, required: true)], responseSchema: "Scenario"
            ) { request, context, state in
                let id = try context.parameters.require("id")
                return try await Responses.cachedJSON(request, state) {
                    try Records.json(ScenarioRecord(try state.workspace.scenarios.find([id])[0]))
                }
            },
        ]
    }
}
