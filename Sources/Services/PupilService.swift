public import Domain
public import Foundation
import Interchange
import Localization
import Store

/// Pupils by the village they live in: the demand of access reports where children live.
public struct PupilService: Sendable {
    let store: RegisterStore
    let principal: Principal

    /// Imports pupil counts (CSV/XLSX, GBK too), all or nothing; a count already stored for the
    /// same village, year, stage and grade is replaced. Returns (inserted, updated).
    @discardableResult
    public func importPupils(from url: URL, sheet: String? = nil, year: Int? = nil, dryRun: Bool = false) throws -> (
        inserted: Int, updated: Int
    ) {
        let register = try store.read { try $0.register() }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try PupilTableReader(register: register, year: year).read(source)
        let areas = Set(rows.compactMap { row in register.division(id: row.count.divisionID).flatMap(AssetService.townshipID(register)) })
        let body = { (writer: RegisterWriter) throws -> (Int, Int) in
            let importID = try writer.beginImport(
                kind: "pupils", fileName: source.fileName, format: try source.describeFormat(), actor: principal.auditName)
            var inserted = 0
            for row in rows where try writer.savePupilCount(row.count, importID: importID) { inserted += 1 }
            try writer.finishImport(importID, rowsRead: rows.count, inserted: inserted, updated: rows.count - inserted, note: nil)
            return (inserted, rows.count - inserted)
        }
        let need = WriteNeed.data(.education, areas: areas)
        return dryRun ? try store.rehearse(by: principal, need, body) : try store.write(by: principal, need, body)
    }

    /// Each village's pupils of a stage in the latest year any village reports for it (grades
    /// summed), and that year; nil when no count of the stage is stored.
    func latest(_ level: SchoolLevel) throws -> (year: Int, pupils: [Division.ID: Int])? {
        let counts = try store.read { try $0.pupilCounts() }.filter { $0.level == level }
        guard let year = counts.map(\.year).max() else { return nil }
        var pupils: [Division.ID: Int] = [:]
        for c in counts where c.year == year { pupils[c.divisionID, default: 0] += c.pupils }
        return (year, pupils)
    }
}
