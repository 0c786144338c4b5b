import Domain
import Foundation
import Geo
import Planning
import Interchange
public import Store

/// Builds the 交城县 demo register from the bundled files, through the same importers a
/// clerk uses, then fills unknown positions with illustrative ones (示意位置).
public struct DemoBuilder: Sendable {
    /// The source recorded for the seed's school table.
    public static let seedTableSource = "交城县乡村振兴规划 第六章 表六/1"
    /// Radius within which a township's villages are spread around its seat, in metres.
    public static let villageSpreadMetres = 6_000.0
    /// Minimum distance between illustrative township seats, in metres.
    public static let seatSpacingMetres = 12_000.0

    /// The county seat, where the plan wants a boarding model primary school (城区寄宿制示范小学).
    static let countySeat = (longitude: 112.152541, latitude: 37.554365)

    /// Two consolidation scenarios for the seed's primary schools, so the comparison has
    /// something to compare: closing two schools, and building the county-seat boarding school
    /// the plan asks for while keeping twelve.
    static let scenarios: [(String, ConsolidationOptions)] = [
        ("方案甲：撤并两所（p-中位，保留 16 所）", ConsolidationOptions(model: .pmedian, level: .primary, schoolsToKeep: 16)),
        (
            "方案乙：新建城区寄宿制示范小学（保留 12 所）",
            ConsolidationOptions(
                model: .pmedian, level: .primary, schoolsToKeep: 12, mustStayOpen: ["城区寄宿制示范小学（规划）"],
                newSites: [NewSite(name: "城区寄宿制示范小学（规划）", longitude: countySeat.longitude, latitude: countySeat.latitude)])
        ),
    ]

    public let store: RegisterStore
    public let actor = "demo"

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Loads everything into an empty register. `progress` receives one line per step.
    public func build(progress: (String) -> Void = { _ in }) throws {
        let importer = ImportService(store: store, actor: actor)
        try store.write(actor: actor) { writer in
            for norm in DefaultNorms.all { try writer.save(norm) }
            try writer.setMetadata("dataset", "demo")
            try writer.setMetadata("county", "交城县 141122")
        }
        progress("规范标准 norms: \(DefaultNorms.all.count)")
        for file in ["townships.csv", "villages.csv", "county_outline.geojson", "division_locations.csv"] {
            let summary = try importer.importDivisions(from: DemoResources.file(file))
            progress("区划 divisions \(file): +\(summary.inserted) ~\(summary.updated)")
        }
        let placed = try placeIllustrativePositions()
        progress("示意位置 illustrative positions: \(placed)")
        let schools = try importer.importSchools(
            from: DemoResources.file("seed_table_6_1.csv"),
            defaults: SchoolImportDefaults(dataYear: nil, source: Self.seedTableSource))
        progress("学校 schools: +\(schools.inserted); 未上报 not reported: \(schools.townshipsNotReported.joined(separator: "、"))")
        let linked = try linkSchoolsToVillages(DemoResources.file("school_villages.csv"))
        progress("学校所在村 school villages linked: \(linked)")
        let catalogue = try MonitoringService(store: store).installSeedCatalogue(actor: actor)
        progress("指标 indicators: \(catalogue.indicators); 任务 tasks: \(catalogue.tasks)")
        for (name, options) in Self.scenarios {
            let s = try ScenarioService(store: store).run(name: name, options: options, actor: actor)
            progress("方案 scenario #\(s.id) \(name): 保留 kept \(s.result.schoolsKept)，撤并 closed \(s.result.schoolsClosed)")
        }
    }

    /// Gives every township and village without a position an illustrative one inside the
    /// county outline (procedure in `IllustrativePlacement`); returns how many were placed.
    func placeIllustrativePositions() throws -> Int {
        let (register, outlineText) = try store.read { reader -> (DivisionRegister, String?) in
            let register = try reader.register()
            return (register, try register.county.flatMap { try reader.boundaryGeoJSON(divisionID: $0.id!) })
        }
        guard let outlineText, let outline = try GeoJSONGeometryParser.multiPolygon(outlineText) else { return 0 }
        let townships = register.divisions.filter { $0.kind.tier == .township }
        var seats: [Int64: LonLat] = [:]
        for t in townships {
            if let p = t.location { seats[t.id!] = LonLat(p.longitudeDegrees, p.latitudeDegrees) }
        }
        // A historical unit that became a successor with no villages of its own (洪相乡 → 洪相镇)
        // is the same area: it shares the successor's seat instead of getting one of its own.
        func sharesSeat(_ t: Division) -> Division? {
            guard t.status == .historical, let successor = register.currentUnit(for: t),
                register.villages(in: successor).isEmpty
            else { return nil }
            return successor
        }
        let needSeat = townships.filter { seats[$0.id!] == nil && sharesSeat($0) == nil }
        let newSeats = IllustrativePlacement.seats(
            count: needSeat.count, inside: outline, avoiding: Array(seats.values),
            minimumSpacingMetres: Self.seatSpacingMetres)
        var illustrative: [Int64: LonLat] = [:]
        for (t, p) in zip(needSeat, newSeats) {
            seats[t.id!] = p
            illustrative[t.id!] = p
        }
        for t in townships where seats[t.id!] == nil {
            if let successor = sharesSeat(t), let p = seats[successor.id!] {
                seats[t.id!] = p
                illustrative[t.id!] = p
            }
        }
        for t in townships {
            guard let seat = seats[t.id!] else { continue }
            let unplaced = register.villages(in: t).filter { $0.location == nil }
            let spots = IllustrativePlacement.around(
                seat, count: unplaced.count, radiusMetres: Self.villageSpreadMetres, inside: outline)
            for (v, p) in zip(unplaced, spots) { illustrative[v.id!] = p }
        }
        try store.write(actor: actor) { writer in
            for (id, p) in illustrative.sorted(by: { $0.key < $1.key }) {
                guard var d = register.division(id: id) else { continue }
                d.location = GeoPoint(longitudeDegrees: p.lon, latitudeDegrees: p.lat)
                d.locationQuality = .illustrative
                d.locationSource = IllustrativePlacement.procedureName
                try writer.update(d)
            }
        }
        return illustrative.count
    }

    /// Sets each school's village from the demo's school → village table; returns how many.
    func linkSchoolsToVillages(_ url: URL) throws -> Int {
        let source = CSVTableSource(url: url)
        var links: [(school: String, township: String, village: String)] = []
        try source.forEachRow { row in
            guard row.number > 1, !row.isBlank else { return }
            links.append((row[0], row[1], row[2]))
        }
        return try store.write(actor: actor) { writer in
            let register = try writer.reader.register()
            for link in links {
                guard let township = register.townships(named: link.township).first,
                    var school = try writer.school(townshipID: township.id!, name: link.school),
                    let village = register.village(named: link.village, in: township)
                else {
                    preconditionFailure("the bundled school → village table names \(link) that the demo does not hold")
                }
                school.villageID = village.id
                try writer.update(school)
            }
            return links.count
        }
    }
}
