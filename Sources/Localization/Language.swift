import Foundation

/// The user-interface languages: Chinese first, English second.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh
    case en

    /// Reads `zh`, `zh-CN`, `zh_Hans`, `en`, `en_US.UTF-8` …; nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower.hasPrefix("zh") {
            self = .zh
        } else if lower.hasPrefix("en") {
            self = .en
        } else {
            return nil
        }
    }
}

/// A message in both languages, already filled in.
public struct Localized: Hashable, Sendable, Codable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in one language.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    /// "中文 · English", the form of command-line help and of the API document.
    public var helpText: String { zh == en ? zh : "\(zh) · \(en)" }

    /// "中文 | English", the form used where both are shown side by side (errors).
    public var bilingual: String { zh == en ? zh : "\(zh) | \(en)" }

    public var description: String { bilingual }
}

/// Looks up the localisation table and fills in `{1}`, `{2}` … placeholders.
public enum L10n {
    /// The message for a key with its arguments substituted in both languages.
    public static func message(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> Localized {
        message(key, arguments: arguments)
    }

    /// The message for a key with an array of arguments; an argument that is itself `Localized`
    /// (a rule, a name) fills each language with its own text.
    public static func message(_ key: MessageKey, arguments: [any CustomStringConvertible]) -> Localized {
        let entry = MessageTable.entry(key)
        let zh = arguments.map { ($0 as? Localized)?.zh ?? $0 }
        let en = arguments.map { ($0 as? Localized)?.en ?? $0 }
        return Localized(zh: fill(entry.zh, zh), en: fill(entry.en, en))
    }

    /// The message for a key where the arguments differ by language (names of levels, fields).
    public static func message(
        _ key: MessageKey, zh: [any CustomStringConvertible], en: [any CustomStringConvertible]
    ) -> Localized {
        let entry = MessageTable.entry(key)
        return Localized(zh: fill(entry.zh, zh), en: fill(entry.en, en))
    }

    /// The text of a key in one language.
    public static func text(_ key: MessageKey, _ language: Language, _ arguments: any CustomStringConvertible...) -> String {
        message(key, arguments: arguments).text(language)
    }

    /// The template with `{1}`, `{2}` … replaced by the arguments, in one pass (messages are
    /// made by the thousand for a prefecture's schools; Foundation's search-and-replace per
    /// placeholder was a third of a page's cost). A placeholder without an argument stays.
    static func fill(_ template: String, _ arguments: [any CustomStringConvertible]) -> String {
        guard !arguments.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]), (1...arguments.count).contains(number) {
                result += arguments[number - 1].description
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}
