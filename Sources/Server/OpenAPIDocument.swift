import Foundation
import Hummingbird
import Localization

/// The OpenAPI 3.1 description of `/api/v1/`, generated from the same route table the router is
/// built from (`APIRoutes.all()`).
enum OpenAPIDocument {
    static let data: [UInt8] = {
        let document = build(APIRoutes.all())
        let json = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](json ?? Data())
    }()

    static func build(_ routes: [APIRoute]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            var operation: [String: Any] = [
                "summary": L10n.message(route.summary).helpText, "tags": [route.tag],
                "operationId": route.method.rawValue.lowercased()
                    + route.path.replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(
                        of: ".", with: "_"),
            ]
            // Open to anyone (a token for a name and password, this document): no credential needed.
            if AuthMiddleware.isOpen(route.path) { operation["security"] = [[String: [String]]]() }
            if !route.parameters.isEmpty {
                operation["parameters"] = route.parameters.map { p in
                    [
                        "name": p.name, "in": p.location.rawValue, "required": p.required,
                        "description": L10n.message(p.description).helpText, "schema": ["type": p.type],
                    ]
                }
            }
            if let body = route.requestBody {
                operation["requestBody"] = [
                    "required": true,
                    "content": [
                        body: ["schema": body == "application/json" ? ["type": "object"] : ["type": "string", "contentMediaType": body]]
                    ],
                ]
            }
            var success: [String: Any] = ["description": L10n.message(.apiSuccess).helpText]
            if let schema = route.responseSchema {
                success["content"] = ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]
            }
            var responses: [String: Any] = [String(route.successStatus): success]
            let problem: [String: Any] = [
                "description": L10n.message(.apiProblem).helpText,
                "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
            ]
            if route.method != .get || !route.parameters.isEmpty { responses["4XX"] = problem }
            operation["responses"] = responses
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": L10n.message(.apiTitle).helpText, "version": "1.0.0",
                "description": L10n.message(.apiDescription).helpText,
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": schemas(),
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer", "description": L10n.message(.apiBearer).helpText],
                    "session": ["type": "apiKey", "in": "cookie", "name": "cx_session"],
                ],
            ],
            "security": [["bearer": [String]()], ["session": [String]()]],
        ]
    }

    static func schemas() -> [String: Any] {
        func object(_ properties: [String: String], required: [String] = []) -> [String: Any] {
            var o: [String: Any] = [
                "type": "object",
                "properties": properties.mapValues { type -> [String: Any] in
                    type.hasPrefix("[")
                        ? ["type": "array", "items": ["type": String(type.dropFirst().dropLast())]]
                        : ["type": type.split(separator: "|").map(String.init)]
                },
            ]
            if !required.isEmpty { o["required"] = required }
            return o
        }
        let school = object(
            [
                "id": "integer", "name": "string", "township": "string", "level": "string", "levelCode": "string",
                "students": "integer|null", "staff": "integer|null", "landMu": "number|null", "classes": "integer|null",
                "dataYear": "integer|null", "source": "string|null", "studentsPerStaff": "number|null", "staffNorm": "number|null",
                "staffNormBasis": "string|null", "staffNeeded": "number|null", "staffSurplus": "number|null",
                "landPerStudentM2": "number|null", "studentsPerClass": "number|null", "flags": "[string]",
                "wastesResources": "boolean", "reasons": "[string]", "reasonsEn": "[string]", "plannedClosureScenario": "integer|null",
                "plannedClosureWhole": "boolean|null",
            ], required: ["name", "township", "level", "flags", "reasons"])
        let status = object(
            [
                "code": "string", "name": "string", "nameEn": "string", "unit": "string", "area": "string", "areaID": "integer",
                "latest": "object|null", "undatedValue": "number|null", "target": "object|null", "expected": "number|null",
                "expectedAtLatest": "number|null", "status": "string", "reason": "string", "reasonEn": "string",
                "notes": "[string]", "notesEn": "[string]",
            ], required: ["code", "name", "area", "latest", "undatedValue", "target", "expected", "status", "reason", "notes"])
        let task = object([
            "code": "string", "name": "string", "ownerUnit": "string|null", "start": "string|null", "deadline": "string|null",
            "deadlineAssumed": "boolean", "status": "string", "percentComplete": "number|null", "evidence": "string|null",
            "indicators": "[string]", "deadlineState": "string", "overdue": "boolean", "source": "string",
        ])
        let division = object([
            "id": "integer", "code": "string|null", "name": "string", "kind": "string", "parentID": "integer|null", "status": "string",
            "successorCode": "string|null", "successorInferred": "boolean", "longitude": "number|null", "latitude": "number|null",
            "locationQuality": "string", "locationSource": "string|null", "population": "integer|null", "households": "integer|null",
            "urbanRuralClass": "integer|null", "note": "string|null",
        ])
        let user = object(
            ["name": "string", "role": "string", "bureau": "string|null", "township": "string|null", "disabled": "boolean"],
            required: ["name", "role", "bureau", "township", "disabled"])
        let layer = object(
            [
                "name": "string", "kind": "string", "kindName": "string", "sourceFile": "string", "sourceFormat": "string",
                "sourceCRS": "string", "workingCRS": "string", "encoding": "string|null", "features": "integer", "areaM2": "number",
                "areaMu": "number", "repaired": "integer", "illustrative": "boolean", "importedAt": "string", "importedBy": "string|null",
            ], required: ["name", "kind", "sourceCRS", "workingCRS", "features", "areaM2"])
        let patch = object(
            [
                "rule": "string", "ruleID": "integer", "severity": "string", "layerA": "string", "featureA": "integer",
                "labelA": "string|null", "layerB": "string|null", "featureB": "integer|null", "labelB": "string|null",
                "areaM2": "number", "areaMu": "number", "township": "string|null", "townshipBy": "string", "illustrative": "boolean",
            ], required: ["rule", "layerA", "featureA", "layerB", "featureB", "areaM2", "areaMu", "township"])
        func list(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }
        let village = object(
            [
                "code": "string|null", "name": "string", "township": "string", "type": "string", "typeCode": "string",
                "rule": "integer|null",
                "reasons": "[string]", "reasonsEn": "[string]", "population": "integer|null", "populationYear": "integer|null",
                "declinePercent": "number|null",
            ], required: ["code", "name", "township", "type", "reasons"])
        let villageRule = object(
            [
                "position": "integer", "condition": "string", "type": "string", "threshold": "number|null",
                "secondThreshold": "number|null",
                "enabled": "boolean", "statement": "string",
            ], required: ["position", "condition", "type", "enabled"])
        let merge = object(
            [
                "village": "string", "township": "string", "population": "integer|null", "declinePercent": "number|null",
                "target": "string",
                "targetPopulation": "integer|null", "straightKm": "number", "travelKm": "number", "travelBasis": "string",
            ], required: ["village", "target", "travelKm", "travelBasis"])
        let asset = object(
            [
                "id": "integer", "kind": "string", "kindCode": "string", "name": "string", "village": "string|null", "township": "string",
                "areaM2": "number|null", "areaMu": "number|null", "owner": "string|null", "status": "string", "statusCode": "string",
                "proposedUse": "string|null", "actualUse": "string|null", "date": "string|null", "evidence": "string|null",
                "source": "string", "schoolID": "integer|null",
            ], required: ["id", "kind", "name", "village", "township", "areaM2", "areaMu", "status", "source"])
        let park = object(
            [
                "name": "string", "township": "string", "kind": "string", "status": "string", "industries": "string|null",
                "boundaryLayer": "string|null", "boundaryFeature": "integer|null", "source": "string", "years": "[object]",
            ], required: ["name", "township", "kind", "status", "source", "years"])
        return [
            "Layer": layer, "LayerList": list(layer),
            "VillageList": list(village), "VillageRuleList": list(villageRule), "MergeCandidateList": list(merge),
            "AssetList": list(asset), "ParkList": list(park),
            "AccessReport": object(
                [
                    "service": "string", "serviceName": "string", "thresholdMinutes": "number", "thresholdSource": "string",
                    "thresholdIsAssumption": "boolean", "basis": "string", "illustrativeNetwork": "boolean", "townships": "[object]",
                    "county": "object", "gini": "number|null", "theil": "number|null", "theilBetween": "number|null",
                    "theilWithin": "number|null", "villages": "[object]", "notes": "[string]", "notesEn": "[string]",
                ], required: ["service", "thresholdMinutes", "basis", "townships", "county", "gini", "theil", "villages", "notes"]),
            "HealthStatus": object(
                [
                    "facilities": "[object]", "centers": "[object]", "villagesWithoutClinic": "[object]",
                    "townshipsWithoutCenter": "[string]",
                    "allianceTasks": "[object]",
                ], required: ["facilities", "centers", "villagesWithoutClinic", "townshipsWithoutCenter", "allianceTasks"]),
            "RoadNetwork": object(
                [
                    "stored": "boolean", "sourceFile": "string|null", "workingCRS": "integer|null", "illustrative": "boolean",
                    "importedAt": "string|null", "nodes": "integer|null", "edges": "integer|null", "pieces": "[integer]",
                    "classes": "[object]",
                ], required: ["stored", "illustrative", "pieces", "classes"]),
            "Zoning": object(
                [
                    "criteria": "[object]", "consistencyRatio": "number|null", "defaultWeights": "boolean", "breaks": "string",
                    "villages": "[object]", "unzoned": "[object]", "stabilityShareChanged": "number|null", "dropped": "[string]",
                    "notes": "[string]",
                ], required: ["criteria", "villages", "unzoned", "stabilityShareChanged", "dropped"]),
            "Adoption": object(
                [
                    "scenario": "integer", "scenarioName": "string", "adoptedAt": "string", "adoptedBy": "string",
                    "closedSchools": "[integer]", "assets": "[integer]", "tasks": "[string]", "indicators": "[object]", "notes": "[string]",
                ], required: ["scenario", "closedSchools", "assets", "tasks", "indicators"]),
            "ConflictReport": [
                "type": "object", "required": ["patches", "summary"],
                "properties": [
                    "patches": list(patch),
                    "summary": list(
                        object(
                            ["rule": "string", "ruleID": "integer", "township": "string|null", "patches": "integer", "areaM2": "number"],
                            required: ["rule", "township", "patches", "areaM2"])),
                    "skipped": list(object(["rule": "string", "ruleID": "integer", "reason": "string"])),
                    "workingCRS": ["type": ["string", "null"]],
                ],
            ],
            "Problem": object(
                [
                    "type": "string", "title": "string", "status": "integer", "kind": "string", "detail": "string",
                    "detailZh": "string", "detailEn": "string", "issues": "[object]",
                ],
                required: ["status", "kind", "detailZh", "detailEn"]),
            "SchoolDiagnosis": school, "SchoolList": list(school),
            "Diagnostics": object(["county": "object", "townships": "[object]", "schools": "[object]"]),
            "Completeness": list(
                object(["township": "string", "villages": "integer", "schoolsReport": "string", "inferredPredecessors": "[string]"])),
            "Division": division, "DivisionList": list(division),
            "IndicatorList": list(
                object([
                    "code": "string", "name": "string", "unit": "string", "targets": "[object]", "denominatorAssumed": "boolean",
                    "source": "string",
                ])),
            "IndicatorStatus": status, "IndicatorStatusList": list(status),
            "RecordOutcome": object(["inserted": "integer", "replaced": "integer", "warnings": "[object]"]),
            "Task": task, "TaskList": list(task),
            "ImportCheck": object(
                [
                    "token": "string", "kind": "string", "fileName": "string", "valid": "boolean", "rowsRead": "integer|null",
                    "notReported": "[string]", "issues": "[object]", "errorCount": "integer",
                ]),
            "Scenario": object(["id": "integer", "name": "string", "model": "string", "objective": "number", "provenOptimal": "boolean"]),
            "ScenarioList": list(object(["id": "integer", "name": "string"])),
            "ScenarioComparison": object(["scenarios": "[object]", "rows": "[object]"]),
            "Token": object(["token": "string"], required: ["token"]),
            "User": user, "UserList": list(user),
        ]
    }
}
