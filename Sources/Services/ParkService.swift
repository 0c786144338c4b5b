public import Domain
public import Foundation
import Interchange
public import Localization
public import Reports
public import Store

/// One park's figures for one year, computed from its enterprise rows.
public struct ParkYear: Sendable, Hashable {
    public var year: Int
    public var enterprises: Int
    /// Sums over the enterprises that report the figure; nil when none does.
    public var jobs: Int?
    public var outputWan: Double?
    public var investmentWan: Double?
    /// How many enterprises report each figure (a sum over fewer than `enterprises` is partial).
    public var jobsReported: Int
    public var outputReported: Int
    public var investmentReported: Int
}

/// A park with its township and its yearly figures.
public struct ParkView: Sendable, Hashable {
    public var park: Stored<Park>
    public var township: String
    /// Oldest year first; empty while no enterprise is recorded.
    public var years: [ParkYear]
    public var enterprises: [Stored<ParkEnterprise>]
}

/// The characteristic parks register (特色园区): parks, their enterprises by year, and the
/// figures computed from them.
public struct ParkService: Sendable {
    let store: RegisterStore
    /// Who adds parks and imports enterprises.
    public let principal: Principal

    /// Parks are the agriculture bureau's (产业园区 of 乡村振兴), by township.
    static let bureau = Bureau.agriculture

    /// Every park with its figures.
    public func parks() throws -> [ParkView] {
        let (register, parks, enterprises) = try store.read { (try $0.register(), try $0.parks(), try $0.parkEnterprises()) }
        return parks.map { park in
            let own = enterprises.filter { $0.parkID == park.id }
            let years = Set(own.map(\.year)).sorted().map { year -> ParkYear in
                let rows = own.filter { $0.year == year }
                func sum<T: AdditiveArithmetic>(_ values: [T?]) -> T? {
                    let known = values.compactMap { $0 }
                    return known.isEmpty ? nil : known.reduce(.zero, +)
                }
                return ParkYear(
                    year: year, enterprises: rows.count, jobs: sum(rows.map(\.jobs)), outputWan: sum(rows.map(\.outputWan)),
                    investmentWan: sum(rows.map(\.investmentWan)), jobsReported: rows.filter { $0.jobs != nil }.count,
                    outputReported: rows.filter { $0.outputWan != nil }.count,
                    investmentReported: rows.filter { $0.investmentWan != nil }.count)
            }
            return ParkView(park: park, township: register.division(id: park.townshipID)?.name ?? "—", years: years, enterprises: own)
        }
    }

