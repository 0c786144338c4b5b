// swift-tools-version:6.2
// Chengxiang 城乡 — urban–rural integration planning and monitoring for a county government.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Chengxiang",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chengxiang", targets: ["chengxiang"]),
        .executable(name: "chengxiang-bench", targets: ["chengxiang-bench"]),
        .executable(name: "chengxiang-fuzz", targets: ["chengxiang-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", "2.81.0"..<"3.0.0"),
        .package(url: "https://github.com/apple/swift-log", "1.5.3"..<"2.0.0"),
    ],
    targets: [
        // One table of user-facing strings in Chinese (default) and English, and the one user-facing error.
        .target(name: "Localization", swiftSettings: strictSettings),
        // Pure value types: the county's nouns, with typed ids, codes, units and time.
        .target(name: "Domain", dependencies: ["Localization"], swiftSettings: strictSettings),
        // Geometry on WGS84/CGCS2000 coordinates: pure Swift where it serves, GEOS for validity, PROJ
        // for coordinate reference systems (CGCS2000 Gauss–Krüger zones to longitude/latitude).
        .target(name: "Geo", dependencies: ["CGEOS", "CPROJ"], swiftSettings: strictSettings),
        // School diagnostics and other analyses over domain values; no I/O.
        .target(name: "Analysis", dependencies: ["Domain", "Localization"], swiftSettings: strictSettings),
        // Location-allocation engine: p-median, capacitated p-median, MCLP, LSCP, p-center; pure.
        .target(name: "LocationModels", swiftSettings: strictSettings),
        // The OD engine: shortest paths many-to-many on a road graph (CSR); no domain, no I/O.
        .target(name: "ODEngine", swiftSettings: strictSettings),
        // School consolidation scenarios: demand, candidates, distances, and what a plan means.
        .target(
            name: "Planning", dependencies: ["Domain", "Localization", "Analysis", "Geo", "LocationModels"],
            swiftSettings: strictSettings),
        // Indicators, targets, early warning and validation rules over observations; no I/O.
        .target(name: "Monitoring", dependencies: ["Domain", "Localization", "Analysis"], swiftSettings: strictSettings),
        // SVG charts and maps drawn in Swift: one renderer for the web, printed reports and Excel.
        .target(name: "Charts", swiftSettings: strictSettings),
        // libxlsxwriter from Debian, for Excel workbooks.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Excel workbook and printable HTML report of the monitoring system.
        .target(
            name: "Reports",
            dependencies: ["Domain", "Localization", "Analysis", "Monitoring", "Charts", "CXlsxWriter"],
            swiftSettings: strictSettings),
        // libxml2 from Debian: a streaming XML reader that reports bad bytes instead of trapping.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // GEOS: geometry validity, repair, overlay and STRtree indexes.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // GDAL/OGR from Debian: Shapefile, GeoPackage, GeoJSON and file geodatabase reading and writing.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        // PROJ from Debian: transformations between coordinate reference systems.
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // Readers for CSV (UTF-8/GBK/GB18030), XLSX, GeoJSON and (through GDAL) GIS vector files; row-level validation.
        .target(
            name: "Interchange",
            dependencies: [
                "Domain", "Localization", "Geo", "CLibXML2", "CGDAL",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        // The register: SQLite through GRDB (the default) or PostgreSQL through postgres-nio, behind one
        // SQL layer; migrations, rules in the schema, audit log by triggers.
        .target(
            name: "Store",
            dependencies: [
                "Domain", "Localization", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings),
        // Use cases over one register (the `Workspace`): the only door the web server and the CLI use.
        .target(
            name: "Services",
            dependencies: [
                "Domain", "Localization", "Geo", "Analysis", "Monitoring", "Planning", "LocationModels", "ODEngine", "Reports",
                "Interchange",
                "Store", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // The JSON shapes of the API and of `--format json`.
        .target(
            name: "Records", dependencies: ["Services", "Domain", "Localization", "Analysis", "Monitoring", "Planning", "Geo", "Store"],
            swiftSettings: strictSettings),
        // The 交城县 demo: its bundled data, the plan's catalogue and findings, built through Services.
        .target(
            name: "Demo", dependencies: ["Services", "Domain", "Planning"], resources: [.copy("Resources/demo")],
            swiftSettings: strictSettings),
        // The web front door: HTML pages and the JSON API on Hummingbird 2.
        .target(
            name: "Server",
            dependencies: [
                "Services", "Records", "Domain", "Localization", "Analysis", "Monitoring", "Planning", "Reports", "Charts", "Geo",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Static")],
            swiftSettings: strictSettings),
        // The command-line front door.
        .executableTarget(
            name: "chengxiang",
            dependencies: [
                "Services", "Records", "Demo", "Server", "Domain", "Localization", "Analysis", "Monitoring", "Planning",
                "LocationModels", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        // Benchmarks too slow or large for tests (see docs/benchmarks.md).
        .executableTarget(
            name: "chengxiang-bench",
            dependencies: [
                "Interchange", "Services", "Demo", "Store", "Domain", "LocationModels", "Localization", "Geo", "ODEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // Seeded mutations of files and request bodies, for the fuzz harness and the API fuzz test.
        .target(
            name: "Fuzzing", dependencies: ["LocationModels", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),
        // Seeded mutation of every importer's input; run by a test and by hand (docs/benchmarks.md).
        .executableTarget(
            name: "chengxiang-fuzz",
            dependencies: [
                "Fuzzing", "Services", "Demo", "Store", "Interchange", "Localization", "LocationModels",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),

        // What several test targets share: the backends a register is tested on.
        .target(
            name: "TestSupport", dependencies: ["Store"], path: "Tests/Support", resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Localization"]),
        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(
            name: "InterchangeTests",
            dependencies: [
                "Interchange", "Domain", "Localization", "Geo", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Domain", "Localization", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Domain", "Localization"]),
        .testTarget(name: "LocationModelsTests", dependencies: ["LocationModels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ODEngineTests", dependencies: ["ODEngine"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Analysis", "Domain", "Geo", "Localization", "LocationModels"]),
        .testTarget(name: "MonitoringTests", dependencies: ["Monitoring", "Domain", "Localization"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Charts", "Monitoring", "Analysis", "Domain", "Localization",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "ServicesTests",
            dependencies: [
                "Services", "Demo", "Records", "Store", "Domain", "Localization", "Interchange", "Monitoring", "Planning", "Analysis",
                "TestSupport",
            ]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Services", "Demo", "Store", "Domain", "Localization", "Charts", "Fuzzing", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(
            name: "CLITests",
            dependencies: ["chengxiang", "chengxiang-fuzz", "TestSupport", "Store", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]),
        .testTarget(name: "RepositoryTests", dependencies: ["Localization"]),
    ]
)
