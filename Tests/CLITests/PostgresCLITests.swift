import Foundation
import TestSupport
import Testing

@testable import Store

/// The command line against a register in PostgreSQL (the test cluster of `scripts/test-postgres.sh`):
/// the same demo, the same answers, backups with pg_dump, and a killed import that leaves nothing
/// half-written.
@Suite("The command line on PostgreSQL", .enabled(if: TestBackend.available.contains(.postgres)))
struct PostgresCLITests {
    /// What a register holds, read through the store: schools, imports, unfinished imports, audit entries.
    static func state(_ location: String) throws -> (schools: Int, imports: Int, unfinished: Int, audit: Int) {
        let store = try RegisterStore(path: location)
        return try store.read { reader in
            let log = try reader.importLog(limit: 1_000)
            return (try reader.schools().count, log.count, log.filter { $0.finishedAt == nil }.count, try reader.auditCount())
        }
    }

    @Test("demo --database postgres://… then schools diagnose, indicators status and completeness give the same JSON as on SQLite")
    func sameAnswers() async throws {
        let postgres = try TestBackend.postgresLocation()
        let sqlite = try await CrashTests.offPool { try CLI.demoDatabase() }
        let demo = try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", postgres]) }
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("--database postgres://"))
        for command in [
            ["schools", "diagnose", "--format", "json"], ["indicators", "status", "--format", "json"],
            ["completeness"], ["tasks", "list", "--format", "json"], ["schools", "scenarios"],
        ] {
            let onSQLite = try await CrashTests.offPool { try CLI.run(command + ["--database", sqlite]) }
            let onPostgres = try await CrashTests.offPool { try CLI.run(command + ["--database", postgres]) }
            #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(command): \(onPostgres.stderr)")
            #expect(onSQLite.stdout == onPostgres.stdout, "\(command)")
            #expect(onSQLite.stdout.count > 100, "\(command)")
        }
        // A second demo into the same schema replaces the first one.
        #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", postgres]) }.status == 0)
    }

    @Test("backup writes a pg_dump archive; restore refuses a register with data (73), replaces it with --force, and audits it")
    func backupAndRestore() async throws {
        let postgres = try TestBackend.postgresLocation()
        #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", postgres]) }.status == 0)
        let diagnosis = try await CrashTests.offPool { try CLI.run(["schools", "diagnose", "--format", "json", "--database", postgres]) }
        let archive = try CLI.temporaryDirectory().appendingPathComponent("register.dump").path
        let backup = try await CrashTests.offPool { try CLI.run(["backup", "--out", archive, "--database", postgres]) }
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(RegisterStore.isPostgresArchive(archive))
        let stamp = try RegisterStore(path: postgres).dataStamp()
        #expect(backup.stdout.contains("数据版本 \(stamp)"))
        // A change after the backup, which the restore takes back.
        let small = try temporaryFile("after-backup.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,备份后学校,小学,30,4\n")
        #expect(try await CrashTests.offPool { try CLI.run(["import", "schools", small, "--database", postgres]) }.status == 0)
        let refused = try await CrashTests.offPool { try CLI.run(["restore", archive, "--database", postgres]) }
        #expect(refused.status == 73)
        let restored = try await CrashTests.offPool { try CLI.run(["restore", archive, "--force", "--database", postgres]) }
        #expect(restored.status == 0, "\(restored.stderr)")
        let after = try await CrashTests.offPool { try CLI.run(["schools", "diagnose", "--format", "json", "--database", postgres]) }
        #expect(after.stdout == diagnosis.stdout)
        let log = try RegisterStore(path: postgres).read { try $0.auditLog(limit: 1) }
        #expect(log.first?.rowKey == "restored" && log.first.map { $0.id > stamp + 1 } == true, "above the stamp before the restore")
        // Into another schema: refused with the schema named.
        let other = try TestBackend.postgresLocation()
        let elsewhere = try await CrashTests.offPool { try CLI.run(["restore", archive, "--database", other]) }
        #expect(elsewhere.status != 0 && elsewhere.stderr.contains("schema="))
        // A SQLite file is not a PostgreSQL backup.
        let sqlite = try await CrashTests.offPool { try CLI.demoDatabase() }
        let wrong = try await CrashTests.offPool { try CLI.run(["restore", sqlite, "--force", "--database", postgres]) }
        #expect(wrong.status == 65 || wrong.stderr.contains("不是本系统的数据库备份"), "\(wrong.stderr)")
    }

    @Test("a township editor's token records for 西营镇 and gets 77 for 天宁镇; the audit log names the user")
    func townshipEditor() async throws {
        let db = try TestBackend.postgresLocation()
        #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", db]) }.status == 0)
        let add = try await CrashTests.offPool {
            try CLI.run(
                ["users", "add", "xiying", "--role", "township-editor", "--township", "西营镇", "--database", db], input: "xiying-pass-1\n")
        }
        #expect(add.status == 0, "\(add.stderr)")
        let token = try await CrashTests.offPool { try CLI.run(["users", "token", "xiying", "--database", db]) }
        let secret = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let record: @Sendable (String) throws -> CLIRun = { area in
            try CLI.run(
                ["indicators", "record", "INS_WHEAT", "--area", area, "--period", "2024", "--value", "50", "--database", db],
                environment: ["CHENGXIANG_TOKEN": secret])
        }
        let stamp = try RegisterStore(path: db).dataStamp()
        #expect(try await CrashTests.offPool { try record("天宁镇") }.status == 77)
        #expect(try RegisterStore(path: db).dataStamp() == stamp, "a refused write changes nothing")
        #expect(try await CrashTests.offPool { try record("西营镇") }.status == 0)
        #expect(try RegisterStore(path: db).read { try $0.auditLog(table: "observations", limit: 1) }.first?.actor == "cli:xiying")
    }

    @Test("PostgreSQL: a mistyped schema is refused (66), a divisions file with two bad rows lists both (65), a backup is 0600")
    func reviewFindings() async throws {
        let db = try TestBackend.postgresLocation()
        #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", db]) }.status == 0)
        let typo = db.replacingOccurrences(of: "?schema=t_", with: "?schema=typo_")
        let missing = try await CrashTests.offPool { try CLI.run(["schools", "diagnose", "--database", typo]) }
        #expect(missing.status == 66 && missing.stderr.contains("没有本系统的数据库"), "\(missing.stderr)")
        let bad = try temporaryFile("bad-divisions.csv", "代码,名称\n141122100001,南街居委会\n141122100003,东关居委会\n")
        let refused = try await CrashTests.offPool { try CLI.run(["import", "divisions", bad, "--database", db]) }
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("第 2 行") && refused.stderr.contains("第 3 行"), "\(refused.stderr)")
        let archive = try CLI.temporaryDirectory().appendingPathComponent("private.dump").path
        #expect(try await CrashTests.offPool { try CLI.run(["backup", "--out", archive, "--database", db]) }.status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: archive)[.posixPermissions] as? Int == 0o600)
    }

    @Test("a wrong address, port or URL is a clear error (69 or 65), never a trap")
    func unreachable() async throws {
        let refused = try await CrashTests.offPool {
            try CLI.run(["schools", "diagnose", "--database", "postgres://nobody:secret@127.0.0.1:1/none"])
        }
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("无法连接 PostgreSQL 数据库") && !refused.stderr.contains("secret"))
        let malformed = try await CrashTests.offPool {
            try CLI.run(["schools", "diagnose", "--database", "postgres://host/db?schema=Bad-Name"])
        }
        #expect(malformed.status == 65 && malformed.stderr.contains("PostgreSQL 地址无法识别"))
    }

    @Test("kill -9 during a large import into PostgreSQL: before or after, nothing unfinished, and the next import works")
    func killDuringImport() async throws {
        // A third of the SQLite test's 60,000 rows in `make test`, to spare the two cores the other
        // tests share; CHENGXIANG_KILL_ROWS (the million-row run of docs/benchmarks.md) sets both.
        let rows = ProcessInfo.processInfo.environment["CHENGXIANG_KILL_ROWS"] == nil ? CrashTests.rows / 3 : CrashTests.rows
        let file = try await CrashTests.offPool { try CrashTests.bigTable(rows: rows) }
        // One whole import, to know how long it takes and what "after" is.
        let whole = try TestBackend.postgresLocation()
        #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", whole]) }.status == 0)
        let before = try Self.state(whole)
        let start = Date()
        #expect(try await CrashTests.offPool { try CLI.run(["import", "schools", file, "--database", whole]) }.status == 0)
        let seconds = Date().timeIntervalSince(start)
        let after = try Self.state(whole)
        #expect(after.schools == before.schools + rows && after.imports == before.imports + 1)
        let watcher = try RegisterStore(path: whole)
        // The write phase for certain: the import's INSERTs are running on the server.
        let writing: @Sendable () -> Bool = {
            let running = try? watcher.reading { db in
                try db.value(
                    Int.self,
                    "SELECT count(*) FROM pg_stat_activity WHERE xact_start IS NOT NULL AND query LIKE 'INSERT INTO schools%' AND pid <> pg_backend_pid()"
                )
            }
            return (running ?? 0) > 0
        }
        var writePhaseKills = 0
        for moment in ["10%", "50%", "90%", "the write phase"] {
            let location = try TestBackend.postgresLocation()
            #expect(try await CrashTests.offPool { try CLI.run(["demo", "--no-serve", "--database", location]) }.status == 0)
            let diagnosis = try await CrashTests.offPool {
                try CLI.run(["schools", "diagnose", "--format", "json", "--database", location])
            }
            let t = Date()
            let share = Double(moment.dropLast()).map { $0 / 100 }
            let killed = try await CrashTests.offPool {
                try CrashTests.killedImport(
                    file, location, when: { share.map { Date().timeIntervalSince(t) > seconds * $0 } ?? writing() })
            }
            let state = try Self.state(location)
            #expect(state.unfinished == 0, "\(moment): no half-written import")
            if state.schools == before.schools {
                #expect(state.imports == before.imports && state.audit == before.audit, "\(moment): exactly as before")
                let now = try await CrashTests.offPool {
                    try CLI.run(["schools", "diagnose", "--format", "json", "--database", location])
                }
                #expect(now.stdout == diagnosis.stdout, "\(moment)")
            } else {
                #expect(state.schools == after.schools && state.imports == after.imports, "\(moment): exactly as after")
            }
            if killed && share == nil {
                writePhaseKills += 1
                #expect(state.schools == before.schools, "a kill in the write phase rolls the transaction back")
            }
            let small = try temporaryFile("one.csv", "乡镇,学校名称,规模,在校人数,教职人数\n天宁,恢复后学校,小学,30,4\n")
            #expect(try await CrashTests.offPool { try CLI.run(["import", "schools", small, "--database", location]) }.status == 0)
        }
        #expect(writePhaseKills == 1, "the write phase was interrupted")
    }
}
