public import Domain
import Foundation
public import Localization

/// One validated row of a school table, ready to be written.
public struct SchoolImportRow: Sendable, Equatable {
    /// Row number in the file.
    public var row: Int
    /// The township-level unit the row resolved to.
    public var townshipID: Division.ID
    public var name: String
    public var level: SchoolLevel
    public var students: Int?
    public var staff: Int?
    public var landMu: Double?
    public var classes: Int?
    public var dataYear: Int?
    /// The village named in a 所在村 column, resolved in the register.
    public var villageID: Division.ID?
    public var source: String?
    /// Bracketed remarks kept from the township cell, e.g. 岭底片区.
    public var note: String?
}

/// Defaults for cells the file leaves out.
public struct SchoolImportDefaults: Sendable {
    public var dataYear: Int?
    public var source: String?

    public init(dataYear: Int? = nil, source: String? = nil) {
        self.dataYear = dataYear
        self.source = source
    }
}

/// What a school table said besides its rows: how many there were, which townships had rows,
/// and which it lists with no rows (the seed's 庞泉沟, 夏家营, 东坡底) — "no data reported",
/// not "no schools".
public struct SchoolTableSummary: Sendable {
    public var rowCount = 0
    public var townshipsWithRows: [Stored<Division>] = []
    public var townshipsListedWithoutRows: [Stored<Division>] = []
}

/// Reads and validates the county's school table (表六/1 and larger ones) from CSV or XLSX.
///
/// Follows the habits of a table saved from the plan document: a blank township cell
/// continues the township above; short names (天宁 for 天宁镇); bracketed notes
/// (天宁镇（岭底片区）, （会立）); a title row above the header; a township listed with no
/// school rows. Every problem is collected with its row and column before anything is written.
public struct SchoolTableReader: Sendable {
    /// The columns the reader understands.
    public enum Column: String, CaseIterable, Sendable {
        case township, name, level, students, staff, landMu, landSquareMetres, classes, dataYear, village, source
    }

    /// The header row of an empty template to fill in (the import page's download).
    public static var templateHeader: [String] { matcher.templateHeader }

    /// The columns as the import page's format guide lists them.
    public static var columns: [ImportColumn] { matcher.guide(required: required) }

    static let matcher = HeaderMatcher<Column>(aliases: [
        .township: ["乡镇", "乡镇名称", "所属乡镇", "乡(镇)", "township", "town"],  // vocabulary
        .name: ["学校名称", "学校", "校名", "school", "name", "school_name"],  // vocabulary
        .level: ["规模", "学段", "类型", "学校类型", "办学类型", "level", "type"],  // vocabulary
        .students: ["在校人数", "在校生数", "在校学生数", "学生数", "学生人数", "students", "pupils"],  // vocabulary
        .staff: ["教职人数", "教职工数", "教职工人数", "教职工", "staff", "teachers"],  // vocabulary
        .landMu: ["占地面积(亩)", "占地面积", "占地(亩)", "land_mu", "landmu", "land(mu)", "land"],  // vocabulary
        .landSquareMetres: ["占地面积(平方米)", "占地面积(m²)", "占地面积(m2)", "land_m2"],  // vocabulary
        .classes: ["班级数", "班数", "classes"],  // vocabulary
        .dataYear: ["数据年份", "年份", "year", "data_year"],  // vocabulary
        .village: ["所在村", "村", "行政村", "village"],  // vocabulary
        .source: ["来源", "数据来源", "source"],  // vocabulary
    ])

    /// Units a land cell may carry.
    static let muUnits = ["亩"]  // vocabulary
    static let squareMetreUnits = ["m²", "m2", "平方米"]  // vocabulary

    static let required: [Column] = [.township, .name, .level, .students, .staff]
    /// Rows searched for the header (a title row may sit above it).
    static let headerSearchRows = 10
    public let register: DivisionRegister
    public let defaults: SchoolImportDefaults

    public init(register: DivisionRegister, defaults: SchoolImportDefaults = SchoolImportDefaults()) {
        self.register = register
        self.defaults = defaults
    }

