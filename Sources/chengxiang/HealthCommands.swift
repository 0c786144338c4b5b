import ArgumentParser
import Domain
import Foundation
import Localization
import Records
import Services

/// `chengxiang import clinics FILE`: medical facilities (县级医院, 乡镇卫生院, 村卫生室).
struct ImportClinics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinics", abstract: text(.cmdImportClinics), discussion: text(.cmdImportClinicsDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let (inserted, updated) = try workspace.health(by: try options.principal(workspace)).importFacilities(
                from: url, sheet: sheet, dryRun: dryRun)
            print(options.t(dryRun ? .clinicsValidated : .clinicsImported, url.lastPathComponent, inserted, updated))
        }
    }
}

/// `chengxiang health status|set`: 六统一 per 乡镇卫生院 and villages without a clinic.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: text(.cmdHealth), discussion: text(.cmdHealthDiscussion),
        subcommands: [HealthStatusCommand.self, HealthSetCommand.self])
}

struct HealthStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: text(.cmdHealthStatus), discussion: text(.cmdHealthStatusDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optFormat)) var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let report = try options.workspace().health().status()
            switch format {
            case .json:
                print(String(decoding: try Records.json(HealthStatusRecord(report)), as: UTF8.self))
            case .table, .csv:
                print(
                    options.t(
                        .healthCounts, report.facilities.count, report.centers.count,
                        report.facilities.filter { $0.facility.kind == .clinic }.count))
                var table = TextTable(
                    header: [options.t(.colTownship), options.t(.healthCenter)] + UnificationItem.allCases.map { options.t($0.label) }
                        + [options.t(.healthClinicsCol)],
                    alignments: [.left, .left] + UnificationItem.allCases.map { _ in .left } + [.right])
                for c in report.centers {
                    table.add(
                        [c.facility.township, c.facility.facility.name]
                            + UnificationItem.allCases.map { item in c.items[item].map { options.t($0.status.label) } ?? "—" }
                            + [String(c.clinics)])
                }
                print(report.centers.isEmpty ? options.t(.healthNoCenters) : table.render())
                if !report.townshipsWithoutCenter.isEmpty {
                    print(options.t(.healthTownshipsWithout, report.townshipsWithoutCenter.joined(separator: "、")))
                }
                print(options.t(.healthWithoutClinic, report.withoutClinic.count))
                for (township, villages) in Dictionary(grouping: report.withoutClinic, by: \.township).sorted(by: { $0.key < $1.key }) {
                    print(options.t(.healthVillagesIn, township, villages.map(\.village).joined(separator: "、")))
                }
                for a in report.allianceTasks {
                    print(
                        options.t(
                            .healthAllianceTask, a.task.code, a.task.name, options.t(a.task.status.label),
                            a.members.isEmpty ? "—" : a.members.joined(separator: "、")))
                }
            }
        }
    }
}

struct HealthSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: text(.cmdHealthSet), discussion: text(.cmdHealthSetDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optHealthCenter)) var center: String
    @Argument(help: help(.optUnificationItem)) var item: String
    @Argument(help: help(.optUnificationStatus)) var status: String
    @Option(help: help(.optEvidence)) var evidence: String?
    @Option(help: help(.optDate)) var date: String?

    func run() async throws {
        try await reportingFailures {
            guard let item = UnificationItem(text: item) else {
                throw UserError(
                    .invalid, L10n.message(.healthUnknownItem, item, UnificationItem.allCases.map { $0.label.zh }.joined(separator: "、")))
            }
            guard let status = UnificationStatus(text: status) else {
                throw UserError(.invalid, L10n.message(.healthUnknownStatus, status))
            }
            let workspace = try options.workspace()
            let (u, name) = try workspace.health(by: try options.principal(workspace)).setUnification(
                center, item: item, status: status, evidence: evidence, date: date)
            print(options.t(.healthItemSet, name, options.t(u.item.label), options.t(u.status.label)))
        }
    }
}

/// `chengxiang import pupils FILE`: pupils by the village they live in.
struct ImportPupils: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils", abstract: text(.cmdImportPupils), discussion: text(.cmdImportPupilsDiscussion))

    @OptionGroup var options: GlobalOptions
    @Argument(help: help(.optFile)) var file: String
    @Option(help: help(.optSheet)) var sheet: String?
    @Option(help: help(.optVillageYear)) var year: Int?
    @Flag(help: help(.optDryRun)) var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let url = try inputFile(file)
            let workspace = try options.workspace()
            let (inserted, updated) = try workspace.pupils(by: try options.principal(workspace)).importPupils(
                from: url, sheet: sheet, year: year, dryRun: dryRun)
            print(options.t(dryRun ? .clinicsValidated : .clinicsImported, url.lastPathComponent, inserted, updated))
        }
    }
}
