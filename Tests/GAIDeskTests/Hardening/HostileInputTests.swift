import Dispatch
import Foundation
import Testing

@testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile input in the core: huge queries and limits, characters that hide text, files that are not files.
@Suite struct HostileInputTests {
  @Test func aHundredThousandCharacterQueryIsCutBeforeSearching() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 30)
    let search = VisitorSearch(state: office.state)
    let start = Date()
    for query in [String(repeating: "a", count: 100_000), String(repeating: "visitor ", count: 12_500)] {
      _ = search.find(query, in: office.state, limit: 20)
    }
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(search.find("visitor 7" + String(repeating: " ", count: 100_000), in: office.state).count >= 1)
  }

  @Test func hugeLimitsAreBounded() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 5)
    let search = VisitorSearch(state: office.state)
    #expect(search.find("visitor", in: office.state, limit: .max).count == 5)
    #expect(search.find("visitor", in: office.state, limit: -1).isEmpty)
    #expect(throws: GAIDeskError("error.field.range", "limit", "-1", "1", "100")) {
      try Validation.count(-1, field: "limit", in: 1...100)
    }
  }

  @Test func namesRefuseCharactersThatHideOrReorderText() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let hiding: [Unicode.Scalar] = [
      "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
      "\u{2069}",
      "\u{200B}", "\u{2060}", "\u{FEFF}",
    ]
    for scalar in hiding {
      #expect(throws: GAIDeskError("error.field.hidden", "name"), "U+\(String(scalar.value, radix: 16))") {
        try office.registerVisitor(VisitorForm(fullName: "Ana \(scalar)Lima"), staff: "Ana")
      }
    }
    #expect(office.state.visitorOrder.isEmpty)
    // Joiners stay: Persian names and emoji sequences need them.
    let persian = "مهر\u{200C}ناز"
    let kept = try office.registerVisitor(VisitorForm(fullName: persian + " Rahimi"), staff: "Ana")
    #expect(kept.fullName.unicodeScalars.contains("\u{200C}"))
    _ = try office.registerVisitor(
      VisitorForm(fullName: "Kiran \u{0915}\u{094D}\u{200D}\u{0937}"), staff: "Ana")
    #expect(office.state.visitorOrder.count == 2)
  }

  @Test func oneLineTextEscapesNewlinesControlsAndHidingCharacters() {
    #expect(TextEscaping.oneLine("ok\nF-1 forged") == "ok\\nF-1 forged")
    #expect(TextEscaping.oneLine("\u{1B}[2J\u{1B}]0;x\u{7}") == "\\u{1B}[2J\\u{1B}]0;x\\u{7}")
    #expect(TextEscaping.oneLine("a\u{202E}b\tc\u{9B}") == "a\\u{202E}b\\tc\\u{9B}")
    #expect(TextEscaping.oneLine("João 👩\u{200D}💻") == "João 👩\u{200D}💻")
    #expect(TextEscaping.escaped("one\ntwo\u{1B}", keepingNewlines: true) == "one\ntwo\\u{1B}")
  }

  @Test func aFifoWhereASegmentShouldBeIsRefusedNotReadForever() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    let first = TestOffice.segments(dir)[0]
    let fifo = (first as NSString).deletingLastPathComponent + "/" + SegmentFormat.fileName(index: 2)
    #expect(mkfifo(fifo, 0o600) == 0)
    try? FileManager.default.removeItem(atPath: dir.path + "/cache")
    // On a thread, so that a blocked open fails this test instead of hanging the suite.
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var opened: Office?
    nonisolated(unsafe) var failure: (any Error)?
    let root = dir.path
    Thread.detachNewThread {
      do {
        opened = try Office.open(at: OfficePaths(root: root), passphrase: TestOffice.passphrase)
      } catch { failure = error }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 20) == .success, "opening blocked on the FIFO")
    if let opened {
      #expect(opened.state.visitorOrder.count == 2)
      #expect(opened.isReadOnly && !opened.damage.isEmpty)
    } else {
      #expect(failure is GAIDeskError, "\(String(describing: failure))")
    }
    #expect(throws: GAIDeskError("error.file.notRegular", fifo)) { try FileIO.read(fifo) }
  }
}
