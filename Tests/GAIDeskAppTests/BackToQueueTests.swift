import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A visitor called by mistake goes back to the queue from the serve screen: a key in the footer, Esc asks
/// instead of leaving the visitor called without a word, and quitting names the visitors still called here.
@Suite("Back to the queue (reducer)")
struct BackToQueueTests {
  /// The screen's text.
  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test(
    "the serve screen shows its back-to-the-queue key in the footer and the help, in pt, en and fr",
    arguments: [
      (Language.portuguese, "Voltar à fila"), (.english, "Back to the queue"), (.french, "Remettre dans la file"),
    ])
  func keyShown(language: Language, label: String) {
    var model = Fixture.model(language: language)
    model.openServe(model.state.visits["T-2"]!)
    let footer = model.view().grid.lines.last ?? ""
    #expect(footer.contains("F5 " + label), "\(footer)")
    Fixture.press(&model, [.function(1)])
    #expect(Self.text(model).contains(label))
  }

  @Test("Esc on a serve screen with nothing typed asks, naming the ticket, instead of leaving it called")
  func escapeAsks() {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay != nil, "Esc left the visitor called without asking")
    #expect(model.current(ServeScreen.self) != nil)
    let text = Self.text(model)
    #expect(text.contains("A-002") && text.contains("Voltar à fila"), "\(text)")
  }

  @Test("q at the queue while a visitor is called at this desk names the ticket in the quit box")
  func quitNamesCalledVisitors() {
    /// How many times the screen shows A-002 (called to desk 1) with the quit box open at `desk`.
    func shown(atDesk desk: String) -> Int {
      var model = Fixture.model()
      model.desk = desk
      Fixture.press(&model, [.character("q")])
      #expect(model.overlay != nil)
      return Self.text(model).components(separatedBy: "A-002").count - 1
    }
    // The queue behind shows the ticket either way; at desk 1 the box names it too.
    #expect(shown(atDesk: "1") > shown(atDesk: "3"))
  }
}
