import CNCurses
import TerminalUI

extension NCursesTerminal {
  /// Draws the cells of `grid` that changed since the last call (all of them after a resize), then
  /// shows the cursor at `cursor`, or hides it when nil.
  public func present(_ grid: Grid, cursor: Point?) {
    guard cursesActive else { return }
    if previous == nil { werase(gd_stdscr()) }
    for change in grid.diff(from: previous ?? Grid(width: 0, height: 0)) {
      var x = change.position.x
      for cell in change.cells {
        defer { x += 1 }
        if cell.isContinuation || x + cell.width > size.width || change.position.y >= size.height { continue }
        draw(cell, x: x, y: change.position.y)
      }
    }
    previous = grid
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
      if !cursorShown { curs_set(1) }
      cursorShown = true
      wmove(gd_stdscr(), Int32(cursor.y), Int32(cursor.x))
    } else {
      if cursorShown { curs_set(0) }
      cursorShown = false
    }
    wrefresh(gd_stdscr())
  }

  /// Gives each role a colour pair numbered `role.rawValue + 1`.
  func setUpColorPairs() {
    start_color()
    let defaults = use_default_colors() == OK
    for role in Role.allCases {
      let look = theme[role]
      let foreground = look.foreground == .default && !defaults ? Color.white : look.foreground
      let background = look.background == .default && !defaults ? Color.black : look.background
      init_pair(Int16(role.rawValue + 1), Int16(foreground.rawValue), Int16(background.rawValue))
    }
  }

  /// Writes one grapheme with its style; a grapheme ncurses cannot hold whole is cut to its first scalar.
  /// The scalars go through a buffer on the stack: no allocation per cell.
  private func draw(_ cell: Cell, x: Int, y: Int) {
    let look = theme[cell.style.role]
    let pair = theme.usesColor ? Int16(cell.style.role.rawValue + 1) : 0
    let attributes = Self.attributes(look.attributes.union(cell.style.attributes))
    var character = cchar_t()
    let capacity = Int(CCHARW_MAX)
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: capacity + 1) { text in
      var count = 0
      for scalar in cell.grapheme.unicodeScalars where count < capacity {
        text[count] = wchar_t(bitPattern: scalar.value)
        count += 1
      }
      text[count] = 0
      if setcchar(&character, text.baseAddress, attributes, pair, nil) != OK {
        text[min(1, count)] = 0
        _ = setcchar(&character, text.baseAddress, attributes, pair, nil)
      }
    }
    mvwadd_wch(gd_stdscr(), Int32(y), Int32(x), &character)
  }

  private static func attributes(_ attributes: Attributes) -> attr_t {
    var result: attr_t = 0
    if attributes.contains(.bold) { result |= gd_a_bold() }
    if attributes.contains(.underline) { result |= gd_a_underline() }
    if attributes.contains(.reverse) { result |= gd_a_reverse() }
    return result
  }
}
