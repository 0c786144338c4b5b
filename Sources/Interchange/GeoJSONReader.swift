public import Foundation
public import Geo
import Localization

/// A feature read from a GeoJSON file: its geometry and its properties as text.
public struct GeoJSONFeature: Sendable {
    /// The geometry kinds the register stores.
    public enum Geometry: Sendable {
        case point(LonLat)
        case polygons(MultiPolygon)
        case none
    }

    /// 1-based position of the feature in the collection.
    public var index: Int
    public var geometry: Geometry
    public var properties: [String: String]
}

/// Reads a GeoJSON FeatureCollection (RFC 7946) of points, polygons or multipolygons.
///
/// Coordinates are longitude/latitude degrees (WGS84 or CGCS2000), or — when the file names its
/// system in a `crs` member, as county GIS exports do — CGCS2000 Gauss–Krüger eastings and
/// northings, turned into degrees by PROJ. A file of eastings and northings that names no system
/// is refused with one message saying which zone its easting's prefix names (or that the central
/// meridian must be given). Each feature's geometry is validated: finite and in range, rings of
/// four or more closed positions, no self-crossing ring. Problems are reported per feature
/// ("第 3 个要素").
public enum GeoJSONReader {
    /// Reads and validates the file; throws `ImportRejected` with every problem found.
    /// `declared`: the system of a file that names none (`--crs`); a file naming another is refused.
    /// `nearLongitude`: the county's longitude, for the zone a refusal suggests.
    public static func read(_ url: URL, declared: ChinaCRS? = nil, nearLongitude: Double? = nil) throws -> [GeoJSONFeature] {
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.fileUnreadable, url.path))])
        }
        if data.isEmpty { throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.fileEmpty))]) }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.geojsonNotJSON))])
        }
        let features: [[String: Any]]
        if let object = json as? [String: Any], object["type"] as? String == "FeatureCollection",
            let list = object["features"] as? [[String: Any]]
        {
            features = list
        } else if let object = json as? [String: Any], object["type"] as? String == "Feature" {
            features = [object]
        } else {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.geojsonNotFeatureCollection))])
        }
        let named = try crs(of: json, file: name)
        if let named, let declared, named != declared {
            throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.geojsonCRSConflict, named.epsg, declared.epsg))])
        }
        let system = named ?? declared
        let projection = try system.flatMap { system -> Projection? in
            guard !system.isGeographic else { return nil }
            guard let projection = Projection(from: system) else {
                throw UserError.rejected([ImportIssue(file: name, message: L10n.message(.geojsonUnknownCRS, "EPSG:\(system.epsg)"))])
            }
            return projection
        }
        var issues: [ImportIssue] = []
        var result: [GeoJSONFeature] = []
        var sawProjected = false
        for (offset, feature) in features.enumerated() {
            let index = offset + 1
            let properties = (feature["properties"] as? [String: Any] ?? [:]).compactMapValues(text)
            do {
                var geometry = try parseGeometry(feature["geometry"])
                if let projection {
                    geometry = try degrees(geometry, projection, feature: index)
                } else if system == nil, let far = positions(of: geometry).first(where: { abs($0.lon) > 180 || abs($0.lat) > 90 }) {
                    // Eastings and northings with no system named: said once for the file (at the
                    // first such feature) with the zone to name, not "out of range" per position.
                    if !sawProjected {
                        sawProjected = true
                        let hint =
                            ChinaCRS.prefixed(easting: far.lon).map { zone -> Localized in
                                guard case .gaussKruger(let width, let meridian, _) = zone else { return L10n.message(.geojsonZoneUnknown) }
                                return L10n.message(.geojsonZoneFromPrefix, zone.zone ?? 0, zone.epsg, width, meridian)
                            } ?? nearLongitude.flatMap(zoneNear) ?? L10n.message(.geojsonZoneUnknown)
                        issues.append(
                            ImportIssue(
                                file: name, row: index,
                                message: L10n.message(
                                    .geojsonProjectedNoCRS, index, NumberText.shortest(String(far.lon)),
                                    NumberText.shortest(String(far.lat)), hint)))
                    }
                    continue
                }
                let problems = validate(geometry)
                if problems.isEmpty {
                    result.append(GeoJSONFeature(index: index, geometry: geometry, properties: properties))
                } else {
                    issues += problems.map { ImportIssue(file: name, row: index, message: describe($0, feature: index)) }
                }
            } catch let failure as GeometryShapeFailure {
                issues.append(ImportIssue(file: name, row: index, message: L10n.message(.geojsonBadGeometry, index, failure.detail)))
            } catch let failure as TransformFailure {
                issues.append(ImportIssue(file: name, row: index, message: failure.message))
            }
        }
        if !issues.isEmpty { throw UserError.rejected(issues) }
        return result
    }

    struct GeometryShapeFailure: Error {
        let detail: String
    }

    struct TransformFailure: Error {
        let message: Localized
    }

    /// The system the file's `crs` member names (GeoJSON 2008: `{"type": "name", "properties":
    /// {"name": "urn:ogc:def:crs:EPSG::4546"}}`); nil when there is none. A system other than
    /// WGS84, CGCS2000 and its Gauss–Krüger zones is refused.
    static func crs(of json: Any, file: String) throws -> ChinaCRS? {
        guard let member = (json as? [String: Any])?["crs"] else { return nil }
        let name = ((member as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String ?? ""
        if name.uppercased().hasSuffix("CRS84") { return .wgs84 }
        guard name.uppercased().contains("EPSG"), let system = ChinaCRS(text: name) else {
            throw UserError.rejected([ImportIssue(file: file, message: L10n.message(.geojsonUnknownCRS, name.isEmpty ? "?" : name))])
        }
        return system
    }

    /// The 3° zone (without prefix) of the county's longitude, as a suggestion.
    static func zoneNear(_ longitude: Double) -> Localized? {
        guard let zone = ChinaCRS.zones(around: longitude).first, case .gaussKruger(_, let meridian, _) = zone else { return nil }
        return L10n.message(.geojsonZoneNear, Format.fixed(longitude, digits: 1), zone.epsg, meridian)
    }

    /// Every position of a geometry, in order.
    static func positions(of geometry: GeoJSONFeature.Geometry) -> [LonLat] {
        switch geometry {
        case .point(let p): [p]
        case .polygons(let m): m.polygons.flatMap { $0.rings.flatMap { $0 } }
        case .none: []
        }
    }

    /// A geometry's eastings and northings as longitude and latitude.
    static func degrees(_ geometry: GeoJSONFeature.Geometry, _ projection: Projection, feature: Int) throws -> GeoJSONFeature.Geometry {
        func convert(_ p: LonLat) throws -> LonLat {
            guard let converted = projection.lonLat(x: p.lon, y: p.lat) else {
                throw TransformFailure(
                    message: L10n.message(
                        .geojsonTransformFailed, feature, NumberText.shortest(String(p.lon)), NumberText.shortest(String(p.lat)),
                        projection.source.epsg))
            }
            return converted
        }
        switch geometry {
        case .point(let p): return .point(try convert(p))
        case .polygons(let m):
            return .polygons(
                MultiPolygon(polygons: try m.polygons.map { Polygon(rings: try $0.rings.map { try $0.map(convert) }) }))
        case .none: return .none
        }
    }

    static func text(_ value: Any) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return NumberText.shortest(n.stringValue)
        default: return nil
        }
    }

    static func parseGeometry(_ value: Any?) throws -> GeoJSONFeature.Geometry {
        guard let geometry = value as? [String: Any] else { return .none }
        let type = geometry["type"] as? String ?? ""
        let coordinates = geometry["coordinates"]
        switch type {
        case "Point":
            return .point(try position(coordinates))
        case "Polygon":
            return .polygons(MultiPolygon(polygons: [try polygon(coordinates)]))
        case "MultiPolygon":
            guard let list = coordinates as? [Any] else { throw GeometryShapeFailure(detail: "MultiPolygon coordinates") }
            return .polygons(MultiPolygon(polygons: try list.map(polygon)))
        default:
            throw GeometryShapeFailure(detail: "type \(type.isEmpty ? "?" : type)")
        }
    }

    static func position(_ value: Any?) throws -> LonLat {
        guard let pair = value as? [Any], pair.count >= 2, let lon = number(pair[0]), let lat = number(pair[1]) else {
            throw GeometryShapeFailure(detail: "position")
        }
        return LonLat(lon, lat)
    }

    static func number(_ value: Any) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    static func polygon(_ value: Any?) throws -> Polygon {
        guard let rings = value as? [Any], !rings.isEmpty else { throw GeometryShapeFailure(detail: "Polygon coordinates") }
        return Polygon(
            rings: try rings.map { ring in
                guard let positions = ring as? [Any] else { throw GeometryShapeFailure(detail: "ring") }
                return try positions.map(position)
            })
    }

    static func validate(_ geometry: GeoJSONFeature.Geometry) -> [GeometryProblem] {
        switch geometry {
        case .point(let p): GeometryValidator.problems(of: p)
        case .polygons(let m): m.polygons.flatMap(GeometryValidator.problems(of:))
        case .none: []
        }
    }

    static func describe(_ problem: GeometryProblem, feature: Int) -> Localized {
        switch problem {
        case .nonFinite(let ring, let position):
            L10n.message(.geometryNonFinite, feature, ring + 1, position + 1)
        case .outOfRange(let ring, let position, let lon, let lat):
            L10n.message(.geometryOutOfRange, feature, ring + 1, position + 1, lon, lat)
        case .tooFewPositions(let ring, let count):
            L10n.message(.geometryTooFewPositions, feature, ring + 1, count)
        case .notClosed(let ring):
            L10n.message(.geometryNotClosed, feature, ring + 1)
        case .selfIntersection(let ring, let near):
            L10n.message(.geometrySelfIntersection, feature, ring + 1, String(format: "%.6f, %.6f", near.lon, near.lat))
        }
    }
}

/// Parses a stored GeoJSON geometry object back into polygons.
public enum GeoJSONGeometryParser {
    /// The polygons of a Polygon or MultiPolygon geometry; nil for other geometry types.
    public static func multiPolygon(_ text: String) throws -> MultiPolygon? {
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard case .polygons(let shape) = try GeoJSONReader.parseGeometry(json) else { return nil }
        return shape
    }
}
