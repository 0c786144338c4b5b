extension String {
    /// The text without leading and trailing white space (ASCII, line breaks, the ideographic
    /// space U+3000 and NBSP). Faster than Foundation's trimming for the short cells of a table,
    /// and returns the string itself when there is nothing to trim.
    var trimmedCell: String {
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" || c == "\u{A0}" || c == "\u{FEFF}"
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[start...end])
    }
}
