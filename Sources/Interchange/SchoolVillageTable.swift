public import Domain
import Foundation
import Localization

/// One validated row of a school → village table.
public struct SchoolVillageLink: Sendable {
    public var row: Int
    public var school: String
    public var townshipID: Division.ID
    public var villageID: Division.ID
}

/// Reads a table saying which village each school stands in (学校名称, 乡镇, 所在村), resolving
/// the township and the village in the register; every bad cell is reported.
public struct SchoolVillageTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case school, township, village
    }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .school: ["学校名称", "学校", "school", "name"],  // vocabulary
        .township: ["乡镇", "所属乡镇", "township"],  // vocabulary
        .village: ["所在村", "村", "village"],  // vocabulary
    ])

    public let register: DivisionRegister

    public init(register: DivisionRegister) {
        self.register = register
    }

    /// Every link of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [SchoolVillageLink] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: [.school, .township, .village], requiredNames: L10n.message(.schoolVillageColumns))
        var issues = table.issues
        var links: [SchoolVillageLink] = []
        for record in table.records {
            guard let township = register.townships(named: record(.township)).first else {
                issues.append(table.issue(record.row, .township, L10n.message(.unknownTownshipName, record(.township))))
                continue
            }
            guard let village = register.village(named: record(.village), in: township) else {
                issues.append(table.issue(record.row, .village, L10n.message(.unknownVillage, record(.village), township.name)))
                continue
            }
            links.append(SchoolVillageLink(row: record.row, school: record(.school), townshipID: township.id, villageID: village.id))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return links
    }
}
