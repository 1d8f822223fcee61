/// The text being edited in a field and the cursor, counted in graphemes.
public struct TextFieldState: Hashable, Sendable {
  /// The text.
  public private(set) var text: String
  /// The cursor position: the number of graphemes before it.
  public private(set) var cursor: Int
  /// Whether the whole text is selected: typing replaces it, a movement key drops the selection.
  public private(set) var isSelected: Bool
  /// The most graphemes the field takes; typing stops there.
  public var limit: Int

  /// Creates a state holding `text` with the cursor at its end; `selected` text is replaced by typing.
  public init(text: String = "", selected: Bool = false, limit: Int = 2000) {
    self.text = String(text.prefix(limit))
    self.cursor = self.text.count
    self.isSelected = selected && !text.isEmpty
    self.limit = limit
  }

  /// Replaces the text and puts the cursor at its end.
  public mutating func setText(_ newText: String) {
    text = String(newText.prefix(limit))
    cursor = text.count
    isSelected = false
  }

  /// Selects the whole text, so that typing replaces it (an empty field has nothing to select), or drops the
  /// selection.
  public mutating func select(_ selected: Bool) {
    isSelected = selected && !text.isEmpty
    if isSelected { cursor = text.count }
  }

  /// Empties the field.
  public mutating func clear() { setText("") }

  /// Inserts `string` at the cursor and moves the cursor past it.
  ///
  /// A combining mark joins the grapheme before the cursor, so the cursor stays after that grapheme.
  public mutating func insert(_ string: String) {
    if isSelected { clear() }
    let before = text.count
    var added = text
    added.insert(contentsOf: string, at: index(cursor))
    guard added.count <= limit else { return }
    text = added
    cursor += text.count - before
  }

  /// Deletes the grapheme before the cursor.
  public mutating func backspace() {
    guard cursor > 0 else { return }
    text.remove(at: index(cursor - 1))
    cursor -= 1
  }

  /// Deletes the grapheme after the cursor.
  public mutating func delete() {
    guard cursor < text.count else { return }
    text.remove(at: index(cursor))
  }

  /// Moves the cursor one grapheme left.
  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  /// Moves the cursor one grapheme right.
  public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
  /// Moves the cursor to the start.
  public mutating func moveHome() { cursor = 0 }
  /// Moves the cursor to the end.
  public mutating func moveEnd() { cursor = text.count }

  /// Applies an editing key; returns false when the key is not an editing key.
  ///
  /// Ctrl-U empties the field, Ctrl-A and Ctrl-E go to its start and end; with the text selected,
  /// Backspace or Delete empties it and a movement key just drops the selection.
  public mutating func handle(_ key: KeyEvent) -> Bool {
    switch key {
    case .character(let c): insert(String(c))
    case .control("u"): clear()
    case .backspace where isSelected, .delete where isSelected: clear()
    case .backspace: backspace()
    case .delete: delete()
    case .left, .right, .home, .end, .control("a"), .control("e"):
      isSelected = false
      if key == .left { moveLeft() }
      if key == .right { moveRight() }
      if key == .home || key == .control("a") { moveHome() }
      if key == .end || key == .control("e") { moveEnd() }
    default: return false
    }
    return true
  }

  private func index(_ offset: Int) -> String.Index {
    text.index(text.startIndex, offsetBy: offset)
  }
}
