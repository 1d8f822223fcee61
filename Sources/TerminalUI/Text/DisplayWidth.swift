extension Unicode.Scalar {
  /// Columns this scalar takes on its own: 0 for controls and combining marks, 2 for wide, else 1.
  public var displayWidth: Int {
    let v = value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    // Hangul medial vowels and final consonants join the initial consonant's two columns.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
    return Self.isWide(v) ? 2 : 1
  }

  /// Whether `value` lies in ``wideRanges`` (binary search).
  private static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = wideRanges[mid]
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
  /// Columns this grapheme cluster takes in a terminal: 0, 1 or 2.
  public var displayWidth: Int {
    var width = 0
    var regionalIndicators = 0
    for scalar in unicodeScalars {
      if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
      if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
      width = max(width, scalar.displayWidth)
    }
    return regionalIndicators >= 2 ? 2 : width
  }
}

extension StringProtocol {
  /// Columns the text takes in a terminal, summed per grapheme cluster.
  public var displayWidth: Int {
    reduce(0) { $0 + $1.displayWidth }
  }
}
