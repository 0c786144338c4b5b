public import Domain
public import Localization

/// The early-warning colour (三色预警, plus grey for no data).
public enum StatusColor: String, Sendable, Codable, CaseIterable, Comparable {
    /// On track or target met.
    case green
    /// Behind the expected path by less than the threshold.
    case yellow
    /// Behind by more, or the target year passed unmet.
    case red
    /// No data, stale data, or no target to judge against.
    case grey

    /// Chinese label.
    public var label: Localized {
        switch self {
        case .green: L10n.message(.statusGreen)
        case .yellow: L10n.message(.statusYellow)
        case .red: L10n.message(.statusRed)
        case .grey: L10n.message(.statusGrey)
        }
    }

    /// Severity order for sorting: red first.
    public static func < (a: StatusColor, b: StatusColor) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .red: 0
        case .yellow: 1
        case .green: 2
        case .grey: 3
        }
    }
}

/// The progress of one indicator in one area.
public struct IndicatorStatus: Sendable, Hashable {
    public var indicator: Indicator
    public var areaID: Division.ID
    public var areaName: String
    /// The latest observation, if any.
    public var latest: Observation?
    public var target: IndicatorTarget?
    /// The value the path expects at the latest observation's period.
    public var expectedAtLatest: Double?
    /// The value the path expects now.
    public var expectedNow: Double?
    public var status: StatusColor
    public var reason: Localized
    /// Every observation, oldest first (for trend charts).
    public var history: [Observation]
    /// A value computed from a register whose data year is unknown: shown, but not placed on the
    /// time line nor judged (nil otherwise).
    public var undatedValue: Double?
}
