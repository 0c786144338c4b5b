public import Analysis
public import Domain
public import Foundation
import Geo
public import Localization
import ODEngine
import Planning
import Reports
import Store

/// The services whose access is measured, each with the facilities that provide it and the norm
/// that says how far is too far.
public enum AccessServiceKind: String, Sendable, Codable, CaseIterable {
    case primary, junior, kindergarten
    /// 乡镇卫生院, within the 15-minute medical circle.
    case healthCenter = "health-center"
    /// 村卫生室, within the 15-minute medical circle.
    case clinic

    /// The school levels that provide the service (a nine-year school has both stages).
    var levels: [SchoolLevel] {
        switch self {
        case .primary: [.primary, .nineYear]
        case .junior: [.junior, .nineYear]
        case .kindergarten: [.kindergarten]
        case .healthCenter, .clinic: []
        }
    }

    /// Whether the threshold is a walking time (else a time by road at the class speeds).
    public var walks: Bool { self == .primary || self == .kindergarten }

    /// The norm holding the threshold in minutes.
    var normKey: String {
        switch self {
        case .primary: NormKey.walkMinutesGrades1to3
        case .junior: NormKey.accessJuniorRoadMinutes
        case .kindergarten: NormKey.accessKindergartenWalkMinutes
        case .healthCenter, .clinic: NormKey.accessMedicalMinutes
        }
    }

    public var label: Localized {
        switch self {
        case .primary: L10n.message(.accessPrimary)
        case .junior: L10n.message(.accessJunior)
        case .kindergarten: L10n.message(.accessKindergarten)
        case .healthCenter: L10n.message(.accessHealthCenter)
        case .clinic: L10n.message(.accessClinic)
        }
    }
}

/// One village's access to a service.
public struct VillageAccess: Sendable, Hashable {
    public var village: String
    public var township: String
    /// 常住人口 of the latest year, else 户籍人口; or the pupils of the stage living there when
    /// pupils are counted by village (`AccessReport.pupilYear`); nil when unknown.
    public var population: Int?
    public var facility: String?
    /// Road distance (or straight line × detour without a network), nil when unreachable.
    public var meters: Double?
    /// The time the threshold is judged by: walking, or by road.
    public var minutes: Double?
    public var withinThreshold: Bool?
    /// The village's position is illustrative (示意).
    public var illustrativePosition: Bool
    public var longitude: Double
    public var latitude: Double
}

/// A township's share of people within the threshold.
public struct TownshipAccess: Sendable, Hashable {
    public var township: String
    public var villages: Int
    /// Villages within the threshold (whether or not their population is known).
    public var villagesWithin: Int
    /// People in villages with a known population; nil when no village of the group has one.
    public var population: Int?
    public var populationWithin: Int?
    /// populationWithin ÷ population; nil when no population is known.
    public var shareWithin: Double?
    /// Population-weighted mean time (minutes) of reachable villages with a population.
    public var meanMinutes: Double?
    public var maxMinutes: Double?
    public var unreachable: Int
}

/// Access to one service for every village: nearest facility, distance and time, shares within
/// the norm's threshold per township and for the county, and inequality between townships.
public struct AccessReport: Sendable {
    public var service: AccessServiceKind
    public var thresholdMinutes: Double
    /// The threshold's source, as the norm gives it.
    public var thresholdSource: String
    public var thresholdIsAssumption: Bool
    public var villages: [VillageAccess]
    public var townships: [TownshipAccess]
    public var county: TownshipAccess
    /// Gini of township means and Theil's T with its split; nil when nothing can be measured.
    public var equity: Equity?
    /// Distances come from the road network (its file), else from straight lines.
    public var network: StoredRoadNetwork?
    /// The villages are weighted by the pupils living there, counted in this year (else by people).
    public var pupilYear: Int?
    public var notes: [Localized]
}

/// Accessibility of schools from villages (R: 城乡基本公共服务均等化).
public struct AccessService: Sendable {
    let store: RegisterStore

