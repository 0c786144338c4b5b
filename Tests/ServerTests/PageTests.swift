import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Services
import Store
import Testing

@Suite("The pages, through the router")
struct PageTests {
    @Test(
        "every page answers in Chinese with its content",
        arguments: [
            ("/", "学校诊断"), ("/map", "county-map"), ("/schools", "交城县西营学校"), ("/schools/1", "东雷庄学校"),
            ("/indicators", "九年义务教育巩固率"), ("/tasks", "新建城西幼儿园"), ("/import", "确认导入"),
        ])
    func pages(path: String, expected: String) async throws {
        let auth = try session()
        try await app().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: [.cookie: auth]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains(expected) || path == "/import" && html.contains("检查"), "\(path)")
                let external = html.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression)
                #expect(external == nil, "no external resources on \(path)")
            }
        }
    }

    @Test("the overview shows the seed's finding, what it missed and the data gaps")
    func overview() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = response.text
                #expect(html.contains("东雷庄学校（天宁镇）：学生少且超编，与规划结论一致"))
                #expect(html.contains("交城县西营学校（西营镇）缺编 36.5 人：规划未指出"))
                #expect(html.contains("未上报"))
                #expect(html.contains("T-AGR-01"))
            }
        }
    }

    @Test("the map marks illustrative positions and carries a legend, scale bar and layers")
    func map() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/map", method: .get) { response in
                let html = response.text
                for id in ["layer-outline", "layer-townships", "layer-villages", "layer-schools", "layer-lines", "legend", "scale-bar"] {
                    #expect(html.contains("id=\"\(id)\""), "\(id)")
                }
                #expect(html.contains("class=\"schools illustrative\""))
                #expect(html.contains("（示意）"))
                #expect(html.contains("data-href=\"/schools/"))
                #expect(response.body.readableBytes < 500_000, "the map page transfers \(response.body.readableBytes) bytes")
                // Only the map zooms: the legend and the scale bar lie outside the zoomed group and
                // the clip of its frame; place names lie above every marker; a label carries the
                // name alone (西营镇, not "镇（示意）" under a circle).
                let order = [
                    "id=\"map-frame\"", "id=\"viewport\"", "id=\"layer-schools\"", "id=\"layer-labels\"", "id=\"scale-bar\"",
                    "id=\"legend\"",
                ]
                let positions = order.map { html.range(of: $0)?.lowerBound }
                #expect(!positions.contains(nil) && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(order)")
                #expect(html.contains("data-metres-per-unit=\""))
                let labels = try #require(html.firstMatch(of: /<g id="layer-labels">(.*?)<\/g>/)).1
                #expect(labels.contains(">西营镇</text>") && !labels.contains("示意"))
            }
        }
    }

    @Test("English by a switch that persists in a cookie")
    func english() async throws {
        try await app().test(.router) { client in
            let cookie = try await client.execute(uri: "/lang/en?back=/schools", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/schools")
                return try #require(response.cookie("cx_lang"))
            }
            try await client.execute(uri: "/schools", method: .get, headers: [.cookie: "cx_lang=\(cookie)"]) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.text.contains("Students/staff"))
            }
            try await client.execute(uri: "/lang/en?back=//evil.example", method: .get) { response in
                #expect(response.headers[.location] == "/")
            }
        }
    }

    @Test("static files are served; path traversal is not")
    func staticFiles() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/static/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("setupMap"))
            }
            for path in ["/static/..%2F..%2Fetc%2Fpasswd", "/static/../Package.swift", "/static/%2Fetc%2Fpasswd", "/static/app.css%00"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                }
            }
        }
    }

    @Test("HTML is escaped everywhere: a school named <script>alert(1)</script>")
    func escaping() async throws {
        let store = try freshDemo()
        try store.write(actor: "test") { w in
            let township = try #require(try w.reader.register().townships(named: "天宁").first)
            try w.insert(
                School(townshipID: township.id, name: "<script>alert(1)</script>", level: .primary, students: 50, staff: 5, landMu: 2))
        }
        try await app(store).test(.router) { client in
            for path in ["/", "/schools", "/map", "/schools/20"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(!response.text.contains("<script>alert(1)"), "\(path)")
                }
            }
            try await client.execute(uri: "/schools", method: .get) { response in
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }

    @Test("an unknown school is a 404 page")
    func missingSchool() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/schools/9999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("学校 9999 不存在"))
            }
        }
    }
}

