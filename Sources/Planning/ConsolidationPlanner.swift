public import Analysis
public import Domain
import Foundation
import Geo
public import Localization
import LocationModels

/// A school as the planner sees it: figures, township and position.
public struct PlanningSchool: Sendable {
    public var school: School
    public var townshipName: String
    public var longitude: Double
    public var latitude: Double
    /// True when the position is illustrative (示意).
    public var illustrative: Bool

    public init(school: School, townshipName: String, longitude: Double, latitude: Double, illustrative: Bool) {
        self.school = school
        self.townshipName = townshipName
        self.longitude = longitude
        self.latitude = latitude
        self.illustrative = illustrative
    }
}

/// Journeys between named places (km or minutes), imported from a `from,to,km` or `from,to,minutes` table.
public struct DistanceTable: Sendable {
    public var values: [String: [String: Double]]
    public var unit: CostUnit

    public init(values: [String: [String: Double]], unit: CostUnit) {
        self.values = values
        self.unit = unit
    }

    /// The journey either way round, if given.
    public func distance(_ a: String, _ b: String) -> Double? { values[a]?[b] ?? values[b]?[a] }
}

/// Why a scenario cannot be planned, in words a planner can act on.
public struct PlanningError: Error, Sendable {
    public let message: Localized

    public init(message: Localized) {
        self.message = message
    }
}

/// Plans school consolidation: builds demand (each school's pupils of the level), candidates
/// (existing schools of the level and any new site), distances (straight line × detour factor,
/// or the imported table), runs the chosen location model, and measures what the plan means.
public struct ConsolidationPlanner: Sendable {
    public let norms: NormBook

    public init(norms: NormBook) {
        self.norms = norms
    }

    /// Share of a school's pupils (and staff) that belongs to the level.
    func share(_ level: SchoolLevel, _ planning: PlanningLevel) -> Double {
        let primaryShare = norms.value(NormKey.nineYearPrimaryShare) ?? 6.0 / 9.0
        switch (level, planning) {
        case (.primary, .primary), (.junior, .junior): return 1
        case (.nineYear, .primary): return primaryShare
        case (.nineYear, .junior): return 1 - primaryShare
        default: return 0
        }
    }

