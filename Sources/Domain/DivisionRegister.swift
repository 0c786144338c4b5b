import Foundation

/// An in-memory view of the division hierarchy for lookups by name and code.
///
/// Built from the store's rows; answers the questions importers and analyses ask:
/// which township does "天宁" mean, which current unit does a merged one roll up into.
public struct DivisionRegister: Sendable {
    public let divisions: [Division]
    /// Township-level units; current ones first, then by code.
    public let townships: [Division]
    private let byID: [Int64: Division]
    private let byCode: [DivisionCode: Division]

    public init(_ divisions: [Division]) {
        self.divisions = divisions
        var byID: [Int64: Division] = [:]
        var byCode: [DivisionCode: Division] = [:]
        for division in divisions {
            if let id = division.id { byID[id] = division }
            if let code = division.code { byCode[code] = division }
        }
        self.byID = byID
        self.byCode = byCode
        townships = divisions.filter { $0.kind.tier == .township }.sorted(by: Self.currentFirst)
    }

    public func division(id: Int64) -> Division? { byID[id] }
    public func division(code: DivisionCode) -> Division? { byCode[code] }

    /// The county record (the single division of tier county), if loaded.
    public var county: Division? { divisions.first { $0.kind.tier == .county } }

    /// The parent of a division, by row id or by code.
    public func parent(of division: Division) -> Division? {
        if let id = division.parentID, let parent = byID[id] { return parent }
        if let code = division.parentCode { return byCode[code] }
        return nil
    }

    /// Village-level units whose parent is the given township.
    public func villages(in township: Division) -> [Division] {
        divisions.filter { $0.kind.tier == .village && parent(of: $0).map { Self.same($0, township) } == true }
    }

    /// Resolves a township name as the county writes it: full (天宁镇) or short (天宁).
    ///
    /// When a current and a historical unit share the name (洪相乡 → 洪相镇) the current one wins.
    /// Returns every match so the caller can report ambiguity.
    public func townships(named text: String) -> [Division] {
        let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wanted.isEmpty else { return [] }
        let exact = townships.filter { $0.name == wanted }
        if !exact.isEmpty { return exact }
        let short = DivisionNames.shortName(of: wanted)
        let matches = townships.filter { $0.shortName == short }
        let current = matches.filter { $0.status == .current }
        return current.isEmpty ? matches : current
    }

    /// Finds a village-level unit in a township by full or short name.
    ///
    /// Looks in the township itself and in any historical township that was merged into it.
    public func village(named text: String, in township: Division) -> Division? {
        let short = DivisionNames.shortName(of: text)
        let candidates = ([township] + predecessors(of: township)).flatMap { villages(in: $0) }
        return candidates.first { $0.name == text } ?? candidates.first { $0.shortName == short }
    }

    /// Historical units whose successor chain leads to the given one.
    public func predecessors(of division: Division) -> [Division] {
        guard let code = division.code else { return [] }
        return divisions.filter { $0.successorCode == code }.flatMap { [$0] + predecessors(of: $0) }
    }

    /// The current unit a division rolls up into: itself when current, else the end of its
    /// successor chain; nil when a historical unit's successor is not known.
    public func currentUnit(for division: Division) -> Division? {
        var unit = division
        var seen: Set<String> = []
        while unit.status == .historical {
            guard let next = unit.successorCode, let successor = byCode[next], seen.insert(next.rawValue).inserted else {
                return nil
            }
            unit = successor
        }
        return unit
    }

    /// The township-level unit a division belongs to (itself for a township).
    public func township(of division: Division) -> Division? {
        switch division.kind.tier {
        case .county: nil
        case .township: division
        case .village: parent(of: division)
        }
    }

    private static func same(_ a: Division, _ b: Division) -> Bool {
        if let ia = a.id, let ib = b.id { return ia == ib }
        return a.code != nil && a.code == b.code
    }

    private static func currentFirst(_ a: Division, _ b: Division) -> Bool {
        if a.status != b.status { return a.status == .current }
        return (a.code?.rawValue ?? a.name) < (b.code?.rawValue ?? b.name)
    }
}

/// Whether a township reported a topic's data for a year (the seed's empty rows mean "not reported").
public enum ReportStatus: String, Sendable, Codable {
    /// Rows were supplied.
    case reported
    /// The township is listed in the table with no rows: no data reported, not "none exist".
    case notReported = "not_reported"
}

/// A township's reporting status for one topic (e.g. `schools`).
public struct TownshipReport: Hashable, Sendable, Codable {
    public var townshipID: Int64
    public var topic: String
    public var status: ReportStatus
    public var source: String?

    public init(townshipID: Int64, topic: String, status: ReportStatus, source: String?) {
        self.townshipID = townshipID
        self.topic = topic
        self.status = status
        self.source = source
    }
}
