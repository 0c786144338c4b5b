import Foundation
public import Services

/// How the web server listens and what it accepts.
public struct ServerSettings: Sendable {
    /// The address to bind: loopback unless told otherwise.
    public var host: String
    public var port: Int
    /// The largest upload accepted, in bytes.
    public var maxUploadBytes: Int
    /// Host names (or addresses) a request may be addressed to, besides loopback and the
    /// addresses the server listens on. A request naming any other host is refused, so a page on
    /// another site cannot reach this server through DNS rebinding.
    public var allowedHosts: [String]
    /// How long a connection may stay silent, or take to send its request head, before it is closed.
    public var idleTimeout: Duration
    /// How long an uploaded file waits for "commit" or "cancel" before it is discarded.
    public var stagingLifetime: Duration
    /// Whether anonymous visitors may read (GET) pages and the API; writes always need a user.
    public var publicRead: Bool
    /// Whether the session cookie is marked `Secure` (served over HTTPS, or behind a gateway that is).
    public var secureCookies: Bool
    /// How long a sign-in lasts.
    public var sessionPolicy: AccountService.SessionPolicy
    /// A certificate chain and private key (PEM files) to serve HTTPS itself, for a county without
    /// an HTTPS gateway; nil serves plain HTTP. With them the session cookie is always `Secure`.
    public var tls: (certificate: String, key: String)?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 20 * 1024 * 1024, allowedHosts: [String] = [],
        idleTimeout: Duration = .seconds(30), stagingLifetime: Duration = .seconds(3600), publicRead: Bool = false,
        secureCookies: Bool = false, sessionPolicy: AccountService.SessionPolicy = .init(),
        tls: (certificate: String, key: String)? = nil
    ) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.allowedHosts = allowedHosts
        self.idleTimeout = idleTimeout
        self.stagingLifetime = stagingLifetime
        self.publicRead = publicRead
        self.secureCookies = secureCookies || tls != nil
        self.sessionPolicy = sessionPolicy
        self.tls = tls
    }

    /// Every host name a request may carry: loopback, the bound address, the configured names, and
    /// — when listening on every interface — this machine's name and addresses.
    public var acceptedHosts: Set<String> {
        var hosts: Set<String> = ["localhost", "127.0.0.1", "::1"]
        hosts.insert(host.lowercased())
        for name in allowedHosts { hosts.insert(name.lowercased()) }
        if host == "0.0.0.0" || host == "::" {
            hosts.insert(ProcessInfo.processInfo.hostName.lowercased())
            hosts.formUnion(Self.interfaceAddresses())
        }
        return hosts
    }

    /// The addresses of this machine's network interfaces.
    static func interfaceAddresses() -> Set<String> {
        var result: Set<String> = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return result }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if let address = entry.pointee.ifa_addr {
                var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                let length = socklen_t(
                    address.pointee.sa_family == sa_family_t(AF_INET6) ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
                if [sa_family_t(AF_INET), sa_family_t(AF_INET6)].contains(address.pointee.sa_family),
                    getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
                {
                    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    result.insert(String(text.split(separator: "%").first ?? Substring(text)).lowercased())
                }
            }
            cursor = entry.pointee.ifa_next
        }
        return result
    }

    /// The host part of a Host header: `name:8080` → `name`, `[::1]:8080` → `::1`.
    static func hostName(_ header: String) -> String {
        let text = header.lowercased()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { return String(text[text.index(after: text.startIndex)..<close]) }
        return String(text.split(separator: ":", maxSplits: 1).first ?? Substring(text))
    }
}
