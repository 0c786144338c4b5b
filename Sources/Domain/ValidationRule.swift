/// A DHIS2-style validation rule on observations.
public struct ValidationRule: Hashable, Sendable, Codable {
    /// What the rule checks.
    public enum Check: Hashable, Sendable, Codable {
        /// The value must lie within [minimum, maximum] (either bound optional).
        case range(minimum: Double?, maximum: Double?)
        /// This indicator's value must not exceed another's for the same area and period
        /// (a numerator and its denominator).
        case notAbove(indicator: String)
        /// The townships' values for a period must not add up to more than the county's.
        case townshipSumNotAboveCounty
        /// A change from the previous period larger than this share of the previous value.
        case jump(maximumShare: Double)
    }

    /// Whether a breach blocks the data (error) or is only listed (warning).
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    public var indicatorCode: String
    public var check: Check
    public var severity: Severity

    public init(indicatorCode: String, check: Check, severity: Severity) {
        self.indicatorCode = indicatorCode
        self.check = check
        self.severity = severity
    }
}
