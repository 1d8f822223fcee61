import GAIDesk
import TerminalUI

extension Translator {
  /// What a list cut to its rows holds beyond them: "↑ n acima · ↓ mais n …" (`more`, a key taking the count,
  /// names what lies below); nil when nothing does.
  func beyond(above: Int, below: Int, more: String) -> String? {
    let parts = [
      above > 0 ? self("list.above", String(above)) : nil,
      below > 0 ? self(more, String(below)) : nil,
    ].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// Under a table of `count` rows showing `rows` of them from `above` (under its header), the last row of
  /// `area` says what lies beyond (`more` names what lies below), when anything does.
  func putBeyond(above: Int, count: Int, rows: Int, more: String, into grid: inout Grid, area: Rect) {
    guard rows < area.height - 1,
      let line = beyond(above: above, below: max(0, count - above - rows), more: more)
    else { return }
    grid.put(line, at: Point(x: area.x, y: area.maxY - 1), role: .muted, maxWidth: area.width)
  }
}
