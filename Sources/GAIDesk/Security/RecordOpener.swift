import COpenSSLCrypto
import Crypto
import Dispatch
import Foundation

/// Opens journal records in bulk: AES-256-GCM through the system's OpenSSL 3 (its provider's functions,
/// called directly), one cipher context per key epoch set up once and reused for every record, decrypting
/// into one reused buffer.
///
/// It reads exactly what `Sealer.seal` writes (nonce ‖ ciphertext ‖ tag, the clear header authenticated);
/// swift-crypto's `AES.GCM` builds a new context (key schedule, GHASH tables) per call, which made opening
/// the records the floor of every opening. Not thread-safe: one opener per reader.
final class RecordOpener {
  /// The keys it opens with.
  let keyring: Keyring
  private var contexts: [UInt32: AESGCMContext] = [:]
  /// The context of the epoch opened last (records come in runs of one epoch).
  private var last: (epoch: UInt32, context: AESGCMContext)?
  /// The plaintext of the last record opened (longer than it: only `count` bytes are its own).
  private var plain: [UInt8] = []
  private let digest = SHA256Context()

  /// An opener for the records sealed under `keyring`'s epochs.
  init(keyring: Keyring) {
    self.keyring = keyring
  }

  /// The content of a scanned record, or nil when it does not open (altered, another office's key, an
  /// epoch this office does not hold, or malformed content) — as `Keyring.open` answers.
  func open(_ record: ScannedRecord) -> RecordContent? {
    record.body.withUnsafeBytes {
      open(body: $0, headerSize: record.header.encodedSize, epoch: record.header.epoch)
    }
  }

  /// The content of the record whose body (clear header of `headerSize` bytes, then the sealed content) is
  /// `body`, sealed under `epoch`; nil when it does not open, as ``open(_:)``.
  func open(body: UnsafeRawBufferPointer, headerSize: Int, epoch: UInt32) -> RecordContent? {
    let count = body.count - headerSize - Sealer.overhead
    guard count >= 0 else { return nil }
    if plain.count < max(count, 1) { plain = [UInt8](repeating: 0, count: max(count, 1, 2 * plain.count)) }
    return plain.withUnsafeMutableBytes { out -> RecordContent? in
      guard
        let (content, payload) = open(
          body: body, headerSize: headerSize, epoch: epoch, into: out.baseAddress!)
      else { return nil }
      var copied = content
      copied.payloadBytes = Array(out[payload])[...]
      return copied
    }
  }

  /// Opens the record whose body is `body` (as ``open(body:headerSize:epoch:)``), decrypting it to `out`
  /// (room for the sealed content less ``Sealer/overhead`` bytes): the content with its payload left empty,
  /// and where the payload lies from `out`; nil when it does not open.
  func open(body: UnsafeRawBufferPointer, headerSize: Int, epoch: UInt32, into out: UnsafeMutableRawPointer)
    -> (RecordContent, Range<Int>)?
  {
    guard let context = context(epoch) else { return nil }
    let count = body.count - headerSize - Sealer.overhead
    guard count >= 0,
      context.open(
        aad: UnsafeRawBufferPointer(rebasing: body[..<headerSize]),
        sealed: UnsafeRawBufferPointer(rebasing: body[headerSize...]), into: out)
    else { return nil }
    return try? RecordContent.decodeLeavingPayload(UnsafeRawBufferPointer(start: out, count: count))
  }

  /// SHA-256 of the record's body (the next record's `previousHash`), as `ScannedRecord.hash`, through a
  /// reused digest context.
  func hash(_ record: ScannedRecord) -> [UInt8] {
    record.body.withUnsafeBytes { hash(body: $0) }
  }

  /// SHA-256 of a record body.
  func hash(body: UnsafeRawBufferPointer) -> [UInt8] { chain(body: body).bytes }

  /// SHA-256 of a record body, held inline.
  func chain(body: UnsafeRawBufferPointer) -> ChainHash {
    digest?.chain(body) ?? ChainHash(Array(SHA256.hash(data: body)))
  }

