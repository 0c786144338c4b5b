import Domain
public import Foundation
public import Geo
import Interchange
import Localization
import Store

extension ImportService {
    /// Imports divisions from CSV/XLSX (one row per division) or GeoJSON (one feature per
    /// division, points as positions, polygons as boundaries).
    ///
    /// Rows are matched to stored divisions by code, else by parent and name; a match is
    /// updated with the cells the file fills (blank cells keep stored values), others are
    /// inserted. Imported coordinates replace illustrative ones. Successor codes are set
    /// after every row is in, so a file may name a successor it also introduces.
    /// `crs`: the coordinate system of a GeoJSON that names none (`--crs EPSG:4546`).
    public func importDivisions(from url: URL, crs: ChinaCRS? = nil, dryRun: Bool = false) throws -> ImportSummary {
        let register = try store.read { try $0.register() }
        let reader = DivisionTableReader(register: register)
        let rows: [DivisionImportRow]
        let format: String
        let fileName = url.lastPathComponent
        if ["geojson", "json"].contains(url.pathExtension.lowercased()) {
            // A refusal of eastings with no system suggests the zone of the county's own longitude.
            let near = register.county?.location?.longitudeDegrees
            rows = try reader.read(features: GeoJSONReader.read(url, declared: crs, nearLongitude: near), file: fileName)
            format = "GeoJSON"
        } else {
            let source = try TableSources.open(url)
            rows = try reader.read(source)
            format = try source.describeFormat()
        }
        var summary = ImportSummary(
            fileName: fileName, format: format, rowsRead: rows.count, inserted: 0, updated: 0, unchanged: 0,
            townshipsNotReported: [], importID: nil)
        let ordered = rows.sorted { $0.kind.tier < $1.kind.tier }
        let write = { (writer: RegisterWriter) throws in
            let importID =
                dryRun ? nil : try writer.beginImport(kind: "divisions", fileName: fileName, format: format, actor: principal.auditName)
            var issues = IssueList(file: fileName)
            var known = try writer.reader.divisions()
            var position = Dictionary(known.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            var current = DivisionRegister(known)
            var tier = ordered.first?.kind.tier
            for row in ordered {
                // Rows are resolved against the register as it stood before their tier, plus the
                // renames made in it: a row's parent is of a higher tier, and rows of one tier
                // cannot name each other (the reader refuses duplicate codes and names), so the
                // lookup is rebuilt once per tier and after a name or code changes — not after
                // every row, which made a 20,000-village file quadratic.
                if row.kind.tier != tier {
                    current = DivisionRegister(known)
                    tier = row.kind.tier
                }
                do {
                    try writer.tolerating {
                        switch try Self.resolve(row, in: current) {
                        case .new(let division):
                            let id = try writer.insert(division)
                            position[id] = known.count
                            known.append(Stored(id: id, division))
                            summary.inserted += 1
                            if let boundary = row.boundary {
                                try writer.setBoundary(divisionID: id, geoJSON: GeoJSONWriter.geometry(boundary))
                            }
                        case .existing(let before, let division):
                            if before != division {
                                try writer.update(division)
                                if let index = position[division.id] { known[index] = division }
                                if before.name != division.name || before.code != division.code { current = DivisionRegister(known) }
                            }
                            if let boundary = row.boundary {
                                try writer.setBoundary(divisionID: division.id, geoJSON: GeoJSONWriter.geometry(boundary))
                            }
                            if before != division || row.boundary != nil { summary.updated += 1 } else { summary.unchanged += 1 }
                        }
                    }
                } catch let problem as DivisionResolutionProblem {
                    issues.append(ImportIssue(file: fileName, row: row.row, message: problem.message))
                } catch let error as UserError where error.kind == .rejected {
                    issues.append(ImportIssue(file: fileName, row: row.row, message: error.issues.first?.message ?? error.message))
                }
            }
            current = try writer.reader.register()
            for row in ordered {
                guard let successor = row.successorCode,
                    let code = row.code ?? current.divisions.first(where: { $0.name == row.name })?.code,
                    var division = current.division(code: code)
                else { continue }
                guard current.division(code: successor) != nil else {
                    issues.append(ImportIssue(file: fileName, row: row.row, message: L10n.message(.unknownParent, successor.rawValue)))
                    continue
                }
                division.successorCode = successor
                division.successorInferred = row.successorInferred
                division.status = .historical
                try writer.update(division)
                current = try writer.reader.register()
            }
            if !issues.isEmpty { throw UserError.rejected(issues) }
            if let importID {
                try writer.finishImport(importID, rowsRead: rows.count, inserted: summary.inserted, updated: summary.updated, note: nil)
                summary.importID = importID
            }
        }
        if dryRun {
            // Run the resolution in a transaction that is rolled back: the real register stays untouched.
            try store.rehearse(by: principal, Self.divisionsNeed, write)
        } else {
            try store.write(by: principal, Self.divisionsNeed, write)
        }
        return summary
    }

    /// The division register is the natural resources bureau's county-level data.
    static let divisionsNeed = WriteNeed.county(.naturalResources)

    struct DivisionResolutionProblem: Error {
        let message: Localized
    }

    /// What a row resolves to: a division to insert, or a stored one with the row's changes.
    enum Resolution {
        case new(Division)
        case existing(before: Stored<Division>, after: Stored<Division>)
    }

    /// The division to store for a row.
    static func resolve(_ row: DivisionImportRow, in register: DivisionRegister) throws -> Resolution {
        var parent: Stored<Division>?
        if let code = row.parentCode {
            parent = register.division(code: code)
        } else if let name = row.parentName {
            parent = register.townships(named: name).first
        }
        if row.kind.tier != .county, let p = parent, p.kind.tier.rawValue != row.kind.tier.rawValue - 1 {
            throw DivisionResolutionProblem(message: L10n.message(.unknownParent, p.name))
        }
        var existing: Stored<Division>?
        if let code = row.code {
            existing = register.division(code: code)
        }
        if existing == nil, let parentID = parent?.id {
            existing = register.children(of: parentID).first { $0.name == row.name }
            // The same name under the same parent with another code is another unit, not this one renumbered.
            if let found = existing, let code = row.code, let stored = found.code, stored != code {
                throw DivisionResolutionProblem(message: L10n.message(.divisionNameTaken, row.name, stored.rawValue))
            }
        }
        if row.kind == .county, let county = register.county, county.id != existing?.id {
            throw DivisionResolutionProblem(message: L10n.message(.secondCounty, county.name, row.name))
        }
        if let existing {
            // A unit's kind and parent change only through `divisions merge` / `divisions move`, audited as such.
            if existing.kind != row.kind {
                throw DivisionResolutionProblem(
                    message: L10n.message(
                        .divisionKindChange, zh: [existing.name, existing.kind.label.zh, row.kind.label.zh],
                        en: [existing.name, existing.kind.label.en, row.kind.label.en]))
            }
            if let parent, let before = existing.parentID, parent.id != before {
                throw DivisionResolutionProblem(message: L10n.message(.divisionParentChange, existing.name, parent.name))
            }
            if existing.status == .historical && row.status == .current && existing.successorCode != nil {
                throw DivisionResolutionProblem(message: L10n.message(.divisionRevive, existing.name))
            }
        }
        var division = existing?.value ?? Division(code: row.code, name: row.name, kind: row.kind, parentID: parent?.id)
        if existing == nil && row.kind.tier != .county && parent == nil {
            throw DivisionResolutionProblem(message: L10n.message(.unknownParent, row.parentCode?.rawValue ?? row.parentName ?? "—"))
        }
        division.name = row.name
        division.kind = row.kind
        if let parent { division.parentID = parent.id }
        if let code = row.code { division.code = code }
        division.urbanRuralClass = row.urbanRuralClass ?? division.urbanRuralClass
        division.population = row.population ?? division.population
        division.households = row.households ?? division.households
        if let location = row.location {
            division.location = location
            division.locationQuality = row.locationQuality ?? .unknown
            division.locationSource = row.source ?? division.source
        }
        if let status = row.status { division.status = status }
        division.validFrom = row.validFrom ?? division.validFrom
        division.validTo = row.validTo ?? division.validTo
        division.note = row.note ?? division.note
        if existing == nil || row.location == nil { division.source = row.source ?? division.source }
        guard let existing else { return .new(division) }
        return .existing(before: existing, after: Stored(id: existing.id, division))
    }
}
