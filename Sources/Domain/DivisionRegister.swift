import Foundation

/// An in-memory view of the division hierarchy for lookups by name and code.
///
/// Built from the store's rows; answers the questions importers and analyses ask:
/// which township does "天宁" mean, which current unit does a merged one roll up into.
public struct DivisionRegister: Sendable {
    public let divisions: [Stored<Division>]
    /// Township-level units; current ones first, then by code.
    public let townships: [Stored<Division>]
    private let byID: [Division.ID: Stored<Division>]
    private let byCode: [DivisionCode: Stored<Division>]
    private let children: [Division.ID: [Stored<Division>]]
    private let successors: [DivisionCode: [Stored<Division>]]

    public init(_ divisions: [Stored<Division>]) {
        self.divisions = divisions
        var byID: [Division.ID: Stored<Division>] = [:]
        var byCode: [DivisionCode: Stored<Division>] = [:]
        for division in divisions {
            byID[division.id] = division
            if let code = division.code { byCode[code] = division }
        }
        var children: [Division.ID: [Stored<Division>]] = [:]
        var successors: [DivisionCode: [Stored<Division>]] = [:]
        for division in divisions {
            let parent = division.parentID ?? division.parentCode.flatMap { byCode[$0]?.id }
            if let parent { children[parent, default: []].append(division) }
            if let successor = division.successorCode { successors[successor, default: []].append(division) }
        }
        self.children = children
        self.successors = successors
        self.byID = byID
        self.byCode = byCode
        townships = divisions.filter { $0.kind.tier == .township }.sorted(by: Self.currentFirst)
    }

    public func division(id: Division.ID) -> Stored<Division>? { byID[id] }
    public func division(code: DivisionCode) -> Stored<Division>? { byCode[code] }

    /// The county record (the single division of tier county), if loaded.
    public var county: Stored<Division>? { divisions.first { $0.kind.tier == .county } }

    /// The parent of a division, by id or by code.
    public func parent(of division: Stored<Division>) -> Stored<Division>? {
        if let id = division.parentID, let parent = byID[id] { return parent }
        if let code = division.parentCode { return byCode[code] }
        return nil
    }

    /// The units directly under a division.
    public func children(of id: Division.ID) -> [Stored<Division>] { children[id] ?? [] }

    /// Village-level units whose parent is the given township.
    public func villages(in township: Stored<Division>) -> [Stored<Division>] {
        (children[township.id] ?? []).filter { $0.kind.tier == .village }
    }

    /// Resolves a township name as the county writes it: full (天宁镇) or short (天宁).
    ///
    /// When a current and a historical unit share the name (洪相乡 → 洪相镇) the current one wins.
    /// Returns every match so the caller can report ambiguity.
    public func townships(named text: String) -> [Stored<Division>] {
        let wanted = DivisionNames.canonical(text)
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
    public func village(named text: String, in township: Stored<Division>) -> Stored<Division>? {
        let text = DivisionNames.canonical(text)
        let short = DivisionNames.shortName(of: text)
        let candidates = ([township] + predecessors(of: township)).flatMap { villages(in: $0) }
        return candidates.first { $0.name == text } ?? candidates.first { $0.shortName == short }
            ?? candidates.first { DivisionNames.sameName($0.name, text) }
    }

    /// Historical units whose successor chain leads to the given one.
    public func predecessors(of division: Stored<Division>) -> [Stored<Division>] {
        var result: [Stored<Division>] = []
        var seen: Set<Division.ID> = [division.id]
        var queue = [division]
        while let next = queue.popLast() {
            guard let code = next.code else { continue }
            for predecessor in successors[code] ?? [] where seen.insert(predecessor.id).inserted {
                result.append(predecessor)
                queue.append(predecessor)
            }
        }
        return result
    }

    /// The current unit a division rolls up into: itself when current, else the end of its
    /// successor chain; nil when a historical unit's successor is not known.
    public func currentUnit(for division: Stored<Division>) -> Stored<Division>? {
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

    /// Whether reaching the current unit follows a merger that is inferred rather than stated.
    public func reachesCurrentUnitByInference(_ division: Stored<Division>) -> Bool {
        var unit = division
        var seen: Set<Division.ID> = [division.id]
        while unit.status == .historical, let next = unit.successorCode, let successor = byCode[next],
            seen.insert(successor.id).inserted
        {
            if unit.successorInferred { return true }
            unit = successor
        }
        return false
    }

    /// The township a division counts toward now: its township-level unit, or that unit's
    /// successor when it was merged away.
    public func currentTownship(of division: Stored<Division>) -> Stored<Division>? {
        let own = township(of: division)
        return own.flatMap { currentUnit(for: $0) } ?? own
    }

    /// The township-level unit a division belongs to (itself for a township).
    public func township(of division: Stored<Division>) -> Stored<Division>? {
        switch division.kind.tier {
        case .county: nil
        case .township: division
        case .village: parent(of: division)
        }
    }

    private static func currentFirst(_ a: Stored<Division>, _ b: Stored<Division>) -> Bool {
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
public struct TownshipReport: Hashable, Sendable {
    public var townshipID: Division.ID
    public var topic: String
    public var status: ReportStatus
    public var source: String?

    public init(townshipID: Division.ID, topic: String, status: ReportStatus, source: String?) {
        self.townshipID = townshipID
        self.topic = topic
        self.status = status
        self.source = source
    }
}
