import Analysis
import ArgumentParser
import Domain
import Foundation
import Localization
import Records
import Services

/// `chengxiang import villages FILE`: village figures by year.
struct ImportVillages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages", abstract: text(.cmdImportVillages), discussion: text(.cmdImportVillagesDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Option(help: help(.optVillageYear)) var year: Int?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let s = try workspace.villages(by: try options.principal(workspace)).importAttributes(
                from: url, sheet: sheet, year: year, dryRun: dryRun)
            print(options.t(dryRun ? .villagesValidated : .villagesImported, s.fileName, s.rowsRead, s.inserted, s.replaced))
        }
    }
}

/// `--type` of `villages rules set`.
enum VillageTypeArgument: String, ExpressibleByArgument, CaseIterable {
    case gatherUpgrade = "gather-upgrade"
    case suburban
    case heritageProtection = "heritage-protection"
    case relocateMerge = "relocate-merge"

    var type: VillageType {
        switch self {
        case .gatherUpgrade: .gatherAndUpgrade
        case .suburban: .suburban
        case .heritageProtection: .heritageProtection
        case .relocateMerge: .relocateMerge
        }
    }
}

/// Writes `table` to `out` when asked — XLSX, or CSV (UTF-8 with a BOM) for a `.csv` name; true when it did.
func exportTable(_ table: ExportTable, out: String?, _ options: GlobalOptions) throws -> Bool {
    guard let out else { return false }
    let url = URL(fileURLWithPath: out)
    switch url.pathExtension.lowercased() {
    case "xlsx": try TableExport.writeXLSX(table, options.language, to: url)
    case "csv":
        do {
            try Data(TableExport.csv(table)).write(to: url, options: .atomic)
        } catch {
            throw UserError(.unavailable, L10n.message(.cannotWriteFile, out))
        }
    default: throw UserError(.invalid, L10n.message(.outNeedsXLSXOrCSV))
    }
    print(options.t(.tableWritten, table.rows.count, out))
    return true
}

/// Prints an export table as CSV.
func printCSV(_ table: ExportTable) {
    print(TableExport.csv(header: table.headers, rows: table.rows.map { $0.map(\.csvText) }), terminator: "")
}

/// `chengxiang villages classify|rules|merge-candidates`.
struct VillagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages", abstract: text(.cmdVillages), discussion: text(.cmdVillagesDiscussion),
        subcommands: [VillagesClassify.self, VillageRulesCommand.self, VillagesMergeCandidates.self])
}

struct VillagesClassify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: text(.cmdVillagesClassify), discussion: text(.cmdVillagesClassifyDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optOutXLSX)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let report = try options.workspace().villages().classify()
            let table = TableExport.villageTable(report, options.language)
            if try exportTable(table, out: out, options) { return }
            switch format {
            case .json: print(String(decoding: try Records.json(report.villages.map(VillageClassificationRecord.init)), as: UTF8.self))
            case .csv: printCSV(table)
            case .table:
                var text = TextTable(
                    header: [.colCode, .colName, .colTownship, .colVillageType, .colReasons].map { options.t($0) },
                    alignments: [.left, .left, .left, .left, .left])
                for c in report.villages {
                    text.add([
                        c.facts.code ?? "—", c.facts.name, c.facts.township, options.t(c.type.label),
                        c.reasons.map { options.t($0) }.joined(separator: options.language == .zh ? "；" : "; "),
                    ])
                }
                print(text.render())
                let counts = VillageType.allCases.map { "\(options.t($0.label)) \(report.count($0))" }
                print(counts.joined(separator: options.language == .zh ? "，" : ", "))
                for s in report.skipped + report.limited { print(options.t(s.rule.statement) + " — " + options.t(s.reason)) }
                for hint in report.hints { print(options.t(hint)) }
                if report.communitiesNotClassified > 0 { print(options.t(.communitiesNotClassified, report.communitiesNotClassified)) }
            }
        }
    }
}

