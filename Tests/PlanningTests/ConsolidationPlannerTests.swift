import Analysis
import Domain
import Geo
import Localization
import LocationModels
import Planning
import Testing

@Suite("School consolidation on hand-checkable layouts")
struct ConsolidationPlannerTests {
    let planner = ConsolidationPlanner(norms: NormBook(DefaultNorms.all))
    let origin = LonLat(112.0, 37.5)

    /// A school `km` east of the origin.
    func school(_ id: School.ID, _ name: String, km: Double, level: SchoolLevel = .primary, students: Int, staff: Int, land: Double = 10)
        -> PlanningSchool
    {
        let p = GreatCircle.offset(origin, eastMetres: km * 1000, northMetres: 0)
        return PlanningSchool(
            school: Stored(id: id, School(townshipID: 2, name: name, level: level, students: students, staff: staff, landMu: land)),
            townshipName: "天宁镇", longitude: p.lon, latitude: p.lat, quality: .surveyed)
    }

    /// A at 0 km (100 pupils), B at 1 km (20), C at 10 km (200).
    var line: [PlanningSchool] {
        [
            school(1, "A", km: 0, students: 100, staff: 8), school(2, "B", km: 1, students: 20, staff: 5, land: 6),
            school(3, "C", km: 10, students: 200, staff: 12),
        ]
    }

    func options(_ p: Int, keep: [SiteReference] = [], model: PlanningModel = .pmedian) -> ConsolidationOptions {
        ConsolidationOptions(model: model, level: .primary, schoolsToKeep: p, mustStayOpen: keep, maxWalk: 2, detourFactor: 1)
    }

    @Test("keeping two of three closes the small school next door: B's 20 pupils walk 1 km to A")
    func closeTheSmallOne() throws {
        let r = try planner.plan(line, options: options(2))
        #expect(r.closedSites.map(\.name) == ["B"])
        #expect(r.provenOptimal)
        #expect(abs(r.pupilCost - 20) < 0.05)
        #expect(r.pupilsMoved == 20)
        #expect(r.pupilsBeyondWalk == 0)
        #expect(abs(r.staffFreed - (5 - 20.0 / 19)) < 1e-9)
        #expect(r.idleLandMu == 6)
        #expect(r.sites.first { $0.name == "A" }?.pupilsAfter == 120)
    }

    @Test("a school that must stay open changes the answer: keep B, close A")
    func mustStayOpen() throws {
        let r = try planner.plan(line, options: options(2, keep: [.school(2)]))
        #expect(r.closedSites.map(\.name) == ["A"])
        #expect(abs(r.pupilCost - 100) < 0.5)
    }

    @Test("beyond the walking limit: half are grades 1–3, the other half need boarding")
    func walkingLimit() throws {
        let r = try planner.plan(line, options: options(1))
        #expect(r.closedSites.map(\.name).sorted() == ["A", "B"])
        #expect(r.pupilsBeyondWalk == 120)
        #expect(r.youngPupilsBeyondWalk == 60)
        #expect(r.boardingPlacesNeeded == 60)
        #expect(abs(r.maxCost - 10) < 0.05)
    }

    @Test("a nine-year school counts 6/9 of its pupils at primary level and 3/9 at junior level")
    func nineYearSplit() throws {
        let schools = [
            school(1, "九年制", km: 0, level: .nineYear, students: 90, staff: 9),
            school(2, "初中", km: 3, level: .junior, students: 30, staff: 3),
        ]
        let primary = try planner.plan(schools, options: options(1))
        #expect(primary.pupils == 60)
        #expect(primary.sites.map(\.name) == ["九年制"])
        var junior = options(1)
        junior.level = .junior
        let j = try planner.plan(schools, options: junior)
        #expect(j.pupils == 60)  // 30 + 30
        #expect(j.sites.count == 2)
    }

