public import Foundation
import Services

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

    /// The plan's own statement about its school table, to compare the diagnosis with.
    static func planFindings() throws -> PlanFindings {
        try JSONDecoder().decode(PlanFindings.self, from: Data(contentsOf: file("seed_findings.json")))
    }
}