struct VillageRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: text(.cmdVillageRules), discussion: text(.cmdVillageRulesDiscussion),
        subcommands: [VillageRulesList.self, VillageRulesSet.self])
}

struct VillageRulesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdVillageRulesList), discussion: text(.cmdVillageRulesListDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let rules = try options.workspace().villages().rules()
            if format == .json {
                print(String(decoding: try Records.json(rules.map(VillageRuleRecord.init)), as: UTF8.self))
                return
            }
            var table = TextTable(header: [.colRule, .colEnabled].map { options.t($0) }, alignments: [.left, .left])
            for rule in rules { table.add([options.t(rule.statement), options.t(rule.enabled ? .uiYes : .uiNo)]) }
            print(table.render())
            print(options.t(.villageRulesOrderNote))
        }
    }
}

struct VillageRulesSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: text(.cmdVillageRulesSet), discussion: text(.cmdVillageRulesSetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optRulePosition)) var position: Int
    @Option(help: help(.optVillageType)) var type: VillageTypeArgument?
    @Option(help: help(.optThreshold)) var threshold: Double?
    @Option(help: help(.optSecondThreshold)) var secondThreshold: Double?
    @Flag(help: help(.optRuleEnable)) var enable = false
    @Flag(help: help(.optRuleDisable)) var disable = false

    func run() async throws {
        try await reportingFailures {
            if enable && disable { throw UserError(.invalid, L10n.message(.enableAndDisable)) }
            let workspace = try options.workspace()
            let rule = try workspace.villages(by: try options.principal(workspace)).setRule(
                position: position, type: type?.type, threshold: threshold, secondThreshold: secondThreshold,
                enabled: enable ? true : disable ? false : nil)
            print(options.t(rule.statement) + (rule.enabled ? "" : " (" + options.t(.uiNo) + ")"))
        }
    }
}

struct VillagesMergeCandidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-candidates", abstract: text(.cmdMergeCandidates), discussion: text(.cmdMergeCandidatesDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optMaxPopulation)) var maxPopulation: Int?
    @Option(help: help(.optMinDecline)) var minDecline: Double?
    @Option(help: help(.optMaxTravelKm)) var maxKm: Double = 5
    @Option(help: help(.optDetour)) var detour: Double = 1.3
    @Option(help: help(.optOutXLSX)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let candidates = try options.workspace().villages().mergeCandidates(
                maxPopulation: maxPopulation, minDecline: minDecline, maxTravelKm: maxKm, detour: detour)
            if try exportTable(TableExport.mergeTable(candidates, options.language), out: out, options) { return }
            if format == .json {
                print(String(decoding: try Records.json(candidates.map(MergeCandidateRecord.init)), as: UTF8.self))
                return
            }
            guard !candidates.isEmpty else {
                print(options.t(.mergeCandidatesNone))
                return
            }
            var table = TextTable(
                header: [.colVillage, .colTownship, .colVillagePopulation, .colDecline, .colMergeTarget, .colTravelKm].map {
                    options.t($0)
                },
                alignments: [.left, .left, .right, .right, .left, .right])
            for m in candidates {
                table.add([
                    m.village.name, m.village.township, m.village.population.map(String.init) ?? "—",
                    m.village.declinePercent.map { Format.number($0, digits: 1) } ?? "—", m.target.name,
                    Format.number(m.travelKm, digits: 1),
                ])
            }
            print(table.render())
            print(options.t(.travelByDetour, Format.number(detour, digits: 2)))
        }
    }
}

/// `chengxiang zoning run`: agricultural functional zoning.
struct ZoningCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zoning", abstract: text(.cmdZoning), discussion: text(.cmdZoningDiscussion), subcommands: [ZoningRun.self])
}

