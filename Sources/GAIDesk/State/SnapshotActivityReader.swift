import Foundation

/// The activity section of a snapshot cache (visits, referrals and follow-ups), read and decoded on another
/// thread while the loader reads the state before it (the machine's second core). It reads the same open file
/// with a reader of its own and decodes exactly the bytes a reader on one thread would: what it reads does not
/// depend on which thread ends first.
final class SnapshotActivityReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once by the reading thread before `done` is signalled, read only after waiting for it.
  private var outcome: Result<StateCodec.Activity, any Error> = .failure(
    ByteReader.Malformed(reason: "activity"))

  /// Starts reading the activity of the file `input` reads, past the sections before it.
  init(_ input: SnapshotChunkReader) {
    guard let source = input.sibling() else {
      done.signal()
      return
    }
    // A thread of its own, not a shared queue's: the loader may itself run on one (the interface opens an
    // office on a global queue), and waiting for a task queued behind it there could stall.
    Thread.detachNewThread { [self] in
      outcome = Result { try Self.read(source) }
      done.signal()
    }
  }

  /// The activity once read (waits for it); throws when the section is damaged, out of place or missing.
  func activity() throws -> StateCodec.Activity {
    done.wait()
    done.signal()
    return try outcome.get()
  }

  private static func read(_ source: SnapshotChunkReader.Source) throws -> StateCodec.Activity {
    guard let reader = SnapshotChunkReader(source) else { throw ByteReader.Malformed(reason: "activity") }
    try reader.skip(to: .activity)
    var r = try reader.start(.activity)
    let activity = try StateCodec.decodeActivity(&r, reader)
    try reader.end(r)
    return activity
  }
}
