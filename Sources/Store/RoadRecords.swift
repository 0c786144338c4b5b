public import Domain
import Foundation

extension RegisterReader {
    /// The stored road network's record; nil when none was imported.
    public func roadNetwork() throws -> StoredRoadNetwork? {
        try db.row(
            "SELECT n.*, i.actor AS actor FROM road_networks n LEFT JOIN import_log i ON i.id = n.import_id ORDER BY n.id DESC LIMIT 1"
        ).map { row in
            StoredRoadNetwork(
                sourceFile: row["source_file"], sourceFormat: row["source_format"], sourceCRS: row["source_crs"],
                workingCRS: row["working_crs"], featureCount: row["feature_count"], lengthM: row["length_m"],
                toleranceM: row["tolerance_m"],
                illustrative: row["illustrative"], importedAt: row["imported_at"], actor: row["actor"])
        }
    }

    /// The stored network's lines in file order.
    public func roadFeatures() throws -> [RoadFeature] {
        try db.rows(
            "SELECT f.* FROM road_features f JOIN road_networks n ON n.id = f.network_id ORDER BY f.number"
        ).map { row in
            RoadFeature(
                number: row["number"], name: row["name"], roadClass: RoadClassKey(rawValue: row["road_class"]) ?? .closed,
                direction: RoadDirection(rawValue: row["direction"]) ?? .both, lengthM: row["length_m"], geometry: row["geometry"])
        }
    }

    /// Every road class with its speed, in the order of `RoadClassKey`.
    public func roadClasses() throws -> [RoadClass] {
        let stored = try db.rows("SELECT * FROM road_classes").compactMap { row -> RoadClass? in
            guard let key = RoadClassKey(rawValue: row["key"]) else { return nil }
            return RoadClass(key: key, kilometresPerHour: row["kmh"], excluded: row["excluded"], source: row["source"])
        }
        return RoadClassKey.allCases.compactMap { key in stored.first { $0.key == key } }
    }
}

extension RegisterWriter {
    /// Stores a road network and its lines, replacing any network before it.
    public func replaceRoadNetwork(_ network: StoredRoadNetwork, features: [RoadFeature], importID: Int64?) throws {
        try db.execute("DELETE FROM road_networks")
        let id = try db.insertReturningID(
            """
            INSERT INTO road_networks (source_file, source_format, source_crs, working_crs, feature_count, length_m, tolerance_m,
                illustrative, imported_at, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            network.sourceFile, network.sourceFormat, network.sourceCRS, network.workingCRS, network.featureCount, network.lengthM,
            network.toleranceM, network.illustrative, SQLTimestamp.now(), importID)
        for f in features {
            try db.execute(
                "INSERT INTO road_features (network_id, number, name, road_class, direction, length_m, geometry) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, f.number, f.name, f.roadClass.rawValue, f.direction.rawValue, f.lengthM, f.geometry)
        }
    }

    /// Changes a class's speed and whether it is left out; false when there is no such class.
    @discardableResult
    public func updateRoadClass(_ roadClass: RoadClass) throws -> Bool {
        try db.execute(
            "UPDATE road_classes SET kmh = ?, excluded = ?, source = ? WHERE key = ?", roadClass.kilometresPerHour, roadClass.excluded,
            roadClass.source, roadClass.key.rawValue) > 0
    }
}
