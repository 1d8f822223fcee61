import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A desk serves one person at a time (the core's rule): calling another ticket while this desk still has A-002
/// called asks first, names the ticket it holds, and offers to serve that one instead.
@Suite("Calling to a desk that still has a ticket called")
struct DeskBusyTests {
  @Test("c with A-002 still called to desk 1 asks; yes calls the next anyway")
  func callNextAsks() {
    var model = Fixture.model()
    #expect(Fixture.press(&model, [.character("c")]).isEmpty)
    guard case .confirmSecondCall(nil, "T-2") = model.overlay else {
      Issue.record("no question: \(String(describing: model.overlay))")
      return
    }
    let screen = model.view().grid.lines.joined(separator: " ")
    #expect(screen.contains("A-002") && screen.contains("balcão 1"), "\(screen)")
    #expect(Fixture.press(&model, [.character("s")]) == [.callNext(desk: "1", again: true)])
    #expect(model.overlay == nil)
  }

  @Test("Enter on a waiting ticket asks too, and yes calls that ticket")
  func callChosenAsks() {
    var model = Fixture.model()
    Fixture.press(&model, [.down])  // A-004 João, waiting
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    guard case .confirmSecondCall("T-4", "T-2") = model.overlay else {
      Issue.record("no question: \(String(describing: model.overlay))")
      return
    }
    #expect(model.view().grid.lines.joined(separator: " ").contains("A-004"))
    #expect(Fixture.press(&model, [.character("s")]) == [.call(visitID: "T-4", desk: "1", again: true)])
  }

  @Test("N serves the ticket the desk holds; Esc calls nothing")
  func serveHeldOrCancel() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("c")])
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil)
    #expect(model.current(QueueScreen.self) != nil)
    Fixture.press(&model, [.character("c")])
    #expect(Fixture.press(&model, [.character("n")]).isEmpty)
    #expect(model.overlay == nil)
    #expect(model.current(ServeScreen.self)?.visitID == "T-2")
  }

  @Test("another desk with nothing called calls at once, as before")
  func freeDeskCallsAtOnce() {
    var model = Fixture.model()
    model.desk = "3"
    #expect(Fixture.press(&model, [.character("c")]) == [.callNext(desk: "3")])
  }
}

/// A ticket called to another desk is that desk's: Enter on it here asks before serving it at this desk.
@Suite("Serving a ticket called to another desk")
struct ServeElsewhereTests {
  @Test("desk 2, Enter on A-002 called to desk 1 asks, naming desk 1; S serves it here, Esc leaves it")
  func asksFirst() {
    var model = Fixture.model()
    model.desk = "2"
    #expect(Fixture.press(&model, [.enter]).isEmpty)  // A-002, called to desk 1, is the first row
    guard case .confirmServeElsewhere("T-2") = model.overlay else {
      Issue.record("no question: \(String(describing: model.overlay))")
      return
    }
    let screen = model.view().grid.lines.joined(separator: " ")
    #expect(screen.contains("A-002") && screen.contains("balcão 1"), "\(screen)")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(model.current(ServeScreen.self) == nil, "Enter alone does not take another desk's visitor")
    Fixture.press(&model, [.escape])
    #expect(model.overlay == nil && model.current(ServeScreen.self) == nil)
    Fixture.press(&model, [.enter, .character("s")])
    #expect(model.overlay == nil)
    #expect(model.current(ServeScreen.self)?.visitID == "T-2")
  }

  @Test("at its own desk a called ticket opens at once, as before")
  func ownDesk() {
    var model = Fixture.model()
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(model.overlay == nil)
    #expect(model.current(ServeScreen.self)?.visitID == "T-2")
  }
}
