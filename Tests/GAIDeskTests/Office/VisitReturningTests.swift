import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Undoing a call made by mistake: the visit goes back to the queue as it was before that call, its wait
/// counted from its arrival to its next real call, only while it is still called by that very call.
@Suite struct VisitReturningTests {
  /// A settable clock the office reads.
  final class ClockBox: @unchecked Sendable {
    var date = Date(timeIntervalSince1970: 1_796_043_600)  // 2026-12-01 12:00 UTC, 11:00 in Praia
    func advance(_ seconds: Double) { date += seconds }
  }

  /// An office whose clock reads `clock`, with Bruno at a second desk and one waiting ticket.
  private func office(_ dir: TemporaryDirectory, clock: ClockBox) throws -> (Office, Visit) {
    let office = try TestOffice.make(in: dir)
    try TestOffice.join(office, "Bruno")
    office.now = { clock.date }
    let (_, visit) = try office.arrive(newVisitor: VisitorForm(fullName: "Aminata Baldé"), staff: "Ana")
    return (office, visit)
  }

  @Test func aCalledVisitGoesBackAndItsWaitRunsFromArrivalToTheNextCall() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    clock.advance(5 * 60)
    _ = try office.call(ticket: visit.ticket, desk: "1", staff: "Ana")
    clock.advance(60)
    let returned = try office.returnToQueue(ticket: visit.ticket, staff: "Ana")
    #expect(returned.status == .waiting)
    #expect(returned.calledAt == nil && returned.desk == nil && returned.servedBy == nil)
    // Still waiting, the wait counts from the arrival, not from the accidental call.
    clock.advance(4 * 60)
    #expect(returned.waitSeconds(now: WallTime(clock.date)) == 10 * 60)
    let day = LocalTime.day(WallTime(clock.date))
    var report = DayReport(state: office.state, day: day)
    #expect(report.waiting == 1 && report.beingServed == 0 && report.wait.count == 0)
    #expect(try TestOffice.reopen(dir).state.visits[visit.id] == returned)
    // Called for real by Bruno: the wait the figures count runs from arrival to this call.
    let called = try office.callNext(desk: "2", staff: "Bruno")
    #expect(called.id == visit.id && called.desk == "2" && called.servedBy == "Bruno")
    clock.advance(10 * 60)
    try office.close(
      ticket: visit.ticket, topics: ["residence.renewal"], outcome: nil, note: nil, staff: "Bruno")
    report = DayReport(state: office.state, day: day)
    #expect(report.wait == DurationStats([10 * 60]))
    #expect(report.service == DurationStats([10 * 60]))
    #expect(report.servedByStaff == [Tally("Bruno", 1)])
    let month = MonthReport(state: office.state, month: String(day.prefix(7)))
    #expect(month.wait == DurationStats([10 * 60]))
    #expect(DayReport(state: try TestOffice.reopen(dir).state, day: day) == report)
  }

  @Test func theVisitGoesBackToItsPlaceInTheQueue() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, first) = try office(dir, clock: clock)
    clock.advance(60)
    let (_, second) = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    _ = try office.call(ticket: first.ticket, desk: "1", staff: "Ana")
    try office.returnToQueue(ticket: first.ticket, staff: "Ana")
    // The longest waiting is called first: the one put back, who arrived before the other.
    #expect(try office.callNext(desk: "1", staff: "Ana").id == first.id)
    #expect(office.state.visits[second.id]?.status == .waiting)
  }

  @Test func theTicketsStillCalledAtADeskAreThoseCalledThereAndNotPutBack() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, first) = try office(dir, clock: clock)
    let (_, second) = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    let day = LocalTime.day(WallTime(clock.date))
    #expect(office.state.called(atDesk: "1", on: day).isEmpty)
    _ = try office.call(ticket: first.ticket, desk: "1", staff: "Ana")
    _ = try office.call(ticket: second.ticket, desk: "2", staff: "Bruno")
    #expect(office.state.called(atDesk: "1", on: day).map(\.id) == [first.id])
    try office.returnToQueue(ticket: first.ticket, staff: "Ana")
    #expect(office.state.called(atDesk: "1", on: day).isEmpty)
    #expect(office.state.called(atDesk: "2", on: day).map(\.id) == [second.id])
  }

  @Test func onlyACalledVisitGoesBackAndARefusalWritesNothing() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    let records = office.state.recordCount
    #expect(throws: GAIDeskError(.visitNotCalled, visit.ticket)) {
      try office.returnToQueue(ticket: visit.ticket, staff: "Ana")
    }
    _ = try office.call(ticket: visit.ticket, desk: "1", staff: "Ana")
    try office.returnToQueue(ticket: visit.ticket, staff: "Ana")
    #expect(throws: GAIDeskError(.visitNotCalled, visit.ticket)) {
      try office.returnToQueue(ticket: visit.ticket, staff: "Ana")
    }
    _ = try office.call(ticket: visit.ticket, desk: "1", staff: "Ana")
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    #expect(throws: GAIDeskError(.visitNotCalled, visit.ticket)) {
      try office.returnToQueue(ticket: visit.ticket, staff: "Ana")
    }
    #expect(office.state.recordCount == records + 4)
    #expect(throws: GAIDeskError(.visitUnknown, "A-999")) {
      try office.returnToQueue(ticket: "A-999", staff: "Ana")
    }
  }

  @Test func aLeaveUndoneGoesBackToTheDeskAndThenToTheQueue() throws {
    let dir = TemporaryDirectory()
    let clock = ClockBox()
    let (office, visit) = try office(dir, clock: clock)
    _ = try office.call(ticket: visit.ticket, desk: "3", staff: "Ana")
    try office.markLeft(ticket: visit.ticket, staff: "Ana")
    clock.advance(30)
    #expect(try office.reopenLeft(ticket: visit.ticket, staff: "Ana").status == .called)
    #expect(try office.returnToQueue(ticket: visit.ticket, staff: "Ana").status == .waiting)
  }

  @Test func theFoldUndoesOnlyTheCallItNames() {
    var state = OfficeState()
    let base = WallTime(milliseconds: 1_796_043_600_000)
    func at(_ seconds: UInt64) -> WallTime { WallTime(milliseconds: base.milliseconds + seconds * 1000) }
    func apply(_ seconds: UInt64, _ event: Event, staff: String = "Ana") {
      state.apply(EventBatch(staff: staff, office: "praia", events: [event]), time: at(seconds))
    }
    apply(0, .visitorRegistered(Visitor(id: "V-1", fullName: "Ana Lopes")))
    apply(0, .visitArrived(visitID: "T-1", visitorID: "V-1", day: "2026-12-01", number: 1))
    // Not called yet: nothing to undo.
    apply(10, .visitReturned(visitID: "T-1", calledAt: at(0)))
    #expect(state.visits["T-1"]?.status == .waiting)
    apply(60, .visitCalled(visitID: "T-1", desk: "1"))
    // Names another call: nothing changes.
    apply(70, .visitReturned(visitID: "T-1", calledAt: at(59)))
    #expect(state.visits["T-1"]?.status == .called)
    apply(80, .visitReturned(visitID: "T-1", calledAt: at(60)))
    #expect(state.visits["T-1"]?.status == .waiting && state.visits["T-1"]?.calledAt == nil)
    // Called again by someone else: the first call's undo, seen again, leaves the second call alone.
    apply(120, .visitCalled(visitID: "T-1", desk: "2"), staff: "Bruno")
    apply(130, .visitReturned(visitID: "T-1", calledAt: at(60)))
    let again = state.visits["T-1"]
    #expect(again?.status == .called && again?.calledAt == at(120) && again?.servedBy == "Bruno")
    // Served: an undo of that call, written later, does nothing.
    apply(200, .visitClosed(visitID: "T-1", topics: ["residence.renewal"], outcome: nil, note: nil))
    apply(210, .visitReturned(visitID: "T-1", calledAt: at(120)))
    #expect(state.visits["T-1"]?.status == .done && state.visits["T-1"]?.calledAt == at(120))
    // An unknown visit: nothing.
    apply(220, .visitReturned(visitID: "T-9", calledAt: at(120)))
    #expect(state.visits["T-9"] == nil)
  }

  /// Two PCs: `pc1` and `pc2` write these records (seconds after a morning, events), delivered to an office
  /// in every interleaving that keeps each PC's order (each into an office of its own), then opened cold;
  /// returns each delivery's final visit `T-1` after checking that every delivery folds to the same visits.
  private func everyDelivery(
    pc1: [(UInt64, [Event])], pc2: [(UInt64, [Event])]
  ) throws -> [Visit] {
    let morning = 1_796_043_600.0
    func records(_ list: [(UInt64, [Event])]) -> [(date: Date, events: [Event])] {
      list.map { (Date(timeIntervalSince1970: morning + Double($0.0)), $0.1) }
    }
    var visits: [Visit] = []
    var folded: [[Visit]] = []
    let count = pc1.count + pc2.count
    // Each delivery order: which PC's next record comes at each step (bit i set: pc2).
    for mask in 0..<(1 << count) where mask.nonzeroBitCount == pc2.count {
      let dir = TemporaryDirectory()
      let office = try TestOffice.make(in: dir)
      let logs = try OriginRecords.write(
        [records(pc1), records(pc2)], keyring: office.keyringForVerification, scratch: dir.path)
      for log in logs {
        let folder = dir.path + "/journal/" + log.origin.hex
        try FileIO.makeDirectory(folder)
        try Data(log.header).write(to: URL(fileURLWithPath: folder + "/" + SegmentFormat.fileName(index: 1)))
      }
      var next = [0, 0]
      for step in 0..<count {
        let pc = (mask >> step) & 1
        let log = logs[pc]
        let file = dir.path + "/journal/" + log.origin.hex + "/" + SegmentFormat.fileName(index: 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(log.frames[next[pc]]))
        try handle.close()
        next[pc] += 1
        try office.refresh()
      }
      try? FileManager.default.removeItem(atPath: dir.path + "/cache")
      let cold = try TestOffice.reopen(dir)
      #expect(!cold.openedFromSnapshot)
      #expect(digest(cold.state) == digest(office.state), "delivery \(mask): cold opening")
      folded.append(Array(office.state.visits.values))
      visits.append(try #require(office.state.visits["T-1"]))
    }
    #expect(Set(folded.map { "\($0)" }).count == 1, "every delivery folds to the same visits")
    return visits
  }

  private static let arrival: [Event] = [
    .visitorRegistered(Visitor(id: "V-1", fullName: "Aminata Baldé")),
    .visitArrived(visitID: "T-1", visitorID: "V-1", day: "2026-12-01", number: 1),
  ]

  private static func second(_ seconds: UInt64) -> WallTime {
    WallTime(milliseconds: 1_796_043_600_000 + seconds * 1000)
  }

  @Test func aCallOnOnePCUndoneOnAnotherGoesBackWhateverTheOrderTheRecordsArrive() throws {
    // PC 1 calls at 11:01; PC 2 undoes that call at 11:02 (its record may reach an office first).
    let visits = try everyDelivery(
      pc1: [(0, Self.arrival), (60, [.visitCalled(visitID: "T-1", desk: "1")])],
      pc2: [(120, [.visitReturned(visitID: "T-1", calledAt: Self.second(60))])])
    for visit in visits {
      #expect(visit.status == .waiting && visit.calledAt == nil && visit.desk == nil)
    }
    // Called again for real on PC 1 afterwards: the wait runs to that call.
    let later = try everyDelivery(
      pc1: [
        (0, Self.arrival), (60, [.visitCalled(visitID: "T-1", desk: "1")]),
        (600, [.visitCalled(visitID: "T-1", desk: "1")]),
      ],
      pc2: [(120, [.visitReturned(visitID: "T-1", calledAt: Self.second(60))])])
    for visit in later {
      #expect(visit.status == .called && visit.calledAt == Self.second(600))
      #expect(visit.waitSeconds(now: Self.second(900)) == 600)
    }
  }

  @Test func anUndoWrittenAfterALaterCloseDoesNothingWhateverTheOrderTheRecordsArrive() throws {
    // PC 1 calls and serves; PC 2, not having seen the close, undoes the call after it.
    let visits = try everyDelivery(
      pc1: [
        (0, Self.arrival), (60, [.visitCalled(visitID: "T-1", desk: "1")]),
        (300, [.visitClosed(visitID: "T-1", topics: ["residence.renewal"], outcome: nil, note: nil)]),
      ],
      pc2: [(400, [.visitReturned(visitID: "T-1", calledAt: Self.second(60))])])
    for visit in visits {
      #expect(visit.status == .done && visit.calledAt == Self.second(60) && visit.desk == "1")
    }
  }
}
