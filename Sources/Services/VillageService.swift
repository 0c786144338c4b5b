public import Analysis
public import Domain
public import Foundation
import Geo
import Interchange
public import Localization
public import Reports
public import Store

/// The classification of every current village with the rules and what the county lacks.
public struct VillageReport: Sendable {
    /// Every current village (行政村), in register order.
    public var villages: [VillageClassification]
    public var rules: [VillageRule]
    /// Rules applied to no village, with the reason.
    public var skipped: [SkippedVillageRule]
    /// Rules applied with part of their input, with what is missing.
    public var limited: [SkippedVillageRule]
    /// What would let more villages be classified (e.g. switching off the distance rule when no village has a position).
    public var hints: [Localized]
    /// Communities (居委会/社区) are towns, not villages: not classified; how many.
    public var communitiesNotClassified: Int

    /// How many villages have each type.
    public func count(_ type: VillageType) -> Int { villages.filter { $0.type == type }.count }
}

/// What a village attribute import did.
public struct VillageImportSummary: Sendable {
    public var fileName: String
    public var rowsRead: Int
    /// Village-years that were new, and those that replaced a stored row.
    public var inserted: Int
    public var replaced: Int
    public var importID: Int64?
}

/// Village figures by year, 村庄分类 by ordered editable rules, and 村组合并 candidates.
public struct VillageService: Sendable {
    let store: RegisterStore
    /// Who changes rules and imports figures.
    public let principal: Principal

    /// Village data and rules belong to the natural resources bureau (村庄规划); townships report their villages.
    static let bureau = Bureau.naturalResources

