import Foundation
import GAIDesk

/// A progress line on stderr for long work (count, rate, time left), only when stderr is a terminal.
final class Progress {
  private let label: String
  private let total: Int
  private let start = Date()
  private let visible = isatty(STDERR_FILENO) == 1
  private var shown = Date.distantPast

  /// A progress line for `total` steps of `label`.
  init(label: String, total: Int) {
    self.label = label
    self.total = total
  }

  /// Shows that `done` steps are done (at most 10 times a second).
  func update(_ done: Int, detail: String = "") {
    guard visible, Date().timeIntervalSince(shown) >= 0.1 || done == total else { return }
    shown = Date()
    let elapsed = max(Date().timeIntervalSince(start), 0.001)
    let rate = Double(done) / elapsed
    let left = rate > 0 ? Int(Double(total - done) / rate) : 0
    let line = Console.text(
      "progress.line",
      [label, String(done), String(total), String(format: "%.1f", rate), String(left), detail])
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
  }

  /// Clears the line.
  func finish() {
    guard visible else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
