public import Geo

/// Writes geometry as GeoJSON text (RFC 7946), coordinates as longitude, latitude.
public enum GeoJSONWriter {
    /// A MultiPolygon geometry object.
    public static func geometry(_ shape: MultiPolygon) -> String {
        let polygons = shape.polygons.map { polygon in
            "["
                + polygon.rings.map { ring in "[" + ring.map { "[\($0.lon),\($0.lat)]" }.joined(separator: ",") + "]" }
                .joined(separator: ",") + "]"
        }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.joined(separator: ",") + "]}"
    }
}
