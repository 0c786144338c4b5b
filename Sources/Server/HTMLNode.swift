import Charts

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

    /// The markup as a string.
    var html: String {
        var out = ""
        render(into: &out)
        return out
    }
}

/// Shorthand constructors so pages read like markup.
func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name, attributes: attributes, children: children)
}

func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes: attributes, children: [.text(text)])
}
