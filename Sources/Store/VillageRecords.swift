public import Domain
import Foundation

/// A stored park enterprise row.
public typealias StoredEnterprise = Stored<ParkEnterprise>

/// A scenario adoption: which scenario, when, by whom, and what it decided.
public struct AdoptionRecord: Sendable, Hashable {
    public var id: Int64
    public var scenarioID: Int64
    public var adoptedAt: String
    public var actor: String
    /// The schools it marks 拟撤并.
    public var closedSchools: [School.ID]
    /// The tasks it created.
    public var taskIDs: [Int64]
}

extension RegisterReader {
    /// Every year's figures of every village-tier division, by division and year.
    public func villageAttributes() throws -> [VillageAttributes] {
        try db.rows("SELECT * FROM village_attributes ORDER BY division_id, year").map { row in
            VillageAttributes(
                divisionID: row.id("division_id"), year: row["year"], registeredPopulation: row["registered_population"],
                residentPopulation: row["resident_population"], households: row["households"], areaKm2: row["area_km2"],
                heritage: (row["heritage"] as String?).flatMap(HeritageDesignation.init(rawValue:)), farmlandMu: row["farmland_mu"],
                highStandardMu: row["high_standard_mu"], irrigatedMu: row["irrigated_mu"], marketKm: row["market_km"],
                source: row["source"])
        }
    }

    /// The classification rules in their order.
    public func villageRules() throws -> [VillageRule] {
        try db.rows("SELECT * FROM village_rules ORDER BY position").map { row in
            VillageRule(
                id: row["id"], position: row["position"],
                condition: VillageCondition(rawValue: row["condition"]) ?? .otherwise,
                type: VillageType(rawValue: row["type"]) ?? .unclassified,
                threshold: row["threshold"], secondThreshold: row["second_threshold"], enabled: row["enabled"])
        }
    }

    /// The zoning criteria with their stored weights, in the order of `ZoningCriterionKey`.
    public func zoningCriteria() throws -> [ZoningCriterion] {
        let rows = try db.rows("SELECT * FROM zoning_criteria")
        return rows.compactMap { row -> ZoningCriterion? in
            guard let key = ZoningCriterionKey(rawValue: row["key"]) else { return nil }
            return ZoningCriterion(key: key, weight: row["weight"], enabled: row["enabled"])
        }.sorted { a, b in
            (ZoningCriterionKey.allCases.firstIndex(of: a.key) ?? 0) < (ZoningCriterionKey.allCases.firstIndex(of: b.key) ?? 0)
        }
    }

    /// Every park, by name.
    public func parks() throws -> [Stored<Park>] {
        try db.rows("SELECT * FROM parks ORDER BY id").map { row in
            Stored(
                id: row.id("id"),
                Park(
                    name: row["name"], townshipID: row.id("township_id"), kind: row["kind"],
                    status: ParkStatus(rawValue: row["status"]) ?? .planned, industries: row["industries"],
                    boundaryLayer: row["boundary_layer"], boundaryFeature: row["boundary_feature"], source: row["source"], note: row["note"]
                ))
        }
    }

    /// Every park enterprise row, by park, year and name.
    public func parkEnterprises() throws -> [StoredEnterprise] {
        try db.rows("SELECT * FROM park_enterprises ORDER BY park_id, year, name").map { row in
            Stored(
                id: row.id("id"),
                ParkEnterprise(
                    parkID: row.id("park_id"), name: row["name"], sector: row["sector"], year: row["year"], jobs: row["jobs"],
                    outputWan: row["output_wan"], investmentWan: row["investment_wan"], source: row["source"]))
        }
    }

    /// Every idle asset, oldest record first.
    public func idleAssets() throws -> [Stored<IdleAsset>] {
        try db.rows("SELECT * FROM idle_assets ORDER BY id").map(Self.asset)
    }

    static func asset(_ row: SQLRow) -> Stored<IdleAsset> {
        let longitude: Double? = row["longitude"]
        let latitude: Double? = row["latitude"]
        return Stored(
            id: row.id("id"),
            IdleAsset(
                kind: AssetKind(rawValue: row["kind"]) ?? .other, name: row["name"], divisionID: row.id("division_id"),
                areaM2: row["area_m2"], owner: (row["owner"] as String?).flatMap(AssetOwner.init(rawValue:)),
                status: AssetStatus(rawValue: row["status"]) ?? .idle, proposedUse: row["proposed_use"], actualUse: row["actual_use"],
                date: row.partialDate("date"), evidence: row["evidence"],
                location: longitude.flatMap { lon in latitude.map { GeoPoint(longitudeDegrees: lon, latitudeDegrees: $0) } },
                schoolID: row.optionalID("school_id"), adoptionID: row["adoption_id"], source: row["source"], note: row["note"]))
    }

