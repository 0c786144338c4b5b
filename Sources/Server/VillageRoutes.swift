import Domain
import Foundation
import Hummingbird
import Localization
import Records
import Services

/// The pages of villages, zoning, parks and idle assets, their forms and downloads, and their API.
enum VillageRoutes {
    static func registerPages(on router: Router<AppRequestContext>, _ state: AppState) {
        @Sendable func villagesPage(_ web: WebContext, message: HTMLNode? = nil) throws -> String {
            let service = state.workspace.villages()
            return Layout.document(
                web, title: web.t(.villagesTitle),
                VillagesPage.villages(
                    try service.classify(), merges: try service.mergeCandidates(), map: try state.workspace.overview.map(),
                    message: message, web))
        }
        router.get("/villages") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in try villagesPage(web) }
        }
        router.post("/villages/rules/:position") { request, context in
            let web = WebContext(request, context, state)
            let form = try await PageRoutes.form(request, context, state)
            let text = try context.parameters.require("position")
            guard let position = Int(text) else { throw UserError(.notFound, L10n.message(.webBadID, text)) }
            var status = HTTPResponse.Status.ok
            let message: HTMLNode
            do {
                func number(_ field: String) throws -> Double? {
                    guard let t = form[field]?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
                    guard let value = Double(t) else { throw UserError(.invalid, L10n.message(.badRuleThreshold, t)) }
                    return value
                }
                let rule = try state.workspace.villages(by: try context.writer()).setRule(
                    position: position, type: form["type"].flatMap(VillageType.init(rawValue:)), threshold: try number("threshold"),
                    secondThreshold: try number("second"), enabled: form["enabled"] == "on")
                message = el("p", [("class", "ok")], text: web.t(rule.statement))
            } catch let error as UserError {
                message = el(
                    "div", [], [el("p", [("class", "errors")], text: web.t(.uiRuleNotSaved, position)), PageRoutes.refusal(error, web)])
                status = HTTPErrors.status(error.kind)
            }
            return Responses.html(try villagesPage(web, message: message), web, status: status)
        }
        router.get("/zoning") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                let service = state.workspace.zoning()
                return Layout.document(
                    web, title: web.t(.zoningTitle),
                    VillagesPage.zoning(try service.run(), criteria: try service.criteria(), map: try state.workspace.overview.map(), web))
            }
        }
        router.post("/zoning/weights") { request, context in
            let form = try await PageRoutes.form(request, context, state)
            var weights: [ZoningCriterionKey: Double] = [:]
            for key in ZoningCriterionKey.allCases {
                guard let text = form[key.rawValue]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
                guard let value = Double(text) else { throw UserError(.invalid, L10n.message(.badWeights)) }
                weights[key] = value
            }
            try state.workspace.zoning(by: try context.writer()).setWeights(weights)
            return Responses.redirect("/zoning")
        }
        router.get("/parks") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(web, title: web.t(.parksTitle), VillagesPage.parks(try state.workspace.parks().parks(), web))
            }
        }
        router.get("/assets") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(
                    web, title: web.t(.assetsTitle),
                    VillagesPage.assets(try state.workspace.assets().assets(), map: try state.workspace.overview.map(), web))
            }
        }
        router.post("/assets/:id") { request, context in
            let web = WebContext(request, context, state)
            let form = try await PageRoutes.form(request, context, state)
            let text = try context.parameters.require("id")
            guard let id = Int64(text) else { throw UserError(.notFound, L10n.message(.webBadID, text)) }
            var status = HTTPResponse.Status.ok
            let message: HTMLNode
            do {
                let change = AssetChange(
                    status: try form["status"].map { text in
                        guard let s = AssetStatus(text: text) else { throw UserError(.invalid, L10n.message(.unknownAssetStatus, text)) }
                        return s
                    }, proposedUse: form["proposed_use"], actualUse: form["actual_use"], date: form["date"], evidence: form["evidence"])
                let asset = try state.workspace.assets(by: try context.writer()).update(IdleAsset.ID(id), change)
                message = el("p", [("class", "ok")], text: web.t(.assetUpdated, asset.id.rawValue, asset.name, web.t(asset.status.label)))
            } catch let error as UserError where error.kind != .notFound {
                message = PageRoutes.refusal(error, web)
                status = HTTPErrors.status(error.kind)
            }
            return Responses.html(
                Layout.document(
                    web, title: web.t(.assetsTitle),
                    VillagesPage.assets(
                        try state.workspace.assets().assets(), map: try state.workspace.overview.map(), message: message, web)),
                web, status: status)
        }
        // Each table as a download (XLSX, CSV, CSV in GBK), built by the same function as the page's.
        let tables: [(path: String, table: @Sendable (Language) throws -> ExportTable)] = [
            ("/villages", { TableExport.villageTable(try state.workspace.villages().classify(), $0) }),
            ("/villages/merge-candidates", { TableExport.mergeTable(try state.workspace.villages().mergeCandidates(), $0) }),
            ("/zoning", { TableExport.zoningTable(try state.workspace.zoning().run(), $0) }),
            ("/parks", { TableExport.parkTable(try state.workspace.parks().parks(), $0) }),
            ("/assets", { TableExport.assetTable(try state.workspace.assets().assets(), $0) }),
        ]
        for (path, table) in tables {
            for format in ExportFormat.allCases {
                router.get("\(path).\(format.rawValue)") { request, context in
                    let web = WebContext(request, context, state)
                    return try Responses.export(
                        try table(web.language), format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
                }
            }
        }
    }

    static func api() -> [APIRoute] {
        let scenario = APIRoute.Parameter(name: "id", location: .path, description: .apiParamScenario, required: true)
        return [
            APIRoute(method: .get, path: "/api/v1/villages", summary: .apiVillages, tag: "villages", responseSchema: "VillageList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.villages().classify().villages.map(VillageClassificationRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/villages/rules", summary: .apiVillageRules, tag: "villages", responseSchema: "VillageRuleList"
            ) {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.villages().rules().map(VillageRuleRecord.init))
                }
            },
            APIRoute(
                method: .get, path: "/api/v1/villages/merge-candidates", summary: .apiMergeCandidates, tag: "villages",
                responseSchema: "MergeCandidateList"
            ) { request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.villages().mergeCandidates().map(MergeCandidateRecord.init))
                }
            },
            APIRoute(method: .get, path: "/api/v1/zoning", summary: .apiZoning, tag: "villages", responseSchema: "Zoning") {
                request, _, state in
                try await Responses.cachedJSON(request, state) { try Records.json(ZoningRecord(try state.workspace.zoning().run())) }
            },
            APIRoute(method: .get, path: "/api/v1/parks", summary: .apiParks, tag: "villages", responseSchema: "ParkList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.parks().parks().map(ParkRecord.init))
                }
            },
            APIRoute(method: .get, path: "/api/v1/assets", summary: .apiAssets, tag: "villages", responseSchema: "AssetList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.assets().assets().map(AssetRecord.init))
                }
            },
            APIRoute(
                method: .post, path: "/api/v1/scenarios/{id}/adopt", summary: .apiAdopt, tag: "scenarios", parameters: [scenario],
                responseSchema: "Adoption", successStatus: 201
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let adoption = try state.workspace.adoptions(by: try context.writer()).adopt(try context.parameters.require("id"))
                return try Responses.json(AdoptionOutcomeRecord(adoption), status: .created)
            },
            APIRoute(
                method: .delete, path: "/api/v1/scenarios/{id}/adopt", summary: .apiRevertAdoption, tag: "scenarios",
                parameters: [scenario],
                responseSchema: nil, successStatus: 204
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                try state.workspace.adoptions(by: try context.writer()).revert(try context.parameters.require("id"))
                return Response(status: .noContent)
            },
        ]
    }
}
