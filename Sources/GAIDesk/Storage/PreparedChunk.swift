import Dispatch

/// A run of one segment's bytes read, framed (length, checksum), opened, hashed and checked record against
/// record, off the reading thread: what a log's reading can do before it knows where the previous chunk
/// ended. The reader then checks only the first record against its position (epoch held, sequence, chain)
/// and takes the entries that follow in one step, so damage stops it at the same record, with the same
/// reason, as checking every record in turn.
struct PreparedChunk: @unchecked Sendable {
  /// The segment read.
  let segment: Int
  /// The file offset of `bytes[0]` (0: the whole segment, its header first).
  let base: Int
  /// The bytes read, from `base` to the end of the file as it was then.
  let bytes: [UInt8]
  /// The buffer the records were decrypted into, which the entries' payloads view.
  let plain: [UInt8]
  /// Why the segment header is refused (only when `base` is 0; nil: it is this origin's and index's).
  let headerProblem: String?
  /// Offset in `bytes` of the first record (past the header when `base` is 0).
  let recordsStart: Int
  /// The records framed intact from `recordsStart`, and what stopped the framing.
  let frames: [RecordFrame]
  let stop: ScanStop?
  /// The longest run of records from the first that open and follow each other (epoch held, sequence one
  /// more, previous hash the record before's): the first record is not checked against the log's position.
  let entries: [JournalEntry]
  /// SHA-256 of the body of `entries`' last record (the next record's previous hash).
  let lastHash: ChainHash
  /// Whether the record just after `entries` (if framed) opened: the reader names its refusal.
  let nextOpened: Bool
  /// When sealing was asked: what the segment's seal hashes of each record of `entries`
  /// (``SealHasher/bytesPerRecord`` bytes a record).
  let sealParts: [UInt8]
  /// When `base` is 0 and sealing was asked: the seal of the segment header, then of the header and
  /// `entries` (the seal of a segment read whole, without reading it again).
  let headerSeal: SealHasher?
  let entriesSeal: SealHasher?
  /// The key epochs the records were opened with (a prepared chunk is kept only while they stay the same).
  let epochs: Set<UInt32>

  /// The file offset just past the bytes read.
  var end: Int { base + bytes.count }

  /// Reads segment `segment` of `origin` at `path` from file offset `base` and prepares its records with
  /// `opener` (on every core, or on this thread in lane `lane`). Reading errors are thrown, except for a whole
  /// segment, whose unreadable header is named in `headerProblem` as a reader reading the header alone names it.
  /// The bytes and the plaintext are read into buffers kept between segments (``SegmentBuffers``).
  static func read(
    path: String, segment: Int, base: Int, origin: OriginID, opener: BulkOpener, sealing: Bool,
    lane: Int? = nil
  ) throws -> PreparedChunk {
    var bytes: [UInt8]
    var headerProblem: String?
    let buffers = SegmentBuffers.shared
    if base == 0 {
      bytes = (try? FileIO.read(path, from: 0, into: buffers.take(count:))) ?? []
      headerProblem = problem(ofHeader: bytes, origin: origin, segment: segment)
    } else {
      bytes = try FileIO.read(path, from: base, into: buffers.take(count:))
    }
    let recordsStart = base == 0 ? SegmentFormat.headerSize : 0
    guard headerProblem == nil, bytes.count > recordsStart else {
      if headerProblem != nil { bytes = [] }
      return PreparedChunk(
        segment: segment, base: base, bytes: bytes, plain: [], headerProblem: headerProblem,
        recordsStart: recordsStart, frames: [], stop: nil, entries: [], lastHash: .zero, nextOpened: false,
        sealParts: [], headerSeal: sealing && headerProblem == nil ? seal(bytes, through: recordsStart) : nil,
        entriesSeal: nil, epochs: opener.keyring.epochs)
    }
    let (frames, stop) = SegmentScanner(bytes: bytes, base: base, origin: origin).scanFrames(
      from: recordsStart)
    var plain: [UInt8] = []
    var opened = opener.open(frames, in: bytes, origin: origin, plain: &plain, lane: lane)
    // The longest run from the first record whose records follow each other.
    var taken = 0
    var previousHash = ChainHash.zero
    for index in frames.indices {
      let frame = frames[index]
      let check = opened.checks[index]
      let held = opener.holds(UInt32(truncatingIfNeeded: frame.epochOrClock))
      if index == 0 {
        guard held, check.opened else { break }
      } else {
        // (Whether the record states the hash of the one before was found where both were opened.)
        let chained =
          check.chained ?? (opened.entries[index].header.chain == opened.checks[index - 1].chain)
        let refused = refusal(
          frame, opened: check.opened, held: held, previousSequence: frames[index - 1].sequence,
          chained: chained)
        guard refused == nil else { break }
      }
      previousHash = check.chain
      taken += 1
    }
    let nextOpened = taken < frames.count && opened.checks[taken].opened
    opened.entries.removeLast(frames.count - taken)
    var sealParts: [UInt8] = []
    if sealing {
      sealParts.reserveCapacity(taken * SealHasher.bytesPerRecord)
      bytes.withUnsafeBytes { raw in
        for index in 0..<taken {
          SealHasher.append(frames[index], chain: opened.checks[index].chain, in: raw, to: &sealParts)
        }
      }
    }
    let headerSeal = sealing && base == 0 ? seal(bytes, through: recordsStart) : nil
    var entriesSeal = headerSeal
    sealParts.withUnsafeBytes { entriesSeal?.add(records: $0) }
    return PreparedChunk(
      segment: segment, base: base, bytes: bytes, plain: plain, headerProblem: nil,
      recordsStart: recordsStart,
      frames: frames, stop: stop, entries: opened.entries, lastHash: previousHash, nextOpened: nextOpened,
      sealParts: sealParts, headerSeal: headerSeal, entriesSeal: entriesSeal, epochs: opener.keyring.epochs)
  }