    /// Runs a scenario.
    public func plan(
        _ schools: [PlanningSchool], options: ConsolidationOptions, distances: DistanceTable? = nil,
        progress: (@Sendable (Int, Double?, Double?) -> Void)? = nil
    ) throws -> ConsolidationResult {
        let level = options.level
        let members = schools.filter { share($0.school.level, level) > 0 }
        guard !members.isEmpty else { throw PlanningError(message: L10n.message(.planNoSchools, level.chineseName)) }
        let names = Set(members.map(\.school.name) + options.newSites.map(\.name))
        for name in options.mustStayOpen + options.mayNotBeChosen where !names.contains(name) {
            throw PlanningError(message: L10n.message(.planUnknownSchool, name, level.chineseName))
        }
        // Sites: existing schools first (they are also the demand points), then new sites.
        var sites = members.map { s -> ConsolidationResult.Site in
            let f = share(s.school.level, level)
            return ConsolidationResult.Site(
                key: "school:\(s.school.id ?? 0)", name: s.school.name, township: s.townshipName, schoolID: s.school.id,
                isNew: false, open: false, pupils: Double(s.school.students ?? 0) * f, pupilsAfter: 0,
                staff: Double(s.school.staff ?? 0) * f, landMu: s.school.landMu.map { $0 * f }, capacity: nil,
                longitude: s.longitude, latitude: s.latitude, illustrative: s.illustrative)
        }
        for n in options.newSites {
            sites.append(
                ConsolidationResult.Site(
                    key: "new:\(n.name)", name: n.name, township: "—", schoolID: nil, isNew: true, open: false, pupils: 0, pupilsAfter: 0,
                    staff: 0, landMu: nil, capacity: n.capacity, longitude: n.longitude, latitude: n.latitude, illustrative: false))
        }
        let demandCount = members.count
        var fallbacks = 0
        var costs: [Double?] = []
        costs.reserveCapacity(demandCount * sites.count)
        for i in 0..<demandCount {
            for site in sites {
                if sites[i].key == site.key {
                    costs.append(0)
                } else if let table = distances, let value = table.distance(sites[i].name, site.name) {
                    costs.append(value)
                } else if options.unit == .minutes {
                    costs.append(nil)  // no table entry and no way to guess a time: unreachable
                    fallbacks += 1
                } else {
                    if distances != nil { fallbacks += 1 }
                    let metres = GreatCircle.distanceMetres(
                        LonLat(sites[i].longitude, sites[i].latitude), LonLat(site.longitude, site.latitude))
                    costs.append(metres / 1000 * options.detourFactor)
                }
            }
        }
        let weights = sites.prefix(demandCount).map(\.pupils)
        let forced = Set(options.mustStayOpen.compactMap { name in sites.firstIndex { $0.name == name } })
        let forbidden = Set(options.mayNotBeChosen.compactMap { name in sites.firstIndex { $0.name == name } })
        let total = weights.reduce(0, +)
        for (j, site) in sites.enumerated() { sites[j].capacity = capacity(site, members: members, level: level, options: options, total: total) }
        let solution: LocationSolution
        do {
            let matrix = try CostMatrix(demandCount: demandCount, candidateCount: sites.count, costs: costs)
            var solve = SolveOptions()
            solve.method = options.exact ? .exact : .heuristic
            solve.seed = options.seed
            solve.timeLimitSeconds = options.timeLimitSeconds
            if let progress { solve.progress = { p in progress(p.iteration, p.bestObjective, p.bound) } }
            let p = options.schoolsToKeep ?? max(1, demandCount - 1)
            switch options.model {
            case .pmedian:
                solution = try PMedianProblem(costs: matrix, weights: weights, p: p, forcedOpen: forced, forbidden: forbidden).solve(options: solve)
            case .cpmedian:
                solution = try CapacitatedPMedianProblem(
                    costs: matrix, weights: weights, capacities: sites.map { $0.capacity ?? total }, p: p, forcedOpen: forced,
                    forbidden: forbidden
                ).solve(options: solve)
            case .mclp:
                solution = try MaximalCoveringProblem(
                    costs: matrix, weights: weights, p: p, radius: options.radius ?? options.maxWalk, forcedOpen: forced,
                    forbidden: forbidden
                ).solve(options: solve)
            case .lscp:
                solution = try SetCoveringProblem(
                    costs: matrix, radius: options.radius ?? options.maxWalk, forcedOpen: forced, forbidden: forbidden
                ).solve(options: solve)
            case .pcenter:
                solution = try PCenterProblem(costs: matrix, p: p, forcedOpen: forced, forbidden: forbidden).solve(options: solve)
            }
        } catch {
            throw PlanningError(message: Localized(zh: error.messageZh, en: error.messageEn))
        }
        return measure(
            solution, sites: sites, demandCount: demandCount, costs: costs, options: options, members: members,
            usedTable: distances != nil, fallbacks: fallbacks)
    }

    /// Seats of a site under the capacity rule.
    func capacity(
        _ site: ConsolidationResult.Site, members: [PlanningSchool], level: PlanningLevel, options: ConsolidationOptions, total: Double
    ) -> Double? {
        guard options.model == .cpmedian else { return site.capacity }
        if site.isNew { return site.capacity ?? total }
        guard let school = members.first(where: { "school:\($0.school.id ?? 0)" == site.key })?.school else { return nil }
        let f = share(school.level, level)
        switch options.capacityRule {
        case .classes:
            let limit = (level == .primary ? norms.value(NormKey.classSizePrimary) : norms.value(NormKey.classSizeJunior)) ?? 45
            if let classes = school.classes { return Double(classes) * f * limit }
            return site.pupils * (1 + options.capacityHeadroom)
        case .land:
            let perPupil = norms.value(NormKey.landCapacityM2PerPupil) ?? 25
            return (site.landMu ?? 0) * AreaUnits.squareMetresPerMu / perPupil
        }
    }

