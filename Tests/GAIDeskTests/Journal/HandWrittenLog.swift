import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// An origin's log written by hand, sealed as the journal seals it, for tests of the reading paths.
struct HandWrittenLog {
  /// How the records' clocks move.
  enum Clocks {
    /// The hybrid clock is the sequence shifted, the wall time the sequence (one origin reads in order).
    case fromSequence
    /// Forward by random steps from 2³⁰ (so several origins interleave); wall time the clock over 256.
    case randomSteps
  }

  let keyring: Keyring
  /// Seals the records of epoch 9, which `keyring` does not hold.
  let stranger = Sealer(masterKey: SymmetricKey(size: .bits256), purpose: "journal epoch 9")

  /// Writes `origin`'s log in `dir`: segment `i` holds `counts[i]` records chained across segments, with
  /// payloads of up to `payloads` random bytes, a record sealed under epoch 9 where `unheld` says. Returns
  /// the segments' paths.
  func write(
    _ origin: OriginID, in dir: TemporaryDirectory, counts: [Int], unheld: Set<Int> = [],
    payloads: UInt64 = 300, clocks: Clocks, _ random: inout SeededRandom
  ) throws -> [String] {
    let folder = dir.path + "/" + origin.hex
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var previous = [UInt8](repeating: 0, count: 32)
    var sequence: UInt64 = 0
    var clock: UInt64 = 1 << 30
    var paths: [String] = []
    for (index, count) in counts.enumerated() {
      var bytes = SegmentFormat.header(origin: origin, index: index + 1)
      for _ in 0..<count {
        sequence += 1
        let (hybrid, wall): (UInt64, UInt64)
        switch clocks {
        case .fromSequence: (hybrid, wall) = (sequence << 20, sequence)
        case .randomSteps:
          clock += 1 + random.next() % 5
          (hybrid, wall) = (clock, clock >> 8)
        }
        let epoch: UInt32 = unheld.contains(Int(sequence)) ? 9 : 1
        let header = RecordHeader(origin: origin, sequence: sequence, epoch: epoch, previousHash: previous)
        let content = RecordContent(
          clock: HybridTime(rawValue: hybrid), wall: WallTime(milliseconds: wall),
          payload: (0..<Int(random.next() % payloads)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let body =
          header.bytes
          + (try (keyring.sealer(epoch) ?? stranger).seal(content.bytes, authenticating: header.bytes))
        bytes += SegmentFormat.frame(body: body)
        previous = Array(SHA256.hash(data: body))
      }
      let path = folder + "/" + SegmentFormat.fileName(index: index + 1)
      try FileIO.writeAtomically(bytes, to: path)
      paths.append(path)
    }
    return paths
  }
}
