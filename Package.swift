// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "attributed",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "attributed", targets: ["attributed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libmicrohttpd itself, found through pkg-config.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        // zlib (gzip content coding), found through pkg-config like libmicrohttpd; its init macros wrapped in shim.h.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libcrypto (OpenSSL 3) for API tokens: SHA-256, constant-time comparison and random secrets.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The CPU's prefetch hint (one static inline function in shim.h), which Swift cannot express.
        .systemLibrary(name: "CPrefetch"),
        // glibc's memmem (declared in shim.h), which Swift's Glibc module leaves out: the quote search.
        .systemLibrary(name: "CStringSearch"),
        // One-line C wrappers for what Swift cannot call (variadics, unions, function-pointer options).
        .target(name: "CMicroHTTPDShim", dependencies: ["CMicroHTTPD"]),
        // Pure Swift: model, validation, immutable store, queries, router and handlers. No sockets; no C but zlib
        // (so that a handler's gzip response is as testable as any other), libcrypto (token hashes, so that
        // authentication is tested without a server), the prefetch hint and memmem.
        .target(
            name: "AttributedCore",
            dependencies: ["CZlib", "CCrypto", "CPrefetch", "CStringSearch"],
            resources: [.copy("Resources/Seed"), .copy("Resources/Explorer")],
            plugins: ["BundleOpenAPISpecification"]
        ),
        .plugin(name: "BundleOpenAPISpecification", capability: .buildTool()),
        // Bridges libmicrohttpd's callbacks to AttributedCore and owns the daemon's lifecycle.
        .target(name: "AttributedServer", dependencies: ["AttributedCore", "CMicroHTTPDShim", "CMicroHTTPD"]),
        .executableTarget(
            name: "attributed",
            dependencies: [
                "AttributedCore", "AttributedServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AttributedCoreTests", dependencies: ["AttributedCore", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AttributedAPITests", dependencies: ["AttributedCore"]),
        .testTarget(name: "AttributedServerTests", dependencies: ["AttributedServer", "AttributedCore", "CMicroHTTPD", "attributed"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Tests/Fuzz/run.sh, `make fuzz`). They call libFuzzer's driver, so they link only when built with
// `-sanitize=fuzzer`: declared only when ATTRIBUTED_FUZZ=1, so a plain `swift build` neither builds nor breaks on them.
if Context.environment["ATTRIBUTED_FUZZ"] == "1" {
    // What the targets share: libFuzzer's driver, requests and query strings made from fuzz bytes, the checks.
    package.targets += [
        .target(name: "CFuzzerDriver", path: "Sources/Fuzz/CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["AttributedCore", "CFuzzerDriver"], path: "Sources/Fuzz/Support"),
    ]
    for name in ["JSONParser", "DatasetLoader", "QueryString", "Router"] {
        package.targets.append(.executableTarget(
            name: "Fuzz\(name)", dependencies: ["AttributedCore", "FuzzSupport"], path: "Sources/Fuzz/\(name)"
        ))
        package.products.append(.executable(name: "Fuzz\(name)", targets: ["Fuzz\(name)"]))
    }
}

