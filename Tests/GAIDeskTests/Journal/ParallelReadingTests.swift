import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// Reading with several opening threads (a large segment's records opened on every core, several segments
/// prepared ahead at once, each on a thread of its own, their buffers reused from segment to segment) delivers
/// the same entries, in the same order, and finds the same damage, waits and seals as reading on one thread,
/// whatever the thread timing: offices of many origins, damaged records and segments in random places.
@Suite struct ParallelReadingTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))

  /// Writes origin `origin`'s log by hand (`HandWrittenLog`), clocks moving forward by random steps so
  /// that origins interleave. Returns the segments' paths.
  func log(
    _ origin: OriginID, in dir: TemporaryDirectory, counts: [Int], unheld: Set<Int>,
    _ random: inout SeededRandom
  ) throws -> [String] {
    try HandWrittenLog(keyring: keyring).write(
      origin, in: dir, counts: counts, unheld: unheld, payloads: 200, clocks: .randomSteps, &random)
  }

  /// Damages `path` at random: a byte altered (its frame's checksum made right again or not), the file cut
  /// short, or the file removed.
  func damage(_ path: String, _ random: inout SeededRandom) throws -> String {
    var bytes = try FileIO.read(path)
    switch random.next() % 5 {
    case 0:
      try FileManager.default.removeItem(atPath: path)
      return "removed"
    case 1:
      let cut = Int(random.next() % UInt64(bytes.count))
      try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: path))
      return "cut at \(cut)"
    default:
      let position = Int(random.next() % UInt64(bytes.count))
      bytes[position] ^= UInt8(1 + random.next() % 255)
      let origin = OriginID(bytes: Array(bytes[6..<22])) ?? OriginID.random()
      let fix = random.next() % 2 == 0
      if fix, bytes.count > SegmentFormat.headerSize {
        let records = SegmentScanner(
          bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin
        ).scan().records
        if let record = records.first(where: { $0.offset + 8 <= position && position < $0.end }) {
          let checksum = CRC32C.checksum(bytes[record.offset + 8..<record.end])
          for shift in 0..<4 {
            bytes[record.offset + 4 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift))
          }
        }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return "byte \(position) altered, checksum \(fix ? "fixed" : "left")"
    }
  }

  /// What one reading of the whole journal gave.
  struct Reading: Equatable {
    var headers: [RecordHeader] = []
    var contents: [RecordContent] = []
    var damage: [JournalDamage] = []
    var waiting: [UInt32] = []
    var tails: [JournalDamage] = []
    var seals: [SegmentSeal] = []
  }

  /// Reads the journal at `root` to its end as an opening does, with `threads` opening threads.
  func read(_ root: String, threads: Int) throws -> Reading {
    let reader = try Journal(root: root, origin: OriginID.random(), keyring: keyring)
    reader.sealsWhileReading = true
    reader.openingThreads = threads
    var reading = Reading()
    try reader.refresh { entry in
      reading.headers.append(entry.header)
      reading.contents.append(entry.content)
    }
    reading.damage = reader.damage
    reading.waiting = reader.waitingEpochs.sorted()
    reading.tails = reader.incompleteTails
    reading.seals = reader.readSeals.sorted { ($0.origin, $0.segment) < ($1.origin, $1.segment) }
    return reading
  }

  @Test func manyThreadsReadAsOneThread() throws {
    let checked = try runPropertyCases("GAIDESK_PARALLEL_CASES", count: 4, seed: 1_801) { random, label in
      let dir = TemporaryDirectory()
      var paths: [String] = []
      var total = 0
      for _ in 0..<(2 + Int(random.next() % 3)) {
        // Segments of a few records (many segments prepared ahead) and of more than
        // `BulkOpener.parallelMinimum` (their records opened on every core).
        let counts = (0..<(1 + Int(random.next() % 6))).map { _ in
          random.next() % 3 == 0 ? 256 + Int(random.next() % 64) : Int(random.next() % 40)
        }
        total += counts.reduce(0, +)
        let unheld: Set<Int> =
          random.next() % 4 == 0 ? [1 + Int(random.next() % UInt64(max(1, counts.reduce(0, +))))] : []
        paths += try log(OriginID.random(), in: dir, counts: counts, unheld: unheld, &random)
      }
      var damaged: [String] = []
      for _ in 0..<Int(random.next() % 4) {
        let path = paths[Int(random.next() % UInt64(paths.count))]
        guard FileManager.default.fileExists(atPath: path) else { continue }
        damaged.append((path as NSString).lastPathComponent + " " + (try damage(path, &random)))
      }
      let serial = try read(dir.path, threads: 1)
      #expect(serial.headers.count <= total)
      // The delivery is in canonical order.
      let keys = zip(serial.headers, serial.contents).map {
        RecordKey(clock: $1.clock, origin: $0.origin, sequence: $0.sequence)
      }
      #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "\(label)")
      for threads in [2, 3] {
        for _ in 0..<2 {
          let parallel = try read(dir.path, threads: threads)
          #expect(parallel.headers == serial.headers, "\(label), \(threads) threads, \(damaged)")
          #expect(parallel.contents == serial.contents, "\(label), \(threads) threads, \(damaged)")
          #expect(parallel.damage == serial.damage, "\(label), \(threads) threads, \(damaged)")
          #expect(parallel.waiting == serial.waiting, "\(label), \(threads) threads, \(damaged)")
          #expect(parallel.tails == serial.tails, "\(label), \(threads) threads, \(damaged)")
          #expect(parallel.seals == serial.seals, "\(label), \(threads) threads, \(damaged)")
        }
      }
      return 1
    }
    #expect(checked > 0)
  }

  /// Payloads kept by the caller after their segment's buffer went back to the pool stay what was sealed
  /// while later segments are read into reused buffers.
  @Test func payloadsKeptOutliveTheirBuffersReuse() throws {
    var random = SeededRandom(seed: 1_802)
    let dir = TemporaryDirectory()
    let origin = OriginID.random()
    _ = try log(origin, in: dir, counts: [300, 280, 270, 290, 20], unheld: [], &random)
    let reference = try read(dir.path, threads: 1)
    for threads in [1, 2] {
      let reader = try Journal(root: dir.path, origin: OriginID.random(), keyring: keyring)
      reader.openingThreads = threads
      var kept: [RecordContent] = []
      try reader.refresh { entry in
        // Every 50th kept, the others let go at once (their buffers are reused).
        if entry.header.sequence % 50 == 0 { kept.append(entry.content) }
      }
      let expected = zip(reference.headers, reference.contents).filter { $0.0.sequence % 50 == 0 }.map(\.1)
      #expect(kept == expected, "\(threads) threads")
    }
  }
}
