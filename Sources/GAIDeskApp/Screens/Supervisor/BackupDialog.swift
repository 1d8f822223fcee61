import Foundation
import GAIDesk
import TerminalUI

/// The supervisor's backup box: choose the folder (a USB stick's mount point), watch the progress bar, read
/// what was written and how to restore it. The backup runs on the worker; the keys stay free.
public struct BackupDialog: Sendable {
  /// Where the box is.
  enum Phase: Sendable {
    /// Asking for the folder.
    case asking
    /// The backup runs (its progress is `AppModel.backupProgress`).
    case running(folder: String)
    /// Done: what was written and how to restore.
    case finished(String)
    /// Refused or failed: why.
    case failed(String)
  }

  /// The folder typed.
  var folder: TextFieldState
  /// Folders found (the last backup's, mounted sticks); Tab goes through them.
  var candidates: [String]
  /// Where the box is.
  var phase = Phase.asking
  /// Why the folder typed cannot be used.
  var error: String?

  /// A box proposing the first of `candidates`.
  init(candidates: [String]) {
    self.candidates = candidates
    folder = TextFieldState(text: candidates.first ?? "", selected: true)
  }
}

/// A backup running on the worker.
public struct BackupProgress: Equatable, Sendable {
  /// The pass: reading the journal, then writing the bundle.
  var step: BundleStep
  /// Records done in the pass.
  var done: Int
  /// Records in the pass.
  var total: Int

  /// How far the whole backup is, 0…1 (reading is the first half, writing the second).
  var fraction: Double {
    let pass = total > 0 ? Double(min(done, total)) / Double(total) : 0
    return step == .writing ? 0.5 + pass / 2 : pass / 2
  }
}

extension AppModel {
  /// Applies the backup's messages: the folders found open the box, progress moves the bar, the result
  /// fills the box (or the status line when another box is open).
  mutating func backupMessage(_ message: Message) {
    switch message {
    case .backupFolders(let folders):
      overlay = .backup(BackupDialog(candidates: folders))
    case .backupProgress(let step, let done, let total):
      if backupProgress != nil { backupProgress = BackupProgress(step: step, done: done, total: total) }
    case .backedUp(let folder, let result):
      backupProgress = nil
      let summary = backupSummary(folder: folder, result)
      backupEnded(.finished(summary), notice: Notice(tr("backup.noticeDone", folder), role: .success))
    default: break
    }
  }

  /// A backup refused or failed: said in the box, or on the status line when the box was closed.
  mutating func backupFailed(_ message: String) {
    backupProgress = nil
    backupEnded(.failed(message), notice: Notice(message, role: .error))
  }

  private mutating func backupEnded(_ phase: BackupDialog.Phase, notice: Notice) {
    switch overlay {
    case .backup(var dialog)?:
      dialog.phase = phase
      overlay = .backup(dialog)
    case nil:
      var dialog = BackupDialog(candidates: [])
      dialog.phase = phase
      overlay = .backup(dialog)
    default:
      self.notice = notice
    }
  }

  /// What was written and how to restore, in the interface's language.
  func backupSummary(folder: String, _ result: BackupResult) -> String {
    let size =
      result.bytes < 1_000_000
      ? String(max(1, result.bytes / 1000)) + " kB"
      : String(format: "%.1f MB", Double(result.bytes) / 1_000_000)
    let written =
      result.bundle.map { tr("backup.written", folder, String(result.records), $0) }
      ?? tr("backup.upToDate", folder)
    return written + " " + tr("backup.holds", String(result.held), size) + "\n\n"
      + tr("backup.howToRestore", folder)
  }

