// swift-tools-version:6.1
import PackageDescription

/// Strict settings shared by every target, as swift-log does.
let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "GAIDesk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "gaidesk", targets: ["gaidesk"]),
    .executable(name: "gaidesk-bench", targets: ["gaidesk-bench"]),
    .library(name: "GAIDesk", targets: ["GAIDesk"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Reference data shipped inside the program (islands, municipalities, topics, partners, sheets,
    // translations): embedded in the code, so an installed binary needs no resource folder beside it.
    .target(
      name: "GAIDeskResources",
      path: "Resources",
      exclude: ["README.md"],
      resources: [.embedInCode("data")],
      swiftSettings: strict
    ),
    // The core: model, journal, projections, queue, referrals, reports, security. No ncurses.
    .target(
      name: "GAIDesk",
      dependencies: [
        "GAIDeskResources", "COpenSSLCrypto", "TextWidth", "CCRC32C",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    // Workbooks (xlsx: SpreadsheetML in a ZIP) of the core's report tables.
    .target(
      name: "GAIDeskExport",
      dependencies: ["GAIDesk", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: strict
    ),
    // How many terminal columns text takes (glibc's wcwidth per code point): the one width rule of the core's
    // printed pages, the command line's tables and the interface.
    .target(name: "TextWidth", swiftSettings: strict),
    // Cells, grid, widgets, keys and themes: pure Swift, no ncurses.
    .target(name: "TerminalUI", dependencies: ["TextWidth"], swiftSettings: strict),
    // Snapshot assertions on grids for tests (re-record with SNAPSHOT_RECORD=1).
    .target(name: "TerminalUITestSupport", dependencies: ["TerminalUI"], swiftSettings: strict),
    // Child processes for tests (clean signal mask, output to files) and the built products' paths.
    .target(name: "ProcessTestSupport", swiftSettings: strict),
    // Temporary offices for every test target (in process or made by the built binary), property cases.
    .target(
      name: "GAIDeskTestSupport",
      dependencies: ["GAIDesk", "ProcessTestSupport", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strict),
    // The system's OpenSSL 3 libcrypto: the journal's bulk AES-GCM opening (one context per key, reused).
    .systemLibrary(
      name: "COpenSSLCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    // CRC-32C with the CPU's instruction (SSE 4.2, checked at run time); the core keeps the table fallback.
    .target(name: "CCRC32C"),
    // The system ncursesw library.
    .systemLibrary(
      name: "CNCurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // prctl and setrlimit for process hardening (no core dumps), as a header-only shim: prctl is variadic.
    .systemLibrary(name: "CProcessSafety"),
    // The only code that speaks ncurses.
    .target(name: "NCursesBackend", dependencies: ["CNCurses", "TerminalUI"], swiftSettings: strict),
    // Screens as state + actions -> effects; view(state) -> Grid.
    .target(
      name: "GAIDeskApp", dependencies: ["GAIDesk", "GAIDeskResources", "TerminalUI"], swiftSettings: strict),
    // The command line; no subcommand opens the terminal UI.
    .executableTarget(
      name: "gaidesk",
      dependencies: [
        "GAIDesk", "GAIDeskApp", "GAIDeskExport", "NCursesBackend", "CProcessSafety", "TerminalUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    // The system SQLite library, the peer the benchmark compares durable appends with.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // Benchmarks against the physical limits and the peers (BENCHMARKS.md); also the torture suite's worker.
    .executableTarget(
      name: "gaidesk-bench",
      dependencies: [
        "GAIDesk", "GAIDeskApp", "TerminalUI", "CSQLite", .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict),
    // Crash, truncation, bit-flip, disk-full, clock and fuzzing torture of the journal (RELIABILITY.md).
    .testTarget(
      name: "JournalTortureTests",
      dependencies: [
        "GAIDesk", "GAIDeskTestSupport", "ProcessTestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "GAIDeskTests",
      dependencies: [
        "GAIDesk", "GAIDeskResources", "ProcessTestSupport", "GAIDeskTestSupport", "COpenSSLCrypto",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["Fixtures", "Events/EventVectors.txt"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TerminalUITests",
      dependencies: ["TerminalUI", "TerminalUITestSupport", "NCursesBackend"],
      exclude: ["__Snapshots__"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "GAIDeskAppTests",
      dependencies: ["GAIDeskApp", "GAIDesk", "GAIDeskTestSupport", "TerminalUI", "TerminalUITestSupport"],
      exclude: ["__Snapshots__"],
      swiftSettings: strict
    ),
    // End-to-end: the built `gaidesk` binary driven under tmux (a private socket, fixed size, C.UTF-8).
    .testTarget(
      name: "gaideskE2ETests",
      dependencies: [
        "gaidesk", "ProcessTestSupport", "GAIDesk", "GAIDeskApp", "GAIDeskTestSupport", "TerminalUI",
      ],
      swiftSettings: strict),
    // Drives the real `gaidesk` binary (built first through this dependency).
    .testTarget(
      name: "gaideskTests", dependencies: ["gaidesk", "GAIDeskTestSupport", "ProcessTestSupport"],
      exclude: ["__Snapshots__"],
      swiftSettings: strict),
  ]
)
