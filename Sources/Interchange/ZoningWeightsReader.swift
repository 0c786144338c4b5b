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

    /// Reads the file; `malformed` naming the file and JSON's complaint otherwise.
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
        do {
            let file = try JSONDecoder().decode(ZoningWeightsFile.self, from: data)
            if (file.weights == nil) == (file.ahp == nil) {
                throw UserError(.malformed, L10n.message(.weightsFileMalformed, url.lastPathComponent, "weights | ahp"))
            }
            return file
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(
                .malformed, L10n.message(.weightsFileMalformed, url.lastPathComponent, String(describing: error).prefix(200).description))
        }
    }
}
