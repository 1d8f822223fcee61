import Foundation
import TerminalUI
import Testing

/// Checks that `grid`'s text matches the stored snapshot `named`, recording it when missing.
///
/// The snapshot is `grid.lines` joined by "\n" plus a final newline, stored as `<named>.txt` in a
/// `__Snapshots__` folder next to the calling test file (or in `directory`). A missing file is written
/// and reported as an issue, so the first run fails; with `SNAPSHOT_RECORD=1` every snapshot is
/// rewritten without failing. A mismatch is reported with a line diff.
public func assertSnapshot(
  of grid: Grid,
  named name: String,
  directory: String? = nil,
  filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = directory ?? snapshotDirectory(forTestFile: filePath)
  let file = URL(fileURLWithPath: folder).appendingPathComponent(name + ".txt")
  let actual = grid.lines.joined(separator: "\n") + "\n"
  let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
  let expected = try? String(contentsOf: file, encoding: .utf8)
  if recording || expected == nil {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
      return
    }
    if !recording {
      Issue.record(
        "No snapshot \(file.path); recorded it now, check it and run again:\n\(actual)",
        sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected, expected != actual else { return }
  let diff = lineDiff(expected: expected, actual: actual)
  Issue.record(
    "Snapshot \(name) differs (- stored, + actual; SNAPSHOT_RECORD=1 re-records):\n\(diff)",
    sourceLocation: sourceLocation)
}

/// The `__Snapshots__` folder next to the test file at `filePath`.
func snapshotDirectory(forTestFile filePath: String) -> String {
  URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__").path
}

/// A readable line-by-line comparison: unchanged lines once, changed lines as "-" and "+" pairs.
func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for index in 0..<max(old.count, new.count) {
    let before = index < old.count ? String(old[index]) : nil
    let after = index < new.count ? String(new[index]) : nil
    let number = String(index + 1).padded(toWidth: 3, alignment: .trailing)
    if before == after {
      out.append("\(number)  \(before ?? "")|")
    } else {
      if let before { out.append("\(number) -\(before)|") }
      if let after { out.append("\(number) +\(after)|") }
    }
  }
  return out.joined(separator: "\n")
}
