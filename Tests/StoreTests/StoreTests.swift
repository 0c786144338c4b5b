import Domain
import Foundation
import GRDB
import Localization
import TestSupport
import Testing

@testable import Store

@Suite("The register on SQLite and on PostgreSQL: migrations, schema rules, audit log, transactions")
struct StoreTests {
    /// A store with the county, one town and one village.
    func seeded(_ backend: TestBackend = .sqlite) throws -> (RegisterStore, town: Division.ID, village: Division.ID) {
        let store = try backend.store()
        let ids = try store.write(actor: "test") { w -> (Division.ID, Division.ID) in
            let county = try w.insert(Division(code: DivisionCode("141122"), name: "交城县", kind: .county))
            let town = try w.insert(Division(code: DivisionCode("141122100"), name: "天宁镇", kind: .town, parentID: county))
            let village = try w.insert(
                Division(code: DivisionCode("141122100209"), name: "阳渠村委会", kind: .village, parentID: town))
            return (town, village)
        }
        return (store, ids.0, ids.1)
    }

    @Test("migrations run from empty, in order, and every table exists", arguments: TestBackend.available)
    func migrations(backend: TestBackend) throws {
        let store = try backend.store()
        #expect(
            try store.appliedMigrations() == [
                "2026-11-29 divisions", "2026-11-29 schools", "2026-11-29 norms", "2026-11-29 township reports",
                "2026-11-29 import log", "2026-11-29 metadata", "2026-11-29 audit log", "2026-11-29 monitoring",
                "2026-11-29 scenarios", "2026-12-02 positions and assumptions", "2026-12-02 register rules", "2026-12-02 audited metadata",
                "2026-12-02 audited boundaries", "2026-12-02 canonical names", "2026-12-02 accounts", "2026-12-07 plan layers",
                "2026-12-08 villages, parks and assets", "2026-12-09 roads", "2026-12-09 health", "2026-12-09 pupils",
            ])
        let tables = try store.reading { db in
            try db.values(
                String.self,
                backend == .sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                    : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
        }
        // On SQLite also the R*Tree of feature boxes and its shadow tables.
        // (and the sequence of AUTOINCREMENT keys: asset and adoption numbers are never reused).
        let boxes = [
            "layer_feature_boxes", "layer_feature_boxes_node", "layer_feature_boxes_parent", "layer_feature_boxes_rowid", "sqlite_sequence",
        ]
        let expected = [
            "api_tokens", "audit_context", "audit_log", "conflict_rules", "divisions",
            backend == .sqlite ? "grdb_migrations" : "schema_migrations", "import_log", "indicator_targets", "indicators", "layer_features",
            "layers", "metadata", "norms", "observations", "scenarios", "schools", "sessions", "sign_in_failures", "task_indicators",
            "tasks", "township_reports", "users", "validation_rules", "adoption_tasks", "adoptions", "idle_assets", "park_enterprises",
            "parks", "school_decisions", "village_attributes", "village_rules", "zoning_criteria", "road_networks", "road_features",
            "road_classes", "health_facilities", "health_unification", "pupil_counts",
        ]
        #expect(tables == (expected + (backend == .sqlite ? boxes : [])).sorted())
    }

    @Test("after a write the audit actor is reset: a change by another writer is not recorded under ours", arguments: TestBackend.available)
    func actorReset(backend: TestBackend) throws {
        let store = try backend.store()
        try store.write(actor: "web:alice") { try $0.setMetadata("dataset", "test") }
        try store.writing { try $0.execute("UPDATE metadata SET value = 'changed' WHERE key = 'dataset'", []) }
        let actors = try store.read { try $0.auditLog(table: "metadata") }.map(\.actor)
        #expect(actors == [RegisterStore.outsideActor, "web:alice"])
    }

