import Testing

@testable import GAIDesk

/// A segment's seal (docs/FORMAT.md, "Snapshot cache"): its bytes pinned, and every byte counted.
@Suite struct SealHasherTests {
  /// A 40-byte header (0, 1, … 39), then a record of the smallest body (89 bytes, 7·i) and one of 100
  /// bytes (13·i + 5), their frames' checksums made up: the seal walks frames by length, unchecked.
  static let segment: [UInt8] = {
    var bytes = (0..<40).map { UInt8($0) }
    bytes += [89, 0, 0, 0, 0xAA, 0xBB, 0xCC, 0xDD] + (0..<89).map { UInt8(truncatingIfNeeded: $0 * 7) }
    bytes += [100, 0, 0, 0, 1, 2, 3, 4] + (0..<100).map { UInt8(truncatingIfNeeded: $0 * 13 + 5) }
    return bytes
  }()

  static func hex(_ bytes: [UInt8]?) -> String? { bytes.map(Hex.encode) }

  @Test("the seal's bytes: SHA-256 of the header, then each record's frame bytes and its body's SHA-256")
  func pinned() {
    let segment = Self.segment
    #expect(
      Self.hex(SealHasher.seal(of: segment, length: segment.count))
        == "db199551090397290aeb0a678c4e9d4088f15b840a1b626a6867f3b6c5adc153")
    #expect(
      Self.hex(SealHasher.seal(of: segment, length: 40 + 8 + 89))
        == "bf67a55ef793aa748325061684de8bb1ebca2ac4258c29f8eaf83e206b45a4d8")
    #expect(
      Self.hex(SealHasher.seal(of: segment, length: 40))
        == "5faa4eec3611556812c2d74b437c8c49add3f910f10063d801441f7d75cd5e3b")
  }

  @Test("any byte changed changes the seal or leaves the bytes unframed")
  func everyByteCounts() {
    let segment = Self.segment
    let seal = SealHasher.seal(of: segment, length: segment.count)
    for position in segment.indices {
      var changed = segment
      changed[position] ^= 0x01
      #expect(SealHasher.seal(of: changed, length: changed.count) != seal, "byte \(position)")
    }
  }

  @Test("a length inside a record, past the bytes, or an impossible frame length has no seal")
  func unframed() {
    let segment = Self.segment
    #expect(SealHasher.seal(of: segment, length: 40 + 8 + 50) == nil)
    #expect(SealHasher.seal(of: segment, length: segment.count + 1) == nil)
    var short = segment
    short[40] = 10
    #expect(SealHasher.seal(of: short, length: short.count) == nil)
  }
}
