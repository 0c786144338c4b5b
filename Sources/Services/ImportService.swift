import Analysis
import Domain
public import Foundation
import Interchange
public import Localization
import Monitoring
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
    /// Figures that look wrong but may be right (a check lists them; they do not block).
    public var warnings: [ImportIssue] = []
}

/// The kinds of file the register imports.
public enum ImportKind: String, CaseIterable, Sendable {
    case schools, divisions, observations, tasks, villages, assets, clinics, pupils

    /// The kind's name as shown.
    public var label: Localized {
        switch self {
        case .schools: L10n.message(.importKindSchools)
        case .divisions: L10n.message(.importKindDivisions)
        case .observations: L10n.message(.importKindObservations)
        case .tasks: L10n.message(.importKindTasks)
        case .villages: L10n.message(.importKindVillages)
        case .assets: L10n.message(.importKindAssets)
        case .clinics: L10n.message(.importKindClinics)
        case .pupils: L10n.message(.importKindPupils)
        }
    }
}

extension ImportKind {
    /// An empty table to fill in: the header row the importer reads, titled by the kind.
    public func template(_ language: Language) -> ExportTable {
        let header: [String]
        switch self {
        case .schools: header = SchoolTableReader.templateHeader
        case .divisions: header = DivisionTableReader.templateHeader
        case .observations: header = ObservationTableReader.templateHeader
        case .tasks: header = TaskTableReader.templateHeader
        case .villages: header = VillageTableReader.templateHeader
        case .assets: header = AssetTableReader.templateHeader
        case .clinics: header = HealthTableReader.templateHeader
        case .pupils: header = PupilTableReader.templateHeader
        }
        return ExportTable(title: label.text(language), headers: header, rows: [])
    }

    /// The columns the importer reads, for the format guide.
    public var columns: [ImportColumn] {
        switch self {
        case .schools: SchoolTableReader.columns
        case .divisions: DivisionTableReader.columns
        case .observations: ObservationTableReader.columns
        case .tasks: TaskTableReader.columns
        case .villages: VillageTableReader.columns
        case .assets: AssetTableReader.columns
        case .clinics: HealthTableReader.columns
        case .pupils: PupilTableReader.columns
        }
    }

    /// How a file of this kind is read: what a row is, the rules it must meet.
    public var guide: Localized {
        switch self {
        case .schools: L10n.message(.guideSchools)
        case .divisions: L10n.message(.guideDivisions)
        case .observations: L10n.message(.guideObservations)
        case .tasks: L10n.message(.guideTasks)
        case .villages: L10n.message(.guideVillages)
        case .assets: L10n.message(.guideAssets)
        case .clinics: L10n.message(.guideClinics)
        case .pupils: L10n.message(.guidePupils)
        }
    }
}

/// What a school table's rows take when they leave the data year or the source blank (the import
/// page's fields, the command line's `--year` and `--source`).
public struct ImportDefaults: Sendable {
    public var dataYear: Int?
    public var source: String?

    public init(dataYear: Int? = nil, source: String? = nil) {
        self.dataYear = dataYear
        self.source = source
    }

    /// Reads the fields as typed: a year of four digits, a source (blank for none); `invalid`
    /// naming the year otherwise.
    public init(year: String?, source: String?) throws {
        let year = year?.trimmingCharacters(in: .whitespaces) ?? ""
        if year.isEmpty {
            dataYear = nil
        } else if let value = Int(year), PartialDate.years.contains(value) {
            dataYear = value
        } else {
            throw UserError(.invalid, L10n.message(.badYear, year))
        }
        let source = source?.trimmingCharacters(in: .whitespaces) ?? ""
        self.source = source.isEmpty ? nil : String(source.prefix(200))
    }
}

/// What checking (or committing) a file found.
public struct ImportCheck: Sendable {
    public var kind: ImportKind
    public var fileName: String
    /// Rows that would be (or were) written; nil when the file was refused.
    public var rowsRead: Int?
    /// The issues found, at most `IssueList.shown` and a line counting the rest: errors block,
    /// warnings are listed.
    public var issues: [ImportIssue]
    /// Blocking issues found, listed or not.
    public var errorCount = 0
    /// Townships listed with no rows (school tables only).
    public var notReported: [String]
    /// What committing would do to the stored rows (school tables): new, changed, the same.
    public var inserted: Int?
    public var updated: Int?
    public var unchanged: Int?

    /// True when the file can be committed.
    public var isValid: Bool { rowsRead != nil && !issues.contains { $0.severity == .error } }
}

/// Imports files into the register: validate everything first, then write all of it in one
/// transaction, or nothing.
public struct ImportService: Sendable {
    let store: RegisterStore
    /// Who is importing: checked against its role, named in the import and audit logs.
    public let principal: Principal