struct ZoningRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: text(.cmdZoningRun), discussion: text(.cmdZoningRunDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optZoningWeights)) var weights: String?
    @Flag(help: help(.optSaveWeights)) var save = false
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optOutXLSX)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            if save && weights == nil { throw UserError(.invalid, L10n.message(.saveNeedsWeights)) }
            let given = try weights.map { try ZoningService.weights(from: try inputFile($0)) }
            if save, let given { try workspace.zoning(by: try options.principal(workspace)).setWeights(given.weights) }
            let report = try workspace.zoning().run(weights: given?.weights, ahp: given?.ahp, breaks: given?.breaks ?? .quartiles)
            let table = TableExport.zoningTable(report, options.language)
            if try exportTable(table, out: out, options) { return }
            switch format {
            case .json: print(String(decoding: try Records.json(ZoningRecord(report)), as: UTF8.self))
            case .csv: printCSV(table)
            case .table:
                guard !report.villages.isEmpty else {
                    print(options.t(.zoningNoData))
                    return
                }
                for c in report.criteria { print("\(options.t(c.key.label))  \(Format.number(c.weight, digits: 3))") }
                for note in report.notes { print(options.t(note)) }
                if let ahp = report.ahp { print(options.t(.ahpConsistent, Format.number(ahp.consistencyRatio, digits: 3))) }
                if report.defaultWeights { print(options.t(.zoningDefaultWeights)) }
                var text = TextTable(
                    header: [.colName, .colTownship, .colScore, .colZone].map { options.t($0) }, alignments: [.left, .left, .right, .left])
                for v in report.villages {
                    text.add([v.name, v.township, Format.number(v.score, digits: 3), options.t(v.zone.label) + (v.unstable ? " *" : "")])
                }
                print(text.render())
                if let s = report.stability { print(options.t(.zoningStability, Format.number(100 * s.shareChanged, digits: 1), s.runs)) }
                if !report.unzoned.isEmpty { print(options.t(.zoningUnzoned, report.unzoned.count)) }
            }
        }
    }
}

/// `chengxiang parks list|add|import`.
struct ParksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parks", abstract: text(.cmdParks), discussion: text(.cmdParksDiscussion),
        subcommands: [ParksList.self, ParksAdd.self, ParksSet.self, ParksImport.self])
}

/// `--status` of `parks add`.
enum ParkStatusArgument: String, ExpressibleByArgument, CaseIterable {
    case planned, building, built

    var status: ParkStatus {
        switch self {
        case .planned: .planned
        case .building: .building
        case .built: .built
        }
    }
}

struct ParksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdParksList), discussion: text(.cmdParksListDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optOutXLSX)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let parks = try options.workspace().parks().parks()
            let table = TableExport.parkTable(parks, options.language)
            if try exportTable(table, out: out, options) { return }
            switch format {
            case .json: print(String(decoding: try Records.json(parks.map(ParkRecord.init)), as: UTF8.self))
            case .csv: printCSV(table)
            case .table:
                var text = TextTable(
                    header: [.colPark, .colTownship, .colKind, .colStatus, .colEnterprises, .colSource].map { options.t($0) },
                    alignments: [.left, .left, .left, .left, .right, .left])
                for p in parks {
                    text.add([
                        p.park.name, p.township, p.park.kind, options.t(p.park.status.label),
                        p.years.last.map { "\($0.enterprises)（\($0.year)）" } ?? "—", p.park.source,
                    ])
                }
                print(parks.isEmpty ? options.t(.parksNone) : text.render())
            }
        }
    }
}

