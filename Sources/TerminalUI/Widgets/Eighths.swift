/// Block characters filled from the bottom by eighths: index n holds n eighths.
let verticalEighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
/// Block characters filled from the left by eighths: index n holds n eighths.
let horizontalEighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

/// The length, in eighths of a cell, of `value` on a scale where `maximum` fills `cells` cells.
///
/// Rounded to the nearest eighth, but a positive value always shows at least one eighth.
func scaledEighths(_ value: Int, maximum: Int, cells: Int) -> Int {
  guard maximum > 0, value > 0, cells > 0 else { return 0 }
  let eighths = (min(value, maximum) * cells * 8 + maximum / 2) / maximum
  return max(1, eighths)
}

extension Grid {
  /// Draws a vertical bar of `eighths` eighths, `width` columns wide, growing up from row `bottom`.
  mutating func verticalBar(eighths: Int, x: Int, bottom: Int, width: Int, style: Style) {
    var left = eighths
    var y = bottom
    while left > 0 {
      let symbol = String(verticalEighths[min(8, left)])
      put(String(repeating: symbol, count: width), at: Point(x: x, y: y), style: style, maxWidth: width)
      left -= 8
      y -= 1
    }
  }
}
