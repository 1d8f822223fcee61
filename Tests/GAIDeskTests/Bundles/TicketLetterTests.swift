import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Two PCs restored apart from one backup: how often they pick the same ticket letter, and what happens once
/// they see each other's tickets.
@Suite struct TicketLetterTests {
  private func origin(_ fifth: UInt8, first: UInt8) -> OriginID {
    var bytes = [UInt8](repeating: 0x11, count: 16)
    bytes[0] = first
    bytes[5] = fifth
    return OriginID(bytes: bytes)!
  }

  /// Applies an arrival issued by `origin` as its record `sequence`, on `day`.
  private func arrive(
    _ state: inout OfficeState, _ origin: OriginID, _ sequence: Int, number: Int, letter: String,
    day: String = "2026-03-10"
  ) {
    let id = "T-\(origin.tag)-\(sequence)"
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .visitArrived(
            visitID: id, visitorID: "V-\(origin.tag)-\(sequence)", day: day, number: number, letter: letter)
        ]),
      time: WallTime(milliseconds: 1_773_145_800_000 + UInt64(sequence) * 1000))
  }

  @Test func twoPCsRestoredApartMeetOnOneLetterOnceIn23() {
    // What each restored PC sees: the original PC's tickets, letter A.
    var backup = OfficeState()
    arrive(&backup, origin(0, first: 1), 1, number: 1, letter: "A")
    // Over every value of the byte that picks, each of the 23 free letters comes 11 or 12 times in 256.
    var counts: [String: Int] = [:]
    for fifth in 0...255 { counts[backup.ticketLetter(for: origin(UInt8(fifth), first: 2)), default: 0] += 1 }
    #expect(counts["A"] == nil && counts["I"] == nil && counts["O"] == nil && counts.count == 23)
    #expect(Set(counts.values) == [11, 12])
    let meeting = Double(counts.values.map { $0 * $0 }.reduce(0, +)) / 65_536
    #expect(meeting > 1.0 / 24 && meeting < 1.0 / 22, "\(meeting)")
  }

  @Test func whenTwoPCsShareALetterTheLaterOneMovesAndBothAgree() {
    let original = origin(0, first: 1)
    let first = origin(7, first: 2)
    let second = origin(7 + 23, first: 3)  // the same pick among the 23 free letters
    var seen = OfficeState()
    arrive(&seen, original, 1, number: 1, letter: "A")
    let letter = seen.ticketLetter(for: first)
    #expect(seen.ticketLetter(for: second) == letter && letter != "A")

    // Each worked apart, then a bundle each way: one state on both PCs.
    var both = seen
    arrive(&both, first, 2, number: 1, letter: letter)
    arrive(&both, second, 3, number: 1, letter: letter)
    arrive(&both, second, 4, number: 2, letter: letter)
    // The PC that issued the first ticket with the letter keeps it; the other moves to a letter nobody used.
    #expect(both.ticketLetter(for: first) == letter)
    let moved = both.ticketLetter(for: second)
    #expect(moved != letter && moved != "A")
    #expect(both.ticketLetter(for: original) == "A")
    // After moving, it keeps its new letter, and the first PC keeps its own.
    arrive(&both, second, 5, number: 1, letter: moved)
    #expect(both.ticketLetter(for: second) == moved && both.ticketLetter(for: first) == letter)
    // The next day, nobody issues a ticket another PC issues.
    var tomorrow = both
    for (index, pc) in [original, first, second].enumerated() {
      let letter = tomorrow.ticketLetter(for: pc)
      let number = tomorrow.visits(on: "2026-03-11").filter { $0.letter == letter }.count + 1
      arrive(&tomorrow, pc, 10 + index, number: number, letter: letter, day: "2026-03-11")
    }
    let tickets = tomorrow.visits(on: "2026-03-11").map(\.ticket)
    #expect(Set(tickets).count == 3, "\(tickets)")
  }

  @Test func threeFoldersRestoredApartNeverIssueOneTicketTwiceAfterTheyMeet() throws {
    let original = TemporaryDirectory()
    let a = try TestOffice.make(in: original)
    a.now = { TestOffice.morning }  // every ticket on one day, whenever the test runs
    _ = try a.arrive(newVisitor: VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    let stick = TemporaryDirectory()
    try a.backup(to: stick.path)
    func restore() throws -> (Office, TemporaryDirectory) {
      let folder = TemporaryDirectory()
      try FileManager.default.removeItem(atPath: folder.path)
      let office = try Office.restore(
        from: stick.path, to: OfficePaths(root: folder.path), passphrase: TestOffice.passphrase,
        marks: folder.marks
      ).office
      office.now = { TestOffice.morning }
      return (office, folder)
    }
    let (b, bFolder) = try restore()
    let letter = b.state.ticketLetter(for: b.origin)
    // Restore again until a PC picks b's letter (1 chance in 23 each time).
    var found: (Office, TemporaryDirectory)?
    for _ in 0..<400 {
      let (c, folder) = try restore()
      if c.state.ticketLetter(for: c.origin) == letter {
        found = (c, folder)
        break
      }
    }
    let (c, cFolder) = try #require(found)
    _ = bFolder
    _ = cFolder
    let fromB = try b.arrive(newVisitor: VisitorForm(fullName: "Lin Wei"), staff: "Ana").1.ticket
    let fromC = try c.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana").1.ticket
    #expect(fromB == fromC, "both apart: \(fromB) and \(fromC), the 1-in-23 case")

    // A bundle each way: both see it, and from now on no ticket is issued twice.
    let scratch = TemporaryDirectory()
    try b.exportBundle(to: scratch.path + "/b.gaibundle")
    try c.exportBundle(to: scratch.path + "/c.gaibundle")
    _ = try c.importBundles([scratch.path + "/b.gaibundle"])
    _ = try b.importBundles([scratch.path + "/c.gaibundle"])
    #expect(digest(b.state) == digest(c.state))
    var after: [String] = []
    for (office, name) in [(b, "Мария"), (c, "João"), (a, "Fatou"), (c, "Chen Li"), (b, "Amadou")] {
      after.append(try office.arrive(newVisitor: VisitorForm(fullName: name), staff: "Ana").1.ticket)
    }
    let bLetters = Set([after[0], after[4]].map { $0.prefix(1) })
    let cLetters = Set([after[1], after[3]].map { $0.prefix(1) })
    #expect(bLetters.count == 1 && cLetters.count == 1 && bLetters != cLetters, "\(after)")
    let today = TestOffice.morningDay
    for office in [b, c] {
      let tickets = office.state.visits(on: today).filter { !$0.id.hasPrefix("T-\(a.origin.tag)") }.map(
        \.ticket)
      #expect(Set(tickets).count == tickets.count - 1, "only the pair issued apart repeats: \(tickets)")
    }
  }
}
