import Foundation
import Testing

/// A visitor called by mistake, put back in the queue from the real `gaidesk` under tmux at 80×24.
@Suite("Back to the queue end to end", .serialized)
struct BackToQueueInterfaceTests {
  @Test(
    "c calls by mistake; Esc asks, S (not Enter) puts the ticket back; F5 too; N leaves it called and q says so"
  )
  func backToTheQueue() throws {
    let office = try TestOffice()
    defer { office.remove() }
    #expect(office.run(["queue", "add", "--name", "Aminata Baldé"]) == 0, "\(office.log)")
    let ui = office.unlockedInterface(width: 80, height: 24)
    defer { ui.stop() }
    #expect(ui.waitFor("A-001"))
    ui.keys("c")
    #expect(ui.waitFor("Atender A-001"), "\(ui.screen())")
    #expect(ui.waitFor("F5 Voltar à fila"))
    ui.keys("Escape")
    #expect(ui.waitFor("Voltar à fila?"), "\(ui.screen())")
    ui.keys("Enter")  // a letter answers this question: Enter does nothing
    ui.keys("s")
    #expect(ui.waitFor("voltou à fila, à espera desde as"), "\(ui.screen())")
    #expect(ui.waitFor("à espera"))
    ui.keys("c")
    #expect(ui.waitFor("Atender A-001"), "\(ui.screen())")
    ui.keys("F5")
    #expect(ui.waitFor("voltou à fila, à espera desde as"), "\(ui.screen())")
    ui.keys("c")
    #expect(ui.waitFor("Atender A-001"), "\(ui.screen())")
    ui.keys("Escape")
    #expect(ui.waitFor("Voltar à fila?"), "\(ui.screen())")
    ui.keys("n")
    #expect(ui.waitFor("continua chamada ao balcão 1"), "\(ui.screen())")
    ui.keys("q")
    #expect(ui.waitFor("A-001 (Aminata Baldé) continua chamada"), "\(ui.screen())")
    ui.keys("n")
    // The desk left it called (N): the command line, reading the same journal, puts it back.
    #expect(office.run(["queue", "return", "A-001"]) == 0, "\(office.log)")
  }
}
