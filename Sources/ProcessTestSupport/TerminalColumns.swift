import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How many columns text takes on a terminal, measured as ncurses and tmux measure it: the running C
/// library's `wcwidth` per code point under C.UTF-8. Tests use it as an oracle independent of the program's
/// own width function.
public enum TerminalColumns {
  private typealias Wcwidth = @convention(c) (Int32) -> Int32

  /// The columns of `text` (its scalar count when the C library cannot be asked).
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    guard let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil),
      let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth")
    else { return text.unicodeScalars.count }
    let previous = uselocale(locale)
    defer {
      uselocale(previous)
      freelocale(locale)
    }
    let wcwidth = unsafeBitCast(symbol, to: Wcwidth.self)
    return text.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(Int32(bitPattern: $1.value)))) }
  }
}
