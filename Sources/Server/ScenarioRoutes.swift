import Foundation
import Hummingbird
import Localization
import Planning
import Services

/// The scenario pages: run (in the background, with progress), show, compare.
enum ScenarioRoutes {
    static func registerPages(on router: Router<BasicRequestContext>, _ state: AppState) {
        @Sendable func index(_ request: Request, message: HTMLNode?, status: HTTPResponse.Status = .ok) throws -> Response {
            let web = WebContext(request)
            let service = ScenarioService(store: state.store)
            let all = try service.list()
            let ids = request.uri.queryParameters.getAll("compare").flatMap { $0.split(separator: ",").map(String.init) }
            let compare = ids.isEmpty ? [] : try service.find(ids)
            let schools = try service.planningSchools().map(\.school.name)
            let body = ScenariosPage.index(all, schools: schools, compare: compare, message: message, web)
            return Responses.html(Layout.document(web, title: web.t(.navScenarios), body), web, status: status)
        }
        router.get("/scenarios") { request, _ in
            do {
                return try index(request, message: nil)
            } catch let error as PlanningError {
                return try index(request, message: el("p", [("class", "errors")], text: WebContext(request).t(error.message)), status: .notFound)
            }
        }
        router.post("/scenarios") { request, _ in
            let web = WebContext(request)
            let data = try await Upload.body(request, limit: state.settings.maxUploadBytes)
            let text = String(decoding: data, as: UTF8.self)
            let form = URLEncodedForm.parse(text)
            try Security.verifyForm(form, request)
            let keep = text.split(separator: "&").compactMap { pair -> String? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0] == "keep" else { return nil }
                return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let taken = try ScenarioService(store: state.store).list().contains { $0.name == name }
            if name.isEmpty || taken {
                let message = name.isEmpty ? L10n.message(.requiredCellBlank) : L10n.message(.planNameTaken, name)
                return try index(request, message: el("p", [("class", "errors")], text: web.t(message)), status: .unprocessableContent)
            }
            let options = ConsolidationOptions(
                model: PlanningModel(rawValue: form["model"] ?? "") ?? .pmedian, level: PlanningLevel(rawValue: form["level"] ?? "") ?? .primary,
                schoolsToKeep: form["p"].flatMap(Int.init), radius: form["radius"].flatMap(Double.init), mustStayOpen: keep,
                maxWalk: form["maxWalk"].flatMap(Double.init) ?? 2)
            let id = await state.jobs.start(name: name, options: options, store: state.store, language: web.language) { state.didWrite() }
            return Responses.redirect("/scenarios/jobs/\(id)")
        }
        router.get("/scenarios/jobs/:id") { request, context in
            let web = WebContext(request)
            let id = try context.parameters.require("id")
            guard let job = await state.jobs.job(id) else { throw Problem.notFound(web.t(.navScenarios)) }
            if job.state == "done", let redirect = job.redirect { return Responses.redirect(redirect) }
            let body = job.state == "failed" ? [el("p", [("class", "errors")], text: job.message)] : ScenariosPage.progress(id, web)
            return Responses.html(Layout.document(web, title: web.t(.navScenarios), body), web)
        }
        router.get("/scenarios/:id") { request, context in
            let web = WebContext(request)
            return try await PageRoutes.page(web) {
                let reference = try context.parameters.require("id")
                let scenario: Scenario
                do { scenario = try ScenarioService(store: state.store).find([reference])[0] } catch let error as PlanningError {
                    throw Problem(.notFound, error.message)
                }
                return Layout.document(web, title: scenario.name, ScenariosPage.detail(scenario, map: try Loaders.map(state.store), web))
            }
        }
    }
}
