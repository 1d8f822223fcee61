import CNCurses
import TerminalUI

/// Turns what `wget_wch` returns into key events: pure functions, testable without a terminal.
enum KeyMapping {
  /// The key for a character code (when `wget_wch` returns `OK`); in raw mode Ctrl-C arrives here as 3.
  static func event(forCharacter code: UInt32) -> KeyEvent {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(code + 96))))
    case 28...31: return .control(Character(Unicode.Scalar(UInt8(code + 64))))
    default:
      guard let scalar = Unicode.Scalar(code), code >= 32, !(0x80..<0xA0).contains(code) else {
        return .unknown
      }
      return .character(Character(scalar))
    }
  }

  /// The key for a function key code (when `wget_wch` returns `KEY_CODE_YES`).
  static func event(forKeyCode code: Int32) -> KeyEvent {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_HOME: .home
    case KEY_END: .end
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_DC: .delete
    case KEY_BACKSPACE: .backspace
    case KEY_ENTER: .enter
    case KEY_BTAB: .backTab
    case KEY_RESIZE: .resize
    case (KEY_F0 + 1)...(KEY_F0 + 63): .function(Int(code - KEY_F0))
    default: .unknown
    }
  }
}
