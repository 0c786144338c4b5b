import Foundation
import GRDB
import Testing

/// `kill -9` of a large import at several moments — while the file is validated, and while rows
/// are written — leaves the register exactly as before or exactly as after, passing SQLite's
/// integrity check, and the program goes on working. The row count is 60,000 here;
/// `CHENGXIANG_KILL_ROWS=1000000` runs the same test at the size (docs/benchmarks.md).
@Suite("A killed import leaves the register before or after, never between", .serialized)
struct CrashTests {
    static let rows = ProcessInfo.processInfo.environment["CHENGXIANG_KILL_ROWS"].flatMap(Int.init) ?? 60_000

    /// A school table of `rows` rows spread over the demo's current townships.
    static func bigTable(rows: Int = rows) throws -> String {
        let townships = ["天宁", "夏家营", "西营", "洪相", "庞泉沟", "东坡底", "会立", "水峪贯"]
        var text = "乡镇,学校名称,规模,在校人数,教职人数\n"
        text.reserveCapacity(rows * 40)
        for i in 0..<rows { text += "\(townships[i % townships.count]),压力测试学校\(i),小学,\(50 + i % 400),\(5 + i % 30)\n" }
        return try temporaryFile("big.csv", text)
    }

    /// The number of schools and of import-log entries, and SQLite's integrity check.
    static func state(_ path: String) throws -> (schools: Int, imports: Int, unfinished: Int, integrity: String) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM import_log") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM import_log WHERE finished_at IS NULL") ?? -1,
                try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?"
            )
        }
    }

    /// Starts an import of `file` into `database` and kills it with SIGKILL when `when` says so.
    static func killedImport(_ file: String, _ database: String, when: () -> Bool) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", "schools", file, "--database", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning && !when() { usleep(2_000) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed
    }

    /// Runs blocking work (a child process, polling) on a thread of its own: on the cooperative
    /// pool (two threads here) a minute of it would starve the servers other tests run in-process.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    @Test("kill -9 at several moments of a large import: before or after, integrity ok, and the next import works")
    func killDuringImport() async throws {
        let original = try await Self.offPool { try CLI.demoDatabase() }
        let file = try await Self.offPool { try Self.bigTable() }
        let dir = try CLI.temporaryDirectory()
        let before = try Self.state(original)
        let beforeRows = try fingerprint(original)
        // One whole import, to know how long it takes and what "after" is.
        let whole = dir.appendingPathComponent("whole.sqlite").path
        try Self.copy(original, whole)
        let start = Date()
        #expect(try await Self.offPool { try CLI.run(["import", "schools", file, "--database", whole]) }.status == 0)
        let seconds = Date().timeIntervalSince(start)
        let after = try Self.state(whole)
        #expect(after.schools == before.schools + Self.rows && after.imports == before.imports + 1)
        var writePhaseKills = 0
        let moments: [(String, @Sendable (String) -> @Sendable () -> Bool)] = [
            (
                "10% of the time",
                { _ in
                    let t = Date()
                    return { Date().timeIntervalSince(t) > seconds * 0.1 }
                }
            ),
            (
                "40% of the time",
                { _ in
                    let t = Date()
                    return { Date().timeIntervalSince(t) > seconds * 0.4 }
                }
            ),
            (
                "80% of the time",
                { _ in
                    let t = Date()
                    return { Date().timeIntervalSince(t) > seconds * 0.8 }
                }
            ),
            // The write phase for certain: the write-ahead log has grown past 1 MB.
            (
                "the write phase",
                { path in
                    {
                        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
                        return size > 1 << 20
                    }
                }
            ),
        ]
        for (index, (moment, trigger)) in moments.enumerated() {
            let path = dir.appendingPathComponent("killed-\(index).sqlite").path
            try Self.copy(original, path)
            let killed = try await Self.offPool { try Self.killedImport(file, path, when: trigger(path)) }
            let state = try Self.state(path)
            #expect(state.integrity == "ok", "\(moment)")
            #expect(state.unfinished == 0, "\(moment): no half-written import")
            if state.schools == before.schools {
                #expect(try fingerprint(path) == beforeRows, "\(moment): exactly as before")
            } else {
                #expect(state.schools == after.schools && state.imports == after.imports, "\(moment): exactly as after")
            }
            if killed && moment == "the write phase" {
                writePhaseKills += 1
                #expect(state.schools == before.schools, "a kill in the write phase rolls the transaction back")
            }
            // The program works on the register that was killed under it.
            #expect(try await Self.offPool { try CLI.run(["schools", "diagnose", "--database", path]) }.status == 0, "\(moment)")
            let small = try temporaryFile("one.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,恢复后学校,小学,30,4\n")
            #expect(try await Self.offPool { try CLI.run(["import", "schools", small, "--database", path]) }.status == 0, "\(moment)")
        }
        #expect(writePhaseKills == 1, "the write phase was interrupted")
    }
}
