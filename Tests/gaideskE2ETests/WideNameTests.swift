import Foundation
import ProcessTestSupport
import Testing

/// Names with emoji sequences under a real tmux: ncurses, tmux and the grid count the same columns.
@Suite("Emoji names under tmux", .serialized)
struct WideNameTests {
  /// Columns `text` takes on a terminal (wcwidth per code point, as ncurses and tmux count them).
  static func columns(_ text: String) -> Int { TerminalColumns.of(text) }

  /// The column where each boxed row (one starting with "│") ends, trailing blanks dropped.
  static func borders(_ screen: String) -> [Int] {
    screen.components(separatedBy: "\n").filter { $0.hasPrefix("│") }.map { line in
      columns(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
    }
  }

  @Test("a row holding 👩‍👩‍👧 and 🇨🇻 keeps its right border in the same column as its neighbours (80×24)")
  func familyAndFlag() throws {
    let office = try TestOffice()
    defer { office.remove() }
    for name in ["Ana Lopes", "Maria 👩‍👩‍👧 Silva 🇨🇻", "José Tavares"] {
      #expect(office.run(["queue", "add", "--name", name, "--force"]) == 0, "\(office.log)")
    }
    let ui = office.unlockedInterface(width: 80, height: 24)
    defer { ui.stop() }
    #expect(ui.waitFor("José Tavares"))
    // The frame is complete once every boxed row is drawn (a capture can land mid-draw on a busy machine).
    _ = ui.waitUntil { Set(Self.borders($0)) == [80] }
    let screen = ui.screen()
    let lines = screen.components(separatedBy: "\n")
    let rows = lines.filter { $0.contains("A-00") }
    #expect(rows.count == 3, "\(screen)")
    let family = try #require(rows.first { $0.contains("Maria") })
    #expect(family.contains("👩👩👧"), "the family's members side by side: \(family)")
    #expect(family.contains("🇨🇻"), "the flag's two letters: \(family)")
    let borders = Self.borders(screen)
    #expect(Set(borders) == [80], "every boxed row ends at column 80: \(borders)\n\(screen)")
  }
}
