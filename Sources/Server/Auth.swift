import Domain
import Foundation
public import Hummingbird
import Localization
public import Services

/// The request context of every route: Hummingbird's core plus who is asking.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user (by session cookie or API token), or nil for an anonymous request.
    public var principal: Principal?
    /// True when the principal came from an `Authorization: Bearer` token, which a browser never
    /// sends by itself: such a request needs no CSRF token.
    public var byToken = false
    /// The anti-CSRF token of the signed-in session (see `AccountService.formToken`); nil when the
    /// request has no session, and forms then use the double-submit cookie.
    public var sessionFormToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The principal of a request that changes something; `unauthorized` (401) when anonymous.
    func writer() throws -> Principal {
        guard let principal else { throw UserError(.unauthorized, L10n.message(.accessSignInFirst)) }
        return principal
    }
}

/// Finds who is asking — an API token in `Authorization: Bearer`, else the session cookie — and
/// keeps anonymous visitors out of everything but the sign-in page, static files, the language
/// switch and the API document, unless the server reads publicly (`--public-read`: anonymous
/// GETs are answered, writes still need a user). A page sends an anonymous visitor to the
/// sign-in page; the API answers 401 `application/problem+json`.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let state: AppState

    static let sessionCookie = "cx_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        let api = path.hasPrefix("/api/")
        let accounts = state.workspace.accounts
        if let header = request.headers[.authorization] {
            // A credential that is given must be right: a wrong token is refused even on a public page.
            guard header.lowercased().hasPrefix("bearer "), let account = try accounts.tokenAccount(String(header.dropFirst(7))) else {
                throw UserError(.unauthorized, L10n.message(.accessSignInFirst))
            }
            context.principal = Principal(account.value, channel: .api)
            context.byToken = true
        } else if let secret = request.cookies[Self.sessionCookie]?.value {
            let policy = state.settings.sessionPolicy
            let found = try accounts.lookUpSession(secret, policy: policy)
            if found.upkeepDue { state.queueSessionUpkeep(secret) }
            if let account = found.account {
                context.principal = Principal(account.value, channel: api ? .api : .web)
                context.sessionFormToken = AccountService.formToken(forSession: secret)
            }
        }
        if context.principal == nil && !Self.isOpen(path) && !(state.settings.publicRead && request.method == .get) {
            if api || request.method != .get { throw UserError(.unauthorized, L10n.message(.accessSignInFirst)) }
            return Responses.redirect(
                "/login?back=" + (request.uri.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        return try await next(request, context)
    }

    /// Paths anyone may reach: signing in (the form, and a token for a script), static files, the
    /// language switch, the API document and the bare route of the benchmark.
    static func isOpen(_ path: String) -> Bool {
        path == "/login" || path == "/api/v1/tokens" || path.hasPrefix("/static/") || path.hasPrefix("/lang/")
            || path == "/api/v1/openapi.json" || path == "/hello"
    }
}
