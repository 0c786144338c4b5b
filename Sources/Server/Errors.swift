import Foundation
import Hummingbird
import Localization
import Logging

/// The one place a user error becomes an HTTP answer: its status, and a body in the shape the
/// client reads — `application/problem+json` (RFC 9457) under `/api/`, an HTML page elsewhere.
enum HTTPErrors {
    /// The status of each kind of refusal.
    static func status(_ kind: UserError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .rejected, .invalid: .unprocessableContent
        case .malformed: .badRequest
        case .notFound, .missingInput: .notFound
        case .conflict, .wouldOverwrite: .conflict
        case .tooLarge: .contentTooLarge
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .unavailable: .serviceUnavailable
        case .throttled: .tooManyRequests
        }
    }

    /// The problem document for an API client.
    static func problem(_ error: UserError) -> Response {
        let status = status(error.kind)
        var body: [String: Any] = [
            "type": "about:blank", "title": status.reasonPhrase, "status": status.code, "kind": error.kind.rawValue,
            "detail": error.message.bilingual, "detailZh": error.message.zh, "detailEn": error.message.en,
        ]
        if !error.issues.isEmpty {
            body["issues"] = error.issues.map { i -> [String: Any] in
                [
                    "severity": i.severity.rawValue, "file": i.file, "row": i.row ?? NSNull(), "column": i.column ?? NSNull(),
                    "columnName": i.columnName ?? NSNull(), "messageZh": i.message.zh, "messageEn": i.message.en,
                ]
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
        if error.kind == .unavailable { headers[.retryAfter] = "5" }
        if error.kind == .throttled { headers[.retryAfter] = "900" }
        if error.kind == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"chengxiang\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Answers every error a handler throws: a `UserError` with its status and message, anything
/// else as a 500 whose body says so in both languages (the detail goes to the log only).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let state: AppState
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as UserError {
            return render(error, request, context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own errors (an unknown path) become our answers here: a page or a
            // problem that says what is missing, with the security headers like every other.
            if error.status == .notFound {
                return render(UserError(.notFound, L10n.message(.webNotFound, request.uri.path)), request, context)
            }
            return try error.response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return render(UserError(.unavailable, L10n.message(.webInternal)), request, context, status: .internalServerError)
        }
    }

    func render(_ error: UserError, _ request: Request, _ context: Context, status: HTTPResponse.Status? = nil) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            var response = HTTPErrors.problem(error)
            if let status { response.status = status }
            return response
        }
        let web = WebContext(request, context, state)
        var nodes = [el("p", [("class", "errors")], text: web.t(error.message))]
        if !error.issues.isEmpty { nodes.append(el("ul", [("class", "errors")], error.issues.map { el("li", text: $0.description) })) }
        // A way back: the page the request came from (a form's page), else the overview.
        let back = request.method == .get ? "/" : web.returnPath
        nodes.append(
            el("p", [], [el("a", [("href", back), ("class", "back")], text: back == "/" ? web.t(.navOverview) : web.t(.uiBack))]))
        return Responses.html(
            Layout.document(web, title: web.t(error.message), nodes), web, status: status ?? HTTPErrors.status(error.kind))
    }
}
