import ArgumentParser
import Domain
import Foundation
import Localization
import Services

/// `--as-of YYYY-MM-DD`: the date statuses and deadlines are judged at (default: today).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: help(.optAsOf))
    var asOf: String?

    func validate() throws {
        if let asOf, Self.parse(asOf) == nil { throw ValidationError(text(.optAsOfInvalid)) }
    }

    /// The moment to judge at.
    var now: FractionalYear {
        if let asOf, let date = Self.parse(asOf) { return FractionalYear(date) }
        return FractionalYear(Date())
    }

    /// The date as text for report headers.
    var label: String {
        asOf ?? ReportService.todayLabel()
    }

    /// The first instant of a YYYY-MM-DD day in Beijing time, or nil.
    static func parse(_ text: String) -> Date? {
        guard let day = PartialDate(text), let month = day.month, let d = day.day else { return nil }
        return FractionalYear.calendar.date(from: DateComponents(year: day.year, month: month, day: d))
    }
}
