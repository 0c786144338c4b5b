public import Domain
public import Geo
public import Monitoring
import Store

/// What the overview page shows at a moment.
public struct Overview: Sendable {
    public var profile: CountyProfile
    public var register: DivisionRegister
    public var report: SchoolDiagnosticsReport
    /// The diagnosis against the plan's own findings; nil when no findings are stored.
    public var findings: Findings?
    public var completeness: [CompletenessRow]
    public var statuses: [IndicatorStatus]
    /// Tasks past their deadline and not done, reported on (overdue) or not (progress unknown).
    public var pastDeadline: [PlanTask]
    public var now: FractionalYear
}

/// What the map shows: the register's places, the county outline and the diagnosed schools.
public struct MapData: Sendable {
    public var register: DivisionRegister
    public var outline: MultiPolygon?
    public var report: SchoolDiagnosticsReport
    /// The plan layers, in CGCS2000 degrees, simplified for the map.
    public var layers: [MapLayer] = []
    /// The conflict patches and their polygons (aligned), and the check they came from.
    public var conflicts: ConflictReport?
    public var conflictAreas: [MapArea] = []
}

/// Assembles the overview and the map from the other services.
public struct OverviewService: Sendable {
    let store: RegisterStore

    /// The overview judged at `now`.
    public func overview(now: FractionalYear) throws -> Overview {
        let registerService = RegisterService(store: store)
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let profile = try registerService.countyProfile()
        let tasks = try MonitoringService(store: store).tasks()
        return Overview(
            profile: profile, register: try registerService.divisionRegister(), report: report,
            findings: profile.planFindings.map { Findings(report: report, plan: $0) },
            completeness: try CompletenessService(store: store).rows(),
            statuses: try MonitoringService(store: store).statuses(now: now),
            pastDeadline: tasks.filter {
                [.overdue, .pastDeadlineProgressUnknown].contains($0.deadlineState(now: now))
            }, now: now)
    }

    /// The map's data.
    public func map() throws -> MapData {
        let registerService = RegisterService(store: store)
        let conflicts = ConflictService(store: store, principal: .reader)
        let report = try conflicts.check()
        return MapData(
            register: try registerService.divisionRegister(), outline: try registerService.countyOutline(),
            report: try DiagnosticsService(store: store).schoolDiagnostics(),
            layers: try LayerService(store: store, principal: .reader).mapLayers(tolerance: MapLayer.tolerance),
            conflicts: report, conflictAreas: try conflicts.mapAreas(report, tolerance: MapLayer.tolerance))
    }
}
