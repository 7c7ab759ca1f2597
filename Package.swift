// swift-tools-version:6.2
import PackageDescription

// Arrows point one way: wblmatch → WebApp / MatchRuns → Jobs, Mail, Reports, Store → Placement → MatchingEngine.
// Database sits under Store, Jobs and Mail and knows nothing of the domain.
let package = Package(
    name: "WBLMatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wblmatch", targets: ["wblmatch"]),
        .executable(name: "DatabaseBenchmark", targets: ["DatabaseBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Pure core
        .target(name: "MatchingEngine"),
        .target(name: "Placement", dependencies: ["MatchingEngine"]),
        .executableTarget(name: "EligibilityBench", dependencies: ["Placement", "MatchingEngine"]),   // scripts/bench eligibility

        // PostgreSQL
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Database", dependencies: ["CLibPQ", "CCrypto", .product(name: "Logging", package: "swift-log")]),
        // Intake: CSV reading/writing and validation shared by import, web forms and the JSON API (pure).
        // Work split across the cores (pure; Dispatch only).
        .target(name: "Parallel"),
        .target(name: "Intake", dependencies: ["Parallel"]),
        .target(name: "Store", dependencies: ["Database", "Placement", "Intake", "Parallel"]),
        // sql/*.sql compiled into the binary: the EmbedSQL plugin generates `EmbeddedMigrations.all`.
        .target(name: "Migrations", dependencies: ["Database"], exclude: ["sql"], plugins: ["EmbedSQL"]),
        .executableTarget(name: "EmbedSQLTool"),
        .plugin(name: "EmbedSQL", capability: .buildTool(), dependencies: ["EmbedSQLTool"]),
        .executableTarget(name: "DatabaseBenchmark", dependencies: ["Database"]),  // scripts/bench db

        // Edges
        .target(name: "Jobs", dependencies: [
            "Database",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "Mail", dependencies: ["CCurl", "Database", "Jobs", .product(name: "Logging", package: "swift-log")]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Reports", dependencies: ["Placement", "Parallel", "CZlib"],
                resources: [.copy("Templates")]),
        .target(name: "MatchRuns", dependencies: ["Store", "Jobs", "Mail", "Reports", "Placement", "MatchingEngine", "Parallel"]),

        .target(name: "WebApp", dependencies: [
            "Store", "Database", "Placement", "Intake", "Jobs", "MatchRuns", "Reports", "Mail",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ], resources: [.copy("Templates"), .copy("Assets")]),

        .executableTarget(name: "wblmatch", dependencies: [
            "MatchingEngine", "Placement", "Database", "Migrations", "Intake", "Store", "Jobs", "Mail", "Reports", "MatchRuns", "WebApp",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // Benchmark driver for scripts/bench.d/engine (instance generator, engine timing).
        .executableTarget(name: "engine-bench", dependencies: ["MatchingEngine"]),

        // Tests: one target per library, plus shared helpers (a fresh database per test, fixtures).
        .target(name: "TestSupport", dependencies: ["Database", "Migrations"], path: "Tests/TestSupport"),
        .testTarget(name: "MatchingEngineTests", dependencies: ["MatchingEngine"]),
        .testTarget(name: "PlacementTests", dependencies: ["Placement"]),
        .testTarget(name: "DatabaseTests", dependencies: ["Database", "Migrations", "TestSupport"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "MatchingEngine"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Intake", "Database", "TestSupport", "MatchingEngine"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "Database", "Migrations", "TestSupport"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        // The Mustache library renders every email template beside Reports' own renderer, as its oracle.
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "MatchingEngine", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "MatchRunsTests", dependencies: ["MatchRuns", "Store", "Intake", "TestSupport"]),
        .testTarget(name: "WebAppTests", dependencies: [
            "WebApp", "Store", "Database", "TestSupport", "MatchRuns", "Reports", "Mail",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
    ]
)
