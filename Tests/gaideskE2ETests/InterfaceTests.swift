import Foundation
import Testing

/// The real `gaidesk` driven under tmux: a private socket per test, fixed size, C.UTF-8.
@Suite("Terminal interface end to end", .serialized)
struct InterfaceTests {
  @Test("a full visit: arrival, serve with a topic and a referral, then the referral followed to completed")
  func fullVisit() throws {
    let office = try TestOffice()
    defer { office.remove() }
    #expect(office.run(["visitor", "add", "--name", "Aminata Baldé", "--nationality", "GW"]) == 0)
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.keys("a")
    #expect(ui.waitFor("Chegada"))
    ui.type("amin")
    #expect(ui.waitFor("Aminata Baldé"))
    ui.keys("Enter")
    #expect(ui.waitFor("Senha A-001 para Aminata Baldé"))
    ui.keys("Enter")
    #expect(ui.waitFor("à espera"))
    ui.keys("Enter")
    #expect(ui.waitFor("Atender A-001"))
    ui.type("renov")
    ui.keys("Enter")
    #expect(ui.waitFor("[x] Renovação"))
    ui.keys("Tab", "Enter")
    #expect(ui.waitFor("[x] DEF"))
    ui.keys("Tab")
    ui.type("Documentos explicados")
    ui.keys("F10")
    #expect(ui.waitFor("Consentimento"))
    ui.keys("s")
    #expect(ui.waitFor("GUIA DE ENCAMINHAMENTO"))
    #expect(ui.waitFor("Guardado"))
    ui.keys("Enter")
    #expect(ui.waitFor("atendido"))
    ui.keys("s")
    #expect(ui.waitFor("Encaminhamentos"))
    ui.keys("Tab")
    #expect(ui.waitFor("criado"))
    for status in ["enviado", "aceite", "concluído"] {
      ui.keys("Enter")
      #expect(ui.waitFor("Novo estado"))
      ui.keys("Enter")
      // The dialog lists the next statuses too: wait until it has closed and the save is done (a save waits
      // for its turn on a machine loaded by the other suites: give it time, and show the screen if not).
      #expect(
        ui.waitUntil(seconds: 30) {
          !$0.contains("Novo estado") && !$0.contains("guardar…") && $0.contains(status)
        },
        "status \(status):\n\(ui.screen())")
    }
    #expect(ui.waitFor("abertos: 0", seconds: 30), "\(ui.screen())")
  }

  @Test("another process's arrival appears on the queue without a key press")
  func secondDesk() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    #expect(ui.waitFor("Ninguém na fila"))
    #expect(office.run(["queue", "add", "--name", "Мария Иванова"]) == 0, "\(office.log)")
    #expect(ui.waitFor("Мария Иванова", seconds: 3))
    #expect(ui.waitFor("A-001"))
  }

  @Test("a resize to 40×10 says the terminal is too small, and back to 100×30 shows the queue again")
  func resize() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.resize(width: 40, height: 10)
    #expect(ui.waitFor("pequeno"))
    ui.resize(width: 100, height: 30)
    #expect(ui.waitFor("Fila de hoje"))
    ui.resize(width: 80, height: 24)
    #expect(ui.waitFor("Fila de hoje"))
  }

  @Test("F2 switches to English, remembered at the next start")
  func english() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface()
    ui.keys("F2")
    #expect(ui.waitFor("Today's queue"))
    ui.keys("q")
    #expect(ui.waitFor("Quit?"))
    ui.keys("y")
    usleep(500_000)
    ui.stop()
    let again = office.interface()
    defer { again.stop() }
    #expect(again.waitFor("Unlock the office"))
  }

  @Test("a wrong passphrase says so and lets them retry")
  func wrongPassphrase() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.interface()
    defer { ui.stop() }
    #expect(ui.waitFor("Palavra-passe"))
    ui.type("not the passphrase")
    ui.keys("Enter")
    #expect(ui.waitFor("Palavra-passe errada"))
    ui.type(office.passphrase)
    ui.keys("Enter")
    #expect(ui.waitFor("Quem está ao balcão?"))
  }

  @Test("Home and End as terminals send them outside keypad mode move in the field, not to the discard box")
  func homeAndEndSequences() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.keys("a")
    #expect(ui.waitFor("Chegada"))
    ui.type("Fatou Diallo")
    #expect(ui.waitFor("Fatou Diallo"))
    // xterm's and tmux's Home and End (CSI H / CSI F, and the VT220 forms CSI 1~ / CSI 4~), sent as bytes.
    for (home, end) in [("\u{1B}[H", "\u{1B}[F"), ("\u{1B}[1~", "\u{1B}[4~")] {
      ui.type(home)
      ui.type("<")
      ui.type(end)
      ui.type(">")
    }
    #expect(ui.waitFor("<<Fatou Diallo>>"), "\(ui.screen())")
    #expect(!ui.screen().contains("Descartar"), "\(ui.screen())")
  }
}
