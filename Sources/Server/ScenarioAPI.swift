/// `/api/v1/scenarios`: consolidation scenarios (filled in with the location-allocation engine).
enum ScenarioAPI {
    static func routes() -> [APIRoute] { [] }
}