  /// Whether the keyring holds `epoch`'s key (the records sealed under it can be opened).
  func holds(_ epoch: UInt32) -> Bool {
    if let last, last.epoch == epoch { return true }
    return keyring.sealer(epoch) != nil
  }

  private func context(_ epoch: UInt32) -> AESGCMContext? {
    if let last, last.epoch == epoch { return last.context }
    let context: AESGCMContext
    if let known = contexts[epoch] {
      context = known
    } else {
      guard let sealer = keyring.sealer(epoch), let made = AESGCMContext(key: sealer.key) else { return nil }
      contexts[epoch] = made
      context = made
    }
    last = (epoch, context)
    return context
  }
}

/// What opening one record gave: its content (nil when it does not open) and its body's SHA-256.
struct OpenedRecord {
  /// The content, nil when the record does not open (as ``RecordOpener/open(_:)``).
  var content: RecordContent?
  /// SHA-256 of the body: the next record's `previousHash`.
  var chain: ChainHash
  /// ``chain`` as bytes.
  var hash: [UInt8] { chain.bytes }
}

/// What opening a segment's frames gave, frame by frame: an entry each (its header as the record states it, its
/// content empty when the record did not open), whether it opened, and its body's SHA-256.
struct OpenedFrames {
  /// One entry a frame, in the frames' order; an entry whose record did not open has an empty content.
  var entries: [JournalEntry]
  /// Each frame's body hash and whether its record opened.
  var checks: [Check]

  /// A frame's body hash and whether its record opened.
  struct Check {
    /// SHA-256 of the body: the next record's previous hash.
    var chain: ChainHash
    /// Whether the record opened (its sealed content authenticated and well formed).
    var opened: Bool
    /// Whether the previous hash the record states is the hash of the frame before, found by the thread that
    /// opened both (nil for the first frame of a stripe: the reader compares them).
    var chained: Bool?
  }

  /// Frame `index` as one result: its content when it opened, and its hash.
  func record(_ index: Int) -> OpenedRecord {
    OpenedRecord(content: checks[index].opened ? entries[index].content : nil, chain: checks[index].chain)
  }
}

/// Opens a segment's records on every core: the records are split into contiguous stripes, one per core,
/// each opened and hashed by an opener of its own (OpenSSL contexts are not shared between threads). What
/// depends on the order (sequence, chain, held epochs) stays with the reader, which checks the results in
/// order exactly as if each record had been opened when reached.
///
/// A segment can also be opened on one thread, in one *lane*: each lane has its own openers, so two segments
/// prepared ahead at once are each opened on one core (the frames' reading and checks, which one segment does
/// in order, then run beside the other segment's decryption instead of leaving a core idle).
final class BulkOpener {
  /// The keys it opens with.
  let keyring: Keyring
  private let openers: [RecordOpener]
  /// The epochs `keyring` holds (a few): read by every thread, never changed.
  private let heldEpochs: [UInt32]
  /// Fewer records than this are opened on the calling thread (an interactive refresh reads a few).
  static let parallelMinimum = 256
  /// How many segments can be opened at once, one in each lane (``open(_:in:origin:lane:)``).
  var lanes: Int { openers.count }

  /// An opener for `keyring`'s records using up to `threads` threads.
  init(keyring: Keyring, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.keyring = keyring
    openers = (0..<max(1, threads)).map { _ in RecordOpener(keyring: keyring) }
    heldEpochs = keyring.epochs.sorted()
  }

  /// Whether the keyring holds `epoch`'s key (safe from any thread).
  func holds(_ epoch: UInt32) -> Bool { heldEpochs.contains(epoch) }

  /// Each frame's record in `bytes` (the scanned bytes the frames index) opened and hashed, in the frames'
  /// order (``OpenedRecord``, for checks record by record).
  func open(_ frames: [RecordFrame], in bytes: [UInt8]) -> [OpenedRecord] {
    guard let first = frames.first,
      let origin = OriginID(bytes: Array(bytes[first.bodyStart + 1..<first.bodyStart + 17]))
    else { return [] }
    var plain = [UInt8]()
    let opened = open(frames, in: bytes, origin: origin, plain: &plain)
    return frames.indices.map { opened.record($0) }
  }