    /// The schools adopted scenarios mark 拟撤并: the scenario and whether the whole school closes.
    public func schoolDecisions() throws -> [School.ID: (scenario: Int64, wholeSchool: Bool)] {
        var result: [School.ID: (scenario: Int64, wholeSchool: Bool)] = [:]
        for row in try db.rows(
            "SELECT d.school_id, d.decision, a.scenario_id FROM school_decisions d JOIN adoptions a ON a.id = d.adoption_id")
        {
            let decision: String = row["decision"]
            result[row.id("school_id")] = (row["scenario_id"], decision == "closure")
        }
        return result
    }

    /// The codes of the tasks with these ids.
    public func taskCodes(ids: [Int64]) throws -> [String] {
        try ids.compactMap { try db.value(String.self, "SELECT code FROM tasks WHERE id = ?", $0) }
    }

    /// Every adoption with what it decided.
    public func adoptions() throws -> [AdoptionRecord] {
        try db.rows("SELECT * FROM adoptions ORDER BY id").map { row in
            let id: Int64 = row["id"]
            return AdoptionRecord(
                id: id, scenarioID: row["scenario_id"], adoptedAt: row["adopted_at"], actor: row["actor"],
                closedSchools: try db.values(
                    Int64.self, "SELECT school_id FROM school_decisions WHERE adoption_id = ? ORDER BY school_id", id
                )
                .map { School.ID($0) },
                taskIDs: try db.values(Int64.self, "SELECT task_id FROM adoption_tasks WHERE adoption_id = ? ORDER BY task_id", id))
        }
    }
}

extension RegisterWriter {
    /// Stores one year's figures of a village, replacing that village's row for the year.
    /// Returns true when a row was replaced.
    @discardableResult
    public func save(_ a: VillageAttributes, importID: Int64?) throws -> Bool {
        let replaced =
            try db.execute("DELETE FROM village_attributes WHERE division_id = ? AND year = ?", a.divisionID.rawValue, a.year) > 0
        try db.execute(
            """
            INSERT INTO village_attributes (division_id, year, registered_population, resident_population, households, area_km2,
                heritage, farmland_mu, high_standard_mu, irrigated_mu, market_km, source, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            a.divisionID.rawValue, a.year, a.registeredPopulation, a.residentPopulation, a.households, a.areaKm2, a.heritage?.rawValue,
            a.farmlandMu, a.highStandardMu, a.irrigatedMu, a.marketKm, a.source, importID)
        return replaced
    }

    /// Changes a classification rule's thresholds, type and switch (by id).
    public func update(_ rule: VillageRule) throws {
        try db.execute(
            "UPDATE village_rules SET type = ?, threshold = ?, second_threshold = ?, enabled = ? WHERE id = ?", rule.type.rawValue,
            rule.threshold, rule.secondThreshold, rule.enabled, rule.id)
    }

    /// Replaces the zoning weights.
    public func save(_ criteria: [ZoningCriterion]) throws {
        for c in criteria {
            try db.execute(
                "UPDATE zoning_criteria SET weight = ?, enabled = ? WHERE key = ?", c.weight, c.enabled, c.key.rawValue)
        }
    }

    /// Stores a new park; its id.
    public func insert(_ park: Park) throws -> Park.ID {
        Park.ID(
            try db.insertReturningID(
                """
                INSERT INTO parks (name, township_id, kind, status, industries, boundary_layer, boundary_feature, source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                park.name, park.townshipID.rawValue, park.kind, park.status.rawValue, park.industries, park.boundaryLayer,
                park.boundaryFeature, park.source, park.note))
    }

    /// Changes a stored park's kind, status, industries, boundary and note (by id).
    public func update(_ park: Stored<Park>) throws {
        try db.execute(
            """
            UPDATE parks SET kind = ?, status = ?, industries = ?, boundary_layer = ?, boundary_feature = ?, source = ?, note = ?
            WHERE id = ?
            """,
            park.kind, park.status.rawValue, park.industries, park.boundaryLayer, park.boundaryFeature, park.source, park.note,
            park.id.rawValue)
    }

