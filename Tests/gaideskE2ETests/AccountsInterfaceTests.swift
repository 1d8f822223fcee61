import Foundation
import Testing

/// The administrator's screen in the real program under tmux: a person added there unlocks as themselves, with
/// their role.
@Suite("People and access screen end to end", .serialized)
struct AccountsInterfaceTests {
  @Test(
    "an administrator adds a front-desk person from the screen; they unlock as themselves and are refused s")
  func addFrontDeskFromTheScreen() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.keys("e")
    #expect(
      ui.waitUntil { $0.contains("Equipa e acessos") && $0.contains("administração") }, "\(ui.screen())")
    ui.keys("n")
    #expect(ui.waitFor("Nova pessoa:"), "\(ui.screen())")
    ui.type("Rui Fortes")
    ui.keys("Tab")
    ui.type("rui-no-balcao-da-praia")
    ui.keys("Tab")
    ui.type("rui-no-balcao-da-praia")
    #expect(ui.waitFor("atendimento"))
    ui.keys("Enter")
    #expect(ui.waitFor("Rui Fortes adicionado(a) (atendimento)", seconds: 30), "\(ui.screen())")
    #expect(ui.screen().contains("Rui Fortes"))

    // Rui comes to the desk: the locked screen, "someone else", his own passphrase.
    ui.keys("Escape")
    #expect(ui.waitFor("Fila de hoje"))
    ui.keys("C-l")
    #expect(ui.waitFor("Ecrã bloqueado"))
    ui.keys("Down")
    #expect(ui.waitFor("Outra pessoa (a sua palavra-passe)"))
    ui.type("rui-no-balcao-da-praia")
    ui.keys("Enter")
    #expect(ui.waitFor("PIN para voltar", seconds: 30), "\(ui.screen())")
    ui.keys("Escape")
    #expect(ui.waitUntil { $0.contains("Fila de hoje") && $0.contains("Rui Fortes") }, "\(ui.screen())")
    ui.keys("s")
    #expect(ui.waitUntil { $0.contains("não pode ver os") && $0.contains("Fila de hoje") }, "\(ui.screen())")
    ui.keys("Enter")
    #expect(ui.waitUntil { !$0.contains("não pode ver os") })
    ui.keys("e")
    #expect(ui.waitFor("não pode gerir as"), "\(ui.screen())")
  }
}
