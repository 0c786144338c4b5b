import Analysis
import Charts
import Domain
import Localization
import Services

/// `/schools` and `/schools/{id}`: the diagnosis as a sortable, filterable table, a chart of
/// students per staff against the norm, and a page per school.
enum SchoolsPage {
    /// Schools shown on one page of the list; a prefecture's 5,000 schools are paged (with a
    /// township choice) instead of sent as one table of several megabytes.
    static let pageSize = 500

    /// What the list shows, from the query as checked against the report: a township that is in
    /// it (by its current unit, so schools of a merged township are listed under its successor)
    /// and a page that exists. Anything else falls back to all townships and the nearest page.
    struct Choice {
        let township: TownshipSchoolSummary?
        let schools: [SchoolDiagnosis]
        let page: Int
        let pages: Int

        init(_ report: SchoolDiagnosticsReport, page: String?, township: String?) {
            let chosen = township.flatMap(Division.ID.init(text:)).flatMap { id in report.townships.first { $0.township.id == id } }
            self.township = chosen
            schools = chosen.map { summary in report.schools.filter { $0.townshipName == summary.township.name } } ?? report.schools
            pages = max(1, (schools.count + SchoolsPage.pageSize - 1) / SchoolsPage.pageSize)
            self.page = min(max(1, page.flatMap(Int.init) ?? 1), pages)
        }

        /// The page's cache variant.
        var variant: [String] { ["\(page)", township.map { "\($0.township.id)" } ?? ""] }

        var shown: [SchoolDiagnosis] { Array(schools.dropFirst((page - 1) * SchoolsPage.pageSize).prefix(SchoolsPage.pageSize)) }
    }

    static func list(_ report: SchoolDiagnosticsReport, _ choice: Choice, _ web: WebContext) -> [HTMLNode] {
        let shown = choice.shown
        let filter = el(
            "form", [("class", "inline"), ("onsubmit", "return false")],
            [
                el("label", [], [.text(web.t(.uiFilter)), el("input", [("id", "table-filter"), ("type", "search")])]),
                el(
                    "label", [],
                    [
                        .text(web.t(.labelFlags)),
                        el(
                            "select", [("id", "flag-filter")],
                            [el("option", [("value", "")], text: web.t(.uiAll))]
                                + DiagnosticFlag.allCases.map { el("option", [("value", $0.rawValue)], text: web.t($0.label)) }),
                    ]),
                Components.exports("/schools", web),
            ])
        let headers = [
            web.t(.labelTownship), web.t(.labelSchool), web.t(.labelLevel), web.t(.labelStudents), web.t(.labelStaff),
            web.t(.labelRatio), web.t(.labelNorm), web.t(.labelSurplus), web.t(.labelLandPerStudent), web.t(.labelFlags),
            web.t(.labelReasons),
        ]
        let rows = shown.map { d -> [HTMLNode] in
            [
                Components.data(d.townshipName, web), el("a", [("href", "/schools/\(d.school.id)")], [Components.data(d.school.name, web)]),
                .text(web.t(d.school.level.label)),
                Components.number(d.school.students.map(Double.init), digits: 0),
                Components.number(d.school.staff.map(Double.init), digits: 0),
                Components.number(d.studentsPerStaff), Components.number(d.staffNorm?.studentsPerStaff), Components.number(d.staffSurplus),
                Components.number(d.landPerStudentM2), Components.flags(d, web),
                el(
                    "span", [("class", "reasons")], text: d.reasons.map { web.t($0.text) }.joined(separator: web.language == .zh ? "" : " ")
                ),
            ]
        }
        let attributes = shown.map {
            [("data-flags", $0.flags.map(\.rawValue).joined(separator: " ")), ("data-key", Components.rowKey($0))]
        }
        let total: [HTMLNode] = [
            .text(web.t(.uiTotalRow)), .text(""), .text(""),
            Components.sum(Double(shown.compactMap(\.school.students).reduce(0, +)), column: 3),
            Components.sum(Double(shown.compactMap(\.school.staff).reduce(0, +)), column: 4), .text(""), .text(""),
            .text(""), .text(""), .text(""), .text(""),
        ]
        return [
            townshipChoice(report, choice.township?.township.id, web), filter,
            pager(page: choice.page, pages: choice.pages, count: choice.schools.count, township: choice.township?.township.id, web),
            Components.table(
                headers.map { HTMLNode.text($0) }, rows, classes: "sortable filterable", rowAttributes: attributes, footer: total,
                noMatch: web.t(.uiNoMatch)),
            el("p", [("class", "muted")], text: normNote(report.norms, web)),
            Components.ratioChart(shown, web),
        ]
    }

