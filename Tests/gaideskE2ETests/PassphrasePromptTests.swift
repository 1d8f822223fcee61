import Foundation
import Testing

/// The no-echo passphrase prompt under a real terminal (tmux).
@Suite("Passphrase prompt", .serialized)
struct PassphrasePromptTests {
  @Test("Ctrl-C at the passphrase prompt leaves the terminal echoing")
  func interruptRestoresEcho() throws {
    let office = try TestOffice()
    defer { office.remove() }
    let settings = office.scratch + "/stty.txt"
    // The shell ignores the interrupt (a handler, not SIG_IGN, so gaidesk gets the default action) and then
    // records the terminal's settings after gaidesk died.
    let script =
      "trap : INT; '\(Spawn.gaidesk)' queue list; stty -a > '\(settings)'; echo STTY-DONE; sleep 60"
    let session = TmuxSession(
      command: ["/bin/sh", "-c", script], environment: ["GAIDESK_DATA": office.data], scratch: office.scratch)
    defer { session.stop() }
    #expect(session.waitFor("Palavra-passe"))
    session.keys("C-c")
    #expect(session.waitFor("STTY-DONE"), "\(session.screen())")
    let flags = (try? String(contentsOfFile: settings, encoding: .utf8)) ?? ""
    let words = flags.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    #expect(words.contains("echo") && !words.contains("-echo"), "\(flags)")
  }
}
