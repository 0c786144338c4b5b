import CGDAL
public import Foundation
public import Geo
public import Localization

/// A feature of a vector file: its place in the file, its attribute values as text (aligned with
/// the file's field names; nil where unset), and its geometry in the file's own coordinates.
public struct VectorFeature: Sendable {
    /// 1-based position in the layer, as a GIS program's attribute table numbers it.
    public let number: Int
    public let values: [String?]
    /// nil when the feature has no geometry (or GDAL could not read it).
    public let shape: Shape?

    public init(number: Int, values: [String?], shape: Shape?) {
        self.number = number
        self.values = values
        self.shape = shape
    }
}

/// A layer read from a vector file by GDAL/OGR.
public struct VectorFile: Sendable {
    /// The name the user gave (last path component).
    public let fileName: String
    /// GDAL's driver: "ESRI Shapefile", "GPKG", "GeoJSON", "OpenFileGDB".
    public let format: String
    public let layerName: String
    public let fields: [String]
    public let features: [VectorFeature]
    /// The coordinate system the file names, when it is one of `ChinaCRS`.
    public let crs: ChinaCRS?
    /// The name of a coordinate system the file names that is not one of `ChinaCRS`.
    public let unknownCRS: String?
    /// How the attributes were read: "UTF-8", "GBK/GB18030", with how it was known.
    public let encoding: Localized

    public init(
        fileName: String, format: String, layerName: String, fields: [String], features: [VectorFeature], crs: ChinaCRS?,
        unknownCRS: String? = nil, encoding: Localized
    ) {
        self.fileName = fileName
        self.format = format
        self.layerName = layerName
        self.fields = fields
        self.features = features
        self.crs = crs
        self.unknownCRS = unknownCRS
        self.encoding = encoding
    }
}

/// Reads Shapefiles (loose or zipped), GeoPackages, GeoJSON and file geodatabases through
/// GDAL/OGR, the library surveyors' own tools use.
///
/// Attribute text: GeoPackage, GeoJSON and file geodatabases hold UTF-8. A Shapefile's `.dbf`
/// holds bytes in whatever code page wrote it; GDAL is asked not to recode them, and they are
/// decoded here — by `encoding` when the user names one, else by the `.cpg` (or the `.dbf`'s
/// language byte) when it names UTF-8 or a GBK code page, else by the bytes themselves (valid
/// UTF-8, else GBK/GB18030: Chinese `.dbf` files without `.cpg` are nearly always GBK).
///
/// A Shapefile whose `.shx` and `.dbf` count different numbers of records is refused (GDAL
/// would read the shorter silently). GeoJSON without a `crs` member is WGS84 by RFC 7946; one
/// whose coordinates are not degrees is reported as naming no system.
public enum VectorFileReader {
    /// The formats accepted (GDAL driver names); any other file is refused.
    static let drivers = ["ESRI Shapefile", "GPKG", "GeoJSON", "OpenFileGDB", "OSM"]

