/// Escaping for HTML text and attributes.
public enum HTML {
    /// Escapes `& < > " '` so any text can be placed in an element or an attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A table from already-escaped header cells and rows of (already-escaped) cells.
    static func table(_ headers: [String], _ rows: [[String]], className: String = "") -> String {
        var out = "<table class=\"\(className)\"><thead><tr>"
        out += headers.map { "<th>\(escape($0))</th>" }.joined()
        out += "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }
}
