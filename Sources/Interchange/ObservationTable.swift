public import Domain
import Foundation
public import Localization

/// One validated observation row, with its row number for later rule messages.
public struct ObservationImportRow: Sendable {
    public var row: Int
    public var observation: Observation
}

/// Reads observations (指标代码, 地区, 期间, 值, 来源, 备注) from CSV or XLSX and checks each
/// cell: the indicator exists and is entered (not computed), the area is in the register at a
/// level the indicator is reported at, the period and the value are readable, no duplicates.
public struct ObservationTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case indicator, area, period, value, source, note
    }

    /// The header row of an empty template to fill in (the import page's download).
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: required) }

    static let required: [Column] = [.indicator, .area, .period, .value]

    static let matcher = HeaderMatcher<Column>(aliases: [
        .indicator: ["指标代码", "指标", "code", "indicator"],  // vocabulary
        .area: ["地区", "区划", "乡镇", "area", "division"],  // vocabulary
        .period: ["期间", "年份", "时期", "period", "year"],  // vocabulary
        .value: ["值", "数值", "实际值", "value"],  // vocabulary
        .source: ["来源", "数据来源", "source"],  // vocabulary
        .note: ["备注", "说明", "note"],  // vocabulary
    ])

    public let register: DivisionRegister
    public let indicators: [Indicator]

    public init(register: DivisionRegister, indicators: [Indicator]) {
        self.register = register
        self.indicators = indicators
    }

    /// Every observation of the file; throws `ImportRejected` listing every bad cell.
    public func read(_ source: any TableSource) throws -> [ObservationImportRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: Self.required,
            requiredNames: L10n.message(.requiredObservationColumns))
        var issues = table.issues
        var rows: [ObservationImportRow] = []
        var firstRow: [Observation.Key: Int] = [:]
        for record in table.records {
            let before = issues.count
            var observation: Observation?
            switch resolve(record(.indicator), record(.area), record(.period), record(.value)) {
            case .success(let o): observation = o
            case .failure(let problem): issues.append(table.issue(record.row, problem.column, problem.message))
            }
            guard let o = observation, issues.count == before else { continue }
            if let first = firstRow[o.key] {
                issues.append(table.issue(record.row, .period, L10n.message(.duplicateObservation, first)))
                continue
            }
            firstRow[o.key] = record.row
            var full = o
            full.source = record(.source).isEmpty ? source.fileName : record(.source)
            full.note = record(.note).isEmpty ? nil : record(.note)
            rows.append(ObservationImportRow(row: record.row, observation: full))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }

    struct CellProblem: Error {
        var column: Column
        var message: Localized
    }

    /// Checks one observation's cells (also used for a single value entered on the command line).
    func resolve(_ code: String, _ areaText: String, _ periodText: String, _ valueText: String) -> Result<Observation, CellProblem> {
        guard let indicator = indicators.first(where: { $0.code == code }) else {
            return .failure(CellProblem(column: .indicator, message: L10n.message(.unknownIndicator, code)))
        }
        if indicator.kind != .value {
            return .failure(CellProblem(column: .indicator, message: L10n.message(.computedNotEntered, code)))
        }
        guard let area = area(areaText) else {
            return .failure(CellProblem(column: .area, message: L10n.message(.unknownArea, areaText)))
        }
        if !indicator.levels.contains(area.kind.tier) {
            return .failure(
                CellProblem(
                    column: .area,
                    message: L10n.message(.areaLevelMismatch, zh: [code, area.kind.label.zh], en: [code, area.kind.label.en])))
        }
        guard let period = Period(periodText) else {
            return .failure(CellProblem(column: .period, message: L10n.message(.badPeriod, periodText)))
        }
        let cleaned = CellNumber.clean(valueText, units: ["%", "％", indicator.unit])
        guard let value = Double(cleaned), value.isFinite else {
            return .failure(CellProblem(column: .value, message: L10n.message(.notANumber, valueText)))
        }
        return .success(Observation(indicatorCode: code, areaID: area.id, period: period, value: value))
    }

    /// An area by 12-digit code, or by name (the county, a township, or a village).
    func area(_ text: String) -> Stored<Division>? {
        let text = DivisionNames.canonical(text)
        if let code = DivisionCode(text), let d = register.division(code: code) { return d }
        if let county = register.county, county.name == text || county.shortName == text { return county }
        if let township = register.townships(named: text).first { return township }
        return register.divisions.first { $0.kind.tier == .village && ($0.name == text) }
    }

    /// Checks a single value entered on the command line or a form; throws `ImportRejected`.
    public func single(code: String, area: String, period: String, value: String, source: String?, note: String?) throws -> Observation {
        switch resolve(code, area, period, value) {
        case .success(var o):
            o.source = source
            o.note = note
            return o
        case .failure(let problem):
            throw UserError.rejected([ImportIssue(file: "—", columnName: problem.column.rawValue, message: problem.message)])
        }
    }
}