    /// Reads one layer of the file (`layer` names it when the file has several).
    public static func read(_ url: URL, layer wanted: String? = nil, encoding named: SourceEncoding? = nil) throws -> VectorFile {
        GDALSession.register
        let name = url.lastPathComponent
        func refuse(_ message: Localized) -> UserError { UserError.rejected([ImportIssue(file: name, message: message)]) }
        guard FileManager.default.fileExists(atPath: url.path) else { throw refuse(L10n.message(.fileUnreadable, url.path)) }
        let path = url.pathExtension.lowercased() == "zip" ? "/vsizip/" + url.path : url.path
        return try GDALSession.quietly {
            // First open as GDAL would (to learn the code page a .cpg or the .dbf names), then,
            // for a Shapefile, again without recoding.
            guard let probe = GDALSession.open(path, options: []) else {
                throw refuse(L10n.message(.vectorUnreadable, GDALSession.lastError()))
            }
            let format = String(cString: GDALGetDriverShortName(GDALGetDatasetDriver(probe)))
            let layers = (0..<GDALDatasetGetLayerCount(probe)).compactMap { GDALDatasetGetLayer(probe, $0) }
            let names = layers.map { String(cString: OGR_L_GetName($0)) }
            guard !names.isEmpty else {
                GDALClose(probe)
                throw refuse(L10n.message(.vectorNoLayer))
            }
            guard let chosen = wanted.map({ names.firstIndex(of: $0) }) ?? (names.count == 1 ? 0 : nil) else {
                GDALClose(probe)
                let list = names.joined(separator: "、")
                throw refuse(
                    wanted == nil ? L10n.message(.vectorSeveralLayers, list) : L10n.message(.vectorNoSuchLayer, wanted ?? "", list))
            }
            let isShapefile = format == "ESRI Shapefile"
            let declared = isShapefile ? metadata(layers[chosen], "SOURCE_ENCODING", domain: "SHAPEFILE") : nil
            let files = GDALSession.fileList(probe)
            GDALClose(probe)
            if isShapefile { try checkRecordCounts(files, layer: names[chosen], file: name) }
            guard let dataset = GDALSession.open(path, options: isShapefile ? ["ENCODING="] : []) else {
                throw refuse(L10n.message(.vectorUnreadable, GDALSession.lastError()))
            }
            defer { GDALClose(dataset) }
            guard let layer = GDALDatasetGetLayer(dataset, Int32(chosen)) else { throw refuse(L10n.message(.vectorNoLayer)) }
            let raw = readRaw(layer, bounds: format == "GeoJSON")
            let (decoded, encoding) = try decode(
                raw, textIsUTF8: !isShapefile, named: named, declared: declared, file: name)
            var (crs, unknown) = system(of: layer)
            if format == "GeoJSON", crs == .wgs84, let box = raw.bounds,
                !(abs(box.minX) <= 180 && abs(box.maxX) <= 180 && abs(box.minY) <= 90 && abs(box.maxY) <= 90)
            {
                crs = nil
                unknown = nil
            }
            return VectorFile(
                fileName: name, format: format, layerName: names[chosen], fields: decoded.fields, features: decoded.features,
                crs: crs, unknownCRS: unknown, encoding: encoding)
        }
    }

    /// Features with their text still as bytes.
    private struct RawLayer {
        var fields: [[UInt8]] = []
        var features: [(values: [[UInt8]?], shape: Shape?)] = []
        var bounds: PlanarBox?
    }

    /// `bounds`: also the box of all features (to tell degrees from metres).
    private static func readRaw(_ layer: OGRLayerH, bounds: Bool) -> RawLayer {
        var raw = RawLayer()
        let definition = OGR_L_GetLayerDefn(layer)
        let count = OGR_FD_GetFieldCount(definition)
        // Bytes as they are: String(cString:) would replace GBK bytes with U+FFFD.
        func bytes(_ text: UnsafePointer<CChar>) -> [UInt8] {
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
        }
        raw.fields = (0..<count).map { bytes(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            let values: [[UInt8]?] = (0..<count).map { i in
                guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0, let text = OGR_F_GetFieldAsString(feature, i) else { return nil }
                return bytes(text)
            }
            let shape = wkb(OGR_F_GetGeometryRef(feature))
            if bounds, let box = shape?.bounds() { raw.bounds = raw.bounds.map { $0.union(box) } ?? box }
            raw.features.append((values, shape))
        }
        return raw
    }

    /// The geometry as 2D ISO WKB, curves made linear.
    private static func wkb(_ geometry: OGRGeometryH?) -> Shape? {
        guard let geometry else { return nil }
        var linear: OGRGeometryH?
        if OGR_G_HasCurveGeometry(geometry, 1) != 0 { linear = OGR_G_GetLinearGeometry(geometry, 0, nil) }
        defer { if let linear { OGR_G_DestroyGeometry(linear) } }
        let flat = linear ?? geometry
        OGR_G_FlattenTo2D(flat)
        let size = Int(OGR_G_WkbSize(flat))
        var bytes = [UInt8](repeating: 0, count: size)
        let error = bytes.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(flat, wkbNDR, $0.baseAddress) }
        return error == OGRERR_NONE ? Shape(wkb: bytes) : nil
    }

