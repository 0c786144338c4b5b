/// How the web server listens and what it accepts.
public struct ServerSettings: Sendable {
    /// The address to bind: loopback unless told otherwise.
    public var host: String
    public var port: Int
    /// The largest upload accepted, in bytes.
    public var maxUploadBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 20 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
    }
}
