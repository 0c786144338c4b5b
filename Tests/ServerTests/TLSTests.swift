import Foundation
import Localization
import Server
import Services
import Testing

@Suite("serve --tls-cert/--tls-key: HTTPS in the process")
struct TLSTests {
    /// Runs a program from the PATH, off the cooperative pool.
    func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await onOwnThread { try runProgram(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments) }
    }

    @Test("with a certificate the server answers HTTPS (and marks the session cookie Secure); a bad file is named")
    func https() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let made = try await run(
            "openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"])
        try #require(made.status == 0, "openssl is installed by scripts/install-deps.sh")
        let settings = ServerSettings(publicRead: true, tls: (cert, key))
        #expect(settings.secureCookies, "over HTTPS the session cookie is Secure")
        try await withLiveServer(settings: settings) { port in
            let answer = try await run("curl", ["-sk", "--max-time", "20", "https://127.0.0.1:\(port)/hello"])
            #expect(answer.status == 0 && answer.output == "hello")
            let plain = try await run("curl", ["-s", "--max-time", "5", "http://127.0.0.1:\(port)/hello"])
            #expect(plain.output != "hello", "no plain HTTP on the HTTPS port")
        }
        let refused = #expect(throws: UserError.self) {
            _ = try ChengxiangServer.application(
                workspace: try Workspace.inMemory(), settings: ServerSettings(tls: (key, key)))
        }
        #expect(refused?.message.zh.contains("无法读取 TLS 证书") == true)
    }
}
