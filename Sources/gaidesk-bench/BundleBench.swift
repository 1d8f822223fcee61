import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// What one `bundle-child` measured.
struct BundleChildResult: Codable {
  var mode: String
  /// The measured step (export, or the whole import).
  var seconds: Double = 0
  /// Import: verifying every record (hash, CRC, chain, GCM) before anything is written.
  var verifySeconds: Double = 0
  /// Import: appending the records to the new folder's log.
  var applySeconds: Double = 0
  /// This process's peak resident memory at the end.
  var peakBytes = 0
  /// Peak before the step (export: after opening the office; import: after opening the empty folder).
  var peakBeforeBytes = 0
  /// Import: peak when the last record was appended, before the office folds them into its state.
  var peakAppliedBytes = 0
  var records = 0
  var bytes = 0
}

/// Sum of the sizes of `files`.
func totalSize(_ files: [String]) -> Int { files.reduce(0) { $0 + (FileIO.size($1) ?? 0) } }

/// The hidden `bundle-child` subcommand: one bundle step in a fresh process, printed as JSON.
/// Modes: `copy` (read and write the segment files, one fsync each: the limit), `export` (open the office,
/// then `exportBundle`), `import` (a new folder of the office, then `importBundles`).
func bundleChild(root: String, mode: String, work: String) throws {
  let paths = OfficePaths(root: root)
  let bundle = work + "/office.gaibundle"
  var result = BundleChildResult(mode: mode)
  switch mode {
  case "copy":
    let target = work + "/copy"
    try? FileManager.default.removeItem(atPath: target)
    try FileIO.makeDirectory(target)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    result.seconds = try measure {
      for (index, file) in segmentFiles(paths).enumerated() {
        let input = try FileIO.open(file, O_RDONLY)
        defer { close(input) }
        let path = target + "/\(index).seg"
        let output = try FileIO.open(path, O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(output) }
        while true {
          let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
          if n <= 0 { break }
          try buffer.withUnsafeBytes {
            try FileIO.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<n]), path: path)
          }
          result.bytes += n
        }
        try FileIO.syncData(output, path: path)
      }
    }
    try? FileManager.default.removeItem(atPath: target)
  case "export":
    try? FileManager.default.removeItem(atPath: bundle)
    let office = try Office.open(at: paths, passphrase: benchPassphrase)
    result.peakBeforeBytes = peakRSS()
    var manifest: BundleManifest?
    result.seconds = try measure { manifest = try office.exportBundle(to: bundle) }
    result.records = Int(manifest?.recordCount ?? 0)
    result.bytes = FileIO.size(bundle) ?? 0
  case "import":
    // A new folder each run: this device's mark of a removed folder must not meet the next one.
    let target = OfficePaths(root: work + "/imported-" + UUID().uuidString)
    try? FileManager.default.removeItem(atPath: target.root)
    try FileIO.makeDirectory(target.keys)
    for name in try FileManager.default.contentsOfDirectory(atPath: paths.keys) where name.hasSuffix(".json")
    {
      try FileIO.writeAtomically(try FileIO.read(paths.keys + "/" + name), to: target.keys + "/" + name)
    }
    try FileIO.writeAtomically(try FileIO.read(paths.officeFile), to: target.officeFile)
    let office = try Office.open(at: target, passphrase: benchPassphrase)
    result.peakBeforeBytes = peakRSS()
    let start = now()
    var verified = start
    var applied = start
    var summary = ImportSummary()
    result.seconds = try measure {
      summary = try office.importBundles([bundle]) { step, done, total in
        switch step {
        case .verifying: verified = now()
        case .importing:
          applied = now()
          if done == total { result.peakAppliedBytes = peakRSS() }
        default: break
        }
      }
    }
    result.verifySeconds = verified - start
    result.applySeconds = applied - verified
    result.records = summary.added
    result.bytes = totalSize(segmentFiles(target))
    guard summary.forks.isEmpty, summary.parked.isEmpty, office.damage.isEmpty else {
      fail("import: \(summary)")
    }
    try? FileManager.default.removeItem(atPath: target.root)
  default:
    fail("unknown bundle-child mode \(mode)")
  }
  result.peakBytes = peakRSS()
  print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
}

/// Medians of `repeats` children of one bundle step (peaks: the highest).
func runBundleChild(root: String, mode: String, work: String, repeats: Int) -> BundleChildResult {
  var runs: [BundleChildResult] = []
  for _ in 0..<max(1, repeats) {
    let output = runChild(["bundle-child", "--root", root, "--mode", mode, "--work", work])
    guard let line = output.split(separator: "\n").last,
      let child = try? JSONDecoder().decode(BundleChildResult.self, from: Data(line.utf8))
    else { fail("bad bundle-child output: \(output)") }
    runs.append(child)
  }
  var median = runs[runs.count / 2]
  median.seconds = Stats(runs.map(\.seconds)).median
  median.verifySeconds = Stats(runs.map(\.verifySeconds)).median
  median.applySeconds = Stats(runs.map(\.applySeconds)).median
  median.peakBytes = runs.map(\.peakBytes).max() ?? 0
  median.peakAppliedBytes = runs.map(\.peakAppliedBytes).max() ?? 0
  return median
}

