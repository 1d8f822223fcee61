extension Unicode.Scalar {
  /// Whether the scalar can ride in a terminal cell after a spacing one (a combining mark ncurses keeps).
  var isCombiningMark: Bool {
    // Variation selectors ask for emoji presentation, which some terminals draw two columns wide.
    if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return false }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return displayWidth == 0
    default: return false
    }
  }
}

extension Character {
  /// The grapheme as the terminal cells that show it the same way on every terminal: each spacing code
  /// point with the combining marks after it; joiners and variation selectors are left out, so no terminal
  /// can join members into fewer columns than ncurses counted.
  public var terminalCells: [(text: String, width: Int)] {
    var cells: [(text: String, width: Int)] = []
    for scalar in unicodeScalars {
      let width = scalar.displayWidth
      if width > 0 {
        cells.append((String(scalar), width))
      } else if scalar.isCombiningMark, !cells.isEmpty, cells[cells.count - 1].text.unicodeScalars.count < 5 {
        cells[cells.count - 1].text.unicodeScalars.append(scalar)
      }
    }
    return cells
  }
}
