import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The parts of the snapshot cache, each a run of sealed chunks read in this order.
enum SnapshotSection: UInt8 {
  /// The journal positions, claims and covered segment hashes (small, read first).
  case positions = 1
  /// The folded state but its activity.
  case state = 2
  /// The visits, referrals and follow-ups (last in the file, read on another thread while the state is read).
  case activity = 3
}

/// The framing of the snapshot cache's sealed chunks. After the file's header (magic, version, a random
/// file id), each chunk is a clear frame — section (1 byte), chunk number in its section (4), last-chunk flag
/// (1), sealed length (4) — then nonce ‖ ciphertext ‖ tag. The header and the frame are the chunk's
/// authenticated data, so a chunk altered, moved, dropped, repeated, or taken from another cache file (another
/// file id) or another office (another key) does not open.
enum SnapshotChunk {
  /// The plaintext size after which a chunk is sealed at the next entry boundary.
  static let plainSize = 1 << 20
  /// The largest sealed chunk a reader accepts (an entry never comes near it).
  static let maxSealed = 64 << 20
  /// Bytes of a chunk's clear frame.
  static let frameSize = 10

  /// The clear frame of a chunk.
  static func frame(_ section: SnapshotSection, index: UInt32, last: Bool, sealedCount: Int) -> [UInt8] {
    var w = ByteWriter(capacity: frameSize)
    w.write(section.rawValue)
    w.write(index)
    w.writeBool(last)
    w.write(UInt32(sealedCount))
    return w.bytes
  }
}

/// Writes the snapshot's sections to a file as sealed chunks, one chunk at a time: the plaintext is kept in
/// one reused buffer of about `SnapshotChunk.plainSize` and sealed when an entry boundary comes after it fills.
final class SnapshotChunkWriter {
  private let fd: Int32
  private let path: String
  private let header: [UInt8]
  private let sealer: Sealer
  private let chunkSize: Int
  private var section = SnapshotSection.positions
  private var index: UInt32 = 0

  /// A writer to the open file `fd` (at `path`, for messages), whose `header` it writes first, sealing a
  /// chunk once `chunkSize` plaintext bytes are reached.
  init(fd: Int32, path: String, header: [UInt8], sealer: Sealer, chunkSize: Int) throws {
    self.chunkSize = chunkSize
    self.fd = fd
    self.path = path
    self.header = header
    self.sealer = sealer
    try header.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: path) }
  }

  /// An entry boundary of `section`: seals what `w` holds as a chunk once it has reached the chunk size.
  func boundary(_ w: inout ByteWriter) throws {
    if w.bytes.count >= chunkSize { try emit(&w, last: false) }
  }

  /// Seals what `w` holds as the last chunk of the current section; the next chunks start the next section.
  func finish(_ w: inout ByteWriter) throws {
    try emit(&w, last: true)
    section = SnapshotSection(rawValue: section.rawValue + 1) ?? section
    index = 0
  }

  private func emit(_ w: inout ByteWriter, last: Bool) throws {
    let sealedCount = w.bytes.count + Sealer.overhead
    guard sealedCount <= SnapshotChunk.maxSealed else {
      throw ByteReader.Malformed(reason: "chunk too large")
    }
    let frame = SnapshotChunk.frame(section, index: index, last: last, sealedCount: sealedCount)
    let sealed = try sealer.seal(w.bytes, authenticating: header + frame)
    try frame.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: path) }
    try sealed.withUnsafeBytes { try FileIO.writeAll(fd, $0, path: path) }
    w.removeAll()
    index += 1
  }
}

/// Reads the snapshot's sealed chunks in order, each into the same reused buffers, and refuses anything out
/// of place: a chunk that does not open, one of another section or number, a section without its last chunk,
/// bytes after the end. Not thread-safe: one reader per thread (`sibling` gives another on the same file).
final class SnapshotChunkReader {
  /// What a reader of the same open file on another thread needs: its own descriptor, the header read once
  /// (so both readers read one file even if it is replaced meanwhile), its size and the key.
  struct Source: Sendable {
    fileprivate let fd: Int32
    fileprivate let header: [UInt8]
    fileprivate let size: Int
    fileprivate let sealer: Sealer
  }

  private let fd: Int32
  private let header: [UInt8]
  private let sealer: Sealer
  private let context: AESGCMContext
  private var size: Int
  private var position: Int
  private var section = SnapshotSection.positions
  private var index: UInt32 = 0
  private var sawLast = false
  private var sealed: [UInt8] = []
  private var plain: [UInt8] = []

  /// A reader of `file` whose header is `header` (as the writer wrote it, checked against the file's first
  /// bytes here); nil when the file is missing, not a regular file, or has another header.
  init?(file: String, headerCount: Int, expecting check: ([UInt8]) -> Bool, sealer: Sealer) {
    guard let fd = try? FileIO.open(file, O_RDONLY | O_NONBLOCK) else { return nil }
    var info = stat()
    var header = [UInt8](repeating: 0, count: headerCount)
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= headerCount,
      Self.read(fd, into: &header, count: headerCount, at: 0), check(header),
      let context = AESGCMContext(key: sealer.key)
    else {
      close(fd)
      return nil
    }
    self.fd = fd
    self.header = header
    self.sealer = sealer
    self.context = context
    self.size = Int(info.st_size)
    self.position = headerCount
  }

