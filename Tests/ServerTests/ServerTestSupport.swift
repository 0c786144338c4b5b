import Demo
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Services
import Store
import Testing

/// A demo register built once for the read-only server tests.
let demoForServer: RegisterStore = {
    do {
        return try freshDemo()
    } catch {
        fatalError("the demo does not build: \(error)")
    }
}()

/// A fresh demo register for tests that write.
func freshDemo() throws -> RegisterStore {
    let store = try RegisterStore()
    try DemoBuilder(workspace: Workspace(store: store)).build()
    return store
}

/// An application over a store, for `app.test(.router)`.
func app(_ store: RegisterStore = demoForServer, maxUpload: Int = 20 << 20) -> some ApplicationProtocol {
    Application(router: ChengxiangServer.router(workspace: Workspace(store: store), settings: ServerSettings(maxUploadBytes: maxUpload)))
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The value of a Set-Cookie header's cookie.
    func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix("\(name)=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}
