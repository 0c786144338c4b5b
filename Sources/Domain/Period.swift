import Foundation

/// A reporting period: a year (2024), a quarter (2024Q2) or a month (2024-05).
public enum Period: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

    /// Reads "2024", "2024年", "2024Q2", "2024-Q2", "2024年第2季度", "2024-05", "2024/5", "2024年5月".
    public init?(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        t = t.replacingOccurrences(of: "年第", with: "Q").replacingOccurrences(of: "季度", with: "")  // vocabulary
        t = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")  // vocabulary
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

    /// The moment the period is over: the end of 2024 is 2025.0, the end of 2024Q2 is 1 July 2024.
    public var end: FractionalYear {
        switch self {
        case .year(let y): FractionalYear.endOfYear(y)
        case .quarter(let y, let q): q == 4 ? FractionalYear.endOfYear(y) : FractionalYear(year: y, month: q * 3 + 1)
        case .month(let y, let m): m == 12 ? FractionalYear.endOfYear(y) : FractionalYear(year: y, month: m + 1)
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

    public static func < (a: Period, b: Period) -> Bool { a.end < b.end }

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
}
