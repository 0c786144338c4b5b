import Domain
import Foundation
import Hummingbird
import NIOPosix
import Services
import Store
import Testing

@testable import Server

/// Runs the real server on a free loopback port for the duration of `body`.
func withLiveServer(
    _ store: RegisterStore = demoForServer, settings: ServerSettings = ServerSettings(publicRead: true), _ body: (Int) async throws -> Void
) async throws {
    // Event loops of its own: the shared ones also serve every other test's servers, and under the
    // full suite a request once waited there longer than the test's 10 s read timeout (CI,
    // 2026-12-07), which says nothing about the server under test.
    let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    var settings = settings
    settings.port = 0
    let app = try ChengxiangServer.application(
        AppState(workspace: Workspace(store: store), settings: settings), eventLoops: .shared(loops)
    ) { continuation.yield($0) }
    let server = Task { try await app.runService() }
    do {
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(port)
    } catch {
        server.cancel()
        _ = try? await server.value
        try? await loops.shutdownGracefully()
        throw error
    }
    server.cancel()
    _ = try? await server.value
    try await loops.shutdownGracefully()
}

/// Runs headless Chromium from Debian with the given arguments and returns its standard output.
func chromium(_ arguments: [String]) throws -> String {
    let executable = try #require(ReportService.chromium(), "chromium is not installed (make test installs it)")
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cx-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    return try runProgram(
        executable, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)"] + arguments
    ).output
}

