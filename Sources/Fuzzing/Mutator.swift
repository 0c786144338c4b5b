public import Foundation
public import LocationModels
import ZIPFoundation

/// The engine's seeded generator (SplitMix64) drives the mutations: the same seed gives the same
/// inputs on every machine, so a failing input can be made again from its seed, target and number.
extension SplitMix64 {
    /// A number in 0..<bound (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Mutations of a seed file: byte flips, hostile tokens (huge and negative numbers, NaN,
/// quotes, separators, entities, look-alike ideographs, very long cells), deleted, repeated and
/// swapped ranges and lines, truncation — and for a workbook, the same inside one of its XML
/// parts, re-zipped, or the archive's own bytes.
public struct Mutator: Sendable {
    public var rng: SplitMix64

    /// Text that breaks parsers and validators: numbers at and past every limit, non-numbers,
    /// separators and quotes, markup, encodings.
    public static let tokens: [String] = [
        "-1", "0", "-0", "1e308", "-1e308", "1e-320", "nan", "NaN", "inf", "-inf", "Infinity", "99999999999999999999",
        "5000000000000000000", "2147483648", "0x10", "1,000", "１２３", "3.", ".5", "1e", "--1", "", " ", "\"", "\"\"", ",", ",,,,,",
        "\n", "\r\n", "\r", "\t", "\u{FEFF}", "\u{0}", "\u{7F}", "\u{2028}", "\u{3000}", "\u{F900}", "141122100000", "141122",
        "天宁", "天宁镇", "交城县", "村", "镇", "县", "小学", "初中",  // vocabulary
        "1411221000001", "<", ">", "&", "&amp;", "&#0;", "&#x110000;",
        "&lt;", "]]>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<c r=\"XFE1\">", "<c r=\"A1048577\">", "<row r=\"0\">",
        "{", "}", "[", "]", ":", "null", "true", "[[[[[[[[", "\"coordinates\":", "\"type\":\"Polygon\"", "{\"type\":\"Point\"}",
        String(repeating: "A", count: 5000), String(repeating: "9", count: 400),
        String(repeating: "学", count: 300),  // vocabulary
    ]

    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// One to four mutations of `data`.
    public mutating func mutate(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for _ in 0...rng.below(4) { mutateOnce(&bytes) }
        return Data(bytes)
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) {
        let position = rng.below(bytes.count + 1)
        switch rng.below(10) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << rng.below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = rng.pick([0x00, 0xFF, 0x22, 0x2C, 0x0A, 0x0D, 0x3C, 0x26, 0x7B, 0xE5, 0xC0, 0x80])
        case 2, 3:
            bytes.insert(contentsOf: Array(rng.pick(Self.tokens).utf8), at: position)
        case 4:
            let end = min(bytes.count, position + 1 + rng.below(64))
            if position < end { bytes.removeSubrange(position..<end) }
        case 5:
            let end = min(bytes.count, position + 1 + rng.below(256))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: rng.below(bytes.count + 1)) }
        case 6:
            bytes.removeSubrange(position...)
        case 7:
            mutateLines(&bytes)
        case 8:
            replaceNumber(&bytes, at: position)
        default:
            bytes.insert(contentsOf: Array(rng.pick(Self.tokens).utf8), at: position)
            bytes.insert(contentsOf: Array(rng.pick(Self.tokens).utf8), at: rng.below(bytes.count + 1))
        }
    }

    /// Repeats (up to 1,000 times), deletes or swaps whole lines.
    private mutating func mutateLines(_ bytes: inout [UInt8]) {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return }
        let i = rng.below(lines.count)
        switch rng.below(3) {
        case 0: lines.insert(contentsOf: Array(repeating: lines[i], count: 1 + rng.below(rng.chance(10) ? 1000 : 3)), at: i)
        case 1: lines.remove(at: i)
        default: lines.swapAt(i, rng.below(lines.count))
        }
        bytes = Array(lines.joined(separator: [0x0A]))
    }

    /// Replaces the run of digits nearest after `position` with a hostile number.
    private mutating func replaceNumber(_ bytes: inout [UInt8], at position: Int) {
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        guard let start = bytes[min(position, bytes.count)...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else {
            return
        }
        var end = start
        while end < bytes.count && (isDigit(bytes[end]) || bytes[end] == 0x2E) { end += 1 }
        let number = rng.pick(["-1", "1e308", "nan", "inf", "99999999999999999999", "0", "-0.5", "1e-320", "3000", "1800"])
        bytes.replaceSubrange(start..<end, with: Array(number.utf8))
    }

    /// A mutated workbook: most often one XML part mutated and the archive rebuilt; sometimes the
    /// archive's bytes themselves.
    public mutating func mutateWorkbook(_ data: Data) throws -> Data {
        if rng.chance(20) { return mutate(data) }
        let source = try Archive(data: data, accessMode: .read)
        let entries = source.map { $0 }
        guard !entries.isEmpty else { return mutate(data) }
        let target = rng.chance(60) ? entries.first { $0.path.contains("worksheets/") } ?? rng.pick(entries) : rng.pick(entries)
        let output = try Archive(accessMode: .create)
        for entry in entries {
            var content = Data()
            _ = try source.extract(entry, skipCRC32: true) { content.append($0) }
            if entry.path == target.path { content = mutate(content) }
            let bytes = content
            try output.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return output.data ?? data
    }
}
