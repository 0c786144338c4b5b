public import Domain
import Foundation
public import Geo
import Interchange
import Localization
import Store

/// The county as the register knows it: its name, whether the register is the demo, and the
/// plan findings stored with it (if any).
public struct CountyProfile: Sendable {
    /// The county's name; nil before divisions are imported.
    public var name: String?
    /// True for a register built by `chengxiang demo`.
    public var isDemo: Bool
    /// The county plan's own statement about its school table, when one was stored.
    public var planFindings: PlanFindings?
}

/// One recorded change: which row of which table, when, by whom, and its values before and after.
public struct AuditRecord: Sendable, Hashable {
    public var id: Int64
    public var changedAt: String
    public var table: String
    public var rowKey: String
    /// insert, update or delete.
    public var action: String
    /// The row as JSON before the change (nil for an insert).
    public var before: String?
    /// The row as JSON after the change (nil for a delete).
    public var after: String?
    public var actor: String
    public var importID: Int64?

    init(_ e: AuditEntry) {
        (id, changedAt, table, rowKey, action) = (e.id, e.changedAt, e.table, e.rowKey, e.action)
        (before, after, actor, importID) = (e.before, e.after, e.actor, e.importID)
    }

    /// One field of the row as the change left it: its column, and its value before and after as
    /// text (nil where the row did not exist or the value was empty).
    public struct FieldChange: Sendable, Hashable {
        public var column: String
        public var before: String?
        public var after: String?
    }

    /// The fields the change touched, in the row's column order: every changed field of an update,
    /// every non-empty field of an insert or a delete.
    public var changes: [FieldChange] {
        let old = Self.fields(before)
        let new = Self.fields(after)
        let columns = (new.isEmpty ? old : new).map(\.0)
        let oldValues = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let newValues = Dictionary(new, uniquingKeysWith: { a, _ in a })
        return columns.compactMap { column in
            let (a, b) = (oldValues[column] ?? nil, newValues[column] ?? nil)
            return a == b ? nil : FieldChange(column: column, before: a, after: b)
        }
    }

    /// The moment of the change in Beijing time, to the minute: 2026-12-02 13:05.
    public var changedAtBeijing: String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: changedAt) else { return changedAt }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The columns of a row's JSON in the order written, with values as text.
    static func fields(_ json: String?) -> [(String, String?)] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
        // JSONSerialization forgets the order; the audit triggers write columns in table order, so
        // take the order from the text.
        let keys = object.keys.sorted {
            (json.range(of: "\"\($0)\"")?.lowerBound ?? json.endIndex) < (json.range(of: "\"\($1)\"")?.lowerBound ?? json.endIndex)
        }
        return keys.map { key in
            switch object[key] {
            case nil, is NSNull: (key, nil)
            case let number as NSNumber: (key, number.stringValue)
            case let value?: (key, "\(value)")
            }
        }
    }
}

/// The division register, the norms, the audit log and the county's profile.
public struct RegisterService: Sendable {
    let store: RegisterStore

    /// Every division, historical ones included.
    public func divisions() throws -> [Stored<Division>] { try store.read { try $0.divisions() } }

    /// The division hierarchy for lookups by name and code.
    public func divisionRegister() throws -> DivisionRegister { try store.read { try $0.register() } }

    /// A township by full or short name, or a `notFound` error naming it.
    public func township(named text: String) throws -> Stored<Division> {
        guard let unit = try divisionRegister().townships(named: text).first else {
            throw UserError(.notFound, L10n.message(.unknownTownshipName, text))
        }
        return unit
    }

    /// The county (by name or short name) or a township, for per-area settings.
    public func area(named text: String) throws -> Stored<Division> {
        let register = try divisionRegister()
        if let county = register.county, county.name == text || county.shortName == text { return county }
        guard let unit = register.townships(named: text).first else {
            throw UserError(.notFound, L10n.message(.unknownAreaName, text))
        }
        return unit
    }

    /// A division by 12-digit code, or by name (a township by full or short name, a village by name
    /// when one village has it); `notFound` or `invalid` (ambiguous) otherwise.
    public func division(_ text: String) throws -> Stored<Division> {
        let register = try divisionRegister()
        if let code = DivisionCode(text), let d = register.division(code: code) { return d }
        if let county = register.county, county.name == text { return county }
        if let township = register.townships(named: text).first { return township }
        let villages = register.divisions.filter { $0.kind.tier == .village && ($0.name == text || $0.shortName == text) }
        guard let village = villages.first else { throw UserError(.notFound, L10n.message(.unknownAreaName, text)) }
        guard villages.count == 1 else {
            let choices = villages.map { "\($0.name) \($0.code?.rawValue ?? "—")" }.joined(separator: "、")
            throw UserError(.invalid, L10n.message(.ambiguousDivision, text, choices))
        }
        return village
    }

