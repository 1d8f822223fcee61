import CCRC32C

/// CRC-32C (Castagnoli), the checksum of each journal record: with the CPU's `crc32` instruction (SSE 4.2)
/// when it has one, else slicing-by-8 tables; both give the same value.
public enum CRC32C {
  /// Whether this CPU computes it with its own instruction (checked once, at run time).
  static let usesHardware = gaidesk_crc32c_hardware_available() == 1

  private static let tables: [[UInt32]] = {
    var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
    for i in 0..<256 {
      var crc = UInt32(i)
      for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      tables[0][i] = crc
    }
    for i in 0..<256 {
      for t in 1..<8 { tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][Int(tables[t - 1][i] & 0xFF)] }
    }
    return tables
  }()

  /// The checksum of `bytes`.
  public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
    if let result = bytes.withContiguousStorageIfAvailable({ checksum(buffer: UnsafeRawBufferPointer($0)) }) {
      return result
    }
    return Array(bytes).withUnsafeBytes { checksum(buffer: $0) }
  }

  /// The checksum of a raw buffer.
  public static func checksum(buffer: UnsafeRawBufferPointer) -> UInt32 {
    usesHardware ? hardwareChecksum(buffer: buffer) : tableChecksum(buffer: buffer)
  }

  /// The checksum by the CPU's instruction; only where ``usesHardware``.
  static func hardwareChecksum(buffer: UnsafeRawBufferPointer) -> UInt32 {
    guard let start = buffer.baseAddress else { return 0 }
    return gaidesk_crc32c_hardware(0xFFFF_FFFF, start, buffer.count) ^ 0xFFFF_FFFF
  }

  /// The checksum by tables (slicing-by-8), on any CPU.
  static func tableChecksum(buffer: UnsafeRawBufferPointer) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    var index = 0
    let count = buffer.count
    tables.withUnsafeBufferPointer { t in
      let t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7]
      while count - index >= 8 {
        let low =
          crc
          ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8
            | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3]) << 24)
        crc =
          t7[Int(low & 0xFF)] ^ t6[Int((low >> 8) & 0xFF)] ^ t5[Int((low >> 16) & 0xFF)]
          ^ t4[Int(low >> 24)] ^ t3[Int(buffer[index + 4])] ^ t2[Int(buffer[index + 5])]
          ^ t1[Int(buffer[index + 6])] ^ t0[Int(buffer[index + 7])]
        index += 8
      }
      while index < count {
        crc = (crc >> 8) ^ t0[Int((crc ^ UInt32(buffer[index])) & 0xFF)]
        index += 1
      }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
