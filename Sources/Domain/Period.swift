public import Foundation

/// A reporting period: a year (2024), a quarter (2024Q2) or a month (2024-05).
public enum Period: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

    /// Reads "2024", "2024年", "2024Q2", "2024-Q2", "2024年第2季度", "2024-05", "2024/5", "2024年5月".
    public init?(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        t = t.replacingOccurrences(of: "年第", with: "Q").replacingOccurrences(of: "季度", with: "")
        t = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")
        t = t.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "-Q", with: "Q")
        if t.hasSuffix("-") { t.removeLast() }
        if let year = Int(t), (1949...2100).contains(year) {
            self = .year(year)
        } else if let q = t.firstIndex(of: "Q"), let year = Int(t[..<q]), let quarter = Int(t[t.index(after: q)...]),
            (1949...2100).contains(year), (1...4).contains(quarter)
        {
            self = .quarter(year, quarter)
        } else if let dash = t.firstIndex(of: "-"), let year = Int(t[..<dash]), let month = Int(t[t.index(after: dash)...]),
            (1949...2100).contains(year), (1...12).contains(month)
        {
            self = .month(year, month)
        } else {
            return nil
        }
    }

    public var year: Int {
        switch self {
        case .year(let y), .quarter(let y, _), .month(let y, _): y
        }
    }

    /// The end of the period as a fractional year: the end of 2024 is 2024.0, the end of
    /// 2024Q2 is 2023.5, the end of May 2024 is 2023 + 5/12. A target "by 2025" is due at 2025.0.
    public var endTime: Double {
        switch self {
        case .year(let y): Double(y)
        case .quarter(let y, let q): Double(y - 1) + Double(q) / 4
        case .month(let y, let m): Double(y - 1) + Double(m) / 12
        }
    }

    /// The stored text form: 2024, 2024Q2, 2024-05.
    public var description: String {
        switch self {
        case .year(let y): String(y)
        case .quarter(let y, let q): "\(y)Q\(q)"
        case .month(let y, let m): String(format: "%d-%02d", y, m)
        }
    }

    /// The period before this one of the same kind.
    public var previous: Period {
        switch self {
        case .year(let y): .year(y - 1)
        case .quarter(let y, let q): q == 1 ? .quarter(y - 1, 4) : .quarter(y, q - 1)
        case .month(let y, let m): m == 1 ? .month(y - 1, 12) : .month(y, m - 1)
        }
    }

    public static func < (a: Period, b: Period) -> Bool { a.endTime < b.endTime }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a period: \(text)"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// A date as a fractional year on the same scale as `endTime` (1 January 2026 = 2025.0).
    public static func time(of date: Date, calendar: Calendar = Calendar(identifier: .gregorian)) -> Double {
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let year = utc.component(.year, from: date)
        let start = utc.date(from: DateComponents(year: year, month: 1, day: 1))!
        let end = utc.date(from: DateComponents(year: year + 1, month: 1, day: 1))!
        return Double(year - 1) + date.timeIntervalSince(start) / end.timeIntervalSince(start)
    }
}
