import Foundation
import Localization
import Planning
import Services
import Store

/// Scenarios being solved in the background for the web page, with their progress.
actor ScenarioJobs {
    /// One job's state, as the page polls it.
    struct Job: Sendable, Encodable {
        var id: String
        var state: String  // running | done | failed
        var message: String
        var redirect: String?
    }

    private var jobs: [String: Job] = [:]

    /// Starts solving; returns the job id at once.
    func start(name: String, options: ConsolidationOptions, store: RegisterStore, language: Language, onDone: @escaping @Sendable () -> Void) -> String {
        let id = Security.newToken()
        jobs[id] = Job(id: id, state: "running", message: language == .zh ? "正在求解…" : "solving…", redirect: nil)
        Task.detached {
            do {
                let scenario = try ScenarioService(store: store).run(name: name, options: options, actor: "web") { iteration, best, bound in
                    let text = (language == .zh ? "求解中：第 \(iteration) 次迭代" : "solving: iteration \(iteration)")
                        + (best.map { language == .zh ? "，当前最优 \(Format.fixed($0, digits: 2))" : ", best \(Format.fixed($0, digits: 2))" } ?? "")
                        + (bound.map { language == .zh ? "，界 \(Format.fixed($0, digits: 2))" : ", bound \(Format.fixed($0, digits: 2))" } ?? "")
                    Task { await self.update(id, message: text) }
                }
                onDone()
                await self.finish(id, scenarioID: scenario.id, language: language)
            } catch let error as PlanningError {
                await self.fail(id, message: error.message.text(language))
            } catch {
                await self.fail(id, message: "\(error)")
            }
        }
        return id
    }

    func job(_ id: String) -> Job? { jobs[id] }

    private func update(_ id: String, message: String) {
        guard jobs[id]?.state == "running" else { return }
        jobs[id]?.message = message
    }

    private func finish(_ id: String, scenarioID: Int64, language: Language) {
        jobs[id] = Job(id: id, state: "done", message: language == .zh ? "完成" : "done", redirect: "/scenarios/\(scenarioID)")
    }

    private func fail(_ id: String, message: String) {
        jobs[id]?.state = "failed"
        jobs[id]?.message = message
    }
}
