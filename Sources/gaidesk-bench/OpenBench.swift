import CSQLite
import Crypto
import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// What one child process measured.
struct ChildResult: Codable {
  var mode: String
  var seconds: Double
  var peakBytes: Int
  var events: Int = 0
  var records: Int = 0
  var bytes: Int = 0
  var fromSnapshot: Bool = false
  var replayed: Int = 0
  /// Heap bytes in use after the opening minus before (glibc `mallinfo2`): what the opened office, its
  /// folded state above all, keeps in memory.
  var heldBytes: Int = 0
}

/// Heap bytes in use now (glibc's small-block arena plus its mmapped blocks).
func heapInUse() -> Int {
  let info = mallinfo2()
  return Int(info.uordblks + info.hblkhd)
}

/// The office master key (epoch 1), unlocked from the first key slot `passphrase` opens, tried in the order
/// an opening tries them (the recovery slot last): an account slot, or a master-key slot of an office from
/// before accounts.
func unlockMasterKey(_ paths: OfficePaths, passphrase: String) throws -> SymmetricKey {
  for name in Office.slotsInUnlockOrder(paths) {
    guard let data = FileManager.default.contents(atPath: paths.keys + "/" + name) else { continue }
    if let slot = try? JSONDecoder().decode(AccountSlot.self, from: data) {
      if let key = try slot.unlock(passphrase: passphrase)?.epochs[1] { return key }
      continue
    }
    let slot = try JSONDecoder().decode(KeySlot.self, from: data)
    if let key = try slot.unlock(passphrase: passphrase) { return key }
  }
  throw GAIDeskError(.passphraseWrong)
}

/// Segment files of every origin, in reading order.
func segmentFiles(_ paths: OfficePaths) -> [String] {
  let origins = ((try? FileManager.default.contentsOfDirectory(atPath: paths.journal)) ?? []).sorted()
  var files: [String] = []
  for origin in origins where OriginID(hex: origin) != nil {
    let folder = paths.journal + "/" + origin
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(".seg")
    }
    files += names.sorted().map { folder + "/" + $0 }
  }
  return files
}

/// The hidden `open-child` subcommand: measures one opening scenario in a fresh process and prints JSON.
func openChild(root: String, mode: String) throws {
  let paths = OfficePaths(root: root)
  var result = ChildResult(mode: mode, seconds: 0, peakBytes: 0)
  switch mode {
  case "warm", "cold":
    var office: Office?
    let heapBefore = heapInUse()
    result.seconds = try measure { office = try Office.open(at: paths, passphrase: benchPassphrase) }
    result.heldBytes = heapInUse() - heapBefore
    result.events = office!.state.eventCount
    result.records = office!.state.recordCount
    result.fromSnapshot = office!.openedFromSnapshot
    result.replayed = office!.recordsReplayed
    guard office!.damage.isEmpty else { fail("damage: \(office!.damage)") }
  case "readonly":
    // The office seen through a read-only mount; its cache kept in a state folder beside the mount.
    var office: Office?
    result.seconds = try measure {
      office = try Office.open(
        at: paths, passphrase: benchPassphrase, marks: DeviceMarks(folder: root + "-state"))
    }
    result.events = office!.state.eventCount
    result.records = office!.state.recordCount
    result.fromSnapshot = office!.openedFromSnapshot
    result.replayed = office!.recordsReplayed
    guard office!.medium?.cause == .readOnlyFileSystem else { fail("not opened read-only: \(root)") }
  case "unlock":
    result.seconds = try measure { _ = try unlockMasterKey(paths, passphrase: benchPassphrase) }
  case "read":
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    result.seconds = try measure {
      for file in segmentFiles(paths) {
        let fd = try FileIO.open(file, O_RDONLY)
        defer { close(fd) }
        while true {
          let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
          if n <= 0 { break }
          total += n
        }
      }
    }
    result.bytes = total
  case "decrypt":
    let key = try unlockMasterKey(paths, passphrase: benchPassphrase)
    let origin = OriginID.random()
    var records = 0
    var bytes = 0
    result.seconds = try measure {
      let journal = try Journal(root: paths.journal, origin: origin, keyring: Keyring(masterKey: key))
      try journal.refresh { entry in
        records += 1
        bytes += entry.content.payloadBytes.count
      }
    }
    result.records = records
    result.bytes = bytes
  default:
    fail("unknown open-child mode \(mode)")
  }
  result.peakBytes = peakRSS()
  let data = try JSONEncoder().encode(result)
  print(String(decoding: data, as: UTF8.self))
}

