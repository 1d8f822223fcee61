/// The on-disk layout of a journal segment (see docs/FORMAT.md).
public enum SegmentFormat {
  /// The first eight bytes of every segment.
  public static let magic: [UInt8] = Array("GAIDJRNL".utf8)
  /// The segment format this program writes and the newest it reads.
  public static let version: UInt16 = 2
  /// Bytes before the first record: magic, version, header size, index, origin, reserved, CRC.
  public static let headerSize = 40
  /// Bytes before each record body: length and CRC32C.
  public static let frameHeaderSize = 8
  /// The largest record body accepted.
  public static let maxBodySize = 1 << 20
  /// The smallest possible record body: header plus nonce and tag.
  public static let minBodySize = RecordHeader.size + Sealer.overhead
  /// A segment grows to about this size before a new one is started.
  public static let rolloverSize = 4 << 20

  /// The file name of segment `index`, e.g. `00000001.seg`.
  public static func fileName(index: Int) -> String {
    if (0...99_999_999).contains(index) {
      // Twelve ASCII bytes written in place: a small string, no allocation (named at every append).
      return String(unsafeUninitializedCapacity: 12) { out in
        var rest = index
        for at in stride(from: 7, through: 0, by: -1) {
          out[at] = UInt8(48 + rest % 10)
          rest /= 10
        }
        out[8] = 0x2E
        out[9] = 0x73
        out[10] = 0x65
        out[11] = 0x67
        return 12
      }
    }
    let digits = String(index)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".seg"
  }

  /// The segment index in a file name, or nil for other files.
  public static func index(fileName: String) -> Int? {
    guard fileName.hasSuffix(".seg"), fileName.count == 12 else { return nil }
    return Int(fileName.prefix(8))
  }

  /// The header of segment `index` of `origin`.
  public static func header(origin: OriginID, index: Int) -> [UInt8] {
    var writer = ByteWriter(capacity: headerSize)
    writer.write(raw: magic)
    writer.write(version)
    writer.write(UInt16(headerSize))
    writer.write(UInt32(index))
    writer.write(raw: origin.bytes)
    writer.write(UInt32(0))
    writer.write(CRC32C.checksum(writer.bytes))
    return writer.bytes
  }

  /// Why a segment header was refused.
  public enum HeaderProblem: Error, Equatable {
    /// The file is shorter than a header or its magic is wrong: not a segment.
    case notASegment
    /// Written by a newer program.
    case newerFormat(UInt16)
    /// The header checksum does not match.
    case damaged
  }

  /// The origin and index in a segment header.
  public static func parseHeader(_ bytes: [UInt8]) throws(HeaderProblem) -> (origin: OriginID, index: Int) {
    guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else { throw .notASegment }
    var reader = ByteReader(bytes, range: 8..<headerSize)
    do {
      let version = try reader.readUInt16()
      guard version <= SegmentFormat.version else { throw HeaderProblem.newerFormat(version) }
      var checksumReader = ByteReader(bytes, range: 36..<40)
      guard CRC32C.checksum(bytes[0..<36]) == (try checksumReader.readUInt32()) else {
        throw HeaderProblem.damaged
      }
      _ = try reader.readUInt16()
      let index = Int(try reader.readUInt32())
      let origin = OriginID(bytes: Array(try reader.readRaw(16)))!
      return (origin, index)
    } catch let problem as HeaderProblem {
      throw problem
    } catch {
      throw .damaged
    }
  }

  /// A framed record: length, CRC32C of the body, the body.
  public static func frame(body: [UInt8]) -> [UInt8] {
    var writer = ByteWriter(capacity: frameHeaderSize + body.count)
    writer.write(UInt32(body.count))
    writer.write(CRC32C.checksum(body))
    writer.write(raw: body)
    return writer.bytes
  }
}
