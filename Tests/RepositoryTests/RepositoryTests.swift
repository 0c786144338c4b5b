import Foundation
import Localization
import Testing

/// The repository's own rules, checked on its source files: the module graph, the message table,
/// and no traps hidden behind `!`.
@Suite("The source tree keeps its own rules")
struct RepositoryTests {
    /// The checkout's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under a folder, with its lines.
    static func sources(_ folder: String) throws -> [(path: String, lines: [String])] {
        let base = root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }.map { url in
            (String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n"))
        }
    }

    /// The text inside string literals on each line (comments dropped), tracking multi-line literals.
    static func literals(_ lines: [String]) -> [(line: Int, text: String, tagged: Bool)] {
        var result: [(Int, String, Bool)] = []
        var inBlock = false
        for (index, line) in lines.enumerated() {
            let tagged = line.hasSuffix("// vocabulary") || line.hasSuffix("// data")
            if line.contains("\"\"\"") {
                if inBlock { result.append((index + 1, line, tagged)) }
                if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inBlock.toggle() }
                continue
            }
            if inBlock {
                result.append((index + 1, line, tagged))
                continue
            }
            var text = ""
            var inString = false
            var previous: Character = " "
            var chars = Array(line)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if !inString && c == "/" && i + 1 < chars.count && chars[i + 1] == "/" { break }
                if c == "\"" && previous != "\\" {
                    inString.toggle()
                } else if inString {
                    text.append(c)
                }
                previous = c
                i += 1
            }
            chars.removeAll()
            if !text.isEmpty { result.append((index + 1, text, tagged)) }
        }
        return result
    }

    static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test("no Chinese text sits in a string literal outside the message table, unless marked as input vocabulary or stored data")
    func noStrayLiterals() throws {
        var stray: [String] = []
        for (path, lines) in try Self.sources("Sources") where !path.hasSuffix("Localization/MessageTable.swift") {
            for literal in Self.literals(lines) where Self.hasHan(literal.text) && !literal.tagged {
                stray.append("\(path):\(literal.line): \(literal.text)")
            }
        }
        #expect(stray.isEmpty, "\(stray.count) literals outside the message table:\n\(stray.prefix(40).joined(separator: "\n"))")
    }

    @Test("every message has both languages, and both use the same placeholders")
    func messagesComplete() {
        for key in MessageKey.allCases {
            let arguments = (1...9).map { "\u{1}\($0)" }
            let m = L10n.message(key, arguments: arguments)
            #expect(!m.zh.isEmpty && !m.en.isEmpty, "\(key)")
            let zh = Set(arguments.filter { m.zh.contains($0) })
            let en = Set(arguments.filter { m.en.contains($0) })
            // missingColumns names the columns in each language's own argument
            if key != .missingColumns { #expect(zh == en, "\(key): placeholders differ") }
            #expect(!m.zh.contains("{") || m.zh.contains("{{"), "\(key): unfilled placeholder")
        }
    }

    @Test("the web server and the command line reach data only through Services")
    func oneDoor() throws {
        for folder in ["Sources/Server", "Sources/chengxiang"] {
            for (path, lines) in try Self.sources(folder) {
                for line in lines
                where line.range(
                    of: #"^(public |internal |package |@testable )?import (Store|Interchange|GRDB)$"#, options: .regularExpression) != nil
                {
                    Issue.record("\(path) imports past the services: \(line)")
                }
            }
        }
    }

    @Test("every write of a service passes the one permission check: only Access.swift opens a write by actor name")
    func oneCheck() throws {
        var checked = 0
        for (path, lines) in try Self.sources("Sources/Services") {
            for (index, line) in lines.enumerated() where line.contains("write(actor:") {
                if path.hasSuffix("/Access.swift") {
                    checked += 1
                } else {
                    Issue.record("\(path):\(index + 1) writes around the permission check: \(line)")
                }
            }
        }
        #expect(checked > 0, "Access.swift still holds the one door")
    }

    @Test("no forced unwrap of an id and no try! in the sources")
    func noTraps() throws {
        for (path, lines) in try Self.sources("Sources") {
            for (index, line) in lines.enumerated() where line.contains(".id!") || line.contains("try!") {
                Issue.record("\(path):\(index + 1): \(line)")
            }
        }
    }
}
