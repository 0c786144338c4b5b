import Domain
import GRDB

/// Turns database rows into domain values and back.
enum RowMapping {
    static func division(_ row: Row) -> Division {
        let lon: Double? = row["longitude"]
        let lat: Double? = row["latitude"]
        let location = lon.flatMap { lon in lat.map { GeoPoint(longitudeDegrees: lon, latitudeDegrees: $0) } }
        let code: String? = row["code"]
        let parentCode: String? = row["parent_code"]
        let successor: String? = row["successor_code"]
        let kindText: String = row["kind"]
        let qualityText: String = row["location_quality"]
        let statusText: String = row["status"]
        return Division(
            id: row["id"], code: code.flatMap(DivisionCode.init), name: row["name"], kind: DivisionKind(rawValue: kindText)!,
            parentCode: parentCode.flatMap(DivisionCode.init), parentID: row["parent_id"],
            urbanRuralClass: row["urban_rural_class"], population: row["population"], households: row["households"],
            location: location, locationQuality: LocationQuality(rawValue: qualityText) ?? .unknown,
            locationSource: row["location_source"], status: DivisionStatus(rawValue: statusText) ?? .current,
            validFrom: row["valid_from"], validTo: row["valid_to"], successorCode: successor.flatMap(DivisionCode.init),
            note: row["note"], source: row["source"])
    }

    static func divisionArguments(_ d: Division) -> [String: (any DatabaseValueConvertible)?] {
        [
            "code": d.code?.rawValue, "name": d.name, "kind": d.kind.rawValue, "parent_id": d.parentID,
            "urban_rural_class": d.urbanRuralClass, "population": d.population, "households": d.households,
            "longitude": d.location?.longitudeDegrees, "latitude": d.location?.latitudeDegrees,
            "location_quality": d.location == nil ? LocationQuality.unknown.rawValue : d.locationQuality.rawValue,
            "location_source": d.locationSource, "status": d.status.rawValue, "valid_from": d.validFrom,
            "valid_to": d.validTo, "successor_code": d.successorCode?.rawValue, "note": d.note, "source": d.source,
        ]
    }

    static func school(_ row: Row) -> School {
        let levelText: String = row["level"]
        return School(
            id: row["id"], townshipID: row["township_id"], villageID: row["village_id"], name: row["name"],
            level: SchoolLevel(rawValue: levelText)!, students: row["students"], staff: row["staff"],
            landMu: row["land_mu"], classes: row["classes"], dataYear: row["data_year"], source: row["source"],
            note: row["note"])
    }

    static func schoolArguments(_ s: School) -> [String: (any DatabaseValueConvertible)?] {
        [
            "township_id": s.townshipID, "village_id": s.villageID, "name": s.name, "level": s.level.rawValue,
            "students": s.students, "staff": s.staff, "land_mu": s.landMu, "classes": s.classes,
            "data_year": s.dataYear, "source": s.source, "note": s.note,
        ]
    }

    static func norm(_ row: Row) -> Norm {
        let verification: String = row["verification"]
        return Norm(
            key: row["key"], value: row["value"], unit: row["unit"], nameZh: row["name_zh"], nameEn: row["name_en"],
            source: row["source"], verification: NormVerification(rawValue: verification) ?? .assumption,
            note: row["note"])
    }
}