    /// Straight line × this when no road network is stored.
    static let detour = 1.3
    /// Speed by road assumed without a network (km/h): a 乡道's.
    static let fallbackKmh = 30.0

    /// The report for one service.
    public func report(_ service: AccessServiceKind) throws -> AccessReport {
        let register = try store.read { try $0.register() }
        let norms = NormBook(try store.read { try $0.norms() })
        let norm = norms.norm(service.normKey) ?? DefaultNorms.norm(service.normKey)
        let threshold = norm?.value ?? 30
        let roads = RoadService(store: store, principal: .reader)
        let walkKmh = try roads.walkingKmh()
        let facilities = try places(of: service)
        let attributes = try store.read { try $0.villageAttributes() }
        var population = VillageAttributes.latestPopulation(attributes)
        // Where pupils are counted by the village they live in, they weigh the villages instead.
        let stage = service.levels.first { $0 != .nineYear }
        let pupils = try stage.flatMap { try PupilService(store: store, principal: .reader).latest($0) }
        if let pupils { population = pupils.pupils }
        let villages = register.divisions.filter { $0.kind == .village && $0.validTo == nil && $0.location != nil }
        var notes: [Localized] = []
        let unplaced = register.divisions.filter { $0.kind == .village && $0.validTo == nil && $0.location == nil }.count
        if unplaced > 0 { notes.append(L10n.message(.accessUnplaced, unplaced)) }
        let origins = villages.map { LonLat($0.location?.longitudeDegrees ?? 0, $0.location?.latitudeDegrees ?? 0) }
        let targets = facilities.map(\.position)
        // Metres and the judged minutes, origin-major.
        var meters = [Double?](repeating: nil, count: origins.count * targets.count)
        var minutes = meters
        // On foot: the network without expressways, one-way streets both ways.
        var usedNetwork: StoredRoadNetwork?
        if let (record, network) = try roads.built(walking: service.walks), let working = ChinaCRS(epsg: record.workingCRS),
            let move = Projection(from: .cgcs2000, to: working)
        {
            func xy(_ p: LonLat) -> XY { move.transform(x: p.lon, y: p.lat).map { XY($0.x, $0.y) } ?? XY(.nan, .nan) }
            let (result, villageSnaps, facilitySnaps) = try network.matrix(
                from: origins.map(xy), to: targets.map(xy), by: service.walks ? .distance : .time, walkingKmh: walkKmh)
            meters = result.meters
            minutes = service.walks ? result.meters.map { $0.map { $0 / (walkKmh * 1000 / 60) } } : result.minutes
            usedNetwork = record
            notes.append(
                record.illustrative
                    ? L10n.message(.accessOnIllustrativeNetwork, record.sourceFile) : L10n.message(.accessOnNetwork, record.sourceFile))
            if !service.walks { notes.append(L10n.message(.odSpeedsAssumed, Format.number(walkKmh, digits: 1))) }
            let far = (villageSnaps + facilitySnaps).filter { ($0?.offMeters ?? .infinity) > NetworkFiles.farFromRoad }.count
            if far > 0 { notes.append(L10n.message(.accessFarFromRoad, far, Format.number(NetworkFiles.farFromRoad, digits: 0))) }
            let apart = villageSnaps.filter { $0 != nil && !network.onMainPiece($0) }.count
            if apart > 0 { notes.append(L10n.message(.accessOnIsland, apart)) }
        } else {
            let speed = service.walks ? walkKmh : Self.fallbackKmh
            for (i, o) in origins.enumerated() {
                for (j, t) in targets.enumerated() {
                    let m = GreatCircle.distanceMetres(o, t) * Self.detour
                    meters[i * targets.count + j] = m
                    minutes[i * targets.count + j] = m / (speed * 1000 / 60)
                }
            }
            notes.append(
                L10n.message(
                    service.walks ? .accessStraightLineWalk : .accessStraightLineRoad, Format.number(Self.detour, digits: 1),
                    Format.number(speed, digits: 0)))
        }
        if service.walks || usedNetwork != nil { notes.append(L10n.message(.accessWalkSpeed, Format.number(walkKmh, digits: 1))) }
        if facilities.isEmpty {
            notes.append(L10n.message(.accessNoFacilities, zh: [service.label.zh], en: [service.label.en]))
        }
        if facilities.contains(where: \.standIn) {
            notes.append(L10n.message(service.levels.isEmpty ? .accessHealthPositions : .accessFacilityPositions))
        }
        var rows: [VillageAccess] = []
        for (i, v) in villages.enumerated() {
            var best: Int?
            for j in targets.indices {
                guard let value = minutes[i * targets.count + j] else { continue }
                if best == nil || value < minutes[i * targets.count + best!]! { best = j }
            }
            // A village of a merged township counts toward the township it belongs to now.
            let township = register.currentTownship(of: v)?.name ?? ""
            let m = best.flatMap { minutes[i * targets.count + $0] }
            rows.append(
                VillageAccess(
                    village: v.name, township: township, population: population[v.id], facility: best.map { facilities[$0].name },
                    meters: best.flatMap { meters[i * targets.count + $0] }, minutes: m, withinThreshold: m.map { $0 <= threshold },
                    illustrativePosition: v.locationQuality == .illustrative, longitude: origins[i].lon, latitude: origins[i].lat))
        }
        if rows.contains(where: \.illustrativePosition) { notes.append(L10n.message(.accessIllustrativeVillages)) }
        let withoutPopulation = rows.filter { $0.population == nil }.count
        if let pupils {
            notes.append(L10n.message(.accessWeightedByPupils, pupils.year))
            if withoutPopulation > 0 { notes.append(L10n.message(.accessNoPupils, withoutPopulation)) }
        } else if withoutPopulation > 0 {
            notes.append(L10n.message(.accessNoPopulation, withoutPopulation))
        }
        let townshipNames = register.townships.filter { $0.status == .current }.map(\.name).filter { name in
            rows.contains { $0.township == name }
        }
        let townships = townshipNames.map { name in Self.summary(name, rows.filter { $0.township == name }) }
        let measured = rows.filter { $0.population != nil && $0.minutes != nil }
        if Set(measured.map(\.township)).count < 2 && !measured.isEmpty { notes.append(L10n.message(.accessOneTownship)) }
        let equity = Equity.measure(
            values: measured.map { $0.minutes ?? 0 }, weights: measured.map { Double($0.population ?? 0) }, groups: measured.map(\.township)
        )
        return AccessReport(
            service: service, thresholdMinutes: threshold, thresholdSource: norm?.source ?? "",
            thresholdIsAssumption: norm?.verification == .assumption, villages: rows, townships: townships,
            county: Self.summary(register.county?.name ?? "", rows), equity: equity, network: usedNetwork, pupilYear: pupils?.year,
            notes: notes)
    }

