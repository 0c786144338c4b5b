import Domain
import Localization
import Services

/// `/import`: upload a CSV/XLSX/GeoJSON file, see every validation error by row before anything
/// is written, then commit or cancel.
enum ImportPage {
    static func form(_ web: WebContext, maxBytes: Int) -> [HTMLNode] {
        guard let principal = web.principal, principal.role != .viewer else {
            return [el("p", [("class", "muted")], text: web.t(.uiReadOnlyNote, web.principal.map { web.t($0.roleLabel) } ?? "—"))]
        }
        return [
            el(
                "form", [("class", "inline"), ("method", "post"), ("action", "/import"), ("enctype", "multipart/form-data")],
                [
                    Layout.csrfField(web),
                    el(
                        "label", [],
                        [
                            .text(web.t(.uiImportKind)),
                            el(
                                "select", [("name", "kind")],
                                ImportKind.allCases.map { el("option", [("value", $0.rawValue)], text: web.t($0.label)) }),
                        ]),
                    el(
                        "label", [],
                        [
                            .text(web.t(.uiFile)),
                            el(
                                "input",
                                [
                                    ("type", "file"), ("name", "file"), ("required", "required"),
                                    ("accept", ".csv,.tsv,.txt,.xlsx,.geojson,.json"),
                                ]),
                        ]),
                    el("label", [], [.text(web.t(.uiSheet)), el("input", [("name", "sheet"), ("placeholder", web.t(.uiSheetHint))])]),
                    el(
                        "label", [],
                        [
                            .text(web.t(.uiDataYearDefault)),
                            el("input", [("name", "year"), ("type", "number"), ("min", "1949"), ("max", "2100"), ("placeholder", "2024")]),
                        ]),
                    el(
                        "label", [],
                        [
                            .text(web.t(.uiSourceDefault)),
                            el("input", [("name", "source"), ("maxlength", "200"), ("placeholder", web.t(.uiSourceDefaultHint))]),
                        ]),
                    el("button", [("type", "submit")], text: web.t(.uiCheck)),
                ]),
            el("p", [("class", "muted")], text: web.t(.uiImportNote, maxBytes / 1024 / 1024)),
            el("h2", text: web.t(.uiFormatGuide)),
            el("p", [("class", "muted")], text: web.t(.uiGuideCommon)),
        ]
            + ImportKind.allCases.map { guide($0, web) }
            + [
                el("h2", text: web.t(.uiTemplates)),
                el(
                    "ul", [],
                    ImportKind.allCases.map { kind in
                        el(
                            "li", [],
                            [
                                .text(web.t(kind.label) + " "),
                                el("a", [("href", "/templates/\(kind.rawValue).xlsx"), ("download", "download")], text: "Excel"),
                                .text(" · "),
                                el("a", [("href", "/templates/\(kind.rawValue).csv"), ("download", "download")], text: "CSV"),
                            ])
                    }),
                el("p", [("class", "muted")], text: web.t(.uiTemplatesNote)),
            ]
    }

    /// A kind's format guide: how rows are read, and every column with the header names accepted
    /// (from the reader's own list) and whether it is required.
    static func guide(_ kind: ImportKind, _ web: WebContext) -> HTMLNode {
        let rows = kind.columns.map { column -> [HTMLNode] in
            [
                Components.data(column.names[0], web), .text(web.t(column.required ? .uiRequired : .uiOptional)),
                Components.data(column.names.joined(separator: " / "), web),
            ]
        }
        return el(
            "details", [("class", "guide"), ("id", "guide-\(kind.rawValue)")],
            [
                el("summary", text: web.t(kind.label)),
                el("p", text: web.t(kind.guide)),
                Components.table([web.t(.uiColumnName), web.t(.uiRequired), web.t(.uiColumnNames)], rows),
            ])
    }

    static func preview(_ item: StagedImport, _ web: WebContext) -> [HTMLNode] {
        let check = item.check
        var nodes: [HTMLNode] = [el("p", text: "\(web.t(check.kind.label)) · \(check.fileName)")]
        if check.isValid {
            nodes.append(el("p", [("class", "ok")], text: web.t(.uiImportValid, check.rowsRead ?? 0)))
            if let inserted = check.inserted, let updated = check.updated, let unchanged = check.unchanged {
                nodes.append(el("p", text: web.t(.uiImportChanges, inserted, updated, unchanged)))
            }
            if !check.notReported.isEmpty {
                nodes.append(el("p", text: web.t(.gapSchoolsNotReported, check.notReported.joined(separator: "、"))))
            }
        } else {
            nodes.append(el("p", [("class", "errors")], text: web.t(.uiImportInvalid, check.errorCount)))
        }
        if !check.issues.isEmpty {
            let rows = check.issues.map { i -> [HTMLNode] in
                [
                    .text(i.severity == .error ? web.t(.uiError) : web.t(.uiWarning)), .text(i.row.map(String.init) ?? "—"),
                    .text(i.column.map { web.bracketed("\($0)", ColumnLetters.letters(for: $0)) } ?? "—"), .text(i.columnName ?? "—"),
                    .text(i.message.zh), .text(i.message.en),
                ]
            }
            nodes.append(
                Components.table(
                    [web.t(.uiSeverity), web.t(.uiRow), web.t(.uiColumn), web.t(.uiColumnName), web.t(.uiInChinese), web.t(.uiInEnglish)],
                    rows,
                    classes: "errors"))
        }
        var buttons: [HTMLNode] = []
        if check.isValid {
            buttons.append(
                el(
                    "form", [("method", "post"), ("action", "/import/\(item.token)/commit"), ("style", "display:inline")],
                    [
                        Layout.csrfField(web), el("button", [("type", "submit")], text: web.t(.uiCommit)),
                    ]))
        }
        buttons.append(
            el(
                "form", [("method", "post"), ("action", "/import/\(item.token)/cancel"), ("style", "display:inline")],
                [
                    Layout.csrfField(web), el("button", [("type", "submit"), ("class", "secondary")], text: web.t(.uiCancel)),
                ]))
        return nodes + buttons
    }
}
