public import Domain
import Foundation
public import Localization

/// One validated row of a medical facility table.
public struct HealthRow: Sendable, Hashable {
    public var row: Int
    public var facility: HealthFacility
}

/// Reads medical facilities (类型, 名称, 乡镇, 村 or 村代码, 经度, 纬度, 执业（助理）医师, 乡村医生,
/// 注册护士, 床位, 医共体, 来源, 备注) from CSV or XLSX. A 村卫生室 belongs to its village, a 乡镇卫生院 to
/// its township, a 县级医院 to the county.
public struct HealthTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case kind, name, township, village, code, longitude, latitude, doctors, villageDoctors, nurses, beds, alliance, source, note
    }

    /// The header row of an empty template to fill in.
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: [.kind, .name]) }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .kind: ["类型", "机构类型", "kind"],  // vocabulary
        .name: ["名称", "机构名称", "name"],  // vocabulary
        .township: ["乡镇", "所属乡镇", "township"],  // vocabulary
        .village: ["村", "所在村", "village"],  // vocabulary
        .code: ["村代码", "区划代码", "code"],  // vocabulary
        .longitude: ["经度", "lon", "longitude"],  // vocabulary
        .latitude: ["纬度", "lat", "latitude"],  // vocabulary
        .doctors: ["执业（助理）医师", "执业医师", "执业助理医师", "doctors"],  // vocabulary
        .villageDoctors: ["乡村医生", "village_doctors"],  // vocabulary
        .nurses: ["注册护士", "护士", "nurses"],  // vocabulary
        .beds: ["床位", "床位数", "beds"],  // vocabulary
        .alliance: ["医共体", "医联体", "医共体/医联体", "alliance"],  // vocabulary
        .source: ["来源", "source"],  // vocabulary
        .note: ["备注", "note"],  // vocabulary
    ])

    public let register: DivisionRegister

    public init(register: DivisionRegister) {
        self.register = register
    }

    /// Every row of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [HealthRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: [.kind, .name], requiredNames: L10n.message(.healthColumns))
        var issues = table.issues
        var rows: [HealthRow] = []
        var first: [String: Int] = [:]
        for r in table.records {
            let before = issues.count
            if r(.name).isEmpty { issues.append(table.issue(r.row, .name, L10n.message(.requiredCellBlank))) }
            let kind = HealthFacilityKind(text: r(.kind))
            if kind == nil { issues.append(table.issue(r.row, .kind, L10n.message(.healthUnknownKind, r(.kind)))) }
            var division: Stored<Division>?
            switch kind {
            case .clinic?:
                if r(.code).isEmpty && r(.village).isEmpty {
                    issues.append(table.issue(r.row, .village, L10n.message(.healthClinicNeedsVillage)))
                } else {
                    division = table.village(r, code: .code, township: .township, name: .village, in: register, villagesOnly: true, &issues)
                }
            case .healthCenter?:
                division = register.townships(named: r(.township)).first
                if division == nil {
                    issues.append(
                        table.issue(
                            r.row, .township,
                            r(.township).isEmpty
                                ? L10n.message(.healthCenterNeedsTownship) : L10n.message(.unknownTownshipName, r(.township))))
                }
            case .countyHospital?:
                division = register.county
                if division == nil { issues.append(table.issue(r.row, .kind, L10n.message(.healthNoCounty))) }
            case nil:
                break
            }
            let doctors = table.count(r, .doctors, maximum: 100_000, &issues)
            let villageDoctors = table.count(r, .villageDoctors, maximum: 100_000, &issues)
            let nurses = table.count(r, .nurses, maximum: 100_000, &issues)
            let beds = table.count(r, .beds, maximum: 100_000, &issues)
            let position = table.position(r, longitude: .longitude, latitude: .latitude, &issues)
            guard issues.count == before, let kind, let division else { continue }
            let key = "\(division.id)/\(r(.name))"
            if let row = first[key] {
                issues.append(table.issue(r.row, .name, L10n.message(.duplicateKey, r(.name), row)))
                continue
            }
            first[key] = r.row
            func text(_ c: Column) -> String? { r(c).isEmpty ? nil : r(c) }
            rows.append(
                HealthRow(
                    row: r.row,
                    facility: HealthFacility(
                        name: r(.name), kind: kind, divisionID: division.id, longitude: position?.longitudeDegrees,
                        latitude: position?.latitudeDegrees, doctors: doctors,
                        villageDoctors: villageDoctors, nurses: nurses, beds: beds, alliance: text(.alliance),
                        source: text(.source) ?? source.fileName, note: text(.note))))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }
}
