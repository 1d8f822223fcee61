import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// The mark written after every append is byte for byte the one `DeviceMarks.save` writes, follows the
/// journal, and is written nowhere a folder is only read.
@Suite struct DeviceMarkWriterTests {
  func cursor(_ random: inout SeededRandom) -> OriginCursor {
    let sizes: [UInt64] = [0, 1, 9, 10, 99, 1_000_000, UInt64(Int.max), .max]
    func pick() -> UInt64 { random.next() % 2 == 0 ? sizes[Int(random.next() % 8)] : random.next() >> 20 }
    return OriginCursor(
      origin: OriginID(bytes: (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) })!,
      segment: Int(truncatingIfNeeded: pick() & 0x7FFF_FFFF), offset: Int(truncatingIfNeeded: pick() >> 1),
      lastSequence: pick(), lastHash: (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) },
      lastRecordSegment: Int(truncatingIfNeeded: pick() >> 1),
      lastRecordOffset: Int(truncatingIfNeeded: pick() >> 1))
  }

  @Test func writesTheBytesSaveWrites() throws {
    let dir = TemporaryDirectory()
    let written = DeviceMarks(folder: dir.path + "/written")
    let saved = DeviceMarks(folder: dir.path + "/saved")
    _ = runPropertyCases("GAIDESK_PROPERTY_CASES", count: 300, seed: 1_612) { random, label in
      let cursor = cursor(&random)
      let root = random.next() % 5 == 0 ? dir.path + "/no such folder" : dir.path
      let writer = DeviceMarkWriter(marks: written, office: "o", root: root)
      writer.save(cursor)
      saved.save(DeviceMark(cursor: cursor, root: root), office: "o")
      let bytes = FileManager.default.contents(atPath: dir.path + "/written/office-o.json")
      #expect(
        bytes != nil && bytes == FileManager.default.contents(atPath: dir.path + "/saved/office-o.json"),
        "\(label)")
      #expect(bytes?.count == DeviceMarks.fileSize)
      var expected = DeviceMark(cursor: cursor, root: root)
      expected.check = expected.computedCheck
      #expect(written.mark(office: "o") == expected, "\(label)")
      return 1
    }
  }

  /// One writer saving marks of every length one after the other (its page kept between them, only the
  /// bytes past a shorter text made spaces again) writes each time the bytes `DeviceMarks.save` writes.
  @Test func oneWriterWritesTheBytesSaveWritesWhateverTheLengthBefore() throws {
    let dir = TemporaryDirectory()
    let written = DeviceMarks(folder: dir.path + "/written")
    let saved = DeviceMarks(folder: dir.path + "/saved")
    let writer = DeviceMarkWriter(marks: written, office: "o", root: dir.path)
    var lengths: Set<Int> = []
    let cases = runPropertyCases("GAIDESK_PROPERTY_CASES", count: 300, seed: 1_613) { random, label in
      let cursor = cursor(&random)
      writer.save(cursor)
      saved.save(DeviceMark(cursor: cursor, root: dir.path), office: "o")
      let bytes = FileManager.default.contents(atPath: dir.path + "/written/office-o.json")
      #expect(
        bytes != nil && bytes == FileManager.default.contents(atPath: dir.path + "/saved/office-o.json"),
        "\(label)")
      lengths.insert(bytes.map { $0.count - $0.reversed().prefix { $0 == 0x20 }.count } ?? 0)
      return 1
    }
    #expect(lengths.count >= min(20, cases / 5), "marks of many lengths: \(lengths.count)")
  }

  @Test func followsTheJournalAndTheFolder() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let id = try #require(office.identity.id)
    for count in 1...3 {
      _ = try TestOffice.addVisitors(office, count: 1)
      let own = try #require(office.journal.ownCursor)
      #expect(dir.marks.mark(office: id) == DeviceMark(cursor: own, root: dir.path), "after \(count)")
      #expect(dir.marks.mark(office: id)?.sequence == UInt64(count + 1))
    }
    // The marks folder removed while the office is open is made again at the next append.
    try FileManager.default.removeItem(atPath: dir.marks.folder)
    _ = try TestOffice.addVisitors(office, count: 1)
    #expect(dir.marks.mark(office: id)?.sequence == 5)
    // A data folder put in place of the one the office was opened in is named by its own identity.
    let moved = dir.path + ".moved"
    defer { try? FileManager.default.removeItem(atPath: moved) }
    try FileManager.default.copyItem(atPath: dir.path, toPath: moved)
    let before = try #require(dir.marks.mark(office: id)?.folder)
    try FileManager.default.removeItem(atPath: dir.path)
    try FileManager.default.moveItem(atPath: moved, toPath: dir.path)
    _ = try TestOffice.addVisitors(office, count: 1)
    let after = try #require(dir.marks.mark(office: id))
    #expect(after.folder == DeviceMark.identity(of: dir.path) && after.folder != before)
    #expect(after.sequence == 6)
  }

  /// Each append is exactly one data sync, of the journal's segment: the mark is written through the file
  /// layer (its write is seen there, once per append) and adds no sync of its own, in the marks folder or
  /// anywhere in the data folder.
  @Test func anAppendIsOneSyncOfTheJournalAndTheMarkNone() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let id = try #require(office.identity.id)
    let segment =
      dir.path + "/journal/" + office.journal.origin.hex + "/" + SegmentFormat.fileName(index: 1)
    FaultInjector.shared.watch(dir.path)
    FaultInjector.shared.watch(dir.marks.folder)
    _ = try TestOffice.addVisitors(office, count: 5)
    let data = FaultInjector.shared.stopWatching(dir.path)
    let marks = FaultInjector.shared.stopWatching(dir.marks.folder)
    #expect(data.filter { $0.operation == .sync }.map(\.path) == Array(repeating: segment, count: 5))
    #expect(data.filter { $0.operation == .write }.map(\.path) == Array(repeating: segment, count: 5))
    #expect(marks.filter { $0.operation == .sync }.isEmpty, "the mark synced: \(marks)")
    #expect(
      marks.filter { $0.operation == .write }.map(\.path)
        == Array(repeating: dir.marks.folder + "/office-" + id + ".json", count: 5))
    #expect(
      dir.marks.mark(office: id) == DeviceMark(cursor: try #require(office.journal.ownCursor), root: dir.path)
    )
  }

  /// The mark is prepared while the record is written, before its sync, and written only once the record is
  /// durable: an append whose sync fails leaves the mark file as it was, at the last durable record, and the
  /// next append that succeeds moves it to its own record.
  @Test func anAppendWhoseSyncFailsLeavesTheMarkAtTheLastDurableRecord() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let id = try #require(office.identity.id)
    _ = try TestOffice.addVisitors(office, count: 2)
    let file = dir.marks.folder + "/office-" + id + ".json"
    let before = try #require(FileManager.default.contents(atPath: file))
    let durable = try #require(office.journal.ownCursor)
    FaultInjector.shared.fail(.sync, at: 1, under: dir.path + "/journal")
    defer { FaultInjector.shared.reset() }
    #expect(throws: (any Error).self) { _ = try TestOffice.addVisitors(office, count: 1) }
    FaultInjector.shared.reset()
    #expect(FileManager.default.contents(atPath: file) == before)
    #expect(dir.marks.mark(office: id) == DeviceMark(cursor: durable, root: dir.path))
    _ = try TestOffice.addVisitors(office, count: 1)
    let own = try #require(office.journal.ownCursor)
    #expect(own.lastSequence == durable.lastSequence + 1)
    #expect(dir.marks.mark(office: id) == DeviceMark(cursor: own, root: dir.path))
  }

  @Test func nothingIsWrittenForAFolderThatIsOnlyRead() throws {
    let dir = TemporaryDirectory()
    let marks = DeviceMarks.readOnly(DeviceMarks(folder: dir.path + "/marks"))
    var random = SeededRandom(seed: 3)
    DeviceMarkWriter(marks: marks, office: "o", root: dir.path).save(cursor(&random))
    #expect(FileIO.size(dir.path + "/marks") == nil)
  }
}
