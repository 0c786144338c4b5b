public import Analysis
public import Domain
import Foundation
import Geo
public import Localization
import LocationModels

/// A school as the planner sees it: figures, township and position.
public struct PlanningSchool: Sendable {
    public var school: Stored<School>
    public var townshipName: String
    public var longitude: Double
    public var latitude: Double
    /// How good the position the school is drawn at is (its village's, else its township seat's).
    public var quality: LocationQuality

    public init(school: Stored<School>, townshipName: String, longitude: Double, latitude: Double, quality: LocationQuality) {
        self.school = school
        self.townshipName = townshipName
        self.longitude = longitude
        self.latitude = latitude
        self.quality = quality
    }

    /// True when the position is a stand-in (示意) or of unknown quality.
    public var illustrative: Bool { quality == .illustrative || quality == .unknown }
}

/// Journeys between named places (km or minutes), imported from a `from,to,km` or `from,to,minutes` table.
public struct DistanceTable: Sendable {
    public var values: [String: [String: Double]]
    public var unit: CostUnit
    /// Pairs known to be unreachable (no road joins them), from → to.
    public var unreachable: [String: Set<String>]
    /// Where the figures come from, added to the result's notes (e.g. the road network).
    public var note: Localized?

    public init(values: [String: [String: Double]], unit: CostUnit, unreachable: [String: Set<String>] = [:], note: Localized? = nil) {
        self.values = values
        self.unit = unit
        self.unreachable = unreachable
        self.note = note
    }

    /// The journey either way round, if given.
    public func distance(_ a: String, _ b: String) -> Double? { values[a]?[b] ?? values[b]?[a] }

