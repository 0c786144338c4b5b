public import Domain
public import Foundation
import Interchange
public import Localization
import Reports
import Store

/// A facility with the names of the places it belongs to.
public struct HealthFacilityView: Sendable, Hashable {
    public var facility: HealthFacility
    public var township: String
    /// The village of a 村卫生室; nil for the other kinds.
    public var village: String?
    /// Where the map draws it: its own position, else its village's or township's.
    public var longitude: Double?
    public var latitude: Double?
    /// The drawn position is not the facility's own.
    public var positionIsStandIn: Bool
    public var positionIllustrative: Bool
}

/// One 乡镇卫生院's 六统一, item by item (an item never recorded is missing, not "not started").
public struct HealthCenterStatus: Sendable, Hashable {
    public var facility: HealthFacilityView
    public var items: [UnificationItem: Unification]
    /// Village clinics in its township.
    public var clinics: Int

    /// Items recorded as unified.
    public var unified: Int { items.values.filter { $0.status == .done }.count }
}

/// A current village with no 村卫生室.
public struct VillageWithoutClinic: Sendable, Hashable {
    public var village: String
    public var township: String
    /// 常住人口 of the latest year, else 户籍人口.
    public var population: Int?
}

/// A plan task about a hospital alliance (医联体 / 医共体), with the facilities naming that alliance.
public struct AllianceTask: Sendable, Hashable {
    public var task: PlanTask
    public var members: [String]
}

/// The health picture: facilities, 六统一 per 卫生院, villages without a clinic, alliance tasks.
public struct HealthStatusReport: Sendable {
    public var facilities: [HealthFacilityView]
    public var centers: [HealthCenterStatus]
    public var withoutClinic: [VillageWithoutClinic]
    /// Current townships with no 乡镇卫生院 registered.
    public var townshipsWithoutCenter: [String]
    public var allianceTasks: [AllianceTask]
}

/// The medical facilities register (县级医院, 乡镇卫生院, 村卫生室) and 县乡一体化's 六统一.
public struct HealthService: Sendable {
    let store: RegisterStore
    let principal: Principal

    static let bureau = Bureau.health

    /// Every facility with its places.
    public func facilities() throws -> [HealthFacilityView] {
        let (register, facilities) = try store.read { (try $0.register(), try $0.healthFacilities()) }
        return facilities.map { f in
            let division = register.division(id: f.divisionID)
            // A merged township's places count toward the township they belong to now.
            let township = division.flatMap(register.currentTownship)
            let own = f.longitude.flatMap { lon in f.latitude.map { (lon, $0) } }
            let standIn = division?.location.map { ($0.longitudeDegrees, $0.latitudeDegrees) }
            return HealthFacilityView(
                facility: f, township: township?.name ?? division?.name ?? "—",
                village: f.kind == .clinic ? division?.name : nil, longitude: (own ?? standIn)?.0, latitude: (own ?? standIn)?.1,
                positionIsStandIn: own == nil, positionIllustrative: own == nil && division?.locationQuality == .illustrative)
        }
    }

    /// Imports facilities (CSV/XLSX, GBK too), all or nothing; a facility already stored (same
    /// name in the same place) is updated. Returns (inserted, updated).
    @discardableResult
    public func importFacilities(from url: URL, sheet: String? = nil, dryRun: Bool = false) throws -> (inserted: Int, updated: Int) {
        let register = try store.read { try $0.register() }
        let source = try TableSources.open(url, sheet: sheet)
        let rows = try HealthTableReader(register: register).read(source)
        let areas = Set(
            rows.compactMap { row in register.division(id: row.facility.divisionID).flatMap(AssetService.townshipID(register)) })
        // A county hospital belongs to no township: county-level permission.
        let need: WriteNeed =
            rows.contains { $0.facility.kind == .countyHospital } ? .county(Self.bureau) : .data(Self.bureau, areas: areas)
        let body = { (writer: RegisterWriter) throws -> (Int, Int) in
            let importID = try writer.beginImport(
                kind: "clinics", fileName: source.fileName, format: try source.describeFormat(), actor: principal.auditName)
            var inserted = 0
            for row in rows where try writer.saveHealthFacility(row.facility, importID: importID).inserted { inserted += 1 }
            try writer.finishImport(importID, rowsRead: rows.count, inserted: inserted, updated: rows.count - inserted, note: nil)
            return (inserted, rows.count - inserted)
        }
        return dryRun ? try store.rehearse(by: principal, need, body) : try store.write(by: principal, need, body)
    }

