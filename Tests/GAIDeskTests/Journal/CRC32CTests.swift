import Testing

@testable import GAIDesk

/// CRC-32C by the CPU's instruction and by tables: the same values, the standard's test vectors.
@Suite struct CRC32CTests {
  /// RFC 3720 (iSCSI), appendix B.4, and the usual check value.
  let vectors: [(bytes: [UInt8], crc: UInt32)] = [
    ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
    ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
    ((0..<32).map { UInt8($0) }, 0x46DD_794E),
    ((0..<32).reversed().map { UInt8($0) }, 0x113F_DB5C),
    (
      [
        0x01, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
        0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      ], 0xD996_3A56
    ),
    (Array("123456789".utf8), 0xE306_9283),
    ([], 0),
  ]

  @Test func theTablesGiveTheStandardsVectors() {
    for vector in vectors {
      #expect(vector.bytes.withUnsafeBytes { CRC32C.tableChecksum(buffer: $0) } == vector.crc)
    }
  }

  @Test(.enabled(if: CRC32C.usesHardware, "this CPU has no CRC-32C instruction"))
  func theInstructionGivesTheStandardsVectors() {
    for vector in vectors {
      #expect(vector.bytes.withUnsafeBytes { CRC32C.hardwareChecksum(buffer: $0) } == vector.crc)
      #expect(CRC32C.checksum(vector.bytes) == vector.crc)
    }
  }

  /// Every length from 0 to 600 at every alignment 0…7 (the instruction takes 8 bytes at a time, then 1).
  @Test(.enabled(if: CRC32C.usesHardware, "this CPU has no CRC-32C instruction"))
  func theInstructionAndTheTablesAgreeOnEveryLengthAndAlignment() {
    var random = SeededRandom(seed: 3720)
    let bytes = (0..<608).map { _ in UInt8.random(in: 0...255, using: &random) }
    bytes.withUnsafeBytes { all in
      for start in 0..<8 {
        for count in 0...600 {
          let slice = UnsafeRawBufferPointer(rebasing: all[start..<start + count])
          #expect(CRC32C.hardwareChecksum(buffer: slice) == CRC32C.tableChecksum(buffer: slice))
        }
      }
    }
  }
}