    public init(store: RegisterStore, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Checks a file of a kind without writing anything: every issue is returned, none thrown.
    /// `defaults`: the data year and source of school rows that give none.
    public func check(_ kind: ImportKind, file url: URL, sheet: String? = nil, defaults: ImportDefaults = ImportDefaults()) throws
        -> ImportCheck
    {
        var check = ImportCheck(kind: kind, fileName: url.lastPathComponent, rowsRead: nil, issues: [], notReported: [])
        do {
            check = try run(kind, file: url, sheet: sheet, defaults: defaults, dryRun: true)
        } catch let error as UserError where error.kind == .rejected {
            check.issues = error.issues
            check.errorCount = error.errorCount
        }
        return check
    }

    /// Writes a file of a kind, all or nothing; throws `UserError` (rejected) with every issue.
    public func commit(_ kind: ImportKind, file url: URL, sheet: String? = nil, defaults: ImportDefaults = ImportDefaults()) throws
        -> ImportCheck
    {
        try run(kind, file: url, sheet: sheet, defaults: defaults, dryRun: false)
    }

    private func run(_ kind: ImportKind, file url: URL, sheet: String?, defaults: ImportDefaults, dryRun: Bool) throws -> ImportCheck {
        var check = ImportCheck(kind: kind, fileName: url.lastPathComponent, rowsRead: nil, issues: [], notReported: [])
        let monitoring = MonitoringService(store: store)
        switch kind {
        case .schools:
            let summary = try importSchools(
                from: url, sheet: sheet, dataYear: defaults.dataYear, source: defaults.source, dryRun: dryRun)
            check.rowsRead = summary.rowsRead
            check.notReported = summary.townshipsNotReported
            (check.inserted, check.updated, check.unchanged) = (summary.inserted, summary.updated, summary.unchanged)
            check.issues = IssueList(file: check.fileName, summary.warnings).listed
        case .divisions:
            check.rowsRead = try importDivisions(from: url, dryRun: dryRun).rowsRead
        case .observations:
            let outcome = try monitoring.importObservations(from: url, sheet: sheet, by: principal, dryRun: dryRun)
            check.rowsRead = outcome.inserted + outcome.replaced
            check.issues =
                IssueList(
                    file: check.fileName,
                    outcome.warnings.map {
                        ImportIssue(file: check.fileName, columnName: $0.observation.indicatorCode, message: $0.message, severity: .warning)
                    }
                ).listed
        case .tasks:
            check.rowsRead = try monitoring.importTasks(from: url, sheet: sheet, by: principal, dryRun: dryRun)
        case .villages:
            let summary = try VillageService(store: store, principal: principal).importAttributes(
                from: url, sheet: sheet, year: defaults.dataYear, dryRun: dryRun)
            check.rowsRead = summary.rowsRead
            (check.inserted, check.updated) = (summary.inserted, summary.replaced)
        case .assets:
            check.rowsRead = try AssetService(store: store, principal: principal).importAssets(from: url, sheet: sheet, dryRun: dryRun)
        case .clinics:
            let (inserted, updated) = try HealthService(store: store, principal: principal).importFacilities(
                from: url, sheet: sheet, dryRun: dryRun)
            (check.rowsRead, check.inserted, check.updated) = (inserted + updated, inserted, updated)
        case .pupils:
            let (inserted, updated) = try PupilService(store: store, principal: principal).importPupils(
                from: url, sheet: sheet, year: defaults.dataYear, dryRun: dryRun)
            (check.rowsRead, check.inserted, check.updated) = (inserted + updated, inserted, updated)
        }
        return check
    }

    /// Imports a school table (CSV or XLSX). With `dryRun` only validates.
    ///
    /// The file is read twice, streaming: once to validate every row, then, only when no
    /// error was found, inside one transaction to write. A school already stored under the
    /// same township and name is updated (and the change audited); others are inserted.
    public func importSchools(
        from url: URL, sheet: String? = nil, dataYear: Int? = nil, source defaultSource: String? = nil, dryRun: Bool = false
    ) throws -> ImportSummary {
        if let dataYear, !PartialDate.years.contains(dataYear) { throw UserError(.invalid, L10n.message(.badYear, dataYear)) }
        let source = try TableSources.open(url, sheet: sheet)
        let defaults = SchoolImportDefaults(dataYear: dataYear, source: defaultSource ?? url.lastPathComponent)
        let reader = SchoolTableReader(register: try store.read { try $0.register() }, defaults: defaults)
        let summary = try reader.read(source)
        let format = try source.describeFormat()
        var result = ImportSummary(
            fileName: source.fileName, format: format, rowsRead: summary.rowCount, inserted: 0, updated: 0, unchanged: 0,
            townshipsNotReported: summary.townshipsListedWithoutRows.map(\.name), importID: nil)
        let need = WriteNeed.data(
            .education, areas: Set((summary.townshipsWithRows + summary.townshipsListedWithoutRows).map(\.id)))
        if dryRun {
            try store.authorize(principal, [need])
            // What a commit would do, row by row, without writing: new, changed or the same; and
            // figures far from the norms, as warnings.
            let (schools, norms) = try store.read { (try $0.schools(), NormBook(try $0.norms())) }
            var stored: [SchoolKey: Stored<School>] = [:]
            for school in schools { stored[SchoolKey(school.townshipID, school.name)] = school }
            let diagnostics = SchoolDiagnostics(norms: norms)
            try reader.read(source) { row in
                let incoming = Self.school(row)
                if let existing = stored[SchoolKey(row.townshipID, row.name)] {
                    if Self.merge(incoming, into: existing) == existing { result.unchanged += 1 } else { result.updated += 1 }
                } else {
                    result.inserted += 1
                }
                if let warning = Self.implausible(row, diagnostics, file: source.fileName) { result.warnings.append(warning) }
            }
            return result
        }
        try store.write(by: principal, need) { writer in
            let importID = try writer.beginImport(kind: "schools", fileName: source.fileName, format: format, actor: principal.auditName)
            // The schools stored before this import, by township and exact name (the check refused
            // a file naming one school twice, so no row can match a school this import adds).
            var stored: [SchoolKey: Stored<School>] = [:]
            for school in try writer.reader.schools() { stored[SchoolKey(school.townshipID, school.name)] = school }
            var pending: [School] = []
            try reader.read(source) { row in
                let incoming = Self.school(row)
                if let existing = stored[SchoolKey(row.townshipID, row.name)] {
                    let merged = Self.merge(incoming, into: existing)
                    if merged == existing {
                        result.unchanged += 1
                    } else {
                        try writer.update(merged)
                        result.updated += 1
                    }
                } else {
                    pending.append(incoming)
                    result.inserted += 1
                    if pending.count == Self.insertBatch {
                        try writer.insert(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            }
            try writer.insert(pending)
            for township in summary.townshipsWithRows {
                try writer.save(TownshipReport(townshipID: township.id, topic: "schools", status: .reported, source: source.fileName))
            }
            for township in summary.townshipsListedWithoutRows {
                try writer.save(TownshipReport(townshipID: township.id, topic: "schools", status: .notReported, source: source.fileName))
            }
            try writer.finishImport(importID, rowsRead: summary.rowCount, inserted: result.inserted, updated: result.updated, note: nil)
            result.importID = importID
        }
        return result
    }

    /// The stored school with the file's figures; a village or class count the file leaves
    /// out keeps its stored value.
    /// The school a row describes.
    static func school(_ row: SchoolImportRow) -> School {
        School(
            townshipID: row.townshipID, villageID: row.villageID, name: row.name, level: row.level, students: row.students,
            staff: row.staff, landMu: row.landMu, classes: row.classes, dataYear: row.dataYear, source: row.source, note: row.note)
    }

    /// A warning when a row's students per staff is more than three times its level's staffing
    /// norm — a typo (7160 for 716) more often than a real school. (Few students per staff is
    /// common in villages and is what the diagnosis flags, so it is not a warning here.)
    static func implausible(_ row: SchoolImportRow, _ diagnostics: SchoolDiagnostics, file: String) -> ImportIssue? {
        guard let students = row.students, let staff = row.staff, students > 0, staff > 0,
            let norm = diagnostics.staffNorm(for: row.level)?.studentsPerStaff, norm > 0
        else { return nil }
        let ratio = Double(students) / Double(staff)
        guard ratio > norm * 3 else { return nil }
        return ImportIssue(
            file: file, row: row.row, columnName: nil,
            message: L10n.message(.importRatioImplausible, row.name, Format.number(ratio, digits: 1), Format.number(norm, digits: 1)),
            severity: .warning)
    }

    /// How many new schools go to the database in one statement.
    static let insertBatch = 500

    static func merge(_ incoming: School, into existing: Stored<School>) -> Stored<School> {
        var merged = Stored(id: existing.id, incoming)
        merged.villageID = incoming.villageID ?? existing.villageID
        merged.classes = incoming.classes ?? existing.classes
        return merged
    }

    /// Sets the village each school stands in from a table of 学校名称, 乡镇, 所在村 (the plan's
    /// school table has no village column); all or nothing. Returns how many schools were linked.
    @discardableResult
    public func linkSchoolsToVillages(from url: URL) throws -> Int {
        let register = try store.read { try $0.register() }
        let links = try SchoolVillageTableReader(register: register).read(try TableSources.open(url))
        return try store.write(by: principal, .data(.education, areas: Set(links.map(\.townshipID)))) { writer in
            var issues = IssueList(file: url.lastPathComponent)
            for link in links {
                guard var school = try writer.school(townshipID: link.townshipID, name: link.school) else {
                    issues.append(
                        ImportIssue(
                            file: url.lastPathComponent, row: link.row, message: L10n.message(.unknownSchoolInTownship, link.school)))
                    continue
                }
                school.villageID = link.villageID
                try writer.update(school)
            }
            if !issues.isEmpty { throw UserError.rejected(issues) }
            return links.count
        }
    }
}

/// A school's township and its name compared by Unicode scalars, as the database compares names
/// (Swift's `==` would take 豈 U+F900 and 豈 U+8C48 for the same name).
struct SchoolKey: Hashable {
    let townshipID: Division.ID
    let scalars: [Unicode.Scalar]

    init(_ townshipID: Division.ID, _ name: String) {
        self.townshipID = townshipID
        scalars = Array(name.unicodeScalars)
    }
}
