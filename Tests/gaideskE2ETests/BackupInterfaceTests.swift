import Foundation
import Testing

/// The supervisor backs the office up from the interface, under tmux, with the real binary.
@Suite("Backup from the interface, end to end", .serialized)
struct BackupInterfaceTests {
  @Test(
    "b on the supervisor's day: a folder, the result with how to restore, the warning gone, the stick checks")
  func backupFromTheInterface() throws {
    let office = try TestOffice()
    defer { office.remove() }
    for name in ["Aminata Baldé", "Мария Иванова", "Lin Wei"] {
      #expect(office.run(["queue", "add", "--name", name]) == 0, "\(office.log)")
    }
    let stick = office.scratch + "/PEN"
    let ui = office.unlockedInterface()
    defer { ui.stop() }
    ui.keys("s")
    #expect(ui.waitFor("Nunca foi feita uma cópia"))
    ui.keys("b")
    #expect(ui.waitFor("Pasta da cópia"))
    // The proposed folder (if any stick is mounted here) is selected: typing replaces it.
    ui.type(stick)
    ui.keys("Enter")
    #expect(ui.waitFor("Cópia feita em"), "\(ui.screen())")
    #expect(ui.waitFor("gaidesk restore --from"))
    ui.keys("Enter")
    #expect(ui.waitUntil { $0.contains("Última cópia de segurança:") && !$0.contains("Nunca foi feita") })
    // The keys work straight after: the next tab.
    ui.keys("Tab")
    #expect(ui.waitFor("Encaminhamentos"))
    #expect(office.run(["backup", "--check", stick]) == 0, "\(office.log)")
    #expect(office.log.contains("intacta"))
  }
}
