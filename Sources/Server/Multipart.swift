import Foundation

/// A minimal `multipart/form-data` reader (RFC 7578) for the import form: text fields and one
/// or more files, held in memory (the upload size is capped before parsing).
struct MultipartForm {
    /// A file part.
    struct File {
        var fieldName: String
        var fileName: String
        var data: Data
    }

    var fields = FormFields()
    var files: [File] = []

    /// Parses `body` with the boundary from the Content-Type header; nil when malformed.
    init?(contentType: String, body: Data) {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [Data] = []
        var cursor = body.startIndex
        while let found = body.range(of: delimiter, in: cursor..<body.endIndex) {
            if cursor != body.startIndex || found.lowerBound != body.startIndex {
                parts.append(body[cursor..<found.lowerBound])
            }
            cursor = found.upperBound
        }
        for var part in parts where !part.isEmpty {
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.count >= 2 && part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            guard let split = part.range(of: headerEnd) else { continue }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            let content = Data(part[split.upperBound...])
            guard
                let disposition = headers.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition")
                })
            else { continue }
            guard let name = Self.parameter("name", in: String(disposition)) else { continue }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                files.append(File(fieldName: name, fileName: fileName, data: content))
            } else {
                fields.pairs.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    /// A quoted parameter of a header line, e.g. `filename="学校.csv"`.
    static func parameter(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "\(key)=\"") else { return nil }
        let rest = header[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
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
}
