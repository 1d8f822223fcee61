import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The desk asks before giving a visitor who still holds an open ticket a second one, names that ticket, and
/// issues the second only on yes.
@Suite("Second ticket at the desk")
struct SecondTicketDeskTests {
  @Test("arrival: picking João Gonçalves, whose A-004 still waits, asks first; N issues nothing")
  func arrivalAsks() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "joao gon")
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    guard case .confirmSecondTicket = model.overlay else {
      Issue.record("no question: \(String(describing: model.overlay))")
      return
    }
    let screen = model.view().grid.lines.joined(separator: "\n")
    #expect(screen.contains("A-004"), "\(screen)")
    #expect(screen.contains("João Gonçalves"), "\(screen)")
    #expect(Fixture.press(&model, [.character("n")]).isEmpty)
    #expect(model.overlay == nil)
    #expect(model.current(ArrivalScreen.self) != nil)
    Fixture.press(&model, [.enter])
    #expect(Fixture.press(&model, [.character("s")]) == [.arrive(visitorID: "V-4", again: true)])
  }

  @Test("profile: a on Aminata Baldé, whose A-005 still waits, asks first")
  func profileAsks() {
    var model = Fixture.model()
    model.screens.append(.profile(ProfileScreen(visitorID: "V-5")))
    #expect(Fixture.press(&model, [.character("a")]).isEmpty)
    guard case .confirmSecondTicket = model.overlay else {
      Issue.record("no question: \(String(describing: model.overlay))")
      return
    }
    #expect(model.view().grid.lines.joined().contains("A-005"))
    #expect(model.view().grid.lines.joined().contains("ainda à espera"))
    #expect(Fixture.press(&model, [.character("s")]) == [.arrive(visitorID: "V-5", again: true)])
  }

  @Test("a ticket being served is named with its desk")
  func calledNamesTheDesk() {
    var model = Fixture.model()
    model.screens.append(.profile(ProfileScreen(visitorID: "V-2")))
    Fixture.press(&model, [.character("a")])
    let text = model.view().grid.lines.joined(separator: " ")
    #expect(text.contains("A-002") && text.contains("balcão 1"), "\(text)")
  }

  @Test("a visitor with no open ticket gets one at once, as before")
  func noOpenTicket() {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "ngu")
    #expect(Fixture.press(&model, [.enter]) == [.arrive(visitorID: "V-1")])
  }
}
