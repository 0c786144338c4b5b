import Foundation
import Testing

/// The fuzz harness (`chengxiang-fuzz`) run as part of every test run: a few thousand mutated
/// files across the importers, and a check that the harness itself catches a crash and a hang.
@Suite("Fuzzing every importer: no crash, no hang, no partial write, memory under the cap")
struct FuzzTests {
    static var binary: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("chengxiang-fuzz") }

    /// Runs the harness and returns its exit status and JSON summary.
    func fuzz(_ arguments: [String]) throws -> (Int32, [String: Any]) {
        let run = try CLI.run(["run", "--out", try CLI.temporaryDirectory().path] + arguments, program: Self.binary)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        return (run.status, summary)
    }

    @Test("5,400 mutated files (600 per importer, seed 20261202): every one accepted or refused, the register unchanged by every refusal")
    func importers() throws {
        let (status, summary) = try fuzz(["--count", "600", "--seed", "20261202", "--memory-cap", "1024"])
        let targets = try #require(summary["targets"] as? [[String: Any]])
        #expect(
            Set(targets.compactMap { $0["target"] as? String }) == [
                "schools", "divisions", "observations", "tasks", "costs", "villages", "assets", "clinics", "pupils",
            ])
        for target in targets {
            let name = target["target"] as? String ?? "?"
            #expect(target["inputs"] as? Int == 600, "\(name)")
            #expect((target["failures"] as? [String])?.isEmpty == true, "\(name): \(target["failures"] ?? [])")
            #expect((target["refused"] as? Int ?? 0) > 0 && (target["accepted"] as? Int ?? 0) > 0, "\(name): both outcomes occur")
        }
        #expect(status == 0)
    }

    @Test("the harness pins a crash and a hang to their inputs, keeps those inputs, and goes on with the next")
    func harnessCatchesFailures() throws {
        let (status, summary) = try fuzz([
            "--targets", "costs", "--count", "20", "--timeout", "3", "--self-check-crash-at", "5", "--self-check-hang-at", "9",
        ])
        #expect(status == 1)
        let target = try #require((summary["targets"] as? [[String: Any]])?.first)
        #expect(target["inputs"] as? Int == 20)
        #expect(target["crashes"] as? Int == 1)
        #expect(target["hangs"] as? Int == 1)
        let failures = target["failures"] as? [String] ?? []
        #expect(failures.first?.hasPrefix("5 crash") == true && failures.last?.hasPrefix("9 hang") == true, "\(failures)")
        let folder = try #require(summary["folder"] as? String)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(kept == ["costs-5-costs.csv", "costs-9-costs.csv"])
    }
}
