public import Domain
public import Store

/// Which data is missing where: one line per township (R1 "data completeness is visible").
public struct CompletenessRow: Sendable {
    public var township: Stored<Division>
    /// Village-level units, including those of merged predecessors.
    public var villages: Int
    public var villagesWithoutCode: Int
    /// Village-level units whose position is not real: illustrative, approximate or of unknown quality.
    public var villagesWithoutRealPosition: Int
    /// Of those, the ones placed by the illustrative procedure (or with no position at all).
    public var villagesIllustrative: Int
    /// Of those, the ones with a published but approximate position.
    public var villagesApproximate: Int
    public var villagesWithPopulation: Int
    public var villagesWithUrbanRuralClass: Int
    /// Merged units whose villages are counted here by an inferred merger (岭底乡 in 天宁镇).
    public var inferredPredecessors: [String]
    /// How good the township's own seat position is.
    public var seatPositionQuality: LocationQuality
    /// The township's school report: reported, not reported, or nil (never mentioned).
    public var schoolsReport: ReportStatus?
}

/// Computes data completeness per township.
public struct CompletenessService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    public func rows() throws -> [CompletenessRow] {
        try store.derived("completeness") {
            let (register, reports) = try store.read { reader in
                (try reader.register(), try reader.townshipReports(topic: "schools"))
            }
            // Current townships, plus merged ones whose successor is unknown (their villages belong nowhere else).
            return register.townships.filter { $0.status == .current || register.currentUnit(for: $0) == nil }.map { township in
                let area = [township] + register.predecessors(of: township)
                let villages = area.flatMap { register.villages(in: $0) }
                let areaIDs = Set(area.map(\.id))
                let areaReports = reports.filter { areaIDs.contains($0.townshipID) }
                let schools: ReportStatus? = areaReports.contains { $0.status == .reported } ? .reported : areaReports.first?.status
                return CompletenessRow(
                    township: township, villages: villages.count,
                    villagesWithoutCode: villages.filter { $0.code == nil }.count,
                    villagesWithoutRealPosition: villages.filter { !$0.locationQuality.isReal }.count,
                    villagesIllustrative: villages.filter { $0.locationQuality == .illustrative || $0.locationQuality == .unknown }.count,
                    villagesApproximate: villages.filter { $0.locationQuality == .approximate }.count,
                    villagesWithPopulation: villages.filter { $0.population != nil }.count,
                    villagesWithUrbanRuralClass: villages.filter { $0.urbanRuralClass != nil }.count,
                    inferredPredecessors: area.filter { register.reachesCurrentUnitByInference($0) }.map(\.name),
                    seatPositionQuality: township.locationQuality, schoolsReport: schools)
            }
        }
    }
}
