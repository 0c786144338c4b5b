public import Domain
import Foundation
public import Localization

/// One validated row of a pupil table.
public struct PupilRow: Sendable, Hashable {
    public var row: Int
    public var count: PupilCount
}

/// Reads pupils by the village they live in (乡镇, 村 or 村代码, 学段, 年级, 人数, 年份, 来源) from CSV
/// or XLSX. 学段 is 幼儿园, 小学 or 初中; 年级 is optional (1–6 for 小学, 7–9 or 1–3 for 初中); a
/// village, year and stage has either one total row or rows by grade, not both.
public struct PupilTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case township, village, code, level, grade, pupils, year, source
    }

    public static var templateHeader: [String] { matcher.templateHeader }
    public static var columns: [ImportColumn] { matcher.guide(required: [.level, .pupils]) }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .township: ["乡镇", "所属乡镇", "township"],  // vocabulary
        .village: ["村", "村名", "村名称", "village"],  // vocabulary
        .code: ["村代码", "区划代码", "code"],  // vocabulary
        .level: ["学段", "level"],  // vocabulary
        .grade: ["年级", "grade"],  // vocabulary
        .pupils: ["人数", "学生数", "在校生数", "pupils"],  // vocabulary
        .year: ["年份", "年度", "year"],  // vocabulary
        .source: ["来源", "source"],  // vocabulary
    ])

    public let register: DivisionRegister
    public let year: Int?

    public init(register: DivisionRegister, year: Int?) {
        self.register = register
        self.year = year
    }

    /// Every row of the file; throws `UserError` (rejected) listing every bad cell.
    public func read(_ source: any TableSource) throws -> [PupilRow] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: [.level, .pupils], requiredNames: L10n.message(.pupilColumns))
        var issues = table.issues
        var rows: [PupilRow] = []
        var first: [String: Int] = [:]
        // Per village, year and stage: whether a total row and grade rows were given.
        var shapes: [String: (total: Int?, grades: Int?)] = [:]
        for r in table.records {
            let before = issues.count
            let village = table.village(r, code: .code, township: .township, name: .village, in: register, villagesOnly: true, &issues)
            let level = SchoolLevel(text: r(.level)).flatMap { [.kindergarten, .primary, .junior].contains($0) ? $0 : nil }
            if level == nil { issues.append(table.issue(r.row, .level, L10n.message(.pupilUnknownLevel, r(.level)))) }
            var grade: Int?
            if !r(.grade).isEmpty, let level {
                let text = r(.grade).replacingOccurrences(of: "年级", with: "")  // vocabulary
                // 初中 grades may be written 1–3 (初一 … 初三) or 7–9.
                if var g = Int(text), let range = PupilCount.grades(of: level) {
                    if level == .junior && (1...3).contains(g) { g += 6 }
                    if range.contains(g) { grade = g }
                }
                if grade == nil {
                    issues.append(
                        table.issue(
                            r.row, .grade, L10n.message(.pupilBadGrade, zh: [r(.grade), level.label.zh], en: [r(.grade), level.label.en])))
                }
            }
            let pupils = table.count(r, .pupils, maximum: 1_000_000, &issues)
            if r(.pupils).isEmpty { issues.append(table.issue(r.row, .pupils, L10n.message(.requiredCellBlank))) }
            let year = table.year(r, .year, fallback: self.year, &issues)
            guard issues.count == before, let village, let level, let pupils, let year else { continue }
            let key = "\(village.id)/\(year)/\(level.rawValue)"
            let full = "\(key)/\(grade ?? 0)"
            if let row = first[full] {
                issues.append(table.issue(r.row, .village, L10n.message(.duplicateKey, village.name, row)))
                continue
            }
            first[full] = r.row
            var shape = shapes[key] ?? (nil, nil)
            if grade == nil { shape.total = shape.total ?? r.row } else { shape.grades = shape.grades ?? r.row }
            shapes[key] = shape
            if let total = shape.total, let byGrade = shape.grades {
                issues.append(table.issue(r.row, .grade, L10n.message(.pupilTotalAndGrades, village.name, min(total, byGrade))))
                continue
            }
            rows.append(
                PupilRow(
                    row: r.row,
                    count: PupilCount(
                        divisionID: village.id, year: year, level: level, grade: grade, pupils: pupils,
                        source: r(.source).isEmpty ? source.fileName : r(.source))))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return rows
    }
}
