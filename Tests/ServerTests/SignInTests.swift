import Demo
import Domain
import Foundation
import Fuzzing
import Hummingbird
import HummingbirdTesting
import Localization
import Server
import Services
import Store
import TestSupport
import Testing
import ZIPFoundation

@Suite("Sign-in, sessions, tokens and the permission check over HTTP")
struct SignInTests {
    let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Form headers carrying a session's cookie.
    func signedForm(_ auth: String) -> HTTPFields {
        var headers = form
        headers[.cookie] = auth
        return headers
    }

    func observation(_ area: String) -> ByteBuffer {
        ByteBuffer(string: #"[{"code":"INS_WHEAT","area":"\#(area)","period":"2024","value":50}]"#)
    }

    @Test("an anonymous visitor is sent to the sign-in page; the API answers 401 with a problem and WWW-Authenticate")
    func anonymous() async throws {
        try await app(publicRead: false).test(.router) { client in
            try await client.execute(uri: "/schools?page=2", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?back=%2Fschools%3Fpage%3D2")
            }
            try await client.execute(uri: "/api/v1/schools", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"chengxiang\"")
                #expect(response.text.contains("请先登录"))
            }
            for open in ["/login", "/static/app.css", "/api/v1/openapi.json"] {
                try await client.execute(uri: open, method: .get) { #expect($0.status == .ok, "\(open)") }
            }
            // The router's own 404 carries the security headers too.
            try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: [.authorization: try bearer()]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
            }
            try await client.execute(uri: "/api/v1/schools", method: .get, headers: [.authorization: try bearer()]) { response in
                #expect(response.headers[.cacheControl] == "private, no-cache", "no shared proxy keeps a signed-in answer")
            }
        }
    }

