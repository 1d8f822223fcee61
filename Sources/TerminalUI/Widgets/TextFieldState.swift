/// The text being edited in a field and the cursor, counted in graphemes.
public struct TextFieldState: Hashable, Sendable {
  /// The text.
  public private(set) var text: String
  /// The cursor position: the number of graphemes before it.
  public private(set) var cursor: Int

  /// Creates a state holding `text` with the cursor at its end.
  public init(text: String = "") {
    self.text = text
    self.cursor = text.count
  }

  /// Replaces the text and puts the cursor at its end.
  public mutating func setText(_ newText: String) {
    text = newText
    cursor = newText.count
  }

  /// Inserts `string` at the cursor and moves the cursor past it.
  ///
  /// A combining mark joins the grapheme before the cursor, so the cursor stays after that grapheme.
  public mutating func insert(_ string: String) {
    let before = text.count
    text.insert(contentsOf: string, at: index(cursor))
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
  public mutating func handle(_ key: KeyEvent) -> Bool {
    switch key {
    case .character(let c): insert(String(c))
    case .backspace: backspace()
    case .delete: delete()
    case .left: moveLeft()
    case .right: moveRight()
    case .home: moveHome()
    case .end: moveEnd()
    default: return false
    }
    return true
  }

  private func index(_ offset: Int) -> String.Index {
    text.index(text.startIndex, offsetBy: offset)
  }
}
