import Foundation

/// Applies verified bundles to an office's journal: other origins' records appended to their logs, gaps
/// parked in `incoming/` until the records before them arrive, forks kept aside in `forks/`.
struct BundleImporter {
  /// The office's journal.
  let journal: Journal
  /// The data folder.
  let root: String

  /// The folder of parked bundles.
  var incoming: String { root + "/incoming" }
  /// The folder of bundles whose history differs from this office's.
  var forks: String { root + "/forks" }

  /// What applying one bundle did.
  struct Outcome {
    var added = 0
    var alreadyHad = 0
    var waiting: [(origin: OriginID, from: UInt64, through: UInt64)] = []
    var forks: [(origin: OriginID, sequence: UInt64)] = []
  }

  /// Applies every range of a verified bundle, streaming each section (a few MiB at a time) into its log.
  func apply(_ bundle: BundleReader, progress: (Int) -> Void) throws -> Outcome {
    var outcome = Outcome()
    for (index, range) in bundle.manifest.ranges.enumerated() {
      if range.origin == journal.origin {
        try compareOwn(bundle, index, range: range, into: &outcome, progress: progress)
        continue
      }
      let result = try journal.appendForeign(origin: range.origin, first: range.first) { sink in
        try bundle.forEachChunk(index) { records in
          let more = try sink(records)
          progress(records.count)
          return more
        }
      }
      outcome.added += result.added
      outcome.alreadyHad += result.alreadyHad
      if let held = result.gapAfter { outcome.waiting.append((range.origin, held + 1, range.first - 1)) }
      if let sequence = result.forkAt { outcome.forks.append((range.origin, sequence)) }
    }
    return outcome
  }

  /// Records of the origin this device writes as are never appended: identical ones were already held,
  /// anything else (different, or beyond what this folder holds) is a fork.
  private func compareOwn(
    _ bundle: BundleReader, _ index: Int, range: BundleRange, into outcome: inout Outcome,
    progress: (Int) -> Void
  ) throws {
    let held = journal.versionVector[range.origin] ?? 0
    let local = FrameCursor(
      SegmentFrames(root: journal.root, origin: range.origin, from: range.first, through: held))
    var differs = false
    try bundle.forEachChunk(index) { records in
      for theirs in records where theirs.header.sequence <= held {
        guard let mine = try local.next(), mine.body == theirs.body else {
          outcome.forks.append((range.origin, theirs.header.sequence))
          differs = true
          return false
        }
        outcome.alreadyHad += 1
      }
      progress(records.count)
      return records.last.map { $0.header.sequence < held } ?? true
    }
    if !differs && range.last > held { outcome.forks.append((range.origin, max(held + 1, range.first))) }
  }

  /// Imports verified bundles, parks what waits, keeps forks aside, then tries every parked bundle again
  /// until none makes progress. `progress` hears how many more records were gone through.
  func run(_ bundles: [BundleReader], progress: (Int) -> Void = { _ in }) throws -> ImportSummary {
    var summary = ImportSummary()
    summary.bundles = bundles.count
    for bundle in bundles {
      let outcome = try apply(bundle, progress: progress)
      summary.added += outcome.added
      summary.alreadyHad += outcome.alreadyHad
      summary.forks += try keepForks(outcome, of: bundle)
      if let first = outcome.waiting.first { try park(bundle, waiting: first) }
    }
    try retryParked(into: &summary, progress: progress)
    var seen = Set<String>()
    summary.forks = summary.forks.filter { seen.insert("\($0.origin)\($0.sequence)\($0.file)").inserted }
    return summary
  }

  private func keepForks(_ outcome: Outcome, of bundle: BundleReader) throws -> [ImportSummary.Fork] {
    guard let first = outcome.forks.first else { return [] }
    let name = "fork-\(first.origin.hex)-at-\(first.sequence)-\(bundle.name).\(BundleFormat.fileExtension)"
    try keep(bundle, in: forks, as: name)
    return outcome.forks.map {
      ImportSummary.Fork(origin: $0.origin, sequence: $0.sequence, file: "forks/" + name)
    }
  }

  /// The parked file name: `waiting-<origin>-<from>-<through>-<bundle>.gaibundle`.
  private func parkedName(
    _ bundle: BundleReader, _ waiting: (origin: OriginID, from: UInt64, through: UInt64)
  )
    -> String
  {
    "waiting-\(waiting.origin.hex)-\(waiting.from)-\(waiting.through)-\(bundle.name).\(BundleFormat.fileExtension)"
  }

  private func park(_ bundle: BundleReader, waiting: (origin: OriginID, from: UInt64, through: UInt64)) throws
  {
    let existing = parkedFiles().contains {
      $0.hasSuffix("-" + bundle.name + "." + BundleFormat.fileExtension)
    }
    if !existing { try keep(bundle, in: incoming, as: parkedName(bundle, waiting)) }
  }

  /// Copies a bundle durably into `folder` under `name` (nothing when it is already there), a few MiB at a
  /// time.
  private func keep(_ bundle: BundleReader, in folder: String, as name: String) throws {
    guard FileIO.size(folder + "/" + name) == nil else { return }
    try FileIO.makeDirectory(folder)
    try BundleFile.copy(bundle.path, to: folder + "/" + name)
  }

  private func parkedFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? [])
      .filter { $0.hasSuffix("." + BundleFormat.fileExtension) }.sorted()
  }

  /// Tries every parked bundle again until a pass adds nothing; fills `summary.parked` with what still waits.
  private func retryParked(into summary: inout ImportSummary, progress: (Int) -> Void) throws {
    var progressed = true
    while progressed {
      progressed = false
      summary.parked = []
      for name in parkedFiles() {
        let path = incoming + "/" + name
        guard let bundle = try? reopen(path) else { continue }
        let outcome = try apply(bundle, progress: progress)
        summary.added += outcome.added
        progressed = progressed || outcome.added > 0
        summary.forks += try keepForks(outcome, of: bundle)
        if let first = outcome.waiting.first {
          let current = parkedName(bundle, first)
          if current != name { try FileIO.rename(path, to: incoming + "/" + current) }
          summary.parked += outcome.waiting.map {
            ImportSummary.Waiting(
              origin: $0.origin, from: $0.from, through: $0.through, file: "incoming/" + current)
          }
        } else {
          try FileManager.default.removeItem(atPath: path)
          progressed = true
        }
      }
    }
  }

  /// A parked bundle opened again (it was verified when it was parked; its sections are checked as read).
  var reopen: (String) throws -> BundleReader
}
