public import Foundation
import Localization

/// Named points from a CSV/XLSX table: `id,lon,lat` in degrees, or `id,x,y` in a projected system
/// (the caller names it). Ids must be unique and every row must give both coordinates.
public struct PointTable: Sendable {
    public struct Point: Sendable, Hashable {
        public var id: String
        public var a: Double
        public var b: Double
    }

    public var fileName: String
    public var points: [Point]
    /// Whether the coordinates are longitude/latitude (else x/y).
    public var degrees: Bool

    enum Column: String, CaseIterable, Sendable {
        case id, lon, lat, x, y
    }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .id: ["id", "编号", "名称", "name"], .lon: ["lon", "lng", "longitude", "经度"], .lat: ["lat", "latitude", "纬度"],  // vocabulary
        .x: ["x", "东坐标", "easting"], .y: ["y", "北坐标", "northing"],  // vocabulary
    ])

    /// Reads every row; all problems at once, by row and column.
    public static func read(_ url: URL) throws -> PointTable {
        let source = try TableSources.open(url)
        let table: HeaderedRows<Column>
        do {
            table = try HeaderedRows(
                source, matcher: matcher, required: [.id, .lon, .lat], requiredNames: L10n.message(.pointColumnsDegrees))
        } catch {
            table = try HeaderedRows(
                source, matcher: matcher, required: [.id, .x, .y],
                requiredNames: L10n.message(.pointColumns))
        }
        let degrees = table.columns[.lon] != nil && table.columns[.lat] != nil
        let (first, second): (Column, Column) = degrees ? (.lon, .lat) : (.x, .y)
        var issues = table.issues
        var seen: [String: Int] = [:]
        var points: [Point] = []
        for r in table.records {
            let id = r(.id)
            guard !id.isEmpty else {
                issues.append(table.issue(r.row, .id, L10n.message(.requiredCellBlank)))
                continue
            }
            if let earlier = seen[id] {
                issues.append(table.issue(r.row, .id, L10n.message(.pointDuplicateID, id, earlier)))
                continue
            }
            seen[id] = r.row
            guard let a = Double(r(first)), let b = Double(r(second)), a.isFinite, b.isFinite,
                !degrees || ((-180...180).contains(a) && (-90...90).contains(b))
            else {
                issues.append(table.issue(r.row, first, L10n.message(.badCoordinates, r(first), r(second))))
                continue
            }
            points.append(Point(id: id, a: a, b: b))
        }
        if points.isEmpty && issues.errorCount == 0 {
            issues.append(ImportIssue(file: source.fileName, message: L10n.message(.pointTableEmpty)))
        }
        if issues.errorCount > 0 { throw UserError.rejected(issues) }
        return PointTable(fileName: source.fileName, points: points, degrees: degrees)
    }
}
