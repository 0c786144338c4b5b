import Analysis
import CXlsxWriter
import Domain
import Foundation
public import Monitoring

/// Raised when libxlsxwriter cannot write the workbook.
public struct WorkbookError: Error, CustomStringConvertible {
    public let code: Int
    public let message: String
    public var description: String { "无法写入 Excel 文件（\(message)）| cannot write the Excel file (\(message))" }
}

/// Writes the monitoring workbook with libxlsxwriter (Debian's libxlsxwriter-dev): sheets
/// 指标状态 (cells coloured by status), 观测值, 任务清单 and 学校诊断, Chinese headers, frozen
/// header rows, filters and number formats. The file opens in Excel, WPS and LibreOffice.
public enum WorkbookWriter {
    /// Fill colours of the statuses (Excel's own "good / neutral / bad" palette, and grey).
    public static let fills: [StatusColor: UInt32] = [.green: 0xC6EFCE, .yellow: 0xFFEB9C, .red: 0xFFC7CE, .grey: 0xD9D9D9]

    /// Writes the workbook at `path`, replacing any file there.
    public static func write(_ content: ReportContent, to path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw WorkbookError(code: -1, message: path)
        }
        let book = Book(workbook)
        book.statusSheet(content)
        book.observationSheet(content)
        book.taskSheet(content)
        book.schoolSheet(content)
        let result = workbook_close(workbook)
        if result != LXW_NO_ERROR {
            throw WorkbookError(code: Int(result.rawValue), message: String(cString: lxw_strerror(result)))
        }
    }
}

