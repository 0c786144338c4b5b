import ArgumentParser
import Domain
import Foundation
import Localization
import Services
import Store

/// `chengxiang divisions list`.
struct DivisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions",
        abstract: "区划名录 · The division register.",
        subcommands: [DivisionsList.self])
}

struct DivisionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出县、乡镇、村 · List the county, townships and villages.",
        discussion: """
            位置质量：surveyed 实测、published 公开来源、illustrative 示意、unknown 未知。
            Example:
              chengxiang divisions list --township 天宁 --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "只列出该乡镇及其村 · Only this township and its villages.") var township: String?

    func run() async throws {
        try await reportingFailures {
            let register = try options.openExisting().read { try $0.register() }
            var shown = register.divisions
            if let township {
                let units = register.townships(named: township)
                guard let unit = units.first else {
                    throw ValidationError("乡镇「\(township)」不在名录中 | township \"\(township)\" is not in the register")
                }
                let area = [unit] + register.predecessors(of: unit)
                shown = area + area.flatMap { register.villages(in: $0) }
            }
            var table = TextTable(
                header: ["代码 code", "名称 name", "类型 kind", "状态 status", "经度 lon", "纬度 lat", "位置质量 quality"],
                alignments: [.left, .left, .left, .left, .right, .right, .left])
            for d in shown {
                table.add([
                    d.code?.rawValue ?? "—", d.name, d.kind.chineseName,
                    d.status == .current ? "现行" : "已撤并" + (d.successorCode.map { "→\($0.rawValue)" } ?? ""),
                    d.location.map { Format.fixed($0.longitudeDegrees, digits: 5) } ?? "—",
                    d.location.map { Format.fixed($0.latitudeDegrees, digits: 5) } ?? "—",
                    qualityLabel(d.locationQuality),
                ])
            }
            print(table.render())
        }
    }

    func qualityLabel(_ quality: LocationQuality) -> String {
        switch quality {
        case .surveyed: "实测 surveyed"
        case .published: "公开来源 published"
        case .illustrative: "示意 illustrative"
        case .unknown: "未知 unknown"
        }
    }
}

/// `chengxiang norms list|set`.
struct NormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "norms",
        abstract: "规范标准（可修改，附来源）· Norms, editable, with their sources.",
        subcommands: [NormsList.self, NormsSet.self])
}

struct NormsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出规范标准 · List the norms.",
        discussion: "Example:\n  chengxiang norms list --database chengxiang.sqlite")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let norms = try options.openExisting().read { try $0.norms() }
            var table = TextTable(
                header: ["键 key", "名称 name", "值 value", "单位 unit", "核实 checked", "来源 source"],
                alignments: [.left, .left, .right, .left, .left, .left])
            for n in norms {
                let name = options.language == .zh ? n.nameZh : n.nameEn
                table.add([n.key, name, Format.number(n.value, digits: 4), n.unit, verificationLabel(n.verification), n.source])
            }
            print(table.render())
        }
    }

    func verificationLabel(_ v: NormVerification) -> String {
        switch v {
        case .verified: "原文核实 [V]"
        case .secondary: "二手来源 [S]"
        case .assumption: "假设，请确认 [U]"
        }
    }
}

struct NormsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "修改一条规范标准（记入审计日志）· Change a norm (audited).",
        discussion: """
            Example:
              chengxiang norms set land_per_student.high_m2 80 --source "县教育局 2026 年规定" --database chengxiang.sqlite
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "键，如 staff_ratio.primary · Key, e.g. staff_ratio.primary.") var key: String
    @Argument(help: "新值 · New value.") var value: Double
    @Option(help: "新值的来源（必填）· Source of the new value (required).") var source: String

    func validate() throws {
        guard value.isFinite, value >= 0 else { throw ValidationError("值须为非负数 | the value must be non-negative") }
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("须给出来源 | a source is required")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try options.openExisting()
            let old = try store.write(actor: options.actor) { writer -> Double in
                guard var norm = try writer.reader.norms().first(where: { $0.key == key }) else {
                    throw ValidationError("没有规范「\(key)」；用 chengxiang norms list 查看 | no norm \"\(key)\"; see chengxiang norms list")
                }
                let previous = norm.value
                norm.value = value
                norm.source = source
                norm.verification = .verified
                try writer.save(norm)
                return previous
            }
            print("\(key): \(Format.number(old, digits: 4)) → \(Format.number(value, digits: 4))（\(source)）")
        }
    }
}

/// `chengxiang completeness`: which data is missing where.
struct CompletenessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "数据完整性：各乡镇缺什么数据 · Data completeness: what is missing in each township.",
        discussion: "Example:\n  chengxiang completeness --database chengxiang.sqlite")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let rows = try CompletenessService(store: try options.openExisting()).rows()
            let zh = options.language == .zh
            var table = TextTable(
                header: zh
                    ? ["乡镇", "村数", "无代码", "无实测位置", "有人口", "有城乡分类", "驻地位置", "学校数据"]
                    : ["township", "villages", "no code", "no real position", "population", "urban–rural class", "seat", "schools"],
                alignments: [.left, .right, .right, .right, .right, .right, .left, .left])
            for r in rows {
                let status: String
                switch r.schoolsReport {
                case .reported: status = zh ? "已上报" : "reported"
                case .notReported: status = zh ? "未上报" : "not reported"
                case nil: status = zh ? "未提及" : "not mentioned"
                }
                let name = r.township.status == .historical ? r.township.name + (zh ? "（已撤并）" : " (merged)") : r.township.name
                table.add([
                    name, String(r.villages), String(r.villagesWithoutCode), String(r.villagesWithoutRealPosition),
                    String(r.villagesWithPopulation), String(r.villagesWithUrbanRuralClass), r.seatPositionQuality.rawValue,
                    status,
                ])
            }
            print(table.render())
        }
    }
}

/// `chengxiang audit`: the change log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计日志：每次修改的时间、内容、前后值 · Audit log: when, what, before and after.",
        discussion: "Example:\n  chengxiang audit --table schools --limit 20 --database chengxiang.sqlite")

    @OptionGroup var options: GlobalOptions
    @Option(help: "只看该表 · Only this table.") var table: String?
    @Option(help: "条数 · How many entries.") var limit = 20

    func run() async throws {
        try await reportingFailures {
            let entries = try options.openExisting().read { try $0.auditLog(table: table, limit: limit) }
            for e in entries {
                print("#\(e.id) \(e.changedAt) \(e.actor) \(e.action) \(e.table)/\(e.rowKey)\(e.importID.map { " import \($0)" } ?? "")")
                if let before = e.before { print("  前 before: \(before)") }
                if let after = e.after { print("  后 after:  \(after)") }
            }
        }
    }
}
