import Foundation

/// Distances and small offsets on the Earth's surface.
public enum GreatCircle {
    /// Mean Earth radius in metres (IUGG).
    public static let earthRadiusMetres = 6_371_008.8

    /// Haversine distance in metres between two positions in degrees.
    public static func distanceMetres(_ a: LonLat, _ b: LonLat) -> Double {
        let phi1 = a.lat * .pi / 180
        let phi2 = b.lat * .pi / 180
        let dPhi = phi2 - phi1
        let dLambda = (b.lon - a.lon) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * earthRadiusMetres * asin(min(1, sqrt(h)))
    }

    /// The position reached by moving east and north by small distances in metres
    /// (local equirectangular approximation; good to well under 1 % within a county).
    public static func offset(_ origin: LonLat, eastMetres: Double, northMetres: Double) -> LonLat {
        let metresPerDegreeLat = earthRadiusMetres * .pi / 180
        let metresPerDegreeLon = metresPerDegreeLat * cos(origin.lat * .pi / 180)
        return LonLat(origin.lon + eastMetres / metresPerDegreeLon, origin.lat + northMetres / metresPerDegreeLat)
    }
}
