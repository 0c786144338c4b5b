public import Domain
public import Foundation
import Interchange
public import Localization
public import Reports
public import Store

/// An idle asset with the names of its village and township.
public struct AssetView: Sendable, Hashable {
    public var asset: Stored<IdleAsset>
    /// nil when the asset is recorded at township level.
    public var village: String?
    public var township: String
    /// The position drawn on the map: the asset's own, else its village's (marked as not its own).
    public var mapPosition: GeoPoint?
    public var positionIsOwn: Bool
    /// Whether the map position is illustrative (示意).
    public var positionIllustrative: Bool
}

/// The fields of an asset a person may change (`assets update`, the page's form); nil keeps.
public struct AssetChange: Sendable {
    public var status: AssetStatus?
    public var proposedUse: String?
    public var actualUse: String?
    public var date: String?
    public var evidence: String?
    public var areaM2: Double?
    public var note: String?

    public init(
        status: AssetStatus? = nil, proposedUse: String? = nil, actualUse: String? = nil, date: String? = nil, evidence: String? = nil,
        areaM2: Double? = nil, note: String? = nil
    ) {
        self.status = status
        self.proposedUse = proposedUse
        self.actualUse = actualUse
        self.date = date
        self.evidence = evidence
        self.areaM2 = areaM2
        self.note = note
    }
}

/// The idle land and asset register (闲置土地和资产): list, import, update, export.
public struct AssetService: Sendable {
    let store: RegisterStore
    /// Who imports and changes assets.
    public let principal: Principal

    /// Idle land is the natural resources bureau's, by township.
    static let bureau = Bureau.naturalResources

    /// Every asset with its village and township.
    public func assets() throws -> [AssetView] {
        let (register, assets) = try store.read { (try $0.register(), try $0.idleAssets()) }
        return assets.map { a in
            let division = register.division(id: a.divisionID)
            let township = division.flatMap(register.currentTownship)
            let position = a.location
            return AssetView(
                asset: a, village: division.flatMap { $0.kind.tier == .village ? $0.name : nil }, township: township?.name ?? "—",
                mapPosition: position ?? division?.location, positionIsOwn: position != nil,
                positionIllustrative: position == nil && division?.locationQuality == .illustrative)
        }
    }

    /// Imports assets (CSV/XLSX, GBK too), all or nothing; a row naming an asset already stored
    /// (same village, kind and name) is refused rather than silently merged. Returns the rows written.
    @discardableResult
    public func importAssets(from url: URL, sheet: String? = nil, dryRun: Bool = false) throws -> Int {
        let register = try store.read { try $0.register() }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try AssetTableReader(register: register).read(source)
        let areas = Set(rows.compactMap { row in register.division(id: row.asset.divisionID).flatMap(Self.townshipID(register)) })
        let body = { (writer: RegisterWriter) throws -> Int in
            let stored = Set(try writer.reader.idleAssets().map { "\($0.divisionID)/\($0.kind.rawValue)/\($0.name)" })
            var issues = IssueList(file: source.fileName)
            for row in rows where stored.contains("\(row.asset.divisionID)/\(row.asset.kind.rawValue)/\(row.asset.name)") {
                issues.append(ImportIssue(file: source.fileName, row: row.row, message: L10n.message(.assetExists, row.asset.name)))
            }
            if !issues.isEmpty { throw UserError.rejected(issues) }
            let importID = try writer.beginImport(
                kind: "assets", fileName: source.fileName, format: try source.describeFormat(), actor: principal.auditName)
            for row in rows { try writer.insert(row.asset) }
            try writer.finishImport(importID, rowsRead: rows.count, inserted: rows.count, updated: 0, note: nil)
            return rows.count
        }
        let need = WriteNeed.data(Self.bureau, areas: areas)
        return dryRun ? try store.rehearse(by: principal, need, body) : try store.write(by: principal, need, body)
    }

    /// Changes an asset's status, uses, date, evidence, area or note; audited.
    @discardableResult
    public func update(_ id: IdleAsset.ID, _ change: AssetChange) throws -> Stored<IdleAsset> {
        let register = try store.read { try $0.register() }
        guard var asset = try store.read({ try $0.idleAssets() }).first(where: { $0.id == id }) else {
            throw UserError(.notFound, L10n.message(.unknownAsset, id.description))
        }
        let area = register.division(id: asset.divisionID).flatMap(Self.townshipID(register))
        if let status = change.status { asset.status = status }
        func text(_ value: String?) -> String?? {
            guard let value else { return nil }
            let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return .some(t.isEmpty ? nil : t)
        }
        if let v = text(change.proposedUse) { asset.proposedUse = v }
        if let v = text(change.actualUse) { asset.actualUse = v }
        if let v = text(change.evidence) { asset.evidence = v }
        if let v = text(change.note) { asset.note = v }
        if let v = text(change.date) {
            if let written = v {
                guard let date = PartialDate(written) else { throw UserError(.invalid, L10n.message(.badDate, written)) }
                asset.date = date
            } else {
                asset.date = nil
            }
        }
        if let area = change.areaM2 {
            if area == 0 { throw UserError(.invalid, L10n.message(.assetAreaZero)) }
            guard area.isFinite, area >= 0 else { throw UserError(.invalid, L10n.message(.negativeNumber, Format.number(area, digits: 2))) }
            asset.areaM2 = area
        }
        return try save(asset, area)
    }

    private func save(_ asset: Stored<IdleAsset>, _ area: Division.ID?) throws -> Stored<IdleAsset> {
        try store.write(by: principal, .data(Self.bureau, areas: area.map { [$0] } ?? [])) { try $0.update(asset) }
        return asset
    }

    static func townshipID(_ register: DivisionRegister) -> (Stored<Division>) -> Division.ID? {
        { d in d.kind.tier == .township ? d.id : register.township(of: d)?.id }
    }
}

extension TableExport {
    /// The asset register: id, kind, name, village, township, m², 亩, owner, status, uses, date,
    /// evidence, source.
    public static func assetTable(_ assets: [AssetView], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = assets.map { v in
            let a = v.asset
            return [
                .number(Double(a.id.rawValue), digits: 0), .text(a.kind.label.text(language)), .text(a.name), .text(v.village ?? ""),
                .text(v.township), .number(a.areaM2, digits: 1), .number(a.areaMu, digits: 2), .text(a.owner?.label.text(language) ?? ""),
                .text(a.status.label.text(language)), .text(a.proposedUse ?? ""), .text(a.actualUse ?? ""),
                .text(a.date?.description ?? ""), .text(a.evidence ?? ""), .text(a.source),
            ]
        }
        return ExportTable(
            title: t(.assetsTitle),
            headers: [
                "ID", t(.colKind), t(.colName), t(.colVillage), t(.colTownship), t(.colAreaM2), t(.colAreaMu), t(.colAssetOwner),
                t(.colStatus),
                t(.colProposedUse), t(.colActualUse), t(.colDate), t(.colEvidence), t(.colSource),
            ], rows: rows)
    }
}
