import CGDAL
public import Foundation
public import Geo
import Localization
import ZIPFoundation

/// The vector formats layers and conflict patches are written in.
public enum VectorFormat: String, CaseIterable, Sendable {
    case geojson, shp, gpkg

    var driver: String {
        switch self {
        case .geojson: "GeoJSON"
        case .shp: "ESRI Shapefile"
        case .gpkg: "GPKG"
        }
    }

    /// Layer creation options: a Shapefile's `.dbf` in GBK with a `.cpg` saying so (what the
    /// surveyors' tools on Chinese Windows read); GeoJSON with its `crs` member when not WGS84.
    var layerOptions: [String] {
        switch self {
        case .shp: ["ENCODING=CP936"]
        case .geojson: ["RFC7946=NO", "WRITE_NAME=NO"]
        case .gpkg: []
        }
    }
}

/// A field of a written layer.
public struct VectorField: Sendable {
    public enum FieldType: Sendable { case text, real, integer }
    public var name: String
    public var type: FieldType

    public init(_ name: String, _ type: FieldType = .text) {
        self.name = name
        self.type = type
    }
}

/// A value of a written feature.
public enum VectorValue: Sendable {
    case text(String)
    case real(Double)
    case integer(Int)
    case null
}

/// A feature to write: values aligned with the fields, and its geometry.
public struct VectorOutputFeature: Sendable {
    public var values: [VectorValue]
    public var shape: Shape

    public init(values: [VectorValue], shape: Shape) {
        self.values = values
        self.shape = shape
    }
}

/// Writes GeoJSON, Shapefiles (loose, or zipped when the path ends in .zip) and GeoPackages
/// through GDAL/OGR. Files are written in a temporary folder and moved into place, so a failed
/// write leaves nothing half-written at the path.
public enum VectorFileWriter {
    /// Writes `features`, whose geometries are in `crs`, as one layer named `layerName`.
    public static func write(
        _ url: URL, format: VectorFormat, layerName: String, fields: [VectorField], features: [VectorOutputFeature], crs: ChinaCRS
    ) throws {
        GDALSession.register
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("chengxiang-vector-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        let zipped = format == .shp && url.pathExtension.lowercased() == "zip"
        let stem = url.deletingPathExtension().lastPathComponent
        let extensionName = format == .shp ? "shp" : format.rawValue
        let partial = folder.appendingPathComponent(stem).appendingPathExtension(extensionName)
        try GDALSession.quietly {
            try writeDataset(partial, format: format, layerName: layerName, fields: fields, features: features, crs: crs)
        }
        let made = try files.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        do {
            if zipped {
                let archive = folder.appendingPathComponent("out.zip")
                let zip = try Archive(url: archive, accessMode: .create)
                for file in made.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
                    try zip.addEntry(with: file.lastPathComponent, relativeTo: folder)
                }
                try replace(url, with: archive)
            } else {
                let target = url.deletingLastPathComponent()
                for file in made {
                    let name = file.lastPathComponent
                    let destination =
                        name.hasPrefix(stem + ".") && name != partial.lastPathComponent
                        ? target.appendingPathComponent(name)
                        : url
                    try replace(destination, with: file)
                }
            }
        } catch {
            throw UserError(.unavailable, L10n.message(.vectorCannotWrite, url.path, "\(error)"))
        }
    }

    private static func replace(_ destination: URL, with file: URL) throws {
        let files = FileManager.default
        if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
        try files.moveItem(at: file, to: destination)
    }

    private static func writeDataset(
        _ path: URL, format: VectorFormat, layerName: String, fields: [VectorField], features: [VectorOutputFeature], crs: ChinaCRS
    ) throws {
        func failure() -> UserError {
            UserError(.unavailable, L10n.message(.vectorCannotWrite, path.lastPathComponent, GDALSession.lastError()))
        }
        guard let driver = GDALGetDriverByName(format.driver),
            let dataset = GDALCreate(driver, path.path, 0, 0, 0, GDT_Unknown, nil)
        else { throw failure() }
        defer { GDALClose(dataset) }
        guard let srs = OSRNewSpatialReference(nil) else { throw failure() }
        defer { OSRRelease(srs) }
        guard OSRImportFromEPSG(srs, Int32(crs.epsg)) == OGRERR_NONE else { throw failure() }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        var options: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        for option in format.layerOptions { options = CSLAddString(options, option) }
        defer { CSLDestroy(options) }
        // A Shapefile holds one type: multipolygons when every feature is polygonal; otherwise GDAL
        // takes the type of the first feature.
        let polygonal = features.allSatisfy { $0.shape.facts()?.kind == .polygon }
        let type = format == .shp && polygonal ? wkbMultiPolygon : wkbUnknown
        guard let layer = GDALDatasetCreateLayer(dataset, layerName, srs, type, options) else { throw failure() }
        for field in fields {
            let kind: OGRFieldType =
                switch field.type {
                case .text: OFTString
                case .real: OFTReal
                case .integer: OFTInteger64
                }
            guard let definition = OGR_Fld_Create(field.name, kind) else { throw failure() }
            defer { OGR_Fld_Destroy(definition) }
            if field.type == .text && format == .shp { OGR_Fld_SetWidth(definition, 254) }
            guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else { throw failure() }
        }
        let transaction = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
        for feature in features {
            guard let handle = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else { throw failure() }
            defer { OGR_F_Destroy(handle) }
            for (i, value) in feature.values.enumerated() {
                switch value {
                case .text(let text): OGR_F_SetFieldString(handle, Int32(i), text)
                case .real(let number): OGR_F_SetFieldDouble(handle, Int32(i), number)
                case .integer(let number): OGR_F_SetFieldInteger64(handle, Int32(i), Int64(number))
                case .null: OGR_F_SetFieldNull(handle, Int32(i))
                }
            }
            var geometry: OGRGeometryH?
            let shape = feature.shape
            let error = shape.wkb.withUnsafeBytes { OGR_G_CreateFromWkb($0.baseAddress, srs, &geometry, Int32($0.count)) }
            guard error == OGRERR_NONE, let geometry else { throw failure() }
            OGR_F_SetGeometryDirectly(handle, format == .shp && polygonal ? OGR_G_ForceToMultiPolygon(geometry) : geometry)
            guard OGR_L_CreateFeature(layer, handle) == OGRERR_NONE else { throw failure() }
        }
        if transaction { guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else { throw failure() } }
    }
}
