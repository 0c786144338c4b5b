import CXlsxWriter
public import Localization

/// One table as a workbook of one sheet, for the pages' "export to Excel" buttons: a bold, frozen,
/// filterable header row, numbers as numbers (not text), the CJK font of the language.
public enum TableWorkbook {
    /// A cell: text, or a number written with `digits` decimals (empty when nil).
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double?, digits: Int)

        /// The cell as CSV text.
        public var csvText: String {
            switch self {
            case .text(let text): text
            case .number(let value, let digits): value.map { Format.number($0, digits: digits) } ?? ""
            }
        }
    }

    /// One sheet: its name, header row and rows.
    public struct Sheet: Sendable {
        public var name: String
        public var headers: [String]
        public var rows: [[Cell]]

        public init(name: String, headers: [String], rows: [[Cell]]) {
            self.name = name
            self.headers = headers
            self.rows = rows
        }
    }

    /// Writes the table to a new workbook at `path`.
    public static func write(sheet: String, headers: [String], rows: [[Cell]], language: Language, to path: String) throws(UserError) {
        try write(sheets: [Sheet(name: sheet, headers: headers, rows: rows)], language: language, to: path)
    }

    /// Writes the sheets, in order, to a new workbook at `path`.
    public static func write(sheets: [Sheet], language: Language, to path: String) throws(UserError) {
        guard let workbook = workbook_new(path) else { throw UserError(.unavailable, L10n.message(.workbookWriteFailed, path)) }
        let font = L10n.text(.workbookFont, language)
        let header = workbook_add_format(workbook)!
        format_set_font_name(header, font)
        format_set_bold(header)
        format_set_bg_color(header, 0xDDEBF7)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(header)
        let text = workbook_add_format(workbook)!
        format_set_font_name(text, font)
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func numberFormat(_ digits: Int) -> UnsafeMutablePointer<lxw_format> {
            if let f = numberFormats[digits] { return f }
            let f = workbook_add_format(workbook)!
            format_set_font_name(f, font)
            format_set_num_format(f, digits == 0 ? "0" : "0." + String(repeating: "0", count: min(digits, 6)))
            numberFormats[digits] = f
            return f
        }
        func add(_ sheet: Sheet, named name: String) {
            let (headers, rows) = (sheet.headers, sheet.rows)
            let ws = workbook_add_worksheet(workbook, name)!
            for (column, title) in headers.enumerated() {
                worksheet_write_string(ws, 0, lxw_col_t(column), title, header)
                worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), column < 2 ? 18 : 12, nil)
            }
            for (r, cells) in rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let row = lxw_row_t(r + 1)
                    switch cell {
                    case .text(let value) where !value.isEmpty:
                        worksheet_write_string(ws, row, lxw_col_t(column), value, text)
                    case .number(let value?, let digits) where value.isFinite:
                        worksheet_write_number(ws, row, lxw_col_t(column), value, numberFormat(digits))
                    default:
                        break
                    }
                }
            }
            worksheet_freeze_panes(ws, 1, 0)
            worksheet_autofilter(ws, 0, 0, lxw_row_t(max(rows.count, 1)), lxw_col_t(max(headers.count - 1, 0)))
        }
        for (number, sheet) in sheets.enumerated() {
            // Sheet names: at most 31 characters, none of []:*?/\\ (Excel's rule).
            let name = String(sheet.name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            add(sheet, named: name.isEmpty ? "Sheet\(number + 1)" : name)
        }
        let result = workbook_close(workbook)
        if result != LXW_NO_ERROR {
            throw UserError(.unavailable, L10n.message(.workbookWriteFailed, String(cString: lxw_strerror(result))))
        }
    }
}
