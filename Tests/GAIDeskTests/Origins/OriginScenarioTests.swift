import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Copies, clocks set wrong and missing history, as an office meets them.
@Suite struct OriginScenarioTests {
  /// Copies the data folder `from` to a new temporary folder.
  private func copy(_ from: TemporaryDirectory) throws -> TemporaryDirectory {
    let to = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: to.path)
    try FileManager.default.copyItem(atPath: from.path, toPath: to.path)
    return to
  }

  /// Copies one origin's log folder from one office folder into another (what a file sync would do).
  private func bring(_ origin: OriginID, from: TemporaryDirectory, to: TemporaryDirectory) throws {
    let target = to.path + "/journal/" + origin.hex
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: from.path + "/journal/" + origin.hex, toPath: target)
  }

  @Test func aCopiedFolderWorkedOnInBothPlacesLosesNothing() throws {
    let original = TemporaryDirectory()
    let office = try TestOffice.make(in: original)
    let (awa, first) = try office.arrive(newVisitor: VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    let (kofi, _) = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    // The copy goes to another PC (its own marks), until its new origin's folder name sorts before the
    // original's: the order that lost work in format 1.
    var copied: (TemporaryDirectory, Office)
    repeat {
      let folder = try copy(original)
      copied = (folder, try TestOffice.reopen(folder, marks: DeviceMarks(folder: folder.path + ".other-pc")))
    } while !(copied.1.origin < office.origin)
    let (copyFolder, copy) = copied
    #expect(copy.origin != office.origin)

    _ = try copy.call(ticket: first.ticket, desk: "2", staff: "Ana")
    _ = try copy.close(
      ticket: first.ticket, topics: ["residence.renewal"], outcome: "documentos verificados", note: nil,
      staff: "Ana")
    try copy.recordConsent(visitorID: kofi.id, store: true, share: true, staff: "Ana")
    var languages = VisitorForm(fullName: "Awa Ndiaye")
    languages.languages = ["wo", "fr"]
    _ = try office.updateVisitor(awa.id, form: languages, staff: "Ana")
    let (lin, _) = try office.arrive(newVisitor: VisitorForm(fullName: "Lin Wei"), staff: "Ana")

    try bring(copy.origin, from: copyFolder, to: original)
    try bring(office.origin, from: original, to: copyFolder)
    for reopened in [
      try TestOffice.reopen(original),
      try TestOffice.reopen(copyFolder, marks: DeviceMarks(folder: copyFolder.path + ".other-pc")),
    ] {
      let visit = try #require(reopened.state.visits[first.id])
      #expect(visit.status == .done && visit.desk == "2" && visit.outcome == "documentos verificados")
      #expect(reopened.state.visitors[kofi.id]?.consentToShare?.granted == true)
      #expect(reopened.state.visitors[awa.id]?.languages == ["wo", "fr"])
      #expect(reopened.state.visitors[lin.id] != nil)
      #expect(reopened.damage.isEmpty)
    }
    #expect(
      digest(try TestOffice.reopen(original).state)
        == digest(
          try TestOffice.reopen(copyFolder, marks: DeviceMarks(folder: copyFolder.path + ".other-pc")).state))
  }

  @Test func aClockAYearAheadForOneWriteMovesNothingIntoAnotherDay() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    // A pinned clock: the writes ten minutes apart stay in one day whenever the test runs.
    let now = TestOffice.morning
    let today = LocalTime.day(now)
    office.now = { now.addingTimeInterval(365 * 86400) }
    let (_, future) = try office.arrive(newVisitor: VisitorForm(fullName: "Futuro Lopes"), staff: "Ana")
    office.now = { now }
    let (_, early) = try office.arrive(newVisitor: VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    office.now = { now.addingTimeInterval(60) }
    _ = try office.arrive(newVisitor: VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    office.now = { now.addingTimeInterval(600) }
    let called = try office.callNext(desk: "1", staff: "Ana")

    #expect(future.day != today)
    #expect(office.state.visits(on: today).count == 2)
    #expect(called.id == early.id)
    let report = DayReport(state: office.state, day: today)
    #expect(report.ticketsIssued == 2)
    #expect(report.wait.median == 600)
    #expect(office.futureDatedRecords(now: now).map(\.count).reduce(0, +) == 1)
    #expect(office.clockWarning(now: now) == .behind(newest: WallTime(now.addingTimeInterval(365 * 86400))))
    let verified = try office.verify(now: now.addingTimeInterval(600))
    #expect(verified.futureRecords == 1, "\(verified)")
    #expect(verified.futureDays == [future.day])
  }

  @Test func aCopyBehindThisDevicesMarkWritesAsANewOrigin() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    let older = try copy(dir)
    _ = try TestOffice.addVisitors(office, count: 1)

    let reopened = try TestOffice.reopen(older, marks: dir.marks)
    #expect(reopened.origin != office.origin)
    #expect(reopened.notices == [.behindMark(origin: office.origin, sequence: 4)])
    #expect(!reopened.isReadOnly)
    _ = try TestOffice.addVisitors(reopened, count: 1)
    #expect(reopened.state.visitorOrder.count == 3)
    // The original's log in the copy is untouched: nobody continued its sequence.
    #expect(reopened.journal.versionVector[office.origin] == 3)
  }

  @Test func aDeletedMiddleSegmentIsNamedAndRefusesWrites() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 6)
    // Split the log into three segments, as a long-lived office has, then lose the middle one.
    let segment = TestOffice.segments(dir)[0]
    let bytes = try FileIO.read(segment)
    let records = SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: office.origin
    ).scan().records
    for (index, range) in [(1, 0..<3), (2, 3..<5), (3, 5..<7)] {
      let frames = records[range].flatMap { Array(bytes[$0.offset..<$0.end]) }
      let file = segment.replacingOccurrences(of: "00000001.seg", with: SegmentFormat.fileName(index: index))
      try Data(SegmentFormat.header(origin: office.origin, index: index) + frames).write(
        to: URL(fileURLWithPath: file))
    }
    try? FileManager.default.removeItem(atPath: dir.path + "/cache")
    #expect(try TestOffice.reopen(dir).state.visitorOrder.count == 6)
    try FileManager.default.removeItem(
      atPath: segment.replacingOccurrences(of: "00000001.seg", with: "00000002.seg"))
    try? FileManager.default.removeItem(atPath: dir.path + "/cache")

    let damaged = try TestOffice.reopen(dir)
    #expect(damaged.damage.contains { $0.reason.contains("segment missing") })
    #expect(throws: GAIDeskError.self) { _ = try TestOffice.addVisitors(damaged, count: 1) }
    #expect(try damaged.verify().damage.contains { $0.reason.contains("missing") })
  }

  @Test func aTailCutAtARecordBoundaryIsNamedAndRefusesWrites() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 3)
    office.saveSnapshot()
    let segment = TestOffice.segments(dir)[0]
    let bytes = try FileIO.read(segment)
    let last = try #require(
      SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize,
        origin: office.origin
      ).scan().records.last)
    try Data(bytes.prefix(last.offset)).write(to: URL(fileURLWithPath: segment))

    // With the cache, and without it (then this device's mark knows the lost record).
    for removeCache in [false, true] {
      if removeCache { try FileManager.default.removeItem(atPath: dir.path + "/cache") }
      let damaged = try TestOffice.reopen(dir)
      #expect(damaged.isReadOnly, "cache removed: \(removeCache)")
      #expect(damaged.damage.contains { $0.reason.contains("records 4…4 missing") }, "\(damaged.damage)")
      #expect(throws: GAIDeskError.self) { _ = try TestOffice.addVisitors(damaged, count: 1) }
      #expect(try !damaged.verify().isIntact)
    }
  }

  @Test func aDeletedOriginFolderIsNamedByTheOriginsThatHadReadIt() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    let other = try copy(dir)
    let otherPC = DeviceMarks(folder: other.path + ".other-pc")
    let second = try TestOffice.reopen(other, marks: otherPC)
    _ = try TestOffice.addVisitors(second, count: 2)
    try bring(second.origin, from: other, to: dir)
    let reopened = try TestOffice.reopen(dir)
    _ = try TestOffice.addVisitors(reopened, count: 1)  // carries what this device had read of the other

    try FileManager.default.removeItem(atPath: dir.path + "/journal/" + second.origin.hex)
    try? FileManager.default.removeItem(atPath: dir.path + "/cache")
    let damaged = try TestOffice.reopen(dir)
    #expect(
      damaged.damage.contains { $0.segment.contains(second.origin.hex) && $0.reason.contains("missing") })
    #expect(throws: GAIDeskError.self) { _ = try TestOffice.addVisitors(damaged, count: 1) }
    #expect(try damaged.verify().damage.contains { $0.segment.contains(second.origin.hex) })

    // A supervisor who restored an older copy on purpose accepts the loss; writes resume.
    try damaged.acceptMissingHistory(staff: "Ana")
    _ = try TestOffice.addVisitors(damaged, count: 1)
    #expect(try TestOffice.reopen(dir).damage.isEmpty)
  }

  @Test func changesOfOnePersonOnTwoPCsMergeAndAClashIsShown() throws {
    let original = TemporaryDirectory()
    let office = try TestOffice.make(in: original)
    let awa = try office.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    let other = try copy(original)
    let otherPC = DeviceMarks(folder: other.path + ".other-pc")
    let second = try TestOffice.reopen(other, marks: otherPC)

    var phone = VisitorForm(fullName: "Awa Ndiaye")
    phone.phone = "+238 991 11 11"
    _ = try office.updateVisitor(awa.id, form: phone, staff: "Ana")
    var languages = VisitorForm(fullName: "Awa Ndiaye")
    languages.languages = ["wo"]
    languages.phone = "+238 992 22 22"
    _ = try second.updateVisitor(awa.id, form: languages, staff: "Ana")

    try bring(second.origin, from: other, to: original)
    try bring(office.origin, from: original, to: other)
    let merged = [try TestOffice.reopen(original), try TestOffice.reopen(other, marks: otherPC)]
    #expect(digest(merged[0].state) == digest(merged[1].state))
    let state = merged[0].state
    // Different details both kept; the same detail resolved by the canonical order, the other value shown.
    #expect(state.visitors[awa.id]?.languages == ["wo"])
    let conflict = try #require(state.visitorConflicts.first)
    #expect(state.visitorConflicts.count == 1 && conflict.fields == .phone)
    let values = Set([state.visitors[awa.id]?.phone, conflict.overwritten.phone])
    #expect(values == ["+238 991 11 11", "+238 992 22 22"])
  }

  @Test func anotherPCsIncompleteLastRecordIsNamedNotRepaired() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    // A copy taken while the first PC was writing its second record.
    let other = try copy(dir)
    let segment = other.path + "/journal/" + office.origin.hex + "/" + SegmentFormat.fileName(index: 1)
    let bytes = try FileIO.read(segment)
    try Data(bytes.dropLast(7)).write(to: URL(fileURLWithPath: segment))

    let opened = try TestOffice.reopen(other, marks: DeviceMarks(folder: other.path + ".other-pc"))
    #expect(opened.state.visitorOrder.count == 1)
    #expect(opened.journal.incompleteTails.map(\.segment) == ["journal/\(office.origin.hex)/00000001.seg"])
    #expect(opened.health(now: Date()).incompleteTails.count == 1)
    #expect(FileIO.size(segment) == bytes.count - 7, "only the origin's own PC repairs its tail")
    let report = try opened.verify()
    #expect(report.isIntact, "an incomplete tail is not damage")
    #expect(report.incompleteTails.contains { $0.reason.contains("its own PC finishes or repairs it") })
  }

  @Test func idsCarryFortyBitsOfTheOrigin() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let visitor = try office.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    let tag = visitor.id.split(separator: "-")[1]
    #expect(tag.count == 8 && tag == Substring(office.origin.tag))
  }
}
