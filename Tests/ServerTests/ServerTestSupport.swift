import Demo
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Localization
import Server
import Services
import Store
import TestSupport
import Testing

/// A demo register built once for the read-only server tests.
let demoForServer: RegisterStore = {
    do {
        return try freshDemo()
    } catch {
        fatalError("the demo does not build: \(error)")
    }
}()

/// A fresh demo register for tests that write (in memory, or in PostgreSQL's test cluster).
func freshDemo(_ backend: TestBackend = .sqlite) throws -> RegisterStore {
    let store = try backend.store()
    try DemoBuilder(workspace: Workspace(store: store)).build()
    return store
}

/// An application over a store, for `app.test(.router)`. Reads are public unless `publicRead` is
/// false (the read tests predate sign-in); writes always need a user (`session`, `token`).
func app(_ store: RegisterStore = demoForServer, maxUpload: Int = 20 << 20, publicRead: Bool = true) -> some ApplicationProtocol {
    Application(
        router: ChengxiangServer.router(
            workspace: Workspace(store: store), settings: ServerSettings(maxUploadBytes: maxUpload, publicRead: publicRead)))
}

/// Runs blocking work (a socket, a child process) on a thread of its own: on the cooperative pool
/// (two threads on a two-core machine) it could starve the server under test.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Runs a program to its end and returns its exit status and standard output (standard error
/// dropped).
func runProgram(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The password of every test user.
let testPassword = "test-password-1"

/// Creates a user on `store` unless it exists (tests run in parallel on the shared demo register) (bcrypt cost 4: tests need no slow hashes).
func ensureUser(
    _ store: RegisterStore, _ name: String, role: Role, bureau: Bureau? = nil, township: String? = nil
) throws {
    let accounts = Workspace(store: store).accounts
    if try accounts.accounts().contains(where: { $0.name == name }) { return }
    do {
        try accounts.add(name: name, role: role, bureau: bureau, township: township, password: testPassword, by: .system("test"), cost: 4)
    } catch let error as UserError where error.kind == .conflict {
        // Another test running at the same time on the shared register added it first.
    }
}

/// A signed-in session for a user (created when missing), as a Cookie header part `cx_session=…`.
func session(
    _ store: RegisterStore = demoForServer, _ name: String = "admin", role: Role = .admin, bureau: Bureau? = nil, township: String? = nil
) throws -> String {
    try ensureUser(store, name, role: role, bureau: bureau, township: township)
    let (secret, _) = try Workspace(store: store).accounts.signIn(name: name, password: testPassword)
    return "cx_session=\(secret)"
}

/// The form token of a signed-in session (`session(…)`'s cookie), which its forms must carry.
func formToken(_ auth: String) -> String {
    AccountService.formToken(forSession: String(auth.dropFirst("cx_session=".count)))
}

/// An API token for a user (created when missing), as an Authorization header value.
func bearer(
    _ store: RegisterStore = demoForServer, _ name: String = "admin", role: Role = .admin, bureau: Bureau? = nil, township: String? = nil
) throws -> String {
    try ensureUser(store, name, role: role, bureau: bureau, township: township)
    return "Bearer " + (try Workspace(store: store).accounts.issueToken(name: name, by: .system("test")))
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The value of a Set-Cookie header's cookie.
    func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix("\(name)=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}
