import Foundation
import Hummingbird
import Localization
import Services

/// The scenario pages: run (in the background, with progress), show, compare.
enum ScenarioRoutes {
    static func registerPages(on router: Router<AppRequestContext>, _ state: AppState) {
        @Sendable func index(
            _ request: Request, _ context: AppRequestContext, message: HTMLNode?, entered: FormFields,
            status: HTTPResponse.Status = .ok
        ) throws -> Response {
            let web = WebContext(request, context, state)
            let service = state.workspace.scenarios
            let ids = ScenarioRequest.comparedReferences(request.uri.queryParameters.getAll("compare"))
            let body = ScenariosPage.index(
                try service.list(), schools: try service.planningSchools(), compare: ids.isEmpty ? [] : try service.find(ids),
                message: message, entered: entered, web)
            return Responses.html(Layout.document(web, title: web.t(.navScenarios), body), web, status: status)
        }
        router.get("/scenarios") { request, context in
            let web = WebContext(request, context, state)
            let ids = ScenarioRequest.comparedReferences(request.uri.queryParameters.getAll("compare"))
            return try await Responses.cachedHTML(request, state, web, variant: ids) { web in
                let service = state.workspace.scenarios
                let body = ScenariosPage.index(
                    try service.list(), schools: try service.planningSchools(), compare: ids.isEmpty ? [] : try service.find(ids),
                    message: nil, web)
                return Layout.document(web, title: web.t(.navScenarios), body)
            }
        }
        router.post("/scenarios") { request, context in
            let web = WebContext(request, context, state)
            let form = try await PageRoutes.form(request, context, state)
            let principal = try context.writer()
            do {
                try state.workspace.scenarios.authorize(principal)
                let (model, level, _) = try ScenarioRequest.words(model: form["model"], level: form["level"], capacity: nil)
                let scenario = ScenarioRequest(
                    name: form["name"] ?? "", model: model, level: level, schoolsToKeep: try number(form, "p", Int.init),
                    radius: try number(form, "radius", Double.init), keep: form.all("keep"),
                    maxWalk: try number(form, "maxWalk", Double.init))
                if try state.workspace.scenarios.list().contains(where: { $0.name == scenario.name.trimmingCharacters(in: .whitespaces) }) {
                    throw UserError(.conflict, L10n.message(.planNameTaken, scenario.name))
                }
                let id = try await state.jobs.start(
                    scenario, workspace: state.workspace, by: principal, language: web.language, entered: form)
                return Responses.redirect("/scenarios/jobs/\(id)")
            } catch let error as UserError {
                return try index(
                    request, context, message: el("p", [("class", "errors")], text: web.t(error.message)), entered: form,
                    status: HTTPErrors.status(error.kind))
            }
        }
        router.get("/scenarios/jobs/:id") { request, context in
            let web = WebContext(request, context, state)
            guard let job = await state.jobs.job(try context.parameters.require("id")) else {
                throw UserError(.notFound, L10n.message(.webJobUnknown))
            }
            if job.state == .done, let redirect = job.redirect { return Responses.redirect(redirect) }
            if job.state == .failed {
                // Not a dead end: the form again, filled in as it was sent, under the reason.
                return try index(
                    request, context, message: el("p", [("class", "errors")], text: job.message), entered: job.entered,
                    status: .unprocessableContent)
            }
            let body = ScenariosPage.progress(job.id, web)
            return Responses.html(Layout.document(web, title: web.t(.navScenarios), body), web)
        }
        router.post("/scenarios/:id/rename") { request, context in
            let web = WebContext(request, context, state)
            let form = try await PageRoutes.form(request, context, state)
            let id = try context.parameters.require("id")
            do {
                try state.workspace.scenarios.rename(id, to: form["name"] ?? "", by: try context.writer())
                return Responses.redirect("/scenarios/\(id)")
            } catch let error as UserError where error.kind != .notFound {
                // The page again, with what was typed and why it was refused.
                let scenario = try state.workspace.scenarios.find([id])[0]
                let body = ScenariosPage.detail(
                    scenario, map: try state.workspace.overview.map(), adoption: try state.workspace.adoptions().adoption(of: id),
                    message: el("p", [("class", "errors")], text: web.t(error.message)),
                    entered: form, web)
                return Responses.html(
                    Layout.document(web, title: scenario.name, dataTitle: true, body), web, status: HTTPErrors.status(error.kind))
            }
        }
        // Adopting a scenario, or reverting its adoption; a refusal shows the page again with the reason.
        for action in ["adopt", "revert"] {
            router.post("/scenarios/:id/\(action)") { request, context in
                let web = WebContext(request, context, state)
                let form = try await PageRoutes.form(request, context, state)
                let id = try context.parameters.require("id")
                let service = state.workspace.adoptions(by: try context.writer())
                do {
                    if action == "adopt" { try service.adopt(id) } else { try service.revert(id, force: form["force"] == "on") }
                    return Responses.redirect("/scenarios/\(id)#adoption")
                } catch let error as UserError where error.kind != .notFound {
                    let scenario = try state.workspace.scenarios.find([id])[0]
                    let body = ScenariosPage.detail(
                        scenario, map: try state.workspace.overview.map(), adoption: try state.workspace.adoptions().adoption(of: id),
                        message: el("p", [("class", "errors")], text: web.t(error.message)), web)
                    return Responses.html(
                        Layout.document(web, title: scenario.name, dataTitle: true, body), web, status: HTTPErrors.status(error.kind))
                }
            }
        }
        router.post("/scenarios/:id/delete") { request, context in
            _ = try await PageRoutes.form(request, context, state)
            try state.workspace.scenarios.delete(try context.parameters.require("id"), by: try context.writer())
            return Responses.redirect("/scenarios")
        }
        // A scenario as a file: a row per school and the scenario's notes.
        for format in ExportFormat.allCases {
            router.get("/scenarios/:id/table.\(format.rawValue)") { request, context in
                let web = WebContext(request, context, state)
                let scenario = try state.workspace.scenarios.find([try context.parameters.require("id")])[0]
                let table = TableExport.scenarioTable(scenario, web.language)
                return try Responses.export(table, format, gbk: request.uri.queryParameters["encoding"] == "gbk", web)
            }
        }
        router.get("/scenarios/:id") { request, context in
            let web = WebContext(request, context, state)
            let id = try context.parameters.require("id")
            return try await Responses.cachedHTML(request, state, web) { web in
                let scenario = try state.workspace.scenarios.find([id])[0]
                let adoption = try state.workspace.adoptions().adoption(of: id)
                return Layout.document(
                    web, title: scenario.name, dataTitle: true,
                    ScenariosPage.detail(scenario, map: try state.workspace.overview.map(), adoption: adoption, web))
            }
        }
    }

    /// A number field of the form: nil when blank, `invalid` naming the field when not a number.
    static func number<T>(_ form: FormFields, _ name: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = form.text(name) else { return nil }
        guard let value = parse(text) else { throw UserError(.invalid, L10n.message(.badNumberField, name, text)) }
        return value
    }
}
