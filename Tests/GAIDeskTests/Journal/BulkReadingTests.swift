import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The reading path of an opening (frames read in place, records opened on every core, contents decoded
/// from borrowed memory) answers exactly as the general code it shortcuts: `RecordHeader(decoding:)`,
/// `ByteReader`, `Keyring.open` (swift-crypto) and `ScannedRecord.hash`, one record at a time.
@Suite struct BulkReadingTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))
  let origin = OriginID(bytes: (0..<16).map { UInt8($0 * 7) })!

  /// Random content: a clock, a wall time, sometimes a seen vector, a payload of up to three size classes.
  func content(_ random: inout SeededRandom) -> RecordContent {
    var seen: [OriginID: UInt64] = [:]
    for _ in 0..<Int(random.next() % 3) { seen[OriginID.random()] = random.next() % 100_000 }
    return RecordContent(
      clock: HybridTime(rawValue: random.next() >> 8), wall: WallTime(milliseconds: random.next() >> 24),
      seen: seen,
      payload: (0..<Int(random.next() % 700)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
  }

  /// A chained run of records sealed by swift-crypto, as the journal writes them; `epochOf` picks each
  /// record's epoch (an epoch the keyring does not hold is sealed under a key of its own).
  func records(_ random: inout SeededRandom, count: Int, epochOf: (Int) -> UInt32 = { _ in 1 }) throws
    -> [ScannedRecord]
  {
    var previous = [UInt8](repeating: 0, count: 32)
    let stranger = Sealer(masterKey: SymmetricKey(size: .bits256), purpose: "journal epoch 9")
    return try (0..<count).map { index in
      let epoch = epochOf(index)
      let header = RecordHeader(
        origin: origin, sequence: UInt64(index + 1), epoch: epoch, previousHash: previous)
      let sealer = keyring.sealer(epoch) ?? stranger
      let body = header.bytes + (try sealer.seal(content(&random).bytes, authenticating: header.bytes))
      let record = ScannedRecord(header: header, offset: 0, body: body[...])
      previous = record.hash
      return record
    }
  }

  /// The framed bytes of `bodies`, one after another.
  func segment(_ bodies: [[UInt8]]) -> [UInt8] { bodies.flatMap { SegmentFormat.frame(body: $0) } }

  @Test func framesReadHeadersAsTheDecoderDoes() throws {
    let checked = try runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 200, seed: 1_607) { random, label in
      let legacy = random.next() % 3 == 0
      var bodies: [[UInt8]] = []
      for index in 0..<Int(1 + random.next() % 12) {
        var header = RecordHeader(
          origin: origin, sequence: random.next() >> UInt64(random.next() % 64),
          epoch: UInt32(truncatingIfNeeded: random.next()),
          previousHash: (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        if legacy { header.legacyClock = HybridTime(rawValue: random.next()) }
        let sealed = (0..<Int(UInt64(Sealer.overhead) + random.next() % 300)).map { _ in
          UInt8(truncatingIfNeeded: random.next() &+ UInt64(index))
        }
        bodies.append(header.bytes + sealed)
      }
      var bytes = segment(bodies)
      if random.next() % 2 == 0 {
        // Damage somewhere: the scan stops or resumes, and every frame it returns is still a real record.
        bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 + random.next() % 255)
      }
      let scanner = SegmentScanner(bytes: bytes, base: 40, origin: origin, recordVersion: legacy ? 1 : 2)
      let (frames, stop) = scanner.scanFrames()
      let (records, recordsStop) = scanner.scan()
      #expect(stop == recordsStop, "\(label)")
      #expect(frames.count == records.count, "\(label)")
      for (frame, record) in zip(frames, records) {
        let decoded = try RecordHeader(decoding: bytes, at: frame.bodyStart)
        #expect(scanner.header(frame) == decoded, "\(label)")
        #expect(record.header == decoded, "\(label)")
        #expect(record.body == bytes[frame.bodyStart..<frame.end], "\(label)")
        #expect(record.offset == 40 + frame.position, "\(label)")
        #expect(frame.sequence == decoded.sequence, "\(label)")
        #expect(
          bytes[frame.previousHashStart..<frame.previousHashStart + 32].elementsEqual(decoded.previousHash))
      }
      return frames.count
    }
    #expect(checked > 200)
  }

  /// One read of each kind, as text, and where the reader stands after it.
  enum Read: CaseIterable { case byte, word, varint, length, raw }

  @Test func unsafeReaderReadsAsByteReader() {
    let checked = runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 2000, seed: 1_608) { random, label in
      // Short inputs of small numbers, so varints end, lengths fit and reads run out at every place.
      let bytes = (0..<Int(random.next() % 40)).map { _ in
        random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(random.next() % 12)
      }
      var general = ByteReader(bytes)
      var same = 0
      bytes.withUnsafeBytes { raw in
        var fast = UnsafeByteReader(raw)
        for _ in 0..<8 {
          let read = Read.allCases[Int(random.next() % 5)]
          let count = Int(random.next() % 6)
          let expected = BulkReadingTests.outcome {
            switch read {
            case .byte: "\(try general.readUInt8())"
            case .word: "\(try general.readUInt64())"
            case .varint: "\(try general.readVarint())"
            case .length: "\(try general.readLength())"
            case .raw: "\(Array(try general.readRaw(count)))"
            }
          }
          let answered = BulkReadingTests.outcome {
            switch read {
            case .byte: "\(try fast.readUInt8())"
            case .word: "\(try fast.readUInt64())"
            case .varint: "\(try fast.readVarint())"
            case .length: "\(try fast.readLength())"
            case .raw: "\(try fast.readArray(count))"
            }
          }
          #expect(answered == expected, "\(label): \(read)")
          #expect(fast.remaining == general.remaining, "\(label): \(read)")
          #expect(fast.restIsZero == general.restIsZero, "\(label): \(read)")
          if answered == expected { same += 1 }
        }
      }
      return same
    }
    #expect(checked == 16_000)
  }

  static func outcome(_ read: () throws -> String) -> String {
    do { return try read() } catch { return "error \(error)" }
  }

  @Test func contentDecodesFromBorrowedMemoryAsWritten() throws {
    var random = SeededRandom(seed: 1_609)
    for _ in 0..<300 {
      var content = content(&random)
      content.payload.append(0xAA)  // so that a zero last byte is padding
      var plain = content.bytes
      #expect(try RecordContent(decoding: plain) == content)
      // Any byte of padding that is not zero, or a plaintext cut anywhere, is refused.
      let end = plain.count
      if plain[end - 1] == 0 {
        plain[end - 1] = 1
        #expect(throws: ByteReader.Malformed.self) { try RecordContent(decoding: plain) }
      }
      let cut = Array(content.bytes.prefix(Int(random.next() % UInt64(end))))
      if cut.count < 17 {
        #expect(throws: ByteReader.Malformed.self) { try RecordContent(decoding: cut) }
      }
    }
  }

  /// Records opened on every core come back as swift-crypto opens them one at a time: altered records, an
  /// epoch the keyring does not hold, on the parallel path and the calling thread's.
  @Test func bulkOpenerAnswersAsSwiftCrypto() throws {
    var random = SeededRandom(seed: 1_610)
    for count in [1, 7, BulkOpener.parallelMinimum - 1, BulkOpener.parallelMinimum, 700] {
      var records = try records(&random, count: count) { $0 % 97 == 50 ? 9 : 1 }
      for index in records.indices where random.next() % 13 == 0 {
        var body = Array(records[index].body)
        body[Int(random.next() % UInt64(body.count))] ^= 0x20
        records[index] = ScannedRecord(header: records[index].header, offset: 0, body: body[...])
      }
      let bytes = segment(records.map { Array($0.body) })
      // (A record whose version or origin byte was altered is not framed: the frames stop or resume there.)
      let frames = SegmentScanner(bytes: bytes, base: 0, origin: origin).scanFrames().frames
      #expect(!frames.isEmpty)
      for threads in [1, 2, 3] {
        let opened = BulkOpener(keyring: keyring, threads: threads).open(frames, in: bytes)
        #expect(opened.count == frames.count)
        for (frame, result) in zip(frames, opened) {
          let record = SegmentScanner(bytes: bytes, base: 0, origin: origin).record(frame)
          #expect(result.content == keyring.open(record), "\(count) records, \(threads) threads")
          #expect(result.hash == record.hash)
        }
      }
    }
  }

  /// Damage inside a segment read on every core stops the reading at the same record, with the same reason,
  /// as reading it record by record: the records before it are delivered, none after.
  @Test func damageInALargeSegmentStopsWhereItIs() throws {
    for (damaged, reason) in [(1, "cannot decrypt"), (333, "cannot decrypt"), (600, "hash chain broken")] {
      let dir = TemporaryDirectory()
      let writer = try Journal(root: dir.path, origin: origin, keyring: keyring)
      try writer.append(count: 700, now: { Date(timeIntervalSince1970: 1_795_000_000) }, deliver: { _ in }) {
        [UInt8](repeating: UInt8(truncatingIfNeeded: $0.sequence), count: 40)
      }
      let file = dir.path + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 1)
      var bytes = try FileIO.read(file)
      let records = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan().records
      #expect(records.count == 700)
      let target = records[damaged - 1]
      // A byte of the previous hash (header) or of the ciphertext, with the frame's checksum made right again.
      let at = target.offset + SegmentFormat.frameHeaderSize + (reason == "hash chain broken" ? 40 : 80)
      bytes[at] ^= 0x01
      let checksum = CRC32C.checksum(bytes[target.offset + 8..<target.end])
      for shift in 0..<4 {
        bytes[target.offset + 4 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift))
      }
      try FileIO.writeAtomically(bytes, to: file)
      let reader = try Journal(root: dir.path, origin: OriginID.random(), keyring: keyring)
      var delivered: [UInt64] = []
      try reader.refresh { delivered.append($0.header.sequence) }
      #expect(delivered == Array(1..<UInt64(damaged)))
      #expect(reader.damage.count == 1)
      #expect(reader.damage.first?.offset == target.offset)
      #expect(reader.damage.first?.reason.hasPrefix(reason) == true, "\(reader.damage)")
    }
  }
}
