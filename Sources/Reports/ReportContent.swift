import Foundation
public import Analysis
public import Domain
public import Monitoring

/// Everything a monitoring report shows, assembled by the services; the writers only lay it out.
public struct ReportContent: Sendable {
    /// One observation with the names needed to read it on paper.
    public struct ObservationLine: Sendable {
        public var indicator: Indicator
        public var areaName: String
        public var observation: Observation

        public init(indicator: Indicator, areaName: String, observation: Observation) {
            self.indicator = indicator
            self.areaName = areaName
            self.observation = observation
        }
    }

    public var countyName: String
    /// The date the statuses are judged at, as shown (YYYY-MM-DD).
    public var asOf: String
    /// "Now" as a fractional year, for overdue flags.
    public var now: Double
    public var statuses: [IndicatorStatus]
    public var observations: [ObservationLine]
    public var tasks: [PlanTask]
    public var schools: [SchoolDiagnosis]
    public var county: SchoolRollup

    public init(
        countyName: String, asOf: String, now: Double, statuses: [IndicatorStatus], observations: [ObservationLine],
        tasks: [PlanTask], schools: [SchoolDiagnosis], county: SchoolRollup
    ) {
        self.countyName = countyName
        self.asOf = asOf
        self.now = now
        self.statuses = statuses
        self.observations = observations
        self.tasks = tasks
        self.schools = schools
        self.county = county
    }

    /// The report's title.
    public var title: String { "\(countyName)城乡融合发展监测报告" }

    /// Red and yellow statuses, red first, in indicator order within a colour.
    public var alerts: [IndicatorStatus] {
        statuses.enumerated().filter { $0.element.status == .red || $0.element.status == .yellow }
            .sorted { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }.map(\.element)
    }

    /// A value with its unit: 41.0% or 100 个.
    public static func valueText(_ value: Double, _ indicator: Indicator) -> String {
        indicator.isPercent ? String(format: "%.1f%%", value) : "\(trimmed(value)) \(indicator.unit)"
    }

    static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