    /// A facility as the report places it.
    struct Place {
        var name: String
        var position: LonLat
        /// Placed at its village's or township seat's position, not its own.
        var standIn: Bool
    }

    /// The facilities providing a service: schools of its levels (placed at their village or
    /// township seat), or the registered medical facilities of its kind.
    func places(of service: AccessServiceKind) throws -> [Place] {
        switch service {
        case .primary, .junior, .kindergarten:
            return try ScenarioService(store: store).planningSchools().filter { service.levels.contains($0.school.level) }.map {
                Place(name: $0.school.name, position: LonLat($0.longitude, $0.latitude), standIn: true)
            }
        case .healthCenter, .clinic:
            let kind: HealthFacilityKind = service == .clinic ? .clinic : .healthCenter
            return try HealthService(store: store, principal: .reader).facilities().filter { $0.facility.kind == kind }.compactMap { v in
                guard let lon = v.longitude, let lat = v.latitude else { return nil }
                return Place(name: v.facility.name, position: LonLat(lon, lat), standIn: v.positionIsStandIn)
            }
        }
    }

    /// The figures of a group of villages.
    static func summary(_ name: String, _ rows: [VillageAccess]) -> TownshipAccess {
        let counted = rows.filter { $0.population != nil }
        let population = counted.reduce(0) { $0 + ($1.population ?? 0) }
        let within = counted.filter { $0.withinThreshold == true }.reduce(0) { $0 + ($1.population ?? 0) }
        let timed = counted.filter { $0.minutes != nil }
        let weight = timed.reduce(0) { $0 + ($1.population ?? 0) }
        let mean = weight > 0 ? timed.reduce(0.0) { $0 + Double($1.population ?? 0) * ($1.minutes ?? 0) } / Double(weight) : nil
        return TownshipAccess(
            township: name, villages: rows.count, villagesWithin: rows.filter { $0.withinThreshold == true }.count,
            population: counted.isEmpty ? nil : population, populationWithin: counted.isEmpty ? nil : within,
            shareWithin: population > 0 ? Double(within) / Double(population) : nil, meanMinutes: mean,
            maxMinutes: rows.compactMap(\.minutes).max(), unreachable: rows.filter { $0.minutes == nil }.count)
    }

