public import Foundation

/// A moment on the monitoring time line, as a year with its fraction elapsed in Beijing time:
/// 2024.0 is the first instant of 2024, 2024.5 is about 1 July 2024, and the end of 2024 is 2025.0.
/// Periods, targets, deadlines and "now" are all compared on this one scale.
public struct FractionalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Years since the start of year 0 of the calendar, e.g. 2024.5.
    public let value: Double

    public init(_ value: Double) {
        self.value = value
    }

    /// The calendar the monitoring time line is kept in: Gregorian, Beijing time.
    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        return calendar
    }

    /// The moment `date` falls at.
    public init(_ date: Date) {
        let calendar = Self.calendar
        let year = calendar.component(.year, from: date)
        value = Double(year) + Self.fraction(of: date, inYear: year, calendar)
    }

    /// The first instant of the Beijing calendar day `date` falls in: "today" on the time line,
    /// the same value all day, so what is computed for today can be kept until tomorrow.
    public static func startOfDay(_ date: Date) -> FractionalYear {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return FractionalYear(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The first instant of a calendar day (month and day 1-based).
    public init(year: Int, month: Int = 1, day: Int = 1) {
        let calendar = Self.calendar
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else {
            value = Double(year)
            return
        }
        value = Double(year) + Self.fraction(of: date, inYear: year, calendar)
    }

    /// The end of a year: the first instant of the next.
    public static func endOfYear(_ year: Int) -> FractionalYear { FractionalYear(Double(year + 1)) }

    /// Years from `b` to `a`.
    public static func - (a: FractionalYear, b: FractionalYear) -> Double { a.value - b.value }

    public static func < (a: FractionalYear, b: FractionalYear) -> Bool { a.value < b.value }

    public var description: String { String(format: "%.4f", value) }

    private static func fraction(of date: Date, inYear year: Int, _ calendar: Calendar) -> Double {
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
            let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))
        else { return 0 }
        return date.timeIntervalSince(start) / end.timeIntervalSince(start)
    }
}

/// A calendar date known to the year, the month or the day, as plans write deadlines:
/// 2025, 2025-06 or 2025-06-30.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable {
        case year = 1
        case month = 2
        case day = 3

        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    /// 1…12, nil when only the year is known.
    public let month: Int?
    /// 1…31, nil when the day is not known.
    public let day: Int?

    /// The years a date may name.
    public static let years = 1949...2100

    /// Reads 2025, 2025-06 or 2025-06-30 (four-digit year, two-digit month and day, a real day of
    /// that month); nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count == 4, let year = Int(parts[0]), Self.years.contains(year)
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3, let m = month {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...Self.days(inMonth: m, of: year)).contains(d) else { return nil }
            day = d
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The moment the date is over: the end of its year, month or day.
    public var end: FractionalYear {
        switch (month, day) {
        case (let m?, let d?):
            let next = d == Self.days(inMonth: m, of: year) ? (m == 12 ? (year + 1, 1, 1) : (year, m + 1, 1)) : (year, m, d + 1)
            return FractionalYear(year: next.0, month: next.1, day: next.2)
        case (let m?, nil):
            return m == 12 ? FractionalYear.endOfYear(year) : FractionalYear(year: year, month: m + 1)
        default:
            return FractionalYear.endOfYear(year)
        }
    }

    /// The stored text: 2025, 2025-06 or 2025-06-30.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.end < b.end }

    static func days(inMonth month: Int, of year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
