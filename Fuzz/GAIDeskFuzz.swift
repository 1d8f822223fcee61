import Crypto
import Foundation

/// Coverage-guided fuzzing of the decoders that read bytes from disk (libFuzzer, `swiftc -sanitize=fuzzer`).
/// Built by scripts/fuzz.sh together with the core's sources; the first input byte picks the decoder.
enum Fuzz {
  /// The origin every fuzzed segment is read for (the seeds are written for it).
  static let origin = OriginID(bytes: [UInt8](repeating: 0xA5, count: 16))!
  /// A fixed key, so that seeds sealed with it reach the decoders behind the seal.
  static var key: SymmetricKey { SymmetricKey(data: [UInt8](repeating: 7, count: 32)) }

  /// Runs one input through the decoder its first byte names; traps only on a real defect.
  static func run(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let rest = Array(input.dropFirst())
    switch selector % 5 {
    case 0: scanner(rest)
    case 1: _ = try? EventCodec.decode(rest)
    case 2: state(rest)
    case 3: keySlot(rest)
    default: sealed(rest)
    }
  }

  /// The segment scanner after a segment header, with the invariants the journal relies on.
  static func scanner(_ bytes: [UInt8]) {
    let base = SegmentFormat.headerSize
    _ = try? SegmentFormat.parseHeader(Array(bytes.prefix(base)))
    let frames = Array(bytes.dropFirst(base))
    let (records, stop) = SegmentScanner(bytes: frames, base: base, origin: origin).scan()
    var end = base
    for record in records {
      precondition(record.offset == end && record.end <= base + frames.count, "record outside the input")
      precondition(CRC32C.checksum(record.body) == checksumStored(frames, record.offset - base), "bad CRC")
      end = record.end
    }
    switch stop {
    case .damage(let offset, _, let resumesAt):
      precondition(offset == end && resumesAt > offset && resumesAt <= base + frames.count, "bad resume")
    case .incompleteTail(let offset, _): precondition(offset == end, "tail not after the last record")
    case nil: precondition(end == base + frames.count, "clean scan stopped early")
    }
  }

  private static func checksumStored(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(bytes[at + 4]) | UInt32(bytes[at + 5]) << 8 | UInt32(bytes[at + 6]) << 16 | UInt32(bytes[at + 7])
      << 24
  }

  /// The state codec (the snapshot cache's content); whatever decodes re-encodes to the same bytes' meaning.
  static func state(_ bytes: [UInt8]) {
    var reader = ByteReader(bytes)
    guard let state = try? StateCodec.decode(&reader) else { return }
    var writer = ByteWriter(capacity: bytes.count)
    StateCodec.encode(state, into: &writer)
    var again = ByteReader(writer.bytes)
    precondition((try? StateCodec.decode(&again)) != nil, "a decoded state does not decode after encoding")
  }

  /// A key slot file: decoded, then unlocked only when its scrypt cost is cheap.
  static func keySlot(_ bytes: [UInt8]) {
    guard let slot = try? JSONDecoder().decode(KeySlot.self, from: Data(bytes)) else { return }
    guard slot.scrypt.logN <= 11, slot.scrypt.r <= 8, slot.scrypt.p <= 2 else { return }
    _ = try? slot.unlock(passphrase: "fuzz passphrase")
  }

  /// A sealed cache or record body opened under the fixed key, then decoded as a state.
  static func sealed(_ bytes: [UInt8]) {
    guard bytes.count > 10 else { return }
    let sealer = Sealer(masterKey: key, purpose: "cache")
    guard let plain = sealer.open(bytes[10...], authenticating: Array(bytes[0..<10])) else { return }
    state(plain)
  }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  Fuzz.run(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
