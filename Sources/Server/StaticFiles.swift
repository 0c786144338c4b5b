import Foundation
import Hummingbird
import Localization

/// The stylesheet and script, read once from the bundle and served from memory. Only these
/// names exist: a request for anything else — `../`, encoded slashes, absolute paths — is 404.
struct StaticFiles: Sendable {
    let files: [String: (type: String, bytes: [UInt8])]

    init() {
        var files: [String: (String, [UInt8])] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
            if let url = Bundle.module.url(forResource: "Static/\(name)", withExtension: nil)
                ?? Bundle.module.url(
                    forResource: name, withExtension: nil, subdirectory: "Static"),
                let data = try? Data(contentsOf: url)
            {
                files[name] = (type, [UInt8](data))
            }
        }
        self.files = files
    }

    func response(_ name: String) throws -> Response {
        guard let file = files[name] else { throw UserError(.notFound, L10n.message(.webNotFound, name)) }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
