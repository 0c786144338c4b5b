import Charts
import Localization

/// A tiny HTML builder whose text is escaped unless explicitly marked raw, so that a school
/// named `<script>alert(1)</script>` is shown as text everywhere.
indirect enum HTMLNode: Sendable {
    case element(String, attributes: [(String, String)], children: [HTMLNode])
    case text(String)
    /// Markup produced by a trusted renderer (our SVG charts and maps, which escape their own text).
    case raw(String)
    case group([HTMLNode])

    /// Elements that have no closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link"]

    /// Appends the markup to `out`.
    func render(into out: inout String) {
        switch self {
        case .text(let t): out += Markup.escape(t)
        case .raw(let r): out += r
        case .group(let nodes): for n in nodes { n.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes { out += " \(key)=\"\(Markup.escape(value))\"" }
            out += ">"
            guard !Self.voidElements.contains(name) else { return }
            for c in children { c.render(into: &out) }
            out += "</\(name)>"
        }
    }

    /// For an English page: every run of Chinese in text is wrapped in `<span lang="zh">` — data
    /// (names, the plan's wording, stored units) shown on an English page, for screen readers and
    /// font choice. Program words never need it (they come from the message table), so headings,
    /// table headers, buttons, labels and navigation are left alone (only a select's choices
    /// inside a label are data): a Chinese word there is an untranslated message, which the
    /// English page tests must still see. An option (which cannot hold a span) gets `lang="zh"`
    /// itself; elements already marked and raw markup (the SVG maps and charts) are left as they
    /// are.
    func markingChinese() -> HTMLNode {
        switch self {
        case .raw: return self
        case .text(let t): return Self.chineseRuns(t)
        case .group(let nodes): return .group(nodes.map { $0.markingChinese() })
        case .element(let name, let attributes, let children):
            if attributes.contains(where: { $0.0 == "lang" }) { return self }
            if Self.programWords.contains(name) {
                return .element(
                    name, attributes: attributes,
                    children: children.map { child in
                        if case .element("select", _, _) = child { return child.markingChinese() }
                        return child
                    })
            }
            if name == "option" || name == "textarea" {
                let text = children.map(\.html).joined()
                return Self.hasChinese(text) ? .element(name, attributes: attributes + [("lang", "zh")], children: children) : self
            }
            return .element(name, attributes: attributes, children: children.map { $0.markingChinese() })
        }
    }

    /// Elements whose text is the program's own words, or that cannot hold a span.
    static let programWords: Set<String> = [
        "h1", "h2", "h3", "th", "button", "label", "nav", "summary", "legend", "title", "script", "style",
    ]

    /// Whether a text holds CJK characters or full-width forms.
    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains(where: isChinese) }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x9FFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    /// A text split into plain runs and Chinese runs; a Chinese run goes from a Chinese character
    /// to the last one before a Latin letter or the end, keeping digits, spaces and punctuation
    /// between (保留 16 所 is one run; 西营学校 (Xiying) is two pieces).
    static func chineseRuns(_ text: String) -> HTMLNode {
        guard hasChinese(text) else { return .text(text) }
        var parts: [HTMLNode] = []
        let scalars = Array(text.unicodeScalars)
        var plain = ""
        var index = 0
        while index < scalars.count {
            guard isChinese(scalars[index]) else {
                plain.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            var probe = index
            while probe < scalars.count {
                let scalar = scalars[probe]
                if isChinese(scalar) {
                    end = probe
                } else if scalar.properties.isAlphabetic {
                    break
                }
                probe += 1
            }
            if !plain.isEmpty { parts.append(.text(plain)) }
            plain = ""
            var run = ""
            run.unicodeScalars.append(contentsOf: scalars[index...end])
            parts.append(.element("span", attributes: [("lang", "zh")], children: [.text(run)]))
            index = end + 1
        }
        if !plain.isEmpty { parts.append(.text(plain)) }
        return .group(parts)
    }

    /// The markup as a string.
    var html: String {
        var out = ""
        render(into: &out)
        return out
    }
}

extension HTMLNode {
    /// `markingChinese()` on an English page; the node itself on a Chinese one.
    func marked(_ web: WebContext) -> HTMLNode { web.language == .zh ? self : markingChinese() }
}

/// Shorthand constructors so pages read like markup.
func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name, attributes: attributes, children: children)
}

func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes: attributes, children: [.text(text)])
}
