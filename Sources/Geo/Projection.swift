import CPROJ
import Foundation

/// A transformation between two of the Chinese coordinate systems (`ChinaCRS`), by PROJ, with
/// axes in the order maps use (longitude or easting first). It owns its PROJ context and
/// transformation; calls are serialised by a lock (a PROJ context is not to be shared between
/// threads).
public final class Projection: @unchecked Sendable {
    private let context: OpaquePointer
    private let transform: OpaquePointer
    private let lock = NSLock()
    /// The system coordinates come in.
    public let source: ChinaCRS
    /// The system coordinates go out in.
    public let target: ChinaCRS

    /// A transformation from `source` to `target` (by default CGCS2000 longitude/latitude); nil
    /// when PROJ has no such transformation (its database missing).
    public init?(from source: ChinaCRS, to target: ChinaCRS = .cgcs2000) {
        guard let context = proj_context_create() else { return nil }
        guard let raw = proj_create_crs_to_crs(context, "EPSG:\(source.epsg)", "EPSG:\(target.epsg)", nil) else {
            proj_context_destroy(context)
            return nil
        }
        let normalised = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
        guard let normalised else {
            proj_context_destroy(context)
            return nil
        }
        self.context = context
        self.transform = normalised
        self.source = source
        self.target = target
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// A position in the target system (x = easting or longitude, y = northing or latitude);
    /// nil when PROJ cannot transform it or the result is not a finite position of the target.
    public func transform(x: Double, y: Double) -> (x: Double, y: Double)? {
        lock.lock()
        let out = proj_trans(transform, PJ_FWD, proj_coord(x, y, 0, 0))
        lock.unlock()
        let (u, v) = (out.xy.x, out.xy.y)
        guard u.isFinite, v.isFinite, !target.isGeographic || (abs(u) <= 180 && abs(v) <= 90) else { return nil }
        return (u, v)
    }

    /// Longitude and latitude of a position in the source system, when the target is geographic.
    public func lonLat(x: Double, y: Double) -> LonLat? {
        guard target.isGeographic, let p = transform(x: x, y: y) else { return nil }
        return LonLat(p.x, p.y)
    }
}
