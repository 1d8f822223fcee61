import COpenSSLCrypto
import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The journal's bulk opener (OpenSSL's provider functions, called directly) and swift-crypto read each
/// other's records: one on-disk format.
@Suite struct BulkOpeningTests {
  let keyring = Keyring(masterKey: SymmetricKey(size: .bits256))

  /// A record body as the journal writes it: clear header ‖ sealed content (swift-crypto).
  func sealedBySwiftCrypto(_ content: RecordContent, sequence: UInt64) throws -> ScannedRecord {
    let header = RecordHeader(
      origin: OriginID(bytes: Array(repeating: 7, count: 16))!, sequence: sequence, epoch: 1,
      previousHash: Array(repeating: UInt8(sequence), count: 32))
    let body = header.bytes + (try keyring.currentSealer.seal(content.bytes, authenticating: header.bytes))
    return ScannedRecord(header: header, offset: 0, body: body[...])
  }

  /// The same, sealed through OpenSSL's EVP interface instead, with a fresh random nonce.
  func sealedByOpenSSL(_ content: RecordContent, sequence: UInt64) throws -> ScannedRecord {
    let header = RecordHeader(
      origin: OriginID(bytes: Array(repeating: 9, count: 16))!, sequence: sequence, epoch: 1,
      previousHash: Array(repeating: UInt8(sequence), count: 32))
    let aad = header.bytes
    let plain = content.bytes
    var nonce = [UInt8](repeating: 0, count: 12)
    var generator = SystemRandomNumberGenerator()
    for index in nonce.indices { nonce[index] = generator.next() }
    var cipher = [UInt8](repeating: 0, count: plain.count)
    var tag = [UInt8](repeating: 0, count: 16)
    let context = try #require(EVP_CIPHER_CTX_new())
    defer { EVP_CIPHER_CTX_free(context) }
    var written: Int32 = 0
    try keyring.currentSealer.key.withUnsafeBytes { key in
      let keyBytes = key.baseAddress!.assumingMemoryBound(to: UInt8.self)
      #expect(EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, keyBytes, nonce) == 1)
      #expect(EVP_EncryptUpdate(context, nil, &written, aad, Int32(aad.count)) == 1)
      #expect(EVP_EncryptUpdate(context, &cipher, &written, plain, Int32(plain.count)) == 1)
      #expect(Int(written) == plain.count)
      #expect(EVP_EncryptFinal_ex(context, &cipher, &written) == 1)
      try #require(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, &tag) == 1)
    }
    let body = aad + nonce + cipher + tag
    return ScannedRecord(header: header, offset: 0, body: body[...])
  }

  /// Contents of several size classes, with and without a seen vector.
  var contents: [RecordContent] {
    (0..<6).map { (index: Int) -> RecordContent in
      var seen: [OriginID: UInt64] = [:]
      if !index.isMultiple(of: 2) { seen[OriginID(bytes: Array(repeating: 3, count: 16))!] = UInt64(index) }
      let payload: [UInt8] = (0..<(index * 300)).map { (byte: Int) -> UInt8 in
        UInt8(truncatingIfNeeded: byte &* 31 &+ index)
      }
      return RecordContent(
        clock: HybridTime(rawValue: 1_000 + UInt64(index)),
        wall: WallTime(milliseconds: 5_000 + UInt64(index)),
        seen: seen, payload: payload)
    }
  }

  @Test func recordsSealedBySwiftCryptoOpenWithTheBulkOpener() throws {
    let opener = RecordOpener(keyring: keyring)
    for (index, content) in contents.enumerated() {
      let record = try sealedBySwiftCrypto(content, sequence: UInt64(index + 1))
      #expect(opener.open(record) == content)
      #expect(keyring.open(record) == content)
    }
  }

  @Test func recordsSealedByOpenSSLOpenWithSwiftCrypto() throws {
    let opener = RecordOpener(keyring: keyring)
    for (index, content) in contents.enumerated() {
      let record = try sealedByOpenSSL(content, sequence: UInt64(index + 1))
      #expect(keyring.open(record) == content)
      #expect(opener.open(record) == content)
    }
  }

  @Test func alteredRecordsAreRefusedByBoth() throws {
    let opener = RecordOpener(keyring: keyring)
    let content = contents[3]
    for record in [try sealedBySwiftCrypto(content, sequence: 4), try sealedByOpenSSL(content, sequence: 4)] {
      let body = Array(record.body)
      // The last byte (tag), a ciphertext byte, a nonce byte, an authenticated header byte.
      for position in [body.count - 1, body.count - 40, RecordHeader.size + 3, 20] {
        var altered = body
        altered[position] ^= 0x01
        let tampered = ScannedRecord(header: record.header, offset: 0, body: altered[...])
        #expect(opener.open(tampered) == nil)
        #expect(keyring.open(tampered) == nil)
      }
      // The untouched record still opens after the refusals (the reused context is not left broken).
      #expect(opener.open(record) == content)
    }
  }

  @Test func chainHashesAsSwiftCrypto() throws {
    let opener = RecordOpener(keyring: keyring)
    for (index, content) in contents.enumerated() {
      let record = try sealedBySwiftCrypto(content, sequence: UInt64(index + 1))
      #expect(opener.hash(record) == Array(SHA256.hash(data: Array(record.body))))
      #expect(opener.hash(record) == record.hash)
    }
    #expect(SHA256Context()?.hash([]) == Array(SHA256.hash(data: [UInt8]())))
  }

  /// Test case 16 of the GCM specification (McGrew and Viega): AES-256, a 96-bit nonce, authenticated data
  /// and a 60-byte plaintext (not a whole number of blocks).
  @Test func theProviderContextOpensTheSpecificationsTestCase() throws {
    func bytes(_ hex: String) -> [UInt8] {
      stride(from: 0, to: hex.count, by: 2).map {
        let start = hex.index(hex.startIndex, offsetBy: $0)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
      }
    }
    let key = SymmetricKey(data: bytes(String(repeating: "feffe9928665731c6d6a8f9467308308", count: 2)))
    let plain = bytes(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    let aad = bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    let sealed = bytes(
      "cafebabefacedbaddecaf888"
        + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
        + "76fc6ece0f4e1768cddf8853bb2d551b")
    let context = try #require(AESGCMContext(key: key))
    var out = [UInt8](repeating: 0, count: plain.count)
    let opened = aad.withUnsafeBytes { aad in
      sealed.withUnsafeBytes { sealed in
        out.withUnsafeMutableBytes { context.open(aad: aad, sealed: sealed, into: $0.baseAddress!) }
      }
    }
    #expect(opened)
    #expect(out == plain)
    #expect(
      try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: aad) == Data(plain))
    // The same bytes without their authenticated data do not open.
    let refused = sealed.withUnsafeBytes { sealed in
      out.withUnsafeMutableBytes {
        context.open(aad: UnsafeRawBufferPointer(start: nil, count: 0), sealed: sealed, into: $0.baseAddress!)
      }
    }
    #expect(!refused)
  }

  @Test func anotherOfficesKeyAndAnUnknownEpochAreRefused() throws {
    let record = try sealedBySwiftCrypto(contents[1], sequence: 2)
    let other = Keyring(masterKey: SymmetricKey(size: .bits256))
    #expect(RecordOpener(keyring: other).open(record) == nil)
    var header = record.header
    header.epoch = 2
    let unknownEpoch = ScannedRecord(header: header, offset: 0, body: record.body)
    #expect(RecordOpener(keyring: keyring).open(unknownEpoch) == nil)
  }
}
