import Testing

@testable import TerminalUI

@Suite("Truncation, padding and wrapping")
struct FittingTests {
  @Test("truncation keeps whole graphemes and adds an ellipsis")
  func truncation() {
    #expect("João Gonçalves".truncated(toWidth: 8) == "João Go…")
    #expect("João Gonçalves".truncated(toWidth: 14) == "João Gonçalves")
    #expect("Jo\u{61}\u{303}o Gonçalves".truncated(toWidth: 4) == "Jo\u{61}\u{303}…")
    #expect("abc".truncated(toWidth: 0) == "")
    #expect("Fila de hoje".truncated(toWidth: 6) == "Fila…")
  }

  @Test("truncation never cuts a wide character in half", arguments: 0...7)
  func wideTruncation(width: Int) {
    let result = "王小明abc".truncated(toWidth: width)
    #expect(result.displayWidth <= width)
    #expect(result.allSatisfy { $0 == "…" || "王小明abc".contains($0) })
  }

  @Test("a cut before a wide character leaves the column empty")
  func wideGap() {
    #expect("王小明".truncated(toWidth: 4) == "王…")
    #expect("王小明".padded(toWidth: 4) == "王… ")
    #expect("王小明".padded(toWidth: 4).displayWidth == 4)
  }

  @Test("padding aligns by display width")
  func padding() {
    #expect("王".padded(toWidth: 5) == "王   ")
    #expect("王".padded(toWidth: 5, alignment: .trailing) == "   王")
    #expect("ab".padded(toWidth: 5, alignment: .center) == " ab  ")
    #expect("Мария".padded(toWidth: 7).displayWidth == 7)
  }

  @Test("wrapping breaks at spaces, and inside words longer than the line")
  func wrapping() {
    #expect("Nguyễn Thị Hồng".wrapped(toWidth: 10) == ["Nguyễn Thị", "Hồng"])
    #expect("王小明王小明".wrapped(toWidth: 5) == ["王小", "明王", "小明"])
    #expect("um\n\ndois".wrapped(toWidth: 10) == ["um", "", "dois"])
    // A line that fits keeps its spacing (a slip's "Référence : R-1   Date : 30/11/2026", aligned labels).
    #expect("Ref : R-1   Data : 1/12".wrapped(toWidth: 30) == ["Ref : R-1   Data : 1/12"])
    #expect("  • item".wrapped(toWidth: 30) == ["  • item"])
  }

  @Test("wrapping keeping spacing breaks where wrapping does and keeps the gaps between words on a line")
  func wrappingKeepingSpacing() {
    let text = "atendido  Renovação da autorização — Explicado"
    #expect(text.wrappedKeepingSpacing(toWidth: 30) == ["atendido  Renovação da", "autorização — Explicado"])
    #expect(text.wrappedKeepingSpacing(toWidth: 60) == [text])
    // Where the breaks fall is wrapping's own, long words included.
    for width in [5, 12, 20, 30] {
      let kept = text.wrappedKeepingSpacing(toWidth: width)
      #expect(kept.map { $0.split(separator: " ").joined(separator: " ") } == text.wrapped(toWidth: width))
    }
    #expect("王小明王小明  um".wrappedKeepingSpacing(toWidth: 5) == ["王小", "明王", "小明", "um"])
  }

  @Test("wrapping evenly takes the rows wrapping takes, as even as they go, no word broken to get there")
  func wrappingEvenly() {
    let line = "… 4 de plus : gaidesk report month"
    #expect(line.wrapped(toWidth: 32) == ["… 4 de plus : gaidesk report", "month"])
    #expect(line.wrappedEvenly(toWidth: 32) == ["… 4 de plus :", "gaidesk report month"])
    #expect(line.wrappedEvenly(toWidth: 40) == [line])
    #expect("abcdef gh".wrappedEvenly(toWidth: 6) == ["abcdef", "gh"])
  }
}