    @Test("a new site can be required; the pupils nearest it go there")
    func newSite() throws {
        var o = options(2, keep: [.newSite("新校")])
        let p = GreatCircle.offset(origin, eastMetres: 9500, northMetres: 0)
        o.newSites = [NewSite(name: "新校", longitude: p.lon, latitude: p.lat)]
        let r = try planner.plan(line, options: o)
        #expect(r.newSchoolsOpened == 1)
        #expect(r.closedSites.map(\.name) == ["B", "C"])
        #expect(r.assignments.first { $0.fromName == "C" }?.toName == "新校")
    }

    @Test("a required new site that no pupil goes to is not counted as a new school, and a note says why")
    func unusedNewSite() throws {
        var o = options(4, keep: [.newSite("新校")])
        let p = GreatCircle.offset(origin, eastMetres: 5000, northMetres: 0)
        o.newSites = [NewSite(name: "新校", longitude: p.lon, latitude: p.lat)]
        let r = try planner.plan(line, options: o)
        #expect(r.schoolsClosed == 0)
        #expect(r.newSchoolsOpened == 0)
        #expect(r.notesZh.contains { $0.contains("新校") && $0.contains("不计为新建学校") })
    }

    @Test("covering: the fewest schools that leave everyone within 2 km keep A (or B) and C")
    func setCovering() throws {
        var o = options(0, model: .lscp)
        o.radius = 2
        let r = try planner.plan(line, options: o)
        #expect(r.schoolsKept == 2)
        #expect(r.coveredPupils == 320)
    }

    @Test("a travel-time table in minutes: missing pairs are unreachable, never zero")
    func minutesTable() throws {
        let table = DistanceTable(values: ["A": ["B": 12, "C": 40], "B": ["C": 35]], unit: .minutes)
        var o = options(2)
        o.unit = .minutes
        o.maxWalk = 30
        let r = try planner.plan(line, options: o, distances: table)
        #expect(r.closedSites.map(\.name) == ["B"])
        #expect(r.assignments.first { $0.fromName == "B" }?.cost == 12)
        let partial = DistanceTable(values: ["A": ["B": 12]], unit: .minutes)
        let r2 = try planner.plan(line, options: o, distances: partial)
        #expect(r2.notesZh.contains { $0.contains("视为不可达") })
    }

