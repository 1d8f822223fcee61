import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a bundle of an office's journal: the records another side lacks, copied byte for byte.
struct BundleWriter {
  /// The journal read.
  let journal: Journal
  /// The office id the bundle is for.
  let office: String
  /// The bundle key.
  let key: SymmetricKey

  /// Writes to `path` (a `.part` file, synced, then renamed) the records after `since` of every origin held,
  /// through `limits` when given (tests make partial bundles with it). Refuses to overwrite a file.
  func write(
    to path: String, since: [OriginID: UInt64], limits: [OriginID: UInt64] = [:], now: Date = Date()
  ) throws -> BundleManifest {
    guard FileIO.size(path) == nil else { throw GAIDeskError("error.bundle.exists", path) }
    let held = journal.cursors.filter { $0.lastSequence > 0 }
    var ranges: [BundleRange] = []
    for cursor in held {
      let first = since[cursor.origin, default: 0] + 1
      let last = min(cursor.lastSequence, limits[cursor.origin] ?? .max)
      guard first <= last else { continue }
      let records = try journal.frames(of: cursor.origin, from: first, through: last)
      guard let head = records.last, records.count == Int(last - first + 1) else {
        throw GAIDeskError("error.journal.readonly", "journal/" + cursor.origin.hex)
      }
      let section = BundleWriter.section(records)
      ranges.append(
        BundleRange(
          origin: cursor.origin, first: first, last: last, anchor: records[0].header.previousHash,
          head: head.hash, count: UInt64(records.count), length: UInt64(section.count),
          sectionHash: Array(SHA256.hash(data: section))))
    }
    let manifest = BundleManifest(
      office: office, producer: journal.origin, created: WallTime(now).milliseconds, ranges: ranges,
      knowledge: held.map { KnownHead(origin: $0.origin, sequence: $0.lastSequence, hash: $0.lastHash) })
    let manifestBytes = manifest.bytes
    let head = BundleFormat.prefix(manifestLength: manifestBytes.count) + manifestBytes
    let temporary = path + ".part"
    let fd = try FileIO.open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
    do {
      try write(head + BundleFormat.tag(head, key: key), fd: fd, path: temporary)
      for range in ranges {
        // Read again, one origin at a time, so a large journal never sits whole in memory.
        let records = try journal.frames(of: range.origin, from: range.first, through: range.last)
        let section = BundleWriter.section(records)
        guard Array(SHA256.hash(data: section)) == range.sectionHash else {
          throw GAIDeskError("error.journal.readonly", "journal/" + range.origin.hex)
        }
        try write(section, fd: fd, path: temporary)
      }
      try FileIO.syncData(fd, path: temporary)
      close(fd)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    try FileIO.rename(temporary, to: path)
    let folder = (path as NSString).deletingLastPathComponent
    try FileIO.syncDirectory(folder.isEmpty ? "." : folder)
    return manifest
  }

  private func write(_ bytes: [UInt8], fd: Int32, path: String) throws {
    try bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: path) }
  }

  /// Frames back to back, exactly as in the segments.
  static func section(_ records: [ScannedRecord]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(records.reduce(0) { $0 + $1.body.count + SegmentFormat.frameHeaderSize })
    for record in records { bytes += SegmentFormat.frame(body: Array(record.body)) }
    return bytes
  }
}
