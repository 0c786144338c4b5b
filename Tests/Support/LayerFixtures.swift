public import Foundation

/// Small hand-made plan layers (made by `Fixtures/layers/make.sh`), whose areas and overlaps can
/// be checked by hand.
public enum LayerFixtures {
    /// The file or folder of that name among the fixtures.
    public static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("layers").appendingPathComponent(name)
    }

    /// A copy of a fixture in a fresh temporary folder (for tests that change or add files).
    public static func copy(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layer-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: url(name), to: target)
        return target
    }
}
