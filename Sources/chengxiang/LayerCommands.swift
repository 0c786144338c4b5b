import ArgumentParser
import Domain
import Foundation
import Geo
import Localization
import Records
import Services

/// `chengxiang layers import|list|export|delete`: plan layers (多规合一).
struct LayersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layers", abstract: text(.cmdLayers), discussion: text(.cmdLayersDiscussion),
        subcommands: [LayersImport.self, LayersList.self, LayersExport.self, LayersDelete.self])
}

/// `--encoding gbk|utf-8` (gb18030, cp936 and utf8 are read too).
enum EncodingArgument: String, ExpressibleByArgument, CaseIterable {
    case gbk, gb18030, cp936
    case utf8 = "utf-8"
    case utf8Short = "utf8"

    var encoding: AttributeEncoding { [.utf8, .utf8Short].contains(self) ? .utf8 : .gbk }
}

/// `--format geojson|shp|gpkg` of `layers export`.
enum LayerFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case geojson, shp, gpkg

    var format: LayerExportFormat {
        switch self {
        case .geojson: .geojson
        case .shp: .shp
        case .gpkg: .gpkg
        }
    }
}

/// `--format xlsx|geojson|shp` of `conflicts export`.
enum ConflictFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case xlsx, geojson, shp

    var format: ConflictExportFormat {
        switch self {
        case .xlsx: .xlsx
        case .geojson: .geojson
        case .shp: .shp
        }
    }
}

struct LayersImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdLayersImport), discussion: text(.cmdLayersImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optLayerFile)) var file: String
    @Option(help: help(.optLayerKind)) var kind: String
    @Option(help: help(.optLayerName)) var name: String?
    @Option(help: help(.optCRS)) var crs: String?
    @Option(help: help(.optEncoding)) var encoding: EncodingArgument?
    @Option(help: help(.optSourceLayer)) var layer: String?
    @Option(help: help(.optClassField)) var classField: String?
    @Flag(help: help(.optRepair)) var repair = false
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let report = try workspace.layers(by: try options.principal(workspace)).importLayer(
                url,
                LayerImportOptions(
                    kind: try LayerKind(parsing: kind), name: name, crs: try coordinateSystem(crs), encoding: encoding?.encoding,
                    repair: repair,
                    dryRun: dryRun, sourceLayer: layer, classField: classField))
            let l = report.layer
            print(options.t(dryRun ? .layerValidated : .layerImported, l.name, options.t(l.kind.label), l.sourceFile))
            print(
                options.t(
                    .layerFacts, l.featureCount, Format.number(l.areaM2, digits: 0),
                    Format.number(Area.mu(fromSquareMetres: l.areaM2), digits: 1),
                    l.sourceCRS, l.workingCRS, options.t(report.encoding)))
            if !report.repaired.isEmpty { print(options.t(.layerRepairedNote, report.repaired.map(String.init).joined(separator: ", "))) }
            for warning in report.warnings { Terminal.error(warning.description) }
        }
    }
}

struct LayersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdLayersList), discussion: text(.cmdLayersListDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let layers = try options.workspace().layers().layers()
            switch format {
            case .json: print(String(decoding: try Records.json(layers.map(LayerRecord.init)), as: UTF8.self))
            case .csv, .table:
                var table = TextTable(
                    header: [.colName, .colLayerKind, .colFeatures, .colAreaM2, .colAreaMu, .colSourceFile, .colCRS, .colImported]
                        .map { options.t($0) },
                    alignments: [.left, .left, .right, .right, .right, .left, .left, .left])
                for l in layers {
                    table.add([
                        l.illustrative ? options.t(.illustrativeName, l.name) : l.name, options.t(l.kind.label), String(l.featureCount),
                        Format.number(l.areaM2, digits: 0), Format.number(Area.mu(fromSquareMetres: l.areaM2), digits: 1), l.sourceFile,
                        "EPSG:\(l.sourceCRS)", "\(l.importedAt.prefix(10)) \(l.actor ?? "")",
                    ])
                }
                print(layers.isEmpty ? options.t(.layersNone) : table.render())
            }
        }
    }
}

struct LayersExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: text(.cmdLayersExport), discussion: text(.cmdLayersExportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optLayerName)) var name: String
    @Option(help: help(.optVectorFormat)) var format: LayerFormatArgument
    @Option(help: help(.optOut)) var out: String
    @Option(help: help(.optExportCRS)) var crs: String?

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let count = try workspace.layers().export(
                name, format: format.format, to: URL(fileURLWithPath: out), crs: try coordinateSystem(crs))
            print(options.t(.layerExported, name, count, out))
        }
    }
}

struct LayersDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: text(.cmdLayersDelete), discussion: text(.cmdLayersDeleteDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optLayerName)) var name: String

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            try workspace.layers(by: try options.principal(workspace)).deleteLayer(named: name)
            print(options.t(.layerDeleted, name))
        }
    }
}

/// `chengxiang conflicts check|export|rules`: conflict detection of 多规合一.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: text(.cmdConflicts), discussion: text(.cmdConflictsDiscussion),
        subcommands: [ConflictsCheck.self, ConflictsExport.self, ConflictRulesCommand.self])
}

struct ConflictsCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: text(.cmdConflictsCheck), discussion: text(.cmdConflictsCheckDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let report = try options.workspace().conflicts().check()
            switch format {
            case .json: print(String(decoding: try Records.json(ConflictReportRecord(report)), as: UTF8.self))
            case .csv:
                let table = TableExport.conflictTable(report, options.language)
                print(TableExport.csv(header: table.headers, rows: table.rows.map { $0.map(\.csvText) }), terminator: "")
            case .table: print(ConflictViews(report: report, options: options).text())
            }
        }
    }
}