    /// A form choosing the township whose schools are listed (a GET, so the page is cached per choice).
    static func townshipChoice(_ report: SchoolDiagnosticsReport, _ chosen: Division.ID?, _ web: WebContext) -> HTMLNode {
        let options =
            [el("option", [("value", "")], text: web.t(.uiAllTownships))]
            + report.townships.map { summary in
                let id = summary.township.id
                return el("option", [("value", "\(id)")] + (id == chosen ? [("selected", "selected")] : []), text: summary.township.name)
            }
        return el(
            "form", [("class", "inline"), ("method", "get"), ("action", "/schools")],
            [
                el("label", [], [.text(web.t(.labelTownship)), el("select", [("name", "township")], options)]),
                el("button", [("type", "submit"), ("class", "secondary")], text: web.t(.uiShow)),
            ])
    }

    /// "Page 2 of 10" with links to the neighbouring pages (only when there is more than one).
    static func pager(page: Int, pages: Int, count: Int, township: Division.ID?, _ web: WebContext) -> HTMLNode {
        func link(_ target: Int, _ key: MessageKey) -> HTMLNode {
            el("a", [("href", "/schools?page=\(target)" + (township.map { "&township=\($0)" } ?? ""))], text: web.t(key))
        }
        var parts: [HTMLNode] = [.text(web.t(.uiPageOf, page, pages, count))]
        if page > 1 { parts += [.text(" · "), link(page - 1, .uiPreviousPage)] }
        if page < pages { parts += [.text(" · "), link(page + 1, .uiNextPage)] }
        return el("p", [("class", "muted pager")], parts)
    }

    /// The staffing norms in use, from the stored norms.
    static func normNote(_ norms: NormBook, _ web: WebContext) -> String {
        let engine = SchoolDiagnostics(norms: norms)
        return web.t(
            .uiNormNote, norms.staffRatioText(NormKey.staffRatioPrimary), norms.staffRatioText(NormKey.staffRatioJunior),
            norms.staffRatioText(NormKey.staffRatioSenior), norms.nineYearSplitText)
            + (engine.staffNorm(for: .nineYear).map { web.bracketed("", Format.number($0.studentsPerStaff, digits: 1)) } ?? "")
    }

    /// The school columns a change log shows, and their names.
    static let columnLabels: [String: MessageKey] = [
        "township_id": .labelTownship, "village_id": .uiVillage, "name": .uiName, "level": .labelLevel, "students": .labelStudents,
        "staff": .labelStaff, "land_mu": .uiLand, "classes": .uiClasses, "data_year": .uiDataYear, "source": .uiSource, "note": .uiNote,
    ]

    /// A stored value as a person reads it: names for ids, the level's name.
    static func fieldText(_ column: String, _ value: String, _ register: DivisionRegister, _ web: WebContext) -> String {
        switch column {
        case "township_id", "village_id": Division.ID(text: value).flatMap { register.division(id: $0)?.name } ?? value
        case "level": SchoolLevel(rawValue: value).map { web.t($0.label) } ?? value
        default: value
        }
    }

    /// The form that changes a school's figures, for those who may (the education bureau, the
    /// school's township editor); after a refusal it shows what was typed.
    static func editForm(_ d: SchoolDiagnosis, entered: FormFields?, _ web: WebContext) -> HTMLNode {
        guard let principal = web.principal, principal.mayWrite(.education),
            principal.role != .townshipEditor || principal.townshipID == d.school.townshipID
        else { return .group([]) }
        let school = d.school
        func input(_ name: String, _ label: MessageKey, _ value: String?, size: Int = 6) -> HTMLNode {
            el(
                "label", [],
                [
                    .text(web.t(label)),
                    el("input", [("name", name), ("value", entered?.text(name) ?? value ?? ""), ("size", String(size))]),
                ])
        }
        return el(
            "details", entered == nil ? [] : [("open", "open")],
            [
                el("summary", text: web.t(.uiEditSchool)),
                el(
                    "form", [("class", "inline"), ("method", "post"), ("action", "/schools/\(school.id)")],
                    [
                        Layout.csrfField(web),
                        input("students", .labelStudents, school.students.map(String.init)),
                        input("staff", .labelStaff, school.staff.map(String.init)),
                        input("classes", .uiClasses, school.classes.map(String.init)),
                        input("landMu", .uiLand, school.landMu.map { Format.number($0, digits: 4) }),
                        input("dataYear", .uiDataYear, school.dataYear.map(String.init)),
                        input("note", .uiNote, school.note, size: 24),
                        el("button", [("type", "submit")], text: web.t(.uiSave)),
                    ]),
                el("p", [("class", "muted")], text: web.t(.uiLeaveBlankUnknown)),
            ])
    }

