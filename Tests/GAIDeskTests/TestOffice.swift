import Foundation
import GAIDesk

/// A temporary data directory, removed when the value is released.
final class TemporaryDirectory {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "gaidesk-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// This test's device marks, outside the data folder as on a real machine.
  var marks: DeviceMarks { DeviceMarks(folder: path + ".state") }

  deinit {
    for suffix in ["", ".state", ".other-pc"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }
}

/// Shared helpers for tests that need a real office on disk.
enum TestOffice {
  static let passphrase = "correct-horse-battery"

  /// A new office in a temporary folder (cheap scrypt parameters).
  static func make(in directory: TemporaryDirectory) throws -> Office {
    try Office.create(
      at: OfficePaths(root: directory.path), office: "praia", passphrase: passphrase, staff: "Ana",
      scryptLogN: 10, marks: directory.marks)
  }

  /// Adds the account `name` with `role` (as Ana) and lets it act on `office`, as if it had typed its own
  /// passphrase at this PC's locked screen; returns the name.
  @discardableResult
  static func join(_ office: Office, _ name: String, role: StaffRole = .frontDesk) throws -> String {
    let passphrase = "the passphrase of \(name)"
    try office.addAccount(name: name, role: role, passphrase: passphrase, staff: "Ana", scryptLogN: 10)
    _ = try office.checkPassphrase(passphrase)
    return name
  }

  /// Opens the office in `directory` again, as a new process would.
  static func reopen(_ directory: TemporaryDirectory, marks: DeviceMarks? = nil) throws -> Office {
    try Office.open(
      at: OfficePaths(root: directory.path), passphrase: passphrase, marks: marks ?? directory.marks)
  }

  /// The one segment file of the office's own origin.
  static func segments(_ directory: TemporaryDirectory) -> [String] {
    let journal = directory.path + "/journal"
    let origins = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
    return origins.flatMap { origin in
      ((try? FileManager.default.contentsOfDirectory(atPath: journal + "/" + origin)) ?? [])
        .filter { $0.hasSuffix(".seg") }.sorted().map { journal + "/" + origin + "/" + $0 }
    }
  }

  /// Registers `count` visitors named `Visitor N`.
  static func addVisitors(_ office: Office, count: Int) throws -> [String] {
    try (0..<count).map {
      try office.registerVisitor(VisitorForm(fullName: "Visitor \($0)"), staff: "Ana").id
    }
  }
}

/// Runs a property test's random cases: `variable` in the environment sets how many (else `count`), and
/// `GAIDESK_PROPERTY_SEED` the first seed (else `seed`); each case gets its own generator and a label to
/// replay it by. Returns the sum of what the cases return.
func runPropertyCases(
  _ variable: String, count: Int, seed: UInt64, _ body: (inout SeededRandom, String) throws -> Int
) rethrows -> Int {
  let environment = ProcessInfo.processInfo.environment
  let cases = Int(environment[variable] ?? "") ?? count
  let first = UInt64(environment["GAIDESK_PROPERTY_SEED"] ?? "") ?? seed
  var total = 0
  for index in 0..<cases {
    var random = SeededRandom(seed: first &+ UInt64(index))
    total += try body(&random, "seed \(first) case \(index)")
  }
  return total
}
