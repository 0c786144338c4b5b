import Foundation
import Geo
import Interchange
import Localization
import TestSupport
import Testing

@Suite("GIS vector files through GDAL")
struct VectorFileReaderTests {
    static func read(_ name: String, encoding: SourceEncoding? = nil) throws -> VectorFile {
        try VectorFileReader.read(LayerFixtures.url(name), encoding: encoding)
    }

    @Test("a GBK Shapefile with .prj and no .cpg: Chinese names and values, EPSG:4546, areas of 10,000 m²")
    func gbkShapefile() throws {
        let file = try Self.read("farmland-gbk/基本农田.shp")
        #expect(file.format == "ESRI Shapefile")
        #expect(file.fields == ["名称", "地类"])
        #expect(file.features.map { $0.values[0] } == ["基本农田甲", "基本农田乙"])
        #expect(file.features.map { $0.values[1] } == ["水浇地", "旱地"])
        #expect(file.crs?.epsg == 4546 && file.unknownCRS == nil)
        #expect(file.encoding.en.contains("GBK") && file.encoding.en.contains("detected"))
        #expect(file.features.compactMap { $0.shape?.facts()?.area } == [10_000, 10_000])
    }

    @Test("the same Shapefile zipped reads the same; --encoding utf-8 on GBK bytes is refused by name")
    func zipped() throws {
        let file = try Self.read("farmland-gbk.zip")
        #expect(file.features.map { $0.values[0] } == ["基本农田甲", "基本农田乙"] && file.crs?.epsg == 4546)
        #expect(file.fileName == "farmland-gbk.zip")
        let error = try #require(throws: UserError.self) { try Self.read("farmland-gbk.zip", encoding: .utf8) }
        #expect(error.issues.first?.message.zh.contains("--encoding gbk") == true)
        let named = try Self.read("farmland-gbk.zip", encoding: .gb18030)
        #expect(named.encoding.en.contains("--encoding"))
    }

    @Test("a GeoPackage in EPSG:4490, a GeoJSON in WGS84 and a file geodatabase in EPSG:4546 name their systems")
    func geoPackageAndGeoJSON() throws {
        let package = try Self.read("construction-4490.gpkg")
        #expect(package.format == "GPKG" && package.crs == .cgcs2000 && package.layerName == "规划建设用地")
        #expect(package.features.first?.values.first == "规划建设用地一")
        let json = try Self.read("construction-wgs84.geojson")
        #expect(json.crs == .wgs84 && json.features.count == 1)
        let projected = try Self.read("construction.geojson")
        #expect(projected.crs?.epsg == 4546)
        let geodatabase = try Self.read("redline.gdb")
        #expect(geodatabase.format == "OpenFileGDB" && geodatabase.layerName == "生态保护红线" && geodatabase.crs?.epsg == 4546)
        #expect(geodatabase.features.first?.values.first == "生态保护红线")
        #expect(geodatabase.features.first?.shape?.facts()?.area == 16_000)
    }

    @Test("no .prj: no system; a .dbf shorter than the .shp is refused with both counts; a folder of junk is unreadable")
    func refusals() throws {
        let bare = try Self.read("no-prj/基本农田.shp")
        #expect(bare.crs == nil && bare.unknownCRS == nil)
        let short = try #require(throws: UserError.self) { try Self.read("short-dbf/基本农田.shp") }
        #expect(short.issues.first?.message.zh.contains("2 条记录而 .dbf 有 1 条") == true, "\(short)")
        let junk = FileManager.default.temporaryDirectory.appendingPathComponent("junk-\(UUID().uuidString).shp")
        try Data("not a shapefile".utf8).write(to: junk)
        let unreadable = try #require(throws: UserError.self) { try VectorFileReader.read(junk) }
        #expect(unreadable.issues.first?.file == junk.lastPathComponent)
        #expect(unreadable.issues.first?.message.zh.contains("GDAL 无法读取") == true)
    }

    @Test("GeoJSON eastings without a crs member name no system (not the WGS84 of RFC 7946)")
    func geoJSONWithoutCRS() throws {
        let source = try String(contentsOf: LayerFixtures.url("farmland.geojson"), encoding: .utf8)
        let stripped = source.replacingOccurrences(
            of: #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4546"}},"#, with: "")
        #expect(stripped != source)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nocrs-\(UUID().uuidString).geojson")
        try stripped.write(to: url, atomically: true, encoding: .utf8)
        let file = try VectorFileReader.read(url)
        #expect(file.crs == nil && file.features.count == 2)
    }

    @Test("a value holding U+001E does not shift the values of the features after it")
    func separatorInValue() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sep-\(UUID().uuidString).geojson")
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"甲\u001e乙","地类":"0101"},"geometry":{"type":"Point","coordinates":[112.1,37.5]}},{"type":"Feature","properties":{"名称":"丙","地类":"0702"},"geometry":{"type":"Point","coordinates":[112.2,37.5]}}]}"#
                .utf8
        ).write(to: url)
        let file = try VectorFileReader.read(url)
        #expect(file.features.map { $0.values } == [["甲\u{1E}乙", "0101"], ["丙", "0702"]])
    }
}
