import Analysis
import Domain
import Foundation
import Geo
import Hummingbird
import Localization
import Monitoring
import Services

/// The HTML pages and their form posts. Each page asks the workspace for what it shows; a form
/// post calls the same service method as the API and the CLI.
enum PageRoutes {
    static func register(on router: Router<AppRequestContext>, _ state: AppState) {
        let statics = StaticFiles()
        router.get("/static/:name") { _, context in
            try statics.response(try context.parameters.require("name"))
        }
        router.get("/lang/:code") { request, context in
            let code = try context.parameters.require("code")
            guard let language = Language(code: code) else { throw UserError(.notFound, L10n.message(.webUnknownLanguage, code)) }
            var response = Responses.redirect(request.uri.queryParameters.get("back") ?? "/")
            response.setCookie(
                Cookie(name: Security.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .lax))
            return response
        }
        router.get("/") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(
                    web, title: web.t(.navOverview), OverviewPage.content(try state.workspace.overview.overview(now: state.now), web))
            }
        }
        router.get("/map") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(web, title: web.t(.navMap), MapPage.content(try state.workspace.overview.map(), web))
            }
        }
        router.get("/schools") { request, context in
            let web = WebContext(request, context, state)
            let query = request.uri.queryParameters
            let report = try state.workspace.diagnostics.schoolDiagnostics()
            let choice = SchoolsPage.Choice(report, page: query.get("page"), township: query.get("township"))
            return try await Responses.cachedHTML(request, state, web, variant: choice.variant) { web in
                Layout.document(web, title: web.t(.navSchools), SchoolsPage.list(report, choice, web))
            }
        }
        // The school table as a file: CSV (UTF-8, or GBK with ?encoding=gbk) or XLSX.
        for format in ExportFormat.allCases {
            router.get("/schools.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let table = TableExport.schoolTable(try state.workspace.diagnostics.schoolDiagnostics().schools, web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
        }
        // The other tables of the pages as files, in the page's language.
        for format in ExportFormat.allCases {
            router.get("/indicators.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let table = TableExport.indicatorTable(try state.workspace.monitoring.statuses(now: state.now), web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
            router.get("/tasks.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let table = TableExport.taskTable(try state.workspace.monitoring.tasks(), now: state.now, web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
            router.get("/completeness.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let table = TableExport.completenessTable(try state.workspace.completeness.rows(), web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
        }
        router.get("/schools/:id") { request, context in
            let web = WebContext(request, context, state)
            let id = try APIRoutes.schoolID(context)
            let d = try state.workspace.diagnostics.school(id)
            return try await Responses.cachedHTML(request, state, web) { web in
                let body = SchoolsPage.detail(
                    d, register: try state.workspace.register.divisionRegister(), history: try state.workspace.register.history(of: id), web
                )
                return Layout.document(web, title: d.school.name, dataTitle: true, body)
            }
        }
        router.post("/schools/:id") { request, context in
            let web = WebContext(request, context, state)
            let id = try APIRoutes.schoolID(context)
            let form = try await form(request, context, state)
            do {
                let fields = Dictionary(
                    ["students", "staff", "classes", "landMu", "dataYear", "note"].map { ($0, form[$0] ?? "") },
                    uniquingKeysWith: { a, _ in a })
                try state.workspace.register.editSchool(id, fields, by: try context.writer())
                return Responses.redirect("/schools/\(id.rawValue)")
            } catch let error as UserError where error.kind == .rejected || error.kind == .invalid {
                // The page again, with what was typed and every refused field.
                let d = try state.workspace.diagnostics.school(id)
                let reasons = error.issues.isEmpty ? [error.message] : error.issues.map(\.message)
                let message = el("ul", [("class", "errors")], reasons.map { el("li", text: web.t($0)) })
                let body = SchoolsPage.detail(
                    d, register: try state.workspace.register.divisionRegister(), history: try state.workspace.register.history(of: id),
                    message: message, entered: form, web)
                return Responses.html(
                    Layout.document(web, title: d.school.name, dataTitle: true, body), web, status: HTTPErrors.status(error.kind))
            }
        }
        registerMonitoring(on: router, state)
        registerImport(on: router, state)
        ScenarioRoutes.registerPages(on: router, state)
        VillageRoutes.registerPages(on: router, state)
        AccessRoutes.registerPages(on: router, state)
    }

    /// The largest ordinary (not upload) form body accepted.
    static let formLimit = 64 << 10

    /// A form body, size-limited, with its CSRF token checked (the cookie before the body is read).
    static func form(_ request: Request, _ context: AppRequestContext, _ state: AppState) async throws -> FormFields {
        try Security.requireFormCookie(request, context)
        let data = try await Upload.body(request, limit: min(state.settings.maxUploadBytes, formLimit))
        let form = URLEncodedForm.parse(String(decoding: data, as: UTF8.self))
        try Security.verifyForm(form, request, context)
        return form
    }

    /// The message block a form page shows after a refused post: the reason and every issue.
    static func refusal(_ error: UserError, _ web: WebContext) -> HTMLNode {
        let items = error.issues.isEmpty ? [el("li", text: web.t(error.message))] : error.issues.map { el("li", text: web.t($0.message)) }
        return el("ul", [("class", "errors")], items)
    }

    static func registerMonitoring(on router: Router<AppRequestContext>, _ state: AppState) {
        @Sendable func indicatorsPage(
            _ web: WebContext, message: HTMLNode?, entered: FormFields = FormFields(), status: HTTPResponse.Status = .ok
        ) throws -> Response {
            let monitoring = state.workspace.monitoring
            let body = IndicatorsPage.content(
                try monitoring.statuses(now: state.now), indicators: try monitoring.indicators(),
                areas: areaNames(try state.workspace.register.divisionRegister(), for: web.principal), message: message,
                entered: entered, web)
            return Responses.html(Layout.document(web, title: web.t(.navIndicators), body), web, status: status)
        }
        router.get("/indicators") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                let monitoring = state.workspace.monitoring
                let body = IndicatorsPage.content(
                    try monitoring.statuses(now: state.now), indicators: try monitoring.indicators(),
                    areas: areaNames(try state.workspace.register.divisionRegister(), for: web.principal), message: nil, web)
                return Layout.document(web, title: web.t(.navIndicators), body)
            }
        }
        router.post("/indicators/record") { request, context in
            let web = WebContext(request, context, state)
            let form = try await form(request, context, state)
            do {
                let entry = ObservationEntry(
                    code: form["code"] ?? "", area: form["area"] ?? "", period: form["period"] ?? "", value: form["value"] ?? "",
                    source: form.text("source") ?? "web")
                let outcome = try state.workspace.monitoring.record([entry], by: try context.writer())
                let warnings = outcome.warnings.map { el("li", [("class", "warning")], text: web.t($0.message)) }
                // Saying so when a value replaced one recorded before: the audit log keeps both.
                let replaced = outcome.replacements.map { r in
                    el(
                        "li",
                        text: web.t(
                            .uiReplacedValue, r.observation.period.description, Format.number(r.previous, digits: 4),
                            Format.number(r.observation.value, digits: 4)))
                }
                return try indicatorsPage(
                    web,
                    message: el(
                        "div", [], [el("p", [("class", "ok")], text: web.t(.uiRecorded)), el("ul", [], replaced + warnings)]))
            } catch let error as UserError {
                return try indicatorsPage(web, message: refusal(error, web), entered: form, status: HTTPErrors.status(error.kind))
            }
        }
        @Sendable func tasksPage(
            _ web: WebContext, message: HTMLNode?, at code: String? = nil, entered: FormFields? = nil, status: HTTPResponse.Status = .ok
        ) throws -> Response {
            let body = TasksPage.content(
                try state.workspace.monitoring.tasks(), now: state.now, message: message, at: code, entered: entered, web)
            return Responses.html(Layout.document(web, title: web.t(.navTasks), body), web, status: status)
        }
        // Empty tables to fill in, one per kind of import, with the header the importer reads.
        for kind in ImportKind.allCases {
            for format in ExportFormat.allCases {
                router.get("/templates/\(kind.rawValue).\(format.rawValue)") { request, context in
                    let web = WebContext(request, context, state)
                    return try Responses.export(kind.template(web.language), format, gbk: false, web)
                }
            }
        }
        // The monitoring report (Excel, printable HTML, PDF), as `chengxiang report` writes it.
        for format in ReportFormat.allCases {
            router.get("/report.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let now = state.now
                let bytes = try await SlowWork.run {
                    try state.workspace.reports.bytes(format, now: now, asOf: ReportService.todayLabel(), language: web.language)
                }
                guard format != .html else {
                    // The printable page opens in the browser, to read or print.
                    return Response(
                        status: .ok, headers: [.contentType: format.mediaType, .cacheControl: "private, no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
                }
                return Responses.download(bytes, name: web.t(.uiReportFileName), format: format.rawValue, type: format.mediaType)
            }
        }
        router.get("/layers") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                Layout.document(web, title: web.t(.navLayers), LayersPage.layers(try state.workspace.layers().layers(), web))
            }
        }
        // A layer as a file: GeoJSON, Shapefile (zipped) or GeoPackage, in its source file's system
        // or in the one `?crs=EPSG:N` names.
        for format in LayerExportFormat.allCases {
            router.get("/layers/:id/layer.\(format.download.fileExtension)") { request, context in
                let text = try context.parameters.require("id")
                guard let id = Int64(text) else { throw UserError(.notFound, L10n.message(.webBadID, text)) }
                let crs = try request.uri.queryParameters.get("crs").map { text in
                    guard let crs = ChinaCRS(text: text) else { throw UserError(.invalid, L10n.message(.badCRSOption, text)) }
                    return crs
                }
                let file = try state.workspace.layers().download(id: id, format: format, crs: crs)
                return Responses.download(file.bytes, name: file.name, format: file.fileExtension, type: file.mediaType)
            }
        }
        router.get("/conflicts") { request, context in
            let web = WebContext(request, context, state)
            return try await Responses.cachedHTML(request, state, web) { web in
                let service = state.workspace.conflicts()
                return Layout.document(
                    web, title: web.t(.navConflicts), LayersPage.conflicts(try service.check(), try service.rules(), web))
            }
        }
        // A rule's minimum area, severity and switch, from the form beside it.
        router.post("/conflicts/rules/:id") { request, context in
            let web = WebContext(request, context, state)
            let form = try await form(request, context, state)
            let text = try context.parameters.require("id")
            guard let id = Int64(text) else { throw UserError(.notFound, L10n.message(.webBadID, text)) }
            let message: HTMLNode
            var status = HTTPResponse.Status.ok
            do {
                let area = try form["min_area"].map { text -> Double in
                    guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) else {
                        throw UserError(.invalid, L10n.message(.conflictBadArea, text))
                    }
                    return value
                }
                try state.workspace.conflicts(by: try context.writer()).setRule(
                    id, minimumArea: area, severity: try form["severity"].map(ConflictSeverity.init(parsing:)),
                    enabled: form["enabled"] == "on")
                message = el("p", [("class", "ok")], text: web.t(.conflictRuleSet, id))
            } catch let error as UserError {
                message = el("div", [], [el("p", [("class", "errors")], text: web.t(.uiRuleNotSaved, id)), refusal(error, web)])
                status = HTTPErrors.status(error.kind)
            }
            let service = state.workspace.conflicts()
            return Responses.html(
                Layout.document(
                    web, title: web.t(.navConflicts), LayersPage.conflicts(try service.check(), try service.rules(), message: message, web)),
                web, status: status)
        }
        // The patches as a table (XLSX, CSV) or as a GIS layer (GeoJSON, zipped Shapefile).
        for format in ExportFormat.allCases {
            router.get("/conflicts.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let table = TableExport.conflictTable(try state.workspace.conflicts().check(), web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
        }
        for format in [ConflictExportFormat.geojson, .shp] {
            router.get("/conflicts.\(format == .shp ? "zip" : "geojson")") { request, context in
                let web = WebContext(request, context, state)
                let service = state.workspace.conflicts()
                let file = try service.download(try service.check(), format: format, language: web.language)
                return Responses.download(file.bytes, name: file.name, format: file.fileExtension, type: file.mediaType)
            }
        }
        // Not cached: the query is free text.
        router.get("/search") { request, context in
            let web = WebContext(request, context, state)
            let query = String(
                (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces).prefix(SearchPage.maxQuery))
            let hits = try state.workspace.search.search(query)
            return Responses.html(Layout.document(web, title: web.t(.navSearch), SearchPage.content(query, hits, web)), web)
        }
        router.get("/tasks") { request, context in
            let web = WebContext(request, context, state)
            let query = request.uri.queryParameters
            let filter = TasksPage.Filter(status: query.get("status"), bureau: query.get("bureau"), pastDeadline: query.get("past"))
            return try await Responses.cachedHTML(request, state, web, variant: filter.variant) { web in
                Layout.document(
                    web, title: web.t(.navTasks),
                    TasksPage.content(try state.workspace.monitoring.tasks(), now: state.now, filter: filter, message: nil, web))
            }
        }
        router.post("/tasks/:code") { request, context in
            let web = WebContext(request, context, state)
            let form = try await form(request, context, state)
            let code = try context.parameters.require("code")
            do {
                let update = try TaskUpdate.parse(
                    status: form["status"], percent: form["percent"], evidence: form["evidence"], deadline: form["deadline"],
                    owner: form["owner"])
                let task = try state.workspace.monitoring.updateTask(code: code, update, by: try context.writer())
                return try tasksPage(web, message: el("p", [("class", "ok")], text: web.t(.uiTaskSaved, task.code)), at: task.code)
            } catch let error as UserError {
                // The refusal names the task and stands beside its card, where the form was.
                let message = el("div", [], [el("p", [("class", "errors")], text: web.t(.uiTaskNotSaved, code)), refusal(error, web)])
                return try tasksPage(web, message: message, at: code, entered: form, status: HTTPErrors.status(error.kind))
            }
        }
    }

    /// Areas a form may choose: the county and the current townships (a township editor: its own).
    static func areaNames(_ register: DivisionRegister, for principal: Principal?) -> [IndicatorsPage.Area] {
        if let townshipID = principal?.townshipID, let township = register.division(id: townshipID) {
            return [.init(name: township.name, tier: township.kind.tier)]
        }
        return ([register.county].compactMap { $0 } + register.townships.filter { $0.status == .current }).map {
            .init(name: $0.name, tier: $0.kind.tier)
        }
    }

    static func registerImport(on router: Router<AppRequestContext>, _ state: AppState) {
        router.get("/import") { request, context in
            let web = WebContext(request, context, state)
            return Responses.html(
                Layout.document(web, title: web.t(.navImport), ImportPage.form(web, maxBytes: state.settings.maxUploadBytes)), web)
        }
        router.post("/import") { request, context in
            let web = WebContext(request, context, state)
            try Security.requireFormCookie(request, context)
            let principal = try context.writer()
            try principal.requireSomeWrite()
            let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
            guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: data) else {
                throw UserError(.malformed, L10n.message(.uiUploadMalformed))
            }
            try Security.verifyForm(form.fields, request, context)
            guard let file = form.files.first(where: { $0.fieldName == "file" }), !file.data.isEmpty else {
                throw UserError(.invalid, L10n.message(.fileEmpty))
            }
            let kind = ImportKind(rawValue: form.fields["kind"] ?? "") ?? .schools
            let defaults = try ImportDefaults(year: form.fields["year"], source: form.fields["source"])
            let item = try await state.imports.stage(
                kind: kind, fileName: file.fileName, sheet: form.fields.text("sheet"), defaults: defaults, data: file.data,
                workspace: state.workspace, by: principal)
            return Responses.html(Layout.document(web, title: web.t(.uiImportCheck), ImportPage.preview(item, web)), web)
        }
        router.post("/import/:token/commit") { request, context in
            _ = try await form(request, context, state)
            let item = try await state.imports.commit(
                try context.parameters.require("token"), workspace: state.workspace, by: try context.writer())
            // Post, then redirect, then get: a reload shows the result again instead of posting twice.
            return Responses.redirect("/import/\(item.token)")
        }
        router.get("/import/:token") { request, context in
            let web = WebContext(request, context, state)
            guard let item = await state.imports.committedItem(try context.parameters.require("token"), by: try context.writer()) else {
                throw UserError(.notFound, L10n.message(.webImportExpired))
            }
            return Responses.html(
                Layout.document(
                    web, title: web.t(.uiImportDone),
                    [
                        el("p", [("class", "ok")], text: web.t(.uiImportCommitted, item.check.fileName, item.check.rowsRead ?? 0)),
                        el(
                            "p", [],
                            [
                                el("a", [("href", "/import")], text: web.t(.navImport)), .text(" · "),
                                el("a", [("href", "/")], text: web.t(.navOverview)),
                            ]),
                    ]), web)
        }
        router.post("/import/:token/cancel") { request, context in
            _ = try await form(request, context, state)
            await state.imports.cancel(try context.parameters.require("token"), by: try context.writer())
            return Responses.redirect("/import")
        }
    }
}

/// Reading request bodies under the upload limit.
enum Upload {
    static func body(_ request: Request, limit: Int) async throws -> Data {
        let tooLarge =
            limit >= 1 << 20
            ? UserError(.tooLarge, L10n.message(.webTooLarge, limit >> 20))
            : UserError(.tooLarge, L10n.message(.webTooLargeKB, limit >> 10))
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch {
            throw tooLarge
        }
    }
}