    /// Field names and values as text, and how they were read.
    private static func decode(
        _ raw: RawLayer, textIsUTF8: Bool, named: SourceEncoding?, declared: String?, file: String
    ) throws -> (decoded: (fields: [String], features: [VectorFeature]), encoding: Localized) {
        // Every string once, separated by U+001E, so one decoder decides the encoding for all.
        var joined: [UInt8] = []
        func add(_ bytes: [UInt8]?) {
            joined.append(0x1E)
            if let bytes { joined += bytes }
        }
        raw.fields.forEach(add)
        for feature in raw.features { feature.values.forEach(add) }
        let page = declared.flatMap(codePage)
        let encoding: SourceEncoding?
        let how: Localized?
        if textIsUTF8 {
            (encoding, how) = (.utf8, L10n.message(.vectorEncodingFormat, SourceEncoding.utf8.rawValue))
        } else if let named {
            (encoding, how) = (named, L10n.message(.vectorEncodingNamed, named.rawValue))
        } else if let page {
            (encoding, how) = (page, L10n.message(.vectorEncodingCPG, page.rawValue, declared ?? ""))
        } else {
            (encoding, how) = (nil, nil)
        }
        let text: [UInt8]
        let found: SourceEncoding
        do {
            (text, found) = try TextDecoding.decode(joined, as: encoding)
        } catch {
            throw UserError.rejected([
                ImportIssue(file: file, message: L10n.message(.vectorEncodingFailed, encoding?.rawValue ?? "UTF-8/GBK"))
            ])
        }
        var parts = text.split(separator: 0x1E, omittingEmptySubsequences: false).dropFirst().map { $0 }
        let expected = raw.fields.count + raw.features.reduce(0) { $0 + $1.values.count }
        if parts.count != expected {
            // A value holding U+001E itself: decode value by value in the encoding found.
            let values = raw.fields.map { Optional($0) } + raw.features.flatMap(\.values)
            parts = try values.map { bytes in
                guard let bytes else { return [] }
                do {
                    return ArraySlice(try TextDecoding.decode(bytes, as: found).text)
                } catch {
                    throw UserError.rejected([ImportIssue(file: file, message: L10n.message(.vectorEncodingFailed, found.rawValue))])
                }
            }
        }
        let fields = parts.prefix(raw.fields.count).map { String(decoding: $0, as: UTF8.self) }
        parts.removeFirst(min(parts.count, raw.fields.count))
        var features: [VectorFeature] = []
        features.reserveCapacity(raw.features.count)
        var next = parts.startIndex
        for (n, feature) in raw.features.enumerated() {
            let values = feature.values.map { bytes -> String? in
                defer { next += 1 }
                return bytes == nil ? nil : String(decoding: parts[next], as: UTF8.self)
            }
            features.append(VectorFeature(number: n + 1, values: values, shape: feature.shape))
        }
        return ((fields, features), how ?? L10n.message(.vectorEncodingDetected, found.rawValue))
    }

    /// The encoding a `.cpg` or language byte names, when it is one this reader trusts.
    public static func codePage(_ name: String) -> SourceEncoding? {
        let upper = name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if upper == "UTF8" || upper == "65001" { return .utf8 }
        if ["CP936", "936", "GBK", "GB2312", "GB18030", "CP54936", "54936", "ANSI936"].contains(upper) { return .gb18030 }
        return nil
    }

