public import Domain
import Foundation

extension RegisterReader {
    /// Every layer, by name.
    public func layers() throws -> [StoredLayer] {
        try db.rows(
            "SELECT l.*, i.actor AS actor FROM layers l LEFT JOIN import_log i ON i.id = l.import_id ORDER BY l.name"
        ).map(Self.layer)
    }

    /// One layer by name.
    public func layer(named name: String) throws -> StoredLayer? {
        try db.row("SELECT l.*, i.actor AS actor FROM layers l LEFT JOIN import_log i ON i.id = l.import_id WHERE l.name = ?", name)
            .map(Self.layer)
    }

    /// The features of a layer in file order; `box` keeps only those whose boxes meet it (by the
    /// R*Tree on SQLite).
    public func layerFeatures(_ layerID: Int64, box: (minX: Double, minY: Double, maxX: Double, maxY: Double)? = nil) throws
        -> [LayerFeatureRecord]
    {
        guard let box else {
            return try db.rows("SELECT * FROM layer_features WHERE layer_id = ? ORDER BY number", layerID).map(Self.feature)
        }
        let sql =
            db.dialect == .sqlite
            ? """
            SELECT f.* FROM layer_feature_boxes b JOIN layer_features f ON f.id = b.id
            WHERE b.max_x >= ? AND b.min_x <= ? AND b.max_y >= ? AND b.min_y <= ? AND f.layer_id = ? ORDER BY f.number
            """
            : """
            SELECT * FROM layer_features
            WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? AND layer_id = ? ORDER BY number
            """
        return try db.rows(sql, box.minX, box.maxX, box.minY, box.maxY, layerID).map(Self.feature)
    }

    /// Every conflict rule, in the order they were made.
    public func conflictRules() throws -> [StoredConflictRule] {
        try db.rows("SELECT * FROM conflict_rules ORDER BY id").map { row in
            let classes: String = row["classes_a"]
            return StoredConflictRule(
                id: row["id"],
                rule: ConflictRule(
                    relation: ConflictRelation(rawValue: row["relation"]) ?? .mustNotOverlap,
                    a: LayerKind(rawValue: row["kind_a"]) ?? .other,
                    classes: classes.split(separator: ",").map(String.init), b: LayerKind(rawValue: row["kind_b"]) ?? .other,
                    minimumArea: row["min_area_m2"], severity: ConflictSeverity(rawValue: row["severity"]) ?? .error,
                    enabled: row["enabled"]))
        }
    }

    static func layer(_ row: SQLRow) -> StoredLayer {
        let fields: String = row["fields_json"]
        return StoredLayer(
            id: row["id"], name: row["name"], kind: LayerKind(rawValue: row["kind"]) ?? .other, sourceFile: row["source_file"],
            sourceFormat: row["source_format"], sourceCRS: row["source_crs"], workingCRS: row["working_crs"], encoding: row["encoding"],
            featureCount: row["feature_count"], areaM2: row["area_m2"], labelField: row["label_field"], classField: row["class_field"],
            fields: (try? JSONDecoder().decode([String].self, from: Data(fields.utf8))) ?? [], repairedCount: row["repaired_count"],
            illustrative: row["illustrative"], importedAt: row["imported_at"], actor: row["actor"])
    }

    static func feature(_ row: SQLRow) -> LayerFeatureRecord {
        let attributes: String = row["attributes_json"]
        return LayerFeatureRecord(
            id: row["id"], layerID: row["layer_id"], number: row["number"], label: row["label"], landClass: row["land_class"],
            attributes: (try? JSONDecoder().decode([[String?]].self, from: Data(attributes.utf8))) ?? [], geometry: row["geometry"],
            areaM2: row["area_m2"], box: (row["min_x"], row["min_y"], row["max_x"], row["max_y"]), repaired: row["repaired"])
    }
}

extension RegisterWriter {
    /// Stores a layer and its features (replacing a layer of the same name, whose features go
    /// with it); the new layer's id.
    @discardableResult
    public func replaceLayer(_ layer: StoredLayer, features: [LayerFeatureRecord], importID: Int64?) throws -> Int64 {
        try db.execute("DELETE FROM layers WHERE name = ?", layer.name)
        let fields = String(decoding: try JSONEncoder().encode(layer.fields), as: UTF8.self)
        let id = try db.insertReturningID(
            """
            INSERT INTO layers (name, kind, source_file, source_format, source_crs, working_crs, encoding, feature_count, area_m2,
                label_field, class_field, fields_json, repaired_count, illustrative, imported_at, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            layer.name, layer.kind.rawValue, layer.sourceFile, layer.sourceFormat, layer.sourceCRS, layer.workingCRS, layer.encoding,
            layer.featureCount, layer.areaM2, layer.labelField, layer.classField, fields, layer.repairedCount, layer.illustrative,
            SQLTimestamp.now(), importID)
        let encoder = JSONEncoder()
        for feature in features {
            let attributes = String(decoding: try encoder.encode(feature.attributes), as: UTF8.self)
            try db.execute(
                """
                INSERT INTO layer_features (layer_id, number, label, land_class, attributes_json, geometry, area_m2,
                    min_x, min_y, max_x, max_y, repaired)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id, feature.number, feature.label, feature.landClass, attributes, feature.geometry, feature.areaM2, feature.box.minX,
                feature.box.minY, feature.box.maxX, feature.box.maxY, feature.repaired)
        }
        return id
    }

    /// Deletes a layer and its features; false when there is none of that name.
    @discardableResult
    public func deleteLayer(named name: String) throws -> Bool {
        try db.execute("DELETE FROM layers WHERE name = ?", name) > 0
    }

    /// Adds a conflict rule; its id.
    @discardableResult
    public func addConflictRule(_ rule: ConflictRule) throws -> Int64 {
        try db.insertReturningID(
            "INSERT INTO conflict_rules (relation, kind_a, classes_a, kind_b, min_area_m2, severity, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rule.relation.rawValue, rule.a.rawValue, rule.classes.joined(separator: ","), rule.b.rawValue, rule.minimumArea,
            rule.severity.rawValue, rule.enabled)
    }

    /// Changes a rule's area threshold, severity and whether it is checked; false when there is no such rule.
    @discardableResult
    public func updateConflictRule(_ id: Int64, minimumArea: Double, severity: ConflictSeverity, enabled: Bool) throws -> Bool {
        try db.execute(
            "UPDATE conflict_rules SET min_area_m2 = ?, severity = ?, enabled = ? WHERE id = ?", minimumArea, severity.rawValue,
            enabled, id) > 0
    }
}
