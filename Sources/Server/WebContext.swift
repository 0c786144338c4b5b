import Domain
import Hummingbird
import Localization
import Services

/// What a page needs to know about the request: the language, the CSRF token, the path, and the
/// county the register describes (for titles).
struct WebContext {
    let language: Language
    /// The token to put in forms; new when the request carried none.
    private(set) var csrfToken: String
    let isNewToken: Bool
    let path: String
    /// Where a link back to "this page" goes — the language switch, an error's way back: the path
    /// and query of a GET; for a form post, the page the form belongs to (its first path segment:
    /// `/tasks/T-EDU-04` → `/tasks`), which a GET can show again.
    let returnPath: String
    /// The county's name from the register; nil before divisions are imported.
    let countyName: String?
    /// Who is signed in; nil for an anonymous visitor (public reading, the sign-in page).
    let principal: Principal?

    init(_ request: Request, _ context: AppRequestContext, _ state: AppState) {
        principal = context.principal
        // `?lang=en` on any page (a link to send, a test) wins over the language cookie.
        language =
            request.uri.queryParameters["lang"].flatMap { Language(code: String($0)) }
            ?? request.cookies[Security.languageCookie].flatMap { Language(code: $0.value) } ?? .zh
        if let token = context.sessionFormToken {
            csrfToken = token
            isNewToken = false
        } else if let token = request.cookies[Security.csrfCookie]?.value, token.count == 32 {
            csrfToken = token
            isNewToken = false
        } else {
            csrfToken = Security.newToken()
            isNewToken = true
        }
        path = request.uri.path
        returnPath = Self.returnPath(request)
        countyName = try? state.workspace.register.countyName()
    }

    /// Stands for the request's token in a cached page; each response puts its own token in.
    /// Random per process, so that no stored text can be mistaken for it.
    static let tokenPlaceholder = "cx" + Security.newToken()

    /// This context with the placeholder for the token, to build a page that is cached and
    /// served to every visitor.
    func forCache() -> WebContext {
        var copy = self
        copy.csrfToken = Self.tokenPlaceholder
        return copy
    }

    /// Who the page is built for, as part of a cache key: the header names the user and the forms
    /// shown depend on the role, so each user has their own copy of a page.
    var viewerKey: String { principal.map { "\($0.name) \($0.role.rawValue)" } ?? "-" }

    /// See `returnPath`.
    static func returnPath(_ request: Request) -> String {
        let path = request.uri.path
        guard request.method != .get && request.method != .head else {
            // Without `lang=`: the way back after switching language must not switch it back.
            let query = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
            return Security.localPath(query.isEmpty ? path : "\(path)?\(query)")
        }
        let first = path.split(separator: "/").first.map { "/\($0)" } ?? "/"
        return Security.localPath(first)
    }

    /// A message in the page's language.
    func t(_ key: MessageKey, _ arguments: any CustomStringConvertible...) -> String {
        L10n.message(key, arguments: arguments).text(language)
    }

    /// `text` followed by `inner` in brackets, as each language writes them: 「人数（12）」 and
    /// "pupils (12)".
    func bracketed(_ text: String, _ inner: String) -> String {
        language == .zh ? "\(text)（\(inner)）" : "\(text) (\(inner))"
    }

    /// A field's name and value: 「期限：2025」 and "deadline: 2025".
    func field(_ name: String, _ value: String) -> String {
        language == .zh ? "\(name)：\(value)" : "\(name): \(value)"
    }

    /// A localised value in the page's language.
    func t(_ localized: Localized) -> String { localized.text(language) }

    /// The application's name, with the county's when the register has one.
    var appName: String { countyName.map { t(.appNameCounty, $0) } ?? t(.appName) }
}