    @Test(
        "signing in sets an HttpOnly, SameSite=Strict session cookie and a new CSRF token; the header names the user; signing out ends it")
    func signInAndOut() async throws {
        let store = try freshDemo()
        try ensureUser(store, "xiying", role: .townshipEditor, township: "西营镇")
        let settings = ServerSettings(secureCookies: true)
        try await Application(router: ChengxiangServer.router(workspace: Workspace(store: store), settings: settings)).test(.router) {
            client in
            let csrf = try await client.execute(uri: "/login", method: .get) { try #require($0.cookie("cx_csrf")) }
            let wrong = ByteBuffer(string: "csrf=\(csrf)&name=xiying&password=nope-nope&back=%2Ftasks")
            try await client.execute(uri: "/login", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf)"], body: wrong) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("用户名或密码不正确"))
                #expect(
                    response.text.contains("value=\"xiying\"") && !response.text.contains("nope-nope"),
                    "the name is kept, the password never")
                #expect(response.cookie("cx_session") == nil)
            }
            let right = ByteBuffer(string: "csrf=\(csrf)&name=xiying&password=\(testPassword)&back=%2Ftasks")
            let (session, newCSRF) = try await client.execute(
                uri: "/login", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf)"], body: right
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/tasks")
                let set = response.headers[values: .setCookie].first { $0.hasPrefix("cx_session=") } ?? ""
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Secure"))
                return (try #require(response.cookie("cx_session")), try #require(response.cookie("cx_csrf")))
            }
            #expect(newCSRF != csrf, "a token from before sign-in is worth nothing after it")
            let cookies = "cx_session=\(session); cx_csrf=\(newCSRF)"
            try await client.execute(uri: "/tasks", method: .get, headers: [.cookie: cookies]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("xiying · 乡镇编辑"))
                #expect(!response.text.contains("action=\"/tasks/T-EDU-01\""), "a township editor gets no task forms")
            }
            let stale = ByteBuffer(string: "csrf=\(newCSRF)")
            try await client.execute(uri: "/logout", method: .post, headers: form + [.cookie: cookies], body: stale) {
                #expect($0.status == .forbidden, "the double-submit token is not the session's")
            }
            let out = ByteBuffer(string: "csrf=\(formToken("cx_session=\(session)"))")
            try await client.execute(uri: "/logout", method: .post, headers: form + [.cookie: cookies], body: out) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/tasks", method: .get, headers: [.cookie: cookies]) { #expect($0.status == .seeOther) }
        }
    }

    @Test("after five failed sign-ins the name is locked: 429 even with the right password")
    func lockout() async throws {
        let store = try freshDemo()
        try ensureUser(store, "edu", role: .bureauEditor, bureau: .education)
        try await app(store).test(.router) { client in
            let csrf = try await client.execute(uri: "/login", method: .get) { try #require($0.cookie("cx_csrf")) }
            for attempt in 0..<5 {
                let body = ByteBuffer(string: "csrf=\(csrf)&name=edu&password=wrong-\(attempt)")
                try await client.execute(uri: "/login", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf)"], body: body) {
                    #expect($0.status == .unauthorized)
                }
            }
            let body = ByteBuffer(string: "csrf=\(csrf)&name=edu&password=\(testPassword)")
            try await client.execute(uri: "/login", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf)"], body: body) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.text.contains("登录失败次数过多"))
            }
        }
    }

    @Test(
        "through the API: 西营镇's editor writes 西营镇 (201), gets 403 for 天宁镇, a viewer 403, anyone else 401; refusals write nothing",
        arguments: TestBackend.available)
    func apiScope(backend: TestBackend) async throws {
        let store = try freshDemo(backend)
        let xiying = try bearer(store, "xiying", role: .townshipEditor, township: "西营镇")
        let viewer = try bearer(store, "reader", role: .viewer)
        let json: HTTPFields = [.contentType: "application/json"]
        try await app(store).test(.router) { client in
            let before = try store.dataStamp()
            try await client.execute(uri: "/api/v1/observations", method: .post, headers: json, body: observation("西营镇")) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/observations", method: .post,
                headers: json + [.authorization: "Bearer cxt_" + String(repeating: "a", count: 64)],
                body: observation("西营镇")
            ) { #expect($0.status == .unauthorized) }
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: json + [.authorization: xiying], body: observation("天宁镇")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("天宁镇") && response.text.contains("may change only data of 西营镇"))
            }
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: json + [.authorization: viewer], body: observation("西营镇")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/tasks/T-EDU-01", method: .put, headers: json + [.authorization: xiying],
                body: ByteBuffer(string: #"{"status":"done"}"#)
            ) {
                #expect($0.status == .forbidden)
            }
            #expect(try store.dataStamp() == before, "no refused request wrote anything")
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: json + [.authorization: xiying], body: observation("西营镇")
            ) { #expect($0.status == .created) }
        }
        let entry = try #require(try Workspace(store: store).register.auditLog(table: "observations", limit: 1).first)
        #expect(entry.actor == "api:xiying")
    }

    @Test("through the web form: 西营镇's editor sees only 西营镇 to choose and is refused 天宁镇 with 403", arguments: TestBackend.available)
    func formScope(backend: TestBackend) async throws {
        let store = try freshDemo(backend)
        let auth = try session(store, "xiying", role: .townshipEditor, township: "西营镇")
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/indicators", method: .get, headers: [.cookie: auth]) { $0.text }
            let csrf = formToken(auth)
            #expect(page.contains(csrf), "the page's forms carry the session's token")
            #expect(page.contains("<option value=\"西营镇\" data-tier=") && !page.contains("<option value=\"天宁镇\""))
            let before = try store.dataStamp()
            let refused = ByteBuffer(string: "csrf=\(csrf)&code=INS_WHEAT&area=%E5%A4%A9%E5%AE%81%E9%95%87&period=2024&value=50")
            try await client.execute(
                uri: "/indicators/record", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(auth)"], body: refused
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("只能修改西营镇及其村的数据"))
            }
            #expect(try store.dataStamp() == before)
            let accepted = ByteBuffer(string: "csrf=\(csrf)&code=INS_WHEAT&area=%E8%A5%BF%E8%90%A5%E9%95%87&period=2024&value=50")
            try await client.execute(
                uri: "/indicators/record", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(auth)"], body: accepted
            ) { #expect($0.status == .ok) }
        }
        #expect(try Workspace(store: store).register.auditLog(table: "observations", limit: 1).first?.actor == "web:xiying")
    }

    @Test("a viewer sees no write forms and no import page")
    func viewerPages() async throws {
        let store = try freshDemo()
        let auth = try session(store, "reader", role: .viewer)
        try await app(store).test(.router) { client in
            for path in ["/tasks", "/indicators", "/scenarios"] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: auth]) { response in
                    #expect(response.status == .ok)
                    #expect(
                        !response.text.contains("method=\"post\" action=\"/tasks/")
                            && !response.text.contains("action=\"/indicators/record\""))
                    #expect(!response.text.contains("href=\"/import\""), "\(path)")
                }
            }
            try await client.execute(uri: "/import", method: .get, headers: [.cookie: auth]) { #expect($0.text.contains("只能查看")) }
        }
    }

    @Test("mutated sign-in forms get a page or a refusal, never a server error, and write nothing")
    func fuzzSignIn() async throws {
        let store = try freshDemo()
        try ensureUser(store, "admin", role: .admin)
        try await app(store).test(.router) { client in
            let csrf = try await client.execute(uri: "/login", method: .get) { try #require($0.cookie("cx_csrf")) }
            let template = Data("csrf=\(csrf)&name=admin&password=\(testPassword)&back=%2Ftasks%3Fpage%3D2".utf8)
            var seen: [Int: Int] = [:]
            for index in 0..<300 {
                var mutator = Mutator(seed: UInt64(20_261_202 &+ index &* 104_729))
                let body = index == 0 ? template : mutator.mutate(template)
                let before = try store.dataStamp()
                try await client.execute(
                    uri: "/login", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf)"], body: ByteBuffer(bytes: body)
                ) {
                    response in
                    let code = Int(response.status.code)
                    seen[code, default: 0] += 1
                    #expect([303, 400, 401, 403, 413, 422, 429].contains(code), "input \(index) got \(code)")
                    if code == 303 {
                        #expect(
                            response.headers[.location]?.hasPrefix("/") == true && response.headers[.location]?.hasPrefix("//") == false)
                    }
                }
                #expect(try store.dataStamp() == before, "signing in writes no data")
            }
            #expect(seen[303] != nil && seen.keys.contains { $0 >= 400 }, "both outcomes occur: \(seen)")
        }
    }

    @Test("after a form post the language switch returns to the form's page, and an error page has a way back")
    func returnPaths() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let headers = signedForm(auth)
            let saved = ByteBuffer(string: "csrf=\(formToken(auth))&status=in_progress")
            try await client.execute(uri: "/tasks/T-EDU-04", method: .post, headers: headers, body: saved) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("href=\"/lang/en?back=%2Ftasks\""), "not back to the POST target")
            }
            let refused = ByteBuffer(string: "csrf=\(formToken(auth))&code=NOPE&area=x&period=2024&value=1")
            try await client.execute(uri: "/indicators/record", method: .post, headers: headers, body: refused) { response in
                #expect(response.text.contains("href=\"/lang/en?back=%2Findicators\""))
            }
            try await client.execute(uri: "/schools?page=2", method: .get, headers: [.cookie: auth]) { response in
                #expect(response.text.contains("href=\"/lang/en?back=%2Fschools%3Fpage%3D2\""))
            }
            // An unknown page is a page in the layout that names what is missing, with a way back.
            try await client.execute(uri: "/no-such-page", method: .get, headers: [.cookie: auth]) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("找不到该页面或记录：/no-such-page"))
                #expect(response.text.contains("<nav>") && response.text.contains("class=\"back\""))
            }
            try await client.execute(uri: "/api/v1/no-such-thing", method: .get, headers: [.cookie: auth]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            }
            // A refused form post offers the way back to its form.
            let stale = ByteBuffer(string: "csrf=0&status=done")
            try await client.execute(uri: "/tasks/T-EDU-04", method: .post, headers: headers, body: stale) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("<a href=\"/tasks\" class=\"back\">"))
            }
        }
    }

    @Test("the county map offers no toggle for an empty lines layer; a scenario's map does; the detail card can be closed")
    func mapControls() async throws {
        try await app().test(.router) { client in
            let county = try await client.execute(uri: "/map", method: .get) { $0.text }
            #expect(!county.contains("data-layer=\"lines\""))
            #expect(county.contains("data-close-text=\"关闭\""))
            let scenario = try await client.execute(uri: "/scenarios/2", method: .get) { $0.text }
            #expect(scenario.contains("layer-lines"))
        }
        let script = try await app().test(.router) { client in try await client.execute(uri: "/static/app.js", method: .get) { $0.text } }
        #expect(script.contains("evt.key === \"Escape\""), "Esc closes the card")
        #expect(script.contains("Math.min(40, Math.max(0.5, state.s * factor))"), "zoom is bounded")
        let style = try await app().test(.router) { client in try await client.execute(uri: "/static/app.css", method: .get) { $0.text } }
        let print = try #require(style.range(of: "@media print {").map { style[$0.upperBound...].prefix(120) })
        #expect(print.contains("form") && print.contains("header.top") && print.contains("button"), "printing shows no forms or controls")
    }

    @Test("a refused form keeps what was typed, and a refused task update names the task beside its card")
    func formsKeepInput() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let headers = signedForm(auth)
            let token = formToken(auth)
            let scenario = ByteBuffer(string: "csrf=\(token)&name=%E8%AF%95%E7%AE%97&model=pcenter&level=junior&p=999&maxWalk=2.5&keep=3")
            // p larger than the schools is found by the solver, in the background job: its page
            // shows the form again, filled in.
            let job = try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: scenario) { response in
                try #require(response.headers[.location])
            }
            var failed = false
            for _ in 0..<100 where !failed {
                try await Task.sleep(for: .milliseconds(50))
                failed = try await client.execute(
                    uri: "/api/v1/scenarios/jobs/\(job.split(separator: "/").last ?? "")", method: .get, headers: [.cookie: auth]
                ) {
                    $0.text.contains("\"failed\"")
                }
            }
            try await client.execute(uri: job, method: .get, headers: [.cookie: auth]) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(html.contains("name=\"name\" required=\"required\" value=\"试算\""))
                #expect(html.contains("value=\"pcenter\" selected=\"selected\"") && html.contains("value=\"junior\" selected=\"selected\""))
                #expect(
                    html.contains("value=\"999\"") && html.contains("value=\"2.5\"") && html.contains("value=\"3\" selected=\"selected\""))
            }
            let observation = ByteBuffer(string: "csrf=\(token)&code=INS_MAIZE&area=%E8%A5%BF%E8%90%A5%E9%95%87&period=2024&value=abc")
            try await client.execute(uri: "/indicators/record", method: .post, headers: headers, body: observation) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(
                    html.contains(/value="INS_MAIZE" data-tiers="[0-9 ]+" selected="selected"/)
                        && html.contains("value=\"西营镇\" data-tier=\"2\" selected=\"selected\""))
                #expect(html.contains("value=\"abc\"") && html.contains("value=\"2024\""))
            }
            let task = ByteBuffer(string: "csrf=\(token)&status=done&percent=150&evidence=%E5%B7%B2%E5%BC%80%E5%B7%A5")
            try await client.execute(uri: "/tasks/T-EDU-04", method: .post, headers: headers, body: task) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(html.contains("value=\"150\"") && html.contains("value=\"已开工\""), "the card shows what was typed")
                let card = try #require(html.range(of: "id=\"T-EDU-04\""))
                let note = try #require(html.range(of: "任务 T-EDU-04 未保存"))
                #expect(
                    card.lowerBound < note.lowerBound && html[card.lowerBound..<note.lowerBound].count < 100,
                    "the refusal sits in the task's card")
                #expect(html.contains("action=\"/tasks/T-EDU-04#T-EDU-04\""))
            }
        }
    }

    @Test("a school's change log names the fields changed with old and new values, in Beijing time, and the user")
    func changeLog() async throws {
        let store = try freshDemo()
        let workspace = Workspace(store: store)
        try ensureUser(store, "edu", role: .bureauEditor, bureau: .education)
        let editor = Principal(try #require(try workspace.accounts.accounts().first { $0.name == "edu" }).value, channel: .web)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cx-log-\(UUID().uuidString).csv")
        try Data("乡镇,学校名称,规模,在校人数,教职人数\n天宁,东雷庄学校,小学,9,3\n".utf8).write(to: file)
        _ = try workspace.imports(by: editor).importSchools(from: file)
        let school = try #require(try store.read { try $0.schools() }.first { $0.name == "东雷庄学校" })
        try await app(store).test(.router) { client in
            try await client.execute(uri: "/schools/\(school.id)", method: .get) { response in
                let html = response.text
                #expect(html.contains("在校人数：6 → 9"))
                #expect(html.contains("web:edu") && html.contains("修改"))
                #expect(!html.contains("township_id") && !html.contains("{&quot;"), "no raw JSON")
                #expect(html.range(of: #"\d{4}-\d\d-\d\d \d\d:\d\d<"#, options: .regularExpression) != nil, "minutes, no UTC stamp")
            }
        }
    }

    @Test("the task form sets owner and deadline; done with less than 100 % is refused")
    func taskOwnerAndDeadline() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let headers = signedForm(auth)
            let token = formToken(auth)
            let half = ByteBuffer(string: "csrf=\(token)&status=done&percent=50")
            try await client.execute(uri: "/tasks/T-EDU-04", method: .post, headers: headers, body: half) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("进度须为 100%"))
            }
            let owned = ByteBuffer(string: "csrf=\(token)&status=in_progress&percent=40&owner=%E6%95%99%E8%82%B2%E5%B1%80&deadline=2025-09")
            try await client.execute(uri: "/tasks/T-EDU-04", method: .post, headers: headers, body: owned) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("value=\"教育局\"") && response.text.contains("value=\"2025-09\""))
            }
        }
        let task = try #require(try store.read { try $0.tasks() }.first { $0.code == "T-EDU-04" })
        #expect(task.ownerUnit == "教育局" && task.deadline?.description == "2025-09" && !task.deadlineAssumed)
        #expect(task.status == .inProgress && task.percentComplete == 40)
    }

    @Test("a cached page is built per user: the administrator's forms never reach a viewer")
    func cachePerUser() async throws {
        let store = try freshDemo()
        let admin = try session(store, "boss", role: .admin)
        let viewer = try session(store, "reader", role: .viewer)
        try await app(store).test(.router) { client in
            let first = try await client.execute(uri: "/tasks", method: .get, headers: [.cookie: admin]) { $0.text }
            #expect(first.contains("action=\"/tasks/T-EDU-01#T-EDU-01\"") && first.contains("boss"))
            let second = try await client.execute(uri: "/tasks", method: .get, headers: [.cookie: viewer]) { $0.text }
            #expect(!second.contains("action=\"/tasks/") && second.contains("reader") && !second.contains("boss"))
        }
    }

    @Test("the account API refuses everyone but the administrator, and a refused change changes nothing")
    func accountAPIRefusals() async throws {
        let store = try freshDemo()
        let editor = try bearer(store, "edu", role: .bureauEditor, bureau: .education)
        let admin = try bearer(store, "boss", role: .admin)
        let json: HTTPFields = [.contentType: "application/json"]
        try await app(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/users", method: .get, headers: json + [.authorization: editor]) {
                #expect($0.status == .forbidden)
            }
            let new = ByteBuffer(string: #"{"name":"x1","role":"admin","password":"long-enough-1"}"#)
            try await client.execute(uri: "/api/v1/users", method: .post, headers: json + [.authorization: editor], body: new) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/users/boss/tokens", method: .delete, headers: json + [.authorization: editor]) {
                #expect($0.status == .forbidden)
            }
            // The last administrator cannot be disabled; the password in the same request is not set either.
            let before = try store.read { try $0.credentials(name: "boss") }?.passwordHash
            let both = ByteBuffer(string: #"{"password":"another-pass-1","disabled":true}"#)
            try await client.execute(uri: "/api/v1/users/boss", method: .patch, headers: json + [.authorization: admin], body: both) {
                #expect($0.status == .conflict)
            }
            #expect(try store.read { try $0.credentials(name: "boss") }?.passwordHash == before)
            try await client.execute(uri: "/api/v1/users", method: .get, headers: json + [.authorization: admin]) {
                #expect($0.status == .ok)
            }
            // A viewer's empty batch is still a viewer's write.
            let viewer = try bearer(store, "reader", role: .viewer)
            try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: json + [.authorization: viewer], body: ByteBuffer(string: "[]")
            ) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test("a signed-in page is answered while another process holds the register's write lock")
    func sessionDuringLongWrite() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cx-lock-\(UUID().uuidString).sqlite").path
        try DemoBuilder(workspace: Workspace(store: try RegisterStore(path: path))).build()
        let store = try RegisterStore(path: path, busyTimeout: 30)
        // A session opened two minutes ago is due for its once-a-minute mark, which is a write.
        try ensureUser(store, "admin", role: .admin)
        let (secret, _) = try Workspace(store: store).accounts.signIn(name: "admin", password: testPassword, now: Date() - 120)
        let auth = "cx_session=\(secret)"
        let holder = try RegisterStore(path: path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? holder.write(actor: "long import") { _ in
                locked.signal()
                release.wait()
            }
        }.start()
        locked.wait()
        defer { release.signal() }
        try await app(store).test(.router) { client in
            try await client.execute(uri: "/tasks", method: .get, headers: [.cookie: auth]) { response in
                #expect(response.status == .ok, "the session's bookkeeping waits, the page does not")
            }
        }
    }

    @Test("a staged upload is its uploader's: another user can neither see, commit nor cancel it")
    func stagedImportOwner() async throws {
        let store = try freshDemo()
        let mine = try bearer(store, "edu", role: .bureauEditor, bureau: .education)
        let theirs = try bearer(store, "boss", role: .admin)
        try await app(store).test(.router) { client in
            let staged = try await client.execute(
                uri: "/api/v1/imports?kind=schools&name=a.csv", method: .post, headers: [.contentType: "text/csv", .authorization: mine],
                body: ByteBuffer(string: "乡镇,学校名称,规模,在校人数,教职人数\n天宁,上传者学校,小学,40,5\n")
            ) { response in try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) }
            let token = try #require(staged["token"] as? String)
            let json: HTTPFields = [.contentType: "application/json"]
            try await client.execute(uri: "/api/v1/imports/\(token)", method: .get, headers: json + [.authorization: theirs]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/imports/\(token)/commit", method: .post, headers: json + [.authorization: theirs]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/imports/\(token)", method: .delete, headers: json + [.authorization: theirs]) { _ in }
            try await client.execute(uri: "/api/v1/imports/\(token)/commit", method: .post, headers: json + [.authorization: mine]) {
                #expect($0.status == .ok, "another user's cancel did not remove it")
            }
        }
        #expect(try store.read { try $0.schools() }.contains { $0.name == "上传者学校" })
    }

    @Test("the schools page offers the diagnosis as CSV, the same table the command line writes")
    func schoolsCSV() async throws {
        let expected = TableExport.schoolDiagnosis(try Workspace(store: demoForServer).diagnostics.schoolDiagnostics().schools, .zh)
        try await app().test(.router) { client in
            #expect(try await client.execute(uri: "/schools", method: .get) { $0.text }.contains("href=\"/schools.csv\""))
            try await client.execute(uri: "/schools.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let text = response.text
                #expect(text.hasPrefix("\u{FEFF}乡镇,") && text.contains("东雷庄学校") && text.contains("\r\n"))
                #expect(text == expected)
            }
            try await client.execute(uri: "/schools.csv", method: .get, headers: [.cookie: "cx_lang=en"]) {
                #expect($0.text.hasPrefix("\u{FEFF}Township,"))
            }
        }
        try await app(publicRead: false).test(.router) { client in
            try await client.execute(uri: "/schools.csv", method: .get) { #expect($0.status == .seeOther, "behind sign-in like the page") }
            try await client.execute(uri: "/schools.xlsx", method: .get) { #expect($0.status == .seeOther) }
        }
    }

    @Test("the indicators and tasks pages offer the monitoring report as Excel, PDF and a printable page, and a print button")
    func reportDownloads() async throws {
        try await app().test(.router) { client in
            for page in ["/indicators", "/tasks"] {
                let html = try await client.execute(uri: page, method: .get) { $0.text }
                #expect(
                    html.contains("href=\"/report.xlsx\"") && html.contains("href=\"/report.pdf\"") && html.contains("data-print"),
                    "\(page)")
            }
            try await client.execute(uri: "/report.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains(".xlsx") == true)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a ZIP (XLSX) file")
            }
            try await client.execute(uri: "/report.html", method: .get) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("交城县") && response.headers[.contentDisposition] == nil)
            }
            try await client.execute(uri: "/report.pdf", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(4)) == Array("%PDF".utf8))
            }
        }
    }

    @Test("the import page offers an empty template per kind; a filled school template imports")
    func templates() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        try await app(store).test(.router) { client in
            let page = try await client.execute(uri: "/import", method: .get, headers: [.cookie: auth]) { $0.text }
            for kind in ["schools", "divisions", "observations", "tasks"] {
                #expect(page.contains("href=\"/templates/\(kind).xlsx\"") && page.contains("href=\"/templates/\(kind).csv\""), "\(kind)")
                try await client.execute(uri: "/templates/\(kind).xlsx", method: .get, headers: [.cookie: auth]) {
                    #expect(Array($0.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "\(kind)")
                }
            }
            let template = try await client.execute(uri: "/templates/schools.csv", method: .get, headers: [.cookie: auth]) { $0.text }
            #expect(template.hasPrefix("\u{FEFF}乡镇,学校名称,规模,在校人数,教职人数"))
            let filled = FileManager.default.temporaryDirectory.appendingPathComponent("cx-template-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: filled) }
            let row = "西营,模板学校,小学,40,5" + String(repeating: ",", count: template.split(separator: ",").count - 5)
            try Data((template + row + "\r\n").utf8).write(to: filled)
            let summary = try Workspace(store: store).imports(by: .system("test")).commit(.schools, file: filled)
            #expect(summary.rowsRead == 1)
        }
    }

    @Test(
        "a school's figures are edited on its page: checked like an import row (every bad field listed, input kept), audited, and only by whom may"
    )
    func schoolEdit() async throws {
        let store = try freshDemo()
        let admin = try session(store)
        let xiying = try session(store, "xiying", role: .townshipEditor, township: "西营镇")
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await app(store).test(.router) { client in
            #expect(
                try await client.execute(uri: "/schools/1", method: .get, headers: [.cookie: admin]) { $0.text }.contains(
                    "action=\"/schools/1\""))
            // 东雷庄学校 is in 天宁镇: 西营镇's editor gets no form and is refused.
            #expect(
                !(try await client.execute(uri: "/schools/1", method: .get, headers: [.cookie: xiying]) { $0.text }.contains(
                    "action=\"/schools/1\"")))
            let xiyingCSRF = formToken(xiying)
            try await client.execute(
                uri: "/schools/1", method: .post, headers: form + [.cookie: "cx_csrf=\(xiyingCSRF); \(xiying)"],
                body: ByteBuffer(string: "csrf=\(xiyingCSRF)&students=7&staff=3")
            ) { #expect($0.status == .forbidden) }
            let csrf = formToken(admin)
            let before = try store.dataStamp()
            try await client.execute(
                uri: "/schools/1", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(admin)"],
                body: ByteBuffer(string: "csrf=\(csrf)&students=abc&staff=-3&dataYear=1800&note=keep")
            ) { response in
                #expect(response.status != .seeOther && response.status != .ok)
                let html = response.text
                #expect(html.contains("「abc」应为整数") && html.contains("「-3」为负数") && html.contains("「1800」不是有效年份"))
                #expect(html.contains("value=\"abc\"") && html.contains("value=\"keep\""), "the input is kept")
            }
            #expect(try store.dataStamp() == before, "a refused edit writes nothing")
            try await client.execute(
                uri: "/schools/1", method: .post, headers: form + [.cookie: "cx_csrf=\(csrf); \(admin)"],
                body: ByteBuffer(string: "csrf=\(csrf)&students=7&staff=3&landMu=2.5&dataYear=2024&note=")
            ) { #expect($0.status == .seeOther) }
            let school = try #require(try store.read { try $0.school(id: School.ID(1)) })
            #expect(school.students == 7 && school.landMu == 2.5 && school.dataYear == 2024 && school.note == nil)
            let entry = try #require(try Workspace(store: store).register.auditLog(table: "schools", limit: 1).first)
            #expect(entry.actor == "web:admin" && entry.action == "update")
        }
    }

    @Test("recording a value where one was recorded before says so, with both values; the audit log keeps both")
    func replacedValue() async throws {
        let store = try freshDemo()
        let auth = try session(store)
        let csrf = formToken(auth)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "cx_csrf=\(csrf); \(auth)"]
        let area = "%E8%A5%BF%E8%90%A5%E9%95%87"  // 西营镇
        try await app(store).test(.router) { client in
            for (value, replaced) in [("50", false), ("60", true)] {
                let body = ByteBuffer(string: "csrf=\(csrf)&code=INS_WHEAT&area=\(area)&period=2024&value=\(value)")
                try await client.execute(uri: "/indicators/record", method: .post, headers: form, body: body) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("2024 的原值 50 已替换为 60") == replaced, "\(value)")
                }
            }
        }
        let log = try Workspace(store: store).register.auditLog(table: "observations", limit: 2)
        #expect(log.map(\.action) == ["update", "insert"])
        #expect(log[0].before?.contains("50") == true && log[0].after?.contains("60") == true)
    }

    @Test("the school table also downloads as CSV in GBK (no BOM) and as an XLSX workbook with Chinese headers and numbers as numbers")
    func schoolsGBKAndXLSX() async throws {
        try await app().test(.router) { client in
            let page = try await client.execute(uri: "/schools", method: .get) { $0.text }
            #expect(page.contains("href=\"/schools.xlsx\"") && page.contains("href=\"/schools.csv?encoding=gbk\""))
            try await client.execute(uri: "/schools.csv?encoding=gbk", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=gb18030")
                let bytes = Array(response.body.readableBytesView)
                // 乡镇 in GBK is CF E7 D5 F2; no UTF-8 BOM.
                #expect(Array(bytes.prefix(5)) == [0xCF, 0xE7, 0xD5, 0xF2, 0x2C])
            }
            try await client.execute(uri: "/schools.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("cx-\(UUID().uuidString).xlsx")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data(response.body.readableBytesView).write(to: file)
                let archive = try Archive(url: file, accessMode: .read)
                func part(_ path: String) throws -> String {
                    var data = Data()
                    _ = try archive.extract(try #require(archive[path]), consumer: { data.append($0) })
                    return String(decoding: data, as: UTF8.self)
                }
                let strings = try part("xl/sharedStrings.xml")
                #expect(strings.contains("乡镇") && strings.contains("东雷庄学校"))
                let sheet = try part("xl/worksheets/sheet1.xml")
                #expect(sheet.contains("<v>716</v>"), "students are numbers, not text")
            }
        }
    }
}
