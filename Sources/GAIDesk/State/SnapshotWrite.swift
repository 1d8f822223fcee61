import Crypto
import Dispatch
import Foundation

/// What the snapshot cache records of the journal's positions, taken from the journal when a write starts
/// (the journal goes on changing while the cache is written on another thread).
struct JournalPositions: Sendable {
  /// Each origin's reading position.
  let cursors: [OriginCursor]
  /// The greatest hybrid time read.
  let latestTime: HybridTime
  /// Which origin said it saw which other one's sequence.
  let claims: [OriginID: SeenClaim]

  /// The positions of `journal` now.
  init(_ journal: Journal) {
    cursors = journal.cursors
    latestTime = journal.latestTime
    claims = journal.claims
  }
}

extension StateSnapshot {
  /// Writes the cache of `state` with the positions `journal` has now (see
  /// ``save(_:appliedKey:journal:seals:file:masterKey:chunkSize:)`` with positions).
  static func save(
    _ state: OfficeState, appliedKey: RecordKey?, journal: Journal, seals: [SegmentSeal], file: String,
    masterKey: SymmetricKey, chunkSize: Int = SnapshotChunk.plainSize
  ) throws {
    try save(
      state, appliedKey: appliedKey, journal: JournalPositions(journal), seals: seals, file: file,
      masterKey: masterKey, chunkSize: chunkSize)
  }
}

/// A snapshot cache being written on another thread after an opening folded the journal: the office is
/// usable meanwhile. The office waits for it before its state changes, before it writes or removes a cache
/// again, and when it closes; an opening waits for the writes of its process before it reads a cache, and
/// the process's exit waits for every write still running, so a command that exits at once still leaves its
/// cache. The writes of one process run one at a time (they share a temporary file name). A write cut short
/// (the process killed) leaves only its temporary file: the cache is renamed into place once synced, never
/// read half-written.
final class SnapshotWrite: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// The writing, until it has run: it holds a share of the state, which must be gone before the office
  /// changes its state again (a second owner would make that change copy the whole state).
  private var work: (@Sendable () -> Bool)?
  /// Whether the cache was written; set by the writing thread before `done` is signalled.
  private var written = false

  /// The writes of this process, one at a time.
  private static let queue = DispatchQueue(label: "gaidesk.snapshot-write", qos: .utility)
  /// Every write of this process not finished yet.
  private static let running = DispatchGroup()
  /// The exit's wait, registered once, by the first write.
  private static let exitWait: Void = { atexit { SnapshotWrite.waitForAll() } }()

  /// Starts `write` (which says whether it wrote the cache) on another thread, after the process's other
  /// writes.
  init(_ write: @escaping @Sendable () -> Bool) {
    work = write
    _ = Self.exitWait
    Self.running.enter()
    Self.queue.async { [self] in
      written = work?() ?? false
      work = nil  // the state's share released before anyone is told the write is over
      done.signal()
      Self.running.leave()
    }
  }

  /// Waits for the write to end; whether the cache was written.
  @discardableResult
  func wait() -> Bool {
    done.wait()
    done.signal()
    return written
  }

  /// Waits for every write of this process started so far.
  static func waitForAll() { running.wait() }
}
