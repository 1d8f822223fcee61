import Foundation
import Testing

@testable import GAIDesk

/// Inputs the coverage-guided fuzzer (scripts/fuzz.sh) found, kept as tests.
@Suite struct DecoderRegressionTests {
  /// Fuzz/corpus/regression-state-count-overflow without its selector byte: a count of 2^64−1 trapped in
  /// `Int(_:)` when decoding a state.
  @Test func aStateCountBeyondIntIsMalformedNotATrap() {
    let bytes: [UInt8] = [
      0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 93, 255, 255, 255, 255, 255, 255, 255,
      255,
      255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 2, 0, 0,
      0,
      2, 0, 0, 0,
    ]
    var reader = ByteReader(bytes)
    #expect(throws: ByteReader.Malformed.self) { try StateCodec.decode(&reader) }
    var huge = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    #expect(throws: ByteReader.Malformed.self) { try huge.readCount() }
  }

  /// Fuzz/corpus/regression-state-records-per-day without its selector byte: a day's record count beyond
  /// `Int` trapped (format 2's `recordsPerDay`).
  @Test func aRecordsPerDayCountBeyondIntIsMalformedNotATrap() {
    let bytes: [UInt8] = [
      0, 0, 0, 0, 0, 0, 255, 1, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 236, 236, 236, 236, 236, 236,
      236, 236, 236, 97, 110, 97, 5, 0, 0, 0, 0, 3, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236,
      236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 236, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0,
    ]
    var reader = ByteReader(bytes)
    #expect(throws: (any Error).self) { try StateCodec.decode(&reader) }
  }
}
