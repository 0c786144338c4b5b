import Foundation
import Hummingbird
import Localization
import Records
import Services

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

    /// A page cached per path, `variant` and language until the data changes. `variant` holds
    /// the request's parameters as the handler parsed and checked them (a page number within the
    /// pages there are, a township that exists), never the raw query: `?x=1` or `?page=abc` cannot
    /// make a new entry. `build` gets a context whose CSRF token is a placeholder; each response
    /// carries its visitor's own.
    static func cachedHTML(
        _ request: Request, _ state: AppState, _ web: WebContext, variant: [String] = [],
        build: @escaping @Sendable (WebContext) async throws -> String
    ) async throws -> Response {
        let cacheWeb = web.forCache()
        var response = try await cached(
            state, key: "\(web.language.rawValue) \(cacheKey(request.uri.path, [web.viewerKey] + variant))",
            type: "text/html; charset=utf-8",
            token: web.csrfToken
        ) {
            Array(try await build(cacheWeb).utf8)
        }
        if web.isNewToken { response.setCookie(Security.csrfCookie(web.csrfToken)) }
        return response
    }

    /// The path and the variant's parts, each percent-encoded so that no part can pass for two.
    static func cacheKey(_ path: String, _ variant: [String]) -> String {
        ([path] + variant.map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }).joined(separator: " ")
    }

    /// JSON of an encodable value (sorted keys, pretty), built for this request: not stored
    /// anywhere (a new token, the user list).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try Records.json(value))))
    }

    /// JSON cached like pages (the diagnostics API is read far more often than data changes).
    static func cachedJSON(
        _ request: Request, _ state: AppState, variant: [String] = [], build: @escaping @Sendable () async throws -> Data
    ) async throws -> Response {
        try await cached(
            state, key: "json \(cacheKey(request.uri.path, variant))", type: "application/json; charset=utf-8", token: nil
        ) {
            Array(try await build())
        }
    }

    /// A response body from the cache, or built (once, however many ask) and cached for this
    /// generation; the token placeholder is replaced by `token`.
    private static func cached(
        _ state: AppState, key: String, type: String, token: String?, build: @escaping @Sendable () async throws -> [UInt8]
    ) async throws -> Response {
        let segments = try await state.cache.body(key, generation: try state.generation(), build: build)
        var buffer = ByteBuffer()
        for (index, segment) in segments.enumerated() {
            if index > 0 { buffer.writeString(token ?? WebContext.tokenPlaceholder) }
            buffer.writeBytes(segment)
        }
        // A page holds its visitor's token: private, not kept; JSON may be revalidated, but only by
        // the client (answers are for signed-in users): never stored by a shared proxy.
        let control = token == nil ? "private, no-cache" : "private, no-store"
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: control], body: .init(byteBuffer: buffer))
    }

    /// 303 See Other to a local path.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: Security.localPath(path)])
    }
}

/// The file formats a table downloads in.
enum ExportFormat: String, CaseIterable {
    case csv, xlsx
}

extension Responses {
    /// A table as a file to download, named in the page's language (ASCII name for old browsers).
    static func export(_ table: ExportTable, _ format: ExportFormat, gbk: Bool, _ web: WebContext) throws -> Response {
        let bytes: [UInt8]
        let type: String
        switch format {
        case .csv:
            bytes = TableExport.csv(table, gbk: gbk)
            type = gbk ? "text/csv; charset=gb18030" : "text/csv; charset=utf-8"
        case .xlsx:
            bytes = try TableExport.xlsx(table, web.language)
            type = ReportFormat.xlsx.mediaType
        }
        return download(bytes, name: table.title, format: format.rawValue, type: type)
    }

    /// Bytes to download as a file named `name.format` (UTF-8 name, ASCII fallback for old browsers).
    static func download(_ bytes: [UInt8], name: String, format: String, type: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "private, no-store",
                .contentDisposition: "attachment; filename=\"download.\(format)\"; filename*=UTF-8''\(encoded).\(format)",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension ReportFormat {
    /// The media type of a report file.
    var mediaType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }
}
