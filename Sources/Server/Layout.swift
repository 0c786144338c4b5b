import Charts
import Domain
import Foundation
import Hummingbird
import Localization
import Services

/// The page shell: navigation, language switch, the stylesheet and script served by this program.
enum Layout {
    static let navigation: [(path: String, key: MessageKey)] = [
        ("/", .navOverview), ("/map", .navMap), ("/layers", .navLayers), ("/conflicts", .navConflicts), ("/villages", .navVillages),
        ("/zoning", .navZoning), ("/parks", .navParks), ("/assets", .navAssets), ("/access", .navAccess), ("/health", .navHealth),
        ("/schools", .navSchools),
        ("/scenarios", .navScenarios), ("/indicators", .navIndicators), ("/tasks", .navTasks), ("/import", .navImport),
    ]

    /// A whole HTML document around the page's content. `dataTitle`: the title is data (a
    /// school's or a scenario's name), marked as Chinese on an English page when it is.
    static func document(_ web: WebContext, title: String, dataTitle: Bool = false, _ content: [HTMLNode]) -> String {
        let writes = web.principal.map { $0.role != .viewer } ?? false
        let nav = navigation.filter { $0.path != "/import" || writes }.map { item -> HTMLNode in
            let active = item.path == "/" ? web.path == "/" : web.path.hasPrefix(item.path)
            return el("a", [("href", item.path)] + (active ? [("class", "active")] : []), text: web.t(item.key))
        }
        let other: Language = web.language == .zh ? .en : .zh
        let switchLink = el(
            "a",
            [
                (
                    "href",
                    "/lang/\(other.rawValue)?back=\(web.returnPath.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
                ),
                ("class", "lang"), ("hreflang", other.rawValue), ("lang", other == .en ? "en" : "zh"),
            ],
            text: other == .en ? "English" : L10n.text(.languageNameZh, .zh))
        let page = el(
            "html", [("lang", web.language == .zh ? "zh-CN" : "en")],
            [
                el(
                    "head", [],
                    [
                        el("meta", [("charset", "utf-8")]),
                        el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                        el("meta", [("name", "csrf-token"), ("content", web.csrfToken)]),
                        el("title", text: "\(title) · \(web.appName)"),
                        el("link", [("rel", "stylesheet"), ("href", "/static/app.css")]),
                        el("script", [("src", "/static/app.js"), ("defer", "defer")]),
                    ]),
                el(
                    "body", [],
                    [
                        el(
                            "header", [("class", "top")],
                            [
                                el("a", [("href", "/"), ("class", "brand")], text: web.appName),
                                el("nav", [], nav), web.path == "/search" ? .group([]) : SearchPage.box("", web), switchLink, account(web),
                            ]
                        ).marked(web),
                        el("main", [], [el("h1", [], [dataTitle ? Components.data(title, web) : .text(title)])] + content)
                            .marked(web),
                    ]),
            ])
        return "<!DOCTYPE html>" + page.html
    }

    /// The signed-in user's name and role with a sign-out button, or a sign-in link.
    static func account(_ web: WebContext) -> HTMLNode {
        guard let principal = web.principal else {
            return web.path == "/login" ? .group([]) : el("a", [("href", "/login"), ("class", "account")], text: web.t(.uiSignIn))
        }
        return el(
            "form", [("class", "account"), ("method", "post"), ("action", "/logout")],
            [
                el("span", [("class", "user")], text: web.t(.uiSignedInAs, principal.name, web.t(principal.roleLabel))), csrfField(web),
                el("button", [("type", "submit")], text: web.t(.uiSignOut)),
            ])
    }

    /// A hidden form field with the CSRF token.
    static func csrfField(_ web: WebContext) -> HTMLNode {
        el("input", [("type", "hidden"), ("name", "csrf"), ("value", web.csrfToken)])
    }
}
