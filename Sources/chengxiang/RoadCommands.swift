import Analysis
import ArgumentParser
import Domain
import Foundation
import Localization
import Records
import Services

/// `chengxiang roads import|show|set-class`: the road network in the register.
struct RoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roads", abstract: text(.cmdRoads), discussion: text(.cmdRoadsDiscussion),
        subcommands: [RoadsImport.self, RoadsShow.self, RoadsSetClass.self])
}

/// `chengxiang network od`: travel between points over a road file, without a register.
struct NetworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network", abstract: text(.cmdNetwork), discussion: text(.cmdNetworkDiscussion), subcommands: [NetworkOD.self])
}

/// `--by distance|time`.
enum MeasureArgument: String, ExpressibleByArgument, CaseIterable {
    case distance, time

    var measure: TravelMeasure { self == .distance ? .distance : .time }
}

struct RoadsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdRoadsImport), discussion: text(.cmdRoadsImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optRoadsFile)) var file: String
    @Option(help: help(.optCRS)) var crs: String?
    @Option(help: help(.optRoadClassField)) var classField: String?
    @Option(help: help(.optSourceLayer)) var layer: String?
    @Option(help: help(.optEncoding)) var encoding: EncodingArgument?
    @Option(help: help(.optTolerance)) var tolerance: Double = 1
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let report = try workspace.roads(by: try options.principal(workspace)).importRoads(
                url,
                RoadImportOptions(
                    crs: try coordinateSystem(crs), classField: classField, sourceLayer: layer, encoding: encoding?.encoding,
                    toleranceM: tolerance, dryRun: dryRun))
            let n = report.network
            print(
                options.t(
                    dryRun ? .roadsValidated : .roadsImported, n.sourceFile, n.featureCount, Format.number(n.lengthM / 1000, digits: 1),
                    n.sourceCRS, n.workingCRS))
            if report.skipped > 0 { print(options.t(.roadsSkippedOSM, report.skipped)) }
            printSummary(report.summary, options: options)
        }
    }
}

/// The network's size, pieces and classes, as `roads import` and `roads show` print them.
func printSummary(_ summary: NetworkSummary, options: GlobalOptions) {
    let largest = summary.componentSizes.first ?? 0
    print(
        options.t(
            .roadsGraphFacts, summary.nodes, summary.edges, summary.componentSizes.count, largest, summary.snappedEnds))
    var table = TextTable(
        header: [.colRoadClass, .colFeatures, .colLengthKm, .colSpeedKmh, .colSource].map { options.t($0) },
        alignments: [.left, .right, .right, .right, .left])
    for use in summary.byClass {
        let c = use.roadClass
        table.add([
            options.t(c.key.label), String(use.features), Format.number(use.lengthM / 1000, digits: 1),
            c.excluded ? options.t(.roadsExcluded) : Format.number(c.kilometresPerHour, digits: 0), c.source,
        ])
    }
    print(table.render())
    if summary.componentSizes.count > 1 { print(options.t(.roadsPiecesApart, summary.componentSizes.count - 1)) }
    if summary.skippedLines > 0 { print(options.t(.roadsSkippedLines, summary.skippedLines)) }
    if summary.illustrative { print(options.t(.roadsIllustrative)) }
}

struct RoadsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: text(.cmdRoadsShow), discussion: text(.cmdRoadsShowDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let roads = try options.workspace().roads()
            if let n = try roads.network(), let summary = try roads.summary() {
                print(
                    options.t(
                        .roadsStored, n.sourceFile, n.featureCount, Format.number(n.lengthM / 1000, digits: 1), n.workingCRS,
                        "\(n.importedAt.prefix(10)) \(n.actor ?? "")"))
                printSummary(summary, options: options)
            } else {
                print(options.t(.roadsNone))
            }
            var table = TextTable(
                header: [.colRoadClass, .colKey, .colSpeedKmh, .colSource].map { options.t($0) }, alignments: [.left, .left, .right, .left])
            for c in try roads.classes() {
                table.add([
                    options.t(c.key.label), c.key.rawValue,
                    c.excluded ? options.t(.roadsExcluded) : Format.number(c.kilometresPerHour, digits: 1),
                    c.source,
                ])
            }
            print(table.render())
            print(options.t(.odSpeedsAssumed, Format.number(try roads.walkingKmh(), digits: 1)))
        }
    }
}

struct RoadsSetClass: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-class", abstract: text(.cmdRoadsSetClass), discussion: text(.cmdRoadsSetClassDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optRoadClassKey)) var key: String
    @Option(help: help(.optSpeed)) var speed: Double?
    @Option(help: help(.optExcluded)) var excluded: Bool?
    @Option(help: help(.optSpeedSource)) var source: String?

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            guard let roadClass = RoadClassKey(fileValue: key) else {
                throw UserError(
                    .invalid, L10n.message(.roadUnknownClassKey, key, RoadClassKey.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let c = try workspace.roads(by: try options.principal(workspace)).setClass(
                roadClass, kilometresPerHour: speed, excluded: excluded, source: source)
            print(
                c.excluded
                    ? options.t(.roadsClassExcluded, options.t(c.key.label))
                    : options.t(.roadsClassSet, options.t(c.key.label), Format.number(c.kilometresPerHour, digits: 1)))
        }
    }
}

