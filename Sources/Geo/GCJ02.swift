import Foundation

/// GCJ-02 (国测局坐标, "Mars coordinates"): the obfuscated longitude/latitude Chinese web maps
/// (Gaode, Tencent) show, offset from WGS84/CGCS2000 by a few hundred metres in a pattern that
/// varies with position. A layer digitised on such a map and saved as "WGS84" is shifted by that
/// much. This is the published forward formula (as in eviltransform and coordtransform), used only
/// to recognise such a shift, never to correct data silently.
public enum GCJ02 {
    static let a = 6_378_245.0
    static let ee = 0.006_693_421_622_965_943

    /// The GCJ-02 position a map would show for a WGS84 position (outside China: unchanged).
    public static func fromWGS84(_ p: LonLat) -> LonLat {
        guard p.lon > 72.004, p.lon < 137.8347, p.lat > 0.8293, p.lat < 55.8271 else { return p }
        let x = p.lon - 105
        let y = p.lat - 35
        var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
        dLat += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        dLat += (20 * sin(y * .pi) + 40 * sin(y / 3 * .pi)) * 2 / 3
        dLat += (160 * sin(y / 12 * .pi) + 320 * sin(y * .pi / 30)) * 2 / 3
        var dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
        dLon += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        dLon += (20 * sin(x * .pi) + 40 * sin(x / 3 * .pi)) * 2 / 3
        dLon += (150 * sin(x / 12 * .pi) + 300 * sin(x / 30 * .pi)) * 2 / 3
        let radLat = p.lat / 180 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = sqrt(magic)
        dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180) / (a / sqrtMagic * cos(radLat) * .pi)
        return LonLat(p.lon + dLon, p.lat + dLat)
    }
}
