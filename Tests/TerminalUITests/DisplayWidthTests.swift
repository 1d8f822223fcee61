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

  @Test("emoji are wide, including sequences")
  func emoji() {
    #expect(Character("😀").displayWidth == 2)
    #expect(Character("👍🏽").displayWidth == 2)
    #expect(Character("👨‍👩‍👧").displayWidth == 2)
    #expect(Character("🇨🇻").displayWidth == 2)
    #expect(Character("❤️").displayWidth == 2)
    #expect(Character("❤").displayWidth == 1)
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
