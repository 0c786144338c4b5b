public import Domain
import Foundation
public import Geo
public import Localization

/// One validated division record from a CSV row or a GeoJSON feature.
public struct DivisionImportRow: Sendable {
    /// Row (CSV) or feature number (GeoJSON).
    public var row: Int
    public var code: DivisionCode?
    public var name: String
    public var kind: DivisionKind
    /// The parent by code, when given.
    public var parentCode: DivisionCode?
    /// The parent by name (a township name), when no parent code is given.
    public var parentName: String?
    public var urbanRuralClass: Int?
    public var population: Int?
    public var households: Int?
    public var location: GeoPoint?
    public var locationQuality: LocationQuality?
    public var boundary: MultiPolygon?
    public var status: DivisionStatus?
    public var validFrom: String?
    public var validTo: String?
    public var successorCode: DivisionCode?
    /// True when the file says the successor is inferred (并入依据 = 推断).
    public var successorInferred: Bool
    public var note: String?
    public var source: String?
}

/// Reads division registers from CSV/XLSX tables and GeoJSON features, validating every record
/// against the file itself and the register already stored.
public struct DivisionTableReader: Sendable {
    /// The columns (or GeoJSON properties) the reader understands.
    public enum Column: String, CaseIterable, Sendable {
        case code, gbCode, name, kind, parentCode, parentName, urbanRuralClass, population, households
        case longitude, latitude, locationQuality, status, validFrom, validTo, successorCode, successorBasis, note, source
    }

