import Demo
import Domain
import Foundation
import Interchange
import Localization
import Monitoring
import Services
import Store
import Testing

@Suite("Monitoring on the demo register: catalogue, observations, statuses, tasks")
struct MonitoringServiceTests {
    let now = FractionalYear(2025.5)  // mid-2025

    @Test("the demo holds the seed's indicators, rules and 24 tasks with no invented dates")
    func catalogue() throws {
        let (indicators, rules, tasks) = try sharedDemo.read { (try $0.indicators(), try $0.validationRules(), try $0.tasks()) }
        #expect(indicators.count == 12 + 6, "the plan's 12, the 4 computed from the school register and the 2 from the access report")
        let share = try #require(indicators.first { $0.code == "AGR_SCALE_SHARE" })
        #expect(share.targets == [IndicatorTarget(value: 60, year: 2025, statement: "到2025年，规模经营和社会化服务面积达到60%以上")])
        #expect(share.denominatorAssumed)
        #expect(indicators.first { $0.code == "EDU_RETENTION" }?.targets.first?.value == 99)
        #expect(indicators.allSatisfy { $0.baselineValue == nil }, "the plan gives no baselines")
        #expect(rules.contains { $0.indicatorCode == "AGR_SCALE_AREA" && $0.check == .notAbove(indicator: "AGR_FARMLAND_AREA") })
        #expect(tasks.count == 24)
        #expect(tasks.filter { $0.deadline != nil }.map(\.code).sorted() == ["T-AGR-01", "T-AGR-02", "T-EDU-09", "T-INF-01"])
        #expect(tasks.allSatisfy { $0.ownerUnit == nil && $0.percentComplete == nil && $0.status == .unknown })
        #expect(tasks.first { $0.code == "T-EDU-01" }?.name == "新建城西幼儿园")
    }

    @Test("on the demo the seed's indicators are grey (no data); the computed school ones carry values but no year")
    func demoStatuses() throws {
        let statuses = try MonitoringService(store: sharedDemo).statuses(now: now)
        let retention = try #require(statuses.first { $0.indicator.code == "EDU_RETENTION" })
        #expect(retention.status == .grey)
        #expect(retention.latest == nil)
        let small = try #require(statuses.first { $0.indicator.code == "SCH_SMALL_COUNT" && $0.areaName == "交城县" })
        #expect(small.latest == nil, "the seed's table gives no data year, so the value is not dated")
        #expect(small.undatedValue == 2)
        #expect(small.status == .grey)
        #expect(small.reason.zh == "由学校名录计算为 2 所，但名录的数据年份不详，无法判断进度")
        let norm = try #require(statuses.first { $0.indicator.code == "SCH_STAFF_NORM_SHARE" && $0.areaName == "交城县" })
        #expect(abs(norm.undatedValue! - 100.0 / 19) < 1e-9, "only 石侯学校 is within the norm")
        let xiying = try #require(statuses.first { $0.indicator.code == "SCH_UNDERSTAFFED_COUNT" && $0.areaName == "西营镇" })
        #expect(xiying.undatedValue == 1)
        #expect(!statuses.contains { $0.indicator.code == "INFO_VILLAGES" && $0.areaName == "天宁镇" && $0.target != nil })
    }

    @Test("recording changes the status as expected: grey, then red, then green")
    func statusesChange() throws {
        let store = try demoStore()
        let service = MonitoringService(store: store)
        func status() throws -> IndicatorStatus {
            try #require(try service.statuses(now: now).first { $0.indicator.code == "EDU_RETENTION" })
        }
        #expect(try status().status == .grey)
        _ = try service.record([ObservationEntry(code: "EDU_RETENTION", area: "交城县", period: "2023", value: "95")], by: .system("t"))
        #expect(try status().status == .yellow, "one value, no baseline: pace cannot be judged")
        _ = try service.record([ObservationEntry(code: "EDU_RETENTION", area: "交城县", period: "2024", value: "95.5")], by: .system("t"))
        let behind = try status()
        #expect(behind.status == .red)  // the path 95 → 99 over 2023–2025 expects 97 in 2024; 1.5 behind > 0.2 × 4
        #expect(behind.reason.zh == "2024 实际 95.5%，按期应达 97%，落后 1.5 个百分点")
        _ = try service.record([ObservationEntry(code: "EDU_RETENTION", area: "交城县", period: "2024", value: "99.2")], by: .system("t"))
        #expect(try status().status == .green)
    }

    @Test("a ratio indicator is computed from its numerator and denominator")
    func ratio() throws {
        let store = try demoStore()
        let service = MonitoringService(store: store)
        _ = try service.record(
            [
                ObservationEntry(code: "AGR_FARMLAND_AREA", area: "交城县", period: "2024", value: "300000"),
                ObservationEntry(code: "AGR_SCALE_AREA", area: "交城县", period: "2024", value: "123000"),
            ], by: .system("t"))
        let share = try #require(try service.statuses(now: now).first { $0.indicator.code == "AGR_SCALE_SHARE" && $0.areaName == "交城县" })
        #expect(share.latest?.value == 41)
        #expect(share.target?.value == 60)
    }

