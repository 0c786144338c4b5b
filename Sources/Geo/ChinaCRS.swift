import Foundation

/// The coordinate reference systems Chinese plan layers come in, by EPSG code: WGS84, CGCS2000
/// geographic, and CGCS2000 Gauss–Krüger in 3° and 6° zones, each with the zone number in front
/// of the easting ("with prefix": 37602506.9) or without (602506.9).
///
/// EPSG numbers (EPSG registry): 4490 CGCS2000; 4491–4501 6° zones 13–23 with prefix; 4502–4512
/// 6° by central meridian 75°E–135°E; 4513–4533 3° zones 25–45 with prefix; 4534–4554 3° by
/// central meridian 75°E–135°E. 交城 (112.2°E) lies in the 3° zone of 111°E: EPSG:4546, or
/// EPSG:4525 with the zone prefix 37.
public enum ChinaCRS: Hashable, Sendable {
    case wgs84
    case cgcs2000
    /// Gauss–Krüger on CGCS2000: zone width (3 or 6 degrees), central meridian, and whether the
    /// easting carries the zone number.
    case gaussKruger(width: Int, centralMeridian: Int, zonePrefix: Bool)

    /// The system an EPSG code names, if it is one of these.
    public init?(epsg: Int) {
        switch epsg {
        case 4326: self = .wgs84
        case 4490: self = .cgcs2000
        case 4491...4501: self = .gaussKruger(width: 6, centralMeridian: 75 + 6 * (epsg - 4491), zonePrefix: true)
        case 4502...4512: self = .gaussKruger(width: 6, centralMeridian: 75 + 6 * (epsg - 4502), zonePrefix: false)
        case 4513...4533: self = .gaussKruger(width: 3, centralMeridian: 75 + 3 * (epsg - 4513), zonePrefix: true)
        case 4534...4554: self = .gaussKruger(width: 3, centralMeridian: 75 + 3 * (epsg - 4534), zonePrefix: false)
        default: return nil
        }
    }

    /// Reads "EPSG:4546" (or "epsg:4546", "4546", "urn:ogc:def:crs:EPSG::4546"); nil for any other
    /// text or system.
    public init?(text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = upper.split(separator: ":").last.map(String.init) ?? ""
        guard upper.allSatisfy({ $0.isNumber }) || upper.contains("EPSG"), let code = Int(digits) else { return nil }
        self.init(epsg: code)
    }

    /// The EPSG code.
    public var epsg: Int {
        switch self {
        case .wgs84: 4326
        case .cgcs2000: 4490
        case .gaussKruger(let width, let meridian, let prefix):
            width == 6 ? (prefix ? 4491 : 4502) + (meridian - 75) / 6 : (prefix ? 4513 : 4534) + (meridian - 75) / 3
        }
    }

    /// Whether coordinates are longitude/latitude degrees.
    public var isGeographic: Bool { self == .wgs84 || self == .cgcs2000 }

    /// The zone number a prefixed easting starts with (37 for the 3° zone of 111°E).
    public var zone: Int? {
        guard case .gaussKruger(let width, let meridian, _) = self else { return nil }
        return width == 3 ? meridian / 3 : (meridian + 3) / 6
    }

    /// The Gauss–Krüger systems whose zone holds a longitude: 3° and 6°, without and with the
    /// zone prefix (for 112.2°E: 4546, 4525, 4508, 4497).
    public static func zones(around longitude: Double) -> [ChinaCRS] {
        let three = Int((longitude / 3).rounded()) * 3
        let six = Int(((longitude + 3) / 6).rounded(.down)) * 6 - 3
        return [
            .gaussKruger(width: 3, centralMeridian: three, zonePrefix: false),
            .gaussKruger(width: 3, centralMeridian: three, zonePrefix: true),
            .gaussKruger(width: 6, centralMeridian: six, zonePrefix: false), .gaussKruger(width: 6, centralMeridian: six, zonePrefix: true),
        ].filter { ChinaCRS(epsg: $0.epsg) == $0 }
    }

    /// The working system of a county at this longitude: the 3° Gauss–Krüger zone holding it,
    /// without the zone prefix (for 交城, 112.2°E: EPSG:4546). Areas are measured in it.
    public static func working(forLongitude longitude: Double) -> ChinaCRS {
        .gaussKruger(width: 3, centralMeridian: Int((longitude / 3).rounded()) * 3, zonePrefix: false)
    }

    /// The system a prefixed easting names (37602506.9: the 3° zone 37), if its prefix is a
    /// zone over China; nil for an easting without a prefix, which fits any zone.
    public static func prefixed(easting: Double) -> ChinaCRS? {
        guard easting.isFinite, easting >= 1e7, easting < 1e8 else { return nil }
        let zone = Int(easting / 1e6)
        switch zone {
        case 25...45: return .gaussKruger(width: 3, centralMeridian: zone * 3, zonePrefix: true)
        case 13...23: return .gaussKruger(width: 6, centralMeridian: zone * 6 - 3, zonePrefix: true)
        default: return nil
        }
    }
}
