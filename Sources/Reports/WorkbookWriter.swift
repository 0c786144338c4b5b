import Analysis
import CXlsxWriter
import Domain
import Foundation
public import Localization
public import Monitoring

/// Writes the monitoring workbook with libxlsxwriter (Debian's libxlsxwriter-dev): sheets
/// 指标状态 (cells coloured by status), 观测值, 任务清单 and 学校诊断 (or their English names),
/// frozen header rows, filters and number formats. The file opens in Excel, WPS and LibreOffice.
public enum WorkbookWriter {
    /// Fill colours of the statuses (Excel's own "good / neutral / bad" palette, and grey).
    public static let fills: [StatusColor: UInt32] = [.green: 0xC6EFCE, .yellow: 0xFFEB9C, .red: 0xFFC7CE, .grey: 0xD9D9D9]

    /// Writes the workbook at `path`, replacing any file there.
    public static func write(_ content: ReportContent, to path: String) throws(UserError) {
        guard let workbook = workbook_new(path) else {
            throw UserError(.unavailable, L10n.message(.workbookWriteFailed, path))
        }
        let book = Book(workbook, content)
        book.statusSheet(content)
        book.observationSheet(content)
        book.taskSheet(content)
        book.schoolSheet(content)
        let result = workbook_close(workbook)
        if result != LXW_NO_ERROR {
            throw UserError(.unavailable, L10n.message(.workbookWriteFailed, String(cString: lxw_strerror(result))))
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
    let unknown: UnsafeMutablePointer<lxw_format>
    var statusFormats: [StatusColor: UnsafeMutablePointer<lxw_format>] = [:]
    let c: ReportContent

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ content: ReportContent) {
        self.workbook = workbook
        c = content
        let font = content.t(.workbookFont)
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let f = workbook_add_format(workbook)!
            format_set_font_name(f, font)
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
        unknown = format { format_set_bg_color($0, WorkbookWriter.fills[.grey]!) }
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

    func put(
        _ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int, _ value: String?, _ f: UnsafeMutablePointer<lxw_format>? = nil
    ) {
        guard let value, !value.isEmpty else { return }
        worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), value, f ?? text)
    }

