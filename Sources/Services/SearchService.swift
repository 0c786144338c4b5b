import Analysis
public import Domain
import Foundation
import Store

/// One search across the register: schools, townships and villages, plan tasks and indicators,
/// by name or code, without regard to case or to full-width letters and digits.
public struct SearchService: Sendable {
    let store: RegisterStore

    /// What a hit is.
    public enum Kind: String, Sendable, CaseIterable {
        case school, township, village, task, indicator
    }

    /// One thing found: what it is, its name (data, as stored), where it belongs (its township, its
    /// code) and the id the pages link to.
    public struct Hit: Sendable {
        public var kind: Kind
        public var name: String
        /// An English name where the register has one (indicators).
        public var englishName: String?
        public var detail: String
        /// The school's or division's id; the task's or indicator's code.
        public var key: String
        /// The township a village or school belongs to, for a link to its schools.
        public var townshipID: Division.ID?

        init(kind: Kind, name: String, englishName: String? = nil, detail: String, key: String, townshipID: Division.ID?) {
            self.kind = kind
            self.name = name
            self.englishName = englishName
            self.detail = detail
            self.key = key
            self.townshipID = townshipID
        }
    }

    /// The hits, by kind, at most `limit` of each; an empty or blank query finds nothing.
    public func search(_ query: String, limit: Int = 50) throws -> [Hit] {
        let needle = Self.folded(query)
        guard !needle.isEmpty else { return [] }
        func matches(_ texts: String?...) -> Bool { texts.contains { $0.map { Self.folded($0).contains(needle) } ?? false } }
        let report = try DiagnosticsService(store: store).schoolDiagnostics()
        let (register, tasks, indicators) = try store.read { reader in (try reader.register(), try reader.tasks(), try reader.indicators())
        }
        var hits: [Hit] = []
        let townshipOf = Dictionary(report.townships.map { ($0.township.name, $0.township.id) }, uniquingKeysWith: { first, _ in first })
        hits += report.schools.filter { matches($0.school.name, $0.townshipName) }.prefix(limit).map {
            Hit(
                kind: .school, name: $0.school.name, detail: $0.townshipName, key: "\($0.school.id)",
                townshipID: townshipOf[$0.townshipName])
        }
        hits += register.townships.filter { matches($0.name, $0.code?.description) }.prefix(limit).map {
            Hit(kind: .township, name: $0.name, detail: $0.code?.description ?? "", key: "\($0.id)", townshipID: $0.id)
        }
        let villages = register.divisions.filter { $0.kind.tier == .village && matches($0.name, $0.code?.description) }
        hits += villages.prefix(limit).map { village in
            let township = register.parent(of: village)
            return Hit(
                kind: .village, name: village.name,
                detail: [township?.name, village.code?.description].compactMap { $0 }.joined(separator: " "), key: "\(village.id)",
                townshipID: township?.id)
        }
        hits += tasks.filter { matches($0.name, $0.code, $0.ownerUnit) }.prefix(limit).map {
            Hit(kind: .task, name: $0.name, detail: $0.code, key: $0.code, townshipID: nil)
        }
        hits += indicators.filter { matches($0.nameZh, $0.nameEn, $0.code) }.prefix(limit).map {
            Hit(kind: .indicator, name: $0.nameZh, englishName: $0.nameEn, detail: $0.code, key: $0.code, townshipID: nil)
        }
        return hits
    }

    /// A text as it is compared: its canonical form (full-width letters and digits as ASCII,
    /// compatibility ideographs unified, whitespace collapsed), lower-cased.
    static func folded(_ text: String) -> String {
        DivisionNames.canonical(text).lowercased()
    }
}
