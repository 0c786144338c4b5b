import Foundation
import Hummingbird
import Localization
import Records

/// Building responses: HTML pages (cached where they hold no form), JSON, redirects.
enum Responses {
    /// An HTML document; sets the CSRF cookie when the request had none.
    static func html(_ document: String, _ web: WebContext, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: document)))
        if web.isNewToken { response.setCookie(Security.csrfCookie(web.csrfToken)) }
        return response
    }

    /// A page without forms, cached per path, query and language until the data changes.
    static func cachedHTML(
        _ request: Request, _ state: AppState, _ web: WebContext, build: () async throws -> String
    ) async throws -> Response {
        try await cached(request, state, key: "\(web.language.rawValue) \(request.uri.description)", type: "text/html; charset=utf-8") {
            Array(try await build().utf8)
        }
    }

    /// JSON of an encodable value (sorted keys, pretty).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try Records.json(value))))
    }

    /// JSON cached like pages (the diagnostics API is read far more often than data changes).
    static func cachedJSON(_ request: Request, _ state: AppState, build: () async throws -> Data) async throws -> Response {
        try await cached(request, state, key: "json \(request.uri.description)", type: "application/json; charset=utf-8") {
            Array(try await build())
        }
    }

    /// A response body from the cache, or built and cached for this generation.
    private static func cached(
        _ request: Request, _ state: AppState, key: String, type: String, build: () async throws -> [UInt8]
    ) async throws -> Response {
        let generation = state.generation
        let bytes: [UInt8]
        if let entry = state.cache.get(key, generation: generation) {
            bytes = entry.body
        } else {
            bytes = try await build()
            state.cache.put(key, .init(generation: generation, body: bytes, contentType: type))
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 303 See Other to a local path.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: Security.localPath(path)])
    }
}
