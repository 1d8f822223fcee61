/// Where text sits inside a wider space.
public enum Alignment: Hashable, Sendable {
  /// Against the left edge.
  case leading
  /// In the middle (extra column on the right).
  case center
  /// Against the right edge.
  case trailing
}

extension String {
  /// The text cut to at most `width` columns, ending with `ellipsis` when cut; never splits a grapheme.
  ///
  /// Spaces just before the ellipsis are dropped ("Fila…", not "Fila …").
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return self }
    let ellipsisWidth = ellipsis.displayWidth
    guard ellipsisWidth <= width else { return String(prefix(fittingWidth: width)) }
    var head = prefix(fittingWidth: width - ellipsisWidth)
    while head.last?.isWhitespace == true { head = head.dropLast() }
    return head + ellipsis
  }

  /// The text cut to `width` columns as `truncated(toWidth:)` cuts it, and the columns left beside it.
  public func fitted(toWidth width: Int) -> (text: String, gap: Int) {
    guard width > 0 else { return ("", max(0, width)) }
    let columns = displayWidth
    if columns <= width { return (self, width - columns) }
    let text = truncated(toWidth: width)
    return (text, max(0, width - text.displayWidth))
  }

  /// The text truncated to `width` columns, then padded with spaces to exactly `width` columns.
  public func padded(toWidth width: Int, alignment: Alignment = .leading) -> String {
    let text = truncated(toWidth: width)
    let gap = max(0, width - text.displayWidth)
    switch alignment {
    case .leading: return text + String(repeating: " ", count: gap)
    case .trailing: return String(repeating: " ", count: gap) + text
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
    }
  }

  /// The longest prefix of whole graphemes that fits in `width` columns.
  func prefix(fittingWidth width: Int) -> Substring {
    var used = 0
    var end = startIndex
    for index in indices {
      let w = self[index].displayWidth
      if used + w > width { break }
      used += w
      end = self.index(after: index)
    }
    return self[startIndex..<end]
  }
}
