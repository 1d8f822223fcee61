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
      (Language.portuguese, "Voltar à fila"), (.english, "Back to the queue"),
      (.french, "Remettre dans la file"),
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

@Suite("Back to the queue: the answers (reducer)")
struct BackToQueueAnswerTests {
  /// The office once the core has put A-002 (T-2) back in the queue.
  static func returned() -> OfficeState {
    var state = Fixture.state()
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [.visitReturned(visitID: "T-2", calledAt: Fixture.at(minutesAgo: 60, counter: 9))]),
      time: Fixture.at(minutesAgo: 0, counter: 99))
    return state
  }

  /// When A-002 (T-2) was called to desk 1.
  static let call = Fixture.state().visits["T-2"]?.calledAt

  /// The model serving A-002, called to desk 1.
  static func serving() -> AppModel {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    return model
  }

  @Test("yes puts the visit back through the core, then the queue says since when it waits")
  func yes() {
    var model = Self.serving()
    Fixture.press(&model, [.escape])
    #expect(Fixture.press(&model, [.character("s")]) == [.returnToQueue(visitID: "T-2", call: Self.call)])
    let state = Self.returned()
    #expect(state.visits["T-2"]?.status == .waiting)
    _ = model.update(
      .done(.returnToQueue(visitID: "T-2", call: Self.call), state, visitID: "T-2", referralID: nil))
    guard let queue = model.queueScreen else { Issue.record("not back at the queue"); return }
    #expect(model.selectedVisit(queue)?.id == "T-2")
    let text = BackToQueueTests.text(model)
    #expect(text.contains("A-002 (Мария Иванова) voltou à fila, à espera desde as 09:40"), "\(text)")
  }

  @Test("N leaves the screen with the visit still called, and says so; Esc stays on the form")
  func noAndStay() {
    var model = Self.serving()
    Fixture.press(&model, [.escape])
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil && model.current(ServeScreen.self) != nil)
    Fixture.press(&model, [.escape])
    #expect(Fixture.press(&model, [.character("n")]).isEmpty)
    #expect(model.queueScreen != nil)
    #expect(BackToQueueTests.text(model).contains("A-002 (Мария Иванова) continua chamada ao balcão 1"))
  }

  @Test("F5 with nothing typed goes back at once; with something typed it asks first")
  func functionKey() {
    var model = Self.serving()
    #expect(Fixture.press(&model, [.function(5)]) == [.returnToQueue(visitID: "T-2", call: Self.call)])
    model = Self.serving()
    Fixture.press(&model, [.enter])
    #expect(Fixture.press(&model, [.function(5)]).isEmpty)
    guard case .confirmLeaveServe = model.overlay else { Issue.record("did not ask"); return }
    #expect(Fixture.press(&model, [.character("s")]) == [.returnToQueue(visitID: "T-2", call: Self.call)])
  }

  @Test("a refusal of the core (served meanwhile on another PC) is said under the form, which stays")
  func refused() {
    var model = Self.serving()
    let effects = Fixture.press(&model, [.function(5)])
    _ = model.update(.failed(effects[0], GAIDeskError(.visitNotCalled, "A-002")))
    #expect(model.current(ServeScreen.self)?.error == model.tr.error(GAIDeskError(.visitNotCalled, "A-002")))
  }

  @Test("the serve screen closes through the call it serves, so the core refuses once that call is undone")
  func closeNamesTheCall() throws {
    var model = Self.serving()
    Fixture.press(&model, [.enter])
    let effects = Fixture.press(&model, [.function(10)])
    guard case .close(let closing) = try #require(effects.first) else {
      Issue.record("F10 did not close: \(effects)")
      return
    }
    #expect(closing.call == Self.call && closing.call != nil)
  }

  @Test("Esc on a form whose visit was called again since (another desk) leaves without offering it back")
  func calledAgainElsewhere() {
    var model = Self.serving()
    var state = Self.returned()
    state.apply(
      EventBatch(staff: "Bruno", office: "praia", events: [.visitCalled(visitID: "T-2", desk: "2")]),
      time: Fixture.at(minutesAgo: 0, counter: 100))
    _ = model.update(.changed(state))
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil && model.queueScreen != nil)
  }

  @Test("Esc on the form of a visit no longer called (the core's rule) leaves without asking")
  func notCalledAnyMore() {
    var model = Self.serving()
    _ = model.update(.changed(Self.returned()))
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil && model.queueScreen != nil)
  }
}
