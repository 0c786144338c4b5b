import Domain
import Foundation
import Localization
import Services

/// `/search`: one box (in every page's header) that finds schools, townships, villages, tasks
/// and indicators by name or code; hits grouped by kind, each linking to where it is shown.
enum SearchPage {
    /// Longest query read; the rest is ignored.
    static let maxQuery = 100

    static func content(_ query: String, _ hits: [SearchService.Hit], _ web: WebContext) -> [HTMLNode] {
        var nodes: [HTMLNode] = [box(query, web, id: "search-page")]
        guard !query.isEmpty else { return nodes + [el("p", [("class", "muted")], text: web.t(.uiSearchHint))] }
        if hits.isEmpty { return nodes + [el("p", [("class", "no-match")], text: web.t(.uiSearchNothing, query))] }
        nodes.append(el("p", text: web.t(.uiSearchResults, query, hits.count)))
        for kind in SearchService.Kind.allCases {
            let found = hits.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            nodes.append(el("h2", text: web.bracketed(web.t(label(kind)), String(found.count))))
            nodes.append(
                el(
                    "ul", [("class", "hits")],
                    found.map { hit in
                        let name = web.language == .en ? hit.englishName ?? hit.name : hit.name
                        return el(
                            "li", [],
                            [
                                el("a", [("href", link(hit))], [Components.data(name, web)]), .text(" "),
                                el("span", [("class", "muted")], [Components.data(hit.detail, web)]),
                            ])
                    }))
        }
        return nodes
    }

    /// The search form: in the header of every page, and at the top of the results.
    static func box(_ query: String = "", _ web: WebContext, id: String = "search") -> HTMLNode {
        el(
            "form", [("class", "search"), ("method", "get"), ("action", "/search"), ("role", "search")],
            [
                el(
                    "input",
                    [
                        ("type", "search"), ("name", "q"), ("id", id), ("value", query), ("maxlength", String(maxQuery)),
                        ("placeholder", web.t(.uiSearchPlaceholder)), ("aria-label", web.t(.navSearch)),
                    ]),
                el("button", [("type", "submit")], text: web.t(.uiSearchButton)),
            ])
    }

    /// Characters a key keeps in a link (codes such as T-EDU-04 stay readable).
    static let keyCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))

    static func label(_ kind: SearchService.Kind) -> MessageKey {
        switch kind {
        case .school: .uiSearchKindSchool
        case .township: .uiSearchKindTownship
        case .village: .uiSearchKindVillage
        case .task: .uiSearchKindTask
        case .indicator: .uiSearchKindIndicator
        }
    }

    /// Where a hit is shown: a school's page, a township's (or a village's township's) schools,
    /// the task's card, the indicator's row.
    static func link(_ hit: SearchService.Hit) -> String {
        let code = hit.key.addingPercentEncoding(withAllowedCharacters: Self.keyCharacters) ?? ""
        switch hit.kind {
        case .school: return "/schools/\(code)"
        case .township, .village: return hit.townshipID.map { "/schools?township=\($0)" } ?? "/schools"
        case .task: return "/tasks#\(code)"
        case .indicator: return "/indicators#\(code)"
        }
    }
}
