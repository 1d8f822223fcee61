import Glibc
import Testing

@testable import TerminalUI

@Suite("Display width")
struct DisplayWidthTests {
  @Test(
    "names in many scripts",
    arguments: [
      ("Nguyễn Thị Hồng", 15),
      ("Мария Иванова", 13),
      ("王小明", 6),
      ("João Gonçalves", 14),
      ("محمد علي", 8),
      ("김민수", 6),
      ("ひらがな カタカナ", 17),
      ("ＡＢＣ", 6),
      ("", 0),
    ])
  func names(text: String, width: Int) {
    #expect(text.displayWidth == width)
  }

  @Test("precomposed and decomposed accents have the same width")
  func decomposed() {
    let precomposed = "Jo\u{E3}o"
    let decomposed = "Jo\u{61}\u{303}o"
    #expect(precomposed.unicodeScalars.count == 4)
    #expect(decomposed.unicodeScalars.count == 5)
    #expect(precomposed.displayWidth == 4)
    #expect(decomposed.displayWidth == 4)
    #expect("Nguye\u{302}\u{303}n".displayWidth == 6)
  }

  @Test("emoji sequences take what ncurses and tmux count: the sum of their code points")
  func emoji() {
    #expect(Character("😀").displayWidth == 2)
    #expect(Character("👍🏽").displayWidth == 4)
    #expect(Character("👨‍👩‍👧").displayWidth == 6)
    #expect(Character("🇨🇻").displayWidth == 2)
    #expect(Character("❤️").displayWidth == 1)
    #expect(Character("❤").displayWidth == 1)
  }

  @Test("a ZWJ family and a flag become one cell per member, joiners left out")
  func terminalCells() {
    #expect(Character("👨‍👩‍👧").terminalCells.map(\.text) == ["👨", "👩", "👧"])
    #expect(Character("🇨🇻").terminalCells.map(\.width) == [1, 1])
    #expect(Character("❤️").terminalCells.map(\.text) == ["❤"])
    #expect(Character("a\u{301}").terminalCells.map(\.text) == ["a\u{301}"])
  }

  @Test("every code point's width is the C library's wcwidth under C.UTF-8")
  func agreesWithWcwidth() throws {
    typealias Wcwidth = @convention(c) (Int32) -> Int32
    guard let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil),
      let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth")
    else { return }
    let wcwidth = unsafeBitCast(symbol, to: Wcwidth.self)
    let previous = uselocale(locale)
    defer {
      uselocale(previous)
      freelocale(locale)
    }
    var disagreements: [String] = []
    for value in UInt32(0xA0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let c = Int(wcwidth(Int32(bitPattern: value)))
      // Unassigned code points (-1) are drawn one column wide.
      if (c == -1 ? 1 : c) != scalar.displayWidth {
        disagreements.append(String(value, radix: 16))
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
  }

  @Test("controls and lone combining marks take no column")
  func zeroWidth() {
    #expect(Character("\u{7}").displayWidth == 0)
    #expect(Character("\u{9B}").displayWidth == 0)
    #expect(Character("\u{301}").displayWidth == 0)
    #expect(Character("\u{200B}").displayWidth == 0)
    #expect(Character("\r\n").displayWidth == 0)
  }

  @Test("decomposed Hangul syllable is one wide grapheme")
  func hangulJamo() {
    let syllable = "\u{1100}\u{1161}\u{11A8}"
    #expect(syllable.count == 1)
    #expect(syllable.displayWidth == 2)
  }
}
