import Synchronization

/// Segment-sized byte arrays kept between the segments of a bulk reading: a segment's bytes and the plaintext
/// its records are decrypted into (4 MiB each) are given back once the reader is done with them and taken again
/// for a later segment, so their pages are not mapped, faulted and zeroed again for every segment.
///
/// A plaintext buffer is given back while the payloads of the chunk it was read into may still view it. That is
/// safe: the arrays are values, and writing into one that a payload still shares copies it first (copy on
/// write), so a payload kept by a caller never changes; the reuse only pays when nothing views the buffer any
/// more, which is the case when the records have been folded. Buffers are taken oldest first, so a buffer comes
/// back into use two chunks after it was given back.
final class SegmentBuffers: Sendable {
  /// The buffers of the process's bulk readings (a few: every reading takes and gives back the same ones).
  static let shared = SegmentBuffers(keeping: 4)

  private let spares = Mutex<[[UInt8]]>([])
  private let keeping: Int

  /// A pool keeping at most `keeping` buffers.
  init(keeping: Int) {
    self.keeping = keeping
  }

  /// An array of `count` bytes whose contents are unspecified: a spare one resized, or a new one.
  func take(count: Int) -> [UInt8] {
    let spare = spares.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    guard var buffer = spare, buffer.capacity >= count else {
      return [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
    if buffer.count > count {
      buffer.removeLast(buffer.count - count)
    } else if buffer.count < count {
      buffer.append(contentsOf: repeatElement(0, count: count - buffer.count))
    }
    return buffer
  }

  /// Keeps `buffer` for a later ``take(count:)`` (dropped when the pool is full or the buffer is small).
  func give(_ buffer: [UInt8]) {
    guard buffer.capacity >= SegmentBuffers.smallest else { return }
    spares.withLock {
      if $0.count < keeping { $0.append(buffer) }
    }
  }

  /// Frees the buffers kept (a reading is over: nothing more to reuse them for).
  func drain() {
    spares.withLock { $0 = [] }
  }

  /// How many buffers are kept.
  var count: Int { spares.withLock { $0.count } }

  /// Buffers smaller than this are not worth keeping (a refresh reading a record or two).
  static let smallest = 64 << 10
}