  /// Each frame's record in `bytes` opened and hashed into an entry of `origin` (the origin the frames'
  /// headers name), on every core, or on this thread with lane `lane`'s opener. The records
  /// are decrypted into `plain` (resized to `bytes`' length, each record where its sealed content lies),
  /// which every payload is a view of: no allocation per record.
  func open(
    _ frames: [RecordFrame], in bytes: [UInt8], origin: OriginID, plain: inout [UInt8], lane: Int? = nil
  ) -> OpenedFrames {
    if plain.count != bytes.count { plain = SegmentBuffers.shared.take(count: bytes.count) }
    var checks = [OpenedFrames.Check](
      repeating: OpenedFrames.Check(chain: .zero, opened: false, chained: nil), count: frames.count)
    var payloads = [Range<Int>](repeating: 0..<0, count: frames.count)
    let stripes = lane != nil || frames.count < BulkOpener.parallelMinimum ? 1 : openers.count
    let chosen = lane.map { [openers[$0 % openers.count]] } ?? openers
    var entries = [JournalEntry](unsafeUninitializedCapacity: frames.count) { entries, initialized in
      frames.withUnsafeBufferPointer { frames in
        bytes.withUnsafeBytes { bytes in
          plain.withUnsafeMutableBytes { plain in
            checks.withUnsafeMutableBufferPointer { checks in
              payloads.withUnsafeMutableBufferPointer { payloads in
                let work = Stripes(
                  frames: frames, bytes: bytes, plain: plain, entries: entries, checks: checks,
                  payloads: payloads, origin: origin, openers: chosen, count: stripes)
                if stripes == 1 {
                  work.run(0)
                } else {
                  DispatchQueue.concurrentPerform(iterations: stripes) { work.run($0) }
                }
              }
            }
          }
        }
      }
      initialized = frames.count
    }
    // The payloads become views of `plain` once every stripe has written it.
    entries.withUnsafeMutableBufferPointer { entries in
      for index in entries.indices where checks[index].opened {
        entries[index].content.payloadBytes = plain[payloads[index]]
      }
    }
    return OpenedFrames(entries: entries, checks: checks)
  }
}

/// What the stripes of one ``BulkOpener/open(_:in:origin:plain:lane:)`` share: each stripe reads `bytes` and
/// `frames`, opens with its own opener and writes only its own records' slots of `plain`, `entries` (which it
/// initialises), `checks` and `payloads`, so nothing is written by two threads (hence the unchecked
/// conformance).
private struct Stripes: @unchecked Sendable {
  let frames: UnsafeBufferPointer<RecordFrame>
  let bytes: UnsafeRawBufferPointer
  let plain: UnsafeMutableRawBufferPointer
  let entries: UnsafeMutableBufferPointer<JournalEntry>
  let checks: UnsafeMutableBufferPointer<OpenedFrames.Check>
  let payloads: UnsafeMutableBufferPointer<Range<Int>>
  let origin: OriginID
  let openers: [RecordOpener]
  let count: Int