    /// Records that a township-level or village-level unit was merged into another of the same
    /// tier (audited): it becomes historical with its successor, which may be marked inferred.
    @discardableResult
    public func merge(_ from: String, into to: String, inferred: Bool, by principal: Principal) throws -> Stored<Division> {
        var unit = try division(from)
        let successor = try division(to)
        guard unit.id != successor.id, unit.kind.tier == successor.kind.tier, unit.kind.tier != .county,
            successor.status == .current, let code = successor.code
        else { throw UserError(.invalid, L10n.message(.cannotMerge, unit.name, successor.name)) }
        unit.status = .historical
        unit.successorCode = code
        unit.successorInferred = inferred
        try store.write(by: principal, ImportService.divisionsNeed) { try $0.update(unit) }
        return unit
    }

    /// Moves a village-level unit under another township (audited); its schools stay with it.
    @discardableResult
    public func move(_ village: String, to township: String, by principal: Principal) throws -> Stored<Division> {
        var unit = try division(village)
        let parent = try self.township(named: township)
        guard unit.kind.tier == .village else { throw UserError(.invalid, L10n.message(.cannotMove, unit.name, parent.name)) }
        let register = try divisionRegister()
        if register.villages(in: parent).contains(where: { $0.name == unit.name && $0.id != unit.id }) {
            throw UserError(.conflict, L10n.message(.divisionNameTaken, unit.name, parent.name))
        }
        unit.parentID = parent.id
        unit.parentCode = parent.code
        try store.write(by: principal, ImportService.divisionsNeed) { try $0.update(unit) }
        return unit
    }

    /// Every norm with its source.
    public func norms() throws -> [Norm] { try store.read { try $0.norms() } }

    /// Changes a school's figures from a form: each field as typed, blank for unknown. Checked as
    /// the importer checks a row (whole numbers not below zero, a year from 1949 to 2100, staff
    /// only with students); every refused field is listed. The education bureau's or the school's
    /// township's editor may do it; the change is audited.
    @discardableResult public func editSchool(_ id: School.ID, _ fields: [String: String], by principal: Principal) throws -> Stored<School>
    {
        var problems: [ImportIssue] = []
        func field(_ key: String) -> String? {
            let text = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty ? nil : text
        }
        func refuse(_ label: MessageKey, _ reason: Localized) {
            problems.append(ImportIssue(file: "—", message: L10n.message(.schoolEditField, L10n.message(label), reason)))
        }
        func count(_ key: String, _ label: MessageKey) -> Int? {
            guard let text = field(key) else { return nil }
            guard let value = Int(text) else {
                refuse(label, L10n.message(.notWholeNumber, text))
                return nil
            }
            if value < 0 { refuse(label, L10n.message(.negativeNumber, text)) }
            return value
        }
        let students = count("students", .labelStudents)
        let staff = count("staff", .labelStaff)
        let classes = count("classes", .uiClasses)
        var land: Double?
        if let text = field("landMu") {
            if let value = Double(text), value.isFinite, value >= 0 {
                land = value
            } else {
                refuse(.uiLand, L10n.message(.notANumber, text))
            }
        }
        var year: Int?
        if let text = field("dataYear") {
            if let value = Int(text), (1949...2100).contains(value) {
                year = value
            } else {
                refuse(.uiDataYear, L10n.message(.badYear, text))
            }
        }
        if (staff ?? 0) > 0 && students == nil {
            problems.append(ImportIssue(file: "—", message: L10n.message(.schoolStaffWithoutStudents)))
        }
        if !problems.isEmpty { throw UserError.rejected(problems) }
        guard let current = try store.read({ try $0.school(id: id) }) else {
            throw UserError(.notFound, L10n.message(.unknownSchool, id))
        }
        var school = current
        school.value.students = students
        school.value.staff = staff
        school.value.classes = classes
        school.value.landMu = land
        school.value.dataYear = year
        school.value.note = field("note")
        return try store.write(by: principal, .data(.education, areas: [current.townshipID])) { writer in
            try writer.update(school)
            return school
        }
    }