    /// Whether the pair is known to be unreachable both ways round.
    public func isUnreachable(_ a: String, _ b: String) -> Bool {
        (unreachable[a]?.contains(b) ?? false) && (unreachable[b]?.contains(a) ?? false)
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

    /// The walking limit in the options' unit: as given, or the norm's journey time (minutes)
    /// at the norm's walking speed (kilometres).
    public func walkLimit(_ options: ConsolidationOptions) -> Double {
        if let given = options.maxWalk { return given }
        let minutes = norms.value(NormKey.walkMinutesGrades1to3) ?? DefaultNorms.value(NormKey.walkMinutesGrades1to3)
        guard options.unit == .kilometres else { return minutes }
        let speed = norms.value(NormKey.walkSpeedKmPerHour) ?? DefaultNorms.value(NormKey.walkSpeedKmPerHour)
        return minutes / 60 * speed
    }

    /// Refuses options a scenario cannot be run with, naming the field and what it must be.
    public func validate(_ options: ConsolidationOptions, candidates: Int) throws(UserError) {
        func bad(_ field: String, _ value: Any, _ rule: MessageKey) -> UserError {
            UserError(.invalid, L10n.message(.planBadNumber, field, "\(value)", L10n.message(rule)))
        }
        if let p = options.schoolsToKeep, options.model != .lscp, !(1...max(1, candidates)).contains(p) {
            throw UserError(.invalid, L10n.message(.enginePExceedsCandidates, p, candidates))
        }
        if let r = options.radius, !(r.isFinite && r >= 0) { throw bad("radius", r, .ruleNonNegative) }
        if let w = options.maxWalk, !(w.isFinite && w > 0) { throw bad("maxWalk", w, .rulePositive) }
        if !(options.detourFactor.isFinite && options.detourFactor >= 1 && options.detourFactor <= 10) {
            throw bad("detourFactor", options.detourFactor, .ruleDetour)
        }
        if !(options.capacityHeadroom.isFinite && options.capacityHeadroom >= 0) {
            throw bad("capacityHeadroom", options.capacityHeadroom, .ruleNonNegative)
        }
        if let t = options.timeLimitSeconds, !(t.isFinite && t > 0) { throw bad("timeLimit", t, .rulePositive) }
        var names = Set<String>()
        for site in options.newSites {
            guard site.longitude.isFinite, site.latitude.isFinite, abs(site.longitude) <= 180, abs(site.latitude) <= 90 else {
                throw UserError(.invalid, L10n.message(.planInvalidSite, site.name, site.longitude, site.latitude))
            }
            if let c = site.capacity, !(c.isFinite && c >= 0) { throw bad("capacity", c, .ruleNonNegative) }
            let name = site.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, names.insert(name).inserted else { throw UserError(.invalid, L10n.message(.planDuplicateSite, site.name)) }
        }
    }

    /// Runs a scenario. Throws `UserError` naming the schools concerned when it cannot be run.
    public func plan(
        _ schools: [PlanningSchool], options inputOptions: ConsolidationOptions, distances: DistanceTable? = nil,
        progress: (@Sendable (Int, Double?, Double?) -> Void)? = nil
    ) throws(UserError) -> ConsolidationResult {
        var options = inputOptions
        let level = options.level
        let members = schools.filter { share($0.school.level, level) > 0 }
        guard !members.isEmpty else { throw UserError(.invalid, L10n.message(.planNoSchools, zh: [level.label.zh], en: [level.label.en])) }
        try validate(options, candidates: members.count + options.newSites.count)
        options.maxWalk = walkLimit(options)
        // Sites: existing schools first (they are also the demand points), then new sites.
        var sites = members.map { s -> ConsolidationResult.Site in
            let f = share(s.school.level, level)
            return ConsolidationResult.Site(
                key: "school:\(s.school.id)", name: s.school.name, township: s.townshipName, schoolID: s.school.id,
                isNew: false, open: false, pupils: Double(s.school.students ?? 0) * f, pupilsAfter: 0,
                staff: Double(s.school.staff ?? 0) * f, landMu: s.school.landMu.map { $0 * f }, capacity: nil,
                longitude: s.longitude, latitude: s.latitude, illustrative: s.illustrative,
                approximate: s.quality == .approximate)
        }
        for n in options.newSites {
            sites.append(
                ConsolidationResult.Site(
                    key: "new:\(n.name)", name: n.name, township: "—", schoolID: nil, isNew: true, open: false, pupils: 0, pupilsAfter: 0,
                    staff: 0, landMu: nil, capacity: n.capacity, longitude: n.longitude, latitude: n.latitude,
                    illustrative: n.illustrative, approximate: false))
        }
        if let taken = options.newSites.first(where: { site in members.contains { $0.school.name == site.name } }) {
            throw UserError(.invalid, L10n.message(.planDuplicateSite, taken.name))
        }
        let forced = try indices(options.mustStayOpen, in: sites, level: level)
        let forbidden = try indices(options.mayNotBeChosen, in: sites, level: level)
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
                } else if let table = distances, table.isUnreachable(sites[i].name, site.name) {
                    costs.append(nil)  // no road joins them
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
        let total = weights.reduce(0, +)
        for (j, site) in sites.enumerated() {
            sites[j].capacity = capacity(site, members: members, level: level, options: options, total: total)
        }
        let walk = options.maxWalk ?? 0
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
                solution = try PMedianProblem(costs: matrix, weights: weights, p: p, forcedOpen: forced, forbidden: forbidden).solve(
                    options: solve)
            case .cpmedian:
                solution = try CapacitatedPMedianProblem(
                    costs: matrix, weights: weights, capacities: sites.map { $0.capacity ?? total }, p: p, forcedOpen: forced,
                    forbidden: forbidden
                ).solve(options: solve)
            case .mclp:
                solution = try MaximalCoveringProblem(
                    costs: matrix, weights: weights, p: p, radius: options.radius ?? walk, forcedOpen: forced,
                    forbidden: forbidden
                ).solve(options: solve)
            case .lscp:
                solution = try SetCoveringProblem(
                    costs: matrix, radius: options.radius ?? walk, forcedOpen: forced, forbidden: forbidden
                ).solve(options: solve)
            case .pcenter:
                solution = try PCenterProblem(costs: matrix, p: p, forcedOpen: forced, forbidden: forbidden).solve(options: solve)
            }
        } catch {
            let name = { (index: Int) in index < sites.count ? sites[index].name : String(index) }
            throw UserError(.invalid, EngineMessages.message(error, demand: name, candidate: name))
        }
        var result = measure(
            solution, sites: sites, demandCount: demandCount, costs: costs, options: options, members: members,
            usedTable: distances != nil, fallbacks: fallbacks, walkDerived: inputOptions.maxWalk == nil)
        if let note = distances?.note {
            result.notesZh.insert(note.zh, at: 0)
            result.notesEn.insert(note.en, at: 0)
        }
        return result
    }

    /// Site indices of references, naming the school when one is unknown or ambiguous.
    func indices(_ references: [SiteReference], in sites: [ConsolidationResult.Site], level: PlanningLevel) throws(UserError) -> Set<Int> {
        var result = Set<Int>()
        for reference in references {
            let matches: [Int]
            switch reference {
            case .school(let id): matches = sites.indices.filter { sites[$0].schoolID == id }
            case .newSite(let name): matches = sites.indices.filter { sites[$0].isNew && sites[$0].name == name }
            case .named(let name): matches = sites.indices.filter { sites[$0].name == name }
            }
            guard let first = matches.first else {
                throw UserError(
                    .invalid, L10n.message(.planUnknownSchool, zh: [reference, level.label.zh], en: [reference, level.label.en]))
            }
            if matches.count > 1 {
                let choices = matches.map { "\(sites[$0].township)/\(sites[$0].name)" }.joined(separator: "、")
                throw UserError(.invalid, L10n.message(.planAmbiguousSchool, reference, choices))
            }
            result.insert(first)
        }
        return result
    }

    /// Seats of a site under the capacity rule.
    func capacity(
        _ site: ConsolidationResult.Site, members: [PlanningSchool], level: PlanningLevel, options: ConsolidationOptions, total: Double
    ) -> Double? {
        guard options.model == .cpmedian else { return site.capacity }
        if site.isNew { return site.capacity ?? total }
        guard let school = members.first(where: { $0.school.id == site.schoolID })?.school else { return nil }
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
        options: ConsolidationOptions, members: [PlanningSchool], usedTable: Bool, fallbacks: Int, walkDerived: Bool
    ) -> ConsolidationResult {
        var sites = inputSites
        let walk = options.maxWalk ?? walkLimit(options)
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
            let target =
                solution.assignment[i]
                ?? solution.openSites.min { (costs[i * sites.count + $0] ?? .infinity) < (costs[i * sites.count + $1] ?? .infinity) }
            guard let j = target, let cost = costs[i * sites.count + j] else { continue }
            sites[j].pupilsAfter += from.pupils
            pupilCost += cost * from.pupils
            if from.pupils > 0 { maxCost = max(maxCost, cost) }
            if j != i { moved += from.pupils }
            let far = cost > walk + 1e-9
            if far { beyond += from.pupils }
            if let radius = options.radius ?? (options.model == .mclp || options.model == .lscp ? walk : nil), cost <= radius + 1e-9 {
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
        // A new site the model chose (to reach p) that no pupil goes to is not a new school.
        let unused = sites.filter { $0.isNew && $0.open && $0.pupilsAfter <= 0 }
        let notes =
            notes(
                sites: sites, options: options, members: members, usedTable: usedTable, fallbacks: fallbacks, walk: walk,
                walkDerived: walkDerived) + unused.map { L10n.message(.planNewSiteUnused, $0.name) }
        return ConsolidationResult(
            options: options, sites: sites, assignments: assignments, schoolsKept: sites.filter { !$0.isNew && $0.open }.count,
            schoolsClosed: closed.count, newSchoolsOpened: sites.filter { $0.isNew && $0.open && $0.pupilsAfter > 0 }.count, pupils: total,
            pupilCost: pupilCost, meanCost: total > 0 ? pupilCost / total : 0, maxCost: maxCost, pupilsMoved: moved,
            pupilsBeyondWalk: beyond,
            youngPupilsBeyondWalk: beyond * youngShare, boardingPlacesNeeded: beyond * (1 - youngShare), staffFreed: staffFreed,
            idleLandMu: closed.reduce(0) { $0 + ($1.landMu ?? 0) },
            coveredPupils: options.model == .mclp || options.model == .lscp ? covered : nil, objective: solution.objective,
            bound: solution.bound, gap: solution.gap, provenOptimal: solution.provenOptimal, seconds: solution.seconds,
            method: options.exact ? "exact" : "heuristic", notesZh: notes.map(\.zh), notesEn: notes.map(\.en))
    }

    /// The assumptions and caveats of a result, each labelled.
    func notes(
        sites: [ConsolidationResult.Site], options: ConsolidationOptions, members: [PlanningSchool], usedTable: Bool, fallbacks: Int,
        walk: Double, walkDerived: Bool
    ) -> [Localized] {
        var notes: [Localized] = []
        let illustrative = sites.filter(\.illustrative).count
        if illustrative > 0 { notes.append(L10n.message(.planIllustrativeNote, illustrative)) }
        let approximate = sites.filter { $0.approximate == true }.count
        if approximate > 0 { notes.append(L10n.message(.planApproximateNote, approximate)) }
        if !usedTable {
            notes.append(L10n.message(.planStraightLineNote, Format.number(options.detourFactor, digits: 2)))
        } else if fallbacks > 0 {
            notes.append(L10n.message(options.unit == .minutes ? .planMissingPairsMinutes : .planMissingPairsKm, fallbacks))
        }
        if members.contains(where: { $0.school.level == .nineYear }) {
            let primary = share(.nineYear, .primary) * 100
            notes.append(L10n.message(.planSplitNote, Format.number(primary, digits: 1), Format.number(100 - primary, digits: 1)))
        }
        let limit = options.unit.quantity(walk)
        if walkDerived && options.unit == .kilometres {
            let minutes = norms.norm(NormKey.walkMinutesGrades1to3) ?? DefaultNorms.norm(NormKey.walkMinutesGrades1to3)
            let speed = norms.norm(NormKey.walkSpeedKmPerHour) ?? DefaultNorms.norm(NormKey.walkSpeedKmPerHour)
            notes.append(
                L10n.message(
                    .planWalkLimitDerived,
                    zh: [
                        limit.zh, Format.number(minutes?.value ?? 0, digits: 0), minutes?.source ?? "—",
                        Format.number(speed?.value ?? 0, digits: 1),
                        speed?.verification == .assumption ? L10n.text(.labelAssumption, .zh) : speed?.source ?? "—",
                    ],
                    en: [
                        limit.en, Format.number(minutes?.value ?? 0, digits: 0), minutes?.source ?? "—",
                        Format.number(speed?.value ?? 0, digits: 1),
                        speed?.verification == .assumption ? L10n.text(.labelAssumption, .en) : speed?.source ?? "—",
                    ]))
        }
        if options.level == .primary {
            notes.append(L10n.message(.planWalkNote, zh: [limit.zh], en: [limit.en]))
        }
        return notes
    }
}
