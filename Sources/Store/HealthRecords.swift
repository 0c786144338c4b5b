public import Domain
import Foundation

extension RegisterReader {
    /// Every medical facility, hospitals first, then by name.
    public func healthFacilities() throws -> [HealthFacility] {
        try db.rows("SELECT * FROM health_facilities ORDER BY kind, name, id").map { row in
            HealthFacility(
                id: row["id"], name: row["name"], kind: HealthFacilityKind(rawValue: row["kind"]) ?? .clinic,
                divisionID: row.id("division_id"), longitude: row["longitude"], latitude: row["latitude"], doctors: row["doctors"],
                villageDoctors: row["village_doctors"], nurses: row["nurses"], beds: row["beds"], alliance: row["alliance"],
                source: row["source"], note: row["note"])
        }
    }

    /// Every recorded item of 六统一.
    public func unification() throws -> [Unification] {
        try db.rows("SELECT * FROM health_unification ORDER BY facility_id, item").compactMap { row in
            guard let item = UnificationItem(rawValue: row["item"]), let status = UnificationStatus(rawValue: row["status"]) else {
                return nil
            }
            return Unification(facilityID: row["facility_id"], item: item, status: status, evidence: row["evidence"], date: row["date"])
        }
    }
}

extension RegisterWriter {
    /// Adds a facility, or updates the one of the same name in the same division; its id and
    /// whether it was new.
    @discardableResult
    public func saveHealthFacility(_ f: HealthFacility, importID: Int64?) throws -> (id: Int64, inserted: Bool) {
        if let existing = try db.value(
            Int64.self, "SELECT id FROM health_facilities WHERE division_id = ? AND name = ?", f.divisionID.rawValue, f.name)
        {
            try db.execute(
                """
                UPDATE health_facilities SET kind = ?, longitude = ?, latitude = ?, doctors = ?, village_doctors = ?, nurses = ?,
                    beds = ?, alliance = ?, source = ?, note = ?, import_id = ? WHERE id = ?
                """,
                f.kind.rawValue, f.longitude, f.latitude, f.doctors, f.villageDoctors, f.nurses, f.beds, f.alliance, f.source, f.note,
                importID, existing)
            return (existing, false)
        }
        let id = try db.insertReturningID(
            """
            INSERT INTO health_facilities (name, kind, division_id, longitude, latitude, doctors, village_doctors, nurses, beds,
                alliance, source, note, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            f.name, f.kind.rawValue, f.divisionID.rawValue, f.longitude, f.latitude, f.doctors, f.villageDoctors, f.nurses, f.beds,
            f.alliance, f.source, f.note, importID)
        return (id, true)
    }

    /// Records one item of 六统一 (replacing what was recorded for it).
    public func saveUnification(_ u: Unification) throws {
        try db.execute("DELETE FROM health_unification WHERE facility_id = ? AND item = ?", u.facilityID, u.item.rawValue)
        try db.execute(
            "INSERT INTO health_unification (facility_id, item, status, evidence, date) VALUES (?, ?, ?, ?, ?)", u.facilityID,
            u.item.rawValue, u.status.rawValue, u.evidence, u.date)
    }
}

extension RegisterReader {
    /// Every pupil count, by village, year, stage and grade.
    public func pupilCounts() throws -> [PupilCount] {
        try db.rows("SELECT * FROM pupil_counts ORDER BY division_id, year, level, grade").compactMap { row in
            guard let level = SchoolLevel(rawValue: row["level"]) else { return nil }
            let grade: Int = row["grade"]
            return PupilCount(
                divisionID: row.id("division_id"), year: row["year"], level: level, grade: grade == 0 ? nil : grade, pupils: row["pupils"],
                source: row["source"])
        }
    }
}

extension RegisterWriter {
    /// Stores a count, replacing the one for the same village, year, stage and grade; whether it was new.
    @discardableResult
    public func savePupilCount(_ c: PupilCount, importID: Int64?) throws -> Bool {
        let removed = try db.execute(
            "DELETE FROM pupil_counts WHERE division_id = ? AND year = ? AND level = ? AND grade = ?", c.divisionID.rawValue, c.year,
            c.level.rawValue, c.grade ?? 0)
        try db.execute(
            "INSERT INTO pupil_counts (division_id, year, level, grade, pupils, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            c.divisionID.rawValue, c.year, c.level.rawValue, c.grade ?? 0, c.pupils, c.source, importID)
        return removed == 0
    }
}
