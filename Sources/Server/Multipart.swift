import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (RFC 7578) read with multipart-kit's streaming parser — linear in
/// the body's length — into text fields and files. The body is size-capped before parsing, and at
/// most `maximumParts` parts are read.
struct MultipartForm {
    /// A file part.
    struct File {
        var fieldName: String
        var fileName: String
        var data: Data
    }

    /// The most parts a form may have (the import form has four).
    static let maximumParts = 32

    var fields = FormFields()
    var files: [File] = []

    /// Parses `body` with the boundary from the Content-Type header; nil when malformed.
    init?(contentType: String, body: Data) {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty, boundary.count <= 200 else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var content = Data()
        var parts: [(headers: [(String, String)], content: Data)] = []
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in content.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, content))
            headers = []
            content = Data()
        }
        do {
            var remaining = body[...]
            while !remaining.isEmpty {
                let chunk = remaining.prefix(1 << 16)
                try parser.execute(ByteBuffer(bytes: chunk))
                remaining = remaining.dropFirst(chunk.count)
                if parts.count > Self.maximumParts { return nil }
            }
        } catch {
            return nil
        }
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0 == "content-disposition" })?.1,
                let name = Self.parameter("name", in: disposition)
            else { continue }
            if let fileName = Self.parameter("filename", in: disposition) {
                files.append(File(fieldName: name, fileName: fileName, data: part.content))
            } else {
                fields.pairs.append((name, String(decoding: part.content, as: UTF8.self)))
            }
        }
    }

    /// A quoted parameter of a header line, e.g. `filename="学校.csv"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            let value = trimmed.dropFirst(key.count + 1)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : String(value)
        }
        return nil
    }
}

/// Reads `application/x-www-form-urlencoded` bodies.
enum URLEncodedForm {
    static func parse(_ body: String) -> FormFields {
        var result = FormFields()
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let key = parts.first { result.pairs.append((key, parts.count > 1 ? parts[1] : "")) }
        }
        return result
    }
}

/// The fields of a submitted form in order; a name may repeat (a multiple select).
struct FormFields: Sendable {
    var pairs: [(String, String)] = []

    /// The first value of a field, if sent.
    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    /// The first value of a field, or nil when it is missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of a field.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// The `value` attribute of an input that keeps what was typed into it when the form was
    /// refused, else `initial`.
    func kept(_ name: String, initial: String? = nil) -> [(String, String)] {
        (self[name] ?? initial).map { [("value", $0)] } ?? []
    }

    /// The `selected` attribute of an option `value` of the select `name`, as the refused form had it.
    func selected(_ name: String, _ value: String) -> [(String, String)] {
        all(name).contains(value) ? [("selected", "selected")] : []
    }
}
