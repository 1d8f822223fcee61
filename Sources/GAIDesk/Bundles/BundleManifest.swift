/// One origin's records in a bundle: a contiguous, chained range of its log.
public struct BundleRange: Equatable, Sendable {
  /// The origin.
  public var origin: OriginID
  /// The first sequence carried.
  public var first: UInt64
  /// The last sequence carried.
  public var last: UInt64
  /// The hash of the record before `first` (zeros when `first` is 1): what the range chains to.
  public var anchor: [UInt8]
  /// The hash of record `last`.
  public var head: [UInt8]
  /// The number of records (last − first + 1).
  public var count: UInt64
  /// The byte length of the range's section (its frames back to back).
  public var length: UInt64
  /// SHA-256 of the section.
  public var sectionHash: [UInt8]
}

/// What the producer held of one origin when it wrote the bundle.
public struct KnownHead: Equatable, Sendable {
  /// The origin.
  public var origin: OriginID
  /// The last sequence held.
  public var sequence: UInt64
  /// The hash of that record.
  public var hash: [UInt8]
}

/// A bundle's table of contents, authenticated with the office's bundle key before anything else is read.
public struct BundleManifest: Equatable, Sendable {
  /// The office id (from office.json) the bundle belongs to.
  public var office: String
  /// The origin of the device that wrote the bundle.
  public var producer: OriginID
  /// When it was written (ms since 1970 UTC).
  public var created: UInt64
  /// The records carried, one range per origin, sorted by origin.
  public var ranges: [BundleRange]
  /// The producer's knowledge vector: every origin it held and its last record (an acknowledgement too).
  public var knowledge: [KnownHead]

  /// The number of records carried.
  public var recordCount: UInt64 { ranges.reduce(0) { $0 + $1.count } }

  /// The encoded manifest (see docs/FORMAT.md, "Bundles").
  public var bytes: [UInt8] {
    var w = ByteWriter(capacity: 128 + ranges.count * 140 + knowledge.count * 60)
    w.writeString(office)
    w.write(raw: producer.bytes)
    w.write(created)
    w.writeVarint(UInt64(ranges.count))
    for range in ranges {
      w.write(raw: range.origin.bytes)
      w.writeVarint(range.first)
      w.writeVarint(range.last)
      w.write(raw: range.anchor)
      w.write(raw: range.head)
      w.writeVarint(range.count)
      w.writeVarint(range.length)
      w.write(raw: range.sectionHash)
    }
    w.writeVarint(UInt64(knowledge.count))
    for head in knowledge {
      w.write(raw: head.origin.bytes)
      w.writeVarint(head.sequence)
      w.write(raw: head.hash)
    }
    return w.bytes
  }

  /// Creates a manifest.
  public init(
    office: String, producer: OriginID, created: UInt64, ranges: [BundleRange], knowledge: [KnownHead]
  ) {
    self.office = office
    self.producer = producer
    self.created = created
    self.ranges = ranges
    self.knowledge = knowledge
  }

  /// Decodes a manifest; malformed input throws, never traps.
  public init(decoding bytes: [UInt8]) throws {
    var r = ByteReader(bytes)
    func origin() throws -> OriginID {
      guard let id = OriginID(bytes: Array(try r.readRaw(16))) else {
        throw ByteReader.Malformed(reason: "origin")
      }
      return id
    }
    office = try r.readString()
    producer = try origin()
    created = try r.readUInt64()
    var ranges: [BundleRange] = []
    for _ in 0..<(try r.readLength()) {
      ranges.append(
        BundleRange(
          origin: try origin(), first: try r.readVarint(), last: try r.readVarint(),
          anchor: Array(try r.readRaw(32)), head: Array(try r.readRaw(32)), count: try r.readVarint(),
          length: try r.readVarint(), sectionHash: Array(try r.readRaw(32))))
    }
    var knowledge: [KnownHead] = []
    for _ in 0..<(try r.readLength()) {
      knowledge.append(
        KnownHead(origin: try origin(), sequence: try r.readVarint(), hash: Array(try r.readRaw(32))))
    }
    guard r.isAtEnd else { throw ByteReader.Malformed(reason: "trailing bytes") }
    self.ranges = ranges
    self.knowledge = knowledge
  }

  /// The producer's knowledge as a vector (origin → last sequence).
  public var vector: [OriginID: UInt64] {
    Dictionary(knowledge.map { ($0.origin, $0.sequence) }) { max($0, $1) }
  }
}
