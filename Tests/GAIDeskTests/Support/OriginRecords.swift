import Foundation

@testable import GAIDesk

/// Another origin's records, sealed in a journal folder of its own (its clock sees only its own records)
/// and kept as framed bytes, for the property tests to deliver to an office in any interleaving.
struct OriginRecords {
  /// The origin that wrote them.
  let origin: OriginID
  /// Its first segment's header.
  let header: [UInt8]
  /// Each record, framed as in the segment, in sequence order.
  let frames: [[UInt8]]

  /// One per non-empty list of `records` (origin `n` writes list `n` as "staff n" of praia), sealed under
  /// `keyring` in folders named after `scratch`, removed once read.
  static func write(
    _ records: [[(date: Date, events: [Event])]], keyring: Keyring, scratch: String
  ) throws -> [OriginRecords] {
    try records.enumerated().filter { !$0.element.isEmpty }.map { number, records in
      let origin = OriginID.random()
      let source = scratch + "-origin-\(number)"
      defer { try? FileManager.default.removeItem(atPath: source) }
      let journal = try Journal(root: source, origin: origin, keyring: keyring)
      var next = 0
      try journal.append(
        count: records.count,
        now: {
          defer { next += 1 }
          return records[min(next, records.count - 1)].date
        }, deliver: { _ in },
        make: { stamp in
          EventCodec.encode(
            EventBatch(
              staff: "staff \(number)", office: "praia", events: records[Int(stamp.sequence) - 1].events))
        })
      let bytes = try FileIO.read(source + "/" + origin.hex + "/" + SegmentFormat.fileName(index: 1))
      let scan = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
      ).scan()
      return OriginRecords(
        origin: origin, header: Array(bytes.prefix(SegmentFormat.headerSize)),
        frames: scan.records.map { Array(bytes[$0.offset..<$0.end]) })
    }
  }
}
