// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mentormatch",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "mentormatch", targets: ["mentormatch"]),
    .library(name: "MentorMatch", targets: ["MentorMatch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // libcsv from Debian's libcsv-dev. Debian ships no pkg-config file for it,
    // so the module map links it by name.
    .systemLibrary(
      name: "CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    // C that Swift's Glibc module leaves out (syncfs(2), mallopt(3)) and
    // SQLite's value binding without GRDB's checked path.
    .target(name: "CFileSync"),
    // The candidate search's band pass on AVX-512F or AVX2, chosen at run time.
    .target(name: "CBandPass"),
    .target(
      name: "MentorMatch",
      dependencies: [
        "CLibCSV",
        "CFileSync",
        "CBandPass",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Collections", package: "swift-collections"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "mentormatch",
      dependencies: [
        "MentorMatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "MentorMatchTestSupport",
      dependencies: ["MentorMatch"],
      path: "Tests/MentorMatchTestSupport"
    ),
    .testTarget(
      name: "MentorMatchTests",
      dependencies: [
        "MentorMatch",
        "MentorMatchTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "mentormatchTests",
      dependencies: ["MentorMatchTestSupport"]
    ),
  ]
)

// Upcoming features, switched on for every target as swift-log does.
for target in package.targets where target.type != .system && !["CFileSync", "CBandPass"].contains(target.name) {
  var settings = target.swiftSettings ?? []
  settings.append(contentsOf: [
    // SE-0335: `any` for existential types.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0444: member imports are visible only where imported.
    .enableUpcomingFeature("MemberImportVisibility"),
  ])
  target.swiftSettings = settings
}
