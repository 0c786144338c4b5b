import Foundation

/// Escaping for HTML and XML text and attribute values, shared by every markup writer
/// (SVG charts and maps, the printable report, the web pages).
public enum Markup {
    /// Escapes `& < > " '` so any text can be placed in an element or an attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Small helpers for writing SVG by hand: number formatting and ticks.
public enum SVG {
    /// A coordinate with at most two decimals; a value no drawing could use (not finite, or beyond
    /// ±10⁹) is written as 0 rather than trapping on the conversion to an integer.
    static func n(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "0" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The font stack: Noto Sans CJK where installed (Debian fonts-noto-cjk), then system fonts.
    public static let fontFamily = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"

    /// "Nice" tick values covering [low, high]: steps of 1, 2 or 5 × 10ⁿ.
    /// "Nice" ticks (steps of 1, 2 or 5 × 10ⁿ) from `low` to `high`: at least 1 apart for
    /// `wholeNumbers`; with `covering`, one more tick when needed so the last is at or above `high`.
    static func ticks(_ low: Double, _ high: Double, count: Int = 5, wholeNumbers: Bool = false, covering: Bool = false) -> [Double] {
        guard low.isFinite, high.isFinite, high > low else { return low.isFinite ? [low] : [] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, (Foundation.log10(raw)).rounded(.down))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if wholeNumbers { step = max(step, 1) }
        var t = (low / step).rounded(.down) * step
        var values: [Double] = []
        while t <= high + step * 1e-9 {
            if t >= low - step * 1e-9 { values.append(t) }
            t += step
        }
        if covering, let last = values.last, last < high - step * 1e-9 { values.append(last + step) }
        return values
    }

    static func label(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() && abs(value) < 1e12 { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }
}
