import Foundation

/// Writes RFC 4180 CSV: cells with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSVWriter {
    /// One line (without the line break).
    public static func line(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",")
    }

    /// A whole document with CRLF line breaks and a UTF-8 BOM, as Excel and WPS expect.
    public static func document(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map(line).joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
