import CGEOS

/// Calls into GEOS through its reentrant C API, one context per call (GEOS contexts are not
/// thread-safe, and creating one costs microseconds); see `GEOSSession`.
enum GEOS {
    /// Where a closed ring touches or crosses itself, from GEOS's validity check; nil when
    /// the ring is simple (or GEOS cannot build it, which the caller's own checks report).
    static func ringSelfIntersection(_ ring: [LonLat]) -> LonLat? {
        GEOSSession.run { session in
            let context = session.context
            let buffer = ring.flatMap { [$0.lon, $0.lat] }
            guard
                let sequence = buffer.withUnsafeBufferPointer({
                    GEOSCoordSeq_copyFromBuffer_r(context, $0.baseAddress, UInt32(ring.count), 0, 0)
                }),
                let geometry = GEOSGeom_createLinearRing_r(context, sequence)
            else { return nil }
            defer { GEOSGeom_destroy_r(context, geometry) }
            var reason: UnsafeMutablePointer<CChar>?
            var location: OpaquePointer?
            let valid = GEOSisValidDetail_r(context, geometry, 0, &reason, &location)
            defer {
                if let reason { GEOSFree_r(context, reason) }
                if let location { GEOSGeom_destroy_r(context, location) }
            }
            guard valid == 0, let location else { return nil }
            var x = 0.0
            var y = 0.0
            guard GEOSGeomGetX_r(context, location, &x) == 1, GEOSGeomGetY_r(context, location, &y) == 1 else { return ring[0] }
            return LonLat(x, y)
        }
    }
}
