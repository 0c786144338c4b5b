public import Domain
import Foundation
public import Localization

/// One validated row of an idle asset table.
public struct AssetRow: Sendable, Hashable {
    public var row: Int
    public var asset: IdleAsset
}

/// Reads idle land and assets (类型, 名称, 乡镇, 村 or 村代码, 面积 in m² or 亩, 权属, 状态,
/// 拟利用方式, 实际利用, 日期, 佐证, 经度, 纬度, 来源, 备注) from CSV or XLSX.
public struct AssetTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case kind, name, township, village, code, areaM2, areaMu, owner, status, proposed, actual, date, evidence, longitude, latitude,
            source, note
    }

    /// The header row of an empty template to fill in.
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: [.kind, .name]) }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .kind: ["类型", "资产类型", "kind"],  // vocabulary
        .name: ["名称", "资产名称", "name"],  // vocabulary
        .township: ["乡镇", "所属乡镇", "township"],  // vocabulary
        .village: ["村", "所在村", "village"],  // vocabulary
        .code: ["村代码", "区划代码", "code"],  // vocabulary
        .areaM2: ["面积（平方米）", "面积（m²）", "占地面积（平方米）", "area_m2"],  // vocabulary
        .areaMu: ["面积（亩）", "占地面积（亩）", "area_mu"],  // vocabulary
        .owner: ["权属", "所有权", "owner"],  // vocabulary
        .status: ["状态", "利用状态", "status"],  // vocabulary
        .proposed: ["拟利用方式", "拟用途", "proposed_use"],  // vocabulary
        .actual: ["实际利用", "现用途", "actual_use"],  // vocabulary
        .date: ["日期", "认定日期", "date"],  // vocabulary
        .evidence: ["佐证", "佐证材料", "evidence"],  // vocabulary
        .longitude: ["经度", "lon", "longitude"],  // vocabulary
        .latitude: ["纬度", "lat", "latitude"],  // vocabulary
        .source: ["来源", "source"],  // vocabulary
        .note: ["备注", "note"],  // vocabulary
    ])

    public let register: DivisionRegister

    public init(register: DivisionRegister) {
        self.register = register
    }

    /// Every row of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [AssetRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: [.kind, .name], requiredNames: L10n.message(.assetColumns))
        var issues = table.issues
        var rows: [AssetRow] = []
        var first: [String: Int] = [:]
        for r in table.records {
            let before = issues.count
            if r(.name).isEmpty { issues.append(table.issue(r.row, .name, L10n.message(.requiredCellBlank))) }
            let kind = AssetKind(text: r(.kind))
            if kind == nil { issues.append(table.issue(r.row, .kind, L10n.message(.unknownAssetKind, r(.kind)))) }
            var division: Stored<Division>?
            if r(.code).isEmpty && r(.village).isEmpty {
                division = register.townships(named: r(.township)).first
                // A merged township is refused where its current unit is known (the asset belongs there);
                // one with no known successor (会立乡) is still the only name for its place.
                if let t = division, t.status == .historical, let now = register.currentUnit(for: t), now.id != t.id {
                    issues.append(table.issue(r.row, .township, L10n.message(.historicalTownship, t.name, now.name)))
                } else if division == nil {
                    issues.append(
                        table.issue(
                            r.row, .township,
                            r(.township).isEmpty ? L10n.message(.assetPlaceMissing) : L10n.message(.unknownTownshipName, r(.township))))
                }
            } else {
                division = table.village(r, code: .code, township: .township, name: .village, in: register, &issues)
            }
            let m2 = table.quantity(r, .areaM2, units: ["平方米", "m2", "m²"], maximum: 1e9, &issues)  // vocabulary
            let mu = table.quantity(r, .areaMu, units: ["亩"], maximum: 1e7, &issues)  // vocabulary
            if m2 == 0 || mu == 0 { issues.append(table.issue(r.row, m2 == 0 ? .areaM2 : .areaMu, L10n.message(.assetAreaZero))) }
            if let m2, let mu, abs(Area.squareMetres(fromMu: mu) - m2) > max(1, m2 * 0.01) {
                issues.append(
                    table.issue(r.row, .areaMu, L10n.message(.areasDisagree, Format.number(m2, digits: 0), Format.number(mu, digits: 2))))
            }
            let owner = r(.owner).isEmpty ? nil : AssetOwner(text: r(.owner))
            if !r(.owner).isEmpty && owner == nil { issues.append(table.issue(r.row, .owner, L10n.message(.unknownAssetOwner, r(.owner)))) }
            let status = r(.status).isEmpty ? AssetStatus.idle : AssetStatus(text: r(.status))
            if status == nil { issues.append(table.issue(r.row, .status, L10n.message(.unknownAssetStatus, r(.status)))) }
            let date = r(.date).isEmpty ? nil : PartialDate(r(.date))
            if !r(.date).isEmpty && date == nil { issues.append(table.issue(r.row, .date, L10n.message(.badDate, r(.date)))) }
            let location = table.position(r, longitude: .longitude, latitude: .latitude, &issues)
            guard issues.count == before, let kind, let division, let status else { continue }
            let key = "\(division.id)/\(kind.rawValue)/\(r(.name))"
            if let row = first[key] {
                issues.append(table.issue(r.row, .name, L10n.message(.duplicateKey, r(.name), row)))
                continue
            }
            first[key] = r.row
            func text(_ c: Column) -> String? { r(c).isEmpty ? nil : r(c) }
            rows.append(
                AssetRow(
                    row: r.row,
                    asset: IdleAsset(
                        kind: kind, name: r(.name), divisionID: division.id, areaM2: m2 ?? mu.map(Area.squareMetres(fromMu:)), owner: owner,
                        status: status,
                        proposedUse: text(.proposed) ?? (status == .idle || status == .planned ? Self.defaultReuse(kind) : nil),
                        actualUse: text(.actual), date: date,
                        evidence: text(.evidence),
                        location: location, source: text(.source) ?? source.fileName, note: text(.note))))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }
}

