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
  /// The decrypted payload.
  public let payload: [UInt8]
}
