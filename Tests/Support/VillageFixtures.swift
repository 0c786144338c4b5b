public import Foundation

/// Hand-made village, asset, park and weights tables (made-up figures; see
/// `Fixtures/villages/README.md`).
public enum VillageFixtures {
    /// The file of that name among the fixtures.
    public static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("villages").appendingPathComponent(name)
    }
}