    @Test("an import with one rule error writes nothing; warnings pass and are listed")
    func importRules() throws {
        let store = try demoStore()
        let before = try store.read { try $0.observations() }
        let bad = try temporaryFile(
            "obs.csv",
            "指标代码,地区,期间,值,来源\nAGR_FARMLAND_AREA,交城县,2024,300000,农业农村局\nAGR_SCALE_AREA,交城县,2024,310000,农业农村局\nEDU_RETENTION,交城县,2024,97,教育局\n"
        )
        do {
            _ = try MonitoringService(store: store).importObservations(from: bad, by: .system("t"))
            Issue.record("accepted")
        } catch let rejected as UserError {
            #expect(rejected.errors.count == 1)
            #expect(rejected.errors[0].row == 3)
            #expect(rejected.errors[0].message.zh == "值 310000 大于同期同地区的 AGR_FARMLAND_AREA（300000）")
        }
        #expect(try store.read { try $0.observations() } == before)
        let jumpy = try temporaryFile("j.csv", "指标代码,地区,期间,值\nEDU_RETENTION,交城县,2023,40\nEDU_RETENTION,交城县,2024,96\n")
        let outcome = try MonitoringService(store: store).importObservations(from: jumpy, by: .system("t"))
        #expect(outcome.inserted == 2)
        #expect(outcome.warnings.map(\.message.zh) == ["较上期 2023（40）变为 96，变化 140%，超过 50%"])
    }

    @Test("cell errors name row and column: unknown indicator, computed indicator, area, level, period, value, duplicates")
    func importCells() throws {
        let store = try demoStore()
        let file = try temporaryFile(
            "cells.csv",
            """
            指标代码,地区,期间,值
            NOPE,交城县,2024,1
            SCH_SMALL_COUNT,交城县,2024,1
            EDU_RETENTION,西山镇,2024,97
            EDU_RETENTION,天宁镇,2024,97
            EDU_RETENTION,交城县,2024年13月,97
            EDU_RETENTION,交城县,2024,九十七
            INS_WHEAT,交城县,2024,90
            INS_WHEAT,交城县,2024,91

            """)
        do {
            _ = try MonitoringService(store: store).importObservations(from: file, by: .system("t"))
            Issue.record("accepted")
        } catch let rejected as UserError {
            let messages = rejected.errors.map { "\($0.row ?? 0) \($0.columnName ?? "") \($0.message.zh)" }
            #expect(
                messages == [
                    "2 指标代码 指标代码「NOPE」不存在", "3 指标代码 指标「SCH_SMALL_COUNT」由系统计算，不能手工填报",
                    "4 地区 地区「西山镇」不在区划名录中", "5 地区 指标「EDU_RETENTION」不在镇一级填报",
                    "6 期间 期间「2024年13月」无效：应为 2024、2024Q2 或 2024-05", "7 值 「九十七」不是数字",
                    "9 期间 同一指标、地区、期间重复（首次出现在第 8 行）",
                ])
        }
    }

    @Test("tasks: update is audited; a bad task file is refused whole")
    func tasks() throws {
        let store = try demoStore()
        let service = MonitoringService(store: store)
        let task = try service.updateTask(code: "T-EDU-01", TaskUpdate(status: .done, evidence: "2024 年 9 月开园"), by: .system("教育局"))
        #expect(task.percentComplete == 100)
        let audit = try #require(try store.read { try $0.auditLog(table: "tasks", limit: 1) }.first)
        #expect(audit.actor == "教育局")
        #expect(audit.after?.contains("2024 年 9 月开园") == true)
        let unknown = #expect(throws: UserError.self) {
            try service.updateTask(code: "T-NONE", TaskUpdate(status: .done), by: .system("t"))
        }
        #expect(unknown?.kind == .notFound)
        let percent = #expect(throws: UserError.self) { try TaskUpdate.parse(percent: "140") }
        #expect(percent?.kind == .invalid)
        let file = try temporaryFile("t.csv", "任务代码,任务名称,截止,状态,关联指标\nT-NEW-1,新任务,2026-02-30,推进中,\nT-NEW-2,另一任务,2026,开会,NOPE\n")
        do {
            _ = try service.importTasks(from: file, by: .system("t"))
            Issue.record("accepted")
        } catch let rejected as UserError {
            #expect(
                rejected.errors.map(\.message.zh) == [
                    "日期「2026-02-30」无效：应为 2025、2025-06 或 2025-06-30",
                    "状态「开会」无效（可用：未知、未开工、推进中、已完成、暂停）", "指标代码「NOPE」不存在",
                ])
        }
        #expect(try store.read { try $0.tasks() }.count == 24)
    }
}

@Suite("Checking observations without writing")
struct ObservationDryRunTests {
    @Test("a dry run counts what would be inserted and replaced, and writes nothing")
    func dryRun() throws {
        let store = try demoStore()
        _ = try MonitoringService(store: store).record(
            [ObservationEntry(code: "EDU_RETENTION", area: "交城县", period: "2023", value: "95")], by: .system("t"))
        let file = try temporaryFile("o.csv", "指标代码,地区,期间,值\nEDU_RETENTION,交城县,2023,95.5\nEDU_RETENTION,交城县,2024,96\n")
        let outcome = try MonitoringService(store: store).importObservations(from: file, by: .system("t"), dryRun: true)
        #expect((outcome.inserted, outcome.replaced) == (1, 1))
        #expect(try store.read { try $0.observations() }.map(\.value) == [95])
    }
}
