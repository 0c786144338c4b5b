import Foundation
import Hummingbird
import Localization

/// An error answered as `application/problem+json` (RFC 9457) with the reason in Chinese and
/// English. Details useful only to developers go to the log, never into the response.
struct Problem: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: Localized
    /// Row-level issues of a rejected import or observation, if any.
    var issues: [[String: String]] = []

    init(_ status: HTTPResponse.Status, _ message: Localized, issues: [[String: String]] = []) {
        self.status = status
        self.message = message
        self.issues = issues
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: Any] = [
            "type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": message.bilingual,
            "detailZh": message.zh, "detailEn": message.en,
        ]
        if !issues.isEmpty { body["issues"] = issues }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(
            status: status, headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notFound(_ what: String) -> Problem {
        Problem(.notFound, Localized(zh: "找不到\(what)", en: "\(what) not found"))
    }
}