struct ParksAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: text(.cmdParksAdd), discussion: text(.cmdParksAddDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optParkName)) var name: String
    @Option(help: help(.optParkTownship)) var township: String
    @Option(help: help(.optParkKind)) var kind: String
    @Option(help: help(.optParkStatus)) var status: ParkStatusArgument = .planned
    @Option(help: help(.optIndustries)) var industries: String?
    @Option(help: help(.optBoundaryLayer)) var boundaryLayer: String?
    @Option(help: help(.optBoundaryFeature)) var boundaryFeature: Int?
    @Option(help: help(.optSource)) var source: String

    func run() async throws {
        try await reportingFailures {
            if boundaryFeature != nil && boundaryLayer == nil { throw UserError(.invalid, L10n.message(.boundaryFeatureWithoutLayer)) }
            let workspace = try options.workspace()
            let id = try workspace.parks(by: try options.principal(workspace)).add(
                name: name, township: township, kind: kind, status: status.status, industries: industries, boundaryLayer: boundaryLayer,
                boundaryFeature: boundaryFeature, source: source)
            print(options.t(.parkAdded, name, id.rawValue))
        }
    }
}

struct ParksSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: text(.cmdParksSet), discussion: text(.cmdParksSetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optParkName)) var name: String
    @Option(help: help(.optParkStatus)) var status: ParkStatusArgument?
    @Option(help: help(.optParkKind)) var kind: String?
    @Option(help: help(.optIndustries)) var industries: String?
    @Option(help: help(.optBoundaryLayer)) var boundaryLayer: String?
    @Option(help: help(.optBoundaryFeature)) var boundaryFeature: Int?
    @Option(help: help(.optNote)) var note: String?

    func run() async throws {
        try await reportingFailures {
            if boundaryFeature != nil && boundaryLayer == nil { throw UserError(.invalid, L10n.message(.boundaryFeatureWithoutLayer)) }
            let given: [Any?] = [status, kind, industries, boundaryLayer, note]
            if given.allSatisfy({ $0 == nil }) { throw UserError(.invalid, L10n.message(.nothingToChange)) }
            let workspace = try options.workspace()
            let park = try workspace.parks(by: try options.principal(workspace)).update(
                name, status: status?.status, kind: kind, industries: industries, boundaryLayer: boundaryLayer,
                boundaryFeature: boundaryFeature, note: note)
            print(options.t(.parkUpdated, park.name, options.t(park.status.label)))
        }
    }
}

struct ParksImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdParksImport), discussion: text(.cmdParksImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let counts = try workspace.parks(by: try options.principal(workspace)).importEnterprises(
                from: url, sheet: sheet, dryRun: dryRun)
            print(options.t(dryRun ? .enterprisesValidated : .enterprisesImported, counts.inserted, counts.replaced))
        }
    }
}

/// `chengxiang assets list|import|update`.
struct AssetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets", abstract: text(.cmdAssets), discussion: text(.cmdAssetsDiscussion),
        subcommands: [AssetsList.self, AssetsImport.self, AssetsUpdate.self])
}

/// `--status` of `assets update`.
enum AssetStatusArgument: String, ExpressibleByArgument, CaseIterable {
    case idle, planned
    case inUse = "in-use"
    case reclaimed

    /// The code or the Chinese name (闲置, 规划利用, 利用中, 已复垦).
    init?(argument: String) {
        guard let status = AssetStatus(text: argument), let value = Self(rawValue: status.rawValue) else { return nil }
        self = value
    }

    var status: AssetStatus {
        switch self {
        case .idle: .idle
        case .planned: .planned
        case .inUse: .inUse
        case .reclaimed: .reclaimed
        }
    }
}

struct AssetsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdAssetsList), discussion: text(.cmdAssetsListDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table
    @Option(help: help(.optOutXLSX)) var out: String?

    func run() async throws {
        try await reportingFailures {
            let assets = try options.workspace().assets().assets()
            let table = TableExport.assetTable(assets, options.language)
            if try exportTable(table, out: out, options) { return }
            switch format {
            case .json: print(String(decoding: try Records.json(assets.map(AssetRecord.init)), as: UTF8.self))
            case .csv: printCSV(table)
            case .table:
                var text = TextTable(
                    header: [
                        "ID", options.t(.colKind), options.t(.colName), options.t(.colVillage), options.t(.colTownship),
                        options.t(.colAreaMu), options.t(.colStatus), options.t(.colSource),
                    ],
                    alignments: [.right, .left, .left, .left, .left, .right, .left, .left])
                for v in assets {
                    let a = v.asset
                    text.add([
                        String(a.id.rawValue), options.t(a.kind.label), a.name, v.village ?? "—", v.township,
                        a.areaMu.map { Format.number($0, digits: 2) } ?? "—", options.t(a.status.label), a.source,
                    ])
                }
                print(assets.isEmpty ? options.t(.assetsNone) : text.render())
            }
        }
    }
}

