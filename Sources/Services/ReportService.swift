public import Analysis
public import Domain
public import Foundation
import Interchange
public import Localization
public import Monitoring
import Planning
public import Reports
public import Store

/// The formats `chengxiang report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case xlsx, html, pdf
}

/// Assembles the monitoring report and writes it as Excel, HTML or PDF.
public struct ReportService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Everything the report shows, judged at `now`, in one language.
    func content(now: FractionalYear, asOf: String, language: Language) throws -> ReportContent {
        let statuses = try MonitoringService(store: store).statuses(now: now)
        let diagnosis = try DiagnosticsService(store: store).schoolDiagnostics()
        let (register, indicators, observations, tasks) = try store.read { r in
            (try r.register(), try r.indicators(), try r.observations(), try r.tasks())
        }
        let byCode = Dictionary(uniqueKeysWithValues: indicators.map { ($0.code, $0) })
        let lines = observations.compactMap { o -> ReportContent.ObservationLine? in
            guard let indicator = byCode[o.indicatorCode] else { return nil }
            return ReportContent.ObservationLine(
                indicator: indicator, areaName: register.division(id: o.areaID)?.name ?? "#\(o.areaID)", observation: o)
        }
        return ReportContent(
            countyName: register.county?.name ?? "", language: language, asOf: asOf, now: now, statuses: statuses,
            indicators: indicators, observations: lines, tasks: tasks, schools: diagnosis.schools, county: diagnosis.county)
    }

    /// Writes the report in a format to `url`; `unavailable` when a PDF cannot be printed here.
    public func write(_ format: ReportFormat, to url: URL, now: FractionalYear, asOf: String, language: Language) throws {
        let content = try content(now: now, asOf: asOf, language: language)
        switch format {
        case .xlsx:
            try WorkbookWriter.write(content, to: url.path)
        case .html:
            try Data(PrintableReport.html(content).utf8).write(to: url)
        case .pdf:
            try printPDF(PrintableReport.html(content), to: url)
        }
    }

    /// The report in a format as bytes (the pages' download buttons).
    public func bytes(_ format: ReportFormat, now: FractionalYear, asOf: String, language: Language) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-report-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(format, to: url, now: now, asOf: asOf, language: language)
        return Array(try Data(contentsOf: url))
    }

    /// Today in Beijing time as YYYY-MM-DD, the "as of" a report states when none is given.
    public static func todayLabel() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = FractionalYear.calendar.timeZone
        return formatter.string(from: Date())
    }

    /// Prints HTML to PDF with headless Chromium (A4, the page's own print styles).
    func printPDF(_ html: String, to url: URL) throws {
        guard let chromium = Self.chromium() else { throw UserError(.unavailable, L10n.message(.reportNoChromium)) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cx-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        try? FileManager.default.removeItem(at: url)
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir.path)/profile",
            "--print-to-pdf=\(url.path)", page.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw UserError(.unavailable, L10n.message(.reportPrintFailed, process.terminationStatus, String(detail.suffix(400))))
        }
    }

    /// The Chromium binary on the PATH, if any.
    public static func chromium() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}

/// A table as the pages and the command line export it: headers in the chosen language and cells.
public struct ExportTable: Sendable {
    /// The sheet's name and the file's base name, in the chosen language.
    public var title: String
    public var headers: [String]
    public var rows: [[TableWorkbook.Cell]]
}

/// Tables written as files for Excel or WPS: CSV in UTF-8 (with a BOM) or GBK (for old Excel and
/// WPS that take a CSV as the system's code page), and XLSX.
public enum TableExport {
    /// CSV in UTF-8 with a BOM and CRLF line ends, which Excel and WPS open with Chinese intact.
    public static func csv(header: [String], rows: [[String]]) -> String { CSVWriter.document(header: header, rows: rows) }

    /// A table as CSV: UTF-8 with a BOM, or GBK (GB18030) without one.
    public static func csv(_ table: ExportTable, gbk: Bool = false) -> [UInt8] {
        let text = csv(header: table.headers, rows: table.rows.map { $0.map(\.csvText) })
        guard gbk else { return Array(text.utf8) }
        return GB18030Encoder.encode(String(text.dropFirst()))
    }

