import Foundation
import Localization

/// Matches the header cells a clerk wrote to the columns an importer knows.
///
/// Headers are compared after removing white space and line breaks, turning full-width
/// brackets into ASCII ones and lower-casing, so "占地面积（亩）", "占地面积(亩)" and
/// " 占地面积 (亩) " are the same column.
struct HeaderMatcher<Column: Hashable & CaseIterable & Sendable>: Sendable {
    let aliases: [Column: [String]]

    /// The header of an empty template: each column under its first name, in declaration order.
    var templateHeader: [String] { Column.allCases.compactMap { aliases[$0]?.first } }

    /// Every column with the header names it is found under, required ones marked: the import
    /// page's format guide, so the guide cannot drift from what the reader accepts.
    func guide(required: [Column]) -> [ImportColumn] {
        Column.allCases.compactMap { column in
            aliases[column].map { ImportColumn(names: $0, required: required.contains(column)) }
        }
    }

    /// The normalised form used for comparison.
    static func normalise(_ header: String) -> String {
        var text = header.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        text = text.replacingOccurrences(of: "\u{FEFF}", with: "")
        text.removeAll { $0.isWhitespace }
        return text.lowercased()
    }

    /// The 0-based index of each known column in the header row; unknown headers are ignored.
    func match(_ header: [String]) -> [Column: Int] {
        var found: [Column: Int] = [:]
        let normalisedAliases = aliases.mapValues { $0.map(Self.normalise) }
        for (index, cell) in header.enumerated() {
            let key = Self.normalise(cell)
            guard !key.isEmpty else { continue }
            for (column, names) in normalisedAliases where found[column] == nil && names.contains(key) {
                found[column] = index
            }
        }
        return found
    }
}

/// Reads numbers as clerks type them: "1,581", "１５８１", "15亩", " 28.8 ".
enum CellNumber {
    enum Problem: Error {
        case notANumber
        case negative
        case notWhole
        /// Above the largest value the domain allows (see `Limits`).
        case tooLarge(Double)
    }

    /// Normalises full-width digits, thousands separators and a trailing unit.
    static func clean(_ text: String, units: [String]) -> String {
        // Plain digits (nearly every cell of a large table) need no cleaning.
        if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }) { return text }
        var t = text.trimmedCell
        t = String(
            t.unicodeScalars.map { scalar -> Character in
                if (0xFF10...0xFF19).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0xFF10 + 48)!) }
                if scalar.value == 0xFF0E { return "." }
                if scalar.value == 0xFF0D { return "-" }
                return Character(scalar)
            })
        for unit in units where t.hasSuffix(unit) {
            t = String(t.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        return t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
    }

    /// A non-negative whole number; nil result for an empty cell.
    static func count(_ text: String, units: [String] = countUnits, maximum: Int) -> Result<Int?, Problem> {
        let t = clean(text, units: units)
        if t.isEmpty { return .success(nil) }
        guard let value = Double(t), value.isFinite else { return .failure(.notANumber) }
        if value < 0 { return .failure(.negative) }
        if value > Double(maximum) { return .failure(.tooLarge(Double(maximum))) }
        guard value == value.rounded(), let whole = Int(exactly: value) else { return .failure(.notWhole) }
        return .success(whole)
    }

    /// Units a count may carry.
    static let countUnits = ["人", "个", "班"]  // vocabulary

    /// A non-negative decimal no larger than `maximum`; nil result for an empty cell.
    static func quantity(_ text: String, units: [String], maximum: Double) -> Result<Double?, Problem> {
        let t = clean(text, units: units)
        if t.isEmpty { return .success(nil) }
        guard let value = Double(t), value.isFinite else { return .failure(.notANumber) }
        if value < 0 { return .failure(.negative) }
        if value > maximum { return .failure(.tooLarge(maximum)) }
        return .success(value)
    }
}

/// Splits "天宁镇（岭底片区）" into "天宁镇" and the note "岭底片区"; "（会立）" into "会立" and a note.
enum BracketNote {
    static func split(_ text: String) -> (name: String, note: String?) {
        var t = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        t.removeAll { $0.isWhitespace }
        guard let open = t.firstIndex(of: "（"), let close = t[open...].firstIndex(of: "）") else {
            return (t, nil)
        }
        let inside = String(t[t.index(after: open)..<close])
        let outside = String(t[..<open]) + String(t[t.index(after: close)...])
        if outside.isEmpty { return (inside, "（\(inside)）") }
        return (outside, inside.isEmpty ? nil : inside)
    }
}
