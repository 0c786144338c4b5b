public import Domain
import Foundation
public import Localization

/// Reads the task checklist (任务代码, 任务名称, 责任单位, 开始, 截止, 状态, 完成百分比, 佐证,
/// 关联指标, 来源) from CSV or XLSX. Blank cells stay unknown: no date or progress is invented.
public struct TaskTableReader: Sendable {
    enum Column: String, CaseIterable, Sendable {
        case code, name, owner, start, deadline, deadlineBasis, status, percent, evidence, indicators, source
    }

    /// The header row of an empty template to fill in (the import page's download).
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: required) }

    static let required: [Column] = [.code, .name]

    static let matcher = HeaderMatcher<Column>(aliases: [
        .code: ["任务代码", "代码", "编号", "code"],  // vocabulary
        .name: ["任务名称", "任务", "项目名称", "name", "task"],  // vocabulary
        .owner: ["责任单位", "牵头单位", "owner", "owner_unit"],  // vocabulary
        .start: ["开始", "开始时间", "start"],  // vocabulary
        .deadline: ["截止", "截止时间", "完成时限", "deadline"],  // vocabulary
        .deadlineBasis: ["截止依据", "期限依据", "deadline_basis"],  // vocabulary
        .status: ["状态", "status"],  // vocabulary
        .percent: ["完成百分比", "进度", "完成率", "percent", "percent_complete"],  // vocabulary
        .evidence: ["佐证", "佐证材料", "进展说明", "evidence"],  // vocabulary
        .indicators: ["关联指标", "indicators"],  // vocabulary
        .source: ["来源", "source"],  // vocabulary
    ])

    /// Indicator codes the links may name.
    public let indicatorCodes: Set<String>

    public init(indicatorCodes: Set<String>) {
        self.indicatorCodes = indicatorCodes
    }

    /// Every task of the file; throws `ImportRejected` listing every bad cell.
    public func read(_ source: any TableSource) throws -> [PlanTask] {
        let table = try HeaderedRows(
            source, matcher: Self.matcher, required: Self.required, requiredNames: L10n.message(.requiredTaskColumns))
        var issues = table.issues
        var tasks: [PlanTask] = []
        var firstRow: [String: Int] = [:]
        for r in table.records {
            let before = issues.count
            for column in [Column.code, .name] where r(column).isEmpty {
                issues.append(table.issue(r.row, column, L10n.message(.requiredCellBlank)))
            }
            if let first = firstRow[r(.code)] {
                issues.append(table.issue(r.row, .code, L10n.message(.duplicateKey, r(.code), first)))
            }
            firstRow[r(.code)] = firstRow[r(.code)] ?? r.row
            for column in [Column.start, .deadline] where !r(column).isEmpty && PartialDate(r(column)) == nil {
                issues.append(table.issue(r.row, column, L10n.message(.badDate, r(column))))
            }
            let assumed = Self.deadlineAssumed(r(.deadlineBasis))
            if assumed == nil { issues.append(table.issue(r.row, .deadlineBasis, L10n.message(.badDeadlineBasis, r(.deadlineBasis)))) }
            let status = TaskStatus(text: r(.status))
            if status == nil { issues.append(table.issue(r.row, .status, L10n.message(.unknownTaskStatus, r(.status)))) }
            var percent: Double?
            if !r(.percent).isEmpty {
                percent = Double(CellNumber.clean(r(.percent), units: ["%", "％"]))
                if percent == nil || !(0...100).contains(percent!) {
                    issues.append(table.issue(r.row, .percent, L10n.message(.badPercent, r(.percent))))
                }
            }
            let links = r(.indicators).split(whereSeparator: { ";；,，、 ".contains($0) }).map(String.init)
            for link in links where !indicatorCodes.contains(link) {
                issues.append(table.issue(r.row, .indicators, L10n.message(.unknownIndicator, link)))
            }
            guard issues.count == before else { continue }
            tasks.append(
                PlanTask(
                    code: r(.code), name: r(.name), ownerUnit: r(.owner).isEmpty ? nil : r(.owner),
                    start: PartialDate(r(.start)), deadline: PartialDate(r(.deadline)), deadlineAssumed: assumed ?? false,
                    status: status ?? .unknown, percentComplete: percent, evidence: r(.evidence).isEmpty ? nil : r(.evidence),
                    indicatorCodes: links, source: r(.source).isEmpty ? source.fileName : r(.source)))
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return tasks
    }

    /// Whether a date (or a successor) is the system's reading rather than the source's words, from
    /// a basis column: blank or 明确 → stated, 假设 / 推断 → assumed.
    static func deadlineAssumed(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "明确", "规划明确", "原文", "stated": false  // vocabulary
        case "假设", "推断", "规划期末", "assumed", "inferred": true  // vocabulary
        default: nil
        }
    }
}
