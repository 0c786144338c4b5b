import Foundation
import Hummingbird
import Localization
import Records
import Services

/// `/api/v1/imports`: check a file (nothing written), then commit or cancel it.
enum ImportAPI {
    static func routes() -> [APIRoute] {
        let token = APIRoute.Parameter(name: "token", location: .path, description: .apiParamToken, required: true)
        return [
            APIRoute(
                method: .post, path: "/api/v1/imports", summary: .apiImport, tag: "imports",
                parameters: [
                    .init(name: "kind", location: .query, description: .apiParamKind, required: true),
                    .init(name: "name", location: .query, description: .apiParamFileName, required: true),
                    .init(name: "sheet", location: .query, description: .apiParamSheet, required: false),
                ],
                requestBody: "application/octet-stream", responseSchema: "ImportCheck", successStatus: 201
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let principal = try context.writer()
                try principal.requireSomeWrite()
                let query = request.uri.queryParameters
                guard let kind = query.get("kind").flatMap(ImportKind.init(rawValue:)) else {
                    throw UserError(.invalid, L10n.message(.uiBadImportKind))
                }
                let name = query.get("name") ?? "upload.csv"
                let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
                let item = try await state.imports.stage(
                    kind: kind, fileName: name, sheet: query.get("sheet"), data: data, workspace: state.workspace, by: principal)
                return try Responses.json(ImportCheckRecord(token: item.token, item.check), status: .created)
            },
            APIRoute(
                method: .get, path: "/api/v1/imports/{token}", summary: .apiImportGet, tag: "imports", parameters: [token],
                responseSchema: "ImportCheck"
            ) {
                _, context, state in
                guard let item = await state.imports.item(try context.parameters.require("token"), by: try context.writer()) else {
                    throw UserError(.notFound, L10n.message(.webImportExpired))
                }
                return try Responses.json(ImportCheckRecord(token: item.token, item.check))
            },
            APIRoute(
                method: .post, path: "/api/v1/imports/{token}/commit", summary: .apiImportCommit, tag: "imports", parameters: [token],
                requestBody: "application/json", responseSchema: "ImportCheck"
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let item = try await state.imports.commit(
                    try context.parameters.require("token"), workspace: state.workspace, by: try context.writer())
                return try Responses.json(ImportCheckRecord(token: item.token, item.check))
            },
            APIRoute(
                method: .delete, path: "/api/v1/imports/{token}", summary: .apiImportCancel, tag: "imports", parameters: [token],
                responseSchema: nil, successStatus: 204
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                await state.imports.cancel(try context.parameters.require("token"), by: try context.writer())
                return Response(status: .noContent)
            },
        ]
    }
}
