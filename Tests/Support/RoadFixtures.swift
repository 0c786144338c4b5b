public import Foundation

/// A hand-made road network with hand-computed answers (see `Fixtures/roads/README.md`).
public enum RoadFixtures {
    /// The file of that name among the fixtures.
    public static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("roads").appendingPathComponent(name)
    }
}
