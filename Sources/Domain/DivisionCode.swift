import Foundation

/// A statistical division code (统计用区划代码) in its 12-digit form.
///
/// The county writes codes with 6 (county), 9 (township) or 12 digits; all are
/// stored padded to 12 digits, e.g. `141122` → `141122000000`.
public struct DivisionCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 12 ASCII digits.
    public let rawValue: String

    /// Accepts 6, 9 or 12 ASCII digits (surrounding spaces ignored); nil otherwise.
    public init?(_ text: String) {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard [6, 9, 12].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        rawValue = digits + String(repeating: "0", count: 12 - digits.count)
    }

    /// The first six digits: province, prefecture and county.
    public var countyPrefix: String { String(rawValue.prefix(6)) }
    /// The first nine digits: the township-level unit this code belongs to.
    public var townshipPrefix: String { String(rawValue.prefix(9)) }

    public var description: String { rawValue }

    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = DivisionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a division code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