    /// Imports a village attribute table (CSV/XLSX, GBK too): all or nothing, every bad cell
    /// reported; a village's row for a year replaces the stored one; 城乡分类代码 goes to the division.
    public func importAttributes(from url: URL, sheet: String? = nil, year: Int? = nil, dryRun: Bool = false) throws -> VillageImportSummary
    {
        if let year, !PartialDate.years.contains(year) { throw UserError(.invalid, L10n.message(.badYear, year)) }
        let register = try store.read { try $0.register() }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try VillageTableReader(register: register, year: year).read(source)
        let areas = Set(rows.compactMap { register.division(id: $0.attributes.divisionID).flatMap(register.township(of:))?.id })
        // 城乡分类代码 is a property of the division register: changing it is county-level work.
        let changesClass = rows.contains { row in
            row.urbanRuralClass != nil && register.division(id: row.attributes.divisionID)?.urbanRuralClass != row.urbanRuralClass
        }
        let needs = [WriteNeed.data(Self.bureau, areas: areas)] + (changesClass ? [ImportService.divisionsNeed] : [])
        var summary = VillageImportSummary(fileName: source.fileName, rowsRead: rows.count, inserted: 0, replaced: 0, importID: nil)
        let body = { (writer: RegisterWriter) throws in
            let importID = try writer.beginImport(
                kind: "villages", fileName: source.fileName, format: try source.describeFormat(), actor: principal.auditName)
            let stored = Dictionary(
                try writer.reader.villageAttributes().map { ("\($0.divisionID)/\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
            let current = try writer.reader.register()
            for row in rows {
                // What the file gives replaces the stored figure; a missing column or a blank cell keeps it.
                let previous = stored["\(row.attributes.divisionID)/\(row.attributes.year)"]
                let merged = previous.map { Self.merge(row.attributes, into: $0) } ?? row.attributes
                if try writer.save(merged, importID: importID) { summary.replaced += 1 } else { summary.inserted += 1 }
                if let code = row.urbanRuralClass, var division = current.division(id: row.attributes.divisionID),
                    division.urbanRuralClass != code
                {
                    division.urbanRuralClass = code
                    try writer.update(division)
                }
            }
            try writer.finishImport(importID, rowsRead: rows.count, inserted: summary.inserted, updated: summary.replaced, note: nil)
            summary.importID = dryRun ? nil : importID
        }
        if dryRun {
            try store.rehearse(by: principal, needs, body)
        } else {
            try store.write(by: principal, needs, body)
        }
        return summary
    }

    /// A new row's figures over a stored one: what the file gives replaces the stored value; a
    /// column the file lacks, or a blank cell, keeps it (an import never erases a figure). The
    /// sources are kept side by side.
    static func merge(_ new: VillageAttributes, into old: VillageAttributes) -> VillageAttributes {
        var m = old
        m.registeredPopulation = new.registeredPopulation ?? old.registeredPopulation
        m.residentPopulation = new.residentPopulation ?? old.residentPopulation
        m.households = new.households ?? old.households
        m.areaKm2 = new.areaKm2 ?? old.areaKm2
        m.heritage = new.heritage ?? old.heritage
        m.farmlandMu = new.farmlandMu ?? old.farmlandMu
        m.highStandardMu = new.highStandardMu ?? old.highStandardMu
        m.irrigatedMu = new.irrigatedMu ?? old.irrigatedMu
        m.marketKm = new.marketKm ?? old.marketKm
        let sources = old.source.components(separatedBy: "；")
        m.source = sources.contains(new.source) ? old.source : String((sources + [new.source]).joined(separator: "；").suffix(500))
        return m
    }

    /// The stored figures of every village-year.
    public func attributes() throws -> [VillageAttributes] { try store.read { try $0.villageAttributes() } }

    /// The classification rules in order.
    public func rules() throws -> [VillageRule] { try store.read { try $0.villageRules() } }

    /// Changes rule `position`: its type, thresholds (nil keeps the stored one) and switch. Refuses a
    /// threshold the condition does not read, a share above 1, and 暂不分类 as a rule's type.
    @discardableResult
    public func setRule(
        position: Int, type: VillageType? = nil, threshold: Double? = nil, secondThreshold: Double? = nil, enabled: Bool? = nil
    ) throws -> VillageRule {
        try store.write(by: principal, .county(Self.bureau)) { writer in
            guard var rule = try writer.reader.villageRules().first(where: { $0.position == position }) else {
                throw UserError(.notFound, L10n.message(.unknownVillageRule, position))
            }
            if let type {
                if type == .unclassified { throw UserError(.invalid, L10n.message(.ruleTypeUnclassified)) }
                rule.type = type
            }
            for (index, value) in [threshold, secondThreshold].enumerated() {
                guard let value else { continue }
                guard rule.condition.thresholds > index else {
                    throw UserError(.invalid, L10n.message(.ruleNoThreshold, zh: [rule.statement.zh], en: [rule.statement.en]))
                }
                guard value.isFinite, value >= 0, value <= rule.condition.largestThreshold(index) else {
                    throw UserError(.invalid, L10n.message(.badRuleThreshold, Format.number(value, digits: 3)))
                }
                if index == 0 { rule.threshold = value } else { rule.secondThreshold = value }
            }
            if let enabled { rule.enabled = enabled }
            try writer.update(rule)
            return rule
        }
    }

    /// Every current village's type and reasons under the stored rules.
    public func classify() throws -> VillageReport {
        let (facts, inputs, communities) = try villageFacts()
        let rules = try rules()
        let villages = VillageClassifier.classify(facts, rules: rules, inputs: inputs)
        let seatRule = rules.first { $0.condition == .nearCountySeat && $0.enabled }
        let noPositions = inputs.countySeat && seatRule != nil && !facts.isEmpty && facts.allSatisfy { $0.distanceToSeatKm == nil }
        return VillageReport(
            villages: villages, rules: rules, skipped: VillageClassifier.skipped(rules, inputs: inputs),
            limited: VillageClassifier.limited(rules, inputs: inputs),
            hints: noPositions ? [L10n.message(.hintDisableSeatRule, seatRule?.position ?? 2)] : [],
            communitiesNotClassified: communities)
    }

    /// 村组合并 candidates: villages below `maxPopulation` (default: the small-and-shrinking rule's
    /// threshold) fallen by at least `minDecline` % (default: the rule's), with a 集聚提升类 village of
    /// the same township within `maxTravelKm` by straight line × `detour` (no road network yet).
    public func mergeCandidates(maxPopulation: Int? = nil, minDecline: Double? = nil, maxTravelKm: Double = 5, detour: Double = 1.3)
        throws -> [MergeCandidate]
    {
        guard maxTravelKm.isFinite, maxTravelKm > 0, detour.isFinite, detour >= 1 else {
            throw UserError(.invalid, L10n.message(.badMergeOptions))
        }
        let report = try classify()
        let rule = report.rules.first { $0.condition == .smallAndShrinking }
        let register = try store.read { try $0.register() }
        func point(_ id: Division.ID) -> LonLat? {
            guard let d = register.division(id: id), d.locationQuality.isReal, let p = d.location else { return nil }
            return LonLat(p.longitudeDegrees, p.latitudeDegrees)
        }
        return MergeCandidates.find(
            report.villages, maxPopulation: maxPopulation.map(Double.init) ?? rule?.threshold ?? 300,
            minDecline: minDecline ?? rule?.secondThreshold ?? 10,
            maxTravelKm: maxTravelKm, detour: detour,
            distance: { a, b in
                guard let p = point(a), let q = point(b) else { return nil }
                return GreatCircle.distanceMetres(p, q) / 1000
            })
    }

    /// What is known of each current village (figures rolled up over merges), which county-wide
    /// inputs exist, and how many communities were left out.
    func villageFacts() throws -> ([VillageFacts], ClassificationInputs, Int) {
        let (register, rows, layers) = try store.read { (try $0.register(), try $0.villageAttributes(), try $0.layers()) }
        var byDivision: [Division.ID: [VillageAttributes]] = [:]
        for row in rows { byDivision[row.divisionID, default: []].append(row) }
        let current = register.divisions.filter { $0.kind.tier == .village && $0.status == .current }
        let villages = current.filter { $0.kind == .village }
        let seat = register.county.flatMap { c in c.locationQuality.isReal ? c.location : nil }
        let shares = try layerShares(villages, layers: layers)
        let facts = villages.map { v -> VillageFacts in
            var f = VillageFacts(
                id: v.id, code: v.code?.description, name: v.name,
                township: register.parent(of: v).flatMap { register.currentUnit(for: $0)?.name ?? $0.name } ?? "—")
            Self.population(of: v, register: register, byDivision: byDivision, into: &f)
            f.heritage = (byDivision[v.id] ?? []).reversed().compactMap(\.heritage).first
            if let seat, v.locationQuality.isReal, let p = v.location {
                f.distanceToSeatKm =
                    GreatCircle.distanceMetres(
                        LonLat(seat.longitudeDegrees, seat.latitudeDegrees), LonLat(p.longitudeDegrees, p.latitudeDegrees)) / 1000
            }
            f.urbanShare = shares.urban[v.id]
            f.constrainedShare = shares.constrained[v.id]
            return f
        }
        let real = layers.filter { !$0.illustrative }
        let inputs = ClassificationInputs(
            urbanBoundary: real.contains { $0.kind == .urbanBoundary },
            redline: real.contains { $0.kind == .ecologicalRedline }, hazard: real.contains { $0.kind == .hazard },
            countySeat: seat != nil)
        return (facts, inputs, current.count - villages.count)
    }

    /// The population of a village by year, rolled up over merges (撤并前村庄合计). A year counts
    /// only when it is complete: every unit that existed then reports it. A unit "existed" in a year
    /// up to its stated end of validity, else when it reports that year or a later one; the village
    /// itself from its first own year on (a merged unit with neither a date nor a figure cannot be
    /// placed in time and is not counted). So a year before the village's first own figure is the sum of its predecessors when they
    /// all report it (a new village made by a merge, or a new code), a year in which the village
    /// reports adds the predecessors that existed then, and a year a needed unit left out is not
    /// used. A sum is known only when every part gives the measure. 常住人口 when the latest year
    /// gives it — unless only 户籍人口 has a trend — else 户籍人口; the trend compares the earliest year
    /// of the same measure.
    static func population(
        of village: Stored<Division>, register: DivisionRegister, byDivision: [Division.ID: [VillageAttributes]], into f: inout VillageFacts
    ) {
        let predecessors = register.predecessors(of: village).filter { $0.id != village.id }
        let units = [village] + predecessors
        let rows = Dictionary(
            units.map { unit in (unit.id, Dictionary((byDivision[unit.id] ?? []).map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })) },
            uniquingKeysWith: { a, _ in a })
        // The last year a unit existed: its stated end of validity, else its last figure.
        let lastYear = Dictionary(
            units.map { unit in
                let stated = unit.validTo.flatMap { Int($0.prefix(4)) }
                return (unit.id, [stated, rows[unit.id]?.keys.max()].compactMap { $0 }.max())
            }, uniquingKeysWith: { a, _ in a })
        let firstOwn = rows[village.id]?.keys.min()
        var years: [Int: (resident: Int?, registered: Int?, rolledUp: Bool)] = [:]
        for year in Set(rows.values.flatMap(\.keys)) {
            // The units that existed in that year and so must report it.
            let needed = units.filter { unit in
                if unit.id == village.id, let firstOwn { return year >= firstOwn }
                return (lastYear[unit.id] ?? nil).map { $0 >= year } ?? false
            }
            let reported = needed.compactMap { rows[$0.id]?[year] }
            guard !needed.isEmpty, reported.count == needed.count else { continue }
            func total(_ value: (VillageAttributes) -> Int?) -> Int? {
                let values = reported.map(value)
                return values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }.reduce(0, +)
            }
            years[year] = (total(\.residentPopulation), total(\.registeredPopulation), needed.count > 1 || needed[0].id != village.id)
        }
        let sorted = years.keys.sorted()
        guard let newest = sorted.last(where: { years[$0]?.resident != nil || years[$0]?.registered != nil }),
            let newestRow = years[newest]
        else { return }
        // 常住人口 when the latest year gives it — unless only 户籍人口 shows a trend (two years or more).
        let residentYears = sorted.filter { years[$0]?.resident != nil }.count
        let registeredYears = sorted.filter { years[$0]?.registered != nil }.count
        let resident = newestRow.resident != nil && (residentYears >= 2 || registeredYears < 2)
        let measure: (Int) -> Int? = { year in resident ? years[year]?.resident : years[year]?.registered }
        guard let latestYear = sorted.last(where: { measure($0) != nil }), let latest = years[latestYear] else { return }
        f.population = measure(latestYear)
        f.populationYear = latestYear
        f.populationIsResident = resident
        f.rolledUp = latest.rolledUp
        if let earliest = sorted.first(where: { measure($0) != nil }), earliest < latestYear {
            f.earliestYear = earliest
            f.earliestPopulation = measure(earliest)
            f.rolledUp = f.rolledUp || years[earliest]?.rolledUp == true
        }
    }

    /// Per village with a real position, whether its point lies in a non-illustrative urban
    /// development boundary (share 1 or 0) and in a red line or hazard zone.
    func layerShares(_ villages: [Stored<Division>], layers: [StoredLayer]) throws -> (
        urban: [Division.ID: Double], constrained: [Division.ID: Double]
    ) {
        var urban: [Division.ID: Double] = [:]
        var constrained: [Division.ID: Double] = [:]
        let service = LayerService(store: store, principal: .reader)
        for layer in layers where !layer.illustrative && [.urbanBoundary, .ecologicalRedline, .hazard].contains(layer.kind) {
            guard let working = ChinaCRS(epsg: layer.workingCRS), let projection = Projection(from: .cgcs2000, to: working) else {
                continue
            }
            for v in villages where v.locationQuality.isReal {
                guard let p = v.location, let xy = projection.transform(x: p.longitudeDegrees, y: p.latitudeDegrees) else { continue }
                let box = PlanarBox(minX: xy.x, minY: xy.y, maxX: xy.x, maxY: xy.y)
                let inside = try service.features(of: layer, box: box).contains { Shape(wkb: $0.geometry).covers(x: xy.x, y: xy.y) == true }
                if layer.kind == .urbanBoundary {
                    urban[v.id] = max(urban[v.id] ?? 0, inside ? 1 : 0)
                } else {
                    constrained[v.id] = max(constrained[v.id] ?? 0, inside ? 1 : 0)
                }
            }
        }
        return (urban, constrained)
    }
}

extension TableExport {
    /// The classification: code, name, township, type, population and year, trend, the deciding
    /// rule and the reasons.
    public static func villageTable(_ report: VillageReport, _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = report.villages.map { c in
            let f = c.facts
            return [
                .text(f.code ?? ""), .text(f.name), .text(f.township), .text(c.type.label.text(language)),
                .number(f.population.map(Double.init), digits: 0), .number(f.populationYear.map(Double.init), digits: 0),
                .number(f.declinePercent, digits: 1), .text(f.heritage?.label.text(language) ?? ""),
                .number(f.distanceToSeatKm, digits: 1), .text(c.rule.map { String($0.position) } ?? ""),
                .text(c.reasons.map { $0.text(language) }.joined(separator: "；")),
            ]
        }
        return ExportTable(
            title: t(.villagesTitle),
            headers: [
                t(.colCode), t(.colName), t(.colTownship), t(.colVillageType), t(.colVillagePopulation), t(.colYear), t(.colDecline),
                t(.colHeritage), t(.colSeatKm), t(.colRuleNumber), t(.colReasons),
            ], rows: rows)
    }

    /// 村组合并 candidates: village, township, population and decline, the central village, the
    /// straight and estimated distances and how the estimate was made.
    public static func mergeTable(_ candidates: [MergeCandidate], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = candidates.map { m in
            [
                .text(m.village.name), .text(m.village.township), .number(m.village.population.map(Double.init), digits: 0),
                .number(m.village.declinePercent, digits: 1), .text(m.target.name),
                .number(m.target.population.map(Double.init), digits: 0),
                .number(m.straightKm, digits: 2), .number(m.travelKm, digits: 2),
                .text(L10n.message(.travelByDetour, Format.number(m.detour, digits: 2)).text(language)),
            ]
        }
        return ExportTable(
            title: t(.uiMergeCandidates),
            headers: [
                t(.colVillage), t(.colTownship), t(.colVillagePopulation), t(.colDecline), t(.colMergeTarget), t(.colTargetPopulation),
                t(.colStraightKm), t(.colTravelKm), t(.colTravelBasis),
            ], rows: rows)
    }
}
