import Domain

extension SQLRow {
    /// A typed id from an integer column.
    func id<Entity>(_ column: String) -> EntityID<Entity> { EntityID(self[column] as Int64) }

    /// A typed id from a nullable integer column.
    func optionalID<Entity>(_ column: String) -> EntityID<Entity>? { (self[column] as Int64?).map { EntityID($0) } }

    /// A plan date from a text column written as 2025, 2025-06 or 2025-06-30.
    func partialDate(_ column: String) -> PartialDate? { (self[column] as String?).flatMap(PartialDate.init) }
}

/// Turns database rows into domain values and back.
enum RowMapping {
    /// The columns `division(_:)` reads, in the order it reads them by position (a name lookup
    /// per cell was a quarter of building a prefecture's register); `parent_code` follows them.
    static let divisionColumns = [
        "id", "code", "name", "kind", "parent_id", "urban_rural_class", "population", "households", "longitude", "latitude",
        "location_quality", "location_source", "status", "valid_from", "valid_to", "successor_code", "successor_inferred", "note",
        "source",
    ]

    /// A division from a row of `divisionColumns` then `parent_code`.
    static func division(_ row: SQLRow) -> Stored<Division> {
        let lon: Double? = row[8]
        let lat: Double? = row[9]
        let location = lon.flatMap { lon in lat.map { GeoPoint(longitudeDegrees: lon, latitudeDegrees: $0) } }
        let code: String? = row[1]
        let parentID: Int64? = row[4]
        let successor: String? = row[15]
        let kindText: String = row[3]
        let qualityText: String = row[10]
        let statusText: String = row[12]
        let parentCode: String? = row[19]
        let division = Division(
            code: code.flatMap(DivisionCode.init), name: row[2], kind: DivisionKind(rawValue: kindText) ?? .village,
            parentCode: parentCode.flatMap(DivisionCode.init), parentID: parentID.map { Division.ID($0) },
            urbanRuralClass: row[5], population: row[6], households: row[7],
            location: location, locationQuality: LocationQuality(rawValue: qualityText) ?? .unknown,
            locationSource: row[11], status: DivisionStatus(rawValue: statusText) ?? .current,
            validFrom: row[13], validTo: row[14], successorCode: successor.flatMap(DivisionCode.init),
            successorInferred: row[16], note: row[17], source: row[18])
        return Stored(id: Division.ID(row[0] as Int64), division)
    }

    static func divisionArguments(_ d: Division) -> [String: any SQLBindable] {
        [
            "code": d.code?.rawValue, "name": d.name, "kind": d.kind.rawValue, "parent_id": d.parentID?.rawValue,
            "urban_rural_class": d.urbanRuralClass, "population": d.population, "households": d.households,
            "longitude": d.location?.longitudeDegrees, "latitude": d.location?.latitudeDegrees,
            "location_quality": d.location == nil ? LocationQuality.unknown.rawValue : d.locationQuality.rawValue,
            "location_source": d.locationSource, "status": d.status.rawValue, "valid_from": d.validFrom,
            "valid_to": d.validTo, "successor_code": d.successorCode?.rawValue, "successor_inferred": d.successorInferred, "note": d.note,
            "source": d.source,
        ]
    }

    static func school(_ row: SQLRow) -> Stored<School> {
        let levelText: String = row["level"]
        let school = School(
            townshipID: row.id("township_id"), villageID: row.optionalID("village_id"), name: row["name"],
            level: SchoolLevel(rawValue: levelText) ?? .primary, students: row["students"], staff: row["staff"],
            landMu: row["land_mu"], classes: row["classes"], dataYear: row["data_year"], source: row["source"],
            note: row["note"])
        return Stored(id: row.id("id"), school)
    }

    static func schoolArguments(_ s: School) -> [String: any SQLBindable] {
        [
            "township_id": s.townshipID.rawValue, "village_id": s.villageID?.rawValue, "name": s.name, "level": s.level.rawValue,
            "students": s.students, "staff": s.staff, "land_mu": s.landMu, "classes": s.classes,
            "data_year": s.dataYear, "source": s.source, "note": s.note,
        ]
    }

    static func norm(_ row: SQLRow) -> Norm {
        let verification: String = row["verification"]
        return Norm(
            key: row["key"], value: row["value"], unit: row["unit"], nameZh: row["name_zh"], nameEn: row["name_en"],
            source: row["source"], verification: NormVerification(rawValue: verification) ?? .assumption,
            note: row["note"])
    }
}
