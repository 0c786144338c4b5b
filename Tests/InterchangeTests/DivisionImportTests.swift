import Domain
import Foundation
import Geo
import Interchange
import Localization
import Testing

@Suite("Division tables and GeoJSON are validated row by row")
struct DivisionImportTests {
    let reader = DivisionTableReader(register: TestRegister.jiaocheng())

    @Test("a CSV with Chinese headers: kind inferred from the name, parent by code, figures read")
    func csv() throws {
        let rows = try reader.read(TableSources.open(Fixture.url("divisions.csv")))
        #expect(rows.count == 2)
        #expect(rows[0].kind == .village)
        #expect(rows[0].population == 2310)
        #expect(rows[0].location == GeoPoint(longitudeDegrees: 112.1012, latitudeDegrees: 37.5123))
        #expect(rows[0].locationQuality == .unknown, "no quality column: the quality is not stated, so not surveyed")
        #expect(rows[1].kind == .community)
        #expect(rows[1].urbanRuralClass == 111)
    }

    @Test("bad codes, unknown parents, invalid classes, negative counts, duplicates and half coordinates are all listed")
    func badCSV() throws {
        do {
            _ = try reader.read(TableSources.open(Fixture.url("bad_divisions.csv")))
            Issue.record("accepted")
        } catch let rejected as UserError {
            let byRow = Dictionary(grouping: rejected.errors, by: { $0.row ?? 0 })
            #expect(byRow[2]?.first?.message.zh == "区划代码「14112210020」无效：应为 6、9 或 12 位数字")
            #expect(byRow[3]?.first?.message.zh == "上级区划「141122999000」不在名录中，也不在本文件中")
            #expect(byRow[4]?.first?.message.zh.hasPrefix("城乡分类代码 999 无效") == true)
            #expect(byRow[5]?.first?.message.zh == "「-5」为负数")
            #expect(byRow[6]?.first?.message.zh == "区划代码 141122100212 重复（首次出现在第 5 行）")
            #expect(byRow[7]?.first?.columnName == "纬度")
        }
    }

    @Test("GeoJSON points become positions; a parent may be named instead of coded")
    func geojsonPoints() throws {
        let features = try GeoJSONReader.read(Fixture.url("villages_points.geojson"))
        let rows = try reader.read(features: features, file: "villages_points.geojson")
        #expect(rows.map(\.name) == ["阳渠村委会", "石候村委会"])
        #expect(rows[1].parentName == "西营镇")
        #expect(rows[1].location?.longitudeDegrees == 112.2001)
        #expect(rows[0].households == 812)
    }

    @Test("broken geometries are named per feature: bow tie, open ring, projected metres, wrong type")
    func brokenGeometries() throws {
        do {
            _ = try GeoJSONReader.read(Fixture.url("bad_geometries.geojson"))
            Issue.record("accepted")
        } catch let rejected as UserError {
            let messages = rejected.errors.map(\.message.zh)
            #expect(messages.count == 4)
            #expect(messages[0].hasPrefix("第 1 个要素 第 1 环自相交"))
            #expect(messages[1] == "第 2 个要素 第 1 环未闭合（首尾坐标不同）")
            #expect(messages[2].hasPrefix("坐标不是经纬度（第 3 个要素有 602506.9, 4158183.9）") && messages[2].contains("EPSG:4546"))
            #expect(messages[3] == "第 4 个要素的几何无法识别：type LineString")
            #expect(rejected.errors.map(\.row) == [1, 2, 3, 4])
        }
    }

