import Demo
import Domain
import Foundation
import Localization
import Store
import TestSupport
import Testing

@testable import Services

/// A demo register with one user of each kind: 西营镇's township editor, the education bureau's
/// editor, a viewer and an administrator (bcrypt cost 4: tests need no slow hashes).
func demoWithUsers(_ backend: TestBackend = .sqlite) throws -> (RegisterStore, Workspace) {
    let store = try demoStore(backend)
    let workspace = Workspace(store: store)
    let accounts = workspace.accounts
    let setup = Principal.system("test")
    try accounts.add(name: "xiying", role: .townshipEditor, township: "西营镇", password: "xiying-pass", by: setup, cost: 4)
    try accounts.add(name: "edu", role: .bureauEditor, bureau: .education, password: "education-pass", by: setup, cost: 4)
    try accounts.add(name: "reader", role: .viewer, password: "reader-pass", by: setup, cost: 4)
    try accounts.add(name: "boss", role: .admin, password: "boss-pass-1", by: setup, cost: 4)
    return (store, workspace)
}

/// The user error a body throws; fails the test when it throws none.
func refusal(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> UserError {
    do {
        try body()
    } catch let error as UserError {
        return error
    }
    Issue.record("expected a refusal", sourceLocation: sourceLocation)
    return UserError(.invalid, L10n.message(.accessSignInFirst))
}

/// The principal of a stored user acting on the web.
func acting(_ workspace: Workspace, _ name: String) throws -> Principal {
    let account = try #require(try workspace.accounts.accounts().first { $0.name == name })
    return Principal(account.value, channel: .web)
}

@Suite("One permission check: who may write what, and a refused write changes nothing")
struct AccessTests {
    func entry(_ code: String, _ area: String, _ value: String = "50") -> ObservationEntry {
        ObservationEntry(code: code, area: area, period: "2024", value: value)
    }

    func expectForbidden(_ store: RegisterStore, _ reason: String, _ body: () throws -> Void) throws {
        let before = try store.dataStamp()
        let error = try refusal(body)
        #expect(error.kind == .forbidden)
        #expect(error.message.zh.contains(reason) || error.message.en.contains(reason), "\(error.message.bilingual)")
        #expect(try store.dataStamp() == before, "a refused write changes nothing")
    }

    @Test(
        "a township editor of 西营镇 records for 西营镇, is refused for 天宁镇 and for the county; the audit log names the user",
        arguments: TestBackend.available)
    func townshipEditor(backend: TestBackend) throws {
        let (store, workspace) = try demoWithUsers(backend)
        let xiying = try acting(workspace, "xiying")
        let outcome = try workspace.monitoring.record([entry("INS_WHEAT", "西营镇")], by: xiying)
        #expect(outcome.inserted == 1)
        let audit = try workspace.register.auditLog(table: "observations", limit: 1)
        #expect(audit.first?.actor == "web:xiying")
        try expectForbidden(store, "天宁镇") { _ = try workspace.monitoring.record([entry("INS_WHEAT", "天宁镇")], by: xiying) }
        try expectForbidden(store, "交城县") { _ = try workspace.monitoring.record([entry("INS_WHEAT", "交城县")], by: xiying) }
        // One entry out of scope refuses the whole batch.
        try expectForbidden(store, "天宁镇") {
            _ = try workspace.monitoring.record([entry("INS_MAIZE", "西营镇"), entry("INS_MAIZE", "天宁镇")], by: xiying)
        }
        try expectForbidden(store, "全县层面") {
            _ = try workspace.monitoring.updateTask(code: "T-EDU-01", TaskUpdate(status: .done), by: xiying)
        }
        // A baseline is the indicator's, county-wide, even when an area is named.
        try expectForbidden(store, "全县层面") {
            try workspace.monitoring.setTarget(code: "INS_WHEAT", value: 10, year: 2020, area: "西营镇", baseline: true, by: xiying)
        }
        try workspace.monitoring.setTarget(code: "INS_WHEAT", value: 80, year: 2025, area: "西营镇", baseline: false, by: xiying)
    }

    @Test(
        "a township editor imports schools of 西营镇 only; a file with a 天宁 row is refused at check and at commit",
        arguments: TestBackend.available)
    func townshipImports(backend: TestBackend) throws {
        let (store, workspace) = try demoWithUsers(backend)
        let imports = workspace.imports(by: try acting(workspace, "xiying"))
        let own = FileManager.default.temporaryDirectory.appendingPathComponent("cx-own-\(UUID().uuidString).csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n西营,西营新校,小学,40,5\n".utf8).write(to: own)
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("cx-other-\(UUID().uuidString).csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n西营,西营新校二,小学,40,5\n天宁,天宁新校,小学,40,5\n".utf8).write(to: other)
        try expectForbidden(store, "天宁") { _ = try imports.check(.schools, file: other) }
        try expectForbidden(store, "天宁") { _ = try imports.commit(.schools, file: other) }
        #expect(try imports.commit(.schools, file: own).rowsRead == 1)
        #expect(try store.read { try $0.schools() }.contains { $0.name == "西营新校" })
    }

    @Test("a viewer is refused every write", arguments: TestBackend.available)
    func viewer(backend: TestBackend) throws {
        let (store, workspace) = try demoWithUsers(backend)
        let reader = try acting(workspace, "reader")
        try expectForbidden(store, "只读") { _ = try workspace.monitoring.record([entry("INS_WHEAT", "西营镇")], by: reader) }
        try expectForbidden(store, "只读") {
            _ = try workspace.monitoring.updateTask(code: "T-EDU-01", TaskUpdate(status: .done), by: reader)
        }
        try expectForbidden(store, "只读") {
            _ = try workspace.scenarios.run(ScenarioRequest(name: "v", model: .pmedian, level: .primary, schoolsToKeep: 5), by: reader)
        }
        try expectForbidden(store, "只读") {
            _ = try workspace.register.setNorm(key: "primary_students_per_staff", value: 20, source: "x", by: reader)
        }
        try expectForbidden(store, "只读") {
            try workspace.accounts.add(name: "x", role: .admin, password: "xxxxxxxxxx", by: reader, cost: 4)
        }
    }

    @Test("a bureau editor writes its bureau's data county-wide and nothing else")
    func bureauEditor() throws {
        let (store, workspace) = try demoWithUsers()
        let edu = try acting(workspace, "edu")
        #expect(try workspace.monitoring.updateTask(code: "T-EDU-01", TaskUpdate(status: .inProgress), by: edu).status == .inProgress)
        #expect(try workspace.monitoring.record([entry("EDU_RETENTION", "交城县", "98.5")], by: edu).inserted == 1)
        try expectForbidden(store, "农业农村局") {
            _ = try workspace.monitoring.updateTask(code: "T-AGR-01", TaskUpdate(status: .done), by: edu)
        }
        try expectForbidden(store, "农业农村局") { _ = try workspace.monitoring.record([entry("INS_WHEAT", "西营镇")], by: edu) }
        try expectForbidden(store, "县级管理员") {
            _ = try workspace.register.setNorm(key: "primary_students_per_staff", value: 20, source: "x", by: edu)
        }
        try expectForbidden(store, "县级管理员") { _ = try workspace.accounts.issueToken(name: "xiying", by: edu) }
        #expect(try workspace.accounts.issueToken(name: "edu", by: edu).hasPrefix("cxt_"), "a token for oneself")
    }

    @Test("codes name their bureau by prefix; codes of no bureau are county data")
    func owners() {
        #expect(Bureau.owner(ofCode: "EDU_RETENTION") == .education)
        #expect(Bureau.owner(ofCode: "T-EDU-04") == .education)
        #expect(Bureau.owner(ofCode: "SCH_SMALL_COUNT") == .education)
        #expect(Bureau.owner(ofCode: "INS_WHEAT") == .agriculture)
        #expect(Bureau.owner(ofCode: "T-HEA-01") == .health)
        #expect(Bureau.owner(ofCode: "T-PARK-01") == nil)
        #expect(Bureau.owner(ofCode: "EDUCATION") == nil)
    }
}

@Suite("Accounts: passwords, sign-in, lock-out, sessions and tokens")
struct AccountTests {
    @Test("passwords are stored as bcrypt hashes, never in clear, and the audit log holds no hash")
    func hashes() throws {
        let (store, _) = try demoWithUsers()
        let credentials = try #require(try store.read { try $0.credentials(name: "xiying") })
        #expect(credentials.passwordHash.hasPrefix("$2"))
        #expect(!credentials.passwordHash.contains("xiying-pass"))
        let audit = try Workspace(store: store).register.auditLog(table: "users", limit: 10)
        #expect(audit.count == 4)
        #expect(audit.allSatisfy { !($0.after ?? "").contains(credentials.passwordHash) && !($0.after ?? "").contains("xiying-pass") })
        #expect(audit.allSatisfy { !($0.after ?? "").contains("password_hash") })
    }

    @Test(
        "a new user is checked: name, password, role and scope",
        arguments: [
            ("a b", Role.viewer, nil as Bureau?, nil as String?, "long-enough", UserError.Kind.invalid),
            ("short", .viewer, nil, nil, "short", .invalid),
            ("long", .viewer, nil, nil, String(repeating: "长", count: 25), .invalid),
            ("nobureau", .bureauEditor, nil, nil, "long-enough", .invalid),
            ("notownship", .townshipEditor, nil, nil, "long-enough", .invalid),
            ("unknowntown", .townshipEditor, nil, "火星镇", "long-enough", .invalid),
            ("scoped", .viewer, .health, nil, "long-enough", .invalid),
            ("boss", .viewer, nil, nil, "long-enough", .conflict),
        ])
    func newUserChecks(name: String, role: Role, bureau: Bureau?, township: String?, password: String, kind: UserError.Kind) throws {
        let (store, workspace) = try demoWithUsers()
        let before = try store.dataStamp()
        let error = try refusal {
            try workspace.accounts.add(
                name: name, role: role, bureau: bureau, township: township, password: password, by: .system("t"), cost: 4)
        }
        #expect(error.kind == kind, "\(error.message.bilingual)")
        #expect(try store.dataStamp() == before)
    }

    @Test("a wrong password and an unknown name get the same answer; five failures lock the name for 15 minutes")
    func lockout() throws {
        let (_, workspace) = try demoWithUsers()
        let accounts = workspace.accounts
        let start = Date(timeIntervalSince1970: 2_000_000_000)
        let unknown = try refusal { _ = try accounts.signIn(name: "nobody", password: "whatever!", now: start) }
        let wrong = try refusal { _ = try accounts.signIn(name: "edu", password: "wrong-pass", now: start) }
        #expect(unknown.kind == .unauthorized && wrong.kind == .unauthorized && unknown.message == wrong.message)
        for i in 1..<5 { _ = try? accounts.signIn(name: "edu", password: "wrong-\(i)", now: start + Double(i)) }
        let locked = try refusal {
            _ = try accounts.signIn(name: "edu", password: "education-pass", now: start + 10)
        }
        #expect(locked.kind == .throttled)
        #expect(locked.message.zh.contains("15 分钟"))
        let (secret, account) = try accounts.signIn(name: "edu", password: "education-pass", now: start + 15 * 60 + 1)
        #expect(account.name == "edu")
        #expect(try accounts.sessionAccount(secret, now: start + 15 * 60 + 2)?.name == "edu")
    }

    @Test("a session ends when idle too long, at its lifetime, on sign-out, and when its user is disabled")
    func sessions() throws {
        let (_, workspace) = try demoWithUsers()
        let accounts = workspace.accounts
        let policy = AccountService.SessionPolicy(lifetime: 3600, idle: 600)
        let t = Date(timeIntervalSince1970: 2_000_000_000)
        let (idle, _) = try accounts.signIn(name: "edu", password: "education-pass", policy: policy, now: t)
        #expect(try accounts.sessionAccount(idle, policy: policy, now: t + 500) != nil)
        #expect(try accounts.sessionAccount(idle, policy: policy, now: t + 500 + 601) == nil)
        let (long, _) = try accounts.signIn(name: "edu", password: "education-pass", policy: policy, now: t)
        for minute in stride(from: 5.0, through: 55, by: 5) { _ = try accounts.sessionAccount(long, policy: policy, now: t + minute * 60) }
        #expect(try accounts.sessionAccount(long, policy: policy, now: t + 3601) == nil)
        let (out, _) = try accounts.signIn(name: "edu", password: "education-pass", policy: policy, now: t)
        try accounts.signOut(out)
        #expect(try accounts.sessionAccount(out, policy: policy, now: t + 1) == nil)
        let (disabled, _) = try accounts.signIn(name: "edu", password: "education-pass", policy: policy, now: t)
        let token = try accounts.issueToken(name: "edu", by: .system("t"))
        #expect(try accounts.tokenAccount(token)?.name == "edu")
        try accounts.setDisabled(name: "edu", true, by: .system("t"))
        #expect(try accounts.sessionAccount(disabled, policy: policy, now: t + 1) == nil)
        #expect(try accounts.tokenAccount(token) == nil)
        #expect(throws: UserError.self) { _ = try accounts.signIn(name: "edu", password: "education-pass", now: t + 2) }
        #expect(try accounts.sessionAccount("not-a-session", now: t) == nil)
        #expect(try accounts.tokenAccount("cxt_" + String(repeating: "0", count: 64)) == nil)
    }

    @Test("tokens are revocable; the last administrator cannot be disabled")
    func tokensAndAdmins() throws {
        let (store, workspace) = try demoWithUsers()
        let accounts = workspace.accounts
        let token = try accounts.issueToken(name: "xiying", label: "script", by: .system("t"))
        #expect(token.hasPrefix("cxt_") && token.count == 68)
        #expect(try store.read { try $0.accounts() }.count == 4)
        try accounts.revokeAccess(name: "xiying", by: .system("t"))
        #expect(try accounts.tokenAccount(token) == nil)
        let second = try accounts.issueToken(name: "xiying", by: .system("t"))
        try accounts.setPassword(name: "xiying", password: "a-new-password", by: .system("t"), cost: 4)
        #expect(try accounts.tokenAccount(second) == nil, "a password reset shuts out tokens made with the old one")
        let error = try refusal { try accounts.setDisabled(name: "boss", true, by: .system("t")) }
        #expect(error.kind == .conflict)
    }

    @Test("a restore moves the data stamp past both registers' and is audited; replacing data needs an administrator")
    func restoreStamp() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let small = dir.appendingPathComponent("small.sqlite").path
        let smallStore = try RegisterStore(path: small)
        try Workspace(store: smallStore).setup.installDefaultNorms(by: .system("t"))
        let backup = dir.appendingPathComponent("backup.sqlite").path
        _ = try Workspace(store: smallStore).backup(toFile: backup, replacing: false)
        let big = dir.appendingPathComponent("big.sqlite").path
        let bigWorkspace = Workspace(store: try RegisterStore(path: big))
        try DemoBuilder(workspace: bigWorkspace).build()
        let before = try bigWorkspace.dataStamp()
        #expect(try smallStore.dataStamp() < before)
        let viewer = Principal(name: "v", role: .viewer, channel: .cli)
        #expect(throws: UserError.self) { _ = try Workspace.restore(from: backup, into: big, replacing: true, by: viewer) }
        let stamp = try Workspace.restore(from: backup, into: big, replacing: true, by: .consoleOperator("root"))
        #expect(stamp > before, "no cache can take the restored data for data it has seen")
        let reopened = try Workspace.open(path: big)
        #expect(try reopened.dataStamp() == stamp)
        #expect(try reopened.register.auditLog(limit: 1).first?.actor == "cli:root")
        #expect(try reopened.diagnostics.schoolDiagnostics().schools.isEmpty, "the backup's (empty) register, not the demo")
    }

    @Test("a township's scope holds its villages and the units merged into it, and nothing else")
    func scope() throws {
        let register = try sharedDemo.read { try $0.register() }
        let hongxiangZhen = try #require(register.townships.first { $0.name == "洪相镇" })
        let hongxiangXiang = try #require(register.townships.first { $0.name == "洪相乡" })
        let tianning = try #require(register.townships.first { $0.name == "天宁镇" })
        let village = try #require(register.villages(in: tianning).first)
        #expect(Access.within(hongxiangXiang.id, hongxiangZhen, register), "洪相乡 was merged into 洪相镇")
        #expect(!Access.within(hongxiangZhen.id, hongxiangXiang, register), "not the other way round")
        #expect(Access.within(village.id, tianning, register))
        #expect(!Access.within(village.id, hongxiangZhen, register))
        #expect(!Access.within(try #require(register.county).id, tianning, register))
        let editor = Principal(name: "t", role: .townshipEditor, townshipID: tianning.id, channel: .web)
        #expect(throws: Never.self) { try Access.authorize(editor, [.data(.agriculture, areas: [village.id])], register: { register }) }
    }
}
