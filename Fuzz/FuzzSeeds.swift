import Crypto
import Foundation

/// The seed corpus: one valid input per decoder, written by `GAIDESK_FUZZ_WRITE_SEEDS=DIR gaidesk-fuzz`.
enum FuzzSeeds {
  /// A batch with the common event types and an unknown one.
  static var batch: EventBatch {
    var visitor = Visitor(id: "V-K7QD-12", fullName: "Amadú Baldé")
    visitor.aliases = ["Amadu Balde"]
    visitor.phone = "+238 991 2345"
    visitor.document = IdentityDocument(type: "passport", number: "P123456")
    visitor.consentToShare = Consent(granted: true, date: "2025-03-02", recordedBy: "ana")
    return EventBatch(
      staff: "ana", office: "praia",
      events: [
        .visitorRegistered(visitor),
        .visitArrived(visitID: "T-K7QD-13", visitorID: visitor.id, day: "2025-03-02", number: 4),
        .visitClosed(
          visitID: "T-K7QD-13", topics: ["residence.renewal"], outcome: "informed", note: "Trazer."),
        .referralCreated(
          referralID: "R-K7QD-14", visitorID: visitor.id, partner: "OIM", topic: "integration.work", due: nil,
          note: nil, visitID: nil),
        .unknown(type: 900, version: 3, body: [1, 2, 3]),
      ])
  }

  /// A segment of three chained records of `Fuzz.origin`.
  static func segment() throws -> [UInt8] {
    var bytes = SegmentFormat.header(origin: Fuzz.origin, index: 1)
    let sealer = Sealer(masterKey: Fuzz.key, purpose: "journal")
    var previous = [UInt8](repeating: 0, count: 32)
    for sequence in UInt64(1)...3 {
      let header = RecordHeader(
        origin: Fuzz.origin, sequence: sequence, epoch: 1,
        previousHash: previous)
      let body = header.bytes + (try sealer.seal(EventCodec.encode(batch), authenticating: header.bytes))
      withUnsafeBytes(of: UInt32(body.count).littleEndian) { bytes += $0 }
      withUnsafeBytes(of: CRC32C.checksum(body).littleEndian) { bytes += $0 }
      bytes += body
      previous = Array(SHA256.hash(data: body))
    }
    return bytes
  }

  /// Writes one seed per decoder into `directory`.
  static func write(to directory: String) throws {
    var state = OfficeState()
    state.apply(batch, time: WallTime(milliseconds: 1_740_000_000_000))
    var writer = ByteWriter()
    StateCodec.encode(state, into: &writer)
    let slot = try KeySlot.make(
      for: SymmetricKey(size: .bits256), passphrase: "fuzz passphrase", logN: 10,
      created: Date(timeIntervalSince1970: 0))
    let cacheHeader = StateSnapshot.magic + [UInt8(StateSnapshot.version), 0]
    let cache = try Sealer(masterKey: Fuzz.key, purpose: "cache").seal(
      writer.bytes, authenticating: cacheHeader)
    let seeds: [(String, [UInt8])] = [
      ("segment", [0] + (try segment())), ("events", [1] + EventCodec.encode(batch)),
      ("state", [2] + writer.bytes), ("keyslot", [3] + Array(try JSONEncoder().encode(slot))),
      ("cache", [4] + cacheHeader + cache),
    ]
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, bytes) in seeds {
      try Data(bytes).write(to: URL(fileURLWithPath: directory + "/seed-" + name))
    }
  }
}

/// libFuzzer's start hook: writes the seed corpus instead of fuzzing when asked.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  if let directory = ProcessInfo.processInfo.environment["GAIDESK_FUZZ_WRITE_SEEDS"] {
    do { try FuzzSeeds.write(to: directory) } catch { fatalError("seeds: \(error)") }
    exit(0)
  }
  return 0
}
