import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// What one `late-child` process measured: a warm opening, then one record of another origin placed in the
/// journal and `Office.refresh()` timed.
struct LateChildResult: Codable {
  var mode: String
  /// `Office.refresh()` that folds the new record.
  var seconds: Double
  /// The warm `Office.open` before it (same process).
  var openSeconds: Double
  /// Peak resident memory (VmHWM) after the opening, and after the refresh (the high-water mark only grows).
  var openPeakBytes: Int
  var peakBytes: Int
  /// Resident memory just before and just after the refresh.
  var residentBeforeBytes: Int
  var residentAfterBytes: Int
  var records: Int
  var events: Int
  var refolds: Int
  /// How far before (negative) or after the office's latest record the new record's clock is, in seconds.
  var offsetSeconds: Double
}

/// Current resident memory (from /proc/self/statm).
func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Origin folders present in an office's journal.
func originFolders(_ paths: OfficePaths) -> Set<String> {
  Set(
    ((try? FileManager.default.contentsOfDirectory(atPath: paths.journal)) ?? []).filter {
      OriginID(hex: $0) != nil
    })
}

/// The hidden `late-child` subcommand. `mode` is `inorder` (the new record's clock is a day after the
/// office's latest: folded as it comes) or `late` (a day before: it belongs before records already folded,
/// so the office folds everything again). The record is written by a `Journal` of a new origin into a
/// separate folder (as another device would), then its origin folder is copied into the office's journal.
/// The copied folder is removed before exiting: the office is left as it was.
func lateChild(root: String, mode: String, work: String) throws {
  let paths = OfficePaths(root: root)
  let before = originFolders(paths)
  // The other device's key, unlocked before the opening so that its scrypt does not count after it.
  let key = try unlockMasterKey(paths, passphrase: benchPassphrase)
  var office: Office?
  let openSeconds = try measure { office = try Office.open(at: paths, passphrase: benchPassphrase) }
  let opened = office!
  guard opened.damage.isEmpty else { fail("damage after opening: \(opened.damage)") }
  guard opened.openedFromSnapshot else { fail("late-child: the opening did not use the snapshot") }
  let openPeak = peakRSS()
  let records = opened.state.recordCount
  let events = opened.state.eventCount
  let visitors = opened.state.visitors.count
  let latest = opened.journal.latestTime.date
  let offset: Double
  switch mode {
  case "late": offset = -86_400
  case "inorder": offset = 86_400
  default: fail("unknown late-child mode \(mode)")
  }

  // Another device's record, written in its own folder with its own (injected) clock.
  let origin = OriginID.random()
  let elsewhere = work + "/" + mode + "-\(getpid())"
  try? FileManager.default.removeItem(atPath: elsewhere)
  let journal = try Journal(root: elsewhere, origin: origin, keyring: Keyring(masterKey: key))
  try journal.append(count: 1, now: { latest.addingTimeInterval(offset) }, deliver: { _ in }) { stamp in
    let id = "V-\(stamp.origin.tag)-\(stamp.sequence)"
    var visitor = Visitor(id: id, fullName: "Late Record Mendes")
    visitor.nationality = "GW"
    return EventCodec.encode(EventBatch(staff: "ana", office: "praia", events: [.visitorRegistered(visitor)]))
  }
  let placed = paths.journal + "/" + origin.hex
  defer {
    try? FileManager.default.removeItem(atPath: placed)
    try? FileManager.default.removeItem(atPath: elsewhere)
  }
  try FileManager.default.copyItem(atPath: elsewhere + "/" + origin.hex, toPath: placed)

  let resident = residentBytes()
  var changed = false
  let seconds = try measure { changed = try opened.refresh() }

  // The state after: one record and one visitor more, folded the expected way, no damage.
  guard changed else { fail("late-child \(mode): refresh saw nothing") }
  guard opened.state.recordCount == records + 1, opened.state.eventCount == events + 1,
    opened.state.visitors.count == visitors + 1,
    opened.state.visitors["V-\(origin.tag)-1"]?.fullName == "Late Record Mendes"
  else {
    fail("late-child \(mode): state after refresh: \(opened.state.recordCount) records (was \(records))")
  }
  guard opened.damage.isEmpty else { fail("late-child \(mode): damage \(opened.damage)") }
  let expectedRefolds = mode == "late" ? 1 : 0
  guard opened.refolds == expectedRefolds else {
    fail("late-child \(mode): \(opened.refolds) refolds, expected \(expectedRefolds)")
  }
  guard originFolders(paths) == before.union([origin.hex]) else {
    fail("late-child: unexpected origin folders")
  }

  let result = LateChildResult(
    mode: mode, seconds: seconds, openSeconds: openSeconds, openPeakBytes: openPeak, peakBytes: peakRSS(),
    residentBeforeBytes: resident, residentAfterBytes: residentBytes(), records: opened.state.recordCount,
    events: opened.state.eventCount,
    refolds: opened.refolds, offsetSeconds: offset)
  print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
}