struct ConflictsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: text(.cmdConflictsExport), discussion: text(.cmdConflictsExportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optConflictFormat)) var format: ConflictFormatArgument
    @Option(help: help(.optOut)) var out: String
    @Option(help: help(.optExportCRS)) var crs: String?

    func run() async throws {
        try await reportingFailures {
            let service = try options.workspace().conflicts()
            let report = try service.check()
            try service.export(
                report, format: format.format, to: URL(fileURLWithPath: out), crs: try coordinateSystem(crs), language: options.language)
            print(options.t(.conflictsExported, report.patches.count, out))
        }
    }
}

struct ConflictRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: text(.cmdConflictRules), discussion: text(.cmdConflictRulesDiscussion),
        subcommands: [ConflictRulesList.self, ConflictRulesAdd.self, ConflictRulesSet.self])
}

struct ConflictRulesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdConflictRulesList), discussion: text(.cmdConflictRulesListDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let rules = try options.workspace().conflicts().rules()
            var table = TextTable(
                header: [.colRuleID, .colRule, .colMinArea, .colSeverity, .colEnabled].map { options.t($0) },
                alignments: [.right, .left, .right, .left, .left])
            for stored in rules {
                let r = stored.rule
                table.add([
                    String(stored.id), options.t(r.statement), Format.number(r.minimumArea, digits: 2), options.t(r.severity.label),
                    options.t(r.enabled ? .uiYes : .uiNo),
                ])
            }
            print(table.render())
        }
    }
}

struct ConflictRulesAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: text(.cmdConflictRulesAdd), discussion: text(.cmdConflictRulesAddDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optRuleA)) var a: String
    @Argument(help: help(.optRuleRelation)) var relation: String
    @Argument(help: help(.optRuleB)) var b: String
    @Option(help: help(.optRuleClasses)) var classes: String?
    @Option(help: help(.optMinArea)) var minArea: Double = 1
    @Option(help: help(.optSeverity)) var severity: String = "error"

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let rule = ConflictRule(
                relation: try ConflictRelation(parsing: relation), a: try LayerKind(parsing: a),
                classes: (classes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                b: try LayerKind(parsing: b), minimumArea: minArea, severity: try ConflictSeverity(parsing: severity))
            let id = try workspace.conflicts(by: try options.principal(workspace)).addRule(rule)
            print(options.t(.conflictRuleAdded, id, options.t(rule.statement)))
        }
    }
}

struct ConflictRulesSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: text(.cmdConflictRulesSet), discussion: text(.cmdConflictRulesSetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optRuleID)) var id: Int64
    @Option(help: help(.optMinArea)) var minArea: Double?
    @Option(help: help(.optSeverity)) var severity: String?
    @Option(help: help(.optRuleEnabled)) var enabled: Bool?

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            try workspace.conflicts(by: try options.principal(workspace)).setRule(
                id, minimumArea: minArea, severity: try severity.map(ConflictSeverity.init(parsing:)), enabled: enabled)
            print(options.t(.conflictRuleSet, id))
        }
    }
}

/// The text of `conflicts check`: the summary per rule and township, every patch, the rules not
/// checked, and how townships were found.
struct ConflictViews {
    let report: ConflictReport
    let options: GlobalOptions

    func text() -> String {
        var lines: [String] = []
        if let crs = report.workingCRS { lines.append(options.t(.conflictsMeasuredIn, crs.epsg)) }
        if report.patches.isEmpty {
            lines.append(options.t(.conflictsNone))
        } else {
            var summary = TextTable(
                header: [.colRule, .colTownship, .colPatches, .colAreaM2, .colAreaMu].map { options.t($0) },
                alignments: [.left, .left, .right, .right, .right])
            for row in report.summary {
                summary.add([
                    options.t(row.statement), row.township ?? "—", String(row.patches), Format.number(row.areaM2, digits: 1),
                    Format.number(Area.mu(fromSquareMetres: row.areaM2), digits: 2),
                ])
            }
            lines.append(summary.render())
            var patches = TextTable(
                header: [.colRule, .colFeatureA, .colFeatureB, .colAreaM2, .colAreaMu, .colTownship].map { options.t($0) },
                alignments: [.left, .left, .left, .right, .right, .left])
            func feature(_ layer: String?, _ number: Int?, _ label: String?) -> String {
                guard let layer, let number else { return "—" }
                return "\(layer) #\(number)" + (label.map { " \($0)" } ?? "")
            }
            for p in report.patches {
                patches.add([
                    options.t(p.rule.statement) + (p.illustrative ? " " + options.t(.uiIllustrative) : ""),
                    feature(p.layerA, p.featureA, p.labelA), feature(p.layerB, p.featureB, p.labelB), Format.number(p.areaM2, digits: 1),
                    Format.number(p.areaMu, digits: 2), p.township ?? "—",
                ])
            }
            lines.append("")
            lines.append(patches.render())
            if report.patches.contains(where: { $0.townshipMatch == .nearestSeat }) { lines.append(options.t(.townshipByNearestSeat)) }
        }
        for skipped in report.skipped {
            let id = String(skipped.rule.id)
            let statement = skipped.rule.rule.statement
            lines.append(
                L10n.message(
                    .conflictSkippedLine, zh: [id, statement.zh, skipped.reason.zh], en: [id, statement.en, skipped.reason.en]
                ).text(options.language))
        }
        return lines.joined(separator: "\n")
    }
}
