import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// A bulk reading keeps the chain's hashes inline and decrypts a segment's records into one buffer that
/// every payload is a view of: the values read are those of the general code, and stay so whatever happens
/// to the buffer or to another record's payload afterwards.
@Suite struct SegmentBufferTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))
  let origin = OriginID(bytes: (0..<16).map { UInt8($0 * 5 + 1) })!

  /// A chained, framed run of `count` records with random payloads, and each record's content.
  func segment(_ random: inout SeededRandom, count: Int) throws -> (bytes: [UInt8], contents: [RecordContent])
  {
    var previous = [UInt8](repeating: 0, count: 32)
    var bytes: [UInt8] = []
    var contents: [RecordContent] = []
    for index in 0..<count {
      let header = RecordHeader(origin: origin, sequence: UInt64(index + 1), epoch: 1, previousHash: previous)
      let content = RecordContent(
        clock: HybridTime(rawValue: UInt64(index + 1) << 16),
        wall: WallTime(milliseconds: random.next() >> 24),
        payload: (0..<Int(random.next() % 600)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
      let body = header.bytes + (try keyring.sealer(1)!.seal(content.bytes, authenticating: header.bytes))
      bytes += SegmentFormat.frame(body: body)
      contents.append(content)
      previous = Array(SHA256.hash(data: body))
    }
    return (bytes, contents)
  }

  /// What a read gave, or why it failed, comparable.
  func outcome<Value>(_ read: () throws -> Value) -> String {
    do { return "\(try read())" } catch { return "failed: \(error)" }
  }

  /// A header keeps its previous hash inline: the bytes given come back, encode and decode unchanged, and
  /// compare as the arrays do.
  @Test func chainHashHoldsTheBytesGiven() throws {
    var random = SeededRandom(seed: 2_201)
    for _ in 0..<200 {
      let hash = (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      var header = RecordHeader(origin: origin, sequence: random.next(), epoch: 3, previousHash: hash)
      #expect(header.previousHash == hash)
      #expect(header.chain == ChainHash(hash))
      #expect(header.chain.bytes == hash)
      let encoded = header.bytes
      #expect(Array(encoded.suffix(32)) == hash)
      #expect(try RecordHeader(decoding: encoded, at: 0) == header)
      let other = hash.map { $0 ^ (random.next() % 2 == 0 ? 0 : 0x01) }
      #expect((ChainHash(other) == header.chain) == (other == hash))
      header.previousHash = other
      #expect(header.previousHash == other)
      other.withUnsafeBytes { #expect(header.chain.matches($0.baseAddress!)) }
    }
    #expect(ChainHash.zero.bytes == [UInt8](repeating: 0, count: 32))
    #expect(ChainHash([1, 2]).bytes == [1, 2] + [UInt8](repeating: 0, count: 30))
  }

  /// Payloads read from one segment's buffer stay what was sealed after other segments are read, after
  /// another record's payload is changed, and once the reading's own values are gone.
  @Test func payloadViewsOutliveTheirSegmentsReading() throws {
    var random = SeededRandom(seed: 2_202)
    var kept: [RecordContent] = []
    var expected: [RecordContent] = []
    for count in [3, BulkOpener.parallelMinimum + 40, 700] {
      let (bytes, contents) = try segment(&random, count: count)
      let frames = SegmentScanner(bytes: bytes, base: 0, origin: origin).scanFrames().frames
      #expect(frames.count == count)
      let opened = BulkOpener(keyring: keyring, threads: 2).open(frames, in: bytes)
      kept += opened.map { $0.content! }
      expected += contents
    }
    #expect(kept == expected)
    // Changing a payload read from a shared buffer changes that record only.
    var changed = kept
    for index in stride(from: 0, to: changed.count, by: 37) where !changed[index].payloadBytes.isEmpty {
      changed[index].payloadBytes[changed[index].payloadBytes.startIndex] ^= 0xFF
    }
    #expect(kept == expected)
    for index in changed.indices where index % 37 != 0 || changed[index].payloadBytes.isEmpty {
      #expect(changed[index] == expected[index])
    }
  }

  /// A chunk prepared from a segment file delivers each record's payload and chain as the general reader
  /// reads them, the payloads being views of one buffer.
  @Test func preparedEntriesShareOneBufferAndMatchTheFile() throws {
    var random = SeededRandom(seed: 2_203)
    let dir = TemporaryDirectory()
    let (records, contents) = try segment(&random, count: 300)
    let file = dir.path + "/segment"
    try FileIO.writeAtomically(SegmentFormat.header(origin: origin, index: 1) + records, to: file)
    let chunk = try PreparedChunk.read(
      path: file, segment: 1, base: 0, origin: origin, opener: BulkOpener(keyring: keyring), sealing: false)
    #expect(chunk.entries.map(\.content) == contents)
    let scanned = SegmentScanner(bytes: records, base: SegmentFormat.headerSize, origin: origin).scan()
      .records
    #expect(chunk.entries.map(\.header) == scanned.map(\.header))
    #expect(chunk.lastHash.bytes == scanned.last!.hash)
    let buffers = Set(
      chunk.entries.map { entry in
        entry.content.payloadBytes.withUnsafeBufferPointer {
          $0.baseAddress! - entry.content.payloadBytes.startIndex
        }
      })
    #expect(buffers.count == 1)
  }

  /// A batch decodes from a view of a larger buffer as from an array of its own; a reader over a view
  /// reads what a reader over the same bytes copied reads, read for read.
  @Test func viewsDecodeAsArrays() throws {
    var random = SeededRandom(seed: 2_204)
    let batch = EventBatch(staff: "ana", office: "praia", events: [.officeCreated(office: "praia")])
    let encoded = EventCodec.encode(batch)
    let padded = [UInt8](repeating: 0xEE, count: 13) + encoded + [0xEE, 0xEE]
    #expect(try EventCodec.decode(padded[13..<13 + encoded.count]) == EventCodec.decode(encoded))
    for _ in 0..<500 {
      let bytes = (0..<Int(random.next() % 40)).map { _ in
        UInt8(truncatingIfNeeded: random.next() % 4 == 0 ? 0 : random.next())
      }
      let start = Int(random.next() % 5)
      let whole = [UInt8](repeating: 0x55, count: start) + bytes + [0x55]
      var view = ByteReader(whole[start..<start + bytes.count])
      var copy = ByteReader(bytes)
      for _ in 0..<12 {
        #expect(view.remaining == copy.remaining)
        #expect(view.restIsZero == copy.restIsZero)
        switch random.next() % 6 {
        case 0: #expect(outcome { try view.readUInt8() } == outcome { try copy.readUInt8() })
        case 1: #expect(outcome { try view.readUInt16() } == outcome { try copy.readUInt16() })
        case 2: #expect(outcome { try view.readUInt32() } == outcome { try copy.readUInt32() })
        case 3: #expect(outcome { try view.readUInt64() } == outcome { try copy.readUInt64() })
        case 4: #expect(outcome { try view.readString() } == outcome { try copy.readString() })
        default:
          let count = Int(random.next() % 6)
          #expect(outcome { Array(try view.readRaw(count)) } == outcome { Array(try copy.readRaw(count)) })
        }
        #expect(view.offset - start == copy.offset)
      }
    }
  }
}