/// Medians over repeated children of one scenario.
struct OpenScenario {
  var mode: String
  var seconds: Double
  var peakBytes: Int
  var last: ChildResult
}

struct OpenResult {
  var events: Int
  var records: Int
  var journalBytes: Int
  var scenarios: [String: OpenScenario]
}

func runScenario(root: String, mode: String, repeats: Int, before: () -> Void = {}) -> OpenScenario {
  var times: [Double] = []
  var peak = 0
  var last: ChildResult?
  for _ in 0..<repeats {
    before()
    let output = runChild(["open-child", "--root", root, "--mode", mode])
    guard let line = output.split(separator: "\n").last,
      let child = try? JSONDecoder().decode(ChildResult.self, from: Data(line.utf8))
    else { fail("bad child output: \(output)") }
    times.append(child.seconds)
    peak = max(peak, child.peakBytes)
    last = child
  }
  return OpenScenario(mode: mode, seconds: Stats(times).median, peakBytes: peak, last: last!)
}

/// Opening an office of `events` events: warm, cold, and the limits, each in fresh child processes.
func benchOpen(directory: String, events: Int, repeats: Int) throws -> OpenResult {
  let root = directory + "/office-" + formatCount(events)
  let total = try generateOffice(root: root, events: events)
  let paths = OfficePaths(root: root)
  var scenarios: [String: OpenScenario] = [:]
  scenarios["read"] = runScenario(root: root, mode: "read", repeats: repeats)
  scenarios["decrypt"] = runScenario(root: root, mode: "decrypt", repeats: repeats)
  scenarios["unlock"] = runScenario(root: root, mode: "unlock", repeats: repeats)
  scenarios["cold"] = runScenario(root: root, mode: "cold", repeats: repeats) {
    try? FileManager.default.removeItem(atPath: paths.cache)
  }
  scenarios["warm"] = runScenario(root: root, mode: "warm", repeats: repeats)
  guard scenarios["warm"]!.last.fromSnapshot else { fail("warm opening did not use the snapshot") }
  guard !scenarios["cold"]!.last.fromSnapshot else { fail("cold opening used a snapshot") }
  // The same office on a read-only medium (a bind mount remounted read-only; root only) without a usable
  // cache in its folder: the first opening reads the whole journal, the next ones the user's cache.
  let mounted = root + "-readonly"
  try? FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
  try? FileManager.default.removeItem(atPath: paths.cache)
  if mount(root, mounted, nil, UInt(MS_BIND), nil) == 0 {
    defer { umount2(mounted, Int32(MNT_DETACH)) }
    if mount(nil, mounted, nil, UInt(MS_REMOUNT | MS_BIND | MS_RDONLY), nil) == 0 {
      let state = mounted + "-state"
      scenarios["readonly-cold"] = runScenario(root: mounted, mode: "readonly", repeats: repeats) {
        try? FileManager.default.removeItem(atPath: state)
      }
      scenarios["readonly-warm"] = runScenario(root: mounted, mode: "readonly", repeats: repeats)
      guard scenarios["readonly-warm"]!.last.fromSnapshot else { fail("read-only warm opening was cold") }
      guard !scenarios["readonly-cold"]!.last.fromSnapshot else { fail("read-only cold opening was warm") }
    }
  } else {
    note("read-only opening skipped: a read-only bind mount needs root")
  }
  return OpenResult(
    events: total, records: scenarios["decrypt"]!.last.records, journalBytes: scenarios["read"]!.last.bytes,
    scenarios: scenarios)
}
