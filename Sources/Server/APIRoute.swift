import Hummingbird
import Localization

/// One documented API route: how to call it (for the OpenAPI document and its test) and the
/// handler that answers it. The router is built from this table, so the document cannot list a
/// route the server does not have, nor miss one it has.
struct APIRoute: Sendable {
    /// A parameter in the path or the query.
    struct Parameter: Sendable {
        enum Location: String, Sendable {
            case path, query
        }

        var name: String
        var location: Location
        var description: MessageKey
        var required: Bool
        var type: String = "string"
    }

    typealias Handler = @Sendable (Request, AppRequestContext, AppState) async throws -> Response

    var method: HTTPRequest.Method
    /// OpenAPI form, e.g. `/api/v1/schools/{id}`.
    var path: String
    var summary: MessageKey
    var tag: String
    var parameters: [Parameter] = []
    /// Media type of the request body, if the route takes one.
    var requestBody: String? = nil
    /// Schema name (in components) of a 2xx JSON response; nil for non-JSON.
    var responseSchema: String?
    var successStatus = 200
    var handler: Handler

    /// The path in Hummingbird's form: `{id}` → `:id`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }
}
