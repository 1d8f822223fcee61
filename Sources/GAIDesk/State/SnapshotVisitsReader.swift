import Foundation

/// The visits section of a snapshot cache, read and decoded on another thread while the loader reads the
/// state before it (the machine's second core). It reads the same open file with a reader of its own and
/// decodes exactly the bytes a reader on one thread would: the visits do not depend on which thread ends first.
final class SnapshotVisitsReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once by the reading thread before `done` is signalled, read only after waiting for it.
  private var outcome: Result<VisitTable, any Error> = .failure(ByteReader.Malformed(reason: "visits"))

  /// Starts reading the visits of the file `input` reads, past the sections before them.
  init(_ input: SnapshotChunkReader) {
    guard let source = input.sibling() else {
      done.signal()
      return
    }
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      outcome = Result { try Self.read(source) }
      done.signal()
    }
  }

  /// The visits once read (waits for them); throws when the section is damaged, out of place or missing.
  func visits() throws -> VisitTable {
    done.wait()
    done.signal()
    return try outcome.get()
  }

  private static func read(_ source: SnapshotChunkReader.Source) throws -> VisitTable {
    guard let reader = SnapshotChunkReader(source) else { throw ByteReader.Malformed(reason: "visits") }
    try reader.skip(to: .visits)
    var r = try reader.start(.visits)
    let visits = try StateCodec.decodeVisits(&r, reader)
    try reader.end(r)
    return visits
  }
}
