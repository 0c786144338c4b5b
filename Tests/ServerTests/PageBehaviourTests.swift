import Foundation
import Testing

/// What the pages' script and print styles do, in a real browser (headless Chromium over the
/// DevTools protocol): the print preview, the table filter with its totals and chart, task
/// filtering, map labels that never overlap, and screenshots at a phone's width.
@Suite("The pages behave in a real browser", .serialized)
struct PageBehaviourTests {
    /// A screenshot's file name for a path: "overview" for "/", else the path without its first
    /// slash, other slashes as dashes ("/scenarios/2" → "scenarios-2").
    static func shotName(_ path: String) -> String {
        path == "/"
            ? "overview" : String(path.dropFirst()).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "?", with: "-")
    }

    /// Runs `expression` (which returns a JSON string) on each path of a live demo server.
    static func run(
        _ paths: [String], width: Int = 1280, mobile: Bool = false, media: String? = nil, shots: URL? = nil, _ expression: String
    ) async throws -> [String: [String: Any]] {
        var texts: [String: String] = [:]
        try await withLiveServer(demoForServer) { port in
            texts = try await onOwnThread { () -> [String: String] in
                let browser = try DevTools()
                var out: [String: String] = [:]
                for path in paths {
                    let shot = shots.map { $0.appendingPathComponent("\(shotName(path)).png") }
                    let value = try browser.evaluate(
                        "http://127.0.0.1:\(port)\(path)", width: width, mobile: mobile, media: media, screenshot: shot, expression)
                    out[path] = try #require(value as? String, "\(path): the expression returned \(String(describing: value))")
                }
                return out
            }
        }
        var answers: [String: [String: Any]] = [:]
        for (path, text) in texts {
            answers[path] = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        return answers
    }

    @Test("the print preview of /schools and /indicators holds no form, button or navigation, and keeps the tables")
    func printPreview() async throws {
        let answers = try await Self.run(
            ["/schools", "/indicators", "/tasks", "/scenarios/1"], media: "print",
            """
            JSON.stringify({
              shown: Array.from(document.querySelectorAll("form, button, header.top, input, select"))
                .filter(function (e) { return getComputedStyle(e).display !== "none"; }).map(function (e) { return e.tagName; }),
              tables: Array.from(document.querySelectorAll("table")).filter(function (e) { return getComputedStyle(e).display !== "none"; }).length
            })
            """)
        for (path, answer) in answers {
            #expect((answer["shown"] as? [String])?.isEmpty == true, "\(path): \(answer["shown"] ?? "")")
        }
        #expect((answers["/schools"]?["tables"] as? Int ?? 0) >= 1)
        #expect((answers["/indicators"]?["tables"] as? Int ?? 0) >= 1)
    }

    @Test("the school filter ignores case, keeps the total and the chart to the rows shown, says when nothing matches; headers sort")
    func schoolFilter() async throws {
        let answer = try #require(
            try await Self.run(
                ["/schools?lang=en"],
                """
                (function () {
                  var f = document.getElementById("table-filter");
                  function set(v) { f.value = v; f.dispatchEvent(new Event("input")); }
                  function rows() { return Array.from(document.querySelectorAll("table.filterable tbody tr")).filter(function (r) { return r.style.display !== "none"; }); }
                  function figure(r, i) { var m = r.cells[i].querySelector("[data-sort]"); return m ? parseFloat(m.getAttribute("data-sort")) : null; }
                  var out = { all: rows().length };
                  set("PRIMARY"); out.upper = rows().length; set("primary"); out.lower = rows().length;
                  set("西营"); var shown = rows(); out.some = shown.length;
                  out.sum = shown.reduce(function (a, r) { return a + (figure(r, 3) || 0); }, 0);
                  out.total = parseFloat(document.querySelector("[data-sum-column='3']").textContent);
                  out.bars = Array.from(document.querySelectorAll("[data-follows-filter] g.bar")).filter(function (b) { return b.style.display !== "none"; }).length;
                  out.withRatio = shown.filter(function (r) { return figure(r, 5) !== null; }).length;
                  out.noMatchHiddenWhileRows = document.querySelector("tr.no-match").hidden;
                  set("zzzz"); out.none = rows().length; out.noMatchShown = !document.querySelector("tr.no-match").hidden;
                  out.zero = document.querySelector("[data-sum-column='3']").textContent;
                  var th = document.querySelector("table.sortable thead th:nth-child(4)"); th.click(); out.sort = th.getAttribute("aria-sort");
                  return JSON.stringify(out);
                })()
                """)["/schools?lang=en"])
        let all = try #require(answer["all"] as? Int)
        let some = try #require(answer["some"] as? Int)
        #expect(answer["upper"] as? Int == answer["lower"] as? Int && (answer["upper"] as? Int ?? 0) > 0, "\(answer)")
        #expect(some > 0 && some < all, "\(answer)")
        #expect((answer["sum"] as? Double).map(Int.init) ?? (answer["sum"] as? Int) == (answer["total"] as? Int), "\(answer)")
        #expect(answer["bars"] as? Int == answer["withRatio"] as? Int, "\(answer)")
        #expect(answer["noMatchHiddenWhileRows"] as? Bool == true && answer["none"] as? Int == 0, "\(answer)")
        #expect(answer["noMatchShown"] as? Bool == true && answer["zero"] as? String == "0", "\(answer)")
        #expect(answer["sort"] as? String == "ascending", "\(answer)")
    }

    @Test("the task page's filters: by status in the address, by text on the page, 'no task matches' when none")
    func taskFilter() async throws {
        let answers = try await Self.run(
            ["/tasks", "/tasks?bureau=education", "/tasks?status=done"],
            """
            (function () {
              function cards() { return Array.from(document.querySelectorAll(".task")).filter(function (c) { return c.offsetParent !== null; }); }
              var out = { all: cards().length, allEdu: cards().every(function (c) { return c.id.indexOf("T-EDU") === 0; }),
                noMatchAtFirst: !document.querySelector("p.no-match").hidden };
              var f = document.getElementById("card-filter"); f.value = "t-edu"; f.dispatchEvent(new Event("input"));
              out.edu = cards().length; out.eduOnly = cards().every(function (c) { return c.id.indexOf("T-EDU") === 0; });
              f.value = "zzzz"; f.dispatchEvent(new Event("input"));
              out.none = cards().length; out.noMatch = !document.querySelector("p.no-match").hidden;
              return JSON.stringify(out);
            })()
            """)
        let all = try #require(answers["/tasks"])
        let education = try #require(answers["/tasks?bureau=education"])
        #expect((all["edu"] as? Int ?? 0) > 0 && all["eduOnly"] as? Bool == true, "\(all)")
        #expect(all["none"] as? Int == 0 && all["noMatch"] as? Bool == true && all["noMatchAtFirst"] as? Bool == false, "\(all)")
        // The bureau filter, from the address: the education bureau's tasks only.
        #expect(education["all"] as? Int == all["edu"] as? Int && education["allEdu"] as? Bool == true, "\(education)")
        // The demo has no task marked done: the page says so instead of showing an empty board.
        #expect(answers["/tasks?status=done"]?["all"] as? Int == 0 && answers["/tasks?status=done"]?["noMatchAtFirst"] as? Bool == true)
    }

    @Test("map labels never overlap, zoomed out, as drawn and zoomed in; a label with no room is hidden, not stacked")
    func labelsDoNotOverlap() async throws {
        let answers = try await Self.run(
            ["/map#zoom=0.5", "/map", "/map#zoom=3"],
            """
            (function () {
              var boxes = Array.from(document.querySelectorAll("#layer-labels text"))
                .filter(function (t) { return t.style.display !== "none"; })
                .map(function (t) { return t.getBoundingClientRect(); });
              var overlaps = 0;
              for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
                var a = boxes[i], b = boxes[j];
                if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps += 1;
              }
              return JSON.stringify({ shown: boxes.length, total: document.querySelectorAll("#layer-labels text").length, overlaps: overlaps });
            })()
            """)
        for (path, answer) in answers {
            #expect(answer["overlaps"] as? Int == 0, "\(path): \(answer)")
            #expect((answer["shown"] as? Int ?? 0) > 0, "\(path): \(answer)")
        }
        // Zooming in makes room: at least as many labels as at half size.
        #expect((answers["/map#zoom=3"]?["shown"] as? Int ?? 0) >= (answers["/map#zoom=0.5"]?["shown"] as? Int ?? .max))
    }

    @Test("on a 390 px phone the map's place names are still readable (at least 11 px high on the screen) and the legend is page text")
    func phoneLabels() async throws {
        let answer = try #require(
            try await Self.run(
                ["/map"], width: 390, mobile: true,
                """
                (function () {
                  var shown = Array.from(document.querySelectorAll("#layer-labels text")).filter(function (t) { return t.style.display !== "none"; });
                  var legend = document.querySelector(".map-legend");
                  return JSON.stringify({ shown: shown.length, smallest: Math.min.apply(null, shown.map(function (t) { return t.getBoundingClientRect().height; })),
                    legend: getComputedStyle(legend).display, legendItems: legend.querySelectorAll("li").length,
                    svgLegend: getComputedStyle(document.getElementById("legend")).display });
                })()
                """)["/map"])
        #expect((answer["shown"] as? Int ?? 0) > 0, "\(answer)")
        #expect((answer["smallest"] as? Double ?? 0) >= 11, "\(answer)")
        // The legend is page text on a phone, not the map's own drawn at a third of its size.
        #expect(answer["legend"] as? String == "flex" && (answer["legendItems"] as? Int ?? 0) >= 6, "\(answer)")
        #expect(answer["svgLegend"] as? String == "none", "\(answer)")
    }

    /// The phone screenshots for the README (`docs/screenshots/*-390.png`): written where
    /// `CHENGXIANG_SCREENSHOTS` points (scripts/screenshots.sh), to a temporary folder otherwise;
    /// each must be a 390 px wide picture that is not blank.
    @Test("screenshots at 390 px are pictures of the pages, not blank")
    func phoneScreenshots() async throws {
        let folder =
            ProcessInfo.processInfo.environment["CHENGXIANG_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cx-phone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = ["/", "/map", "/schools", "/tasks", "/indicators", "/scenarios/2"]
        _ = try await Self.run(paths, width: 390, mobile: true, shots: folder, "JSON.stringify({})")
        for path in paths {
            let png = try Data(contentsOf: folder.appendingPathComponent("\(Self.shotName(path)).png"))
            #expect(pngSize(png)?.0 == 390, "\(path)")
            #expect(png.count > 10_000, "\(path): a \(png.count)-byte screenshot looks blank")
        }
    }
}
