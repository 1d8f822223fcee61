import Crypto
import Foundation
@_spi(Testing) import GAIDesk
import ProcessTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Bounds of the torture suite: small on CI, large with `TORTURE_LONG=1` (see RELIABILITY.md).
enum Torture {
  static let long = ProcessInfo.processInfo.environment["TORTURE_LONG"] == "1"

  /// A count from the environment (`TORTURE_KILLS=5000`), else the CI or the long default.
  static func count(_ name: String, ci: Int, long longValue: Int) -> Int {
    if let text = ProcessInfo.processInfo.environment[name], let n = Int(text) { return n }
    return long ? longValue : ci
  }

  /// A seed from `TORTURE_SEED`, else a fresh one; printed so that a failure can be replayed.
  static func seed(_ test: String) -> UInt64 {
    let seed =
      ProcessInfo.processInfo.environment["TORTURE_SEED"].flatMap(UInt64.init)
      ?? UInt64.random(in: 1...UInt64.max)
    print("[torture] \(test): seed \(seed) (TORTURE_SEED=\(seed) to replay)")
    return seed
  }

  /// Prints a figure for RELIABILITY.md.
  static func figure(_ text: String) { print("[torture] " + text) }

  static let passphrase = TestOffice.passphrase
}

/// Reads a whole journal of one origin with a fresh `Journal`, as a new process would.
struct JournalRead {
  var payloads: [[UInt8]] = []
  var times: [HybridTime] = []
  var damage: [JournalDamage] = []
  var repairs: [JournalDamage] = []

  /// Reads (`repair`: as the owner, repairing a torn tail like opening the office does).
  init(root: String, origin: OriginID, keyring: Keyring, repair: Bool) throws {
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    var payloads: [[UInt8]] = []
    var times: [HybridTime] = []
    let deliver = { (entry: JournalEntry) in
      payloads.append(entry.payload)
      times.append(entry.content.clock)
    }
    if repair {
      try journal.repairOwnTail(deliver: deliver)
    } else {
      try journal.refresh(deliver)
    }
    self.payloads = payloads
    self.times = times
    damage = journal.damage
    repairs = journal.repairs
  }
}

/// Checks every segment of an origin frame by frame: returns the records and whether each file scans clean.
func scanClean(_ files: [String], origin: OriginID) throws -> (records: Int, clean: Bool) {
  var records = 0
  var clean = true
  for file in files {
    let bytes = try FileIO.read(file)
    guard bytes.count >= SegmentFormat.headerSize else { return (records, false) }
    let (found, stop) = SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
    ).scan()
    records += found.count
    if stop != nil { clean = false }
  }
  return (records, clean)
}

/// A fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// Writes `bytes` over `path` (not durably: test fixtures only).
func overwrite(_ path: String, with bytes: [UInt8]) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { throw FixtureError(message: "open \(path): errno \(errno)") }
  defer { close(fd) }
  try bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: path) }
}
