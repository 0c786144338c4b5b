import Foundation
import Localization
import Services

/// Scenarios being solved in the background for the web page, with their progress.
actor ScenarioJobs {
    /// One job's state, as the page polls it.
    struct Job: Sendable, Encodable {
        enum State: String, Sendable, Encodable {
            case running, done, failed
        }

        var id: String
        var state: State
        var message: String
        var redirect: String?
        /// The form the job was started from, to show it again (filled in) when the job fails.
        var entered = FormFields()

        enum CodingKeys: String, CodingKey {
            case id, state, message, redirect
        }
    }

    private var jobs: [String: Job] = [:]
    /// Ids in the order the jobs started, to forget the oldest finished ones.
    private var order: [String] = []
    /// Solves running for the API, which answers with the scenario itself.
    private var solvingForAPI = 0
    /// Scenarios solved at once, by the pages and the API together (the machine has two cores), and
    /// finished jobs remembered for their pages. Each solve runs on a thread of its own.
    static let running = 2
    static let remembered = 100

    /// `unavailable` (503, try again) while `running` scenarios are being solved.
    private func admit() throws {
        if jobs.values.filter({ $0.state == .running }).count + solvingForAPI >= Self.running {
            throw UserError(.unavailable, L10n.message(.webSolverBusy))
        }
    }

    /// Solves now for the API (the answer is the scenario), within the same limit as the pages' jobs.
    func solveNow(_ request: ScenarioRequest, workspace: Workspace, by principal: Principal) async throws -> Scenario {
        try admit()
        solvingForAPI += 1
        defer { solvingForAPI -= 1 }
        return try await SlowWork.onOwnThread { try workspace.scenarios.run(request, by: principal) }
    }

    /// Starts solving; returns the job id at once; `unavailable` (503) when `running` solves run.
    func start(
        _ request: ScenarioRequest, workspace: Workspace, by principal: Principal, language: Language, entered: FormFields = FormFields()
    ) throws -> String {
        try admit()
        let finished = order.filter { jobs[$0]?.state != .running }
        for old in finished.prefix(max(0, finished.count - Self.remembered)) {
            jobs[old] = nil
            order.removeAll { $0 == old }
        }
        let id = Security.newToken()
        order.append(id)
        jobs[id] = Job(id: id, state: .running, message: L10n.text(.uiSolving, language), redirect: nil, entered: entered)
        Task.detached {
            do {
                let scenario = try await SlowWork.onOwnThread {
                    try workspace.scenarios.run(request, by: principal) { iteration, best, bound in
                        let text =
                            L10n.text(.webSolvingIteration, language, iteration)
                            + (best.map { L10n.text(.webSolvingBest, language, Format.fixed($0, digits: 2)) } ?? "")
                            + (bound.map { L10n.text(.webSolvingBound, language, Format.fixed($0, digits: 2)) } ?? "")
                        Task { await self.update(id, message: text) }
                    }
                }
                await self.finish(id, scenario: scenario.id, language: language)
            } catch let error as UserError {
                await self.fail(id, message: error.message.text(language))
            } catch {
                await self.fail(id, message: L10n.text(.webInternal, language))
            }
        }
        return id
    }

    func job(_ id: String) -> Job? { jobs[id] }

    private func update(_ id: String, message: String) {
        guard jobs[id]?.state == .running else { return }
        jobs[id]?.message = message
    }

    private func finish(_ id: String, scenario: Scenario.ID, language: Language) {
        jobs[id] = Job(id: id, state: .done, message: L10n.text(.webDone, language), redirect: "/scenarios/\(scenario)")
    }

    private func fail(_ id: String, message: String) {
        jobs[id]?.state = .failed
        jobs[id]?.message = message
    }
}