    /// The header row of an empty template to fill in (the import page's download).
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: required) }

    static let required: [Column] = [.name]

    static let matcher = HeaderMatcher<Column>(aliases: [
        .code: ["代码", "区划代码", "统计用区划代码", "code", "code12", "division_code"],  // vocabulary
        .gbCode: ["gb"],
        .name: ["名称", "区划名称", "村名", "name"],  // vocabulary
        .kind: ["类型", "级别", "kind", "type"],  // vocabulary
        .parentCode: ["上级代码", "所属乡镇代码", "乡镇代码", "parent_code", "township_code"],  // vocabulary
        .parentName: ["上级名称", "所属乡镇", "乡镇", "parent", "township", "township_name"],  // vocabulary
        .urbanRuralClass: ["城乡分类代码", "城乡分类", "urban_rural_class"],  // vocabulary
        .population: ["人口", "户籍人口", "常住人口", "population"],  // vocabulary
        .households: ["户数", "households"],  // vocabulary
        .longitude: ["经度", "lon", "lng", "longitude", "x"],  // vocabulary
        .latitude: ["纬度", "lat", "latitude", "y"],  // vocabulary
        .locationQuality: ["位置质量", "location_quality"],  // vocabulary
        .status: ["状态", "status"],  // vocabulary
        .validFrom: ["起始日期", "生效日期", "valid_from"],  // vocabulary
        .validTo: ["终止日期", "撤销日期", "valid_to"],  // vocabulary
        .successorCode: ["并入代码", "继承代码", "successor_code"],  // vocabulary
        .successorBasis: ["并入依据", "successor_basis"],  // vocabulary
        .note: ["备注", "note", "mca_2025_status"],  // vocabulary
        .source: ["来源", "数据来源", "source"],  // vocabulary
    ])

    public let register: DivisionRegister

    public init(register: DivisionRegister) {
        self.register = register
    }

    /// Reads a CSV/XLSX division table.
    public func read(_ source: any TableSource) throws -> [DivisionImportRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: Self.required, requiredNames: L10n.message(.requiredDivisionColumns))
        return try validate(
            table.records.map { ($0.row, $0.values, nil) }, file: source.fileName, headers: table.headers,
            columns: table.columns, earlier: table.issues)
    }

    /// Reads GeoJSON features whose properties name the division (code, name, kind …).
    public func read(features: [GeoJSONFeature], file: String) throws -> [DivisionImportRow] {
        let records: [(Int, [Column: String], GeoJSONFeature.Geometry?)] = features.map { feature in
            let found = Self.matcher.match(Array(feature.properties.keys))
            var values: [Column: String] = [:]
            let keys = Array(feature.properties.keys)
            for (column, index) in found { values[column] = feature.properties[keys[index]] ?? "" }
            return (feature.index, values, feature.geometry)
        }
        return try validate(records, file: file, headers: nil, columns: nil, earlier: IssueList(file: file))
    }

    private func validate(
        _ records: [(Int, [Column: String], GeoJSONFeature.Geometry?)], file: String, headers: [String]?,
        columns: [Column: Int]?, earlier: IssueList
    ) throws -> [DivisionImportRow] {
        var issues = earlier
        var rows: [DivisionImportRow] = []
        var firstRowOfCode: [DivisionCode: Int] = [:]
        var firstRowOfName: [String: Int] = [:]
        // A parent may be introduced anywhere in the same file.
        let fileCodes = Set(records.compactMap { $0.1[.code].flatMap(DivisionCode.init) })
        let fileNames = Set(records.compactMap { $0.1[.name].map(DivisionNames.canonical) })
        func issue(_ row: Int, _ column: Column?, _ message: Localized) -> ImportIssue {
            if let column, let index = columns?[column] {
                return ImportIssue(file: file, row: row, column: index + 1, columnName: headers?[index], message: message)
            }
            return ImportIssue(file: file, row: row, columnName: column?.rawValue, message: message)
        }
        for (number, values, geometry) in records {
            let before = issues.count
            func value(_ column: Column) -> String { values[column] ?? "" }
            let name = DivisionNames.canonical(value(.name))
            if name.isEmpty { issues.append(issue(number, .name, L10n.message(.divisionNameBlank))) }
            var code: DivisionCode?
            if !value(.code).isEmpty {
                code = DivisionCode(value(.code))
                if code == nil { issues.append(issue(number, .code, L10n.message(.badDivisionCode, value(.code)))) }
            } else if !value(.gbCode).isEmpty {
                let gb = value(.gbCode)
                code = DivisionCode(gb.hasPrefix("156") && gb.count == 9 ? String(gb.dropFirst(3)) : gb)
                if code == nil { issues.append(issue(number, .gbCode, L10n.message(.badDivisionCode, gb))) }
            }
            if let code {
                if let first = firstRowOfCode[code] {
                    issues.append(issue(number, .code, L10n.message(.duplicateCode, code.rawValue, first)))
                } else {
                    firstRowOfCode[code] = number
                }
            }
            var kind = value(.kind).isEmpty ? nil : DivisionKind(text: value(.kind))
            if !value(.kind).isEmpty && kind == nil {
                issues.append(issue(number, .kind, L10n.message(.unknownDivisionKind, value(.kind))))
            }
            if kind == nil && value(.kind).isEmpty {
                kind = DivisionKind.inferred(fromName: name) ?? code.flatMap(Self.kind(fromCode:))
            }
            var parentCode: DivisionCode?
            if !value(.parentCode).isEmpty {
                parentCode = DivisionCode(value(.parentCode))
                if parentCode == nil { issues.append(issue(number, .parentCode, L10n.message(.badDivisionCode, value(.parentCode)))) }
            }
            let parentName = value(.parentName).isEmpty ? nil : DivisionNames.canonical(value(.parentName))
            if let resolvedKind = kind, resolvedKind.tier != .county {
                let parentKnown: Bool
                if let parentCode {
                    parentKnown = register.division(code: parentCode) != nil || fileCodes.contains(parentCode)
                } else if let parentName {
                    parentKnown = !register.townships(named: parentName).isEmpty || fileNames.contains(parentName)
                } else {
                    parentKnown = code.flatMap { register.division(code: $0) } != nil  // an update of a stored division
                }
                if !parentKnown {
                    let shown = parentCode?.rawValue ?? parentName ?? "—"
                    issues.append(issue(number, parentCode != nil ? .parentCode : .parentName, L10n.message(.unknownParent, shown)))
                }
            } else if kind == nil && !name.isEmpty && value(.kind).isEmpty {
                issues.append(issue(number, .kind, L10n.message(.unknownDivisionKind, "—")))
            }
            let nameKey = "\(parentCode?.rawValue ?? parentName ?? "")|\(name)"
            if !name.isEmpty {
                if let first = firstRowOfName[nameKey] {
                    issues.append(issue(number, .name, L10n.message(.duplicateDivisionName, name, first)))
                } else {
                    firstRowOfName[nameKey] = number
                }
            }
            let urbanRural = integer(value(.urbanRuralClass), .urbanRuralClass, number, &issues, issue)
            if let urbanRural, !UrbanRuralClass.validCodes.contains(urbanRural) {
                issues.append(issue(number, .urbanRuralClass, L10n.message(.badUrbanRuralClass, urbanRural)))
            }
            let population = integer(value(.population), .population, number, &issues, issue)
            let households = integer(value(.households), .households, number, &issues, issue)
            var location: GeoPoint?
            var boundary: MultiPolygon?
            switch geometry {
            case .point(let p)?: location = GeoPoint(longitudeDegrees: p.lon, latitudeDegrees: p.lat)
            case .polygons(let m)?: boundary = m
            default: break
            }
            let lonText = value(.longitude)
            let latText = value(.latitude)
            if !lonText.isEmpty || !latText.isEmpty {
                if let lon = Double(lonText), let lat = Double(latText), abs(lon) <= 180, abs(lat) <= 90 {
                    location = GeoPoint(longitudeDegrees: lon, latitudeDegrees: lat)
                } else {
                    issues.append(
                        issue(
                            number, lonText.isEmpty || Double(lonText) != nil ? .latitude : .longitude,
                            L10n.message(.badCoordinates, lonText, latText)))
                }
            }
            var quality: LocationQuality?
            if !value(.locationQuality).isEmpty {
                quality = Self.quality(value(.locationQuality))
                if quality == nil {
                    issues.append(issue(number, .locationQuality, L10n.message(.badLocationQuality, value(.locationQuality))))
                }
            }
            var status: DivisionStatus?
            if !value(.status).isEmpty {
                status =
                    DivisionStatus(rawValue: value(.status).lowercased())
                    ?? (value(.status) == "现行" ? .current : value(.status) == "已撤并" ? .historical : nil)  // vocabulary
                if status == nil { issues.append(issue(number, .status, L10n.message(.badStatus, value(.status)))) }
            }
            var successor: DivisionCode?
            if !value(.successorCode).isEmpty {
                successor = DivisionCode(value(.successorCode))
                if successor == nil { issues.append(issue(number, .successorCode, L10n.message(.badDivisionCode, value(.successorCode)))) }
            }
            let inferred = TaskTableReader.deadlineAssumed(value(.successorBasis))
            if inferred == nil {
                issues.append(issue(number, .successorBasis, L10n.message(.badSuccessorBasis, value(.successorBasis))))
            } else if inferred == true && successor == nil {
                issues.append(issue(number, .successorBasis, L10n.message(.inferredWithoutSuccessor)))
            }
            guard issues.count == before, let kind else { continue }
            rows.append(
                DivisionImportRow(
                    row: number, code: code, name: name, kind: kind, parentCode: parentCode, parentName: parentName,
                    urbanRuralClass: urbanRural, population: population, households: households, location: location,
                    locationQuality: location == nil ? nil : (quality ?? .unknown), boundary: boundary, status: status,
                    validFrom: value(.validFrom).isEmpty ? nil : value(.validFrom),
                    validTo: value(.validTo).isEmpty ? nil : value(.validTo), successorCode: successor,
                    successorInferred: inferred ?? false,
                    note: value(.note).isEmpty ? nil : value(.note), source: value(.source).isEmpty ? nil : value(.source)))
        }
        if records.isEmpty && issues.isEmpty { issues.append(ImportIssue(file: file, message: L10n.message(.noDataRows))) }
        if issues.hasErrors { throw UserError.rejected(issues) }
        return rows
    }

    private func integer(
        _ text: String, _ column: Column, _ row: Int, _ issues: inout IssueList,
        _ issue: (Int, Column?, Localized) -> ImportIssue
    ) -> Int? {
        switch CellNumber.count(text, units: Self.countUnits, maximum: Limits.populationPerDivision) {
        case .success(let value): return value
        case .failure(let problem):
            issues.append(issue(row, column, SchoolTableReader.problemMessage(problem, text)))
            return nil
        }
    }

    /// Units a population or household count may carry.
    static let countUnits = ["人", "户"]  // vocabulary

    /// A location quality as written: the English word or 实测, 公开, 近似, 示意, 不详.
    static func quality(_ text: String) -> LocationQuality? {
        if let quality = LocationQuality(rawValue: text.lowercased()) { return quality }
        switch text {
        case "实测": return .surveyed  // vocabulary
        case "公开", "公开来源": return .published  // vocabulary
        case "近似": return .approximate  // vocabulary
        case "示意": return .illustrative  // vocabulary
        case "不详", "未知": return .unknown  // vocabulary
        default: return nil
        }
    }

    /// The kind implied by a code: county (…000000), township-level (…000), village-level otherwise.
    static func kind(fromCode code: DivisionCode) -> DivisionKind? {
        let raw = code.rawValue
        if raw.hasSuffix("000000") { return .county }
        if raw.hasSuffix("000") { return nil }  // 镇, 乡 or 街道: the name must say which
        return raw.dropFirst(9).hasPrefix("0") ? .community : .village
    }
}
