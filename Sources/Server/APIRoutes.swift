import Analysis
import Domain
import Foundation
import Hummingbird
import Interchange
import Localization
import Monitoring
import Services
import Store

/// The JSON API under `/api/v1/`.
enum APIRoutes {
    static func all() -> [APIRoute] {
        [
            APIRoute(
                method: .get, path: "/api/v1/divisions", summary: "区划名录 · The division register (county, townships, villages)",
                tag: "register", responseSchema: "DivisionList"
            ) { _, _, state in
                try Responses.json(try state.store.read { try $0.divisions() }.map(DivisionRecord.init))
            },
            APIRoute(
                method: .get, path: "/api/v1/schools", summary: "学校及其诊断 · Schools with their diagnosis", tag: "schools",
                responseSchema: "SchoolList"
            ) { request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try DiagnosticsService(store: state.store).schoolDiagnostics().schools.map(SchoolDiagnosisRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/schools/{id}", summary: "一所学校 · One school", tag: "schools",
                parameters: [.init(name: "id", location: "path", description: "学校编号 · school id", required: true, type: "integer")],
                responseSchema: "SchoolDiagnosis"
            ) { _, context, state in
                let id = try context.parameters.require("id", as: Int64.self)
                guard let d = try DiagnosticsService(store: state.store).schoolDiagnostics().schools.first(where: { $0.school.id == id }) else {
                    throw Problem.notFound("学校 \(id) · school \(id)")
                }
                return try Responses.json(SchoolDiagnosisRecord(d))
            },
            APIRoute(
                method: .get, path: "/api/v1/diagnostics",
                summary: "学校诊断：每校、每乡镇、全县 · School diagnosis per school, township and county", tag: "schools",
                responseSchema: "Diagnostics"
            ) { request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(DiagnosticsRecord(try DiagnosticsService(store: state.store).schoolDiagnostics()))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/completeness", summary: "数据完整性 · Which data is missing where", tag: "register",
                responseSchema: "Completeness"
            ) { _, _, state in
                try Responses.json(try CompletenessService(store: state.store).rows().map(CompletenessRecord.init))
            },
            APIRoute(
                method: .get, path: "/api/v1/indicators", summary: "指标体系 · Indicators with targets and sources", tag: "monitoring",
                responseSchema: "IndicatorList"
            ) { _, _, state in
                try Responses.json(try state.store.read { try $0.indicators() }.map(IndicatorRecord.init))
            },
            APIRoute(
                method: .get, path: "/api/v1/indicators/status", summary: "三色预警 · Status per indicator and area", tag: "monitoring",
                responseSchema: "IndicatorStatusList"
            ) { _, _, state in
                try Responses.json(try MonitoringService(store: state.store).statuses(now: Loaders.now).map(IndicatorStatusRecord.init))
            },
            APIRoute(
                method: .post, path: "/api/v1/observations",
                summary: "录入观测值（按校验规则检查，全部通过才写入）· Record observations (all or nothing)", tag: "monitoring",
                requestBody: "application/json", responseSchema: "RecordOutcome", successStatus: 201
            ) { request, _, state in
                try Security.verifyAPI(request)
                let input = try decode([ObservationInput].self, from: try await Upload.body(request, limit: state.settings.maxUploadBytes))
                let (register, indicators) = try state.store.read { (try $0.register(), try $0.indicators()) }
                let reader = ObservationTableReader(register: register, indicators: indicators)
                do {
                    let observations = try input.map {
                        try reader.single(code: $0.code, area: $0.area, period: $0.period, value: $0.value.description, source: $0.source ?? "api", note: $0.note)
                    }
                    let outcome = try MonitoringService(store: state.store).record(observations, actor: "api", file: "api")
                    state.didWrite()
                    return try Responses.json(RecordOutcomeRecord(outcome), status: .created)
                } catch let rejected as ImportRejected {
                    throw Problem(.unprocessableContent, L10n.message(.uiRejected), issues: rejected.issues.map(issueDictionary))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/tasks", summary: "重点任务清单 · The task checklist", tag: "monitoring", responseSchema: "TaskList"
            ) { _, _, state in
                try Responses.json(try state.store.read { try $0.tasks() }.map { TaskRecord($0, now: Loaders.now) })
            },
            APIRoute(
                method: .put, path: "/api/v1/tasks/{code}", summary: "更新任务 · Update a task", tag: "monitoring",
                parameters: [.init(name: "code", location: "path", description: "任务代码 · task code", required: true)],
                requestBody: "application/json", responseSchema: "Task"
            ) { request, context, state in
                try Security.verifyAPI(request)
                let code = try context.parameters.require("code")
                let input = try decode(TaskChangeInput.self, from: try await Upload.body(request, limit: 1 << 20))
                var status: TaskStatus?
                if let text = input.status {
                    guard let parsed = TaskStatus(text: text) else {
                        throw Problem(.unprocessableContent, L10n.message(.unknownTaskStatus, text))
                    }
                    status = parsed
                }
                do {
                    let task = try MonitoringService(store: state.store).updateTask(
                        code: code,
                        TaskChange(status: status, percentComplete: input.percentComplete, evidence: input.evidence, deadline: input.deadline, ownerUnit: input.ownerUnit),
                        actor: "api")
                    state.didWrite()
                    return try Responses.json(TaskRecord(task, now: Loaders.now))
                } catch let rejected as ImportRejected {
                    let notFound = rejected.issues.contains { $0.message == L10n.message(.unknownTask, code) }
                    throw Problem(notFound ? .notFound : .unprocessableContent, rejected.issues.first?.message ?? L10n.message(.uiRejected))
                }
            },
        ] + ImportAPI.routes() + ScenarioAPI.routes() + [
            APIRoute(
                method: .get, path: "/api/v1/openapi.json", summary: "本接口的 OpenAPI 3.1 描述 · This API's OpenAPI 3.1 document",
                tag: "meta", responseSchema: nil
            ) { _, _, _ in
                Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
            },
        ]
    }

    /// Decodes a JSON body, answering 400 with a readable reason when it does not fit.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            if T.self == [ObservationInput].self, let single = try? JSONDecoder().decode(ObservationInput.self, from: data) {
                return [single] as! T
            }
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw Problem(.badRequest, L10n.message(.uiBadJSON))
        }
    }

    static func issueDictionary(_ i: ImportIssue) -> [String: String] {
        var d = ["severity": i.severity.rawValue, "file": i.file, "messageZh": i.message.zh, "messageEn": i.message.en]
        if let row = i.row { d["row"] = String(row) }
        if let column = i.column { d["column"] = String(column) }
        if let name = i.columnName { d["columnName"] = name }
        return d
    }
}

/// One observation in an API request.
struct ObservationInput: Decodable {
    var code: String
    var area: String
    var period: String
    var value: Double
    var source: String?
    var note: String?
}

/// A task change in an API request.
struct TaskChangeInput: Decodable {
    var status: String?
    var percentComplete: Double?
    var evidence: String?
    var deadline: String?
    var ownerUnit: String?
}