extension AssetTableReader {
    /// The plan's first use for assets left by school consolidation and village merging
    /// (基层党组织阵地、基层政权阵地), proposed when a row gives none; nil for other kinds.
    static func defaultReuse(_ kind: AssetKind) -> String? {
        kind == .schoolBuilding || kind == .villageOffice ? kind.suggestedReuse.zh : nil
    }
}

/// One validated row of a park enterprise table.
public struct EnterpriseRow: Sendable, Hashable {
    public var row: Int
    public var park: String
    public var enterprise: ParkEnterprise
}

/// Reads park enterprises by year (园区, 企业名称, 行业, 年份, 从业人数, 产值（万元）, 投资（万元）,
/// 来源) from CSV or XLSX; the park is named and must be stored.
public struct EnterpriseTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case park, name, sector, year, jobs, output, investment, source
    }

    /// The header row of an empty template to fill in.
    public static var templateHeader: [String] { matcher.templateHeader }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .park: ["园区", "园区名称", "park"],  // vocabulary
        .name: ["企业名称", "企业", "name"],  // vocabulary
        .sector: ["行业", "所属行业", "sector"],  // vocabulary
        .year: ["年份", "年度", "year"],  // vocabulary
        .jobs: ["从业人数", "就业人数", "jobs"],  // vocabulary
        .output: ["产值（万元）", "产值", "output_wan"],  // vocabulary
        .investment: ["投资（万元）", "投资额（万元）", "投资", "investment_wan"],  // vocabulary
        .source: ["来源", "source"],  // vocabulary
    ])

    /// Park names and ids.
    public let parks: [String: Park.ID]

    public init(parks: [String: Park.ID]) {
        self.parks = parks
    }

    /// Every row of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [EnterpriseRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: [.park, .name, .year], requiredNames: L10n.message(.enterpriseColumns))
        var issues = table.issues
        var rows: [EnterpriseRow] = []
        var first: [String: Int] = [:]
        for r in table.records {
            let before = issues.count
            let park = parks[DivisionNames.canonical(r(.park))]
            if park == nil {
                issues.append(
                    table.issue(r.row, .park, L10n.message(.unknownPark, r(.park), parks.keys.sorted().joined(separator: "、"))))
            }
            if r(.name).isEmpty { issues.append(table.issue(r.row, .name, L10n.message(.requiredCellBlank))) }
            let year = table.year(r, .year, fallback: nil, yearHint: false, &issues)
            let jobs = table.count(r, .jobs, maximum: 10_000_000, &issues)
            let output = table.quantity(r, .output, units: ["万元"], maximum: 1e10, &issues)  // vocabulary
            let investment = table.quantity(r, .investment, units: ["万元"], maximum: 1e10, &issues)  // vocabulary
            guard issues.count == before, let park, let year else { continue }
            let key = "\(park)/\(r(.name))/\(year)"
            if let row = first[key] {
                issues.append(table.issue(r.row, .name, L10n.message(.duplicateKey, r(.name), row)))
                continue
            }
            first[key] = r.row
            rows.append(
                EnterpriseRow(
                    row: r.row, park: r(.park),
                    enterprise: ParkEnterprise(
                        parkID: park, name: r(.name), sector: r(.sector).isEmpty ? nil : r(.sector), year: year, jobs: jobs,
                        outputWan: output, investmentWan: investment, source: r(.source).isEmpty ? source.fileName : r(.source))))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }
}
