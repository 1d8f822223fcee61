import Crypto
import Foundation
import GAIDesk
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

  static let passphrase = "torture-passphrase"
}

/// A fresh temporary folder, removed by `remove()`.
struct Scratch {
  let path: String

  init(_ name: String) {
    var template = Array((NSTemporaryDirectory() + "/torture-\(name)-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Test offices, with cheap key derivation.
enum TestOffice {
  static func create(_ root: String) throws -> Office {
    try Office.create(
      at: OfficePaths(root: root), office: "praia", passphrase: Torture.passphrase, staff: "ana",
      scryptLogN: 10)
  }

  static func open(_ root: String) throws -> Office {
    try Office.open(at: OfficePaths(root: root), passphrase: Torture.passphrase)
  }

  /// The record keys of the office in `root`, as its passphrase unlocks them.
  static func journalKeyring(_ root: String) throws -> Keyring {
    try open(root).journal.keyring
  }

  /// The origin this device writes as (from its mark; the crash workers share this user's marks).
  static func origin(_ root: String) throws -> OriginID {
    let data = try #require(FileManager.default.contents(atPath: root + "/office.json"))
    let identity = try JSONDecoder().decode(OfficeIdentity.self, from: data)
    let id = try #require(identity.id)
    let mark = try #require(DeviceMarks.resolve().mark(office: id))
    return try #require(OriginID(hex: mark.origin))
  }

  /// Sets this device's mark as if it had not yet seen any record saved in `root` (a power cut before the
  /// first acknowledgement), so cutting a log's tail is a torn write rather than lost records.
  static func markNothingSaved(_ root: String) throws {
    let data = try #require(FileManager.default.contents(atPath: root + "/office.json"))
    let id = try #require(try JSONDecoder().decode(OfficeIdentity.self, from: data).id)
    let origin = try origin(root)
    DeviceMarks.resolve().save(
      DeviceMark(
        cursor: OriginCursor(
          origin: origin, segment: 0, offset: 0, lastSequence: 0, lastHash: [UInt8](repeating: 0, count: 32),
          lastRecordSegment: 0, lastRecordOffset: 0), root: root), office: id)
  }

  /// The segment files of `origin`, in order.
  static func segments(_ root: String, origin: OriginID) -> [String] {
    segments(journal: root + "/journal", origin: origin)
  }

  /// The segment files of `origin` in the journal folder `journal`, in order.
  static func segments(journal: String, origin: OriginID) -> [String] {
    let folder = journal + "/" + origin.hex
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      SegmentFormat.index(fileName: $0) != nil
    }
    return names.sorted().map { folder + "/" + $0 }
  }

  /// Registers a visitor named `name` as one durable record; returns its id.
  @discardableResult
  static func register(_ office: Office, _ name: String) throws -> String {
    try office.perform(staff: "ana") { context in
      let id = context.newID("V")
      return Produced(value: id, events: [.visitorRegistered(Visitor(id: id, fullName: name))])
    }.value
  }

  /// Visitors by full name, with how many records carry each name.
  static func nameCounts(_ office: Office) -> [String: Int] {
    var counts: [String: Int] = [:]
    for visitor in office.state.visitors.values { counts[visitor.fullName, default: 0] += 1 }
    return counts
  }
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

/// The crash test's child processes.
enum Spawn {
  /// The `gaidesk-bench` executable built next to the test bundle (or `$GAIDESK_BENCH`).
  static func benchExecutable() -> String? {
    ProcessInfo.processInfo.environment["GAIDESK_BENCH"] ?? ChildProcess.builtProduct("gaidesk-bench")
  }

  /// Starts `executable` with `arguments`; stdout goes to /dev/null, stderr is appended to `stderrPath`.
  static func start(_ executable: String, _ arguments: [String], stderrPath: String) throws -> pid_t {
    try ChildProcess.start([executable] + arguments, stderr: stderrPath, append: true)
  }
}
