import CPROJ
import Foundation

/// A transformation from one of the Chinese coordinate systems (`ChinaCRS`) to longitude and
/// latitude on CGCS2000, by PROJ. It owns its PROJ context and transformation; calls are
/// serialised by a lock (a PROJ context is not to be shared between threads).
public final class Projection: @unchecked Sendable {
    private let context: OpaquePointer
    private let transform: OpaquePointer
    private let lock = NSLock()
    /// The system coordinates come in.
    public let source: ChinaCRS

    /// A transformation from `source` to CGCS2000 longitude/latitude; nil when PROJ has no such
    /// transformation (its database missing).
    public init?(from source: ChinaCRS) {
        guard let context = proj_context_create() else { return nil }
        guard let raw = proj_create_crs_to_crs(context, "EPSG:\(source.epsg)", "EPSG:4490", nil),
            let normalised = proj_normalize_for_visualization(context, raw)
        else {
            proj_context_destroy(context)
            return nil
        }
        proj_destroy(raw)
        self.context = context
        self.transform = normalised
        self.source = source
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Longitude and latitude of a position in the source system (x = easting or longitude,
    /// y = northing or latitude); nil when PROJ cannot transform it.
    public func lonLat(x: Double, y: Double) -> LonLat? {
        lock.lock()
        defer { lock.unlock() }
        let out = proj_trans(transform, PJ_FWD, proj_coord(x, y, 0, 0))
        let lon = out.lp.lam
        let lat = out.lp.phi
        guard lon.isFinite, lat.isFinite, abs(lon) <= 180, abs(lat) <= 90 else { return nil }
        return LonLat(lon, lat)
    }
}
