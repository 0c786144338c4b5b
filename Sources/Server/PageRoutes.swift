import Domain
import Foundation
import Hummingbird
import Interchange
import Localization
import Monitoring
import Services
import Store

/// The HTML pages and their form posts.
enum PageRoutes {
    static func register(on router: Router<BasicRequestContext>, _ state: AppState) {
        let statics = StaticFiles()
        router.get("/static/:name") { _, context in
            try statics.response(try context.parameters.require("name"))
        }
        router.get("/lang/:code") { request, context in
            let code = try context.parameters.require("code")
            guard let language = Language(code: code) else { throw Problem.notFound(code) }
            var response = Responses.redirect(request.uri.queryParameters.get("back") ?? "/")
            response.setCookie(Cookie(name: Security.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .lax))
            return response
        }
        router.get("/") { request, _ in
            let web = WebContext(request)
            return try await Responses.cachedHTML(request, state, web) {
                Layout.document(web, title: web.t(.navOverview), OverviewPage.content(try Loaders.overview(state.store), web))
            }
        }
        router.get("/map") { request, _ in
            let web = WebContext(request)
            return try await Responses.cachedHTML(request, state, web) {
                Layout.document(web, title: web.t(.navMap), MapPage.content(try Loaders.map(state.store), web))
            }
        }
        router.get("/schools") { request, _ in
            let web = WebContext(request)
            return try await Responses.cachedHTML(request, state, web) {
                let report = try DiagnosticsService(store: state.store).schoolDiagnostics()
                return Layout.document(web, title: web.t(.navSchools), SchoolsPage.list(report, web))
            }
        }
        router.get("/schools/:id") { request, context in
            let web = WebContext(request)
            let id = try context.parameters.require("id", as: Int64.self)
            return try await page(web) {
                let report = try DiagnosticsService(store: state.store).schoolDiagnostics()
                guard let d = report.schools.first(where: { $0.school.id == id }) else { throw Problem.notFound(web.t(.labelSchool)) }
                let (register, audit) = try state.store.read { r in
                    (try r.register(), try r.auditLog(table: "schools", limit: 10_000).filter { $0.rowKey == String(id) })
                }
                return Layout.document(web, title: d.school.name, SchoolsPage.detail(d, register: register, audit: audit, web))
            }
        }
        registerMonitoring(on: router, state)
        registerImport(on: router, state)
        ScenarioRoutes.registerPages(on: router, state)
    }

    /// Runs a page body; a `Problem` becomes an HTML error page with its status.
    static func page(_ web: WebContext, _ build: () async throws -> String) async throws -> Response {
        do {
            return Responses.html(try await build(), web)
        } catch let problem as Problem {
            let body = Layout.document(web, title: "\(problem.status.code)", [el("p", [("class", "errors")], text: web.t(problem.message))])
            return Responses.html(body, web, status: problem.status)
        }
    }

    /// A form body, size-limited, with its CSRF token checked.
    static func form(_ request: Request, _ state: AppState) async throws -> [String: String] {
        let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
        let form = URLEncodedForm.parse(String(decoding: data, as: UTF8.self))
        try Security.verifyForm(form, request)
        return form
    }

