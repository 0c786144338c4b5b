public import Analysis
public import Domain
import Localization
public import Store

/// The schools' diagnosis with township and county roll-ups.
public struct SchoolDiagnosticsReport: Sendable {
    public var schools: [SchoolDiagnosis]
    public var townships: [TownshipSchoolSummary]
    public var county: SchoolRollup
    public var norms: NormBook
}

/// One township's line in the roll-up.
public struct TownshipSchoolSummary: Sendable {
    /// The current unit (or a historical one with no known successor, like 会立乡).
    public var township: Stored<Division>
    public var rollup: SchoolRollup
    /// Whether the township reported its schools; nil when no import has mentioned it.
    public var reportStatus: ReportStatus?
}

/// Diagnoses every stored school against the stored norms.
public struct DiagnosticsService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    public func schoolDiagnostics() throws -> SchoolDiagnosticsReport {
        try store.derived("schoolDiagnostics") {
            let (register, schools, norms, reports, closures) = try store.read { reader in
                (
                    try reader.register(), try reader.schools(), try reader.norms(), try reader.townshipReports(topic: "schools"),
                    try reader.schoolDecisions()
                )
            }
            let book = NormBook(norms)
            let engine = SchoolDiagnostics(norms: book)
            var diagnoses: [(SchoolDiagnosis, Division.ID)] = []
            var byTownship: [Division.ID: [SchoolDiagnosis]] = [:]
            for school in schools {
                guard let own = register.division(id: school.townshipID) else { continue }
                let unit = register.currentUnit(for: own) ?? own
                let inferred = register.reachesCurrentUnitByInference(own) ? own.name : nil
                var d = engine.diagnose(
                    school, townshipName: unit.name, townshipIsHistorical: unit.status == .historical, inferredFrom: inferred)
                d.plannedClosure = closures[school.id].map { PlannedClosure(scenarioID: $0.scenario, wholeSchool: $0.wholeSchool) }
                diagnoses.append((d, unit.id))
                byTownship[unit.id, default: []].append(d)
            }
            var statusByUnit: [Division.ID: ReportStatus] = [:]
            for report in reports {
                guard let own = register.division(id: report.townshipID) else { continue }
                let unit = register.currentUnit(for: own) ?? own
                // A unit counts as reported if it or any predecessor reported.
                if statusByUnit[unit.id] != .reported { statusByUnit[unit.id] = report.status }
            }
            let units = register.townships.filter { $0.status == .current || byTownship[$0.id] != nil }
            let summaries = units.map { unit in
                TownshipSchoolSummary(township: unit, rollup: SchoolRollup(byTownship[unit.id] ?? []), reportStatus: statusByUnit[unit.id])
            }
            let order = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id, $0) })
            let sorted = diagnoses.sorted { a, b in (order[a.1] ?? .max, a.0.school.id) < (order[b.1] ?? .max, b.0.school.id) }.map(\.0)
            return SchoolDiagnosticsReport(schools: sorted, townships: summaries, county: SchoolRollup(sorted), norms: book)
        }
    }

    /// One school's diagnosis, or `notFound`.
    public func school(_ id: School.ID) throws -> SchoolDiagnosis {
        guard let d = try schoolDiagnostics().schools.first(where: { $0.school.id == id }) else {
            throw UserError(.notFound, L10n.message(.unknownSchool, id))
        }
        return d
    }
}
