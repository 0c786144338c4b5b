public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Localization
import Logging
import NIOSSL
public import Services

/// The web server: HTML pages and the JSON API over one workspace.
public enum ChengxiangServer {
    /// The router with every page and API route.
    public static func router(workspace: Workspace, settings: ServerSettings = ServerSettings()) -> Router<AppRequestContext> {
        router(AppState(workspace: workspace, settings: settings))
    }

    static func router(_ state: AppState) -> Router<AppRequestContext> {
        let settings = state.settings
        var logger = Logger(label: "chengxiang")
        logger.logLevel = .warning
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(state: state, logger: logger))
        router.add(middleware: HostCheckMiddleware(accepted: settings.acceptedHosts))
        router.add(middleware: AuthMiddleware(state: state))
        // A bare route measured beside the real pages in the benchmark.
        router.get("/hello") { _, _ in "hello" }
        SignInRoutes.register(on: router, state)
        PageRoutes.register(on: router, state)
        for route in APIRoutes.all() {
            let handler = route.handler
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try await handler(request, context, state)
            }
        }
        return router
    }

    /// Serves until interrupted (Ctrl-C or SIGTERM), then removes the uploads still held.
    /// `onRunning` receives the bound port.
    public static func run(
        workspace: Workspace, settings: ServerSettings, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let state = AppState(workspace: workspace, settings: settings)
        do {
            try await application(state, onRunning: onRunning).runService()
        } catch {
            await state.imports.removeAll()
            throw error
        }
        await state.imports.removeAll()
    }

    /// The application, listening where the settings say. `onRunning` receives the bound port.
    public static func application(
        workspace: Workspace, settings: ServerSettings, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try application(AppState(workspace: workspace, settings: settings), onRunning: onRunning)
    }

    /// `eventLoops`: where connections are served (tests give one server loops of its own).
    static func application(
        _ state: AppState, eventLoops: EventLoopGroupProvider = .singleton, onRunning: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        let settings = state.settings
        var logger = Logger(label: "chengxiang")
        logger.logLevel = .warning
        let http = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .milliseconds(Int64(settings.idleTimeout / .milliseconds(1)))))
        return Application(
            router: router(state),
            server: try settings.tls.map { try .tls(http, tlsConfiguration: tlsConfiguration($0)) } ?? http,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "chengxiang"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
            eventLoopGroupProvider: eventLoops, logger: logger)
    }
}

extension ChengxiangServer {
    /// The server's TLS configuration from PEM files; a file that is missing or not a certificate
    /// (key) is the user's error, named.
    static func tlsConfiguration(_ files: (certificate: String, key: String)) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
        } catch {
            throw UserError(.invalid, L10n.message(.tlsBadCertificate, files.certificate))
        }
        do {
            key = try NIOSSLPrivateKey(file: files.key, format: .pem)
        } catch {
            throw UserError(.invalid, L10n.message(.tlsBadKey, files.key))
        }
        guard !chain.isEmpty else { throw UserError(.invalid, L10n.message(.tlsBadCertificate, files.certificate)) }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}

/// Refuses a request addressed to a host this server does not answer for (DNS rebinding: a page
/// on another site whose name now points at this machine). A request without a Host header (not
/// HTTP/1.1) is let through: a browser always sends one.
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accepted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let host = request.head.authority, !accepted.contains(ServerSettings.hostName(host)) {
            throw UserError(.forbidden, L10n.message(.webUnknownHost, ServerSettings.hostName(host)))
        }
        return try await next(request, context)
    }
}

/// Headers every response carries: no framing by other sites, no type sniffing, scripts only
/// from this server.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
        return response
    }
}
