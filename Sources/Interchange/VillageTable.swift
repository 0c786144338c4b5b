public import Domain
import Foundation
public import Localization

/// One validated row of a village attribute table.
public struct VillageAttributeRow: Sendable, Hashable {
    public var row: Int
    public var attributes: VillageAttributes
    /// 城乡分类代码, when the row gives one (stored on the division).
    public var urbanRuralClass: Int?
}

extension HeaderedRows {
    /// A position in degrees from two cells (nil when both are blank), or an issue naming the
    /// first when either is not a number or out of range.
    func position(_ r: Record, longitude: Column, latitude: Column, _ issues: inout IssueList) -> GeoPoint? {
        guard !r(longitude).isEmpty || !r(latitude).isEmpty else { return nil }
        guard let lon = Double(r(longitude)), let lat = Double(r(latitude)), (-180...180).contains(lon), (-90...90).contains(lat) else {
            issues.append(issue(r.row, longitude, L10n.message(.badCoordinates, r(longitude), r(latitude))))
            return nil
        }
        return GeoPoint(longitudeDegrees: lon, latitudeDegrees: lat)
    }

    /// A whole count in a cell (nil when blank), or an issue naming the cell.
    func count(_ r: Record, _ column: Column, maximum: Int, _ issues: inout IssueList) -> Int? {
        switch CellNumber.count(r(column), maximum: maximum) {
        case .success(let value): return value
        case .failure(let problem):
            issues.append(issue(r.row, column, SchoolTableReader.problemMessage(problem, r(column))))
            return nil
        }
    }

    /// A non-negative quantity in a cell (nil when blank), or an issue naming the cell.
    func quantity(_ r: Record, _ column: Column, units: [String], maximum: Double, _ issues: inout IssueList) -> Double? {
        switch CellNumber.quantity(r(column), units: units, maximum: maximum) {
        case .success(let value): return value
        case .failure(let problem):
            issues.append(issue(r.row, column, SchoolTableReader.problemMessage(problem, r(column))))
            return nil
        }
    }

    /// A year of four digits in a cell, else `fallback`; an issue when neither gives one.
    /// `yearHint`: the message mentions `--year` (the importer has that option).
    func year(_ r: Record, _ column: Column, fallback: Int?, yearHint: Bool = true, _ issues: inout IssueList) -> Int? {
        let text = CellNumber.clean(r(column), units: ["年"])  // vocabulary
        if text.isEmpty {
            if fallback == nil { issues.append(issue(r.row, column, L10n.message(yearHint ? .yearMissing : .yearColumnMissing))) }
            return fallback
        }
        guard let year = Int(text), PartialDate.years.contains(year) else {
            issues.append(issue(r.row, column, L10n.message(.badYear, r(column))))
            return nil
        }
        return year
    }

    /// The village-tier division a row names by its 12-digit code, or by township and name.
    /// `villagesOnly`: a community (居委会/社区) is refused too.
    func village(
        _ r: Record, code: Column, township: Column, name: Column, in register: DivisionRegister, villagesOnly: Bool = false,
        _ issues: inout IssueList
    ) -> Stored<Division>? {
        if !r(code).isEmpty {
            guard let c = DivisionCode(r(code)), let division = register.division(code: c) else {
                issues.append(issue(r.row, code, L10n.message(.unknownDivisionCode, r(code))))
                return nil
            }
            guard villagesOnly ? division.kind == .village : division.kind.tier == .village else {
                issues.append(issue(r.row, code, L10n.message(.notAVillage, division.name)))
                return nil
            }
            // A name written beside the code must be the code's village (a shifted row is caught here).
            if !r(name).isEmpty, !DivisionNames.sameName(r(name), division.name) {
                issues.append(issue(r.row, name, L10n.message(.villageNameMismatch, r(code), division.name, r(name))))
                return nil
            }
            // The written township may be the village's own, its current unit, or a former name of that unit.
            if !r(township).isEmpty, let own = register.township(of: division),
                !register.townships(named: r(township)).contains(where: { written in
                    let ownUnit = register.currentUnit(for: own) ?? own
                    return written.id == own.id || (register.currentUnit(for: written) ?? written).id == ownUnit.id
                })
            {
                issues.append(issue(r.row, township, L10n.message(.villageNotInTownship, division.name, r(township))))
                return nil
            }
            return division
        }
        guard let t = register.townships(named: r(township)).first else {
            issues.append(
                issue(
                    r.row, township,
                    r(township).isEmpty && r(name).isEmpty
                        ? L10n.message(.assetPlaceMissing) : L10n.message(.unknownTownshipName, r(township))))
            return nil
        }
        guard let division = register.village(named: r(name), in: t) else {
            issues.append(issue(r.row, name, L10n.message(.unknownVillage, r(name), t.name)))
            return nil
        }
        if villagesOnly && division.kind != .village {
            issues.append(issue(r.row, name, L10n.message(.notAVillage, division.name)))
            return nil
        }
        return division
    }
}