    /// The plan's consequences: kept and closed schools, journeys, boarding, staff, idle land.
    func measure(
        _ solution: LocationSolution, sites inputSites: [ConsolidationResult.Site], demandCount: Int, costs: [Double?],
        options: ConsolidationOptions, members: [PlanningSchool], usedTable: Bool, fallbacks: Int
    ) -> ConsolidationResult {
        var sites = inputSites
        let open = Set(solution.openSites)
        for j in sites.indices { sites[j].open = open.contains(j) }
        var assignments: [ConsolidationResult.Assignment] = []
        var pupilCost = 0.0
        var maxCost = 0.0
        var moved = 0.0
        var beyond = 0.0
        var covered = 0.0
        let total = sites.prefix(demandCount).reduce(0) { $0 + $1.pupils }
        for i in 0..<demandCount {
            let from = sites[i]
            // Covering models may leave a point unassigned; send it to its nearest open school.
            let target = solution.assignment[i] ?? solution.openSites.min { (costs[i * sites.count + $0] ?? .infinity) < (costs[i * sites.count + $1] ?? .infinity) }
            guard let j = target, let cost = costs[i * sites.count + j] else { continue }
            sites[j].pupilsAfter += from.pupils
            pupilCost += cost * from.pupils
            if from.pupils > 0 { maxCost = max(maxCost, cost) }
            if j != i { moved += from.pupils }
            let far = cost > options.maxWalk + 1e-9
            if far { beyond += from.pupils }
            if let radius = options.radius ?? (options.model == .mclp || options.model == .lscp ? options.maxWalk : nil), cost <= radius + 1e-9 {
                covered += from.pupils
            }
            assignments.append(
                ConsolidationResult.Assignment(
                    from: from.key, fromName: from.name, to: sites[j].key, toName: sites[j].name, cost: cost, pupils: from.pupils,
                    beyondWalkLimit: far))
        }
        let closed = sites.filter { !$0.isNew && !$0.open }
        let youngShare = options.level == .primary ? 0.5 : 0
        let norm = (options.level == .primary ? norms.value(NormKey.staffRatioPrimary) : norms.value(NormKey.staffRatioJunior)) ?? 19
        let staffFreed = closed.reduce(0) { $0 + $1.staff } - moved / norm
        var notesZh: [String] = []
        var notesEn: [String] = []
        let illustrative = sites.filter(\.illustrative).count
        if illustrative > 0 {
            notesZh.append("\(illustrative) 所学校的位置为示意位置，距离仅供演示，导入实测坐标或距离表后重算。")
            notesEn.append("\(illustrative) schools have illustrative positions: distances are for demonstration until real coordinates or a distance table are imported.")
        }
        if !usedTable {
            notesZh.append("距离按直线 × 绕行系数 \(Format.number(options.detourFactor, digits: 2)) 计算（未导入路网或距离表）。")
            notesEn.append("Distances are straight lines × a detour factor of \(Format.number(options.detourFactor, digits: 2)) (no road network or distance table loaded).")
        } else if fallbacks > 0 {
            let how = options.unit == .minutes ? "视为不可达" : "按直线 × 绕行系数估算"
            let howEn = options.unit == .minutes ? "treated as unreachable" : "estimated as straight line × detour"
            notesZh.append("距离表缺 \(fallbacks) 对，\(how)。")
            notesEn.append("\(fallbacks) pairs missing from the distance table were \(howEn).")
        }
        if members.contains(where: { $0.school.level == .nineYear }) {
            notesZh.append("小初一体学校按小学:初中 = 6:3 拆分学生和教职工（假设）。")
            notesEn.append("Nine-year schools' pupils and staff are split primary:junior = 6:3 (an assumption).")
        }
        if options.level == .primary {
            let limit = "\(Format.number(options.maxWalk, digits: 1)) \(options.unit.chineseName)"
            notesZh.append("1–3 年级按小学生的一半计（假设）；其超出步行上限 \(limit) 者原则上不宜寄宿，需校车等安排。")
            notesEn.append("Grades 1–3 are taken as half the primary pupils (an assumption); those beyond the \(Format.number(options.maxWalk, digits: 1)) \(options.unit.rawValue) walk should not board and need transport.")
        }
        return ConsolidationResult(
            options: options, sites: sites, assignments: assignments, schoolsKept: sites.filter { !$0.isNew && $0.open }.count,
            schoolsClosed: closed.count, newSchoolsOpened: sites.filter { $0.isNew && $0.open }.count, pupils: total,
            pupilCost: pupilCost, meanCost: total > 0 ? pupilCost / total : 0, maxCost: maxCost, pupilsMoved: moved, pupilsBeyondWalk: beyond,
            youngPupilsBeyondWalk: beyond * youngShare, boardingPlacesNeeded: beyond * (1 - youngShare), staffFreed: staffFreed,
            idleLandMu: closed.reduce(0) { $0 + ($1.landMu ?? 0) },
            coveredPupils: options.model == .mclp || options.model == .lscp ? covered : nil, objective: solution.objective,
            bound: solution.bound, gap: solution.gap, provenOptimal: solution.provenOptimal, seconds: solution.seconds,
            method: options.exact ? "exact" : "heuristic", notesZh: notesZh, notesEn: notesEn)
    }
}
