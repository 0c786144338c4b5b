import ArgumentParser
import Foundation
import Hummingbird
import Server
import Store

/// `chengxiang serve`: the web pages and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页界面与 JSON 接口 · Serve the web pages and the JSON API.",
        discussion: """
            默认只监听本机 127.0.0.1；在政务内网中共享时用 --host 0.0.0.0。页面所需的 CSS、JS 由程序自身提供，无需外网。
            接口说明：/api/v1/openapi.json
            Listens on 127.0.0.1 unless told otherwise. Everything the pages need is served by the program: it works offline.
            Example:
              chengxiang serve --database chengxiang.sqlite --port 8080
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "监听地址 · Address to listen on.") var host = "127.0.0.1"
    @Option(help: "端口 · Port.") var port = 8080

    func run() async throws {
        try await reportingFailures {
            try await Self.serve(store: try options.openExisting(), host: host, port: port)
        }
    }

    /// Runs the server until interrupted, printing its address once it listens.
    static func serve(store: RegisterStore, host: String, port: Int) async throws {
        let app = ChengxiangServer.application(store: store, settings: ServerSettings(host: host, port: port)) { bound in
            print("网页界面 web UI: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(bound)/  （Ctrl-C 退出 · to stop）")
            fflush(nil)
        }
        try await app.runService()
    }
}