    /// Changes a norm's value and source (audited); returns the old value.
    @discardableResult
    public func setNorm(key: String, value: Double, source: String, by principal: Principal) throws -> Double {
        guard value.isFinite, value >= 0 else { throw UserError(.invalid, L10n.message(.normBadValue)) }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw UserError(.invalid, L10n.message(.normNeedsSource)) }
        return try store.write(by: principal, .administration) { writer in
            guard var norm = try writer.reader.norms().first(where: { $0.key == key }) else {
                throw UserError(.notFound, L10n.message(.unknownNorm, key))
            }
            let previous = norm.value
            norm.value = value
            norm.source = source
            norm.verification = .verified
            try writer.save(norm)
            return previous
        }
    }

    /// The change log, newest first; optionally one table only.
    public func auditLog(table: String? = nil, limit: Int = 100) throws -> [AuditRecord] {
        try store.read { try $0.auditLog(table: table, limit: limit) }.map(AuditRecord.init)
    }

    /// Every recorded change of one school, newest first.
    public func history(of school: School.ID) throws -> [AuditRecord] {
        try store.read { try $0.auditLog(table: "schools", limit: 10_000) }.filter { $0.rowKey == String(school.rawValue) }
            .map(AuditRecord.init)
    }

    /// The county's name; nil before divisions are imported (one indexed lookup, for page titles).
    public func countyName() throws -> String? { try store.read { try $0.countyName() } }

    /// The county's name, whether this is the demo, and any stored plan findings.
    public func countyProfile() throws -> CountyProfile {
        try store.read { reader in
            let findings = try reader.metadata(PlanFindings.metadataKey).flatMap {
                try? JSONDecoder().decode(PlanFindings.self, from: Data($0.utf8))
            }
            return CountyProfile(
                name: try reader.register().county?.name, isDemo: try reader.metadata("dataset") == "demo",
                planFindings: findings)
        }
    }

    /// Stores the plan's own statement about its school table, to check the diagnosis against.
    public func storePlanFindings(_ findings: PlanFindings, by principal: Principal) throws {
        let text = String(decoding: try JSONEncoder().encode(findings), as: UTF8.self)
        try store.write(by: principal, .administration) { try $0.setMetadata(PlanFindings.metadataKey, text) }
    }

    /// Marks the register as the demo (so the demo command may rebuild it) and names its county.
    public func markAsDemo(by principal: Principal) throws {
        try store.write(by: principal, .administration) { try $0.setMetadata("dataset", "demo") }
    }

    /// The county outline, if imported.
    public func countyOutline() throws -> MultiPolygon? {
        let text = try store.read { reader -> String? in
            guard let county = try reader.register().county else { return nil }
            return try reader.boundaryGeoJSON(divisionID: county.id)
        }
        return try text.flatMap { try GeoJSONGeometryParser.multiPolygon($0) }
    }

    /// Gives every township and village without a position an illustrative one inside the county
    /// outline (procedure in `IllustrativePlacement`); returns how many were placed. Each is
    /// stored with quality `illustrative` and the procedure as its source, and is replaced when a
    /// real position is imported.
    @discardableResult
    public func placeIllustrativePositions(seatSpacingMetres: Double, villageSpreadMetres: Double, by principal: Principal) throws -> Int {
        let register = try divisionRegister()
        guard let outline = try countyOutline() else { return 0 }
        let townships = register.divisions.filter { $0.kind.tier == .township }
        var seats: [Division.ID: LonLat] = [:]
        for t in townships {
            if let p = t.location { seats[t.id] = LonLat(p.longitudeDegrees, p.latitudeDegrees) }
        }
        // A historical unit that became a successor with no villages of its own (洪相乡 → 洪相镇)
        // is the same area: it shares the successor's seat instead of getting one of its own.
        func sharesSeat(_ t: Stored<Division>) -> Stored<Division>? {
            guard t.status == .historical, let successor = register.currentUnit(for: t), register.villages(in: successor).isEmpty
            else { return nil }
            return successor
        }
        let needSeat = townships.filter { seats[$0.id] == nil && sharesSeat($0) == nil }
        let newSeats = IllustrativePlacement.seats(
            count: needSeat.count, inside: outline, avoiding: Array(seats.values), minimumSpacingMetres: seatSpacingMetres)
        var illustrative: [Division.ID: LonLat] = [:]
        for (t, p) in zip(needSeat, newSeats) {
            seats[t.id] = p
            illustrative[t.id] = p
        }
        for t in townships where seats[t.id] == nil {
            if let successor = sharesSeat(t), let p = seats[successor.id] {
                seats[t.id] = p
                illustrative[t.id] = p
            }
        }
        for t in townships {
            guard let seat = seats[t.id] else { continue }
            let unplaced = register.villages(in: t).filter { $0.location == nil }
            let spots = IllustrativePlacement.around(seat, count: unplaced.count, radiusMetres: villageSpreadMetres, inside: outline)
            for (v, p) in zip(unplaced, spots) { illustrative[v.id] = p }
        }
        try store.write(by: principal, ImportService.divisionsNeed) { writer in
            for (id, p) in illustrative.sorted(by: { $0.key < $1.key }) {
                guard var d = register.division(id: id) else { continue }
                d.location = GeoPoint(longitudeDegrees: p.lon, latitudeDegrees: p.lat)
                d.locationQuality = .illustrative
                d.locationSource = IllustrativePlacement.procedureName
                try writer.update(d)
            }
        }
        return illustrative.count
    }
}
