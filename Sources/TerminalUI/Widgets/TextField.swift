/// A one-line text input; scrolls horizontally to keep the cursor visible, and can mask passphrases.
public struct TextField: Widget {
  /// The text and cursor.
  public var state: TextFieldState
  /// Whether each grapheme is shown as "•".
  public var masked: Bool
  /// The style of the field (text and empty space).
  public var style: Style
  /// Whether the field is being edited: its text then scrolls to keep the cursor in view; a field not being
  /// edited shows the beginning of its text, cut with "…" when longer than the field.
  public var isEditing: Bool

  /// Creates a field showing `state`, followed by its cursor while `editing`.
  public init(
    _ state: TextFieldState, masked: Bool = false, style: Style = Style(.normal, attributes: .underline),
    editing: Bool = true
  ) {
    self.state = state
    self.masked = masked
    self.style = style
    self.isEditing = editing
  }

  /// Draws the visible part of the text on the first row of `area`.
  public func render(into grid: inout Grid, area: Rect) {
    guard !area.isEmpty else { return }
    grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
    let shown =
      isEditing
      ? String(displayed.dropFirst(firstVisible(width: area.width)))
      : String(displayed).truncated(toWidth: area.width)
    // Selected text (typing replaces it) is drawn in reverse video.
    let look = state.isSelected ? Style(style.role, attributes: style.attributes.union(.reverse)) : style
    grid.put(shown, at: area.origin, style: look, maxWidth: area.width)
  }

  /// Where the terminal cursor goes when the field is drawn in `area`.
  public func cursorPosition(in area: Rect) -> Point {
    let start = firstVisible(width: area.width)
    let before = displayed.dropFirst(start).prefix(state.cursor - start)
    return Point(x: area.x + String(before).displayWidth, y: area.y)
  }

  /// The graphemes as drawn.
  private var displayed: [Character] {
    masked ? Array(repeating: "•", count: state.text.count) : Array(state.text)
  }

  /// The first grapheme drawn, so that the cursor and the cell under it fit in `width` columns.
  private func firstVisible(width: Int) -> Int {
    let widths = displayed.map(\.displayWidth)
    var start = 0
    var used = widths[0..<state.cursor].reduce(0, +)
    while start < state.cursor && used > width - 1 {
      used -= widths[start]
      start += 1
    }
    return start
  }
}