    /// Reads the whole table, streaming, and hands each valid row to `each` (which may be nil
    /// for a validation-only pass). Throws `ImportRejected` listing every error found; the
    /// caller writes inside a transaction so that rows handed out before a late error are
    /// rolled back — or, better, validates in a first pass and writes in a second.
    @discardableResult
    public func read(_ source: any TableSource, each: ((SchoolImportRow) throws -> Void)? = nil) throws -> SchoolTableSummary {
        var state = ReadState(
            file: source.fileName, rowsHaveFixedWidth: source.rowsHaveFixedWidth, errors: IssueList(file: source.fileName))
        try source.forEachRow { row in
            state.rowsSeen += 1
            if state.columns == nil {
                try locateHeader(row, &state)
            } else if let valid = readRow(row, &state), state.errors.isEmpty {
                try each?(valid)
            }
        }
        if state.columns == nil {
            throw UserError.rejected([
                ImportIssue(
                    file: source.fileName,
                    message: state.rowsSeen == 0
                        ? L10n.message(.fileEmpty)
                        : L10n.message(.headerNotFound, Self.required.map(Self.displayName).joined(separator: "、")))
            ])
        }
        if state.summary.rowCount == 0 && state.listedTownships.isEmpty && state.errors.isEmpty {
            state.errors.append(ImportIssue(file: source.fileName, message: L10n.message(.noDataRows)))
        }
        let byCode: (Stored<Division>, Stored<Division>) -> Bool = { ($0.code?.rawValue ?? $0.name) < ($1.code?.rawValue ?? $1.name) }
        state.summary.townshipsWithRows = state.listedTownships.values.filter { state.townshipsWithRows.contains($0.id) }
            .sorted(by: byCode)
        state.summary.townshipsListedWithoutRows = state.listedTownships.values
            .filter { !state.townshipsWithRows.contains($0.id) }.sorted(by: byCode)
        if !state.errors.isEmpty { throw UserError.rejected(state.errors) }
        return state.summary
    }

    static func displayName(_ column: Column) -> String { matcher.aliases[column]?.first ?? column.rawValue }

    private struct ReadState {
        let file: String
        let rowsHaveFixedWidth: Bool
        var columns: [Column: Int]?
        var headerCells: [String] = []
        var summary = SchoolTableSummary()
        var errors: IssueList
        var rowsSeen = 0
        var currentTownship: Stored<Division>?
        var currentNote: String?
        var listedTownships: [Division.ID: Stored<Division>] = [:]
        var townshipsWithRows: Set<Division.ID> = []
        var firstRowOfSchool: [SchoolKey: Int] = [:]
        /// Township cells already resolved: a large table repeats a handful of names.
        var resolvedTownships: [String: (matches: [Stored<Division>], note: String?)] = [:]

        func issue(_ row: Int, _ column: Column?, _ message: Localized) -> ImportIssue {
            guard let column, let index = columns?[column] else { return ImportIssue(file: file, row: row, message: message) }
            return ImportIssue(
                file: file, row: row, column: index + 1,
                columnName: index < headerCells.count ? headerCells[index] : nil, message: message)
        }
    }

    private func locateHeader(_ row: TableRow, _ state: inout ReadState) throws {
        let found = Self.matcher.match(row.cells)
        let missing = Self.required.filter { found[$0] == nil }
        if missing.isEmpty {
            state.columns = found
            state.headerCells = row.cells.map { $0.trimmedCell }
            return
        }
        // A header that names some but not all required columns is a header with a column missing.
        if found.count >= 2 || state.rowsSeen >= Self.headerSearchRows {
            let names = missing.map(Self.displayName).joined(separator: "、")
            let englishNames = missing.map(\.rawValue).joined(separator: ", ")
            throw UserError.rejected([
                ImportIssue(file: state.file, row: row.number, message: L10n.message(.missingColumns, names, englishNames))
            ])
        }
    }