  /// Opens and hashes stripe `stripe`'s records, each decrypted into `plain` where its sealed content lies
  /// in `bytes`, and initialises their entries.
  func run(_ stripe: Int) {
    let opener = openers[stripe]
    let range = frames.count * stripe / count..<frames.count * (stripe + 1) / count
    let unopened = RecordContent(clock: HybridTime(rawValue: 0), wall: WallTime(milliseconds: 0), payload: [])
    for index in range {
      let frame = frames[index]
      let body = UnsafeRawBufferPointer(rebasing: bytes[frame.bodyStart..<frame.end])
      let start = frame.bodyStart + frame.headerSize
      let epoch = UInt32(truncatingIfNeeded: frame.epochOrClock)
      var content = unopened
      if let (opened, payload) = opener.open(
        body: body, headerSize: frame.headerSize, epoch: epoch, into: plain.baseAddress! + start)
      {
        content = opened
        checks[index].opened = true
        payloads[index] = start + payload.lowerBound..<start + payload.upperBound
      }
      checks[index].chain = opener.chain(body: body)
      let header = RecordHeader(
        origin: origin, sequence: frame.sequence, epoch: epoch,
        chain: ChainHash(loading: bytes.baseAddress! + frame.previousHashStart))
      if index > range.lowerBound { checks[index].chained = header.chain == checks[index - 1].chain }
      (entries.baseAddress! + index).initialize(to: JournalEntry(header: header, content: content))
    }
  }
}

/// SHA-256 through OpenSSL's own SHA-256 functions (the SHA extensions where the processor has them), a
/// context on the stack for every message: no allocation, no provider look-up.
final class SHA256Context {
  /// A hasher; nil when OpenSSL's SHA-256 fails (it hashes the empty message as a check).
  init?() {
    var digest = [UInt8](repeating: 0, count: 32)
    guard gaidesk_sha256(nil, 0, &digest) == 1 else { return nil }
  }

  /// The digest of `bytes`; nil if OpenSSL fails.
  func hash(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
    bytes.withUnsafeBytes { hash($0) }
  }

  /// The digest of `message`, held inline; nil if OpenSSL fails.
  func chain(_ message: UnsafeRawBufferPointer) -> ChainHash? {
    ChainHash { digest in
      gaidesk_sha256(message.baseAddress, message.count, digest.assumingMemoryBound(to: UInt8.self)) == 1
    }
  }

  /// The digest of `message`; nil if OpenSSL fails.
  func hash(_ message: UnsafeRawBufferPointer) -> [UInt8]? {
    var done = false
    let out = [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
      done = gaidesk_sha256(message.baseAddress, message.count, digest.baseAddress) == 1
      count = done ? 32 : 0
    }
    return done ? out : nil
  }
}

/// One AES-256-GCM decryption context of the OpenSSL 3 provider EVP uses, with its key set, reused with a new
/// nonce per record. Its functions are called directly (`gcm_opener.h`): through EVP, a short record's opening
/// cost about as much again in EVP's parameter look-ups.
final class AESGCMContext {
  /// The provider's functions, found at the first use (written once, then only read: hence unsafe).
  nonisolated(unsafe) private static let functions = gaidesk_gcm_functions_load()
  private let functions: UnsafeMutablePointer<gaidesk_gcm_functions>
  private let context: UnsafeMutableRawPointer

  /// A context for a 32-byte key; nil when OpenSSL refuses it.
  init?(key: SymmetricKey) {
    guard key.bitCount == 256, let functions = Self.functions,
      let context = key.withUnsafeBytes({
        gaidesk_gcm_opener_new(functions, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
      })
    else { return nil }
    self.functions = functions
    self.context = context
  }

  deinit { functions.pointee.freectx(context) }

  /// Opens `sealed` (12-byte nonce ‖ ciphertext ‖ 16-byte tag) with `aad` authenticated, writing the
  /// plaintext (as long as the ciphertext) to `out`; false when the tag does not match.
  func open(aad: UnsafeRawBufferPointer, sealed: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer)
    -> Bool
  {
    guard sealed.count >= Sealer.overhead else { return false }
    let base = sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let cipherCount = sealed.count - Sealer.overhead
    return gaidesk_gcm_open(
      functions, context, base, aad.baseAddress?.assumingMemoryBound(to: UInt8.self), aad.count, base + 12,
      cipherCount, base + 12 + cipherCount, out.assumingMemoryBound(to: UInt8.self)) == 1
  }
}

/// A bulk opener is used by one thread at a time: the reader's, or the one preparing its next segment while
/// the reader waits for it before opening anything itself (``PendingChunk``).
extension BulkOpener: @unchecked Sendable {}