    @Test("PostgreSQL: a pooled connection the server closed is replaced; a server that is not there is `unavailable`")
    func postgresConnections() throws {
        guard TestBackend.available.contains(.postgres) else { return }
        let location = try TestBackend.postgresLocation()
        let store = try RegisterStore(path: location)
        try store.write(actor: "t") { try $0.setMetadata("dataset", "test") }
        // The pool holds one connection now; end it from another.
        let pid = try #require(try store.reading { try $0.value(Int.self, "SELECT pg_backend_pid()") })
        let other = try RegisterStore(path: location)
        #expect(try other.reading { try $0.value(Bool.self, "SELECT pg_terminate_backend(?::int)", pid) } == true)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try store.read { try $0.metadata("dataset") } == "test")
        let error = #expect(throws: UserError.self) { try RegisterStore(path: "postgres://nobody@127.0.0.1:1/none") }
        #expect(error?.kind == .unavailable)
        // A change from psql with another search path is audited in this register, not another.
        let schema = try #require(location.split(separator: "=").last.map(String.init))
        let before = try store.read { try $0.auditCount() }
        try other.writing { db in
            try db.execute("SET LOCAL search_path TO public", [])
            try db.execute("UPDATE \(schema).metadata SET value = 'from psql' WHERE key = 'dataset'", [])
        }
        #expect(try store.read { try $0.auditCount() } == before + 1)
        #expect(try store.read { try $0.auditLog(table: "metadata", limit: 1) }.first?.actor == RegisterStore.outsideActor)
    }

    @Test("a new database file is readable by its owner only")
    func privateFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try RegisterStore(path: path)
        try store.write(actor: "web:alice") { try $0.setMetadata("dataset", "test") }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a database reopens with its data and no migration applied twice", arguments: TestBackend.available)
    func reopen(backend: TestBackend) throws {
        let path: String
        switch backend {
        case .sqlite: path = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString).sqlite").path
        case .postgres: path = try TestBackend.postgresLocation()
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        try RegisterStore(path: path).write(actor: "t") { try $0.setMetadata("dataset", "test") }
        let reopened = try RegisterStore(path: path)
        #expect(try reopened.read { try $0.metadata("dataset") } == "test")
        #expect(try reopened.appliedMigrations().count == 20)
    }

    @Test(
        "the schema refuses what the importers refuse",
        arguments: [
            "INSERT INTO schools (township_id, name, level, students, staff) VALUES (2, 'x', 'primary', -1, 1)",
            "INSERT INTO schools (township_id, name, level, students, staff) VALUES (2, 'x', 'primary', NULL, 5)",
            "INSERT INTO schools (township_id, name, level, students, staff) VALUES (2, 'x', 'university', 1, 1)",
            "INSERT INTO schools (township_id, name, level, students, staff) VALUES (3, 'x', 'primary', 1, 1)",
            "INSERT INTO schools (township_id, name, level, students, staff) VALUES (99, 'x', 'primary', 1, 1)",
            "INSERT INTO schools (township_id, name, level, land_mu) VALUES (2, 'x', 'primary', -0.5)",
            "INSERT INTO divisions (code, name, kind, parent_id) VALUES ('14112210', 'x', 'town', 1)",
            "INSERT INTO divisions (code, name, kind, parent_id) VALUES (NULL, 'x', 'village', 1)",
            "INSERT INTO divisions (name, kind, parent_id, urban_rural_class) VALUES ('x', 'village', 2, 999)",
            "INSERT INTO divisions (name, kind, parent_id, longitude) VALUES ('x', 'village', 2, 112.1)",
            "INSERT INTO divisions (name, kind, parent_id, longitude, latitude, location_quality) VALUES ('x', 'village', 2, NULL, NULL, 'published')",
            "INSERT INTO divisions (name, kind, parent_id, location_quality) VALUES ('x', 'village', 2, 'guessed')",
            "INSERT INTO divisions (name, kind, parent_id, successor_inferred) VALUES ('x', 'village', 2, 1)",
            "INSERT INTO divisions (name, kind, parent_id, population) VALUES ('x', 'village', 2, -3)",
            "INSERT INTO divisions (name, kind, parent_id) VALUES ('阳渠村委会', 'village', 2)",
            "INSERT INTO divisions (name, kind) VALUES ('x', 'town')",
            "INSERT INTO norms (key, value, unit, name_zh, name_en, source, verification) VALUES ('k', 1, 'u', 'n', 'n', '', 'verified')",
            "INSERT INTO observations (indicator_code, area_id, period, value) VALUES ('NOPE', 1, '2024', 1)",
            "INSERT INTO tasks (code, name, source, percent_complete) VALUES ('T', 't', 's', 140)",
            "INSERT INTO tasks (code, name, source, deadline) VALUES ('T', 't', 's', '明年')",
            "INSERT INTO tasks (code, name, source, status) VALUES ('T', 't', 's', 'forgotten')",
        ])
    func schemaRules(sql: String) throws {
        for backend in TestBackend.available {
            let (store, _, _) = try seeded(backend)
            let error = #expect(throws: UserError.self, "\(backend)") { try store.writing { try $0.execute(sql, []) } }
            #expect(error?.kind == .rejected, "\(backend): \(String(describing: error))")
        }
    }

