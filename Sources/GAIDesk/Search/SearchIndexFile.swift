import Crypto
import Foundation

/// The visitor search index's cache file (`cache/search.bin`): derived data, sealed with the office's cache
/// key in chunks so that it is read and opened a chunk at a time. Whatever does not open, does not fit or is of
/// another version is ignored (the index is built again); an index that opens is still checked against the
/// state, visitor by visitor (`VisitorSearch.update(with:)`), before it answers anything.
///
/// Layout: a 38-byte header — `GAIDSRCH`, version (UInt16 LE), chunk size (UInt32 LE), plaintext length
/// (UInt64 LE), 16 random bytes naming this file — then the plaintext (`SearchIndexCodec`) in chunks of
/// `chunkSize` bytes (1 MiB; the last chunk shorter), each sealed as nonce ‖ ciphertext ‖ tag (AES-256-GCM, key
/// derived for "search cache") with the header, the chunk's number (UInt32 LE) and a last-chunk byte
/// authenticated alongside: a chunk moved, dropped, cut or taken from another file does not open.
public enum SearchIndexFile {
  static let magic: [UInt8] = Array("GAIDSRCH".utf8)
  static let version: UInt16 = 3
  static let headerSize = 38
  /// The plaintext bytes per sealed chunk written; files with chunks of `chunkSizes` bytes are read.
  public static let defaultChunkSize = 1 << 20
  static let chunkSizes = (1 << 10)...(1 << 24)
  static let purpose = "search cache"

  /// Writes `search` sealed under `masterKey` to `file`, atomically and durably.
  public static func save(
    _ search: VisitorSearch, file: String, masterKey: SymmetricKey, chunkSize: Int = defaultChunkSize
  ) throws {
    let plain = SearchIndexCodec.encode(search)
    var header = ByteWriter(capacity: headerSize)
    header.write(raw: magic)
    header.write(version)
    header.write(UInt32(chunkSize))
    header.write(UInt64(plain.count))
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2 { header.write(generator.next() as UInt64) }
    let sealer = Sealer(masterKey: masterKey, purpose: purpose)
    let chunks = max(1, (plain.count + chunkSize - 1) / chunkSize)
    var out = header.bytes
    out.reserveCapacity(headerSize + plain.count + chunks * Sealer.overhead)
    for index in 0..<chunks {
      let range = index * chunkSize..<min(plain.count, (index + 1) * chunkSize)
      out += try sealer.seal(
        Array(plain[range]), authenticating: aad(header.bytes, chunk: index, last: index == chunks - 1))
    }
    try FileIO.makeDirectory((file as NSString).deletingLastPathComponent)
    try FileIO.writeAtomically(out, to: file)
  }

  /// The index in `file`, opened with the first of `keys` that opens it; nil when there is none, or it is
  /// damaged, cut, of another version or sealed with another key.
  public static func load(file: String, keys: [SymmetricKey]) -> VisitorSearch? {
    guard let plain = open(file: file, keys: keys) else { return nil }
    return SearchIndexCodec.decode(plain)
  }

  /// The plaintext of `file`, read a chunk at a time into one buffer and opened straight into the plaintext
  /// (one OpenSSL context for the key that opens the first chunk: no copy of a chunk but the read).
  static func open(file: String, keys: [SymmetricKey]) -> [UInt8]? {
    guard FileIO.isRegularFile(file), let fd = try? FileIO.open(file, O_RDONLY | O_NONBLOCK) else {
      return nil
    }
    defer { close(fd) }
    var info = stat()
    var header = [UInt8](repeating: 0, count: headerSize)
    guard fstat(fd, &info) == 0, read(fd, at: 0, count: headerSize, into: &header) else { return nil }
    var r = ByteReader(header)
    guard let name = try? r.readRaw(8), Array(name) == magic, (try? r.readUInt16()) == version,
      let size = try? r.readUInt32(), chunkSizes.contains(Int(size)), let length = try? r.readUInt64(),
      length <= UInt64(info.st_size)
    else { return nil }
    let plainLength = Int(length)
    let chunkSize = Int(size)
    let chunks = max(1, (plainLength + chunkSize - 1) / chunkSize)
    guard Int(info.st_size) == headerSize + plainLength + chunks * Sealer.overhead else { return nil }
    var sealed = [UInt8](repeating: 0, count: min(chunkSize, plainLength) + Sealer.overhead)
    var context: AESGCMContext?
    var opened = true
    // One byte more, so that an empty plaintext still has somewhere to go.
    let plain = [UInt8](unsafeUninitializedCapacity: plainLength + 1) { buffer, initialized in
      var offset = headerSize
      for index in 0..<chunks {
        let count = min(chunkSize, plainLength - index * chunkSize) + Sealer.overhead
        let out = buffer.baseAddress! + index * chunkSize
        let aad = aad(header, chunk: index, last: index == chunks - 1)
        guard read(fd, at: offset, count: count, into: &sealed) else {
          opened = false
          return
        }
        let open = { (candidate: AESGCMContext) -> Bool in
          sealed.withUnsafeBytes { sealed in
            aad.withUnsafeBytes { aad in
              candidate.open(aad: aad, sealed: UnsafeRawBufferPointer(rebasing: sealed[..<count]), into: out)
            }
          }
        }
        // The first chunk finds the key (the newest epoch first); the others must open with it.
        if let context {
          opened = open(context)
        } else {
          context = keys.lazy.compactMap { AESGCMContext(key: Sealer(masterKey: $0, purpose: purpose).key) }
            .first(where: open)
          opened = context != nil
        }
        guard opened else { return }
        offset += count
      }
      initialized = plainLength
    }
    return opened ? plain : nil
  }

  private static func aad(_ header: [UInt8], chunk: Int, last: Bool) -> [UInt8] {
    var w = ByteWriter(capacity: headerSize + 5)
    w.write(raw: header)
    w.write(UInt32(chunk))
    w.writeBool(last)
    return w.bytes
  }

  /// Reads exactly `count` bytes of `fd` from `offset` into the start of `bytes`; false when they are not there.
  private static func read(_ fd: Int32, at offset: Int, count: Int, into bytes: inout [UInt8]) -> Bool {
    guard count <= bytes.count else { return false }
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }
}
