public import Domain

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
}
