import Foundation
import Testing

/// Runs the built `chengxiang` binary and captures what it prints.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The binary next to the test bundle (both are products of the same build).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CHENGXIANG_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("chengxiang")
    }

    /// Runs `chengxiang` (or another program of the build) with the arguments, in Chinese unless
    /// `CHENGXIANG_LANG` is passed.
    /// `input` is written to its standard input (which is empty otherwise).
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String = "", program: URL = binary) throws
        -> CLIRun
    {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CHENGXIANG_LANG"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new register in `dir` holding the divisions of a CSV (代码,名称,上级代码,经度,纬度 rows).
    static func county(in dir: URL, divisions rows: String) throws -> String {
        let db = dir.appendingPathComponent("county.sqlite").path
        _ = try run(["init", "--database", db])
        let divisions = dir.appendingPathComponent("divisions.csv")
        try Data(("代码,名称,上级代码,经度,纬度\n" + rows).utf8).write(to: divisions)
        let imported = try run(["import", "divisions", divisions.path, "--database", db])
        try #require(imported.status == 0, "divisions failed: \(imported.stderr)")
        return db
    }

    /// A demo database in a fresh folder.
    static func demoDatabase() throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let run = try run(["demo", "--no-serve", "--database", path])
        try #require(run.status == 0, "demo failed: \(run.stderr)")
        return path
    }
}

/// The demo's output with its generated administrator password replaced by `$PASSWORD`.
func maskingPassword(_ text: String) -> String {
    text.replacingOccurrences(of: #"(密码：|password: )[A-Za-z0-9]{16}"#, with: #"$1\$PASSWORD"#, options: .regularExpression)
}

/// Compares output with a committed golden file; `UPDATE_GOLDEN=1` rewrites the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
        actual == expected, "output differs from Golden/\(name); rerun with UPDATE_GOLDEN=1 after checking it",
        sourceLocation: sourceLocation)
}
