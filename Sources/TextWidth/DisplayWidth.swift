// How many terminal columns text takes, one rule for the whole program: the core's printed pages, the
// command line's tables and the interface's grid all measure with it.

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

extension Unicode.Scalar {
  /// Whether the scalar is a grapheme of its own beside any other scalar of which this is true (controls,
  /// Latin letters with their accents precomposed, dashes, quotes, bullets and the ellipsis, box drawing,
  /// blocks and shapes; CR LF, two controls, is the one exception): text made of such scalars is measured
  /// and drawn scalar by scalar, without grapheme breaking. (Checked over every pair by a test.)
  public var standsAlone: Bool {
    let v = value
    return v <= 0x2FF || (0x2010...0x2027).contains(v) || (0x2500...0x25FF).contains(v)
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
}

extension String {
  /// Columns the text takes in a terminal, summed per grapheme cluster (scalar by scalar when every scalar
  /// stands alone).
  public var displayWidth: Int {
    var columns = 0
    for scalar in unicodeScalars {
      guard scalar.standsAlone else { return reduce(0) { $0 + $1.displayWidth } }
      columns += scalar.displayWidth
    }
    return columns
  }
}

extension StringProtocol {
  /// Columns the text takes in a terminal, summed per grapheme cluster.
  public var displayWidth: Int {
    // ASCII, byte by byte: every byte is a one-column grapheme but the controls, which take none (CR LF,
    // the one two-byte cluster, is two controls).
    var columns = 0
    for byte in utf8 {
      if byte >= 0x80 { return reduce(0) { $0 + $1.displayWidth } }
      if byte >= 0x20, byte != 0x7F { columns += 1 }
    }
    return columns
  }

  /// The text followed by spaces up to `width` columns; text already as wide or wider is kept whole.
  public func padded(toColumns width: Int) -> String {
    let columns = displayWidth
    return columns >= width ? String(self) : String(self) + String(repeating: " ", count: width - columns)
  }
}
