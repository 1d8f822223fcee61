import Foundation
import Testing

/// A returning visitor's visit with a French slip, counted key by key (search letters and free text aside).
@Suite("Slip language at the desk", .serialized)
struct SlipLanguageTests {
  @Test("a returning visitor, one topic, one referral and a French slip in at most 10 keys")
  func frenchSlip() throws {
    let office = try TestOffice()
    defer { office.remove() }
    #expect(
      office.run([
        "visitor", "add", "--name", "Aminata Baldé", "--nationality", "GW", "--consent-share", "yes",
      ])
        == 0, "\(office.log)")
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    var counted = 0
    func press(_ name: String) {
      counted += 1
      ui.keys(name)
    }
    press("a")
    #expect(ui.waitFor("Chegada"))
    ui.type("amin")
    #expect(ui.waitFor("Aminata Baldé"))
    press("Enter")
    #expect(ui.waitFor("Senha A-001"))
    press("Enter")
    #expect(ui.waitFor("à espera"))
    press("Enter")
    #expect(ui.waitFor("Atender A-001"))
    ui.type("renov")
    press("Enter")
    #expect(ui.waitFor("[x] Renovação"))
    press("Tab")
    press("Enter")
    #expect(ui.waitFor("[x] DEF"))
    press("F3")
    #expect(ui.waitFor("Guia: Francês"))
    press("F10")
    #expect(ui.waitFor("BON D'ORIENTATION"))
    #expect(!ui.screen().contains("GUIA DE ENCAMINHAMENTO"))
    #expect(counted <= 10, "keys: \(counted)")
  }
}
