import Foundation
import Localization
public import Store

/// One county's register opened for use, and every use case over it. The web server and the
/// command line reach data only through a workspace: they never open the store or read files
/// themselves.
public final class Workspace: Sendable {
    let store: RegisterStore

    /// A workspace over an open store (tests, tools).
    public init(store: RegisterStore) {
        self.store = store
    }

    /// Opens an existing database; refuses a path with no database (`missingInput`).
    public static func open(path: String) throws -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserError(.missingInput, L10n.message(.noDatabase, path))
        }
        return Workspace(store: try RegisterStore(path: path))
    }

    /// Opens the database at `path`, creating an empty one (schema only) when there is none.
    public static func create(path: String) throws -> Workspace {
        Workspace(store: try RegisterStore(path: path))
    }

    /// A private in-memory register.
    public static func inMemory() throws -> Workspace {
        Workspace(store: try RegisterStore())
    }

    /// The division register, norms, audit log and the county's profile.
    public var register: RegisterService { RegisterService(store: store) }
    /// School diagnostics with township and county roll-ups.
    public var diagnostics: DiagnosticsService { DiagnosticsService(store: store) }
    /// Which data is missing where.
    public var completeness: CompletenessService { CompletenessService(store: store) }
    /// Indicators, observations, statuses and the task checklist.
    public var monitoring: MonitoringService { MonitoringService(store: store) }
    /// School consolidation scenarios.
    public var scenarios: ScenarioService { ScenarioService(store: store) }
    /// The monitoring report in Excel, HTML or PDF.
    public var reports: ReportService { ReportService(store: store) }
    /// What the overview page and the demo summary show.
    public var overview: OverviewService { OverviewService(store: store) }
    /// Default norms and the generic indicator catalogue of a new register.
    public var setup: SetupService { SetupService(store: store) }

    /// Imports of files, recorded in the audit log under `actor`.
    public func imports(actor: String) -> ImportService { ImportService(store: store, actor: actor) }

    /// Copies the whole register into another workspace (an online backup).
    public func dataStamp() throws -> Int64 { try store.dataStamp() }

    public func backup(to other: Workspace) throws { try store.backup(toStore: other.store) }
}