    /// Records one item of 六统一 at a 乡镇卫生院 named by number, by name, or by its township.
    @discardableResult
    public func setUnification(
        _ reference: String, item: UnificationItem, status: UnificationStatus, evidence: String?, date: String?
    ) throws -> (unification: Unification, centre: String) {
        let centers = try facilities().filter { $0.facility.kind == .healthCenter }
        let t = reference.trimmingCharacters(in: .whitespaces)
        let matches = centers.filter { "\($0.facility.id)" == t || $0.facility.name == t || $0.township == t }
        guard matches.count == 1, let center = matches.first else {
            throw UserError(
                matches.isEmpty ? .notFound : .invalid,
                L10n.message(
                    .healthUnknownCenter, reference, centers.map { "#\($0.facility.id) \($0.facility.name)" }.joined(separator: "、")))
        }
        let parts = FractionalYear.calendar.dateComponents([.year, .month, .day], from: Date())
        let today = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        if let date, PartialDate(date) == nil || date.count != 10 || date > today {
            throw UserError(.invalid, L10n.message(.healthBadDate, date))
        }
        let record = Unification(facilityID: center.facility.id, item: item, status: status, evidence: evidence, date: date)
        let register = try store.read { try $0.register() }
        let area = register.division(id: center.facility.divisionID).map { Set([$0.id]) } ?? []
        try store.write(by: principal, .data(Self.bureau, areas: area)) { w in try w.saveUnification(record) }
        return (record, center.facility.name)
    }

    /// Facilities, 六统一 per 卫生院, villages without a clinic, townships without a 卫生院 and the
    /// alliance tasks of the plan.
    public func status() throws -> HealthStatusReport {
        let (register, unification, attributes, tasks) = try store.read {
            (try $0.register(), try $0.unification(), try $0.villageAttributes(), try $0.tasks())
        }
        let views = try facilities()
        let clinicsByTownship = Dictionary(grouping: views.filter { $0.facility.kind == .clinic }, by: \.township).mapValues(\.count)
        let centers = views.filter { $0.facility.kind == .healthCenter }.map { v in
            HealthCenterStatus(
                facility: v,
                items: Dictionary(
                    unification.filter { $0.facilityID == v.facility.id }.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a }),
                clinics: clinicsByTownship[v.township] ?? 0)
        }
        let withClinic = Set(views.filter { $0.facility.kind == .clinic }.map(\.facility.divisionID))
        let population = VillageAttributes.latestPopulation(attributes)
        let without = register.divisions.filter { $0.kind == .village && $0.status == .current && !withClinic.contains($0.id) }.map {
            VillageWithoutClinic(village: $0.name, township: register.currentTownship(of: $0)?.name ?? "—", population: population[$0.id])
        }
        let centerTownships = Set(centers.map(\.facility.township))
        let townshipsWithout = register.townships.filter { $0.status == .current && !centerTownships.contains($0.name) }.map(\.name)
        let alliances = tasks.filter { $0.name.contains(Self.allianceWord) || $0.name.contains(Self.communityWord) }.map { task in
            let stem = Self.stem(task.name)
            let members = views.filter { v in
                guard let alliance = v.facility.alliance, !alliance.isEmpty else { return false }
                return task.name.contains(alliance) || (!stem.isEmpty && alliance.contains(stem))
            }
            return AllianceTask(task: task, members: members.map(\.facility.name))
        }
        return HealthStatusReport(
            facilities: views, centers: centers, withoutClinic: without, townshipsWithoutCenter: townshipsWithout, allianceTasks: alliances)
    }

    static let allianceWord = "医联体"  // vocabulary
    static let communityWord = "医共体"  // vocabulary

    /// A task's alliance as facilities name it: the words before 「城市医联体建设」/「医共体建设」.
    static func stem(_ name: String) -> String {
        for word in ["城市医联体建设", "医联体建设", "医共体建设"] {  // vocabulary
            if let r = name.range(of: word) { return String(name[..<r.lowerBound]) }
        }
        return name
    }
}

extension HealthService {
    /// The facilities as a table (page, XLSX, CSV).
    public static func facilityTable(_ facilities: [HealthFacilityView], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        return ExportTable(
            title: t(.healthFacilitiesHeading),
            headers: [
                "ID", t(.colKind), t(.colName), t(.colTownship), t(.colVillage), t(.healthDoctors), t(.healthVillageDoctors),
                t(.healthNurses),
                t(.healthBeds), t(.healthAlliance), t(.colSource),
            ],
            rows: facilities.map { v in
                let f = v.facility
                let counts: [Double?] = [f.doctors, f.villageDoctors, f.nurses, f.beds].map { $0.map(Double.init) }
                return [.text(String(f.id)), .text(f.kind.label.text(language)), .text(f.name), .text(v.township), .text(v.village ?? "")]
                    + counts.map { .number($0, digits: 0) } + [.text(f.alliance ?? ""), .text(f.source ?? "")]
            })
    }
}
