import Foundation
import Services
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe` (fd 3
/// in, fd 4 out, messages ended by NUL): what the command-line flags cannot do, such as a phone's
/// 390 px viewport (a headless window is never narrower than 500 px).
final class DevTools {
    private var pid: pid_t = 0
    private let input: Int32
    private let output: Int32
    private var buffer = Data()
    private var nextID = 0
    private let profile: URL

    init() throws {
        let executable = try #require(ReportService.chromium(), "chromium is not installed (make test installs it)").path
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("cx-cdp-\(UUID().uuidString)")
        var toChrome: [Int32] = [0, 0]
        var fromChrome: [Int32] = [0, 0]
        guard pipe(&toChrome) == 0, pipe(&fromChrome) == 0 else { throw CDPError.message("pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChrome[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromChrome[1], 4)
        let devNull = open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        guard posix_spawn(&pid, executable, &actions, nil, &argv, environ) == 0 else { throw CDPError.message("spawn") }
        close(toChrome[0])
        close(fromChrome[1])
        close(devNull)
        input = toChrome[1]
        output = fromChrome[0]
    }

    deinit {
        close(input)
        close(output)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    enum CDPError: Error { case message(String) }

    /// Sends a command and returns its result, skipping events (or stopping at `until`, an event's
    /// method, after the answer).
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, until event: String? = nil) throws
        -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        _ = data.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        var result: [String: Any]?
        var sawEvent = event == nil
        while result == nil || !sawEvent {
            let reply = try read()
            if reply["id"] as? Int == id {
                if let error = reply["error"] { throw CDPError.message("\(method): \(error)") }
                result = reply["result"] as? [String: Any] ?? [:]
            } else if let event, reply["method"] as? String == event {
                sawEvent = true
            }
        }
        return result ?? [:]
    }

    private func read() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                return (try JSONSerialization.jsonObject(with: message) as? [String: Any]) ?? [:]
            }
            // A browser that says nothing for a minute fails the test instead of hanging it.
            var ready = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 60_000) > 0 else { throw CDPError.message("chromium did not answer in 60 s") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = Glibc.read(output, &chunk, chunk.count)
            guard count > 0 else { throw CDPError.message("chromium closed the pipe") }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Opens `url` in a page `width` pixels wide (a phone's viewport when `mobile`) and returns the
    /// value of `expression` once the page has loaded. `media` emulates a CSS media type ("print":
    /// the print preview's styles); `screenshot` saves the viewport as a PNG.
    func evaluate(_ url: String, width: Int, mobile: Bool, media: String? = nil, screenshot: URL? = nil, _ expression: String) throws
        -> Any?
    {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        let targetID = try #require(target["targetId"] as? String)
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        let session = try #require(attached["sessionId"] as? String)
        try send(
            "Emulation.setDeviceMetricsOverride", ["width": width, "height": 844, "deviceScaleFactor": 1, "mobile": mobile],
            session: session)
        if let media { try send("Emulation.setEmulatedMedia", ["media": media], session: session) }
        try send("Page.enable", session: session)
        try send("Page.navigate", ["url": url], session: session, until: "Page.loadEventFired")
        let value = try send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], session: session)
        if let screenshot {
            let shot = try send("Page.captureScreenshot", ["format": "png"], session: session)
            let data = try #require((shot["data"] as? String).flatMap { Data(base64Encoded: $0) })
            try data.write(to: screenshot)
        }
        try send("Target.closeTarget", ["targetId": targetID])
        return (value["result"] as? [String: Any])?["value"]
    }
}
