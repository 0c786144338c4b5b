import Foundation

/// A row identifier typed by what it identifies: a `School.ID` cannot be passed where a
/// `Division.ID` is wanted, and neither is a bare integer.
public struct EntityID<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The store's row number.
    public let rawValue: Int64

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(integerLiteral value: Int64) {
        rawValue = value
    }

    /// Reads a decimal id as written in a URL or on the command line; nil for anything else.
    public init?(text: String) {
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value > 0 else { return nil }
        rawValue = value
    }

    public var description: String { String(rawValue) }

    public static func < (a: EntityID, b: EntityID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A value as it is stored: its id (never missing) and its fields. Fields read and write through
/// the wrapper (`school.name`), so a stored school reads like a school; only an unsaved one has
/// no `id` to misuse.
@dynamicMemberLookup
public struct Stored<Value>: Identifiable {
    public let id: EntityID<Value>
    public var value: Value

    public init(id: EntityID<Value>, _ value: Value) {
        self.id = id
        self.value = value
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<Value, T>) -> T { value[keyPath: keyPath] }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Value, T>) -> T {
        get { value[keyPath: keyPath] }
        set { value[keyPath: keyPath] = newValue }
    }
}

extension Stored: Equatable where Value: Equatable {}
extension Stored: Hashable where Value: Hashable {}
extension Stored: Sendable where Value: Sendable {}