/// Reads village figures by year (代码 or 乡镇 + 村名, 年份, 户籍人口, 常住人口, 户数, 村域面积,
/// 传统村落/历史文化名村, 城乡分类代码, 耕地, 高标准农田, 有效灌溉, 到集镇距离, 来源) from CSV or
/// XLSX. Blank cells stay unknown.
public struct VillageTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case code, township, name, year, registered, resident, households, area, heritage, urbanRural, farmland, highStandard,
            irrigated, market, source
    }

    /// The header row of an empty template to fill in.
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: [.name]) }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .code: ["村代码", "统计用区划代码", "区划代码", "代码", "code"],  // vocabulary
        .township: ["乡镇", "所属乡镇", "township"],  // vocabulary
        .name: ["村名称", "村名", "村", "行政村", "名称", "village", "name"],  // vocabulary
        .year: ["年份", "年度", "year"],  // vocabulary
        .registered: ["户籍人口", "户籍人口（人）", "registered_population"],  // vocabulary
        .resident: ["常住人口", "常住人口（人）", "resident_population"],  // vocabulary
        .households: ["户数", "户籍户数", "households"],  // vocabulary
        .area: ["村域面积（平方公里）", "村域面积", "面积（平方公里）", "area_km2"],  // vocabulary
        .heritage: ["传统村落/历史文化名村", "传统村落", "历史文化", "heritage"],  // vocabulary
        .urbanRural: ["城乡分类代码", "城乡分类", "urban_rural_class"],  // vocabulary
        .farmland: ["耕地面积（亩）", "耕地面积", "耕地", "farmland_mu"],  // vocabulary
        .highStandard: ["高标准农田（亩）", "高标准农田", "high_standard_mu"],  // vocabulary
        .irrigated: ["有效灌溉面积（亩）", "有效灌溉面积", "irrigated_mu"],  // vocabulary
        .market: ["到集镇距离（km）", "到集镇距离", "market_km"],  // vocabulary
        .source: ["来源", "数据来源", "source"],  // vocabulary
    ])

    public let register: DivisionRegister
    /// The year of rows that give none (`--year`).
    public let year: Int?

    public init(register: DivisionRegister, year: Int?) {
        self.register = register
        self.year = year
    }

    /// Every row of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [VillageAttributeRow] {
        // A village is named by its code or by its name (with the township): either column will do.
        let names = L10n.message(.villageColumns)
        let table: HeaderedRows<Column>
        if let byCode = try? HeaderedRows(source, matcher: Self.matcher, required: [.code], requiredNames: names) {
            table = byCode
        } else {
            table = try HeaderedRows(source, matcher: Self.matcher, required: [.name], requiredNames: names)
        }
        var issues = table.issues
        var rows: [VillageAttributeRow] = []
        var first: [String: Int] = [:]
        for r in table.records {
            let before = issues.count
            let village = table.village(r, code: .code, township: .township, name: .name, in: register, villagesOnly: true, &issues)
            let year = table.year(r, .year, fallback: year, &issues)
            let registered = table.count(r, .registered, maximum: Limits.populationPerDivision, &issues)
            let resident = table.count(r, .resident, maximum: Limits.populationPerDivision, &issues)
            let households = table.count(r, .households, maximum: Limits.populationPerDivision, &issues)
            let area = table.quantity(r, .area, units: ["平方公里", "km2", "km²"], maximum: 10_000, &issues)  // vocabulary
            if area == 0 { issues.append(table.issue(r.row, .area, L10n.message(.areaZero))) }
            var heritage: HeritageDesignation?
            if !r(.heritage).isEmpty {
                heritage = HeritageDesignation(text: r(.heritage))
                if heritage == nil { issues.append(table.issue(r.row, .heritage, L10n.message(.unknownHeritage, r(.heritage)))) }
            }
            var urbanRural: Int?
            if !r(.urbanRural).isEmpty {
                urbanRural = Int(r(.urbanRural))
                if urbanRural.map({ !UrbanRuralClass.validCodes.contains($0) }) ?? true {
                    issues.append(table.issue(r.row, .urbanRural, L10n.message(.badUrbanRuralClass, r(.urbanRural))))
                }
            }
            let mu = ["亩"]  // vocabulary
            let farmland = table.quantity(r, .farmland, units: mu, maximum: 10_000_000, &issues)
            let highStandard = table.quantity(r, .highStandard, units: mu, maximum: 10_000_000, &issues)
            let irrigated = table.quantity(r, .irrigated, units: mu, maximum: 10_000_000, &issues)
            let market = table.quantity(r, .market, units: ["km", "公里"], maximum: 1_000, &issues)  // vocabulary
            for (column, part) in [(Column.highStandard, highStandard), (.irrigated, irrigated)] {
                if let part, let farmland, part > farmland * 1.000_001 {
                    issues.append(
                        table.issue(
                            r.row, column,
                            L10n.message(.partAboveFarmland, Format.number(part, digits: 1), Format.number(farmland, digits: 1))))
                }
            }
            if let households, let people = registered ?? resident, households > people {
                issues.append(table.issue(r.row, .households, L10n.message(.householdsAbovePopulation, households, people)))
            }
            guard issues.count == before, let village, let year else { continue }
            let key = "\(village.id)/\(year)"
            if let row = first[key] {
                issues.append(table.issue(r.row, .name, L10n.message(.duplicateVillageYear, village.name, year, row)))
                continue
            }
            first[key] = r.row
            rows.append(
                VillageAttributeRow(
                    row: r.row,
                    attributes: VillageAttributes(
                        divisionID: village.id, year: year, registeredPopulation: registered, residentPopulation: resident,
                        households: households, areaKm2: area, heritage: heritage, farmlandMu: farmland, highStandardMu: highStandard,
                        irrigatedMu: irrigated, marketKm: market, source: r(.source).isEmpty ? source.fileName : r(.source)),
                    urbanRuralClass: urbanRural))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }
}
