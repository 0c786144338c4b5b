public import Foundation
public import Localization

/// A zoning weights file as written by a planner (JSON): plain weights, or an AHP pairwise
/// comparison matrix; optionally fixed class breaks.
///
/// ```json
/// {"weights": {"farmland-share": 3, "irrigated-share": 2, "market-km": 1}}
/// {"ahp": {"criteria": ["farmland-share", "irrigated-share", "market-km"],
///          "matrix": [[1, 2, 3], [0.5, 1, 2], [0.3333333333, 0.5, 1]]},
///  "breaks": [0.75, 0.5, 0.25]}
/// ```
public struct ZoningWeightsFile: Sendable, Hashable, Decodable {
    /// An AHP comparison: criteria keys in matrix order and the matrix.
    public struct Comparison: Sendable, Hashable, Decodable {
        public var criteria: [String]
        public var matrix: [[Double]]
    }

    public var weights: [String: Double]?
    public var ahp: Comparison?
    /// Three descending score thresholds; nil for quartiles.
    public var breaks: [Double]?

    /// Reads the file; `malformed` naming the file and where its JSON is wrong otherwise.
    public static func read(_ url: URL) throws -> ZoningWeightsFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw UserError(.missingInput, L10n.message(.fileUnreadable, url.path))
        }
        guard data.count < 1_000_000 else {
            throw UserError(.tooLarge, L10n.message(.weightsFileMalformed, url.lastPathComponent, "> 1 MB"))
        }
        func refusal(_ reason: Localized) -> UserError {
            UserError(
                .malformed,
                L10n.message(.weightsFileMalformed, zh: [url.lastPathComponent, reason.zh], en: [url.lastPathComponent, reason.en]))
        }
        let file: ZoningWeightsFile
        do {
            file = try JSONDecoder().decode(ZoningWeightsFile.self, from: data)
        } catch {
            throw refusal(L10n.message(.weightsFileJSON, (error as? DecodingError).map(Self.path) ?? "—"))
        }
        if (file.weights == nil) == (file.ahp == nil) { throw refusal(L10n.message(.weightsFileShape)) }
        return file
    }

    /// Where in the JSON a decoding error is: "ahp.matrix[2]", or "—" at the top.
    static func path(_ error: DecodingError) -> String {
        let keys: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): keys = c.codingPath
        @unknown default: keys = []
        }
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "—" : String(text.drop { $0 == "." })
    }
}