    private func readRow(_ row: TableRow, _ state: inout ReadState) -> SchoolImportRow? {
        guard !row.isBlank else { return nil }
        let columns = state.columns!
        let tooLong = row.cells.count > state.headerCells.count && !row.cells[state.headerCells.count...].allSatisfy { $0.isEmpty }
        if tooLong || (state.rowsHaveFixedWidth && row.cells.count != state.headerCells.count) {
            state.errors.append(
                state.issue(row.number, nil, L10n.message(.raggedRow, row.cells.count, state.headerCells.count)))
            return nil
        }
        func cell(_ column: Column) -> String {
            guard let index = columns[column] else { return "" }
            return row[index].trimmedCell
        }
        let errorCountBefore = state.errors.count

        // Township: blank continues the one above.
        let townshipCell = cell(.township)
        if !townshipCell.isEmpty {
            let resolved =
                state.resolvedTownships[townshipCell]
                ?? {
                    let (name, note) = BracketNote.split(townshipCell)
                    return (register.townships(named: name), note)
                }()
            state.resolvedTownships[townshipCell] = resolved
            let (matches, note) = resolved
            if matches.count == 1 {
                state.currentTownship = matches[0]
                state.currentNote = note
                state.listedTownships[matches[0].id] = matches[0]
            } else {
                state.currentTownship = nil
                let message =
                    matches.isEmpty
                    ? L10n.message(.unknownTownship, townshipCell, knownTownshipNames())
                    : L10n.message(.ambiguousTownship, townshipCell, matches.map(\.name).joined(separator: "、"))
                state.errors.append(state.issue(row.number, .township, message))
                return nil
            }
        } else if state.currentTownship == nil {
            state.errors.append(state.issue(row.number, .township, L10n.message(.townshipBlankAtStart)))
            return nil
        }
        let township = state.currentTownship!

        let name = DivisionNames.canonical(cell(.name))
        let figures: [Column] = [.level, .students, .staff, .landMu, .landSquareMetres, .classes]
        if name.isEmpty {
            if figures.allSatisfy({ cell($0).isEmpty }) {
                return nil  // a township listed with no school rows
            }
            state.errors.append(state.issue(row.number, .name, L10n.message(.schoolNameBlank)))
            return nil
        }

        let levelText = cell(.level)
        let level = SchoolLevel(text: levelText)
        if level == nil {
            let allowed = L10n.message(.allowedLevels)
            state.errors.append(
                state.issue(row.number, .level, L10n.message(.unknownLevel, zh: [levelText, allowed.zh], en: [levelText, allowed.en])))
        }
        let students = count(cell(.students), .students, maximum: Limits.studentsPerSchool, row.number, &state)
        let staff = count(cell(.staff), .staff, maximum: Limits.staffPerSchool, row.number, &state)
        let classes = count(cell(.classes), .classes, maximum: Limits.classesPerSchool, row.number, &state)
        var land = quantity(cell(.landMu), .landMu, units: Self.muUnits, maximum: Limits.landMuPerSchool, row.number, &state)
        if land == nil,
            let squareMetres = quantity(
                cell(.landSquareMetres), .landSquareMetres, units: Self.squareMetreUnits,
                maximum: Limits.landMuPerSchool * AreaUnits.squareMetresPerMu, row.number, &state)
        {
            land = squareMetres / AreaUnits.squareMetresPerMu
        }
        var year = defaults.dataYear
        let yearText = cell(.dataYear)
        if !yearText.isEmpty {
            if let y = Int(CellNumber.clean(yearText, units: ["年"])), (1949...2100).contains(y) {  // vocabulary
                year = y
            } else {
                state.errors.append(state.issue(row.number, .dataYear, L10n.message(.badYear, yearText)))
            }
        }
        if students == nil, let staff, staff > 0, cell(.students).isEmpty {
            state.errors.append(state.issue(row.number, .students, L10n.message(.staffWithoutStudents, staff)))
        }

        let key = SchoolKey(townshipID: township.id, name: name)
        if let first = state.firstRowOfSchool[key] {
            state.errors.append(state.issue(row.number, .name, L10n.message(.duplicateSchool, name, township.name, first)))
        } else {
            state.firstRowOfSchool[key] = row.number
        }
        var villageID: Division.ID?
        let villageName = cell(.village)
        if !villageName.isEmpty {
            villageID = register.village(named: villageName, in: township)?.id
            if villageID == nil {
                state.errors.append(state.issue(row.number, .village, L10n.message(.unknownVillage, villageName, township.name)))
            }
        }
        guard state.errors.count == errorCountBefore, let level else { return nil }
        state.townshipsWithRows.insert(township.id)
        state.summary.rowCount += 1
        let source = cell(.source)
        return SchoolImportRow(
            row: row.number, townshipID: township.id, name: name, level: level, students: students, staff: staff,
            landMu: land, classes: classes, dataYear: year, villageID: villageID,
            source: source.isEmpty ? defaults.source : source, note: state.currentNote)
    }

    private func count(_ text: String, _ column: Column, maximum: Int, _ row: Int, _ state: inout ReadState) -> Int? {
        switch CellNumber.count(text, maximum: maximum) {
        case .success(let value): return value
        case .failure(let problem):
            state.errors.append(state.issue(row, column, Self.problemMessage(problem, text)))
            return nil
        }
    }

    private func quantity(
        _ text: String, _ column: Column, units: [String], maximum: Double, _ row: Int, _ state: inout ReadState
    ) -> Double? {
        switch CellNumber.quantity(text, units: units, maximum: maximum) {
        case .success(let value): return value
        case .failure(let problem):
            state.errors.append(state.issue(row, column, Self.problemMessage(problem, text)))
            return nil
        }
    }

    static func problemMessage(_ problem: CellNumber.Problem, _ text: String) -> Localized {
        switch problem {
        case .notANumber: L10n.message(.notANumber, text)
        case .negative: L10n.message(.negativeNumber, text)
        case .notWhole: L10n.message(.notWholeNumber, text)
        case .tooLarge(let maximum): L10n.message(.numberTooLarge, text, Format.number(maximum, digits: 0))
        }
    }

    private func knownTownshipNames() -> String {
        register.townships.filter { $0.status == .current }.map(\.name).joined(separator: "、")
    }
}

/// A school's identity within the register: its name is unique within its township only.
public struct SchoolKey: Hashable, Sendable {
    public var townshipID: Division.ID
    public var name: String

    public init(townshipID: Division.ID, name: String) {
        self.townshipID = townshipID
        self.name = name
    }
}