    /// Stores an enterprise's year, replacing the same park, name and year. True when replaced.
    @discardableResult
    public func save(_ e: ParkEnterprise) throws -> Bool {
        let replaced =
            try db.execute(
                "DELETE FROM park_enterprises WHERE park_id = ? AND name = ? AND year = ?", e.parkID.rawValue, e.name, e.year) > 0
        try db.execute(
            """
            INSERT INTO park_enterprises (park_id, name, sector, year, jobs, output_wan, investment_wan, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            e.parkID.rawValue, e.name, e.sector, e.year, e.jobs, e.outputWan, e.investmentWan, e.source)
        return replaced
    }

    /// Stores a new idle asset; its id.
    @discardableResult
    public func insert(_ a: IdleAsset) throws -> IdleAsset.ID {
        IdleAsset.ID(
            try db.insertReturningID(
                """
                INSERT INTO idle_assets (kind, name, division_id, area_m2, owner, status, proposed_use, actual_use, date, evidence,
                    longitude, latitude, school_id, adoption_id, source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                a.kind.rawValue, a.name, a.divisionID.rawValue, a.areaM2, a.owner?.rawValue, a.status.rawValue, a.proposedUse, a.actualUse,
                a.date?.description, a.evidence, a.location?.longitudeDegrees, a.location?.latitudeDegrees, a.schoolID?.rawValue,
                a.adoptionID, a.source, a.note))
    }

    /// Changes a stored asset's fields (not its adoption).
    public func update(_ a: Stored<IdleAsset>) throws {
        try db.execute(
            """
            UPDATE idle_assets SET kind = ?, name = ?, division_id = ?, area_m2 = ?, owner = ?, status = ?, proposed_use = ?,
                actual_use = ?, date = ?, evidence = ?, longitude = ?, latitude = ?, source = ?, note = ? WHERE id = ?
            """,
            a.kind.rawValue, a.name, a.divisionID.rawValue, a.areaM2, a.owner?.rawValue, a.status.rawValue, a.proposedUse, a.actualUse,
            a.date?.description, a.evidence, a.location?.longitudeDegrees, a.location?.latitudeDegrees, a.source, a.note, a.id.rawValue)
    }

    /// Records an adoption of a scenario; its id.
    public func insertAdoption(scenarioID: Int64, actor: String) throws -> Int64 {
        try db.insertReturningID(
            "INSERT INTO adoptions (scenario_id, adopted_at, actor) VALUES (?, ?, ?)", scenarioID, SQLTimestamp.now(), actor)
    }

    /// Marks a school 拟撤并 under an adoption.
    /// `wholeSchool`: false when only the planned stage of a school teaching several closes.
    public func markClosure(_ school: School.ID, adoptionID: Int64, wholeSchool: Bool) throws {
        try db.execute(
            "INSERT INTO school_decisions (school_id, adoption_id, decision) VALUES (?, ?, ?)", school.rawValue, adoptionID,
            wholeSchool ? "closure" : "stage-closure")
    }

    /// Links a task an adoption created.
    public func linkTask(code: String, adoptionID: Int64) throws {
        guard let id = try db.value(Int64.self, "SELECT id FROM tasks WHERE code = ?", code) else {
            throw StoreError.notFound("tasks \(code)")
        }
        try db.execute("INSERT INTO adoption_tasks (adoption_id, task_id) VALUES (?, ?)", adoptionID, id)
    }

    /// Undoes an adoption: its tasks, assets, school marks and the adoption itself, each delete audited.
    public func deleteAdoption(_ id: Int64) throws {
        let tasks = try db.values(Int64.self, "SELECT task_id FROM adoption_tasks WHERE adoption_id = ?", id)
        try db.execute("DELETE FROM adoption_tasks WHERE adoption_id = ?", id)
        for task in tasks {
            try db.execute("DELETE FROM task_indicators WHERE task_id = ?", task)
            try db.execute("DELETE FROM tasks WHERE id = ?", task)
        }
        try db.execute("DELETE FROM idle_assets WHERE adoption_id = ?", id)
        try db.execute("DELETE FROM school_decisions WHERE adoption_id = ?", id)
        try db.execute("DELETE FROM adoptions WHERE id = ?", id)
    }
}