  /// Gives the chunk's buffers back for a later segment's reading (``SegmentBuffers``); the entries taken
  /// from it keep their payloads.
  func recycle() {
    SegmentBuffers.shared.give(bytes)
    SegmentBuffers.shared.give(plain)
  }

  /// Why a record cannot follow the one before it in its log, checked in the order a reader checks: the
  /// epoch held, the sequence one more than `previousSequence`, the previous hash `previousHash` (the
  /// record before's), the content opened. Nil when it follows.
  static func refusal(
    _ frame: RecordFrame, opened: Bool, held: Bool, previousSequence: UInt64, previousHash: ChainHash,
    in bytes: UnsafeRawBufferPointer
  ) -> Refusal? {
    refusal(
      frame, opened: opened, held: held, previousSequence: previousSequence,
      chained: previousHash.matches(bytes.baseAddress! + frame.previousHashStart))
  }

  /// ``refusal(_:opened:held:previousSequence:previousHash:in:)`` where whether the record's previous hash is
  /// the record before's is known (`chained`).
  static func refusal(
    _ frame: RecordFrame, opened: Bool, held: Bool, previousSequence: UInt64, chained: Bool
  ) -> Refusal? {
    guard held else { return .epochNotHeld(UInt32(truncatingIfNeeded: frame.epochOrClock)) }
    guard frame.sequence == previousSequence &+ 1 else {
      return .damage("sequence \(frame.sequence) where \(previousSequence &+ 1) was expected")
    }
    guard chained else { return .damage("hash chain broken") }
    guard opened else { return .damage("cannot decrypt: altered record or another office's key") }
    return nil
  }

  /// Why a record is not taken.
  enum Refusal: Equatable {
    /// Sealed under a key epoch this account does not hold (yet): reading waits there.
    case epochNotHeld(UInt32)
    /// Damage, with the reason the reader names.
    case damage(String)
  }

  /// Why the header of segment `segment` (the first bytes of `bytes`) is refused; nil when it is
  /// `origin`'s segment of that index.
  static func problem(ofHeader bytes: [UInt8], origin: OriginID, segment: Int) -> String? {
    guard bytes.count >= SegmentFormat.headerSize else { return "segment header truncated" }
    do {
      let header = try SegmentFormat.parseHeader(bytes)
      guard header.origin == origin, header.index == segment else {
        return "segment header names another origin or index"
      }
      return nil
    } catch .newerFormat(let version) {
      return "written by a newer GAIDesk (segment format \(version))"
    } catch {
      return "segment header damaged"
    }
  }

  private static func seal(_ bytes: [UInt8], through end: Int) -> SealHasher {
    bytes.withUnsafeBytes { SealHasher(header: UnsafeRawBufferPointer(rebasing: $0[0..<min(end, $0.count)])) }
  }
}

/// A chunk being prepared on another thread while the reader folds the one before.
final class PendingChunk: @unchecked Sendable {
  /// The segment and file offset it reads from.
  let segment: Int
  let base: Int
  private let done = DispatchSemaphore(value: 0)
  private var outcome: Result<PreparedChunk, any Error>?
  /// How many chunks may be prepared ahead at once in this process: each holds a segment's bytes and records
  /// until its reader takes it, and a journal of many origins would otherwise hold one per origin.
  private static let slots = DispatchSemaphore(value: 2)

  /// Starts preparing segment `segment` from `base` on a background thread, opening its records there in lane
  /// `lane` of `opener` (one lane a chunk prepared at once); nil when as many chunks are already being prepared
  /// ahead (the reader reads this one when it gets there).
  init?(
    path: String, segment: Int, base: Int, origin: OriginID, opener: BulkOpener, sealing: Bool, lane: Int
  ) {
    guard PendingChunk.slots.wait(timeout: .now()) == .success else { return nil }
    self.segment = segment
    self.base = base
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      outcome = Result {
        try PreparedChunk.read(
          path: path, segment: segment, base: base, origin: origin, opener: opener, sealing: sealing,
          lane: lane)
      }
      done.signal()
    }
  }

  deinit { PendingChunk.slots.signal() }

  /// The prepared chunk once ready (waits for it); nil when reading it failed (the reader reads it again and
  /// meets the failure itself).
  func wait() -> PreparedChunk? {
    done.wait()
    done.signal()
    return try? outcome?.get()
  }
}