    /// Registers a park in a township; refuses a name taken and an unknown township.
    @discardableResult
    public func add(
        name: String, township: String, kind: String, status: ParkStatus = .planned, industries: String? = nil,
        boundaryLayer: String? = nil, boundaryFeature: Int? = nil, source: String, note: String? = nil
    ) throws -> Park.ID {
        let name = DivisionNames.canonical(name)
        let kind = kind.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !kind.isEmpty, !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            try principal.requireSomeWrite()
            throw UserError(.invalid, L10n.message(.parkFieldsBlank))
        }
        let unit = try RegisterService(store: store).township(named: township)
        if unit.status == .historical, let now = try store.read({ try $0.register() }).currentUnit(for: unit), now.id != unit.id {
            throw UserError(.invalid, L10n.message(.historicalTownship, unit.name, now.name))
        }
        if let layer = boundaryLayer { try checkBoundary(layer, boundaryFeature) }
        return try store.write(by: principal, .data(Self.bureau, areas: [unit.id])) { writer in
            if try writer.reader.parks().contains(where: { $0.name == name }) {
                throw UserError(.conflict, L10n.message(.parkNameTaken, name))
            }
            return try writer.insert(
                Park(
                    name: name, townshipID: unit.id, kind: kind, status: status, industries: industries, boundaryLayer: boundaryLayer,
                    boundaryFeature: boundaryFeature, source: source, note: note))
        }
    }

    /// Changes a park named `name`: its status, kind, industries (blank clears), boundary (layer
    /// and feature) and note; nil keeps. Refuses an unknown park, layer or feature.
    @discardableResult
    public func update(
        _ name: String, status: ParkStatus? = nil, kind: String? = nil, industries: String? = nil, boundaryLayer: String? = nil,
        boundaryFeature: Int? = nil, note: String? = nil
    ) throws -> Stored<Park> {
        let canonical = DivisionNames.canonical(name)
        guard var park = try store.read({ try $0.parks() }).first(where: { $0.name == canonical }) else {
            try principal.requireSomeWrite()
            throw UserError(
                .notFound, L10n.message(.unknownPark, canonical, try store.read { try $0.parks() }.map(\.name).joined(separator: "、")))
        }
        if let status { park.status = status }
        if let kind = kind?.trimmingCharacters(in: .whitespaces), !kind.isEmpty { park.kind = kind }
        if let industries { park.industries = industries.trimmingCharacters(in: .whitespaces).isEmpty ? nil : industries }
        if let note { park.note = note.trimmingCharacters(in: .whitespaces).isEmpty ? nil : note }
        if let layer = boundaryLayer {
            try checkBoundary(layer, boundaryFeature)
            park.boundaryLayer = layer
            park.boundaryFeature = boundaryFeature
        }
        let stored = park
        try store.write(by: principal, .data(Self.bureau, areas: [park.townshipID])) { try $0.update(stored) }
        return stored
    }

    /// Refuses a boundary layer that is not stored, or a feature number it does not have.
    func checkBoundary(_ layer: String, _ feature: Int?) throws {
        guard let stored = try store.read({ try $0.layer(named: layer) }) else {
            throw UserError(.notFound, L10n.message(.layerNotFound, layer))
        }
        if let feature, !(1...max(1, stored.featureCount)).contains(feature) {
            throw UserError(.invalid, L10n.message(.unknownLayerFeature, String(feature), layer))
        }
    }

    /// Imports enterprises by year (CSV/XLSX, GBK too), all or nothing; a row for a park,
    /// enterprise and year replaces the stored one. Returns (new, replaced).
    @discardableResult
    public func importEnterprises(from url: URL, sheet: String? = nil, dryRun: Bool = false) throws -> (inserted: Int, replaced: Int) {
        let parks = try store.read { try $0.parks() }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try EnterpriseTableReader(parks: Dictionary(parks.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })).read(
            source)
        let townships = Dictionary(parks.map { ($0.id, $0.townshipID) }, uniquingKeysWith: { a, _ in a })
        let need = WriteNeed.data(Self.bureau, areas: Set(rows.compactMap { townships[$0.enterprise.parkID] }))
        let body = { (writer: RegisterWriter) throws -> (Int, Int) in
            let importID = try writer.beginImport(
                kind: "park-enterprises", fileName: source.fileName, format: try source.describeFormat(), actor: principal.auditName)
            var counts = (0, 0)
            for row in rows {
                if try writer.save(row.enterprise) { counts.1 += 1 } else { counts.0 += 1 }
            }
            try writer.finishImport(importID, rowsRead: rows.count, inserted: counts.0, updated: counts.1, note: nil)
            return counts
        }
        return dryRun ? try store.rehearse(by: principal, need, body) : try store.write(by: principal, need, body)
    }
}

extension TableExport {
    /// One row per park and year: park, township, kind, status, year, enterprises, jobs, output, investment.
    public static func parkTable(_ parks: [ParkView], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        // After each sum, how many enterprises reported it (fewer than the enterprises: a partial sum).
        let rows: [[TableWorkbook.Cell]] = parks.flatMap { view -> [[TableWorkbook.Cell]] in
            let head: [TableWorkbook.Cell] = [
                .text(view.park.name), .text(view.township), .text(view.park.kind), .text(view.park.status.label.text(language)),
            ]
            guard !view.years.isEmpty else { return [head + Array(repeating: .text(""), count: 8)] }
            return view.years.map { y in
                head + [
                    .text(String(y.year)), .number(Double(y.enterprises), digits: 0), .number(y.jobs.map(Double.init), digits: 0),
                    .number(Double(y.jobsReported), digits: 0), .number(y.outputWan, digits: 1),
                    .number(Double(y.outputReported), digits: 0),
                    .number(y.investmentWan, digits: 1), .number(Double(y.investmentReported), digits: 0),
                ]
            }
        }
        return ExportTable(
            title: t(.parksTitle),
            headers: [
                t(.colPark), t(.colTownship), t(.colKind), t(.colStatus), t(.colYear), t(.colEnterprises), t(.colJobs), t(.colReported),
                t(.colOutput), t(.colReported), t(.colInvestment), t(.colReported),
            ], rows: rows)
    }
}
