import Analysis
import Domain
import Geo
import Planning
import Testing

@Suite("School consolidation on hand-checkable layouts")
struct ConsolidationPlannerTests {
    let planner = ConsolidationPlanner(norms: NormBook(DefaultNorms.all))
    let origin = LonLat(112.0, 37.5)

    /// A school `km` east of the origin.
    func school(_ id: Int64, _ name: String, km: Double, level: SchoolLevel = .primary, students: Int, staff: Int, land: Double = 10)
        -> PlanningSchool
    {
        let p = GreatCircle.offset(origin, eastMetres: km * 1000, northMetres: 0)
        return PlanningSchool(
            school: School(id: id, townshipID: 2, name: name, level: level, students: students, staff: staff, landMu: land),
            townshipName: "天宁镇", longitude: p.lon, latitude: p.lat, illustrative: false)
    }

    /// A at 0 km (100 pupils), B at 1 km (20), C at 10 km (200).
    var line: [PlanningSchool] {
        [school(1, "A", km: 0, students: 100, staff: 8), school(2, "B", km: 1, students: 20, staff: 5, land: 6), school(3, "C", km: 10, students: 200, staff: 12)]
    }

    func options(_ p: Int, keep: [String] = [], model: PlanningModel = .pmedian) -> ConsolidationOptions {
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
        let r = try planner.plan(line, options: options(2, keep: ["B"]))
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
        let schools = [school(1, "九年制", km: 0, level: .nineYear, students: 90, staff: 9), school(2, "初中", km: 3, level: .junior, students: 30, staff: 3)]
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
        var o = options(2, keep: ["新校"])
        let p = GreatCircle.offset(origin, eastMetres: 9500, northMetres: 0)
        o.newSites = [NewSite(name: "新校", longitude: p.lon, latitude: p.lat)]
        let r = try planner.plan(line, options: o)
        #expect(r.newSchoolsOpened == 1)
        #expect(r.closedSites.map(\.name) == ["B", "C"])
        #expect(r.assignments.first { $0.fromName == "C" }?.toName == "新校")
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
        #expect(throws: PlanningError.self) { try planner.plan(line, options: options(2, keep: ["不存在学校"])) }
        do {
            _ = try planner.plan(line, options: options(5))
            Issue.record("accepted")
        } catch let error as PlanningError {
            #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
        }
        var junior = options(1)
        junior.level = .junior
        #expect(throws: PlanningError.self) { try planner.plan(line, options: junior) }
    }
}
