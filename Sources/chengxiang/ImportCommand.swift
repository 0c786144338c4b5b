import ArgumentParser
import Foundation
import Interchange
import Services

/// `chengxiang import schools|divisions FILE`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入数据（先校验，全部成功才写入）· Import data: validate everything first, then write all or nothing.",
        subcommands: [ImportSchools.self, ImportDivisions.self])
}

/// Prints what an import did.
func printSummary(_ s: ImportSummary, dryRun: Bool) {
    let head = dryRun ? "校验通过（未写入）| validated, nothing written" : "导入完成 | imported"
    print("\(head): \(s.fileName) [\(s.format)]")
    print("  读取 \(s.rowsRead) 行，新增 \(s.inserted)，更新 \(s.updated)，未变 \(s.unchanged) | rows \(s.rowsRead), inserted \(s.inserted), updated \(s.updated), unchanged \(s.unchanged)")
    if !s.townshipsNotReported.isEmpty {
        print("  未上报（记为无数据，而非无学校）| not reported (no data, not \"no schools\"): \(s.townshipsNotReported.joined(separator: "、"))")
    }
}

struct ImportSchools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "导入学校表（CSV 或 XLSX）· Import a school table (CSV or XLSX).",
        discussion: """
            列：乡镇、学校名称、规模、在校人数、教职人数、占地面积（亩），可选 班级数、数据年份、所在村、来源。
            CSV 可为 UTF-8、UTF-8 BOM、GBK、GB18030，逗号或制表符分隔。
            Columns: township, school, level, students, staff, land_mu; optional classes, year, village, source.
            Example:
              chengxiang import schools 表六-1.xlsx --sheet 学校 --year 2021 --database county.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "CSV 或 XLSX 文件 · CSV or XLSX file.") var file: String
    @Option(help: "XLSX 工作表名（默认第一个）· XLSX sheet name (default: the first).") var sheet: String?
    @Option(help: "数据年份（文件无年份列时）· Data year when the file has no year column.") var year: Int?
    @Option(help: "数据来源说明 · Source of the figures.") var source: String?
    @Flag(help: "只校验，不写入 · Validate only.") var dryRun = false

    func run() async throws {
        try await reportingFailures {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError.inputMissing(file) }
            let store = try options.openExisting()
            let summary = try ImportService(store: store, actor: options.actor).importSchools(
                from: URL(fileURLWithPath: file), sheet: sheet,
                defaults: SchoolImportDefaults(dataYear: year, source: source ?? URL(fileURLWithPath: file).lastPathComponent),
                dryRun: dryRun)
            printSummary(summary, dryRun: dryRun)
        }
    }
}

struct ImportDivisions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions",
        abstract: "导入区划（CSV、XLSX 或 GeoJSON）· Import divisions (CSV, XLSX or GeoJSON).",
        discussion: """
            列/属性：代码、名称、类型、上级代码 或 乡镇、城乡分类代码、人口、户数、经度、纬度、位置质量、状态、并入代码、备注、来源。
            GeoJSON 点为位置，面为边界（经纬度，WGS84/CGCS2000）。导入的坐标替换示意位置。
            Columns/properties: code, name, kind, parent_code or township, urban_rural_class, population, households,
            lon, lat, location_quality, status, successor_code, note, source. Imported coordinates replace illustrative ones.
            Example:
              chengxiang import divisions villages.csv --database county.sqlite
              chengxiang import divisions county.geojson --database county.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "CSV、XLSX 或 GeoJSON 文件 · CSV, XLSX or GeoJSON file.") var file: String
    @Flag(help: "只校验，不写入 · Validate only.") var dryRun = false

    func run() async throws {
        try await reportingFailures {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError.inputMissing(file) }
            let store = try options.openExisting()
            let summary = try ImportService(store: store, actor: options.actor).importDivisions(
                from: URL(fileURLWithPath: file), dryRun: dryRun)
            printSummary(summary, dryRun: dryRun)
        }
    }
}
