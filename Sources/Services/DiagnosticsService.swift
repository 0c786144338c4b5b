public import Analysis
public import Domain
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
    public var township: Division
    public var rollup: SchoolRollup
    /// Whether the township reported its schools; nil when no import has mentioned it.
    public var reportStatus: ReportStatus?
}

/// Diagnoses every stored school against the stored norms.
public struct DiagnosticsService: Sendable {
    public let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    public func schoolDiagnostics() throws -> SchoolDiagnosticsReport {
        let (register, schools, norms, reports) = try store.read { reader in
            (try reader.register(), try reader.schools(), try reader.norms(), try reader.townshipReports(topic: "schools"))
        }
        let book = NormBook(norms)
        let engine = SchoolDiagnostics(norms: book)
        var diagnoses: [SchoolDiagnosis] = []
        var byTownship: [Int64: [SchoolDiagnosis]] = [:]
        for school in schools {
            guard let own = register.division(id: school.townshipID) else { continue }
            let unit = register.currentUnit(for: own) ?? own
            let d = engine.diagnose(school, townshipName: unit.name, townshipIsHistorical: unit.status == .historical)
            diagnoses.append(d)
            byTownship[unit.id!, default: []].append(d)
        }
        var statusByUnit: [Int64: ReportStatus] = [:]
        for report in reports {
            guard let own = register.division(id: report.townshipID) else { continue }
            let unit = register.currentUnit(for: own) ?? own
            // A unit counts as reported if it or any predecessor reported.
            if statusByUnit[unit.id!] != .reported { statusByUnit[unit.id!] = report.status }
        }
        let units = register.townships.filter { $0.status == .current || byTownship[$0.id!] != nil }
        let summaries = units.map { unit in
            TownshipSchoolSummary(
                township: unit, rollup: SchoolRollup(byTownship[unit.id!] ?? []), reportStatus: statusByUnit[unit.id!])
        }
        let order = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id!, $0) })
        diagnoses.sort { a, b in
            let ta = register.currentUnit(for: register.division(id: a.school.townshipID)!)?.id ?? a.school.townshipID
            let tb = register.currentUnit(for: register.division(id: b.school.townshipID)!)?.id ?? b.school.townshipID
            return (order[ta] ?? .max, a.school.id ?? 0) < (order[tb] ?? .max, b.school.id ?? 0)
        }
        return SchoolDiagnosticsReport(schools: diagnoses, townships: summaries, county: SchoolRollup(diagnoses), norms: book)
    }
}