    private static func metadata(_ layer: OGRLayerH, _ key: String, domain: String) -> String? {
        guard let value = GDALGetMetadataItem(layer, key, domain) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// The layer's coordinate system: one of `ChinaCRS`, or the name of another; both nil when none.
    private static func system(of layer: OGRLayerH) -> (ChinaCRS?, String?) {
        guard let srs = OGR_L_GetSpatialRef(layer) else { return (nil, nil) }
        let label = OSRGetName(srs).map { String(cString: $0) } ?? "?"
        if let authority = OSRGetAuthorityName(srs, nil), String(cString: authority) == "EPSG",
            let code = OSRGetAuthorityCode(srs, nil), let epsg = Int(String(cString: code)), let crs = ChinaCRS(epsg: epsg)
        {
            return (crs, nil)
        }
        var count: Int32 = 0
        var confidences: UnsafeMutablePointer<Int32>?
        guard let matches = OSRFindMatches(srs, nil, &count, &confidences) else { return (nil, label) }
        defer {
            OSRFreeSRSArray(matches)
            VSIFree(confidences)
        }
        for i in 0..<Int(count) where (confidences?[i] ?? 0) >= 70 {
            guard let match = matches[i], let code = OSRGetAuthorityCode(match, nil), let epsg = Int(String(cString: code)),
                let crs = ChinaCRS(epsg: epsg)
            else { continue }
            return (crs, nil)
        }
        return (nil, label)
    }

    /// Refuses a Shapefile whose index (`.shx`) and attribute table (`.dbf`) count different records
    /// (the files of the layer named `layer`).
    private static func checkRecordCounts(_ files: [String], layer: String, file: String) throws {
        // The chosen layer's own files (a folder or zip may hold several Shapefiles).
        func find(_ suffix: String) -> String? {
            files.first { $0.lowercased().hasSuffix("/" + layer.lowercased() + suffix) || $0.lowercased() == layer.lowercased() + suffix }
        }
        guard let shx = find(".shx"), let dbf = find(".dbf"),
            let shxHeader = GDALSession.header(shx, bytes: 28), let dbfHeader = GDALSession.header(dbf, bytes: 8)
        else { return }
        let words = shxHeader[24..<28].reduce(0) { $0 << 8 | Int($1) }
        let shapes = (words * 2 - 100) / 8
        let records = dbfHeader[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard shapes == records else {
            throw UserError.rejected([ImportIssue(file: file, message: L10n.message(.shapefileCountMismatch, shapes, records))])
        }
    }
}

/// GDAL's process-wide set-up, and calls that keep GDAL's messages off standard error.
enum GDALSession {
    /// Registers GDAL's drivers, once.
    static let register: Void = GDALAllRegister()

    /// Runs `body` with GDAL's errors kept (for `lastError`) instead of printed.
    static func quietly<T>(_ body: () throws -> T) rethrows -> T {
        CPLPushErrorHandler(CPLQuietErrorHandler)
        defer { CPLPopErrorHandler() }
        CPLErrorReset()
        return try body()
    }

    /// The message of GDAL's last error on this thread.
    static func lastError() -> String {
        guard let message = CPLGetLastErrorMsg() else { return "" }
        return String(cString: message)
    }

    /// Opens a vector dataset read-only with one of the accepted drivers.
    static func open(_ path: String, options: [String]) -> GDALDatasetH? {
        var drivers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        for driver in VectorFileReader.drivers { drivers = CSLAddString(drivers, driver) }
        var opening: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        for option in options { opening = CSLAddString(opening, option) }
        defer {
            CSLDestroy(drivers)
            CSLDestroy(opening)
        }
        return GDALOpenEx(
            path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY),
            UnsafePointer(drivers).map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) },
            UnsafePointer(opening).map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) },
            nil)
    }

    /// The files a dataset is made of.
    static func fileList(_ dataset: GDALDatasetH) -> [String] {
        guard let list = GDALGetFileList(dataset) else { return [] }
        defer { CSLDestroy(list) }
        var files: [String] = []
        var i = 0
        while let entry = list[i] {
            files.append(String(cString: entry))
            i += 1
        }
        return files
    }

    /// The first `bytes` bytes of a file (in a .zip too), or nil when shorter or unreadable.
    static func header(_ path: String, bytes: Int) -> [UInt8]? {
        guard let file = VSIFOpenL(path, "rb") else { return nil }
        defer { VSIFCloseL(file) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let read = buffer.withUnsafeMutableBytes { VSIFReadL($0.baseAddress, 1, bytes, file) }
        return read == bytes ? buffer : nil
    }
}
