public import Foundation
public import Store

/// The two backends the store, service and command-line tests run on. PostgreSQL is the cluster
/// `scripts/test-postgres.sh` starts (`make test` and CI run through it); without one a run outside
/// CI tests SQLite only, and a run in CI fails rather than skip.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// The backends this run tests.
    public static var available: [TestBackend] {
        let environment = ProcessInfo.processInfo.environment
        return environment["CHENGXIANG_TEST_POSTGRES"] != nil || environment["CI"] != nil ? allCases : [.sqlite]
    }

    /// A new empty register: in memory, or in a schema of its own in the test cluster.
    public func store() throws -> RegisterStore {
        self == .sqlite ? try RegisterStore() : try RegisterStore(path: try Self.postgresLocation())
    }

    /// A new register's `--database` value: a file in `folder`, or a schema of its own in the test cluster.
    public func location(in folder: URL) throws -> String {
        self == .sqlite ? folder.appendingPathComponent("register-\(UUID().uuidString).sqlite").path : try Self.postgresLocation()
    }

    /// A schema of its own in the test cluster, as a `--database` URL.
    public static func postgresLocation() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["CHENGXIANG_TEST_POSTGRES"] else { throw NoTestCluster() }
        return url + "?schema=t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The tests were not run through `scripts/test-postgres.sh`.
    public struct NoTestCluster: Error, CustomStringConvertible {
        public var description: String { "no PostgreSQL test cluster: run the tests through scripts/test-postgres.sh (make test does)" }
    }
}