    @Test(
        "every insert, update and delete is audited with actor, before and after; a no-op update is not", arguments: TestBackend.available)
    func audit(backend: TestBackend) throws {
        let (store, town, village) = try seeded(backend)
        let id = try store.write(actor: "clerk") { w in
            try w.insert(
                School(townshipID: town, villageID: village, name: "阳渠学校", level: .nineYear, students: 716, staff: 68, landMu: 28.8))
        }
        try store.write(actor: "clerk") { w in
            var school = try #require(try w.school(townshipID: town, name: "阳渠学校"))
            try w.update(school)  // unchanged: no entry
            school.staff = 70
            try w.update(school)
        }
        let entries = try store.read { try $0.auditLog(table: "schools") }
        #expect(entries.map(\.action) == ["update", "insert"])
        let update = entries[0]
        #expect(update.actor == "clerk")
        #expect(update.rowKey == String(id.rawValue))
        #expect(update.before?.contains("\"staff\":68") == true)
        #expect(update.after?.contains("\"staff\":70") == true)
        try store.writing { try $0.execute("DELETE FROM schools", []) }
        let deleted = try store.read { try $0.auditLog(table: "schools", limit: 1) }.first
        #expect(deleted?.action == "delete")
        #expect(deleted?.after == nil)
    }

    @Test("changes made during an import carry its id", arguments: TestBackend.available)
    func importTagging(backend: TestBackend) throws {
        let (store, town, _) = try seeded(backend)
        let importID = try store.write(actor: "clerk") { w -> Int64 in
            let id = try w.beginImport(kind: "schools", fileName: "t.csv", format: "CSV", actor: "clerk")
            try w.insert(School(townshipID: town, name: "s", level: .primary, students: 1, staff: 1, landMu: 1))
            try w.finishImport(id, rowsRead: 1, inserted: 1, updated: 0, note: nil)
            return id
        }
        #expect(try store.read { try $0.auditLog(table: "schools") }.first?.importID == importID)
        #expect(try store.read { try $0.importLog() }.first?.rowsInserted == 1)
    }

