public import Analysis
public import Domain
import Foundation
public import Localization
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
    /// The language the report is written in.
    public var language: Language
    /// The date the statuses are judged at, as shown (YYYY-MM-DD).
    public var asOf: String
    /// The moment statuses and deadlines are judged at.
    public var now: FractionalYear
    public var statuses: [IndicatorStatus]
    /// The indicator catalogue (to name a ratio's denominator).
    public var indicators: [Indicator]
    public var observations: [ObservationLine]
    public var tasks: [PlanTask]
    public var schools: [SchoolDiagnosis]
    public var county: SchoolRollup

    public init(
        countyName: String, language: Language, asOf: String, now: FractionalYear, statuses: [IndicatorStatus],
        indicators: [Indicator], observations: [ObservationLine], tasks: [PlanTask], schools: [SchoolDiagnosis],
        county: SchoolRollup
    ) {
        self.countyName = countyName
        self.language = language
        self.asOf = asOf
        self.now = now
        self.statuses = statuses
        self.indicators = indicators
        self.observations = observations
        self.tasks = tasks
        self.schools = schools
        self.county = county
    }

    /// A message in the report's language.
    func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: arguments).text(language)
    }

    /// A localised value in the report's language.
    func t(_ text: Localized) -> String { text.text(language) }

    /// The report's title.
    public var title: String { t(.reportTitle, countyName) }

    /// Red and yellow statuses, red first, in indicator order within a colour.
    public var alerts: [IndicatorStatus] {
        statuses.enumerated().filter { $0.element.status == .red || $0.element.status == .yellow }
            .sorted { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }.map(\.element)
    }

    /// Tasks in a deadline state at the report's moment.
    func tasks(in state: DeadlineState) -> [PlanTask] { tasks.filter { $0.deadlineState(now: now) == state } }
}
