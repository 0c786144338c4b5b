public import Foundation

/// The bundled 交城县 demo files (see `Resources/demo/DATA-SOURCES.md`).
public enum DemoResources {
    /// The folder holding the demo files.
    public static var folder: URL {
        guard let url = Bundle.module.url(forResource: "demo", withExtension: nil) else {
            preconditionFailure("the demo resources are missing from the bundle")
        }
        return url
    }

    /// A demo file by name, e.g. `seed_table_6_1.csv`.
    public static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The seed's own statement about its school table, to compare the diagnosis with.
    public static func seedFindings() throws -> SeedFindings {
        try JSONDecoder().decode(SeedFindings.self, from: Data(contentsOf: file("seed_findings.json")))
    }
}

/// What the plan itself concluded from its school table.
public struct SeedFindings: Sendable, Codable {
    public var source: String
    public var quote: String
    /// The schools the plan names as wasting resources, as the table writes them.
    public var schoolsNamedAsWasteful: [String]
}
