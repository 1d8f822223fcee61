extension Unicode.Scalar {
  /// Columns this scalar takes, as the C library's `wcwidth` says (ncurses and tmux measure per code point):
  /// 0 for controls, combining marks and joiners, 2 for wide, else 1.
  public var displayWidth: Int {
    let v = value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    if Self.lies(v, in: zeroWidthRanges) { return 0 }
    return Self.lies(v, in: wideRanges) ? 2 : 1
  }

  /// Whether the scalar can ride in a terminal cell after a spacing one (a combining mark ncurses keeps).
  var isCombiningMark: Bool {
    // Variation selectors ask for emoji presentation, which some terminals draw two columns wide.
    if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return false }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return displayWidth == 0
    default: return false
    }
  }

  /// Whether `value` lies in one of the sorted `ranges` (binary search).
  private static func lies(_ value: UInt32, in ranges: [ClosedRange<UInt32>]) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = ranges[mid]
      if value < range.lowerBound {
        high = mid - 1
      } else if value > range.upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}

extension Character {
  /// Columns this grapheme takes on the terminal: the sum of its code points' widths, as ncurses and tmux
  /// count them (a ZWJ family is its members side by side, a flag its two letters).
  public var displayWidth: Int {
    var width = 0
    for scalar in unicodeScalars { width += scalar.displayWidth }
    return width
  }

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

extension StringProtocol {
  /// Columns the text takes in a terminal, summed per grapheme cluster.
  public var displayWidth: Int {
    reduce(0) { $0 + $1.displayWidth }
  }
}
