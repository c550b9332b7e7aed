import AttributedCore
import AttributedServer
import Foundation

/// The real daemon, in process, on 127.0.0.1 and a free port; stopped when the test lets go of it.
final class LiveServer {
    static let api = API(openAPISpecification: BundledResources.openAPISpecification())
    static let seed: Store = {
        do { return Store(try DatasetLoader.load(path: BundledResources.seedDatasetPath!)) } catch {
            fatalError("the seed dataset must load: \(error)")
        }
    }()

    let server: HTTPServer
    var port: UInt16 { server.port }

    init(store: Store? = LiveServer.seed, threads: Int = 2,
         connectionLimitPerIP: Int = ServerConfiguration.defaultConnectionLimitPerIP) throws {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, threads: threads,
                                                connectionLimitPerIP: connectionLimitPerIP)
        server = try HTTPServer(configuration: configuration,
                                api: API(openAPISpecification: BundledResources.openAPISpecification()))
        if let store { try server.serve(store) }
    }

    func client() throws -> RawHTTPClient { try RawHTTPClient(port: port) }

    deinit { server.shutdown(drainTimeout: 1) }
}
