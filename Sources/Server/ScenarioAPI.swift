import Foundation
import Hummingbird
import Localization
import Planning
import Services

/// `/api/v1/scenarios`: consolidation scenarios — list, create (solved at once), read, compare.
enum ScenarioAPI {
    /// A scenario request.
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

        var options: ConsolidationOptions {
            ConsolidationOptions(
                model: model.flatMap(PlanningModel.init(rawValue:)) ?? .pmedian, level: level.flatMap(PlanningLevel.init(rawValue:)) ?? .primary,
                schoolsToKeep: p, radius: radius, mustStayOpen: keep ?? [], mayNotBeChosen: exclude ?? [], maxWalk: maxWalk ?? 2,
                detourFactor: detourFactor ?? 1.3, capacityRule: capacityRule.flatMap(CapacityRule.init(rawValue:)) ?? .classes,
                newSites: newSites ?? [], exact: exact ?? true)
        }
    }

    /// Scenarios side by side.
    struct Comparison: Encodable {
        struct Row: Encodable {
            var label: String
            var labelEn: String
            var values: [String]
        }

        var scenarios: [ScenarioRecord]
        var rows: [Row]
    }

    static func routes() -> [APIRoute] {
        [
            APIRoute(method: .get, path: "/api/v1/scenarios", summary: "已保存的布局方案 · Stored scenarios", tag: "scenarios", responseSchema: "ScenarioList") {
                _, _, state in try Responses.json(try ScenarioService(store: state.store).list().map(ScenarioRecord.init))
            },
            APIRoute(
                method: .post, path: "/api/v1/scenarios", summary: "创建并求解方案 · Create and solve a scenario", tag: "scenarios",
                requestBody: "application/json", responseSchema: "Scenario", successStatus: 201
            ) { request, _, state in
                try Security.verifyAPI(request)
                let input = try APIRoutes.decode(Input.self, from: try await Upload.body(request, limit: 1 << 20))
                do {
                    let s = try ScenarioService(store: state.store).run(name: input.name, options: input.options, actor: "api")
                    state.didWrite()
                    return try Responses.json(ScenarioRecord(s), status: .created)
                } catch let error as PlanningError {
                    throw Problem(.unprocessableContent, error.message)
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/compare", summary: "方案对比 · Scenarios side by side", tag: "scenarios",
                parameters: [.init(name: "ids", location: "query", description: "编号或名称，逗号分隔 · ids or names, comma-separated", required: true)],
                responseSchema: "ScenarioComparison"
            ) { request, _, state in
                let ids = (request.uri.queryParameters.get("ids") ?? "").split(separator: ",").map(String.init)
                do {
                    let chosen = try ScenarioService(store: state.store).find(ids)
                    let rows = ScenarioComparison.rows(chosen).map { Comparison.Row(label: $0.label.zh, labelEn: $0.label.en, values: $0.values) }
                    return try Responses.json(Comparison(scenarios: chosen.map(ScenarioRecord.init), rows: rows))
                } catch let error as PlanningError {
                    throw Problem(.notFound, error.message)
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/jobs/{id}", summary: "网页发起的求解进度 · Progress of a solve started from the page",
                tag: "scenarios", parameters: [.init(name: "id", location: "path", description: "任务编号 · job id", required: true)],
                responseSchema: nil
            ) { _, context, state in
                guard let job = await state.jobs.job(try context.parameters.require("id")) else { throw Problem.notFound("任务 · job") }
                return try Responses.json(job)
            },
            APIRoute(
                method: .get, path: "/api/v1/scenarios/{id}", summary: "一个方案 · One scenario", tag: "scenarios",
                parameters: [.init(name: "id", location: "path", description: "方案编号或名称 · scenario id or name", required: true)],
                responseSchema: "Scenario"
            ) { _, context, state in
                do {
                    return try Responses.json(ScenarioRecord(try ScenarioService(store: state.store).find([try context.parameters.require("id")])[0]))
                } catch let error as PlanningError {
                    throw Problem(.notFound, error.message)
                }
            },
        ]
    }
}
