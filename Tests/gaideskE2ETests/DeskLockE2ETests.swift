import Foundation
import Testing

/// The lock, the PIN and switching people, in the real program under tmux.
@Suite("Desk lock end to end", .serialized)
struct DeskLockE2ETests {
  static let anaPIN = "58203147"
  static let joaoPIN = "73916248"
  static let joaoPassphrase = "joao-tem-a-sua-frase"

  /// Types a PIN twice on the PIN screen.
  static func choosePIN(_ ui: TmuxSession, _ pin: String) {
    ui.type(pin)
    ui.keys("Tab")
    ui.type(pin)
    ui.keys("Enter")
  }

  @Test(
    "unlock, choose a PIN, panic key locks (content gone, name shown), PIN unlocks, a second person switches by PIN"
  )
  func lockAndSwitch() throws {
    let office = try TestOffice()
    defer { office.remove() }
    #expect(office.run(["queue", "add", "--name", "Aminata Baldé"]) == 0, "\(office.log)")
    #expect(
      office.addStaff("João", role: "front-desk", passphrase: Self.joaoPassphrase) == 0, "\(office.log)")
    let ui = office.interface()
    defer { ui.stop() }
    #expect(ui.waitFor("Palavra-passe"))
    ui.type(office.passphrase)
    ui.keys("Enter")
    #expect(ui.waitFor("Quem está ao balcão?"))
    ui.keys("Enter")
    #expect(ui.waitFor("PIN para voltar"))
    Self.choosePIN(ui, "123456")
    #expect(ui.waitFor("adivinhado depressa", seconds: 20), "\(ui.screen())")
    Self.choosePIN(ui, Self.anaPIN)
    #expect(ui.waitUntil { $0.contains("PIN guardado") && $0.contains("Aminata Baldé") })

    ui.keys("C-l")
    #expect(
      ui.waitUntil {
        $0.contains("Ecrã bloqueado") && $0.contains("Estava ao balcão: Ana") && !$0.contains("Aminata")
          && !$0.contains("Fila de hoje")
      }, "\(ui.screen())")
    ui.type(Self.anaPIN)
    ui.keys("Enter")
    #expect(
      ui.waitUntil { $0.contains("Ana está ao balcão") && $0.contains("Aminata Baldé") }, "\(ui.screen())")

    // Someone else joins with their own passphrase, then chooses a PIN.
    ui.keys("F12")
    #expect(ui.waitFor("Ecrã bloqueado"))
    ui.keys("Down")
    #expect(ui.waitFor("Outra pessoa (a sua palavra-passe)"))
    #expect(!ui.screen().contains("Nome:"), "the passphrase names the person: no name is typed")
    ui.type(Self.joaoPassphrase)
    ui.keys("Enter")
    #expect(ui.waitFor("PIN para voltar"), "\(ui.screen())")
    Self.choosePIN(ui, Self.joaoPIN)
    #expect(ui.waitUntil { $0.contains("PIN guardado") && $0.contains("João · Balcão") }, "\(ui.screen())")

    // Back to Ana by her PIN; a wrong one first is counted.
    ui.keys("C-l")
    #expect(ui.waitFor("Estava ao balcão: João"))
    ui.keys("Up")
    ui.type(Self.joaoPIN)
    ui.keys("Enter")
    #expect(ui.waitFor("mais 4 erros"), "\(ui.screen())")
    ui.type(Self.anaPIN)
    ui.keys("Enter")
    #expect(
      ui.waitUntil { $0.contains("Ana está ao balcão") && $0.contains("Ana · Balcão") }, "\(ui.screen())")

    ui.keys("q")
    #expect(ui.waitFor("Sair"))
    ui.keys("s")
    #expect(ui.waitUntil { !$0.contains("Sair") })
    ui.stop()
    let roots = [office.data, office.state]
    for pin in [Self.anaPIN, Self.joaoPIN] {
      let found = PINScan.find(pin, under: roots)
      #expect(found.isEmpty, "\(found)")
    }
    #expect(PINScan.files(under: roots).count >= 4)
  }

  @Test(
    "idle: with GAIDESK_IDLE_LOCK_SECONDS=3 the screen locks by itself; the passphrase unlocks without a PIN")
  func idleLock() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let ui = office.unlockedInterface(environment: ["GAIDESK_IDLE_LOCK_SECONDS": "3"])
    defer { ui.stop() }
    #expect(ui.waitFor("Estava ao balcão: Ana", seconds: 15), "\(ui.screen())")
    #expect(!ui.screen().contains("Fila de hoje"))
    ui.type(office.passphrase)
    ui.keys("Enter")
    #expect(ui.waitFor("Fila de hoje"), "\(ui.screen())")
  }
}
