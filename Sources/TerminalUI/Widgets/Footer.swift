/// The key help line at the bottom of a screen: "F1 Ajuda  / Procurar  Esc Voltar".
public struct Footer: Widget {
  /// The entries, in order.
  public var entries: [FooterEntry]

  /// Creates a footer from entries.
  public init(entries: [FooterEntry]) {
    self.entries = entries
  }

  /// Creates a footer from the visible bindings of `keyMap`, so it always matches the keys handled.
  public init<Action>(keyMap: KeyMap<Action>) {
    self.init(entries: keyMap.footerEntries)
  }

  /// Draws whole entries while they fit on the first row of `area`, then "…" if some were left out.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: .normal)
    var x = area.x
    for (index, entry) in entries.enumerated() {
      let gap = index == 0 ? 0 : 2
      guard x + gap + entry.key.displayWidth + 1 + entry.help.displayWidth <= area.maxX else {
        let marker = x + min(gap, 1)
        grid.put("…", at: Point(x: marker, y: area.y), role: .muted, maxWidth: area.maxX - marker)
        return
      }
      x += gap
      x += grid.put(entry.key, at: Point(x: x, y: area.y), role: .key)
      x += grid.put(" " + entry.help, at: Point(x: x, y: area.y), role: .normal)
    }
  }
}
