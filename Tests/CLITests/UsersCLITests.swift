import Foundation
import Testing

@Suite("Users, tokens, backup and restore from the command line")
struct UsersCLITests {
    @Test("users add reads the password from standard input; users token prints only a token; the token's user is checked (exit 77)")
    func usersAndTokens() throws {
        let db = try CLI.demoDatabase()
        let add = try CLI.run(
            ["users", "add", "xiying", "--role", "township-editor", "--township", "西营镇", "--database", db], input: "xiying-pass-1\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("已添加用户 xiying（乡镇编辑）"))
        let list = try CLI.run(["users", "list", "--database", db])
        #expect(list.stdout.contains("admin") && list.stdout.contains("xiying") && list.stdout.contains("西营镇"))
        #expect(!list.stdout.contains("xiying-pass-1"))
        let token = try CLI.run(["users", "token", "xiying", "--database", db])
        #expect(token.status == 0)
        let secret = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("cxt_") && secret.count == 68 && !token.stdout.dropLast().contains("\n"))
        let refused = try CLI.run(
            ["indicators", "record", "INS_WHEAT", "--area", "天宁镇", "--period", "2024", "--value", "50", "--database", db],
            environment: ["CHENGXIANG_TOKEN": secret])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("不属于西营镇"))
        let accepted = try CLI.run(
            [
                "indicators", "record", "INS_WHEAT", "--area", "西营镇", "--period", "2024", "--value", "50", "--token", secret, "--database",
                db,
            ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let audit = try CLI.run(["audit", "--database", db])
        #expect(audit.stdout.contains("cli:xiying"))
        // A township editor's token cannot manage users.
        let escalate = try CLI.run(["users", "token", "admin", "--token", secret, "--database", db])
        #expect(escalate.status == 77)
        let revoke = try CLI.run(["users", "revoke", "xiying", "--database", db])
        #expect(revoke.status == 0)
        let revoked = try CLI.run(
            [
                "indicators", "record", "INS_WHEAT", "--area", "西营镇", "--period", "2023", "--value", "40", "--token", secret, "--database",
                db,
            ])
        #expect(revoked.status == 77)
        #expect(revoked.stderr.contains("令牌无效"))
    }

    @Test("a short password, a missing one, or an unknown role is refused and nothing is added")
    func badUsers() throws {
        let db = try CLI.demoDatabase()
        #expect(try CLI.run(["users", "add", "a", "--role", "viewer", "--database", db], input: "short\n").status == 65)
        #expect(try CLI.run(["users", "add", "a", "--role", "viewer", "--database", db]).status == 66)
        #expect(try CLI.run(["users", "add", "a", "--role", "king", "--database", db], input: "long-enough\n").status == 65)
        #expect(!(try CLI.run(["users", "list", "--database", db]).stdout.contains(" a ")))
    }

    @Test(
        "backup then restore gives the same register; restore refuses a register with data unless --force, and a file that is not a backup")
    func backupRestore() throws {
        let db = try CLI.demoDatabase()
        let dir = try CLI.temporaryDirectory()
        let backup = dir.appendingPathComponent("backup.sqlite").path
        let made = try CLI.run(["backup", "--out", backup, "--database", db])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try CLI.run(["backup", "--out", backup, "--database", db]).status == 73, "an existing backup is not overwritten")
        let fresh = dir.appendingPathComponent("restored.sqlite").path
        let restored = try CLI.run(["restore", backup, "--database", fresh])
        #expect(restored.status == 0, "\(restored.stderr)")
        let original = try CLI.run(["schools", "diagnose", "--format", "json", "--database", db])
        let copy = try CLI.run(["schools", "diagnose", "--format", "json", "--database", fresh])
        #expect(copy.status == 0 && copy.stdout == original.stdout)
        #expect(try CLI.run(["users", "list", "--database", fresh]).stdout.contains("admin"))
        let again = try CLI.run(["restore", backup, "--database", db])
        #expect(again.status == 73)
        #expect(try CLI.run(["restore", backup, "--database", db, "--force"]).status == 0)
        #expect(try CLI.run(["backup", "--out", db, "--force", "--database", db]).status == 65, "never over the database itself")
        #expect(try CLI.run(["backup", "--out", "/no/such/folder/b.sqlite", "--database", db]).status == 69)
        let junk = dir.appendingPathComponent("junk.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
        #expect(try CLI.run(["restore", junk, "--database", dir.appendingPathComponent("x.sqlite").path]).status == 65)
    }
}
