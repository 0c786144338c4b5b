import Domain
import Foundation
import Planning
public import Services

/// Builds the 交城县 demo register from the bundled files, through the same use cases a clerk
/// uses, then fills unknown positions with illustrative ones (示意位置).
public struct DemoBuilder: Sendable {
    /// The source recorded for the seed's school table.
    public static let seedTableSource = "交城县乡村振兴规划 第六章 表六/1"  // data
    /// Radius within which a township's villages are spread around its seat, in metres.
    public static let villageSpreadMetres = 6_000.0
    /// Minimum distance between illustrative township seats, in metres.
    public static let seatSpacingMetres = 12_000.0

    /// The township whose seat stands for the 庞泉沟 mountains (the nature reserve) in the
    /// illustrative red line.
    static let mountainTownship = "庞泉沟镇"  // data

    /// The county-government point, standing in for the boarding school the plan wants "in the
    /// county seat" (城区寄宿制示范小学) until a site is chosen: an illustrative position.
    static let countySeat = (longitude: 112.152541, latitude: 37.554365)
    static let boardingSchool = "城区寄宿制示范小学（规划）"  // data

    /// Two consolidation scenarios for the seed's primary schools, so the comparison has
    /// something to compare: closing two schools, and building the county-seat boarding school
    /// the plan asks for while keeping eleven existing schools. Their names say what they keep.
    static let scenarios: [ScenarioRequest] = [
        ScenarioRequest(name: "方案甲：撤并两所，保留 16 所现有学校（p-中位）", model: .pmedian, level: .primary, schoolsToKeep: 16),  // data
        ScenarioRequest(
            name: "方案乙：新建城区寄宿制示范小学，保留 11 所现有学校（p-中位，p = 12）", model: .pmedian, level: .primary,  // data
            schoolsToKeep: 12, keep: [boardingSchool],
            newSites: [NewSite(name: boardingSchool, longitude: countySeat.longitude, latitude: countySeat.latitude, illustrative: true)]),
    ]

    public let workspace: Workspace
    /// The demo is built by the program itself, recorded as "demo" in the audit log.
    public let principal = Principal.system("demo")

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Loads everything into an empty register. `progress` receives one line per step.
    public func build(progress: (String) -> Void = { _ in }) throws {
        let importer = workspace.imports(by: principal)
        let norms = try workspace.setup.installDefaultNorms(by: principal)
        try workspace.register.markAsDemo(by: principal)
        progress("norms: \(norms)")
        for file in ["townships.csv", "villages.csv", "county_outline.geojson", "division_locations.csv"] {
            let summary = try importer.importDivisions(from: DemoResources.file(file))
            progress("divisions \(file): +\(summary.inserted) ~\(summary.updated)")
        }
        let placed = try workspace.register.placeIllustrativePositions(
            seatSpacingMetres: Self.seatSpacingMetres, villageSpreadMetres: Self.villageSpreadMetres, by: principal)
        progress("illustrative positions: \(placed)")
        let layers = try workspace.layers(by: principal).installIllustrativeLayers(mountainTownship: Self.mountainTownship)
        progress("illustrative layers: \(layers.map { "\($0.name) \($0.featureCount)" }.joined(separator: ", "))")
        let schools = try importer.importSchools(from: DemoResources.file("seed_table_6_1.csv"), source: Self.seedTableSource)
        progress("schools: +\(schools.inserted); not reported: \(schools.townshipsNotReported.joined(separator: ", "))")
        let linked = try importer.linkSchoolsToVillages(from: DemoResources.file("school_villages.csv"))
        progress("school villages linked: \(linked)")
        try workspace.setup.installGenericCatalogue(by: principal)
        let catalogue = try JiaochengPlan.install(into: workspace, by: principal)
        progress("indicators: \(catalogue.indicators); tasks: \(catalogue.tasks)")
        try workspace.register.storePlanFindings(try DemoResources.planFindings(), by: principal)
        let parks = try JiaochengPlan.installParks(into: workspace, by: principal)
        progress("parks (planned): \(parks)")
        let roads = try workspace.roads(by: principal).installIllustrativeNetwork()
        progress("illustrative roads: \(roads.edges) edges, \(roads.componentSizes.count) piece(s)")
        for request in Self.scenarios {
            let s = try workspace.scenarios.run(request, by: principal)
            progress("scenario #\(s.id) \(s.name): kept \(s.result.schoolsKept), closed \(s.result.schoolsClosed)")
        }
    }
}

/// Chapter 6 of 交城's plan as a catalogue: its indicators, rules and key tasks.
public enum JiaochengPlan {
    /// Adds the plan's indicators, rules and tasks the register lacks; returns how many of each.
    @discardableResult
    public static func install(into workspace: Workspace, by principal: Principal) throws -> (indicators: Int, tasks: Int) {
        try workspace.monitoring.installCatalogue(
            indicators: SeedCatalogue.indicators, rules: SeedCatalogue.rules, tasks: DemoResources.file("seed_tasks.csv"), by: principal)
    }

    /// The four characteristic parks the plan names (「我县夏家营镇可打造工业特色园区、西营镇为养殖特色园区、
    /// 洪相镇为农业产业园特色园区、庞泉沟镇为旅游特色园区」), as planned: township, kind and source
    /// only — the plan names no boundary, industry detail, enterprise or figure, so none is invented.
    static let parks: [(name: String, township: String, kind: String)] = [
        ("夏家营镇工业特色园区", "夏家营镇", "工业"),  // data
        ("西营镇养殖特色园区", "西营镇", "养殖"),  // data
        ("洪相镇农业产业园特色园区", "洪相镇", "农业产业园"),  // data
        ("庞泉沟镇旅游特色园区", "庞泉沟镇", "旅游"),  // data
    ]

    /// The plan's passage the parks come from.
    static let parkSource = "交城县乡村振兴规划 第六章 三、以特色园区建设促进城乡融合发展（可打造）"  // data

    /// Registers the four planned parks; returns how many.
    @discardableResult
    public static func installParks(into workspace: Workspace, by principal: Principal) throws -> Int {
        let service = workspace.parks(by: principal)
        for park in parks {
            try service.add(name: park.name, township: park.township, kind: park.kind, status: .planned, source: parkSource)
        }
        return parks.count
    }
}