    /// A table as an XLSX workbook of one sheet.
    public static func xlsx(_ table: ExportTable, _ language: Language) throws -> [UInt8] { try xlsx([table], language) }

    /// Tables as the sheets of one XLSX workbook.
    public static func xlsx(_ tables: [ExportTable], _ language: Language) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chengxiang-export-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TableWorkbook.write(
            sheets: tables.map { TableWorkbook.Sheet(name: $0.title, headers: $0.headers, rows: $0.rows) }, language: language, to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError(.unavailable, L10n.message(.workbookWriteFailed, path))
        }
        return Array(data)
    }

    /// The school diagnosis as CSV with headers in `language` (the command line's `--format csv`).
    public static func schoolDiagnosis(_ schools: [SchoolDiagnosis], _ language: Language) -> String {
        String(decoding: csv(schoolTable(schools, language)), as: UTF8.self)
    }

    /// Writes a table as an XLSX workbook at `url` (atomically); `unavailable` naming the path when it cannot.
    public static func writeXLSX(_ table: ExportTable, _ language: Language, to url: URL) throws {
        try writeXLSX([table], language, to: url)
    }

    /// Writes tables as the sheets of one XLSX workbook at `url` (atomically).
    public static func writeXLSX(_ tables: [ExportTable], _ language: Language, to url: URL) throws {
        do {
            try Data(try xlsx(tables, language)).write(to: url, options: .atomic)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(.unavailable, L10n.message(.cannotWriteFile, url.path))
        }
    }

    /// The school diagnosis as a table: one row per school, figures as numbers.
    public static func schoolTable(_ schools: [SchoolDiagnosis], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let header = [
            t(.labelTownship), t(.labelSchool), t(.labelLevel), t(.labelStudents), t(.labelStaff), t(.labelRatio),
            t(.labelNorm), t(.labelStaffNeeded), t(.labelSurplus), t(.labelLandPerStudent), t(.labelFlags),
            t(.labelReasons),
        ]
        let rows: [[TableWorkbook.Cell]] = schools.map { d in
            let text: [TableWorkbook.Cell] = [.text(d.townshipName), .text(d.school.name), .text(d.school.level.label.text(language))]
            let counts: [TableWorkbook.Cell] = [d.school.students, d.school.staff].map { .number($0.map(Double.init), digits: 0) }
            let figures: [TableWorkbook.Cell] = [
                d.studentsPerStaff, d.staffNorm?.studentsPerStaff, d.staffNeeded, d.staffSurplus, d.landPerStudentM2,
            ].map { .number($0, digits: 3) }
            let flags = d.flags.map(\.rawValue).joined(separator: " ")
            let reasons = d.reasons.map { $0.text.text(language) }.joined(separator: " ")
            return text + counts + figures + [.text(flags), .text(reasons)]
        }
        return ExportTable(title: t(.navSchools), headers: header, rows: rows)
    }

    /// A scenario as a table: one row per school (kept, closed or new) with its pupils now and
    /// after, where a closed school's pupils go and how far, and whether its position is
    /// illustrative; then the scenario's notes (its assumptions), so the file carries them too.
    public static func scenarioTable(_ scenario: Scenario, _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let r = scenario.result
        let unit = r.options.unit.label.text(language)
        let header = [
            t(.labelTownship), t(.labelSchool), t(.xScenarioDecision), t(.xPupilsNow), t(.xPupilsAfter), t(.labelStaff),
            "\(t(.uiLand)) (\(t(.unitMu)))", t(.xSeats), t(.uiGoesTo), "\(t(.uiJourney)) (\(unit))", t(.uiBeyondWalk),
            t(.xPositionQuality),
        ]
        let moves = Dictionary(r.assignments.map { ($0.from, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [[TableWorkbook.Cell]] = r.sites.map { site in
            let decision = site.isNew ? t(.xNew) : site.open ? t(.uiKept) : t(.uiClosed)
            let move = moves[site.key].flatMap { $0.to == site.key ? nil : $0 }
            let position = site.illustrative ? t(.xIllustrative) : site.approximate == true ? t(.xApproximate) : t(.xRealPosition)
            return [
                .text(site.township), .text(site.name), .text(decision), .number(site.pupils, digits: 0),
                .number(site.pupilsAfter, digits: 0), .number(site.staff, digits: 1), .number(site.landMu, digits: 2),
                .number(site.capacity, digits: 0), .text(move?.toName ?? ""), .number(move?.cost, digits: 2),
                .text(move?.beyondWalkLimit == true ? t(.uiYes) : ""), .text(position),
            ]
        }
        let blank = [TableWorkbook.Cell](repeating: .text(""), count: header.count - 1)
        rows.append([.text("")] + blank)
        rows.append([.text(t(.uiNotes))] + blank)
        rows += scenario.notes.map { [.text($0.text(language))] + blank }
        return ExportTable(title: "\(t(.navScenarios)) \(scenario.id.rawValue)", headers: header, rows: rows)
    }

    /// Indicator statuses by area, as the indicators page lists them (those with a value or target).
    public static func indicatorTable(_ statuses: [IndicatorStatus], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = statuses.filter { !$0.history.isEmpty || $0.target != nil || $0.undatedValue != nil }.map { s in
            [
                .text(s.status.label.text(language)), .text(s.indicator.code), .text(s.indicator.name(language)), .text(s.areaName),
                .number(s.latest?.value ?? s.undatedValue, digits: 2), .text(s.indicator.unit),
                .text(s.latest.map { s.indicator.latestText($0).text(language) } ?? ""),
                .text(s.target.map { s.indicator.targetText($0).text(language) } ?? ""), .number(s.expectedNow, digits: 2),
                .text(s.reason.text(language)),
            ]
        }
        return ExportTable(
            title: t(.navIndicators),
            headers: [
                t(.uiStatus), t(.xCode), t(.uiIndicator), t(.uiArea), t(.uiValue), t(.uiUnit), t(.uiLatest), t(.uiTarget),
                t(.uiExpectedNow),
                t(.labelReasons),
            ], rows: rows)
    }

    /// The plan's tasks: code, name, owner, deadline (and whether it is assumed), status, progress
    /// and evidence.
    public static func taskTable(_ tasks: [PlanTask], now: FractionalYear, _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let rows: [[TableWorkbook.Cell]] = tasks.map { task in
            [
                .text(task.code), .text(task.name), .text(task.ownerUnit ?? ""), .text(task.deadlineText?.text(language) ?? ""),
                .text(task.status.label.text(language)), .number(task.percentComplete, digits: 0),
                .text(task.deadlineState(now: now).label.text(language)), .text(task.evidence ?? ""),
            ]
        }
        return ExportTable(
            title: t(.navTasks),
            headers: [
                t(.xCode), t(.xTaskName), t(.uiOwner), t(.uiDeadline), t(.uiStatus), t(.xPercent), t(.xDeadlineState), t(.uiEvidence),
            ], rows: rows)
    }

    /// Data completeness per township: villages, those without a code, without a real position,
    /// with population, and the township's school report.
    public static func completenessTable(_ rows: [CompletenessRow], _ language: Language) -> ExportTable {
        func t(_ key: MessageKey) -> String { L10n.text(key, language) }
        let cells: [[TableWorkbook.Cell]] = rows.map { r in
            let report: MessageKey =
                switch r.schoolsReport {
                case .reported: .labelReported
                case .notReported: .labelNotReported
                case nil: .labelNotMentioned
                }
            return [
                .text(r.township.name), .number(Double(r.villages), digits: 0), .number(Double(r.villagesWithoutCode), digits: 0),
                .number(Double(r.villagesWithoutRealPosition), digits: 0), .number(Double(r.villagesWithPopulation), digits: 0),
                .text(t(report)),
            ]
        }
        return ExportTable(
            title: t(.uiCompleteness),
            headers: [t(.labelTownship), t(.uiVillages), t(.uiNoCode), t(.uiNoRealPosition), t(.uiWithPopulation), t(.labelReportStatus)],
            rows: cells)
    }
}
