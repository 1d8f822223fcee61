import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

@Suite struct RecoveryTests {
  @Test func everyRecordSurvivesReopening() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let ids = try TestOffice.addVisitors(office, count: 20)
    let reopened = try TestOffice.reopen(dir)
    #expect(reopened.state.visitorOrder == ids)
    #expect(!reopened.isReadOnly)
    #expect(try reopened.verify().isIntact)
  }

  @Test func truncationAtEveryOffsetOfTheLastRecordIsRepaired() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let ids = try TestOffice.addVisitors(office, count: 2)
    // The power cut comes before the last record was reported saved: the device's mark is still at 2.
    let markBefore = try #require(dir.marks.mark(office: office.identity.id!))
    _ = try TestOffice.addVisitors(office, count: 1)
    let segment = TestOffice.segments(dir)[0]
    let full = try FileIO.read(segment)
    let lastLength = try lastRecordLength(full)
    for cut in (full.count - lastLength)..<full.count {
      try Data(full.prefix(cut)).write(to: URL(fileURLWithPath: segment))
      dir.marks.save(markBefore, office: office.identity.id!)
      try? FileManager.default.removeItem(atPath: dir.path + "/cache")
      let repaired = try TestOffice.reopen(dir)
      #expect(repaired.state.visitorOrder == Array(ids.prefix(2)), "cut at \(cut)")
      #expect(!repaired.isReadOnly)
      #expect(try repaired.verify().isIntact, "cut at \(cut)")
      #expect(FileIO.size(segment) == full.count - lastLength)
    }
    let torn = segment.replacingOccurrences(of: "00000001.seg", with: "torn")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: torn)) ?? []).count > 0)
  }

  @Test func zeroFilledTailIsRepairedAndAppendingResumes() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let ids = try TestOffice.addVisitors(office, count: 2)
    let segment = TestOffice.segments(dir)[0]
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(count: 4096))
    try handle.close()
    let repaired = try TestOffice.reopen(dir)
    #expect(repaired.state.visitorOrder == ids)
    let more = try repaired.registerVisitor(VisitorForm(fullName: "After Repair"), staff: "Ana")
    #expect(try TestOffice.reopen(dir).state.visitors[more.id] != nil)
    #expect(try repaired.verify().isIntact)
  }

  @Test func aFlippedByteInTheMiddleOpensReadOnlyAndNamesThePlace() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let ids = try TestOffice.addVisitors(office, count: 10)
    let segment = TestOffice.segments(dir)[0]
    var bytes = try FileIO.read(segment)
    // The middle of the visitors' records (the first record names the office's accounts).
    let visitorsStart = SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: office.origin
    ).scan().records[1].offset
    let middle = (visitorsStart + bytes.count) / 2
    bytes[middle] ^= 0x40
    try Data(bytes).write(to: URL(fileURLWithPath: segment))
    try? FileManager.default.removeItem(atPath: dir.path + "/cache")

    let damaged = try TestOffice.reopen(dir)
    #expect(damaged.isReadOnly)
    let place = try #require(damaged.damage.first)
    #expect(place.segment.hasSuffix("00000001.seg"))
    #expect(place.offset <= middle && middle - place.offset < 400)
    // Every record before the damage is there, none after it.
    #expect(damaged.state.visitorOrder == Array(ids.prefix(damaged.state.visitorOrder.count)))
    #expect(damaged.state.visitorOrder.count >= 3 && damaged.state.visitorOrder.count < 10)
    // Nothing is truncated and nothing can be written.
    #expect(FileIO.size(segment) == bytes.count)
    #expect(throws: GAIDeskError.self) {
      try damaged.registerVisitor(VisitorForm(fullName: "Nope"), staff: "Ana")
    }
    let report = try damaged.verify()
    #expect(!report.isIntact)
    #expect(report.damage.first?.offset == place.offset)
  }

  @Test func wrongPassphraseIsAClearErrorAndChangesNothing() throws {
    let dir = TemporaryDirectory()
    _ = try TestOffice.addVisitors(try TestOffice.make(in: dir), count: 1)
    let before = try FileIO.read(TestOffice.segments(dir)[0])
    #expect(throws: GAIDeskError(.passphraseWrong)) {
      try Office.open(at: OfficePaths(root: dir.path), passphrase: "not-the-passphrase")
    }
    #expect(try FileIO.read(TestOffice.segments(dir)[0]) == before)
  }

  @Test func initTwiceRefusesAndChangesNothing() throws {
    let dir = TemporaryDirectory()
    let slot =
      dir.path + "/keys/" + AccountSlot.fileName(try #require(try TestOffice.make(in: dir).account).id)
    let keys = try FileIO.read(slot)
    #expect(throws: GAIDeskError.self) { try TestOffice.make(in: dir) }
    #expect(try FileIO.read(slot) == keys)
  }

  @Test func warmOpeningFromTheSnapshotEqualsAColdRebuild() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    var generator = DemoGenerator(seed: 7)
    _ = try generator.fill(office, visitors: 120, days: 5)
    office.saveSnapshot()
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot && warm.recordsReplayed == 0)
    // The clock resumes after the snapshot's latest value, so a wall clock set back cannot reorder history.
    #expect(warm.journal.latestTime == office.journal.latestTime)
    try warm.perform(staff: "Ana", count: 1, now: { Date(timeIntervalSince1970: 0) }) { _ in
      [.visitLeft(visitID: "none")]
    }
    #expect(warm.journal.latestTime > office.journal.latestTime)
    try FileManager.default.removeItem(atPath: dir.path + "/cache")
    let cold = try TestOffice.reopen(dir)
    #expect(!cold.openedFromSnapshot)
    #expect(cold.state.visitorOrder == warm.state.visitorOrder)
    #expect(cold.state.visits == warm.state.visits)
    #expect(cold.state.referrals == warm.state.referrals)
    #expect(cold.state.visitors == warm.state.visitors)
  }

  @Test func aDamagedSnapshotIsIgnoredAndRebuilt() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let ids = try TestOffice.addVisitors(office, count: 5)
    office.saveSnapshot()
    var bytes = try FileIO.read(dir.path + "/cache/state.bin")
    bytes[bytes.count / 2] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: dir.path + "/cache/state.bin"))
    let reopened = try TestOffice.reopen(dir)
    #expect(!reopened.openedFromSnapshot)
    #expect(reopened.state.visitorOrder == ids)
  }

  @Test func unknownEventTypesAreKeptNotFatal() throws {
    let batch = EventBatch(
      staff: "A", office: "praia",
      events: [.unknown(type: 999, version: 3, body: [1, 2, 3]), .visitLeft(visitID: "T-1")])
    let decoded = try EventCodec.decode(EventCodec.encode(batch))
    #expect(decoded == batch)
    var state = OfficeState()
    state.apply(decoded, time: WallTime(milliseconds: 1))
    #expect(state.unknownEvents == 1)
  }

  /// The frame length of the last record in a segment.
  private func lastRecordLength(_ bytes: [UInt8]) throws -> Int {
    var offset = SegmentFormat.headerSize
    var last = 0
    while offset < bytes.count {
      var reader = ByteReader(bytes, range: offset..<offset + 4)
      last = SegmentFormat.frameHeaderSize + Int(try reader.readUInt32())
      offset += last
    }
    return last
  }
}