/// Width and height from a PNG's header.
func pngSize(_ data: Data) -> (Int, Int)? {
    guard data.count > 24, data.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
    func int(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (int(16), int(20))
}

@Suite("A real browser: headless Chromium loads the pages from a running server", .serialized)
struct BrowserTests {
    @Test(
        "the DOM holds the school names and flags, and the screenshot is not blank",
        arguments: [
            ("/", ["东雷庄学校", "交城县西营学校", "缺编"]), ("/map", ["交城县西营学校", "layer-schools", "示意"]),
            ("/schools", ["交城县杜家庄学校", "小规模", "超编", "缺编"]), ("/scenarios?compare=1,2", ["方案甲", "方案乙", "方案对比"]),
            ("/scenarios/2", ["城区寄宿制示范小学（规划）", "layer-lines"]),
        ])
    func page(path: String, expected: [String]) async throws {
        try await withLiveServer(demoForServer) { port in
            let url = "http://127.0.0.1:\(port)\(path)"
            let dom = try chromium(["--virtual-time-budget=3000", "--dump-dom", url])
            for text in expected { #expect(dom.contains(text), "\(path): \(text) not in the DOM") }
            let shot = FileManager.default.temporaryDirectory.appendingPathComponent("cx-shot-\(UUID().uuidString).png")
            defer { try? FileManager.default.removeItem(at: shot) }
            _ = try chromium(["--window-size=1280,800", "--screenshot=\(shot.path)", url])
            let png = try Data(contentsOf: shot)
            #expect(pngSize(png).map { $0 == (1280, 800) } == true)
            #expect(png.count > 20_000, "\(path): a \(png.count)-byte screenshot looks blank")
        }
    }
}

@Suite("The map zooms in a real browser", .serialized)
struct MapZoomTests {
    @Test("zoomed four times: the map's group is scaled, markers and labels keep their screen size, the scale bar is redrawn")
    func zoom() async throws {
        try await withLiveServer(demoForServer) { port in
            let plain = try await onOwnThread {
                try chromium(["--window-size=1280,900", "--virtual-time-budget=3000", "--dump-dom", "http://127.0.0.1:\(port)/map"])
            }
            let zoomed = try await onOwnThread {
                try chromium(["--window-size=1280,900", "--virtual-time-budget=3000", "--dump-dom", "http://127.0.0.1:\(port)/map#zoom=4"])
            }
            #expect(zoomed.contains(/id="viewport" transform="translate\([-0-9.e]+ [-0-9.e]+\) scale\(4\)"/))
            // A marker of radius r is drawn at r/4 in the zoomed group: r pixels on the screen still.
            let radii = zoomed.matches(of: /<circle[^>]* r="([0-9.]+)"[^>]*data-r0="([0-9.]+)"/).map {
                (Double($0.1) ?? 0, Double($0.2) ?? 0)
            }
            #expect(!radii.isEmpty && radii.allSatisfy { abs($0.0 * 4 - $0.1) < 0.01 }, "\(radii.prefix(3))")
            let bar = { (dom: String) in dom.firstMatch(of: /id="scale-bar"[^>]*>.*?<\/text><text[^>]*>([^<]+)<\/text>/)?.1 }
            #expect(
                bar(plain) != nil && bar(zoomed) != nil && bar(plain) != bar(zoomed),
                "\(String(describing: bar(plain))) → \(String(describing: bar(zoomed)))")
            #expect(
                zoomed.contains(
                    /<text x="[0-9.]+" y="[0-9.]+" data-x="[^"]+" data-y="[^"]+" data-r="[^"]+" fill="#222" font-size="3"[^>]*>/))
        }
    }
}

/// Every page at a desktop's 1280 px, in both languages: nothing wider than the window. The page's
/// script writes its laid-out width into the DOM (`data-layout-width` on the root element), which
/// `--dump-dom` returns. (The phone's 390 px needs device emulation: `PhoneLayoutTests`.)
@Suite("Every page fits the window at 1280 px, Chinese and English", .serialized)
struct LayoutTests {
    static let pages = [
        "/", "/map", "/schools", "/schools/1", "/scenarios", "/scenarios/1", "/scenarios/2", "/scenarios?compare=1,2", "/indicators",
        "/tasks", "/tasks?bureau=education", "/search?q=%E8%A5%BF%E8%90%A5", "/login", "/no-such-page",
    ]

    @Test("no page is wider than the window", arguments: [1280])
    func fits(width: Int) async throws {
        try await withLiveServer(demoForServer) { port in
            for language in ["zh", "en"] {
                for page in Self.pages {
                    let separator = page.contains("?") ? "&" : "?"
                    let url = "http://127.0.0.1:\(port)\(page)\(separator)lang=\(language)"
                    let dom = try await onOwnThread {
                        try chromium(["--window-size=\(width),900", "--virtual-time-budget=3000", "--dump-dom", url])
                    }
                    let measured = dom.firstMatch(of: /data-layout-width="(\d+)"/).flatMap { Int($0.1) }
                    #expect(measured != nil, "\(page) \(language): the page's script did not run")
                    #expect((measured ?? .max) <= width, "\(page) \(language) at \(width) px is \(measured ?? -1) px wide")
                }
            }
        }
    }
}

/// Every page on a phone: a 390 px viewport (emulated through the DevTools protocol), both
/// languages, nothing wider than the screen.
@Suite("Every page fits a 390 px phone, Chinese and English", .serialized)
struct PhoneLayoutTests {
    @Test("no page is wider than a 390 px phone")
    func phone() async throws {
        try await withLiveServer(demoForServer) { port in
            let widths = try await onOwnThread { () -> [String] in
                let browser = try DevTools()
                var wide: [String] = []
                for language in ["zh", "en"] {
                    for page in LayoutTests.pages {
                        let separator = page.contains("?") ? "&" : "?"
                        let url = "http://127.0.0.1:\(port)\(page)\(separator)lang=\(language)"
                        let value = try browser.evaluate(url, width: 390, mobile: true, "document.documentElement.scrollWidth")
                        let width = (value as? Int) ?? (value as? Double).map { Int($0) } ?? -1
                        if width < 0 || width > 390 { wide.append("\(page) \(language): \(width) px") }
                    }
                }
                return wide
            }
            #expect(widths.isEmpty, "\(widths)")
        }
    }
}
