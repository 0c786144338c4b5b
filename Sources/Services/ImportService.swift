import Domain
public import Foundation
public import Interchange
public import Store

/// What an import did.
public struct ImportSummary: Sendable {
    public var fileName: String
    /// How the file was read: encoding and delimiter, or the sheet.
    public var format: String
    public var rowsRead: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    /// Townships the file lists with no rows: recorded as "no data reported".
    public var townshipsNotReported: [String]
    /// The import-log id; nil for a dry run.
    public var importID: Int64?
}

/// Imports files into the register: validate everything first, then write all of it in one
/// transaction, or nothing.
public struct ImportService: Sendable {
    public let store: RegisterStore
    /// Who is importing, for the import and audit logs.
    public let actor: String

    public init(store: RegisterStore, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Imports a school table (CSV or XLSX). With `dryRun` only validates.
    ///
    /// The file is read twice, streaming: once to validate every row, then, only when no
    /// error was found, inside one transaction to write. A school already stored under the
    /// same township and name is updated (and the change audited); others are inserted.
    public func importSchools(
        from url: URL, sheet: String? = nil, defaults: SchoolImportDefaults = SchoolImportDefaults(), dryRun: Bool = false
    ) throws -> ImportSummary {
        let source = try TableSources.open(url, sheet: sheet)
        let reader = SchoolTableReader(register: try store.read { try $0.register() }, defaults: defaults)
        let summary = try reader.read(source)
        let format = try source.describeFormat()
        var result = ImportSummary(
            fileName: source.fileName, format: format, rowsRead: summary.rowCount, inserted: 0, updated: 0, unchanged: 0,
            townshipsNotReported: summary.townshipsListedWithoutRows.map(\.name), importID: nil)
        if dryRun { return result }
        try store.write(actor: actor) { writer in
            let importID = try writer.beginImport(kind: "schools", fileName: source.fileName, format: format, actor: actor)
            try reader.read(source) { row in
                let incoming = School(
                    townshipID: row.townshipID, villageID: row.villageID, name: row.name, level: row.level,
                    students: row.students, staff: row.staff, landMu: row.landMu, classes: row.classes,
                    dataYear: row.dataYear, source: row.source, note: row.note)
                if var existing = try writer.school(townshipID: row.townshipID, name: row.name) {
                    let merged = Self.merge(incoming, into: existing)
                    if merged == existing {
                        result.unchanged += 1
                    } else {
                        existing = merged
                        try writer.update(existing)
                        result.updated += 1
                    }
                } else {
                    try writer.insert(incoming)
                    result.inserted += 1
                }
            }
            for township in summary.townshipsWithRows {
                try writer.save(TownshipReport(townshipID: township.id!, topic: "schools", status: .reported, source: source.fileName))
            }
            for township in summary.townshipsListedWithoutRows {
                try writer.save(
                    TownshipReport(townshipID: township.id!, topic: "schools", status: .notReported, source: source.fileName))
            }
            try writer.finishImport(
                importID, rowsRead: summary.rowCount, inserted: result.inserted, updated: result.updated, note: nil)
            result.importID = importID
        }
        return result
    }

    /// The stored school with the file's figures; a village or class count the file leaves
    /// out keeps its stored value.
    static func merge(_ incoming: School, into existing: School) -> School {
        var merged = incoming
        merged.id = existing.id
        merged.villageID = incoming.villageID ?? existing.villageID
        merged.classes = incoming.classes ?? existing.classes
        return merged
    }
}