    /// The township and village tables for a workbook, and a sheet of the threshold and notes.
    public static func tables(_ report: AccessReport, _ language: Language) -> [ExportTable] {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let weight = report.pupilYear.map { L10n.message(.accessPupilsColumn, $0).text(language) } ?? t(.colVillagePopulation)
        let villages = ExportTable(
            title: t(.accessVillageSheet),
            headers: [
                t(.colTownship), t(.colVillage), weight, t(.accessNearest), t(.accessKm), t(.accessMinutes),
                t(.accessWithin), t(.colNote),
            ],
            rows: report.villages.map { v -> [TableWorkbook.Cell] in
                let population: Double? = v.population.map(Double.init)
                let km: Double? = v.meters.map { $0 / 1000 }
                let within: String = v.withinThreshold.map { $0 ? t(.accessYes) : t(.accessNo) } ?? t(.accessUnreachable)
                return [
                    .text(v.township), .text(v.village), .number(population, digits: 0), .text(v.facility ?? "—"), .number(km, digits: 2),
                    .number(v.minutes, digits: 1), .text(within), .text(v.illustrativePosition ? t(.accessIllustrativeMark) : ""),
                ]
            })
        let rows = (report.townships + [report.county]).map { s -> [TableWorkbook.Cell] in
            let share: Double? = s.shareWithin.map { $0 * 100 }
            let counts: [TableWorkbook.Cell] = [
                .number(Double(s.villages), digits: 0), .number(Double(s.villagesWithin), digits: 0),
                .number(s.population.map(Double.init), digits: 0), .number(s.populationWithin.map(Double.init), digits: 0),
            ]
            let times: [TableWorkbook.Cell] = [
                .number(share, digits: 1), .number(s.meanMinutes, digits: 1), .number(s.maxMinutes, digits: 1),
                .number(Double(s.unreachable), digits: 0),
            ]
            return [.text(s.township)] + counts + times
        }
        let townships = ExportTable(
            title: t(.accessTownshipSheet),
            headers: [
                t(.colTownship), t(.accessVillages), t(.accessVillagesWithin), weight,
                t(report.pupilYear == nil ? .accessPopulationWithin : .accessPupilsWithin),
                t(.accessSharePercent),
                t(.accessMeanMinutes), t(.accessMaxMinutes), t(.accessUnreachableCount),
            ], rows: rows)
        // The assumptions travel with the figures: the threshold, its source, and every note.
        let threshold = L10n.message(
            .accessHeading, zh: [report.service.label.zh, Format.number(report.thresholdMinutes, digits: 0), report.thresholdSource],
            en: [report.service.label.en, Format.number(report.thresholdMinutes, digits: 0), report.thresholdSource])
        let notes = ExportTable(
            title: t(.uiNotes), headers: [t(.uiNotes)],
            rows: ([threshold] + report.notes + (report.thresholdIsAssumption ? [L10n.message(.labelAssumption)] : [])).map {
                [.text($0.text(language))]
            })
        return [townships, villages, notes]
    }
}
