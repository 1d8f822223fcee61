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
      throw GAIDeskError("error.bundle.missing", path)
    }
    let prefix = try FileIO.read(path, limit: BundleFormat.prefixSize)
    guard BundleFormat.magic.starts(with: prefix.prefix(8)), size > 0 else {
      throw GAIDeskError("error.bundle.notABundle", path)
    }
    guard prefix.count == BundleFormat.prefixSize else { throw GAIDeskError("error.bundle.truncated", path) }
    var reader = ByteReader(prefix, range: 8..<BundleFormat.prefixSize)
    let version = try reader.readUInt16()
    guard version <= BundleFormat.version else {
      throw GAIDeskError("error.bundle.newer", path, String(version))
    }
    let length = Int(try reader.readUInt32())
    guard length <= BundleFormat.maxManifestSize else { throw GAIDeskError("error.bundle.altered", path) }
    let headSize = BundleFormat.prefixSize + length + BundleFormat.tagSize
    guard size >= headSize else { throw GAIDeskError("error.bundle.truncated", path) }
    let head = try FileIO.read(path, limit: headSize)
    guard head.count == headSize else { throw GAIDeskError("error.bundle.truncated", path) }
    let manifestBytes = Array(head[BundleFormat.prefixSize..<BundleFormat.prefixSize + length])
    let manifest = try? BundleManifest(decoding: manifestBytes)
    if let manifest, manifest.office != office {
      throw GAIDeskError("error.bundle.otherOffice", path, manifest.office)
    }
    tag = Array(head.suffix(BundleFormat.tagSize))
    guard BundleFormat.isValid(tag: tag, for: Array(head.dropLast(BundleFormat.tagSize)), key: key),
      let manifest, BundleReader.isWellFormed(manifest)
    else { throw GAIDeskError("error.bundle.altered", path) }
    var offsets: [Int] = []
    var position = headSize
    for range in manifest.ranges {
      offsets.append(position)
      position += Int(range.length)
    }
    guard size >= position else { throw GAIDeskError("error.bundle.truncated", path) }
    guard size == position else { throw GAIDeskError("error.bundle.altered", path) }
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

  /// The records of range `index`, checked against the manifest: section hash, framing and CRC, origin,
  /// count, sequences, and the chain from the anchor to the head.
  public func records(_ index: Int) throws -> [ScannedRecord] {
    let range = manifest.ranges[index]
    let bytes = try FileIO.read(path, from: offsets[index], limit: Int(range.length))
    let origin = range.origin.hex.prefix(8)
    func damaged(_ reason: String) -> GAIDeskError {
      GAIDeskError("error.bundle.damaged", path, String(origin), reason)
    }
    guard bytes.count == Int(range.length) else { throw GAIDeskError("error.bundle.truncated", path) }
    guard Array(SHA256.hash(data: bytes)) == range.sectionHash else { throw damaged("section hash") }
    let scan = SegmentScanner(bytes: bytes, base: 0, origin: range.origin).scan()
    if let stop = scan.stop {
      switch stop {
      case .damage(let offset, let reason, _), .incompleteTail(let offset, let reason):
        throw damaged("\(reason) @\(offset)")
      }
    }
    guard scan.records.count == Int(range.count) else { throw damaged("record count") }
    var previous = range.anchor
    for (position, record) in scan.records.enumerated() {
      guard record.header.sequence == range.first + UInt64(position), record.header.previousHash == previous
      else { throw damaged("sequence or chain at \(range.first + UInt64(position))") }
      previous = record.hash
    }
    guard previous == range.head else { throw damaged("head hash") }
    return scan.records
  }

  /// Checks every range and opens every record with `keyring` (a record that does not open is damage),
  /// reporting records checked so far and the total to `progress`.
  public func verify(keyring: Keyring, progress: (Int, Int) -> Void = { _, _ in }) throws {
    let total = Int(manifest.recordCount)
    var done = 0
    for index in manifest.ranges.indices {
      for record in try records(index) {
        guard keyring.open(record) != nil else {
          throw GAIDeskError(
            "error.bundle.damaged", path, String(record.header.origin.hex.prefix(8)),
            "cannot decrypt \(record.header.sequence)")
        }
        done += 1
        if done % 4096 == 0 { progress(done, total) }
      }
    }
    progress(done, total)
  }
}
