import Foundation
import Testing

@testable import GAIDesk

@Suite struct FramingTests {
  @Test func crc32cMatchesTheStandardCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8]()) == 0)
    let long = (0..<1000).map { UInt8($0 % 251) }
    var bytewise: UInt32 = 0xFFFF_FFFF
    for byte in long {
      bytewise ^= UInt32(byte)
      for _ in 0..<8 { bytewise = bytewise & 1 != 0 ? (bytewise >> 1) ^ 0x82F6_3B78 : bytewise >> 1 }
    }
    #expect(CRC32C.checksum(long) == bytewise ^ 0xFFFF_FFFF)
  }

  @Test func byteCodecRoundTripsAndRefusesTruncation() throws {
    var writer = ByteWriter()
    writer.writeString("Nguyễn Thị Hồng")
    writer.writeInt(-42)
    writer.writeVarint(300)
    writer.writeOptional(nil as String?)
    writer.writeStrings(["王小明", "Мария"])
    var reader = ByteReader(writer.bytes)
    #expect(try reader.readString() == "Nguyễn Thị Hồng")
    #expect(try reader.readInt() == -42)
    #expect(try reader.readVarint() == 300)
    #expect(try reader.readOptionalString() == nil)
    #expect(try reader.readStrings() == ["王小明", "Мария"])
    #expect(reader.isAtEnd)
    var short = ByteReader(Array(writer.bytes.prefix(5)))
    #expect(throws: ByteReader.Malformed.self) { try short.readString() }
  }

  @Test func segmentHeaderRoundTripsAndRejectsNewerFormats() throws {
    let origin = OriginID.random()
    var header = SegmentFormat.header(origin: origin, index: 7)
    let parsed = try SegmentFormat.parseHeader(header)
    #expect(parsed.origin == origin && parsed.index == 7)
    header[8] = 9  // version 9
    #expect(throws: SegmentFormat.HeaderProblem.self) { try SegmentFormat.parseHeader(header) }
  }

  @Test func scannerTellsTornTailFromDamage() throws {
    let origin = OriginID.random()
    func body(_ sequence: UInt64) -> [UInt8] {
      RecordHeader(
        origin: origin, sequence: sequence, epoch: 1,
        previousHash: [UInt8](repeating: 0, count: 32)
      ).bytes
        + [UInt8](repeating: UInt8(sequence), count: 40)
    }
    let frames = (1...3).map { SegmentFormat.frame(body: body($0)) }
    let all = frames.flatMap { $0 }
    let clean = SegmentScanner(bytes: all, base: 40, origin: origin).scan()
    #expect(clean.records.map(\.header.sequence) == [1, 2, 3])
    #expect(clean.stop == nil)

    let torn = SegmentScanner(bytes: Array(all.dropLast(5)), base: 40, origin: origin).scan()
    #expect(torn.records.count == 2)
    #expect(
      torn.stop == .incompleteTail(offset: 40 + frames[0].count + frames[1].count, reason: "truncated record")
    )

    var flipped = all
    flipped[frames[0].count + 30] ^= 0x01
    let damaged = SegmentScanner(bytes: flipped, base: 40, origin: origin).scan()
    #expect(damaged.records.count == 1)
    #expect(
      damaged.stop
        == .damage(
          offset: 40 + frames[0].count, reason: "checksum mismatch",
          resumesAt: 40 + frames[0].count + frames[1].count))
  }

  @Test func hybridClockNeverGoesBackwards() {
    var clock = HybridClock()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let first = clock.tick(now: now)
    let back = clock.tick(now: now.addingTimeInterval(-3600))
    let same = clock.tick(now: now.addingTimeInterval(-3600))
    #expect(first < back && back < same)
    #expect(back.milliseconds == first.milliseconds)
    let forward = clock.tick(now: now.addingTimeInterval(365 * 86400))
    #expect(forward.milliseconds == first.milliseconds + 365 * 86_400_000)
  }

  @Test func capeVerdeDaysStartAtLocalMidnight() {
    // 2026-11-29 00:30 UTC is still 2026-11-28 in Praia (UTC−1).
    #expect(LocalTime.day(Date(timeIntervalSince1970: 1_795_912_200)) == "2026-11-28")
    #expect(LocalTime.day(Date(timeIntervalSince1970: 1_795_914_000 + 1800)) == "2026-11-29")
    #expect(
      LocalTime.isDate("2024-02-29") && !LocalTime.isDate("2026-02-29") && !LocalTime.isDate("2026-13-01"))
    #expect(LocalTime.adding(days: 3, to: "2026-12-30") == "2027-01-02")
  }
}