/// The workbook being written and its shared formats.
private final class Book {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let header: UnsafeMutablePointer<lxw_format>
    let text: UnsafeMutablePointer<lxw_format>
    let wrap: UnsafeMutablePointer<lxw_format>
    let decimal: UnsafeMutablePointer<lxw_format>
    let integer: UnsafeMutablePointer<lxw_format>
    let percent: UnsafeMutablePointer<lxw_format>
    let overdue: UnsafeMutablePointer<lxw_format>
    var statusFormats: [StatusColor: UnsafeMutablePointer<lxw_format>] = [:]

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let f = workbook_add_format(workbook)!
            format_set_font_name(f, "宋体")
            configure(f)
            return f
        }
        header = format {
            format_set_bold($0)
            format_set_bg_color($0, 0xDDEBF7)
            format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap($0)
        }
        text = format { _ in }
        wrap = format { format_set_text_wrap($0) }
        decimal = format { format_set_num_format($0, "0.0") }
        integer = format { format_set_num_format($0, "0") }
        percent = format { format_set_num_format($0, "0\"%\"") }
        overdue = format {
            format_set_bg_color($0, WorkbookWriter.fills[.red]!)
            format_set_bold($0)
        }
        for (color, fill) in WorkbookWriter.fills {
            statusFormats[color] = format {
                format_set_bg_color($0, fill)
                format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue))
            }
        }
    }

    /// A sheet with a bold, frozen, filterable header row and column widths.
    func sheet(_ name: String, headers: [String], widths: [Double], rows: Int) -> UnsafeMutablePointer<lxw_worksheet> {
        let ws = workbook_add_worksheet(workbook, name)!
        for (i, h) in headers.enumerated() {
            worksheet_write_string(ws, 0, lxw_col_t(i), h, header)
            worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), widths[i], nil)
        }
        worksheet_freeze_panes(ws, 1, 0)
        worksheet_autofilter(ws, 0, 0, lxw_row_t(max(rows, 1)), lxw_col_t(headers.count - 1))
        worksheet_set_landscape(ws)
        worksheet_set_paper(ws, 9)  // A4
        return ws
    }

    func put(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int, _ value: String?, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
        guard let value, !value.isEmpty else { return }
        worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), value, f ?? text)
    }

    func put(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int, _ value: Double?, _ f: UnsafeMutablePointer<lxw_format>) {
        guard let value, value.isFinite else { return }
        worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, f)
    }

    func statusSheet(_ c: ReportContent) {
        let ws = sheet(
            "指标状态",
            headers: ["状态", "指标代码", "指标", "地区", "最新值", "期间", "单位", "目标值", "目标年", "按期应达（现在）", "原因", "来源"],
            widths: [12, 22, 30, 12, 10, 9, 8, 10, 8, 14, 60, 30], rows: c.statuses.count)
        for (i, s) in c.statuses.enumerated() {
            let r = i + 1
            put(ws, r, 0, s.status.label.zh, statusFormats[s.status])
            put(ws, r, 1, s.indicator.code)
            put(ws, r, 2, s.indicator.nameZh)
            put(ws, r, 3, s.areaName)
            put(ws, r, 4, s.latest?.value, decimal)
            put(ws, r, 5, s.latest?.period.description)
            put(ws, r, 6, s.indicator.unit)
            put(ws, r, 7, s.target?.value, decimal)
            put(ws, r, 8, s.target.map { Double($0.year) }, integer)
            put(ws, r, 9, s.expectedNow, decimal)
            put(ws, r, 10, s.reason.zh, wrap)
            put(ws, r, 11, s.indicator.source)
        }
    }

    func observationSheet(_ c: ReportContent) {
        let ws = sheet(
            "观测值", headers: ["指标代码", "指标", "地区", "期间", "值", "单位", "来源", "备注"],
            widths: [22, 30, 12, 9, 12, 8, 30, 30], rows: c.observations.count)
        for (i, line) in c.observations.enumerated() {
            let r = i + 1
            put(ws, r, 0, line.indicator.code)
            put(ws, r, 1, line.indicator.nameZh)
            put(ws, r, 2, line.areaName)
            put(ws, r, 3, line.observation.period.description)
            put(ws, r, 4, line.observation.value, decimal)
            put(ws, r, 5, line.indicator.unit)
            put(ws, r, 6, line.observation.source)
            put(ws, r, 7, line.observation.note)
        }
    }

    func taskSheet(_ c: ReportContent) {
        let ws = sheet(
            "任务清单",
            headers: ["任务代码", "任务", "责任单位", "开始", "截止", "状态", "完成百分比", "逾期", "佐证", "关联指标", "来源"],
            widths: [11, 44, 14, 10, 10, 9, 11, 8, 30, 34, 40], rows: c.tasks.count)
        for (i, t) in c.tasks.enumerated() {
            let r = i + 1
            put(ws, r, 0, t.code)
            put(ws, r, 1, t.name, wrap)
            put(ws, r, 2, t.ownerUnit ?? "未明确")
            put(ws, r, 3, t.start ?? "未定")
            put(ws, r, 4, t.deadline ?? "未定")
            put(ws, r, 5, t.status.chineseName)
            put(ws, r, 6, t.percentComplete, percent)
            if t.isOverdue(now: c.now) { put(ws, r, 7, "逾期", overdue) }
            put(ws, r, 8, t.evidence, wrap)
            put(ws, r, 9, t.indicatorCodes.joined(separator: " "))
            put(ws, r, 10, t.source)
        }
    }

    func schoolSheet(_ c: ReportContent) {
        let ws = sheet(
            "学校诊断",
            headers: [
                "乡镇", "学校", "规模", "在校人数", "教职人数", "生师比", "编制标准", "需编制", "超(+)/缺(-)编", "占地面积（亩）",
                "生均占地（m²）", "标记", "原因",
            ],
            widths: [10, 18, 9, 9, 9, 8, 9, 8, 12, 12, 12, 20, 80], rows: c.schools.count)
        for (i, d) in c.schools.enumerated() {
            let r = i + 1
            put(ws, r, 0, d.townshipName)
            put(ws, r, 1, d.school.name)
            put(ws, r, 2, d.school.level.chineseName)
            put(ws, r, 3, d.school.students.map(Double.init), integer)
            put(ws, r, 4, d.school.staff.map(Double.init), integer)
            put(ws, r, 5, d.studentsPerStaff, decimal)
            put(ws, r, 6, d.staffNorm?.studentsPerStaff, decimal)
            put(ws, r, 7, d.staffNeeded, decimal)
            put(ws, r, 8, d.staffSurplus, decimal)
            put(ws, r, 9, d.school.landMu, decimal)
            put(ws, r, 10, d.landPerStudentM2, decimal)
            put(ws, r, 11, d.flags.map(\.label.zh).joined(separator: " "))
            put(ws, r, 12, d.reasons.map(\.text.zh).joined(separator: ""), wrap)
        }
    }
}