@Suite("Forms: CSRF tokens, validation messages, import check-then-commit")
struct FormTests {
    /// Gets a page to obtain the CSRF cookie.
    func token(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/tasks", method: .get) { try #require($0.cookie("cx_csrf")) }
    }

    @Test("a form without the token is refused; with it the task is updated")
    func csrf() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let body = ByteBuffer(string: "status=in_progress&percent=30&evidence=%E5%BC%80%E5%B7%A5")
            try await client.execute(
                uri: "/tasks/T-EDU-01", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: auth],
                body: body
            ) { response in
                #expect(response.status == .forbidden)
            }
            let csrf = formToken(auth)
            let signed = ByteBuffer(string: "csrf=\(csrf)&status=in_progress&percent=30&evidence=%E5%BC%80%E5%B7%A5")
            try await client.execute(
                uri: "/tasks/T-EDU-01", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"], body: signed
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("已保存 T-EDU-01"))
            }
            let forged = ByteBuffer(string: "csrf=\(String(repeating: "0", count: 32))&status=done")
            try await client.execute(
                uri: "/tasks/T-EDU-02", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"], body: forged
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
        let task = try #require(try store.read { try $0.tasks() }.first { $0.code == "T-EDU-01" })
        #expect(task.status == .inProgress)
        #expect(task.percentComplete == 30)
        #expect(task.evidence == "开工")
    }

    @Test("recording an observation by form shows rule errors and writes nothing")
    func recordForm() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let csrf = formToken(auth)
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"]
            try await client.execute(
                uri: "/indicators/record", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&code=EDU_RETENTION&area=%E4%BA%A4%E5%9F%8E%E5%8E%BF&period=2024&value=120")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("值 120 大于上限 100"))
            }
            try await client.execute(
                uri: "/indicators/record", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&code=EDU_RETENTION&area=%E4%BA%A4%E5%9F%8E%E5%8E%BF&period=2024&value=97")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("已录入"))
            }
        }
        #expect(try store.read { try $0.observations() }.map(\.value) == [97])
    }

    /// A multipart body with the CSRF field, the kind and one file.
    func multipart(_ csrf: String, kind: String, file: String, content: Data) -> (String, ByteBuffer) {
        let boundary = "----cxboundary"
        var body = Data()
        for (name, value) in [("csrf", csrf), ("kind", kind), ("sheet", "")] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += content + Data("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    @Test("an upload with errors lists every one by row and writes nothing; a good one is committed on confirmation")
    func importFlow() async throws {
        let store = try freshDemo()
        let before = try store.read { try $0.schools() }
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let csrf = formToken(auth)
            let bad = Data("乡镇,学校名称,规模,在校人数,教职人数\n天宁,新校甲,小学,-3,5\n西山,新校乙,小学,30,5\n".utf8)
            let (type, body) = multipart(csrf, kind: "schools", file: "学校.csv", content: bad)
            try await client.execute(
                uri: "/import", method: .post, headers: [.contentType: type, .cookie: "cx_csrf=\(csrf); \(auth)"], body: body
            ) {
                response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("发现 2 处错误，未写入任何数据"))
                #expect(html.contains("「-3」为负数"))
                #expect(html.contains("乡镇「西山」不在区划名录中"))
                #expect(!html.contains("/commit"))
            }
            let good = Data("乡镇,学校名称,规模,在校人数,教职人数,占地面积（亩）\n夏家营,夏家营小学,小学,320,21,14\n".utf8)
            let (type2, body2) = multipart(csrf, kind: "schools", file: "夏家营.csv", content: good)
            let token = try await client.execute(
                uri: "/import", method: .post, headers: [.contentType: type2, .cookie: "cx_csrf=\(csrf); \(auth)"], body: body2
            ) { response in
                let html = response.text
                #expect(html.contains("检查通过：1 行可导入"))
                let marker = try #require(html.range(of: "/import/"))
                return String(html[marker.upperBound...].prefix(32))
            }
            #expect(try store.read { try $0.schools() }.count == before.count, "checking writes nothing")
            try await client.execute(
                uri: "/import/\(token)/commit", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"],
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                // Post, redirect, get: reloading the result does not post again.
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/import/\(token)")
            }
            for _ in 0..<2 {
                try await client.execute(uri: "/import/\(token)", method: .get, headers: [.cookie: auth]) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("已导入 夏家营.csv（1 行）"))
                }
            }
            let other = try session(store, "other-admin", role: .admin)
            try await client.execute(uri: "/import/\(token)", method: .get, headers: [.cookie: other]) { #expect($0.status == .notFound) }
        }
        #expect(try store.read { try $0.schools() }.count == before.count + 1)
    }

    @Test("an upload over the limit is refused with a clear message")
    func uploadLimit() async throws {
        let auth = try session(demoForServer)
        try await app(demoForServer, maxUpload: 1024).test(.router) { client in
            let csrf = formToken(auth)
            let (type, body) = multipart(csrf, kind: "schools", file: "big.csv", content: Data(repeating: 0x41, count: 4096))
            try await client.execute(
                uri: "/import", method: .post, headers: [.contentType: type, .cookie: "cx_csrf=\(csrf); \(auth)"], body: body
            ) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("超过 1 KB 上限"), "the limit in units that are not rounded to 0 MB")
            }
        }
    }
}

