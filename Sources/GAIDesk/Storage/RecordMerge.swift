/// Merges several origins' logs, each read chunk by chunk in its own order, into canonical order
/// (``RecordKey``), holding one chunk per origin at a time instead of every record read.
///
/// Each origin's records come in clock order (its writer's hybrid clock only moves forward), so the merge
/// delivers every record in canonical order; a log that breaks this (a forged one) is still delivered whole,
/// and the reader notices a key below the last one delivered.
struct RecordMerge {
  /// Reads an origin's next chunk; nil when it has no more.
  typealias Source = () throws -> [JournalEntry]?

  private var sources: [Source] = []
  /// Each origin's chunk, reversed: its next record is the last, taken out with `removeLast` (moved, not
  /// copied: a copy of an entry retains each of its arrays).
  private var chunks: [[JournalEntry]] = []
  /// The clock of each origin's next record: each step scans these plain numbers, and builds full keys
  /// only when two clocks are equal.
  private var clocks: [UInt64] = []
  /// The origin whose chunk the last step emptied: its next chunk is read at the next step.
  private var emptied: Int?

  /// Delivers every record of `sources` in canonical order.
  static func run(_ sources: [Source], deliver: (JournalEntry) throws -> Void) throws {
    var merge = RecordMerge()
    for source in sources {
      if var chunk = try source() {
        RecordMerge.reverse(&chunk)
        merge.add(source, chunk)
      }
    }
    // The segment buffers kept for the reading are freed once it is over.
    defer { SegmentBuffers.shared.drain() }
    while let entry = try merge.next() { try deliver(entry) }
  }

  /// Adds an origin whose chunk, already reversed, is not empty.
  private mutating func add(_ source: @escaping Source, _ reversedChunk: [JournalEntry]) {
    sources.append(source)
    chunks.append(reversedChunk)
    clocks.append(reversedChunk[reversedChunk.count - 1].content.clock.rawValue)
  }

  /// The smallest next record of all origins, after which that origin's position moves on.
  private mutating func next() throws -> JournalEntry? {
    if let emptied {
      self.emptied = nil
      try refill(emptied)
    }
    guard !clocks.isEmpty else { return nil }
    var best = 0
    for index in clocks.indices.dropFirst() where clocks[index] <= clocks[best] {
      if clocks[index] < clocks[best] || head(index) < head(best) { best = index }
    }
    let entry = chunks[best].removeLast()
    if chunks[best].isEmpty {
      // Its next chunk is read at the next step, once this record has been delivered and let go: the
      // buffer the chunk's payloads view is then free for the reading ahead (``SegmentBuffers``).
      emptied = best
    } else {
      clocks[best] = chunks[best][chunks[best].count - 1].content.clock.rawValue
    }
    return entry
  }

  /// Reads origin `index`'s next chunk, or drops the origin when it has no more.
  private mutating func refill(_ index: Int) throws {
    if var chunk = try sources[index]() {
      RecordMerge.reverse(&chunk)
      chunks[index] = chunk
      clocks[index] = chunk[chunk.count - 1].content.clock.rawValue
    } else {
      sources.remove(at: index)
      chunks.remove(at: index)
      clocks.remove(at: index)
    }
  }

  /// Reverses a chunk in place by moving its entries: `Array.reverse` copies each one twice, retaining and
  /// releasing each of its arrays.
  private static func reverse(_ chunk: inout [JournalEntry]) {
    chunk.withUnsafeMutableBufferPointer { $0.reverse() }
  }

  private func head(_ index: Int) -> RecordKey { chunks[index][chunks[index].count - 1].key }
}