    /// A GeoJSON of the county's GIS: CGCS2000 3° Gauss–Krüger (central meridian 111°E) with and
    /// without the zone number in front of the easting, named in a `crs` member.
    static func projectedFile(_ crs: String?, easting: Double) throws -> URL {
        let member = crs.map { "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"\($0)\"}}, " } ?? ""
        let text = """
            {"type": "FeatureCollection", \(member)"features": [
             {"type": "Feature", "properties": {"name": "交城县"}, "geometry": {"type": "Point", "coordinates": [\(easting), 4158183.978]}}]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cx-crs-\(UUID().uuidString).geojson")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("eastings and northings in a named CGCS2000 Gauss–Krüger zone become degrees (PROJ), with or without the zone prefix")
    func projectedWithCRS() throws {
        for (crs, easting) in [
            ("urn:ogc:def:crs:EPSG::4546", 602506.900), ("EPSG:4525", 37602506.900),
        ] {
            let url = try Self.projectedFile(crs, easting: easting)
            defer { try? FileManager.default.removeItem(at: url) }
            let features = try GeoJSONReader.read(url)
            guard case .point(let p) = features.first?.geometry else {
                Issue.record("\(crs): no point")
                continue
            }
            #expect(abs(p.lon - 112.16) < 1e-6 && abs(p.lat - 37.55) < 1e-6, "\(crs): \(p)")
        }
    }

    @Test("eastings with no system named are refused once, naming the zone their prefix gives; an unknown system is refused")
    func projectedWithoutCRS() throws {
        let prefixed = try Self.projectedFile(nil, easting: 37602506.9)
        let plain = try Self.projectedFile(nil, easting: 602506.9)
        let mercator = try Self.projectedFile("EPSG:3857", easting: 12_485_000)
        defer { for url in [prefixed, plain, mercator] { try? FileManager.default.removeItem(at: url) } }
        func messages(_ url: URL) -> [Localized] {
            do {
                _ = try GeoJSONReader.read(url)
                return []
            } catch let rejected as UserError {
                return rejected.errors.map(\.message)
            } catch { return [] }
        }
        let zone = messages(prefixed)
        #expect(zone.count == 1 && zone[0].zh.contains("带号为 37，应为 EPSG:4525") && zone[0].en.contains("EPSG:4525"), "\(zone)")
        #expect(messages(plain).first?.zh.contains("须知中央经线") == true)
        #expect(messages(mercator).first?.zh.contains("「EPSG:3857」不受支持") == true)
        // A system declared for a file that names none is used; one that contradicts the file's is refused.
        let declared = try GeoJSONReader.read(plain, declared: try #require(ChinaCRS(text: "EPSG:4546")))
        guard case .point(let p) = declared.first?.geometry else {
            Issue.record("no point")
            return
        }
        #expect(abs(p.lon - 112.16) < 1e-6)
        let conflict = try Self.projectedFile("EPSG:4546", easting: 602506.9)
        defer { try? FileManager.default.removeItem(at: conflict) }
        #expect(throws: UserError.self) { try GeoJSONReader.read(conflict, declared: ChinaCRS(epsg: 4525)) }
        // The county's longitude suggests its zone.
        do {
            _ = try GeoJSONReader.read(plain, nearLongitude: 112.16)
            Issue.record("accepted")
        } catch let rejected as UserError {
            #expect(rejected.errors.first?.message.zh.contains("应为 EPSG:4546") == true)
        }
    }

    @Test("a file that is not JSON is refused")
    func notJSON() {
        #expect(throws: UserError.self) { try GeoJSONReader.read(Fixture.url("bad_not_json.geojson")) }
    }

    @Test("GeoJSON written for storage parses back to the same shape")
    func roundTrip() throws {
        let shape = MultiPolygon(polygons: [
            Polygon(rings: [[LonLat(111.5, 37.5), LonLat(112, 37.5), LonLat(112, 37.9), LonLat(111.5, 37.5)]])
        ])
        #expect(try GeoJSONGeometryParser.multiPolygon(GeoJSONWriter.geometry(shape)) == shape)
    }

    @Test("CSV output quotes what needs quoting and starts with a BOM")
    func csvWriter() {
        #expect(CSVWriter.line(["a", "b,c", "说\"好\"", "x\ny"]) == "a,\"b,c\",\"说\"\"好\"\"\",\"x\ny\"")
        #expect(CSVWriter.document(header: ["h"], rows: [["1"]]) == "\u{FEFF}h\r\n1\r\n")
    }
}
