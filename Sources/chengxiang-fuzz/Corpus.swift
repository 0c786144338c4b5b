import Demo
import Foundation
import Interchange
import Localization
import ZIPFoundation

/// What a fuzzed input is fed to.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `import schools`: CSV (UTF-8 and GBK), TSV, XLSX.
    case schools
    /// `import divisions`: CSV and GeoJSON.
    case divisions
    /// `indicators import`: CSV and XLSX.
    case observations
    /// `tasks import`: CSV.
    case tasks
    /// `solve --costs`: a cost table for the location engine (no register involved).
    case costs
    /// `import villages`: CSV (UTF-8 and GBK) and XLSX.
    case villages
    /// `assets import`: CSV.
    case assets
    /// `import clinics`: CSV (UTF-8 and GBK).
    case clinics
    /// `import pupils`: CSV.
    case pupils
}

/// One seed file: its name (the extension picks the reader) and bytes.
struct SeedFile {
    var name: String
    var data: Data

    var isWorkbook: Bool { name.hasSuffix(".xlsx") }
}

/// The seed files of each target, made from the demo's own data (the project's resources), so the
/// fuzzer needs nothing outside the program.
enum Corpus {
    static func seeds(_ target: FuzzTarget) throws -> [SeedFile] {
        func resource(_ name: String) throws -> Data { try Data(contentsOf: DemoResources.file(name)) }
        switch target {
        case .schools:
            let csv = try resource("seed_table_6_1.csv")
            let text = String(decoding: csv, as: UTF8.self)
            return [
                SeedFile(name: "schools.csv", data: csv),
                SeedFile(name: "schools-gbk.csv", data: Data(GB18030Encoder.encode(text))),
                SeedFile(name: "schools.tsv", data: Data(tabSeparated(text).utf8)),
                SeedFile(name: "schools.xlsx", data: try workbook(rows: rows(text))),
            ]
        case .divisions:
            return [
                SeedFile(name: "townships.csv", data: try resource("townships.csv")),
                SeedFile(name: "villages.csv", data: try resource("villages.csv")),
                SeedFile(name: "outline.geojson", data: try resource("county_outline.geojson")),
                SeedFile(name: "points.geojson", data: Data(points.utf8)),
            ]
        case .observations:
            return [
                SeedFile(name: "observations.csv", data: Data(observations.utf8)),
                SeedFile(name: "observations.xlsx", data: try workbook(rows: rows(observations))),
            ]
        case .tasks:
            return [SeedFile(name: "tasks.csv", data: try resource("seed_tasks.csv"))]
        case .costs:
            var table = "demand,candidate,cost\n"
            for i in 0..<6 { for j in 0..<4 { table += "d\(i),c\(j),\((i * 7 + j * 3) % 10)\n" } }
            return [SeedFile(name: "costs.csv", data: Data(table.utf8))]
        case .villages:
            return [
                SeedFile(name: "villages.csv", data: Data(villages.utf8)),
                SeedFile(name: "villages-gbk.csv", data: Data(GB18030Encoder.encode(villages))),
                SeedFile(name: "villages.xlsx", data: try workbook(rows: rows(villages))),
            ]
        case .assets:
            return [SeedFile(name: "assets.csv", data: Data(assets.utf8))]
        case .pupils:
            return [SeedFile(name: "pupils.csv", data: Data(pupils.utf8))]
        case .clinics:
            return [
                SeedFile(name: "clinics.csv", data: Data(clinics.utf8)),
                SeedFile(name: "clinics-gbk.csv", data: Data(GB18030Encoder.encode(clinics))),
            ]
        }
    }

    /// Two years of made-up figures for two of the demo's villages (by code and by name).
    static let villages = [
        "村代码,乡镇,村名称,年份,常住人口,户数,村域面积（平方公里）,耕地面积（亩）,高标准农田（亩）,传统村落/历史文化名村",  // data
        "141122100200,,,2020,1500,500,2.5,1200,300,否",  // data
        "141122100200,,,2024,1400,466,2.5,1200,350,否",  // data
        ",天宁镇,磁窑村委会,2024,200,70,1.2,400,,传统村落",  // data
    ].joined(separator: "\n")

    /// Two made-up idle assets.
    static let assets = [
        "类型,名称,乡镇,村代码,面积（平方米）,权属,状态",  // data
        "空闲宅基地,测试宅基地,,141122100202,420,村集体,闲置",  // data
        "零星闲置地,测试闲置地,天宁镇,,1300,国有,规划利用",  // data
    ].joined(separator: "\n")

    /// Made-up pupils of one village, by grade and as a total.
    static let pupils = [
        "村代码,学段,年级,人数,年份",  // data
        "141122100202,小学,1,12,2024", "141122100202,小学,2,9,2024", "141122100202,初中,,20,2024",  // data
    ].joined(separator: "\n")

    /// A made-up health centre and village clinic.
    static let clinics = [
        "类型,名称,乡镇,村代码,执业（助理）医师,乡村医生,床位,医共体",  // data
        "乡镇卫生院,测试卫生院,天宁镇,,12,,30,县医共体",  // data
        "村卫生室,测试卫生室,,141122100202,,2,,县医共体",  // data
    ].joined(separator: "\n")

    /// Observations of the demo's indicators for the county and a township.
    static let observations = [
        "指标代码,地区,期间,值",  // data
        "EDU_RETENTION,交城县,2023,95.5",  // data
        "EDU_RETENTION,交城县,2024,96",  // data
        "INS_WHEAT,天宁镇,2024,50",  // data
        "INS_WHEAT,西营镇,2023,40",  // data
    ].joined(separator: "\n")

    /// Two villages as GeoJSON points with stated positions.
    static let points = [
        #"{"type":"FeatureCollection","features":["#,
        #"{"type":"Feature","properties":{"code":"141122100001","name":"西街居委会","location_quality":"published"},"#,  // data
        #" "geometry":{"type":"Point","coordinates":[112.158,37.553]}},"#,
        #"{"type":"Feature","properties":{"code":"141122100002","name":"南街居委会","location_quality":"approximate"},"#,  // data
        #" "geometry":{"type":"Point","coordinates":[112.161,37.549]}}]}"#,
    ].joined(separator: "\n")

    /// The lines of a CSV text split at commas (the seed tables quote nothing that holds a comma).
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func tabSeparated(_ text: String) -> String {
        rows(text).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    /// A minimal workbook of one sheet, every cell a shared string (as Excel writes text).
    static func workbook(rows: [[String]]) throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                let i = index[cell] ?? strings.count
                if i == strings.count {
                    strings.append(cell)
                    index[cell] = i
                }
                sheet += "<c r=\"\(ColumnLetters.letters(for: c + 1))\(r + 1)\" t=\"s\"><v>\(i)</v></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let shared =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + strings.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
            ),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", shared),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
