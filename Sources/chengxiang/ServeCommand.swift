import ArgumentParser
import Foundation
import Hummingbird
import Localization
import Server
import Services

/// `chengxiang serve`: the web pages and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: text(.cmdServe), discussion: text(.cmdServeDiscussion))

    @OptionGroup var options: GlobalOptions
    @Option(help: help(.optHost)) var host = "127.0.0.1"
    @Option(help: help(.optPort)) var port = 8080
    @Option(name: .customLong("allow-host"), help: help(.optAllowHost)) var allowedHosts: [String] = []
    @Flag(name: .customLong("public-read"), help: help(.optPublicRead)) var publicRead = false
    @Flag(name: .customLong("behind-https"), help: help(.optBehindHTTPS)) var behindHTTPS = false
    @Option(name: .customLong("tls-cert"), help: help(.optTLSCert)) var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: help(.optTLSKey)) var tlsKey: String?

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError(text(.optTLSBoth)) }
    }

    func run() async throws {
        try await reportingFailures {
            let tls = try tlsCertificate.flatMap { certificate in
                try tlsKey.map { (try inputFile(certificate).path, try inputFile($0).path) }
            }
            let settings = ServerSettings(
                host: host, port: port, allowedHosts: allowedHosts, publicRead: publicRead, secureCookies: behindHTTPS, tls: tls)
            try await Self.serve(workspace: try options.workspace(), settings: settings, language: options.language)
        }
    }

    /// Runs the server until interrupted, printing its address once it listens.
    static func serve(workspace: Workspace, settings: ServerSettings, language: Language) async throws {
        let host = settings.host
        try await ChengxiangServer.run(workspace: workspace, settings: settings) { bound in
            print(
                L10n.text(.serveListening, language, host == "0.0.0.0" ? "127.0.0.1" : host, bound, settings.tls == nil ? "http" : "https"))
            fflush(nil)
        }
    }
}