/// Medians over repeated `late-child` processes of one mode (memory: the highest of the children).
struct LateScenario {
  var seconds: Double
  var openSeconds: Double
  var openPeakBytes: Int
  var peakBytes: Int
  var residentBeforeBytes: Int
  var residentAfterBytes: Int
  var last: LateChildResult
}

func runLateScenario(root: String, mode: String, work: String, repeats: Int) -> LateScenario {
  let paths = OfficePaths(root: root)
  let before = originFolders(paths)
  var children: [LateChildResult] = []
  for _ in 0..<repeats {
    let output = runChild(["late-child", "--root", root, "--mode", mode, "--work", work])
    // Whatever happened in the child, the office goes back to its own origins.
    for extra in originFolders(paths).subtracting(before) {
      try? FileManager.default.removeItem(atPath: paths.journal + "/" + extra)
    }
    guard let line = output.split(separator: "\n").last,
      let child = try? JSONDecoder().decode(LateChildResult.self, from: Data(line.utf8))
    else { fail("bad late-child output: \(output)") }
    children.append(child)
  }
  return LateScenario(
    seconds: Stats(children.map(\.seconds)).median, openSeconds: Stats(children.map(\.openSeconds)).median,
    openPeakBytes: children.map(\.openPeakBytes).max()!, peakBytes: children.map(\.peakBytes).max()!,
    residentBeforeBytes: children.map(\.residentBeforeBytes).max()!,
    residentAfterBytes: children.map(\.residentAfterBytes).max()!, last: children.last!)
}

/// Issue 8: the cost of a late record from another origin arriving into an office of `size` events, against
/// the same record arriving in order, each in fresh child processes after a warm opening.
func lateSection(_ report: inout Report, directory: String, sizes: [Int], repeats: Int) throws {
  let work = directory + "/late-work"
  try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
  for size in sizes {
    note("late record: office of \(formatCount(size)) events…")
    let root = directory + "/office-" + formatCount(size)
    let total = try generateOffice(root: root, events: size)
    let paths = OfficePaths(root: root)
    if !FileManager.default.fileExists(atPath: paths.snapshot) {
      _ = runScenario(root: root, mode: "warm", repeats: 1)  // writes the cache
    }
    let inOrder = runLateScenario(root: root, mode: "inorder", work: work, repeats: repeats)
    let late = runLateScenario(root: root, mode: "late", work: work, repeats: repeats)
    let records = late.last.records - 1
    let section =
      "late record from another origin (\(formatCount(size)): \(total) events, \(records) records)"
    let rate = Double(records) / late.seconds
    report.add(
      section, "in order (clock 1 day after the latest): refresh", measured: format(seconds: inOrder.seconds),
      reference: "warm open before it " + format(seconds: inOrder.openSeconds),
      figures: [
        "seconds": inOrder.seconds, "open_seconds": inOrder.openSeconds,
        "open_peak_bytes": Double(inOrder.openPeakBytes), "peak_bytes": Double(inOrder.peakBytes),
      ])
    report.add(
      section, "late (clock 1 day before the latest): refresh = refold",
      measured: format(seconds: late.seconds), reference: "in order " + format(seconds: inOrder.seconds),
      ratio: format(ratio: late.seconds / inOrder.seconds), target: format(rate: rate) + " records refolded",
      figures: [
        "seconds": late.seconds, "open_seconds": late.openSeconds, "records_per_s": rate,
        "open_peak_bytes": Double(late.openPeakBytes), "peak_bytes": Double(late.peakBytes),
      ])
    report.add(
      section, "late: refold against the warm open before it", measured: format(seconds: late.seconds),
      reference: "warm open " + format(seconds: late.openSeconds),
      ratio: format(ratio: late.seconds / late.openSeconds), figures: [:])
    report.add(
      section, "peak memory after open → after refresh (in order / late)",
      measured: format(bytes: inOrder.openPeakBytes) + " → " + format(bytes: inOrder.peakBytes) + " / "
        + format(bytes: late.openPeakBytes) + " → " + format(bytes: late.peakBytes),
      reference: "late: resident " + format(bytes: late.residentBeforeBytes) + " → "
        + format(bytes: late.residentAfterBytes),
      figures: [
        "inorder_open_peak_bytes": Double(inOrder.openPeakBytes),
        "inorder_peak_bytes": Double(inOrder.peakBytes),
        "late_open_peak_bytes": Double(late.openPeakBytes), "late_peak_bytes": Double(late.peakBytes),
        "late_resident_before_bytes": Double(late.residentBeforeBytes),
        "late_resident_after_bytes": Double(late.residentAfterBytes),
      ])
  }
}
