import ArgumentParser
import Domain
import Foundation

/// `--as-of YYYY-MM-DD`: the date statuses and overdue flags are judged at (default: today).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "判断日期 YYYY-MM-DD（默认今天）· Judge as of this date (default: today).")
    var asOf: String?

    func validate() throws {
        if let asOf, Self.parse(asOf) == nil {
            throw ValidationError("--as-of 应为 YYYY-MM-DD | --as-of must be YYYY-MM-DD")
        }
    }

    /// "Now" as a fractional year (see `Period.time(of:)`).
    var now: Double {
        if let asOf, let date = Self.parse(asOf) { return Period.time(of: date) }
        return Period.time(of: Date())
    }

    /// The date as text for report headers.
    var label: String {
        if let asOf { return asOf }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: Date())
    }

    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.date(from: text)
    }
}
