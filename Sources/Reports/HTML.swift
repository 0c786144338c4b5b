import Charts

/// HTML helpers of the printable report.
public enum HTML {
    /// A table from already-escaped header cells and rows of (already-escaped) cells.
    static func table(_ headers: [String], _ rows: [[String]], className: String = "") -> String {
        var out = "<table class=\"\(className)\"><thead><tr>"
        out += headers.map { "<th>\(Markup.escape($0))</th>" }.joined()
        out += "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }
}