/// English pages carry no Chinese in what the program itself writes — headings, table headers,
/// buttons, labels, navigation, field names before a colon — except inside an element marked
/// `lang="zh"` (Chinese data: names of places, schools, the plan's task titles).
@Suite("English pages: the program's own words are English")
struct EnglishPageTests {
    static let pages = [
        "/", "/map", "/schools", "/schools/1", "/scenarios", "/scenarios/1", "/scenarios?compare=1,2", "/indicators", "/tasks", "/import",
        "/search?q=%E8%A5%BF%E8%90%A5", "/search", "/login", "/no-such-page",
    ]

    /// The program's own words on a page: the text of headings, table headers, buttons, labels and
    /// navigation links, with elements marked `lang="zh"` removed first.
    static func ownWords(_ html: String) -> [String] {
        var text = html
        // Marked Chinese (never nested in itself here): a span, a or td with lang="zh".
        text = text.replacing(/<(span|a|td|li|strong)( [^>]*)? lang="zh"[^>]*>.*?<\/\1>/.dotMatchesNewlines(false), with: "")
        var words: [String] = []
        for match in text.matches(of: /<(h1|h2|h3|th|button|label|legend|summary|nav)[^>]*>([^<]*)/) {
            words.append(String(match.2))
        }
        for match in text.matches(of: /<nav[^>]*>(.*?)<\/nav>/) {
            for link in String(match.1).matches(of: />([^<]+)</) { words.append(String(link.1)) }
        }
        return words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The text a reader sees, without what is marked Chinese (`lang="zh"`), scripts, styles,
    /// the maps' and charts' SVG and the window title.
    static func unmarkedText(_ html: String) -> String {
        var text = html
        for pattern in [
            /<script[^>]*>.*?<\/script>/.dotMatchesNewlines(), /<style[^>]*>.*?<\/style>/.dotMatchesNewlines(),
            /<svg[^>]*>.*?<\/svg>/.dotMatchesNewlines(), /<title>.*?<\/title>/.dotMatchesNewlines(),
            /<span lang="zh">[^<]*<\/span>/.dotMatchesNewlines(), /<option[^>]* lang="zh"[^>]*>[^<]*<\/option>/.dotMatchesNewlines(),
        ] {
            text = text.replacing(pattern, with: " ")
        }
        // Elements marked as a whole (a name in a link, a cell): their text up to the next tag.
        text = text.replacing(/<[a-z0-9]+ [^>]*lang="zh"[^>]*>[^<]*/, with: " ")
        return text.replacing(/<[^>]*>/, with: " ")
    }

    @Test("every Chinese word on an English page is marked lang=\"zh\": data, not an untranslated word")
    func visibleText() async throws {
        let auth = try session()
        try await app().test(.router) { client in
            for page in Self.pages {
                let html = try await client.execute(uri: page, method: .get, headers: [.cookie: "cx_lang=en; \(auth)"]) { $0.text }
                let left = Self.unmarkedText(html).unicodeScalars.filter {
                    (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
                }
                #expect(left.isEmpty, "\(page): \(String(String.UnicodeScalarView(left)).prefix(80))")
            }
        }
    }

    @Test("headings, headers, buttons, labels and navigation are English on English pages")
    func english() async throws {
        let auth = try session()
        try await app().test(.router) { client in
            for page in Self.pages {
                let html = try await client.execute(uri: page, method: .get, headers: [.cookie: "cx_lang=en; \(auth)"]) { $0.text }
                #expect(html.contains("<html lang=\"en\">"), "\(page)")
                let chinese = Self.ownWords(html).filter {
                    $0.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
                }
                #expect(chinese.isEmpty, "\(page): \(chinese)")
            }
        }
    }
}
