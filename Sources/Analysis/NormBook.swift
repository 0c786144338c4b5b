public import Domain
import Localization

/// The county's norms, looked up by key.
public struct NormBook: Sendable {
    public let norms: [String: Norm]

    public init(_ norms: [Norm]) {
        self.norms = Dictionary(norms.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The value of a norm, or nil when the county has not set it.
    public func value(_ key: String) -> Double? { norms[key]?.value }

    /// The norm record with its source.
    public func norm(_ key: String) -> Norm? { norms[key] }

    /// The stored primary:junior split of a nine-year school in ninths, e.g. "6:3".
    public var nineYearSplitText: String {
        let share = min(1, max(0, value(NormKey.nineYearPrimaryShare) ?? DefaultNorms.value(NormKey.nineYearPrimaryShare)))
        return "\(Format.number(share * 9, digits: 1)):\(Format.number((1 - share) * 9, digits: 1))"
    }

    /// The staffing norm of a level, as written in a sentence ("19", or "—" when not set).
    public func staffRatioText(_ key: String) -> String { value(key).map { Format.number($0, digits: 1) } ?? "—" }
}