struct AssetsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: text(.cmdAssetsImport), discussion: text(.cmdAssetsImportDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let rows = try workspace.assets(by: try options.principal(workspace)).importAssets(from: url, sheet: sheet, dryRun: dryRun)
            print(options.t(dryRun ? .assetsValidated : .assetsImported, rows, url.lastPathComponent))
        }
    }
}

struct AssetsUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: text(.cmdAssetsUpdate), discussion: text(.cmdAssetsUpdateDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optAssetID)) var id: Int64
    @Option(help: help(.optAssetStatus)) var status: AssetStatusArgument?
    @Option(help: help(.optProposedUse)) var proposedUse: String?
    @Option(help: help(.optActualUse)) var actualUse: String?
    @Option(help: help(.optAssetDate)) var date: String?
    @Option(help: help(.optEvidence)) var evidence: String?
    @Option(help: help(.optAreaM2)) var areaM2: Double?
    @Option(help: help(.optNote)) var note: String?

    func run() async throws {
        try await reportingFailures {
            let given: [Any?] = [status, proposedUse, actualUse, date, evidence, areaM2, note]
            if given.allSatisfy({ $0 == nil }) { throw UserError(.invalid, L10n.message(.nothingToChange)) }
            let workspace = try options.workspace()
            let asset = try workspace.assets(by: try options.principal(workspace)).update(
                IdleAsset.ID(id),
                AssetChange(
                    status: status?.status, proposedUse: proposedUse, actualUse: actualUse, date: date, evidence: evidence, areaM2: areaM2,
                    note: note))
            print(options.t(.assetUpdated, asset.id.rawValue, asset.name, options.t(asset.status.label)))
        }
    }
}

/// `chengxiang schools scenarios adopt ID [--revert]`.
struct ScenarioAdopt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt", abstract: text(.cmdAdopt), discussion: text(.cmdAdoptDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optScenario)) var scenario: String
    @Flag(help: help(.optRevert)) var revert = false
    @Flag(help: help(.optRevertForce)) var force = false
    /// `--format` is the parent's (`schools scenarios --format`): both define it, the parent parses it.
    @ParentCommand var scenarios: SchoolsScenarios

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let service = workspace.adoptions(by: try options.principal(workspace))
            if revert {
                let name = try workspace.scenarios.find([scenario])[0].name
                try service.revert(scenario, force: force)
                print(options.t(.adoptionReverted, name))
                return
            }
            let adoption = try service.adopt(scenario)
            if scenarios.format == .json {
                print(String(decoding: try Records.json(AdoptionOutcomeRecord(adoption)), as: UTF8.self))
                return
            }
            print(options.t(.adopted, adoption.scenario.name, adoption.closedSchools.count, adoption.assets.count, adoption.tasks.count))
            var table = TextTable(
                header: [.colIndicator, .uiNow, .uiUnderPlan].map { options.t($0) }, alignments: [.left, .right, .right])
            for i in adoption.indicators {
                table.add([
                    options.t(i.name) + "（\(i.unit)）", i.now.map { Format.number($0, digits: 1) } ?? "—",
                    i.underPlan.map { Format.number($0, digits: 1) } ?? "—",
                ])
            }
            print(table.render())
            for note in adoption.notes { print(options.t(note)) }
        }
    }
}
