import Foundation
import Hummingbird
import Interchange
import Localization

/// `/api/v1/imports`: check a file (nothing written), then commit or cancel it.
enum ImportAPI {
    /// What a check found.
    struct Check: Encodable {
        var token: String
        var kind: String
        var fileName: String
        var valid: Bool
        var rowsRead: Int?
        var notReported: [String]
        var issues: [[String: String]]

        init(_ item: StagedImport) {
            token = item.token
            kind = item.kind.rawValue
            fileName = item.fileName
            valid = item.isValid
            rowsRead = item.rowsRead
            notReported = item.notReported
            issues = item.issues.map(APIRoutes.issueDictionary)
        }
    }

    static func routes() -> [APIRoute] {
        let token = APIRoute.Parameter(name: "token", location: "path", description: "检查得到的令牌 · token from the check", required: true)
        return [
            APIRoute(
                method: .post, path: "/api/v1/imports",
                summary: "上传并检查文件（不写入）· Upload and check a file; nothing is written", tag: "imports",
                parameters: [
                    .init(name: "kind", location: "query", description: "schools | divisions | observations | tasks", required: true),
                    .init(name: "name", location: "query", description: "文件名（决定格式）· file name (decides the format)", required: true),
                    .init(name: "sheet", location: "query", description: "XLSX 工作表名 · XLSX sheet", required: false),
                ],
                requestBody: "application/octet-stream", responseSchema: "ImportCheck", successStatus: 201
            ) { request, _, state in
                try Security.verifyAPI(request)
                let query = request.uri.queryParameters
                guard let kind = query.get("kind").flatMap(ImportKind.init(rawValue:)) else {
                    throw Problem(.badRequest, L10n.message(.uiBadImportKind))
                }
                let name = query.get("name") ?? "upload.csv"
                let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
                let item = try await state.imports.stage(kind: kind, fileName: name, sheet: query.get("sheet"), data: data, store: state.store)
                return try Responses.json(Check(item), status: .created)
            },
            APIRoute(
                method: .get, path: "/api/v1/imports/{token}", summary: "检查结果 · The check's result", tag: "imports",
                parameters: [token], responseSchema: "ImportCheck"
            ) { _, context, state in
                guard let item = await state.imports.item(try context.parameters.require("token")) else { throw Problem.notFound("导入 · import") }
                return try Responses.json(Check(item))
            },
            APIRoute(
                method: .post, path: "/api/v1/imports/{token}/commit", summary: "写入已检查的文件（全部或全不）· Commit a checked file, all or nothing",
                tag: "imports", parameters: [token], requestBody: "application/json", responseSchema: "ImportCheck"
            ) { request, context, state in
                try Security.verifyAPI(request)
                let t = try context.parameters.require("token")
                do {
                    guard let item = try await state.imports.commit(t, store: state.store, actor: "api") else { throw Problem.notFound("导入 · import") }
                    state.didWrite()
                    return try Responses.json(Check(item))
                } catch let rejected as ImportRejected {
                    throw Problem(.unprocessableContent, L10n.message(.uiRejected), issues: rejected.issues.map(APIRoutes.issueDictionary))
                }
            },
            APIRoute(
                method: .delete, path: "/api/v1/imports/{token}", summary: "放弃已检查的文件 · Cancel a checked file", tag: "imports",
                parameters: [token], responseSchema: nil, successStatus: 204
            ) { request, context, state in
                try Security.verifyAPI(request)
                await state.imports.cancel(try context.parameters.require("token"))
                return Response(status: .noContent)
            },
        ]
    }
}
