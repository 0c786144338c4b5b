import Foundation
import Hummingbird
import Localization

/// Anti-CSRF protection and safe redirects.
///
/// A signed-in user's forms carry the session's form token, an HMAC of the session secret
/// (`AccountService.formToken`): bound to the session, it cannot be planted. Before sign-in (the
/// sign-in form itself) a form carries a token that must equal the `cx_csrf` cookie (double
/// submit; the cookie is `SameSite=Strict`, so another site can neither read nor send it). API
/// calls that change state with a session must either carry the token in `X-CSRF-Token` or use a
/// content type a cross-site form cannot send (JSON, octet-stream), which a browser only sends
/// after a CORS preflight this server never grants; calls with a Bearer token need neither.
enum Security {
    static let csrfCookie = "cx_csrf"
    static let languageCookie = "cx_lang"

    /// A fresh random token (128 bits, hex).
    static func newToken() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// The cookie that carries a CSRF token.
    static func csrfCookie(_ token: String) -> Cookie {
        Cookie(name: csrfCookie, value: token, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The token a form of this request must carry: the session's, or the double-submit cookie.
    static func expectedToken(_ request: Request, _ context: AppRequestContext) -> String? {
        context.sessionFormToken ?? request.cookies[csrfCookie]?.value.nilIfEmpty
    }

    /// Checks a submitted form's token.
    static func verifyForm(_ form: FormFields, _ request: Request, _ context: AppRequestContext) throws {
        guard let expected = expectedToken(request, context), form["csrf"] == expected else {
            throw UserError(.forbidden, L10n.message(.webStaleForm))
        }
    }

    /// Refuses a form post that carries neither a session nor a CSRF cookie before its body is
    /// read, so a cross-site upload costs this server nothing to parse.
    static func requireFormCookie(_ request: Request, _ context: AppRequestContext) throws {
        if expectedToken(request, context) == nil { throw UserError(.forbidden, L10n.message(.webStaleForm)) }
    }

    /// Checks a state-changing API request (see the type's comment). A request signed with an
    /// API token needs no more: a browser never adds an `Authorization` header by itself.
    static func verifyAPI(_ request: Request, _ context: AppRequestContext) throws {
        if context.byToken { return }
        if let token = request.headers[.init("X-CSRF-Token")!], let expected = expectedToken(request, context), token == expected {
            return
        }
        let type = (request.headers[.contentType] ?? "").lowercased()
        let simple =
            type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data")
            || type.hasPrefix("text/plain")
        if simple && request.method != .delete {
            throw UserError(.forbidden, L10n.message(.webNeedsJSON))
        }
    }

    /// A local path to go back to, or "/" when the given one could lead off-site. Browsers drop
    /// tabs and newlines and read a backslash as a slash, so `/\t/evil.example` is `//evil.example`:
    /// a path with any control character, space or backslash, or starting `//`, is refused.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("://"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" })
        else { return "/" }
        return path
    }
}

extension String {
    /// Nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
