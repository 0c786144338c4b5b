import Domain
import Foundation
import Hummingbird
import Localization
import Records
import Services

/// The access and health pages, their downloads, and their API.
enum AccessRoutes {
    /// The service a path or query names; `notFound` naming the choices otherwise.
    static func service(_ text: String?) throws -> AccessServiceKind {
        guard let text, !text.isEmpty else { return .primary }
        guard let kind = AccessServiceKind(rawValue: text) else {
            throw UserError(
                .notFound, L10n.message(.accessUnknownService, text, AccessServiceKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return kind
    }

    static func registerPages(on router: Router<AppRequestContext>, _ state: AppState) {
        router.get("/access") { _, _ in Responses.redirect("/access/primary") }
        // One static route per service (a parameter would lose to the downloads' static segments).
        for kind in AccessServiceKind.allCases {
            router.get("/access/\(kind.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                return try await Responses.cachedHTML(request, state, web) { web in
                    Layout.document(
                        web, title: web.t(.accessTitle),
                        AccessPage.access(try state.workspace.access.report(kind), map: try state.workspace.overview.map(), web))
                }
            }
        }
        router.get("/health") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(
                    web, title: web.t(.healthTitle),
                    AccessPage.health(try state.workspace.health().status(), map: try state.workspace.overview.map(), web))
            }
        }
        // The same tables as the pages, as downloads (XLSX, CSV, CSV in GBK).
        var tables: [(path: String, table: @Sendable (Language) throws -> ExportTable)] = [
            ("/health/facilities", { HealthService.facilityTable(try state.workspace.health().facilities(), $0) })
        ]
        for kind in AccessServiceKind.allCases {
            tables.append(("/access/\(kind.rawValue)/townships", { AccessService.tables(try state.workspace.access.report(kind), $0)[0] }))
            tables.append(("/access/\(kind.rawValue)/villages", { AccessService.tables(try state.workspace.access.report(kind), $0)[1] }))
        }
        for (path, table) in tables {
            for format in ExportFormat.allCases {
                router.get("\(path).\(format.rawValue)") { request, context in
                    let web = WebContext(request, context, state)
                    return try Responses.export(try table(web.language), format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
                }
            }
        }
    }

    static func api() -> [APIRoute] {
        let service = APIRoute.Parameter(name: "service", location: .query, description: .apiParamService, required: false)
        return [
            APIRoute(
                method: .get, path: "/api/v1/access", summary: .apiAccess, tag: "access", parameters: [service],
                responseSchema: "AccessReport"
            ) { request, _, state in
                let kind = try AccessRoutes.service(request.uri.queryParameters["service"].map(String.init))
                return try await Responses.cachedJSON(request, state) {
                    try Records.json(AccessRecord(try state.workspace.access.report(kind)))
                }
            },
            APIRoute(method: .get, path: "/api/v1/health", summary: .apiHealth, tag: "access", responseSchema: "HealthStatus") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(HealthStatusRecord(try state.workspace.health().status()))
                }
            },
            APIRoute(method: .get, path: "/api/v1/roads", summary: .apiRoads, tag: "access", responseSchema: "RoadNetwork") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    let roads = state.workspace.roads()
                    return try Records.json(
                        RoadNetworkRecord(network: try roads.network(), summary: try roads.summary(), classes: try roads.classes()))
                }
            },
        ]
    }
}
