import TerminalUI
import Testing

@testable import NCursesBackend

/// Key codes as ncurses defines them (curses.h), so the mapping is checked against the real values.
@Suite("ncurses key mapping")
struct KeyMappingTests {
  @Test(
    "function key codes",
    arguments: [
      (0o402, KeyEvent.down), (0o403, .up), (0o404, .left), (0o405, .right), (0o406, .home),
      (0o407, .backspace), (0o411, .function(1)), (0o422, .function(10)), (0o512, .delete),
      (0o522, .pageDown), (0o523, .pageUp), (0o527, .enter), (0o541, .backTab), (0o550, .end),
      (0o632, .resize), (0o777, .unknown),
    ] as [(Int32, KeyEvent)])
  func keyCodes(code: Int32, event: KeyEvent) {
    #expect(KeyMapping.event(forKeyCode: code) == event)
  }

  @Test(
    "character codes",
    arguments: [
      (9, KeyEvent.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
      (3, .control("c")), (1, .control("a")), (26, .control("z")), (28, .control("\\")),
      (65, .character("A")), (0xE3, .character("ã")), (0x738B, .character("王")), (0x645, .character("م")),
      (0x1F600, .character("😀")), (0x9B, .unknown),
    ] as [(UInt32, KeyEvent)])
  func characters(code: UInt32, event: KeyEvent) {
    #expect(KeyMapping.event(forCharacter: code) == event)
  }
}
