import Foundation
import GRDB
import Testing

/// Every row of every table of the register, in order, to show a refused command changed nothing.
/// (The file's bytes are not compared: opening a register may rewrite pages without changing a row.)
func fingerprint(_ database: String) throws -> String {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: database, configuration: configuration)
    return try queue.read { db in
        var text = ""
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            text += "# \(table)\n"
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { text += row.description + "\n" }
        }
        return text
    }
}

/// Writes text to a fresh temporary file with the given name.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    try temporaryFile(name, Data(text.utf8))
}

func temporaryFile(_ name: String, _ data: Data) throws -> String {
    let url = try CLI.temporaryDirectory().appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}

/// Each finding of the adversarial pass, as the user met it: a trap, exit 1 or a raw message
/// before; exit 65 with a reason in Chinese (and the register untouched) now.
@Suite("Hostile and careless input at the command line: refused with 65, never a trap")
struct HostileInputCLITests {
    /// Expects a refusal: exit 65, the given text on stderr, the register unchanged.
    func expectRefused(
        _ arguments: [String], _ database: String, says text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try fingerprint(database)
        let run = try CLI.run(arguments + ["--database", database])
        #expect(run.status == 65, "\(arguments): exit \(run.status) \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(text), "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(try fingerprint(database) == before, "\(arguments) changed the register", sourceLocation: sourceLocation)
    }