  /// A reader of the file `source` names, from its first chunk; nil when OpenSSL refuses the key.
  init?(_ source: Source) {
    guard let context = AESGCMContext(key: source.sealer.key) else {
      close(source.fd)
      return nil
    }
    self.fd = source.fd
    self.header = source.header
    self.sealer = source.sealer
    self.context = context
    self.size = source.size
    self.position = source.header.count
  }

  deinit { close(fd) }

  /// What another thread needs to read this file from its first chunk with a reader of its own; nil when the
  /// system has no descriptor left.
  func sibling() -> Source? {
    let copy = dup(fd)
    guard copy >= 0 else { return nil }
    return Source(fd: copy, header: header, size: size, sealer: sealer)
  }

  /// Bytes of the file not read yet: more than any plaintext still to come, so a bound on entry counts.
  var unread: Int { size - position }

  /// Passes over the chunks of the sections before `target` without opening them (the reader that reads
  /// those sections opens and checks them): their frames must still be in order, each section ending with
  /// its last chunk, and `target` must come next.
  func skip(to target: SnapshotSection) throws {
    var frame = [UInt8](repeating: 0, count: SnapshotChunk.frameSize)
    while section != target {
      guard position + frame.count <= size, Self.read(fd, into: &frame, count: frame.count, at: position)
      else {
        throw ByteReader.Malformed(reason: "truncated")
      }
      var f = ByteReader(frame)
      guard try f.readUInt8() == section.rawValue, try f.readUInt32() == index else {
        throw ByteReader.Malformed(reason: "chunk out of place")
      }
      let last = try f.readBool()
      let count = Int(try f.readUInt32())
      guard count >= Sealer.overhead, count <= SnapshotChunk.maxSealed, position + frame.count + count <= size
      else { throw ByteReader.Malformed(reason: "chunk length") }
      position += frame.count + count
      index += 1
      if last {
        section = SnapshotSection(rawValue: section.rawValue + 1) ?? target
        index = 0
      }
    }
    sawLast = true
  }

  /// The first chunk of `section` (the previous section must have ended with its last chunk).
  func start(_ section: SnapshotSection) throws -> ByteReader {
    guard section == self.section || sawLast else { throw ByteReader.Malformed(reason: "section") }
    self.section = section
    index = 0
    sawLast = false
    var r = ByteReader([])
    try openNext(&r)
    return r
  }

  /// At an entry boundary: when `r` has read its whole chunk, it reads the section's next chunk.
  func next(_ r: inout ByteReader) throws {
    guard r.isAtEnd else { return }
    guard !sawLast else { throw ByteReader.Malformed(reason: "truncated") }
    try openNext(&r)
  }

  /// Checks that `r` read the section's last chunk to its end, and, for the activity (the last section),
  /// that the file ends there.
  func end(_ r: ByteReader) throws {
    guard r.isAtEnd, sawLast, section != .activity || position == size else {
      throw ByteReader.Malformed(reason: "section end")
    }
  }

  private func openNext(_ r: inout ByteReader) throws {
    // Drops `r`'s reference to the plaintext buffer first, so it is overwritten in place, not copied.
    r = ByteReader([])
    var frame = [UInt8](repeating: 0, count: SnapshotChunk.frameSize)
    guard position + SnapshotChunk.frameSize <= size,
      Self.read(fd, into: &frame, count: frame.count, at: position)
    else {
      throw ByteReader.Malformed(reason: "truncated")
    }
    position += frame.count
    var f = ByteReader(frame)
    guard try f.readUInt8() == section.rawValue, try f.readUInt32() == index else {
      throw ByteReader.Malformed(reason: "chunk out of place")
    }
    let last = try f.readBool()
    let count = Int(try f.readUInt32())
    guard count >= Sealer.overhead, count <= SnapshotChunk.maxSealed, position + count <= size else {
      throw ByteReader.Malformed(reason: "chunk length")
    }
    if sealed.count < count { sealed = [UInt8](repeating: 0, count: count) }
    let plainCount = count - Sealer.overhead
    if plain.count < max(1, plainCount) { plain = [UInt8](repeating: 0, count: max(1, plainCount)) }
    guard Self.read(fd, into: &sealed, count: count, at: position) else {
      throw ByteReader.Malformed(reason: "truncated")
    }
    position += count
    let aad = header + frame
    let opened = aad.withUnsafeBytes { aad in
      sealed.withUnsafeBytes { sealed in
        plain.withUnsafeMutableBytes { out in
          context.open(
            aad: aad, sealed: UnsafeRawBufferPointer(rebasing: sealed[..<count]), into: out.baseAddress!)
        }
      }
    }
    guard opened else { throw ByteReader.Malformed(reason: "chunk does not open") }
    sawLast = last
    index += 1
    r = ByteReader(plain, range: 0..<plainCount)
  }

  /// Reads exactly `count` bytes at `offset` of the file into the start of `buffer` (at an offset, so that
  /// readers of one file on two threads do not share a position).
  private static func read(_ fd: Int32, into buffer: inout [UInt8], count: Int, at offset: Int) -> Bool {
    var done = 0
    while done < count {
      let n = buffer.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done))
      }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return true
  }
}