/// Export and import of a whole office as one bundle, against reading, copying and decrypting its segment
/// files in the same run, with peak memory: streaming keeps the bundle's own memory bounded whatever its size.
func bundleSection(_ report: inout Report, directory: String, events: Int, repeats: Int) throws {
  let root = directory + "/office-" + formatCount(events)
  note("bundle: office of \(formatCount(events)) events…")
  let total = try generateOffice(root: root, events: events)
  let work = directory + "/bundle-work"
  try FileIO.makeDirectory(work)
  let read = runScenario(root: root, mode: "read", repeats: repeats)
  let decrypt = runScenario(root: root, mode: "decrypt", repeats: repeats)
  let copy = runBundleChild(root: root, mode: "copy", work: work, repeats: repeats)
  let warm = runScenario(root: root, mode: "warm", repeats: repeats)
  note("bundle: export…")
  let export = runBundleChild(root: root, mode: "export", work: work, repeats: repeats)
  note("bundle: import…")
  let imported = runBundleChild(root: root, mode: "import", work: work, repeats: repeats)
  guard imported.records == export.records else {
    fail("import added \(imported.records) of \(export.records) records")
  }
  let journalBytes = read.last.bytes
  let records = Double(export.records)
  let section =
    "bundle of the whole \(formatCount(events)) office (\(total) events, \(export.records) records, "
    + "journal \(format(bytes: journalBytes)))"
  report.add(
    section, "read the segment files (limit)", measured: format(seconds: read.seconds),
    reference: format(rate: records / read.seconds) + " records", figures: ["seconds": read.seconds])
  report.add(
    section, "copy the segment files, fsync each (limit)", measured: format(seconds: copy.seconds),
    reference: format(rate: records / copy.seconds) + " records",
    figures: ["seconds": copy.seconds, "peak_bytes": Double(copy.peakBytes)])
  report.add(
    section, "bundle export (after a warm open)",
    measured: format(seconds: export.seconds) + " (" + format(rate: records / export.seconds) + " records)",
    reference: "copy " + format(seconds: copy.seconds), ratio: format(ratio: export.seconds / copy.seconds),
    figures: ["seconds": export.seconds, "records_per_s": records / export.seconds])
  report.add(
    section, "bundle size vs journal size", measured: format(bytes: export.bytes),
    reference: "journal " + format(bytes: journalBytes),
    ratio: format(ratio: Double(export.bytes) / Double(max(1, journalBytes))),
    figures: ["bundle_bytes": Double(export.bytes), "journal_bytes": Double(journalBytes)])
  report.add(
    section, "export peak memory (process / after the open)",
    measured: format(bytes: export.peakBytes) + " / " + format(bytes: export.peakBeforeBytes),
    reference: "warm open alone " + format(bytes: warm.peakBytes),
    ratio: "+" + format(bytes: max(0, export.peakBytes - export.peakBeforeBytes)),
    target: "< +64 MB", ok: export.peakBytes - export.peakBeforeBytes < 64 << 20,
    figures: ["peak_bytes": Double(export.peakBytes), "open_peak_bytes": Double(export.peakBeforeBytes)])
  let importSteps:
    [(what: String, seconds: Double, peer: String, peerSeconds: Double, extra: [String: Double])] = [
      (
        "import: verify every record (hash, CRC, chain, GCM)", imported.verifySeconds, "decrypt",
        decrypt.seconds, [:]
      ),
      ("import: append to the new folder's log", imported.applySeconds, "copy", copy.seconds, [:]),
      (
        "import in all (verify, append, fold into the state, snapshot)", imported.seconds, "read",
        read.seconds,
        ["records_per_s": records / imported.seconds]
      ),
    ]
  for step in importSteps {
    report.add(
      section, step.what,
      measured: format(seconds: step.seconds) + " (" + format(rate: records / step.seconds) + " records)",
      reference: step.peer + " " + format(seconds: step.peerSeconds),
      ratio: format(ratio: step.seconds / step.peerSeconds),
      figures: step.extra.merging(["seconds": step.seconds]) { first, _ in first })
  }
  report.add(
    section, "import peak memory (verify + append / with the state)",
    measured: format(bytes: imported.peakAppliedBytes) + " / " + format(bytes: imported.peakBytes),
    reference: "empty office open " + format(bytes: imported.peakBeforeBytes),
    ratio: "+" + format(bytes: max(0, imported.peakAppliedBytes - imported.peakBeforeBytes)),
    target: "< +64 MB", ok: imported.peakAppliedBytes - imported.peakBeforeBytes < 64 << 20,
    figures: [
      "applied_peak_bytes": Double(imported.peakAppliedBytes), "peak_bytes": Double(imported.peakBytes),
      "open_peak_bytes": Double(imported.peakBeforeBytes),
    ])
  try? FileManager.default.removeItem(atPath: work + "/office.gaibundle")
}