/// `--format csv|json` of `network od`.
enum ODFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

struct NetworkOD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "od", abstract: text(.cmdNetworkOD), discussion: text(.cmdNetworkODDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optRoadsFile)) var roads: String
    @Option(help: help(.optOrigins)) var origins: String
    @Option(help: help(.optDestinations)) var destinations: String
    @Option(help: help(.optCRS)) var crs: String?
    @Option(help: help(.optTravelBy)) var by: MeasureArgument = .distance
    @Option(help: help(.optFormat)) var format: ODFormat = .csv
    @Option(help: help(.optRoadClassField)) var classField: String?
    @Option(help: help(.optSourceLayer)) var layer: String?
    @Option(help: help(.optTolerance)) var tolerance: Double = 1

    func run() async throws {
        try await reportingFailures {
            let table = try NetworkFiles.od(
                roads: try inputFile(roads), origins: try inputFile(origins), destinations: try inputFile(destinations),
                crs: try coordinateSystem(crs), by: by.measure, classField: classField, sourceLayer: layer, toleranceM: tolerance)
            let rows = table.rows
            switch format {
            case .csv:
                var out = "origin,destination,meters,minutes\n"
                for r in rows {
                    out +=
                        [
                            csvField(r.origin), csvField(r.destination), r.meters.map { Format.fixed($0, digits: 2) } ?? "",
                            r.minutes.map { Format.fixed($0, digits: 3) } ?? "",
                        ].joined(separator: ",") + "\n"
                }
                print(out, terminator: "")
            case .json:
                let objects: [[String: Any]] = rows.map { r in
                    [
                        "origin": r.origin, "destination": r.destination, "meters": r.meters.map { $0 as Any } ?? NSNull(),
                        "minutes": r.minutes.map { $0 as Any } ?? NSNull(),
                    ]
                }
                let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
                print(String(decoding: data, as: UTF8.self))
            }
            for note in table.notes { Terminal.error(options.t(note)) }
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// `chengxiang access report`: how far each village is from a service, per township.
struct AccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: text(.cmdAccess), discussion: text(.cmdAccessDiscussion), subcommands: [AccessReportCommand.self])
}

/// `--service primary|junior|kindergarten`.
enum AccessServiceArgument: String, ExpressibleByArgument, CaseIterable {
    case primary, junior, kindergarten
    case healthCenter = "health-center"
    case clinic

    var kind: AccessServiceKind {
        switch self {
        case .primary: .primary
        case .junior: .junior
        case .kindergarten: .kindergarten
        case .healthCenter: .healthCenter
        case .clinic: .clinic
        }
    }
}

/// `--format table|json|xlsx` of `access report`.
enum AccessFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, xlsx
}

struct AccessReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: text(.cmdAccessReport), discussion: text(.cmdAccessReportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optAccessService)) var service: AccessServiceArgument = .primary
    @Option(help: help(.optFormat)) var format: AccessFormat = .table
    @Option(help: help(.optOut)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let report = try options.workspace().access.report(service.kind)
            // A file named .xlsx or .json decides the format when --format is not given.
            let chosen: AccessFormat =
                format != .table
                ? format
                : out.map { $0.lowercased().hasSuffix(".xlsx") ? .xlsx : $0.lowercased().hasSuffix(".json") ? .json : .table }
                    ?? .table
            switch chosen {
            case .json:
                let data = try Records.json(AccessRecord(report))
                if let out {
                    try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                    print(options.t(.accessWritten, out))
                } else {
                    print(String(decoding: data, as: UTF8.self))
                }
            case .xlsx:
                guard let out else { throw UserError(.invalid, L10n.message(.accessXLSXNeedsOut)) }
                try TableExport.writeXLSX(AccessService.tables(report, options.language), options.language, to: URL(fileURLWithPath: out))
                print(options.t(.accessWritten, out))
            case .table:
                printAccess(report)
            }
        }
    }

    func printAccess(_ report: AccessReport) {
        print(
            options.t(
                .accessHeading, options.t(report.service.label), Format.number(report.thresholdMinutes, digits: 0),
                report.thresholdSource))
        let tables = AccessService.tables(report, options.language)
        var table = TextTable(header: tables[0].headers, alignments: [.left] + Array(repeating: .right, count: tables[0].headers.count - 1))
        for row in tables[0].rows { table.add(row.map(\.csvText)) }
        print(table.render())
        if let e = report.equity {
            print(
                options.t(
                    .accessEquity, Format.fixed(e.gini, digits: 3), Format.fixed(e.theil, digits: 4),
                    Format.fixed(e.theilBetween, digits: 4),
                    Format.fixed(e.theilWithin, digits: 4)))
        }
        for note in report.notes { print(options.t(.noteBullet, options.t(note))) }
    }
}