    static func registerMonitoring(on router: Router<BasicRequestContext>, _ state: AppState) {
        @Sendable func indicatorsPage(_ web: WebContext, message: HTMLNode?, status: HTTPResponse.Status = .ok) throws -> Response {
            let statuses = try MonitoringService(store: state.store).statuses(now: Loaders.now)
            let (indicators, register) = try state.store.read { (try $0.indicators(), try $0.register()) }
            let body = IndicatorsPage.content(statuses, indicators: indicators, areas: Loaders.areaNames(register), message: message, web)
            return Responses.html(Layout.document(web, title: web.t(.navIndicators), body), web, status: status)
        }
        router.get("/indicators") { request, _ in try indicatorsPage(WebContext(request), message: nil) }
        router.post("/indicators/record") { request, _ in
            let web = WebContext(request)
            let form = try await form(request, state)
            do {
                let (register, indicators) = try state.store.read { (try $0.register(), try $0.indicators()) }
                let o = try ObservationTableReader(register: register, indicators: indicators).single(
                    code: form["code"] ?? "", area: form["area"] ?? "", period: form["period"] ?? "", value: form["value"] ?? "",
                    source: (form["source"] ?? "").isEmpty ? "web" : form["source"], note: nil)
                let outcome = try MonitoringService(store: state.store).record([o], actor: "web", file: "web")
                state.didWrite()
                let warnings = outcome.warnings.map { el("li", [("class", "warning")], text: web.t($0.message)) }
                return try indicatorsPage(web, message: el("div", [], [el("p", [("class", "ok")], text: web.t(.uiRecorded))] + [el("ul", [], warnings)]))
            } catch let rejected as ImportRejected {
                let items = rejected.issues.map { el("li", text: web.t($0.message)) }
                return try indicatorsPage(web, message: el("ul", [("class", "errors")], items), status: .unprocessableContent)
            }
        }
        @Sendable func tasksPage(_ web: WebContext, message: HTMLNode?, status: HTTPResponse.Status = .ok) throws -> Response {
            let tasks = try state.store.read { try $0.tasks() }
            return Responses.html(
                Layout.document(web, title: web.t(.navTasks), TasksPage.content(tasks, now: Loaders.now, message: message, web)), web,
                status: status)
        }
        router.get("/tasks") { request, _ in try tasksPage(WebContext(request), message: nil) }
        router.post("/tasks/:code") { request, context in
            let web = WebContext(request)
            let form = try await form(request, state)
            let code = try context.parameters.require("code")
            do {
                let percent = (form["percent"] ?? "").isEmpty ? nil : Double(form["percent"]!)
                if percent == nil && !(form["percent"] ?? "").isEmpty {
                    throw UserError.rejected([ImportIssue(file: "—", message: L10n.message(.badPercent, form["percent"]!))])
                }
                let change = TaskChange(
                    status: form["status"].flatMap(TaskStatus.init(text:)), percentComplete: percent,
                    evidence: (form["evidence"] ?? "").isEmpty ? nil : form["evidence"])
                let task = try MonitoringService(store: state.store).updateTask(code: code, change, actor: "web")
                state.didWrite()
                return try tasksPage(web, message: el("p", [("class", "ok")], text: web.t(.uiTaskSaved, task.code)))
            } catch let rejected as ImportRejected {
                return try tasksPage(web, message: el("ul", [("class", "errors")], rejected.issues.map { el("li", text: web.t($0.message)) }), status: .unprocessableContent)
            }
        }
    }

    static func registerImport(on router: Router<BasicRequestContext>, _ state: AppState) {
        router.get("/import") { request, _ in
            let web = WebContext(request)
            return Responses.html(Layout.document(web, title: web.t(.navImport), ImportPage.form(web, maxBytes: state.settings.maxUploadBytes)), web)
        }
        router.post("/import") { request, _ in
            let web = WebContext(request)
            return try await page(web) {
                let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
                guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: data) else {
                    throw Problem(.badRequest, L10n.message(.uiUploadMalformed))
                }
                try Security.verifyForm(form.fields, request)
                guard let file = form.files.first(where: { $0.fieldName == "file" }), !file.data.isEmpty else {
                    throw Problem(.badRequest, L10n.message(.fileEmpty))
                }
                let kind = ImportKind(rawValue: form.fields["kind"] ?? "") ?? .schools
                let sheet = (form.fields["sheet"] ?? "").isEmpty ? nil : form.fields["sheet"]
                let item = try await state.imports.stage(kind: kind, fileName: file.fileName, sheet: sheet, data: file.data, store: state.store)
                return Layout.document(web, title: web.t(.uiImportCheck), ImportPage.preview(item, web))
            }
        }
        router.post("/import/:token/commit") { request, context in
            let web = WebContext(request)
            _ = try await form(request, state)
            let token = try context.parameters.require("token")
            return try await page(web) {
                do {
                    guard let item = try await state.imports.commit(token, store: state.store, actor: "web") else {
                        throw Problem.notFound(web.t(.uiImportCheck))
                    }
                    state.didWrite()
                    return Layout.document(web, title: web.t(.uiImportDone), [
                        el("p", [("class", "ok")], text: web.t(.uiImportCommitted, item.fileName, item.rowsRead ?? 0)),
                        el("p", [], [el("a", [("href", "/")], text: web.t(.navOverview))]),
                    ])
                } catch let rejected as ImportRejected {
                    return Layout.document(web, title: web.t(.uiImportCheck), [
                        el("ul", [("class", "errors")], rejected.issues.map { el("li", text: $0.description) })
                    ])
                }
            }
        }
        router.post("/import/:token/cancel") { request, context in
            _ = try await form(request, state)
            await state.imports.cancel(try context.parameters.require("token"))
            return Responses.redirect("/import")
        }
    }
}

/// Reading request bodies under the upload limit.
enum Upload {
    static func body(_ request: Request, limit: Int) async throws -> Data {
        let tooLarge = Problem(
            .contentTooLarge,
            Localized(zh: "上传内容超过 \(limit / 1024 / 1024) MB 上限", en: "the upload exceeds the \(limit / 1024 / 1024) MB limit"))
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch {
            throw tooLarge
        }
    }
}
