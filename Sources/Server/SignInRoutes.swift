import Domain
import Foundation
import Hummingbird
import Localization
import Services

/// `/login` and `/logout`: the sign-in form, opening a session, and ending it.
///
/// The session cookie is `HttpOnly; SameSite=Strict` (and `Secure` when the settings say the
/// server is reached over HTTPS); signing in also issues a new CSRF token, so a token planted
/// before sign-in is worth nothing after it.
enum SignInRoutes {
    static func register(on router: Router<AppRequestContext>, _ state: AppState) {
        router.get("/login") { request, context in
            let web = WebContext(request, context, state)
            return Responses.html(page(web, back: request.uri.queryParameters.get("back"), message: nil), web)
        }
        router.post("/login") { request, context in
            let web = WebContext(request, context, state)
            let form = try await PageRoutes.form(request, context, state)
            let back = Security.localPath(form["back"])
            do {
                let (name, password, policy) = (form["name"] ?? "", form["password"] ?? "", state.settings.sessionPolicy)
                let (secret, _) = try await SlowWork.run {
                    try state.workspace.accounts.signIn(name: name, password: password, policy: policy)
                }
                var response = Responses.redirect(back == "/login" ? "/" : back)
                response.setCookie(sessionCookie(secret, state.settings))
                response.setCookie(Security.csrfCookie(Security.newToken()))
                return response
            } catch let error as UserError {
                return Responses.html(
                    page(web, back: back, name: form["name"], message: PageRoutes.refusal(error, web)), web,
                    status: HTTPErrors.status(error.kind))
            }
        }
        router.post("/logout") { request, context in
            _ = try await PageRoutes.form(request, context, state)
            if let secret = request.cookies[AuthMiddleware.sessionCookie]?.value { try state.workspace.accounts.signOut(secret) }
            var response = Responses.redirect("/login")
            var cleared = sessionCookie("", state.settings)
            cleared = Cookie(
                name: cleared.name, value: "", maxAge: 0, path: "/", secure: cleared.secure, httpOnly: true, sameSite: .strict)
            response.setCookie(cleared)
            return response
        }
    }

    static func sessionCookie(_ secret: String, _ settings: ServerSettings) -> Cookie {
        Cookie(
            name: AuthMiddleware.sessionCookie, value: secret, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The sign-in form; after a refusal it keeps the name typed (never the password).
    static func page(_ web: WebContext, back: String?, name: String? = nil, message: HTMLNode?) -> String {
        let form = el(
            "form", [("class", "signin"), ("method", "post"), ("action", "/login")],
            [
                Layout.csrfField(web),
                el("input", [("type", "hidden"), ("name", "back"), ("value", Security.localPath(back))]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiUserName)),
                        el(
                            "input",
                            [("name", "name"), ("autocomplete", "username"), ("required", "required"), ("autofocus", "autofocus")]
                                + (name.map { [("value", $0)] } ?? [])),
                    ]),
                el(
                    "label", [],
                    [
                        .text(web.t(.uiPassword)),
                        el(
                            "input",
                            [("name", "password"), ("type", "password"), ("autocomplete", "current-password"), ("required", "required")]),
                    ]),
                el("button", [("type", "submit")], text: web.t(.uiSignIn)),
            ])
        return Layout.document(
            web, title: web.t(.uiSignIn), [message ?? .group([]), form, el("p", [("class", "muted")], text: web.t(.uiSignInNote))])
    }
}
