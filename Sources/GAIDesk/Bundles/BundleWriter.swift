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
  /// through `limits` when given (tests make partial bundles with it). Refuses to overwrite a file. The
  /// segments are read twice, one segment at a time (the manifest, written first, needs each section's hash):
  /// a checking pass scans every frame (CRC, sequence, chain) and hashes the sections, then a copying pass
  /// reads the same byte ranges, hashes them again and writes them. Memory stays bounded whatever the
  /// office's size; `progress` hears each pass.
  func write(
    to path: String, since: [OriginID: UInt64], limits: [OriginID: UInt64] = [:], now: Date = WallClock.now(),
    progress: BundleProgress = { _, _, _ in }
  ) throws -> BundleManifest {
    guard FileIO.size(path) == nil else { throw GAIDeskError(.bundleExists, path) }
    let held = journal.cursors.filter { $0.lastSequence > 0 }
    let wanted = held.compactMap { cursor -> (OriginID, UInt64, UInt64)? in
      let first = since[cursor.origin, default: 0] + 1
      let last = min(cursor.lastSequence, limits[cursor.origin] ?? .max)
      return first <= last ? (cursor.origin, first, last) : nil
    }
    let total = Int(wanted.reduce(0) { $0 + $1.2 - $1.1 + 1 })
    var done = 0
    var ranges: [BundleRange] = []
    // Where each range's frames lie in the segment files (file, offsets), found by the checking pass.
    var pieces: [[(file: String, range: Range<Int>)]] = []
    for (origin, first, last) in wanted {
      var places: [(file: String, range: Range<Int>)] = []
      var hasher = SHA256()
      var length = 0
      var count = 0
      var anchor: [UInt8]?
      var head: ScannedRecord?
      let frames = SegmentFrames(root: journal.root, origin: origin, from: first, through: last)
      while let chunk = try frames.next() {
        hasher.update(data: chunk.bytes)
        length += chunk.bytes.count
        count += chunk.records.count
        places.append((chunk.file, chunk.bytes.indices))
        if anchor == nil { anchor = chunk.records.first?.header.previousHash }
        head = chunk.records.last
        done += chunk.records.count
        progress(.reading, done, total)
      }
      guard let anchor, let head, count == Int(last - first + 1) else {
        throw GAIDeskError(.journalReadonly, "journal/" + origin.hex)
      }
      pieces.append(places)
      ranges.append(
        BundleRange(
          origin: origin, first: first, last: last, anchor: anchor, head: head.hash, count: UInt64(count),
          length: UInt64(length), sectionHash: Array(hasher.finalize())))
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
      done = 0
      for (range, places) in zip(ranges, pieces) {
        // The same bytes read again, one segment at a time, and hashed again: what is written is what the
        // manifest names (segments only grow, and the checking pass already scanned every frame).
        var hasher = SHA256()
        var written = 0
        for place in places {
          let bytes = try FileIO.read(place.file, from: place.range.lowerBound, limit: place.range.count)
          guard bytes.count == place.range.count else {
            throw GAIDeskError(.journalReadonly, "journal/" + range.origin.hex)
          }
          hasher.update(data: bytes)
          try bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: temporary) }
          // Records copied, counted by their share of the section's bytes.
          written += bytes.count
          progress(.writing, done + Int(range.count) * written / Int(max(1, range.length)), total)
        }
        done += Int(range.count)
        guard Array(hasher.finalize()) == range.sectionHash else {
          throw GAIDeskError(.journalReadonly, "journal/" + range.origin.hex)
        }
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
}