    func put(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ col: Int, _ value: Double?, _ f: UnsafeMutablePointer<lxw_format>) {
        guard let value, value.isFinite else { return }
        worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, f)
    }

    func statusSheet(_ c: ReportContent) {
        let ws = sheet(
            c.t(.sheetStatus),
            headers: [
                c.t(.uiStatus), c.t(.labelIndicatorCode), c.t(.uiIndicator), c.t(.uiArea), c.t(.labelLatestValue), c.t(.labelPeriod),
                c.t(.labelUnit), c.t(.labelTargetValue), c.t(.labelTargetYear), c.t(.uiExpectedNow), c.t(.labelReasons),
                c.t(.uiSource),
            ],
            widths: [12, 22, 30, 12, 10, 9, 8, 10, 22, 14, 60, 30], rows: c.statuses.count)
        for (i, s) in c.statuses.enumerated() {
            let r = i + 1
            put(ws, r, 0, c.t(s.status.label), statusFormats[s.status])
            put(ws, r, 1, s.indicator.code)
            put(ws, r, 2, s.indicator.name(c.language))
            put(ws, r, 3, s.areaName)
            put(ws, r, 4, s.latest?.value, decimal)
            put(ws, r, 5, s.latest?.period.description)
            put(ws, r, 6, s.indicator.unit)
            put(ws, r, 7, s.target?.value, decimal)
            if let target = s.target {
                if target.yearAssumed { put(ws, r, 8, c.t(target.yearText)) } else { put(ws, r, 8, Double(target.year), integer) }
            }
            put(ws, r, 9, s.expectedNow, decimal)
            let notes = [c.t(s.reason)] + (s.indicator.denominatorNote(in: c.indicators).map { [c.t($0)] } ?? [])
            put(ws, r, 10, notes.joined(separator: "；"), wrap)
            put(ws, r, 11, s.indicator.source)
        }
    }

    func observationSheet(_ c: ReportContent) {
        let ws = sheet(
            c.t(.sheetObservations),
            headers: [
                c.t(.labelIndicatorCode), c.t(.uiIndicator), c.t(.uiArea), c.t(.labelPeriod), c.t(.uiValue), c.t(.labelUnit),
                c.t(.uiSource), c.t(.labelNote),
            ],
            widths: [22, 30, 12, 9, 12, 8, 30, 30], rows: c.observations.count)
        for (i, line) in c.observations.enumerated() {
            let r = i + 1
            put(ws, r, 0, line.indicator.code)
            put(ws, r, 1, line.indicator.name(c.language))
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
            c.t(.sheetTasks),
            headers: [
                c.t(.labelCode), c.t(.labelTask), c.t(.uiOwner), c.t(.labelStart), c.t(.uiDeadline), c.t(.uiStatus),
                c.t(.labelPercentComplete), c.t(.labelDeadlineState), c.t(.uiEvidence), c.t(.labelIndicatorLinks), c.t(.uiSource),
            ],
            widths: [11, 44, 14, 10, 22, 9, 11, 16, 30, 34, 40], rows: c.tasks.count)
        for (i, task) in c.tasks.enumerated() {
            let r = i + 1
            put(ws, r, 0, task.code)
            put(ws, r, 1, task.name, wrap)
            put(ws, r, 2, task.ownerUnit ?? c.t(.uiNotNamed))
            put(ws, r, 3, task.start?.description ?? c.t(.uiNone))
            put(ws, r, 4, task.deadlineText.map(c.t) ?? c.t(.uiNone))
            put(ws, r, 5, c.t(task.status.label))
            put(ws, r, 6, task.percentComplete, percent)
            let state = task.deadlineState(now: c.now)
            switch state {
            case .overdue: put(ws, r, 7, c.t(state.label), overdue)
            case .pastDeadlineProgressUnknown: put(ws, r, 7, c.t(state.label), unknown)
            default: break
            }
            put(ws, r, 8, task.evidence, wrap)
            put(ws, r, 9, task.indicatorCodes.joined(separator: " "))
            put(ws, r, 10, task.source)
        }
    }

    func schoolSheet(_ c: ReportContent) {
        let ws = sheet(
            c.t(.sheetSchools),
            headers: [
                c.t(.labelTownship), c.t(.labelSchool), c.t(.labelLevel), c.t(.labelStudents), c.t(.labelStaff), c.t(.labelRatio),
                c.t(.labelNorm), c.t(.labelStaffNeeded), c.t(.labelSurplus), c.t(.labelLandMu), c.t(.labelLandPerStudent),
                c.t(.labelFlags), c.t(.labelReasons),
            ],
            widths: [10, 18, 9, 9, 9, 8, 9, 8, 12, 12, 12, 20, 80], rows: c.schools.count)
        for (i, d) in c.schools.enumerated() {
            let r = i + 1
            put(ws, r, 0, d.townshipName)
            put(ws, r, 1, d.school.name)
            put(ws, r, 2, c.t(d.school.level.label))
            put(ws, r, 3, d.school.students.map(Double.init), integer)
            put(ws, r, 4, d.school.staff.map(Double.init), integer)
            put(ws, r, 5, d.studentsPerStaff, decimal)
            put(ws, r, 6, d.staffNorm?.studentsPerStaff, decimal)
            put(ws, r, 7, d.staffNeeded, decimal)
            put(ws, r, 8, d.staffSurplus, decimal)
            put(ws, r, 9, d.school.landMu, decimal)
            put(ws, r, 10, d.landPerStudentM2, decimal)
            put(ws, r, 11, d.flags.map { c.t($0.label) }.joined(separator: " "))
            put(ws, r, 12, d.reasons.map { c.t($0.text) }.joined(separator: c.language == .zh ? "" : " "), wrap)
        }
    }
}
