import Domain
import Foundation
import Localization

/// Reads a table of journeys between named places: `from,to,km` (or 起点,终点,公里) for road
/// distances, or `from,to,minutes` (起点,终点,分钟) for travel times.
public enum DistanceTableReader {
    enum Column: String, CaseIterable, Sendable {
        case from, to, km, minutes
    }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .from: ["起点", "出发地", "from", "origin"], .to: ["终点", "目的地", "to", "destination"],  // vocabulary
        .km: ["公里", "距离", "距离(公里)", "km", "distance_km"], .minutes: ["分钟", "时间", "时间(分钟)", "minutes", "min"],  // vocabulary
    ])

    /// The journeys by origin and destination name, and whether they are minutes (else km).
    public static func read(_ source: any TableSource) throws -> (values: [String: [String: Double]], minutes: Bool) {
        let table = try HeaderedRows(
            source, matcher: matcher, required: [.from, .to], requiredNames: L10n.message(.requiredDistanceColumns))
        let minutes = table.columns[.km] == nil
        guard table.columns[.km] != nil || table.columns[.minutes] != nil else {
            throw UserError.rejected([
                ImportIssue(
                    file: source.fileName,
                    message: L10n.message(
                        .missingColumns, zh: [L10n.message(.requiredDistanceUnit).zh], en: [L10n.message(.requiredDistanceUnit).en]))
            ])
        }
        let valueColumn: Column = minutes ? .minutes : .km
        var issues = table.issues
        var values: [String: [String: Double]] = [:]
        for r in table.records {
            for column in [Column.from, .to] where r(column).isEmpty {
                issues.append(table.issue(r.row, column, L10n.message(.requiredCellBlank)))
            }
            switch CellNumber.quantity(r(valueColumn), units: ["公里", "km", "分钟", "min"], maximum: Limits.journey) {  // vocabulary
            case .success(let value?): values[r(.from), default: [:]][r(.to)] = value
            case .success(nil): issues.append(table.issue(r.row, valueColumn, L10n.message(.requiredCellBlank)))
            case .failure(let problem):
                issues.append(table.issue(r.row, valueColumn, SchoolTableReader.problemMessage(problem, r(valueColumn))))
            }
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return (values, minutes)
    }
}