    @Test("a write that throws leaves nothing behind", arguments: TestBackend.available)
    func rollback(backend: TestBackend) throws {
        let (store, town, _) = try seeded(backend)
        struct Stop: Error {}
        let before = try store.read { try $0.auditCount() }
        #expect(throws: Stop.self) {
            try store.write(actor: "t") { w in
                try w.insert(School(townshipID: town, name: "s", level: .primary, students: 1, staff: 1, landMu: 1))
                throw Stop()
            }
        }
        #expect(try store.read { try $0.schools() }.isEmpty)
        #expect(try store.read { try $0.auditCount() } == before)
    }

    @Test("divisions read back with their parent's code", arguments: TestBackend.available)
    func readBack(backend: TestBackend) throws {
        let (store, _, village) = try seeded(backend)
        let d = try #require(try store.read { try $0.register() }.division(id: village))
        #expect(d.parentCode?.rawValue == "141122100000")
        #expect(d.locationQuality == .unknown)
    }

    @Test(
        "positions may be approximate, or given without a stated quality; an inferred successor is stored", arguments: TestBackend.available
    )
    func positionsAndInference(backend: TestBackend) throws {
        let (store, town, _) = try seeded(backend)
        try store.write(actor: "t") { w in
            try w.insert(
                Division(
                    code: nil, name: "近似村", kind: .village, parentID: town,
                    location: GeoPoint(longitudeDegrees: 112.1, latitudeDegrees: 37.5), locationQuality: .approximate))
            try w.insert(
                Division(
                    code: nil, name: "不详村", kind: .village, parentID: town,
                    location: GeoPoint(longitudeDegrees: 112.2, latitudeDegrees: 37.6), locationQuality: .unknown))
            try w.insert(
                Division(
                    code: DivisionCode("141122201"), name: "岭底乡", kind: .township, parentID: try w.reader.register().county?.id,
                    status: .historical, successorCode: DivisionCode("141122100"), successorInferred: true))
        }
        let register = try store.read { try $0.register() }
        #expect(register.divisions.first { $0.name == "近似村" }?.locationQuality == .approximate)
        #expect(register.divisions.first { $0.name == "不详村" }?.location != nil)
        #expect(register.divisions.first { $0.name == "岭底乡" }?.successorInferred == true)
    }

    @Test("a register of the first release migrates with its rows, ids, references and audit triggers intact")
    func upgradeFromFirstRelease() throws {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator()
        try migrator.migrate(queue, upTo: "2026-11-29 scenarios")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO divisions (id, code, name, kind) VALUES (1, '141122000000', '交城县', 'county');
                    INSERT INTO divisions (id, code, name, kind, parent_id, longitude, latitude, location_quality)
                        VALUES (2, '141122100000', '天宁镇', 'town', 1, 112.15, 37.55, 'published');
                    INSERT INTO schools (id, township_id, name, level, students, staff) VALUES (7, 2, '阳渠学校', 'primary', 10, 2);
                    INSERT INTO schools (id, township_id, name, level, students, staff) VALUES (8, 2, '第１小学', 'primary', 10, 2);
                    INSERT INTO schools (id, township_id, name, level, students, staff) VALUES (9, 2, '\u{F900}山小学', 'primary', 10, 2);
                    INSERT INTO schools (id, township_id, name, level, students, staff) VALUES (10, 2, '豈山小学', 'primary', 10, 2);
                    INSERT INTO schools (id, township_id, name, level, students, staff) VALUES (11, 2, '\u{F901}新小学', 'primary', 10, 2);
                    INSERT INTO township_reports (township_id, topic, status) VALUES (2, 'schools', 'reported');
                    """)
        }
        try migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT name FROM divisions WHERE id = 2") == "天宁镇")
            #expect(try String.fetchOne(db, sql: "SELECT name FROM schools WHERE id = 8") == "第1小学", "names take their canonical form")
            let scalars = { (id: Int) in
                try Array((String.fetchOne(db, sql: "SELECT name FROM schools WHERE id = \(id)") ?? "").unicodeScalars)
            }
            #expect(try scalars(11) == Array("\u{66F4}新小学".unicodeScalars), "a compatibility ideograph becomes the unified one")
            #expect(try scalars(9) == Array("\u{F900}山小学".unicodeScalars), "a canonical form already taken in the township is left alone")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE actor = 'migration'") == 2)
            let outline = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
            try db.execute(sql: "UPDATE divisions SET boundary_geojson = '{\"type\":\"Point\",\"coordinates\":[1,2]}' WHERE id = 1")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") == outline + 1, "a boundary change is audited")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM township_reports") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 0)
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
            try db.execute(sql: "UPDATE divisions SET location_quality = 'approximate' WHERE id = 2")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") == before + 1)
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO divisions (name, kind, parent_id) VALUES ('x', 'town', 99)")
            }
        }
    }
}
