import Demo
import Domain
import Foundation
import Services
import Store

/// Builds a register of prefecture size for the web benchmark: the 交城 demo, then synthetic
/// townships, villages and schools (names marked 示意, positions on a grid over the county's
/// extent, quality illustrative) imported through the same importers as the command line, until
/// the register holds `villages` village-level units and `schools` schools.
///
/// The figures are invented for load only; such a register is never shown as data.
struct PrefectureBenchmark {
    let path: String
    var townships = 150
    var villages = 20_000
    var schools = 5_000

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-prefecture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RegisterStore(path: path)
        let workspace = Workspace(store: store)
        try DemoBuilder(workspace: workspace).build()
        let existing = try workspace.register.divisions()
        let existingVillages = existing.filter { $0.kind.tier == .village }.count
        let existingTownships = existing.filter { $0.kind.tier == .township }.count
        let existingSchools = try store.read { try $0.schools() }.count
        let newTownships = max(1, townships - existingTownships)
        let newVillages = max(0, villages - existingVillages)
        let newSchools = max(0, schools - existingSchools)

        // Townships 141122400 … and their villages, on a grid over 111.55–112.25 E, 37.45–37.85 N.
        var divisions = "code,name,kind,parent_code,longitude,latitude,location_quality\n"
        let perTownship = (newVillages + newTownships - 1) / newTownships
        let side = Int(Double(newVillages + newTownships).squareRoot().rounded(.up))
        func position(_ k: Int) -> String {
            let lon = 111.55 + 0.70 * Double(k % side) / Double(side)
            let lat = 37.45 + 0.40 * Double(k / side) / Double(side)
            return String(format: "%.5f,%.5f", lon, lat)
        }
        var village = 0
        var townshipCodes: [String] = []
        var villageNames: [(township: String, village: String)] = []
        for t in 0..<newTownships {
            let code = String(format: "141122%03d", 400 + t)
            townshipCodes.append(code)
            let townshipName = String(format: "示意镇%03d", t)  // data
            divisions += "\(code)000,\(townshipName),town,141122000000,\(position(village + t)),illustrative\n"
            for v in 0..<perTownship where village < newVillages {
                let villageName = String(format: "示意村%05d", village)  // data
                divisions +=
                    "\(code)\(String(format: "%03d", v + 1)),\(villageName),village,\(code)000,\(position(village + t + 1)),illustrative\n"
                villageNames.append((townshipName, villageName))
                village += 1
            }
        }
        let divisionFile = dir.appendingPathComponent("divisions.csv")
        try Data(divisions.utf8).write(to: divisionFile)
        let (_, divisionSeconds) = try measure { try workspace.imports(by: .system("bench")).importDivisions(from: divisionFile) }

        // Schools spread over the villages: every fourth village has one.
        var table = "乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）,班级数,所在村\n"  // data
        let levels = ["小学", "初中", "小初一体"]  // data
        let schoolName = "示意学校"  // data
        for s in 0..<newSchools {
            let place = villageNames[(s * 4) % max(1, villageNames.count)]
            let students = 20 + (s * 37) % 1400
            let figures = "\(students),\(3 + students / 18),\(8 + s % 40),\(1 + students / 40)"
            table += "\(place.township),\(schoolName)\(s),\(levels[s % 3]),\(figures),\(place.village)\n"
        }
        let schoolFile = dir.appendingPathComponent("schools.csv")
        try Data(table.utf8).write(to: schoolFile)
        let (_, schoolSeconds) = try measure { try workspace.imports(by: .system("bench")).importSchools(from: schoolFile, dataYear: 2024) }
        let line: [String: Any] = [
            "case": "prefecture", "townships": existingTownships + newTownships, "villages": existingVillages + village,
            "schools": existingSchools + newSchools, "divisionImportSeconds": divisionSeconds, "schoolImportSeconds": schoolSeconds,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }
}
