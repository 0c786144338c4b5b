import Foundation
import Hummingbird
import Localization
import Records
import Services

/// `/api/v1/layers` and `/api/v1/conflicts`: the plan layers and the conflict check (多规合一).
enum LayerAPI {
    static func routes() -> [APIRoute] {
        [
            APIRoute(method: .get, path: "/api/v1/layers", summary: .apiLayers, tag: "layers", responseSchema: "LayerList") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(try state.workspace.layers().layers().map(LayerRecord.init))
                }
            },
            APIRoute(method: .get, path: "/api/v1/conflicts", summary: .apiConflicts, tag: "layers", responseSchema: "ConflictReport") {
                request, _, state in
                try await Responses.cachedJSON(request, state) {
                    try Records.json(ConflictReportRecord(try state.workspace.conflicts().check()))
                }
            },
        ]
    }
}
