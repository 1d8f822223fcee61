import Crypto
import Foundation

/// A bundle whose manifest is authenticated with the office's bundle key: nothing else is read before.
/// Its sections are checked (hash, framing, CRC, sequences, chain from the anchor to the head) as they are read.
public struct BundleReader {
  /// The bundle file.
  public let path: String
  /// The authenticated manifest.
  public let manifest: BundleManifest
  /// The manifest's tag, which names the bundle (16 hex digits in file names).
  public let tag: [UInt8]
  /// The file offset of each range's section.
  private let offsets: [Int]

  /// Opens `path`, refusing a file that is not a bundle, a newer format, another office's bundle, an altered
  /// manifest or a truncated file, each with its own message.
  public init(path: String, office: String, key: SymmetricKey) throws {
    self.path = path
    guard FileIO.isRegularFile(path), let size = FileIO.size(path) else {
      throw GAIDeskError(.bundleMissing, path)
    }
    let prefix = try FileIO.read(path, limit: BundleFormat.prefixSize)
    guard BundleFormat.magic.starts(with: prefix.prefix(8)), size > 0 else {
      throw GAIDeskError(.bundleNotABundle, path)
    }
    guard prefix.count == BundleFormat.prefixSize else { throw GAIDeskError(.bundleTruncated, path) }
    var reader = ByteReader(prefix, range: 8..<BundleFormat.prefixSize)
    let version = try reader.readUInt16()
    guard version <= BundleFormat.version else {
      throw GAIDeskError(.bundleNewer, path, String(version))
    }
    let length = Int(try reader.readUInt32())
    guard length <= BundleFormat.maxManifestSize else { throw GAIDeskError(.bundleAltered, path) }
    let headSize = BundleFormat.prefixSize + length + BundleFormat.tagSize
    guard size >= headSize else { throw GAIDeskError(.bundleTruncated, path) }
    let head = try FileIO.read(path, limit: headSize)
    guard head.count == headSize else { throw GAIDeskError(.bundleTruncated, path) }
    let manifestBytes = Array(head[BundleFormat.prefixSize..<BundleFormat.prefixSize + length])
    let manifest = try? BundleManifest(decoding: manifestBytes)
    if let manifest, manifest.office != office {
      throw GAIDeskError(.bundleOtherOffice, path, manifest.office)
    }
    tag = Array(head.suffix(BundleFormat.tagSize))
    guard BundleFormat.isValid(tag: tag, for: Array(head.dropLast(BundleFormat.tagSize)), key: key),
      let manifest, BundleReader.isWellFormed(manifest)
    else { throw GAIDeskError(.bundleAltered, path) }
    var offsets: [Int] = []
    var position = headSize
    for range in manifest.ranges {
      offsets.append(position)
      position += Int(range.length)
    }
    guard size >= position else { throw GAIDeskError(.bundleTruncated, path) }
    guard size == position else { throw GAIDeskError(.bundleAltered, path) }
    self.manifest = manifest
    self.offsets = offsets
  }

  /// The bundle's name in file names: the first 16 hex digits of its tag.
  public var name: String { String(Hex.encode(tag).prefix(16)) }

  /// Ranges must be distinct origins, counted right, with sizes a file can have.
  private static func isWellFormed(_ manifest: BundleManifest) -> Bool {
    var seen = Set<OriginID>()
    for range in manifest.ranges {
      guard seen.insert(range.origin).inserted, range.first >= 1, range.last >= range.first,
        range.count == range.last - range.first + 1, range.length <= UInt64(Int32.max) * 64,
        range.first > 1 || range.anchor == [UInt8](repeating: 0, count: 32)
      else { return false }
    }
    return true
  }

  /// The records of range `index`, checked against the manifest (see ``forEachChunk(_:chunkSize:_:)``); for
  /// small ranges (a fork's branch), since they are held in memory whole.
  public func records(_ index: Int) throws -> [ScannedRecord] {
    var all: [ScannedRecord] = []
    try forEachChunk(index) { chunk in
      all += chunk
      return true
    }
    return all
  }