    @Test("pupil counts past the domain limit are refused; diagnostics still run afterwards")
    func hugeCounts() throws {
        let db = try CLI.demoDatabase()
        let file = try temporaryFile(
            "huge.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,甲校,小学,5000000000000000000,5\n天宁,乙校,小学,5000000000000000000,5\n")
        try expectRefused(["import", "schools", file], db, says: "第 2 行")
        for command in [
            ["schools", "diagnose"], ["indicators", "status", "--format", "json"], ["schools", "diagnose", "--format", "json"],
        ] {
            let run = try CLI.run(command + ["--database", db])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }

    @Test("a corrupted workbook exits 65, not 1")
    func corruptedZip() throws {
        let db = try CLI.demoDatabase()
        var bytes = Data("PK\u{3}\u{4}".utf8)
        bytes += Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        try expectRefused(["import", "schools", try temporaryFile("broken.xlsx", bytes)], db, says: "broken.xlsx")
    }

    @Test("years, values and limits that are not numbers or out of range exit 65 with a reason")
    func badNumbers() throws {
        let db = try CLI.demoDatabase()
        let schools = try temporaryFile("s.csv", "乡镇,学校名称,规模,在校人数,教职人数\n夏家营,夏家营小学,小学,320,21\n")
        try expectRefused(["import", "schools", schools, "--year", "3000"], db, says: "3000")
        try expectRefused(["import", "schools", schools, "--year", "1800"], db, says: "1800")
        try expectRefused(
            ["indicators", "record", "EDU_RETENTION", "--area", "交城县", "--period", "2024", "--value", "nan"], db, says: "nan")
        try expectRefused(
            ["indicators", "record", "EDU_RETENTION", "--area", "交城县", "--period", "3000", "--value", "97"], db, says: "3000")
        try expectRefused(["indicators", "target", "EDU_RETENTION", "--value", "inf", "--year", "2030"], db, says: "有限数")
        try expectRefused(["indicators", "target", "EDU_RETENTION", "--value", "97", "--year", "99999"], db, says: "99999")
        let status = try CLI.run(["indicators", "status", "--format", "json", "--database", db])
        #expect(status.status == 0, "\(status.stderr)")
    }

    @Test(
        "scenario options that make no sense are refused before solving",
        arguments: [
            (["--max-walk", "nan"], "nan"), (["--max-walk=-3"], "-3"), (["--detour", "0"], "0"), (["--time-limit", "nan"], "nan"),
            (["--time-limit=-1"], "-1"), (["--new-site", "远方,1e308,37.5"], "远方"), (["--new-site", "甲,112.1,37.5,-40"], "-40"),
            (["--new-site", "甲,112.1,37.5", "--new-site", "甲,112.2,37.5"], "甲"), (["-p", "0"], "0"),
        ])
    func badPlanOptions(options: [String], says: String) throws {
        let db = try CLI.demoDatabase()
        try expectRefused(["schools", "plan", "--name", "试算", "-p", "12"] + options, db, says: says)
    }

    @Test("the solver's own inputs: a NaN time limit, an OR-Library header of n = 100,000, a sparse table of 36 million cells")
    func solverInputs() throws {
        let dir = try CLI.temporaryDirectory()
        let costs = dir.appendingPathComponent("costs.csv")
        try Data("demand,candidate,cost\na,a,0\na,b,1\nb,a,1\nb,b,0\n".utf8).write(to: costs)
        let nan = try CLI.run(["solve", "pmedian", "--costs", costs.path, "-p", "1", "--time-limit", "nan"])
        #expect(nan.status == 64, "a bad option is a usage error: \(nan.stderr)")
        #expect(nan.stderr.contains("a finite number > 0"), "each language fills its own rule: \(nan.stderr)")
        let header = dir.appendingPathComponent("pmed.txt")
        try Data("100000 1 5\n".utf8).write(to: header)
        let big = try CLI.run(["solve", "pmedian", "--orlib", header.path])
        #expect(big.status == 65, "\(big.stderr)")
        #expect(big.stderr.contains("100000"))
        var sparse = "demand,candidate,cost\n"
        for i in 0..<6000 { sparse += "d\(i),c\(i),1\n" }
        let table = dir.appendingPathComponent("sparse.csv")
        try Data(sparse.utf8).write(to: table)
        let wide = try CLI.run(["solve", "pmedian", "--costs", table.path, "-p", "2"])
        #expect(wide.status == 65, "\(wide.stderr)")
        #expect(wide.stderr.contains("超过 25000000 个单元"), "\(wide.stderr)")
    }

    @Test("a file with thousands of bad rows lists the first 200 and counts the rest")
    func errorCap() throws {
        let db = try CLI.demoDatabase()
        var text = "代码,名称,类型,上级代码\n"
        for i in 0..<5000 { text += "12345,坏村\(i),村,141122100000\n" }
        let file = try temporaryFile("bad-divisions.csv", text)
        try expectRefused(["import", "divisions", file], db, says: "另有 4800 处问题未列出")
        let run = try CLI.run(["import", "divisions", file, "--database", db])
        let lines = run.stderr.split(separator: "\n").filter { $0.contains("bad-divisions.csv") }
        #expect(lines.count == 201, "200 issues and the count: \(lines.count)")
        #expect(run.stderr.contains("5000 处错误"), "the headline counts every error")
    }

    @Test("names that look the same are the same: a CJK compatibility ideograph or full-width digits make no second school")
    func lookalikeNames() throws {
        let db = try CLI.demoDatabase()
        let compatibility = try temporaryFile(
            "lookalike.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,豈山小学,小学,30,5\n天宁,\u{F900}山小学,小学,40,6\n")
        try expectRefused(["import", "schools", compatibility], db, says: "学校「豈山小学」在天宁镇重复（首次出现在第 2 行）")
        let fullWidth = try temporaryFile("fullwidth.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,第１小学,小学,30,5\n天宁,第1小学,小学,40,6\n")
        try expectRefused(["import", "schools", fullWidth], db, says: "学校「第1小学」在天宁镇重复")
        let township = try temporaryFile("township.csv", "乡镇,学校名称,规模,在校人数,教职人数\n\u{3000}天宁镇\u{3000},新小学,小学,30,5\n")
        let run = try CLI.run(["import", "schools", township, "--database", db])
        #expect(run.status == 0, "an ideographic space around a township name is trimmed: \(run.stderr)")
        let first = try temporaryFile("first.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,豈山小学,小学,30,5\n")
        let again = try temporaryFile("again.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,\u{F900}山小学,小学,31,5\n")
        #expect(try CLI.run(["import", "schools", first, "--database", db]).status == 0)
        #expect(try CLI.run(["import", "schools", again, "--database", db]).status == 0)
        let queue = try DatabaseQueue(path: db)
        let stored = try queue.read { try Int.fetchAll($0, sql: "SELECT students FROM schools WHERE name LIKE '%山小学'") }
        #expect(stored == [31], "the second file updated the stored school instead of adding a look-alike")
    }

    @Test("the time limit covers reading the cost table, not only solving")
    func timeLimitCoversReading() throws {
        var text = "demand,candidate,cost\n"
        for i in 0..<300 { for j in 0..<300 { text += "d\(i),c\(j),\((i * 7 + j * 13) % 100)\n" } }
        let table = try temporaryFile("costs.csv", text)
        let run = try CLI.run(["solve", "pmedian", "--costs", table, "-p", "3", "--time-limit", "0.001"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("读取 costs.csv 时超出时间限制"))
    }
}
