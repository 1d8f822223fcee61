/// A damaged place in the journal: which segment, where, and what is wrong.
public struct JournalDamage: Equatable, Sendable, CustomStringConvertible {
  /// The segment's path relative to the data directory, e.g. `journal/<origin>/00000001.seg`.
  public let segment: String
  /// Byte offset of the damage in the segment.
  public let offset: Int
  /// What is wrong (checksum mismatch, chain broken…).
  public let reason: String

  /// Creates a damage report.
  public init(segment: String, offset: Int, reason: String) {
    self.segment = segment
    self.offset = offset
    self.reason = reason
  }

  public var description: String { "\(segment) @ \(offset): \(reason)" }
}

/// One decrypted record delivered to the reader.
public struct JournalEntry: Sendable {
  /// The record's clear header.
  public let header: RecordHeader
  /// The decrypted content: clock, wall time, what its writer had seen, payload.
  public internal(set) var content: RecordContent

  /// The decrypted payload.
  public var payload: [UInt8] { content.payload }
  /// Where the record sits in the canonical order.
  public var key: RecordKey {
    RecordKey(clock: content.clock, origin: header.origin, sequence: header.sequence)
  }
}

/// The canonical order of records across origins: (clock, origin, sequence). The state is the fold of
/// every record in this order, whatever order they were read in.
public struct RecordKey: Hashable, Comparable, Sendable {
  /// The hybrid logical clock.
  public let clock: HybridTime
  /// The writing origin.
  public let origin: OriginID
  /// The sequence in that origin.
  public let sequence: UInt64

  public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
    if lhs.clock != rhs.clock { return lhs.clock < rhs.clock }
    if lhs.origin != rhs.origin { return lhs.origin < rhs.origin }
    return lhs.sequence < rhs.sequence
  }
}