  /// Hands `body` the records of range `index` `chunkSize` bytes at a time (a record longer than that is
  /// read whole; never the whole section in memory),
  /// checked against the manifest: framing and CRC, origin, sequences and the chain from the anchor as they
  /// come, then the count, the head hash and the section hash at the end. `body` answers false to stop early
  /// (nothing more is checked then).
  public func forEachChunk(
    _ index: Int, chunkSize: Int = BundleFormat.chunkSize, _ body: ([ScannedRecord]) throws -> Bool
  ) throws {
    let range = manifest.ranges[index]
    let length = Int(range.length)
    let origin = range.origin.hex.prefix(8)
    func damaged(_ reason: String) -> GAIDeskError {
      GAIDeskError(.bundleDamaged, path, String(origin), reason)
    }
    var hasher = SHA256()
    var carry: [UInt8] = []
    var read = 0
    var expected = range.first
    var previous = range.anchor
    while read < length {
      let want = min(max(1, chunkSize), length - read)
      let fresh = try FileIO.read(path, from: offsets[index] + read, limit: want)
      guard fresh.count == want else { throw GAIDeskError(.bundleTruncated, path) }
      hasher.update(data: fresh)
      let start = read - carry.count
      let bytes = carry + fresh
      let complete = try BundleReader.completeFrames(bytes, at: start, damaged: damaged)
      read += want
      guard complete > 0 || read < length else { throw damaged("truncated record @\(start)") }
      carry = Array(bytes[complete...])
      guard complete > 0 else { continue }
      let scan = SegmentScanner(bytes: Array(bytes[..<complete]), base: 0, origin: range.origin).scan()
      if let stop = scan.stop {
        switch stop {
        case .damage(let offset, let reason, _), .incompleteTail(let offset, let reason):
          throw damaged("\(reason) @\(start + offset)")
        }
      }
      for record in scan.records {
        guard record.header.sequence == expected, record.header.previousHash == previous,
          expected <= range.last
        else { throw damaged("sequence or chain at \(expected)") }
        previous = record.hash
        expected += 1
      }
      guard try body(scan.records) else { return }
    }
    guard carry.isEmpty else { throw damaged("truncated record at the end") }
    guard expected == range.last + 1 else { throw damaged("record count") }
    guard previous == range.head else { throw damaged("head hash") }
    guard Array(hasher.finalize()) == range.sectionHash else { throw damaged("section hash") }
  }

  /// The length of the whole frames at the start of `bytes` (section offset `at`): a frame is whole when its
  /// length prefix and body are all there; an impossible length is damage.
  private static func completeFrames(
    _ bytes: [UInt8], at: Int, damaged: (String) -> GAIDeskError
  ) throws -> Int {
    var position = 0
    while position + SegmentFormat.frameHeaderSize <= bytes.count {
      let length =
        Int(bytes[position]) | Int(bytes[position + 1]) << 8 | Int(bytes[position + 2]) << 16
        | Int(bytes[position + 3]) << 24
      guard (SegmentFormat.minBodySize...SegmentFormat.maxBodySize).contains(length) else {
        throw damaged("impossible record length \(length) @\(at + position)")
      }
      guard position + SegmentFormat.frameHeaderSize + length <= bytes.count else { break }
      position += SegmentFormat.frameHeaderSize + length
    }
    return position
  }

  /// Checks every range and opens every record with `keyring` (a record that does not open is damage),
  /// reporting records checked so far and the total to `progress`.
  public func verify(keyring: Keyring, progress: (Int, Int) -> Void = { _, _ in }) throws {
    let total = Int(manifest.recordCount)
    var done = 0
    for index in manifest.ranges.indices {
      try forEachChunk(index) { records in
        for record in records {
          guard keyring.open(record) != nil else {
            throw GAIDeskError(
              .bundleDamaged, path, String(record.header.origin.hex.prefix(8)),
              "cannot decrypt \(record.header.sequence)")
          }
          done += 1
          if done % 4096 == 0 { progress(done, total) }
        }
        return true
      }
    }
    progress(done, total)
  }
}
