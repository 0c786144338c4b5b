public import Hummingbird
import Logging
public import Services

/// The web server: HTML pages and the JSON API over one workspace.
public enum ChengxiangServer {
    /// The router with every page and API route.
    public static func router(workspace: Workspace, settings: ServerSettings = ServerSettings()) -> Router<BasicRequestContext> {
        let state = AppState(workspace: workspace, settings: settings)
        var logger = Logger(label: "chengxiang")
        logger.logLevel = .warning
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(state: state, logger: logger))
        // A bare route measured beside the real pages in the benchmark.
        router.get("/hello") { _, _ in "hello" }
        PageRoutes.register(on: router, state)
        for route in APIRoutes.all() {
            let handler = route.handler
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try await handler(request, context, state)
            }
        }
        return router
    }

    /// The application, listening where the settings say. `onRunning` receives the bound port.
    public static func application(
        workspace: Workspace, settings: ServerSettings, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "chengxiang")
        logger.logLevel = .warning
        return Application(
            router: router(workspace: workspace, settings: settings),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "chengxiang"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }
}

/// Headers every response carries: no framing by other sites, no type sniffing, scripts only
/// from this server.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
        return response
    }
}
