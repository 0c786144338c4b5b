import ArgumentParser
import Domain
import Foundation
import Localization
import Services

/// `chengxiang divisions list`.
struct DivisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions", abstract: text(.cmdDivisions), discussion: text(.cmdDivisionsDiscussion),
        subcommands: [DivisionsList.self, DivisionsMerge.self, DivisionsMove.self])
}

struct DivisionsMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: text(.cmdMerge), discussion: text(.cmdMergeDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optDivision)) var division: String
    @Option(help: help(.optInto)) var into: String
    @Flag(help: help(.optInferred)) var inferred = false

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let merged = try workspace.register.merge(division, into: into, inferred: inferred, by: try options.principal(workspace))
            print(options.t(.mergeDone, merged.name, into, inferred ? options.t(.inferredSuffix) : ""))
        }
    }
}

struct DivisionsMove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: text(.cmdMove), discussion: text(.cmdMoveDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optDivision)) var division: String
    @Option(help: help(.optTo)) var to: String

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let moved = try workspace.register.move(division, to: to, by: try options.principal(workspace))
            print(options.t(.moveDone, moved.name, to))
        }
    }
}

struct DivisionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdDivisionsList), discussion: text(.cmdDivisionsListDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optTownship)) var township: String?

    func run() async throws {
        try await reportingFailures {
            let service = try options.workspace().register
            let register = try service.divisionRegister()
            var shown = register.divisions
            if let township {
                let unit = try service.township(named: township)
                let area = [unit] + register.predecessors(of: unit)
                shown = area + area.flatMap { register.villages(in: $0) }
            }
            var table = TextTable(
                header: [.colCode, .colName, .colKind, .colStatus, .colLon, .colLat, .colQuality].map { options.t($0) },
                alignments: [.left, .left, .left, .left, .right, .right, .left])
            for d in shown {
                table.add([
                    d.code?.rawValue ?? "—", d.name, options.t(d.kind.label), status(d),
                    d.location.map { Format.fixed($0.longitudeDegrees, digits: 5) } ?? "—",
                    d.location.map { Format.fixed($0.latitudeDegrees, digits: 5) } ?? "—", options.t(d.locationQuality.label),
                ])
            }
            print(table.render())
        }
    }

    /// 现行, 已撤并, or 已撤并→code, with 推断 when the merger is inferred.
    func status(_ d: Stored<Division>) -> String {
        guard d.status == .historical else { return options.t(.statusCurrent) }
        guard let successor = d.successorCode else { return options.t(.statusMerged) }
        let text = options.t(.statusMergedInto, successor.rawValue)
        return d.successorInferred ? options.t(.successorInferredMark, text) : text
    }
}

/// `chengxiang norms list|set`.
struct NormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "norms", abstract: text(.cmdNorms), discussion: text(.cmdNormsDiscussion),
        subcommands: [NormsList.self, NormsSet.self])
}

struct NormsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: text(.cmdNormsList), discussion: text(.cmdNormsListDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let norms = try options.workspace().register.norms()
            var table = TextTable(
                header: [.colKey, .colName, .colValue, .colUnit, .colChecked, .colSource].map { options.t($0) },
                alignments: [.left, .left, .right, .left, .left, .left])
            for n in norms {
                let checked: MessageKey =
                    switch n.verification {
                    case .verified: .verifiedMark
                    case .secondary: .secondaryMark
                    case .assumption: .assumptionMark
                    }
                table.add([
                    n.key, options.language == .zh ? n.nameZh : n.nameEn, Format.number(n.value, digits: 4), n.unit, options.t(checked),
                    n.source,
                ])
            }
            print(table.render())
        }
    }
}

struct NormsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: text(.cmdNormsSet), discussion: text(.cmdNormsSetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optNormKey)) var key: String
    @Argument(help: help(.optNormValue)) var value: Double
    @Option(help: help(.optNormSource)) var source: String

    func run() async throws {
        try await reportingFailures {
            let workspace = try options.workspace()
            let old = try workspace.register.setNorm(key: key, value: value, source: source, by: try options.principal(workspace))
            print(options.t(.normChanged, key, Format.number(old, digits: 4), Format.number(value, digits: 4), source))
        }
    }
}

/// `chengxiang completeness`: which data is missing where.
struct CompletenessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness", abstract: text(.cmdCompleteness), discussion: text(.cmdCompletenessDiscussion))

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let rows = try options.workspace().completeness.rows()
            var table = TextTable(
                header: [
                    .labelTownship, .colVillages, .colNoCode, .colNoRealPosition, .colPopulation, .colUrbanRural, .colSeat, .colSchools,
                ]
                .map { options.t($0) },
                alignments: [.left, .right, .right, .right, .right, .right, .left, .left])
            for r in rows {
                let status: MessageKey =
                    switch r.schoolsReport {
                    case .reported: .labelReported
                    case .notReported: .labelNotReported
                    case nil: .labelNotMentioned
                    }
                var name = r.township.status == .historical ? r.township.name + options.t(.labelMergedSuffix) : r.township.name
                if !r.inferredPredecessors.isEmpty {
                    name = options.t(.completenessInferred, name, r.inferredPredecessors.joined(separator: "、"))
                }
                table.add([
                    name, String(r.villages), String(r.villagesWithoutCode), String(r.villagesWithoutRealPosition),
                    String(r.villagesWithPopulation), String(r.villagesWithUrbanRuralClass), options.t(r.seatPositionQuality.label),
                    options.t(status),
                ])
            }
            print(table.render())
        }
    }
}

/// `chengxiang audit`: the change log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: text(.cmdAudit), discussion: text(.cmdAuditDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optTable)) var table: String?
    @Option(help: help(.optLimit)) var limit = 20

    func run() async throws {
        try await reportingFailures {
            for e in try options.workspace().register.auditLog(table: table, limit: limit) {
                print(
                    "#\(e.id) \(e.changedAt) \(e.actor) \(e.action) \(e.table)/\(e.rowKey)\(e.importID.map { options.t(.auditImport, $0) } ?? "")"
                )
                if let before = e.before { print(options.t(.auditBefore, before)) }
                if let after = e.after { print(options.t(.auditAfter, after)) }
            }
        }
    }
}