    static func detail(
        _ d: SchoolDiagnosis, register: DivisionRegister, history: [AuditRecord], message: HTMLNode? = nil,
        entered: FormFields? = nil, _ web: WebContext
    ) -> [HTMLNode] {
        let village = d.school.villageID.flatMap { register.division(id: $0) }
        let place = MapPage.position(of: d, in: register)
        var facts: [(String, String)] = [
            (web.t(.labelTownship), d.townshipName), (web.t(.uiVillage), village?.name ?? "—"),
            (web.t(.labelLevel), web.t(d.school.level.label)),
            (web.t(.labelStudents), d.school.students.map(String.init) ?? "—"),
            (web.t(.labelStaff), d.school.staff.map(String.init) ?? "—"),
            (web.t(.uiLand), d.school.landMu.map { "\(Format.number($0, digits: 2)) \(web.t(.unitMu))" } ?? "—"),
            (web.t(.labelRatio), d.studentsPerStaff.map { Format.fixed($0, digits: 1) } ?? "—"),
            (web.t(.labelNorm), d.staffNorm.map { web.bracketed(Format.fixed($0.studentsPerStaff, digits: 1), web.t($0.basis)) } ?? "—"),
            (web.t(.labelSurplus), d.staffSurplus.map { Format.fixed($0, digits: 1) } ?? "—"),
            (web.t(.labelLandPerStudent), d.landPerStudentM2.map { Format.fixed($0, digits: 1) } ?? "—"),
            (web.t(.uiDataYear), d.school.dataYear.map(String.init) ?? web.t(.uiUnknown)), (web.t(.uiSource), d.school.source ?? "—"),
        ]
        if let note = d.school.note { facts.append((web.t(.uiNote), note)) }
        if let place {
            let lon = Format.fixed(place.point.longitudeDegrees, digits: 5)
            let coordinates = "\(lon), \(Format.fixed(place.point.latitudeDegrees, digits: 5))"
            let note: String? =
                switch place.quality {
                case .illustrative: web.t(.uiIllustrative)
                case .approximate: web.t(.uiApproximate)
                case .real: nil
                }
            facts.append((web.t(.uiPosition), note.map { web.bracketed(coordinates, $0) } ?? coordinates))
        }
        let historyRows = history.map { e -> [HTMLNode] in
            let action: MessageKey = e.action == "insert" ? .auditInsert : e.action == "delete" ? .auditDelete : .auditUpdate
            let changes = e.changes.compactMap { change -> HTMLNode? in
                guard let label = Self.columnLabels[change.column] else { return nil }
                let value = { (text: String?) in text.map { Self.fieldText(change.column, $0, register, web) } ?? "—" }
                let line = e.action == "update" ? "\(value(change.before)) → \(value(change.after))" : value(change.after ?? change.before)
                return el("li", text: web.field(web.t(label), line))
            }
            return [.text(e.changedAtBeijing), .text(e.actor), .text(web.t(action)), el("ul", [("class", "changes")], changes)]
        }
        return [
            message ?? .group([]), editForm(d, entered: entered, web),
            el("p", [], [Components.flags(d, web)]),
            el("ul", [], d.reasons.map { el("li", text: web.t($0.text)) }),
            Components.table([web.t(.uiItem), web.t(.uiValue)], facts.map { [.text($0.0), .text($0.1)] }),
            el("h2", text: web.t(.uiHistory)),
            Components.table([web.t(.uiWhen), web.t(.uiWho), web.t(.uiAction), web.t(.uiChanges)], historyRows),
            el("p", [], [el("a", [("href", "/schools")], text: web.t(.uiBack))]),
        ]
    }
}
