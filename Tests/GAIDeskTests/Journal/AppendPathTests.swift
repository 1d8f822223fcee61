import Crypto
import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// The append path's shortcuts answer as the code they replace: records sealed through OpenSSL's reused
/// context open with swift-crypto, and a folder's stamp stands for a listing only while nothing changed.
@Suite struct AppendPathTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))

  /// The records of `origin`'s first segment under `root`.
  func scanned(_ root: String, _ origin: OriginID) throws -> [ScannedRecord] {
    let bytes = try FileIO.read(root + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 1))
    return SegmentScanner(
      bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
    ).scan().records
  }

  /// Whether `watch` says `path` must be listed (outside `#expect`, which cannot mutate).
  func lists(
    _ watch: inout FolderWatch, _ path: String, now: (monotonic: Int64, real: Int64) = FolderWatch.clocks()
  ) -> Bool {
    watch.needsListing(path, now: now)
  }

  /// Sets the modification time of `path` `seconds` back from now (a folder last changed long ago).
  func age(_ path: String, by seconds: Int) {
    var times = [
      timespec(tv_sec: time(nil) - seconds, tv_nsec: 0), timespec(tv_sec: time(nil) - seconds, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
  }

  @Test func recordsSealedThroughOpenSSLOpenWithSwiftCrypto() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    var payloads: [[UInt8]] = []
    var random = SeededRandom(seed: 1_116)
    for count in [1, 3, 1] {
      try journal.append(count: count, deliver: { _ in }) { _ in
        let payload = (0..<Int(random.next() % 900)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        payloads.append(payload)
        return payload
      }
    }
    let records = try scanned(root, origin)
    #expect(records.count == payloads.count)
    var previous = [UInt8](repeating: 0, count: 32)
    var nonces: Set<[UInt8]> = []
    for (record, payload) in zip(records, payloads) {
      // swift-crypto opens what OpenSSL sealed, and the chain is swift-crypto's SHA-256 of each body.
      #expect(keyring.open(record)?.payload == payload)
      #expect(record.header.previousHash == previous)
      previous = record.hash
      nonces.insert(Array(record.sealed.prefix(12)))
      // Any altered byte of the sealed part or of the authenticated header is refused.
      for at in [0, record.header.encodedSize - 1, record.header.encodedSize + 5, record.body.count - 1] {
        var altered = Array(record.body)
        altered[at] ^= 0x01
        let tampered = ScannedRecord(header: record.header, offset: record.offset, body: altered[...])
        #expect(keyring.open(tampered) == nil)
      }
    }
    #expect(nonces.count == records.count)
    #expect(journal.ownCursor?.lastHash == previous)
    // The bulk opener reads them too, and a new writer continues the chain.
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    var read: [[UInt8]] = []
    try reader.refresh { read.append($0.payload) }
    #expect(read == payloads)
    let continued = try Journal(root: root, origin: origin, keyring: keyring)
    try continued.append(deliver: { _ in }) { _ in [7] }
    #expect(try scanned(root, origin).last?.header.previousHash == previous)
  }

  @Test func aRecordSealedUnderANewEpochOpensWithThatEpochsKey() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    try journal.append(deliver: { _ in }) { _ in [1] }
    let second = keyring.adding([2: SymmetricKey(size: .bits256)], current: 2)
    journal.keyring = second
    try journal.append(deliver: { _ in }) { _ in [2] }
    let records = try scanned(root, origin)
    #expect(records.map(\.header.epoch) == [1, 2])
    #expect(second.open(records[1])?.payload == [2])
    #expect(keyring.open(records[1]) == nil)
  }

  @Test func aFolderIsListedAgainOnlyWhenItsStampChanges() throws {
    let dir = TemporaryDirectory()
    let folder = dir.path + "/watched"
    try FileIO.makeDirectory(folder)
    age(folder, by: 60)
    var watch = FolderWatch()
    let clocks = FolderWatch.clocks()
    #expect(lists(&watch, folder, now: clocks))
    #expect(!lists(&watch, folder, now: clocks))
    #expect(!lists(&watch, folder, now: (clocks.monotonic + FolderWatch.maxAge - 1, clocks.real)))
    // Never trusted longer than maxAge, even when nothing shows a change.
    #expect(lists(&watch, folder, now: (clocks.monotonic + FolderWatch.maxAge, clocks.real)))
    #expect(!lists(&watch, folder, now: (clocks.monotonic + FolderWatch.maxAge, clocks.real)))

    for change in ["file", "folder", "rename", "remove"] {
      age(folder, by: 60)
      let now = FolderWatch.clocks()
      _ = watch.needsListing(folder, now: now)
      #expect(!lists(&watch, folder, now: now))
      switch change {
      case "file": #expect(FileManager.default.createFile(atPath: folder + "/a", contents: nil))
      case "folder": try FileIO.makeDirectory(folder + "/b")
      case "rename": #expect(rename(folder + "/a", folder + "/c") == 0)
      default: #expect(unlink(folder + "/c") == 0)
      }
      // The change shows however the times were set back afterwards (restoring them changes the change time).
      age(folder, by: 60)
      #expect(lists(&watch, folder, now: now), "\(change)")
    }
  }

  @Test func aListingInTheTickOfTheLastChangeIsNotTrusted() throws {
    let dir = TemporaryDirectory()
    let folder = dir.path + "/watched"
    try FileIO.makeDirectory(folder)
    var watch = FolderWatch()
    var info = stat()
    #expect(stat(folder, &info) == 0)
    let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    let monotonic = FolderWatch.clocks().monotonic
    // Listed while the folder's clock may still stamp a change with the same time: listed again each time.
    for step in 0..<3 {
      #expect(lists(&watch, folder, now: (monotonic, modified + Int64(step))))
    }
    #expect(lists(&watch, folder, now: (monotonic, modified + FolderWatch.settle - 1)))
    // Listed once the time has settled: trusted from then on.
    #expect(lists(&watch, folder, now: (monotonic, modified + FolderWatch.settle)))
    #expect(!lists(&watch, folder, now: (monotonic, modified + FolderWatch.settle)))
    // A folder stamped ahead of the clock (copied from a PC set ahead) is as settled as one behind.
    var ahead = FolderWatch()
    #expect(lists(&ahead, folder, now: (monotonic, modified - FolderWatch.settle)))
    #expect(!lists(&ahead, folder, now: (monotonic, modified - FolderWatch.settle)))
    // A folder that cannot be read is listed (and found empty) every time.
    var missing = FolderWatch()
    #expect(lists(&missing, folder + "/none"))
    #expect(lists(&missing, folder + "/none"))
  }

  @Test func appendsDoNotListAnUnchangedJournalAndStillSeeNewOrigins() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let journal = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    try journal.append(deliver: { _ in }) { _ in [0] }
    age(root, by: 60)
    let before = journal.rootListings
    for index in 1...10 { try journal.append(deliver: { _ in }) { _ in [UInt8(index)] } }
    #expect(journal.rootListings == before + 1)
    // Another device's origin folder, made at once after a refresh, is read by the next one: in the same
    // tick of the folder's clock, and once its time has been set back.
    for round in 0..<20 {
      if round % 2 == 1 { age(root, by: 60) }
      try journal.refresh { _ in }
      let other = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
      try other.append(deliver: { _ in }) { _ in [UInt8(round)] }
      if round % 2 == 1 { age(root, by: 60) }
      var delivered: [[UInt8]] = []
      try journal.append(deliver: { delivered.append($0.payload) }) { _ in [0xFF] }
      #expect(delivered == [[UInt8(round)]], "round \(round)")
    }
  }

  @Test func aSegmentAfterAGapIsFoundWhileTheJournalIsOpen() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    try journal.append(deliver: { _ in }) { _ in [1] }
    let folder = root + "/" + origin.hex
    age(folder, by: 60)
    for _ in 0..<3 {
      try journal.refresh { _ in }
      try reader.refresh { _ in }
    }
    #expect(journal.damage.isEmpty && reader.damage.isEmpty)
    // A segment 3 dropped in beside segment 1 (a partial copy): segment 2 is missing, for the writer and for
    // a reader, even with the folder's time set back.
    try Data(SegmentFormat.header(origin: origin, index: 3)).write(
      to: URL(fileURLWithPath: folder + "/" + SegmentFormat.fileName(index: 3)))
    age(folder, by: 60)
    try journal.refresh { _ in }
    try reader.refresh { _ in }
    for opened in [journal, reader] {
      #expect(opened.damage.contains { $0.reason == "segment missing (segment 3 follows)" })
    }
    #expect(throws: GAIDeskError.self) { try journal.append(deliver: { _ in }) { _ in [2] } }
  }

  /// The segment appended to is kept open between appends only while its name leads to it: a segment
  /// replaced by a copy of itself (the old file still linked elsewhere, so it is not gone) gets the next
  /// record through its name, and every record is read back from the folder.
  @Test func aSegmentReplacedBetweenAppendsIsWrittenThroughItsName() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    let segment = root + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 1)
    for round in 0..<3 {
      try journal.append(deliver: { _ in }) { _ in [UInt8(2 * round)] }
      #expect(link(segment, dir.path + "/old-\(round)") == 0)
      try FileManager.default.copyItem(atPath: segment, toPath: segment + ".copy")
      #expect(rename(segment + ".copy", segment) == 0)
      try journal.append(deliver: { _ in }) { _ in [UInt8(2 * round + 1)] }
    }
    #expect(journal.damage.isEmpty)
    #expect(try scanned(root, origin).count == 6)
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    var payloads: [[UInt8]] = []
    try reader.refresh { payloads.append($0.payload) }
    #expect(reader.damage.isEmpty)
    #expect(payloads == (0..<6).map { [UInt8($0)] })
  }

  /// An append walks one path: the journal folder's (new origins, which data folder). Its origin folder and
  /// its segment are kept open and asked through their descriptors (`fstat`) while the journal folder and the
  /// origin folder have not changed; no `stat` of the next segment's name while the segment is below the
  /// rollover size (a writer starts the next one only past it).
  @Test func anAppendWalksOnlyTheJournalFoldersPath() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    try journal.append(deliver: { _ in }) { _ in [0] }
    age(root + "/" + origin.hex, by: 60)
    age(root, by: 60)
    try journal.append(deliver: { _ in }) { _ in [1] }
    let listings = journal.rootListings
    FaultInjector.shared.watch(dir.path)
    for index in 2..<7 { try journal.append(deliver: { _ in }) { _ in [UInt8(index)] } }
    let stats = FaultInjector.shared.stopWatching(dir.path).filter { $0.operation == .stat }.map(\.path)
    // (A listing trusted for at most a second is made again on a machine slow enough to take that long.)
    if journal.rootListings == listings {
      #expect(stats == Array(repeating: root, count: 5))
    }
    #expect(!stats.contains(root + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 2)))
    #expect(journal.damage.isEmpty)
    #expect(try scanned(root, origin).map(\.header.sequence) == Array(1...7))
  }

  /// The writing origin's folder is kept open while the journal folder has not changed: an origin folder
  /// replaced by a copy of itself (the old one kept under another name) gets the next records through its
  /// name, in the copy, even with both folders' times set back.
  @Test func anOriginFolderReplacedByACopyIsWrittenThroughItsName() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let journal = try Journal(root: root, origin: origin, keyring: keyring)
    let folder = root + "/" + origin.hex
    for round in 0..<3 {
      try journal.append(deliver: { _ in }) { _ in [UInt8(2 * round)] }
      age(folder, by: 60)
      age(root, by: 60)
      try journal.append(deliver: { _ in }) { _ in [UInt8(2 * round + 1)] }
      #expect(rename(folder, dir.path + "/old-\(round)") == 0)
      try FileManager.default.copyItem(atPath: dir.path + "/old-\(round)", toPath: folder)
      age(folder, by: 60)
      age(root, by: 60)
    }
    try journal.append(deliver: { _ in }) { _ in [6] }
    #expect(journal.damage.isEmpty)
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    var payloads: [[UInt8]] = []
    try reader.refresh { payloads.append($0.payload) }
    #expect(reader.damage.isEmpty)
    #expect(payloads == (0..<7).map { [UInt8($0)] })
  }

  /// A reader that read a segment up to the rollover size finds the next one the writer starts, by its name,
  /// and reads on in order (records of 0.9 MB: the fifth passes the rollover size).
  @Test func aReaderFollowsTheWriterIntoTheNextSegment() throws {
    let dir = TemporaryDirectory()
    let root = dir.path + "/journal"
    let origin = OriginID.random()
    let writer = try Journal(root: root, origin: origin, keyring: keyring)
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    var random = SeededRandom(seed: 16)
    var written: [[UInt8]] = []
    var read: [[UInt8]] = []
    for index in 0..<8 {
      var payload = [UInt8](repeating: UInt8(index), count: 900_000)
      for at in stride(from: 0, to: payload.count, by: 997) {
        payload[at] = UInt8(truncatingIfNeeded: random.next())
      }
      written.append(payload)
      try writer.append(deliver: { _ in }) { _ in payload }
      try reader.refresh { read.append($0.payload) }
    }
    let next = root + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 2)
    #expect(FileIO.size(next) != nil, "the writer rolled over")
    #expect(read == written)
    #expect(reader.damage.isEmpty && writer.damage.isEmpty)
  }
}
