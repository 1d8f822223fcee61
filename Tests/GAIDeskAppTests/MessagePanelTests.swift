import Foundation
import GAIDesk
import TerminalUI
import TerminalUITestSupport
import Testing

@testable import GAIDeskApp

/// A message in a form's panel wraps inside the panel: every word of it is on the screen, none past the
/// border, at 80×24 and 100×30, in Portuguese and French.
@Suite("Message panels wrap")
struct MessagePanelTests {
  static let cases: [(Language, Size)] = [
    (.portuguese, Size(width: 80, height: 24)), (.portuguese, Size(width: 100, height: 30)),
    (.french, Size(width: 80, height: 24)), (.french, Size(width: 100, height: 30)),
  ]

  /// The text inside the screen's boxes, row after row, as one line of words (borders left out).
  static func panelWords(_ grid: Grid) -> String {
    grid.lines.map { line -> String in
      let parts = line.split(separator: "│", omittingEmptySubsequences: false)
      return parts.count >= 3 ? parts.dropFirst().dropLast().joined(separator: " ") : ""
    }.joined(separator: " ").split(separator: " ").joined(separator: " ")
  }

  /// The message as the screen should show it: its words, single-spaced.
  static func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }

  @Test("a refused registration wraps under the new visitor form", arguments: cases)
  func arrival(language: Language, size: Size) {
    var model = Fixture.model(width: size.width, height: size.height, language: language)
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Maria Ivanova")
    Fixture.press(&model, [.control("n")])
    let refusal = GAIDeskError(.fieldHidden, "name")
    _ = model.update(.failed(.arriveNew(VisitorForm(fullName: "Maria Ivanova")), refusal))
    let message = model.tr.error(refusal)
    #expect(message.displayWidth > size.width - 4)
    #expect(Self.panelWords(model.view().grid).contains(Self.words(message)))
    assertSnapshot(
      of: model.view().grid, named: "arrival-refused-\(language.rawValue)-\(size.width)x\(size.height)")
  }

  @Test("a refused profile edit wraps under the profile form", arguments: cases)
  func profile(language: Language, size: Size) {
    var model = Fixture.model(width: size.width, height: size.height, language: language)
    Fixture.press(&model, [.down, .down, .character("p"), .character("e")])
    let refusal = GAIDeskError(.mediumPermission, "/srv/gaidesk/dados")
    let form = VisitorForm(fullName: "Maria Ivanova")
    _ = model.update(.failed(.updateVisitor(id: "V-1", form: form), refusal))
    let message = model.tr.error(refusal)
    #expect(message.displayWidth > size.width - 4)
    #expect(Self.panelWords(model.view().grid).contains(Self.words(message)))
    assertSnapshot(
      of: model.view().grid, named: "profile-refused-\(language.rawValue)-\(size.width)x\(size.height)")
  }
}
