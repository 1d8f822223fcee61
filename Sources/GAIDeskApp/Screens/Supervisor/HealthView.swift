import Foundation
import GAIDesk
import TerminalUI

/// The core's health report as warning lines (future-dated records, forks, other PCs' incomplete records,
/// damage, last backup); nothing is
/// computed here.
enum HealthView {
  /// The lines to show, each with its role: warnings, or a recent backup muted.
  static func lines(_ model: AppModel) -> [(text: String, role: Role)] {
    let tr = model.tr
    let health = model.health
    var lines: [(text: String, role: Role)] = []
    // Damage is the red banner under the header on every screen (`AppModel.view()`), not repeated here.
    for warning in health.slotWarnings { lines.append((tr.error(warning), .warning)) }
    for fork in health.forks {
      let origin = String(fork.origin.hex.prefix(8))
      lines.append((tr("health.fork", origin, String(fork.sequence), fork.file), .warning))
    }
    for tail in health.incompleteTails {
      let origin = String(tail.segment.split(separator: "/").dropFirst().first?.prefix(8) ?? "")
      lines.append((tr("health.incompleteTail", origin), .warning))
    }
    if !health.futureDated.isEmpty {
      let days = health.futureDated.map { tr.date($0.day) + " (" + String($0.count) + ")" }
      lines.append((tr("health.future", days.joined(separator: ", ")), .warning))
    }
    let shown = health.lastBackup.map { tr.date(LocalTime.day($0)) }
    if let shown, let days = health.daysSinceBackup(now: model.now) {
      lines.append(
        health.backupOverdue(now: model.now)
          ? (tr("health.backupOld", shown, String(days)), .warning) : (tr("health.backup", shown), .muted))
    } else {
      lines.append((tr("health.backupNever"), .warning))
    }
    return lines
  }

  /// Draws `lines(model)` from the top of `area`, one row each; returns the rows used.
  @discardableResult
  static func render(into grid: inout Grid, area: Rect, model: AppModel) -> Int {
    let shown = lines(model).prefix(area.height)
    for (row, line) in shown.enumerated() {
      grid.put(
        line.text, at: Point(x: area.x, y: area.y + row), style: Style(line.role), maxWidth: area.width)
    }
    return shown.count
  }
}
