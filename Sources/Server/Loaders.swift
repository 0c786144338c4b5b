import Analysis
import Domain
import Foundation
import Monitoring
import Services
import Store

/// Reads what pages and API handlers show, through the services.
enum Loaders {
    /// "Now" on the monitoring time scale.
    static var now: Double { Period.time(of: Date()) }

    static func overview(_ store: RegisterStore) throws -> OverviewPage.Data {
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let tasks = try store.read { try $0.tasks() }
        return OverviewPage.Data(
            register: try store.read { try $0.register() }, report: report,
            findings: Findings(report: report, seed: try DemoResources.seedFindings()),
            completeness: try CompletenessService(store: store).rows(),
            statuses: try MonitoringService(store: store).statuses(now: now),
            overdue: tasks.filter { $0.isOverdue(now: now) })
    }

    static func map(_ store: RegisterStore) throws -> MapPage.Data {
        let (register, outline) = try store.read { r -> (DivisionRegister, String?) in
            let register = try r.register()
            return (register, try register.county.flatMap { try r.boundaryGeoJSON(divisionID: $0.id!) })
        }
        return MapPage.Data(register: register, outlineGeoJSON: outline, report: try DiagnosticsService(store: store).schoolDiagnostics())
    }

    /// Area names a form may choose: the county and the current townships.
    static func areaNames(_ register: DivisionRegister) -> [String] {
        [register.county?.name].compactMap { $0 } + register.townships.filter { $0.status == .current }.map(\.name)
    }
}
