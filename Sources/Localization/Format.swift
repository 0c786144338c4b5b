import Foundation

/// Number formatting shared by analyses and views: fixed digits, no trailing ".0" noise.
public enum Format {
    /// The value with at most `digits` decimals, trailing zeros removed: 19.0 → "19", 16.728 → "16.7".
    public static func number(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "—" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The value with exactly `digits` decimals, for aligned table columns.
    public static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-0") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
