import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A form opened with text already in it (the name carried over from the search, a profile's details) puts
/// the cursor after that text: typing goes on from there and never replaces it unseen. Only a field entered
/// with Tab is selected whole.
@Suite("Opening a filled form")
struct FormOpeningTests {
  @Test("Novo visitante from the search: typing goes on after the name carried over")
  func carriedName() throws {
    var model = Fixture.model()
    Fixture.press(&model, [.character("a")])
    Fixture.type(&model, "Kossi")
    Fixture.press(&model, [.control("n")])
    Fixture.type(&model, " Mawuena")
    let form = try #require(model.current(ArrivalScreen.self)?.form)
    #expect(form.values[0].text == "Kossi Mawuena")
  }

  @Test("editing a profile: a key typed at once adds to the name, it does not replace it")
  func profileEdit() throws {
    var model = Fixture.model()
    model.screens.append(.profile(ProfileScreen(visitorID: "V-4")))
    Fixture.press(&model, [.character("e")])
    Fixture.type(&model, "x")
    let lines = model.view().grid.lines.joined(separator: "\n")
    #expect(lines.contains("João Gonçalvesx"), "\(lines)")
  }
}