  /// Keys of the backup box: typing and Tab choose the folder, Enter starts, Esc closes (a running backup
  /// goes on, its progress on the status line); once finished any key closes it.
  mutating func backupKey(_ key: KeyEvent, _ dialog: BackupDialog) -> [Effect] {
    var dialog = dialog
    switch dialog.phase {
    case .asking:
      switch key {
      case .escape:
        overlay = nil
      case .tab where !dialog.candidates.isEmpty:
        let index = dialog.candidates.firstIndex(of: dialog.folder.text).map { $0 + 1 } ?? 0
        // The folder proposed is selected, as the first one is: typing another replaces it.
        dialog.folder = TextFieldState(
          text: dialog.candidates[index % dialog.candidates.count], selected: true)
        overlay = .backup(dialog)
      case .enter:
        let folder = dialog.folder.text.trimmingCharacters(in: .whitespaces)
        guard folder.hasPrefix("/") else {
          dialog.error = tr("backup.folderNeeded")
          overlay = .backup(dialog)
          return []
        }
        dialog.phase = .running(folder: folder)
        overlay = .backup(dialog)
        backupProgress = BackupProgress(step: .reading, done: 0, total: 0)
        return [.backup(folder: folder)]
      default:
        dialog.error = nil
        _ = dialog.folder.handle(key)
        overlay = .backup(dialog)
      }
    case .running:
      if key == .escape { overlay = nil }
    case .finished, .failed:
      overlay = nil
    }
    return []
  }

  /// The status line while a backup runs with its box closed.
  var backupStatus: String? {
    backupProgress.map { tr("backup.running", String(Int($0.fraction * 100))) }
  }

  /// Draws the backup box.
  func renderBackup(_ dialog: BackupDialog, into grid: inout Grid) -> Point? {
    let width = min(grid.width - 4, 72)
    let textWidth = width - 4
    var lines: [(String, Role)] = []
    var hint: String
    // The row of the folder field or of the progress bar.
    var widgetRow = 0
    switch dialog.phase {
    case .asking:
      for line in tr("backup.ask").wrapped(toWidth: textWidth) { lines.append((line, .normal)) }
      lines.append(("", .normal))
      widgetRow = lines.count
      lines.append(("", .normal))
      if let error = dialog.error {
        for line in error.wrapped(toWidth: textWidth) { lines.append((line, .error)) }
      } else if dialog.candidates.count > 1 {
        lines.append((tr("backup.found", String(dialog.candidates.count)), .muted))
      } else if dialog.candidates.isEmpty {
        for line in tr("backup.noneFound").wrapped(toWidth: textWidth) { lines.append((line, .muted)) }
      }
      hint = tr("backup.askKeys")
    case .running(let folder):
      for line in tr("backup.writing", folder).wrapped(toWidth: textWidth) { lines.append((line, .normal)) }
      lines.append(("", .normal))
      widgetRow = lines.count
      lines.append(("", .normal))
      hint = tr("backup.runningKeys")
    case .finished(let text):
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard !line.isEmpty else {
          lines.append(("", .normal))
          continue
        }
        for part in String(line).wrapped(toWidth: textWidth) { lines.append((part, .success)) }
      }
      hint = tr("backup.close")
    case .failed(let text):
      for line in text.wrapped(toWidth: textWidth) { lines.append((line, .error)) }
      hint = tr("backup.close")
    }
    let box = grid.area.centered(Size(width: width, height: min(grid.height - 2, lines.count + 4)))
    grid.fill(box, style: .normal)
    let block = Block(title: tr("backup.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    for (row, line) in lines.prefix(inner.height - 1).enumerated() {
      grid.put(line.0, at: Point(x: inner.x, y: inner.y + row), role: line.1, maxWidth: inner.width)
    }
    grid.put(hint, at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
    switch dialog.phase {
    case .asking:
      let field = Rect(x: inner.x, y: inner.y + widgetRow, width: inner.width, height: 1)
      let widget = TextField(dialog.folder)
      grid.render(widget, in: field)
      return widget.cursorPosition(in: field)
    case .running:
      let fraction = backupProgress?.fraction ?? 0
      let label = " " + String(Int(fraction * 100)) + "%"
      let cells = max(1, inner.width - label.displayWidth)
      let filled = Int(fraction * Double(cells))
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled) + label
      grid.put(bar, at: Point(x: inner.x, y: inner.y + widgetRow), role: .success, maxWidth: inner.width)
    default: break
    }
    return nil
  }
}