    @Test("a school named in the options must exist; p beyond the schools is refused with a reason")
    func errors() throws {
        #expect(throws: UserError.self) { try planner.plan(line, options: options(2, keep: [.named("不存在学校")])) }
        do {
            _ = try planner.plan(line, options: options(5))
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .invalid)
            #expect(error.message.zh == "保留数量 p = 5 超过了可选的学校或候选点数量（3 个）。")
        }
        var junior = options(1)
        junior.level = .junior
        #expect(throws: UserError.self) { try planner.plan(line, options: junior) }
    }

    @Test("a name shared by two schools is refused as ambiguous, naming both townships")
    func ambiguousName() throws {
        var twins = line
        twins.append(school(4, "A", km: 5, students: 10, staff: 2))
        twins[3].townshipName = "西营镇"
        do {
            _ = try planner.plan(twins, options: options(2, keep: [.named("A")]))
            Issue.record("accepted")
        } catch {
            #expect(error.message.zh.contains("天宁镇/A") && error.message.zh.contains("西营镇/A"))
        }
        #expect(try planner.plan(twins, options: options(2, keep: [.school(4)])).sites.first { $0.schoolID == 4 }?.open == true)
    }

    @Test(
        "options a scenario cannot run with are refused, naming the field",
        arguments: [
            ("radius", Double.nan), ("maxWalk", -1), ("detourFactor", 0), ("timeLimit", Double.infinity),
        ])
    func badOptions(field: String, value: Double) throws {
        var o = options(2)
        switch field {
        case "radius": o.radius = value
        case "maxWalk": o.maxWalk = value
        case "detourFactor": o.detourFactor = value
        default: o.timeLimitSeconds = value
        }
        let error = #expect(throws: UserError.self) { try planner.plan(line, options: o) }
        #expect(error?.message.zh.hasPrefix(field) == true)
    }

    @Test("a new site far outside the globe, or two with one name, is refused before solving")
    func badNewSites() throws {
        var far = options(2)
        far.newSites = [NewSite(name: "远方", longitude: 1e308, latitude: 37)]
        #expect(throws: UserError.self) { try planner.plan(line, options: far) }
        var twice = options(2)
        twice.newSites = [NewSite(name: "新校", longitude: 112, latitude: 37.5), NewSite(name: "新校", longitude: 112.1, latitude: 37.5)]
        #expect(throws: UserError.self) { try planner.plan(line, options: twice) }
    }

    @Test("without a given limit the walk is the norm's 30 minutes at the norm's 4 km/h, and the note says so")
    func derivedWalkLimit() throws {
        var o = options(1)
        o.maxWalk = nil
        let r = try planner.plan(line, options: o)
        #expect(r.options.maxWalk == 2)
        #expect(r.notesZh.contains { $0.hasPrefix("步行上限（2 公里）由 1–3 年级单程 30 分钟") })
    }

    @Test("the split note follows the stored norm, not a fixed 6:3")
    func splitNote() throws {
        var norms = DefaultNorms.all
        norms[norms.firstIndex { $0.key == NormKey.nineYearPrimaryShare }!].value = 0.5
        let r = try ConsolidationPlanner(norms: NormBook(norms)).plan(
            [school(1, "九年制", km: 0, level: .nineYear, students: 90, staff: 9)], options: options(1))
        #expect(r.notesZh.contains("小初一体学校按小学段 50%、初中段 50% 拆分学生和教职工（假设，可用 norms set 修改）。"))
    }

    @Test("engine refusals name the schools, not matrix indices")
    func engineMessagesNameSchools() {
        let names = ["甲校", "乙校"]
        let message = EngineMessages.message(.demandUnreachable(demand: 1), demand: { names[$0] }, candidate: { names[$0] })
        #expect(message.zh == "「乙校」无法到达任何可选的学校或候选点。")
        #expect(message.en == "\"乙校\" cannot reach any school or site that may be chosen.")
    }

    @Test("every engine refusal has a Chinese and an English message, naming the places")
    func engineMessagesInBothLanguages() {
        let all: [LocationModelError] = [
            .emptyMatrix, .costCountMismatch(expected: 4, actual: 3), .weightCountMismatch(expected: 3, actual: 2),
            .capacityCountMismatch(expected: 3, actual: 1), .invalidCost(demand: 1, candidate: 2),
            .invalidWeight(demand: 1), .invalidCapacity(candidate: 1), .invalidRadius, .pNotPositive(p: 0),
            .pExceedsCandidates(p: 5, allowed: 3), .pBelowForced(p: 1, forced: 2),
            .siteOutOfRange(site: 9, candidateCount: 3), .forcedAndForbidden(site: 1), .demandUnreachable(demand: 2),
            .demandNotCoverable(demand: 2), .demandExceedsCapacity(totalDemand: 10, maximumCapacity: 8),
            .demandExceedsSiteCapacity(demand: 0), .noFeasibleSolution, .stoppedWithoutSolution,
            .malformedORLibrary(line: 3), .instanceTooLarge(size: 100_000, limit: 5_000),
        ]
        func text(_ e: LocationModelError) -> Localized { EngineMessages.message(e, demand: { "D\($0)" }, candidate: { "C\($0)" }) }
        for e in all {
            #expect(!text(e).en.isEmpty && !text(e).zh.isEmpty)
            #expect(text(e).zh != text(e).en)
            #expect(text(e).zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
        #expect(text(.pExceedsCandidates(p: 5, allowed: 3)).zh.contains("5"))
        #expect(text(.demandUnreachable(demand: 7)).en.contains("D7"))
    }
}
