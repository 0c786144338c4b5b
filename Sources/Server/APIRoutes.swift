import Domain
import Foundation
import Hummingbird
import Localization
import Records
import Services

/// The JSON API under `/api/v1/`. Handlers decode, call one service method, encode: the use
/// cases themselves (recording an observation, updating a task) are the same the pages call.
enum APIRoutes {
    static func all() -> [APIRoute] {
        registerRoutes() + monitoringRoutes() + ImportAPI.routes() + ScenarioAPI.routes() + AccountAPI.routes() + LayerAPI.routes()
            + VillageRoutes.api() + AccessRoutes.api() + [
                APIRoute(method: .get, path: "/api/v1/openapi.json", summary: .apiOpenAPI, tag: "meta", responseSchema: nil) { _, _, _ in
                    Response(
                        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
                }
            ]
    }

    static func registerRoutes() -> [APIRoute] {
        [
            APIRoute(
                method: .get, path: "/api/v1/divisions", summary: .apiDivisions, tag: "register", parameters: Paging.parameters,
                responseSchema: "DivisionList"
            ) { request, _, state in
                try await Paging.respond(request, state, total: try state.workspace.register.divisionRegister().divisions.count) { paging in
                    try Records.json(paging.slice(try state.workspace.register.divisionRegister().divisions).map(DivisionRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/schools", summary: .apiSchools, tag: "schools", parameters: Paging.parameters,
                responseSchema: "SchoolList"
            ) { request, _, state in
                try await Paging.respond(request, state, total: try state.workspace.diagnostics.schoolDiagnostics().schools.count) {
                    paging in
                    try Records.json(
                        paging.slice(try state.workspace.diagnostics.schoolDiagnostics().schools).map(SchoolDiagnosisRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/schools/{id}", summary: .apiSchool, tag: "schools",
                parameters: [.init(name: "id", location: .path, description: .apiParamSchoolID, required: true, type: "integer")],
                responseSchema: "SchoolDiagnosis"
            ) { request, context, state in
                let id = try schoolID(context)
                return try await Responses.cachedJSON(request, state) {
                    try Records.json(SchoolDiagnosisRecord(try state.workspace.diagnostics.school(id)))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/diagnostics", summary: .apiDiagnostics, tag: "schools", parameters: Paging.parameters,
                responseSchema: "Diagnostics"
            ) { request, _, state in
                try await Paging.respond(request, state, total: try state.workspace.diagnostics.schoolDiagnostics().schools.count) {
                    paging in
                    var report = try state.workspace.diagnostics.schoolDiagnostics()
                    report.schools = Array(paging.slice(report.schools))
                    return try Records.json(DiagnosticsRecord(report))
                }
            },
            APIRoute(method: .get, path: "/api/v1/completeness", summary: .apiCompleteness, tag: "register", responseSchema: "Completeness")
            {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.completeness.rows().map(CompletenessRecord.init))
                }
            },
        ]
    }

    static func monitoringRoutes() -> [APIRoute] {
        [
            APIRoute(method: .get, path: "/api/v1/indicators", summary: .apiIndicators, tag: "monitoring", responseSchema: "IndicatorList")
            {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.monitoring.indicators().map(IndicatorRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/indicators/status", summary: .apiStatuses, tag: "monitoring",
                responseSchema: "IndicatorStatusList"
            ) { request, _, state in
                try await Responses.cachedJSON(request, state) {
                    let monitoring = state.workspace.monitoring
                    let catalogue = try monitoring.indicators()
                    return try Records.json(try monitoring.statuses(now: state.now).map { IndicatorStatusRecord($0, catalogue: catalogue) })
                }
            },
            APIRoute(
                method: .post, path: "/api/v1/observations", summary: .apiRecord, tag: "monitoring", requestBody: "application/json",
                responseSchema: "RecordOutcome", successStatus: 201
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let body = try await Upload.body(request, limit: state.settings.maxUploadBytes)
                let entries: [ObservationEntry]
                if let list = try? JSONDecoder().decode([ObservationEntry].self, from: body) {
                    entries = list
                } else {
                    entries = [try decode(ObservationEntry.self, from: body)]
                }
                let outcome = try state.workspace.monitoring.record(entries, by: try context.writer())
                return try Responses.json(RecordOutcomeRecord(outcome), status: .created)
            },
            APIRoute(method: .get, path: "/api/v1/tasks", summary: .apiTasks, tag: "monitoring", responseSchema: "TaskList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.monitoring.tasks().map { TaskRecord($0, now: state.now) })
                }
            },
            APIRoute(
                method: .put, path: "/api/v1/tasks/{code}", summary: .apiUpdateTask, tag: "monitoring",
                parameters: [.init(name: "code", location: .path, description: .apiParamTaskCode, required: true)],
                requestBody: "application/json", responseSchema: "Task"
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let code = try context.parameters.require("code")
                let input = try decode(TaskChangeInput.self, from: try await Upload.body(request, limit: 1 << 20))
                let update = try TaskUpdate.parse(
                    status: input.status, percent: input.percentComplete.map { $0.description }, evidence: input.evidence,
                    deadline: input.deadline, owner: input.ownerUnit)
                let task = try state.workspace.monitoring.updateTask(code: code, update, by: try context.writer())
                return try Responses.json(TaskRecord(task, now: state.now))
            },
        ]
    }

    /// The school id in the path, or `notFound`.
    static func schoolID(_ context: AppRequestContext) throws -> School.ID {
        let text = try context.parameters.require("id")
        guard let id = School.ID(text: text) else { throw UserError(.notFound, L10n.message(.webBadID, text)) }
        return id
    }

    /// Decodes a JSON body, refusing one that does not fit with a readable reason.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw UserError(.malformed, L10n.message(.uiBadJSON))
        }
    }
}

/// A task change in an API request.
struct TaskChangeInput: Decodable {
    var status: String?
    var percentComplete: Double?
    var evidence: String?
    var deadline: String?
    var ownerUnit: String?
}

/// `limit` and `offset` of a list the API pages (schools: a prefecture has thousands). The
/// total is sent in `X-Total-Count`.
struct Paging: Sendable {
    static let defaultLimit = 1000
    static let maximumLimit = 5000
    static let parameters: [APIRoute.Parameter] = [
        .init(name: "limit", location: .query, description: .apiParamLimit, required: false, type: "integer"),
        .init(name: "offset", location: .query, description: .apiParamOffset, required: false, type: "integer"),
    ]

    let limit: Int
    let offset: Int

    /// Reads the parameters; a value that is not a whole number in range is refused.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        func number(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = query.get(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw UserError(.invalid, L10n.message(.badNumberField, name, text))
            }
            return value
        }
        limit = try number("limit", 1...Self.maximumLimit, Self.defaultLimit)
        offset = try number("offset", 0...Int(Int32.max), 0)
    }

    func slice<T>(_ items: [T]) -> ArraySlice<T> { items.dropFirst(offset).prefix(limit) }

    /// A paged list's answer: the page of a list of `total` items built by `build` (cached per
    /// limit and offset, an offset past the end counted as the end), with the total in
    /// `X-Total-Count`.
    static func respond(
        _ request: Request, _ state: AppState, total: Int, build: @escaping @Sendable (Paging) throws -> Data
    ) async throws -> Response {
        let paging = try Paging(request)
        var response = try await Responses.cachedJSON(request, state, variant: ["\(paging.limit)", "\(min(paging.offset, total))"]) {
            try build(paging)
        }
        response.headers[.init("X-Total-Count")!] = "\(total)"
        return response
    }
}
