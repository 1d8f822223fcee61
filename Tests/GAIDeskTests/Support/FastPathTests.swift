import Foundation
import Testing

@testable import GAIDesk

/// The allocation-free paths of validation, string decoding and day formatting answer exactly as the
/// general (Foundation, generic) code they shortcut.
@Suite struct FastPathTests {
  /// Pieces of text a form or a record may hold: ASCII, spaces, tabs, newlines, accents, scripts, controls,
  /// hiding characters.
  static let pieces = [
    "a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "-", "+", "(", ")", ".", "é", "ã", "Ç", "王", "Мария",
    "\u{7}",
    "\u{202E}", "\u{00A0}", "\u{2003}", "\u{FFFD}", "~", "\u{7F}", "ß", "\u{85}", "\u{9F}", "\u{0B}",
    "\u{0C}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{1680}", "\u{200A}", "\u{200B}", "\u{200C}",
    "\u{202F}", "\u{205F}", "\u{FEFF}", "\u{2066}", "\u{301}", "😀", "\u{1F3FD}", "\u{180E}",
  ]

  static func text(_ random: inout SeededRandom) -> String {
    (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
  }

  /// The outcome of a throwing check as comparable text.
  static func outcome(_ check: () throws -> String?) -> String {
    do { return "ok \(try check() ?? "nil")" } catch { return "error \(error)" }
  }

  @Test func validationAnswersAsFoundationDoes() {
    let checked = runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 2000, seed: 16) { random, _ in
      let value = FastPathTests.text(&random)
      #expect(
        Validation.trimming(value, newlines: true) == value.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(value.debugDescription)")
      #expect(
        Validation.trimming(value, newlines: false) == value.trimmingCharacters(in: .whitespaces),
        "\(value.debugDescription)")
      // The phone check's general path, as it was written before the ASCII shortcut.
      let general = FastPathTests.outcome {
        guard let trimmed = Optional(value.trimmingCharacters(in: .whitespaces)), !trimmed.isEmpty else {
          return nil
        }
        let allowed = CharacterSet(charactersIn: "0123456789 +-().")
        guard trimmed.unicodeScalars.allSatisfy(allowed.contains), trimmed.filter(\.isNumber).count >= 3,
          trimmed.count <= Validation.maxShortLength
        else { throw GAIDeskError(.fieldPhone, trimmed) }
        return trimmed
      }
      let fast = FastPathTests.outcome { try Validation.phone(value) }
      #expect(
        fast.hasPrefix("ok") == general.hasPrefix("ok"), "\(value.debugDescription): \(fast) / \(general)")
      if fast.hasPrefix("ok") { #expect(fast == general) }
      return 1
    }
    #expect(checked == 2000 || ProcessInfo.processInfo.environment["GAIDESK_FAST_PATH_CASES"] != nil)
  }

  /// `Validation.text` as it was written before its one-pass shortcut (Foundation, grapheme counts, general
  /// categories).
  static func generalText(_ value: String, field: String, limit: Int, allowNewlines: Bool) throws -> String {
    guard value.count <= limit else { throw GAIDeskError(.fieldTooLong, field, String(limit)) }
    guard !value.unicodeScalars.contains("\u{FFFD}") else { throw GAIDeskError(.fieldEncoding, field) }
    for scalar in value.unicodeScalars where scalar.properties.generalCategory == .control {
      if allowNewlines && (scalar == "\n" || scalar == "\t") { continue }
      throw GAIDeskError(.fieldControl, field)
    }
    guard !value.unicodeScalars.contains(where: TextEscaping.isHiding) else {
      throw GAIDeskError(.fieldHidden, field)
    }
    return value
  }

  @Test func textChecksAnswerAsTheGeneralPath() {
    _ = runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 3000, seed: 1_616) { random, _ in
      let value = FastPathTests.text(&random)
      let limit = Int(random.next() % 14)
      let newlines = random.next() % 2 == 0
      let fast = FastPathTests.outcome {
        try Validation.text(value, field: "f", limit: limit, allowNewlines: newlines)
      }
      let general = FastPathTests.outcome {
        try FastPathTests.generalText(value, field: "f", limit: limit, allowNewlines: newlines)
      }
      #expect(fast == general, "\(value.debugDescription) limit \(limit)")
      #expect(
        FastPathTests.outcome { try Validation.name(value) }
          == FastPathTests.outcome {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw GAIDeskError(.fieldEmpty, "name") }
            return try FastPathTests.generalText(
              trimmed, field: "name", limit: Validation.maxNameLength, allowNewlines: false)
          }, "\(value.debugDescription)")
      return 1
    }
    // Every scalar Foundation trims, and no other, in the planes a form can hold.
    var differing: [UInt32] = []
    for value in UInt32(0)...0x3_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for (newlines, set) in [(true, CharacterSet.whitespacesAndNewlines), (false, .whitespaces)] {
        let trims = set.contains(scalar)
        if Validation.isWhitespace(scalar, newlines: newlines) != trims { differing.append(value) }
        guard trims || value % 101 == 0 else { continue }
        let text = String(scalar) + "a" + String(scalar) + "b" + String(scalar)
        if Validation.trimming(text, newlines: newlines) != text.trimmingCharacters(in: set) {
          differing.append(value)
        }
      }
    }
    #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
  }

  @Test func phoneNumbersStillAccepted() throws {
    #expect(try Validation.phone(" +238 951 2345 ") == "+238 951 2345")
    #expect(throws: GAIDeskError.self) { try Validation.phone("12") }
    #expect(throws: GAIDeskError.self) { try Validation.phone("951-CALL-ME") }
    #expect(try Validation.name("  Ana   Lopes ") == "Ana   Lopes")
    #expect(throws: GAIDeskError.self) { try Validation.name("   ") }
    #expect(throws: GAIDeskError.self) { try Validation.name(String(repeating: "a", count: 201)) }
  }

  @Test func stringsDecodeAsValidatingDecoding() {
    _ = runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 2000, seed: 61) { random, _ in
      // Valid text, or bytes cut and flipped into possibly invalid UTF-8.
      var bytes = Array(FastPathTests.text(&random).utf8)
      if random.next() % 2 == 0 && !bytes.isEmpty {
        let at = Int(random.next() % UInt64(bytes.count))
        bytes[at] = UInt8(truncatingIfNeeded: random.next())
        if random.next() % 2 == 0 { bytes.removeLast(Int(random.next() % UInt64(bytes.count + 1))) }
      }
      var writer = ByteWriter()
      writer.writeVarint(UInt64(bytes.count))
      writer.write(raw: bytes)
      var reader = ByteReader(writer.bytes)
      let decoded = try? reader.readString()
      #expect(decoded == String(validating: bytes, as: UTF8.self), "\(bytes)")
      return 1
    }
  }

  @Test func daysFormatAsBefore() {
    for days in stride(from: 0, through: 2_900_000, by: 997) {
      let day = LocalTime.day(WallTime(milliseconds: UInt64(days) * 86_400_000 + 3_600_000 + 5))
      #expect(day.utf8.count == 10 && LocalTime.daysSince1970(day) == days, "\(days): \(day)")
    }
    #expect(LocalTime.day(WallTime(milliseconds: 0)) == "1969-12-31")
    #expect(LocalTime.day(WallTime(milliseconds: 3_600_000)) == "1970-01-01")
    #expect(LocalTime.adding(days: 1, to: "2032-12-31") == "2033-01-01")
  }

  @Test func deviceMarksWrittenDirectlyReadBackAsEncoded() throws {
    let cursor = OriginCursor(
      origin: OriginID(bytes: Array(0..<16))!, segment: 3, offset: 4096, lastSequence: 1234,
      lastHash: Array(repeating: 0xAB, count: 32), lastRecordSegment: 3, lastRecordOffset: 3800)
    let mark = DeviceMark(cursor: cursor, root: "/tmp")
    #expect(try JSONDecoder().decode(DeviceMark.self, from: Data(mark.json)) == mark)
    var odd = mark
    odd.folder = "a \"quoted\" \\ folder"
    #expect(try JSONDecoder().decode(DeviceMark.self, from: Data(odd.json)) == odd)
    odd.folder = nil
    #expect(try JSONDecoder().decode(DeviceMark.self, from: Data(odd.json)) == odd)
    let folder = "/tmp/gaidesk-fast-path-marks-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    DeviceMarks(folder: folder).save(mark, office: "test")
    #expect(DeviceMarks(folder: folder).mark(office: "test") == mark)
  }

  @Test func originTagsAsBefore() {
    var random = SeededRandom(seed: 40)
    for _ in 0..<500 {
      let origin = OriginID(bytes: (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) })!
      // The tag as it was written before (Characters of the alphabet).
      let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
      let value = origin.bytes[0..<5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      #expect(origin.tag == String((0..<8).map { alphabet[Int((value >> (35 - 5 * UInt64($0))) & 31)] }))
    }
    #expect(OriginID(bytes: [UInt8](repeating: 0xFF, count: 16))!.tag == "ZZZZZZZZ")
    #expect(
      OriginID(bytes: [0x08, 0x42, 0x10, 0x84, 0x21] + [UInt8](repeating: 0, count: 11))!.tag == "11111111")
  }

  @Test("origins held in two words keep their bytes, hex and canonical order (the bytes' lexicographic one)")
  func originsAsBefore() {
    var random = SeededRandom(seed: 41)
    let bytes = (0..<300).map { index in
      // Some share their first eight bytes, so the second word decides.
      (0..<16).map { at in at < 8 && index % 3 == 0 ? UInt8(7) : UInt8(truncatingIfNeeded: random.next()) }
    }
    let origins = bytes.map { OriginID(bytes: $0)! }
    #expect(origins.map(\.bytes) == bytes)
    #expect(origins.map { OriginID(hex: $0.hex)! } == origins)
    for (a, b) in zip(origins, origins.dropFirst()) {
      #expect((a < b) == a.bytes.lexicographicallyPrecedes(b.bytes))
      #expect((b < a) == b.bytes.lexicographicallyPrecedes(a.bytes))
    }
  }

  @Test func accountNamesMatchAsCaseInsensitiveCompare() {
    let pieces = [
      "a", "A", "z", "Z", "@", "[", "`", "{", "0", " ", "-", "é", "É", "ß", "SS", "ss", "İ", "i", "ﬁ", "Ω",
    ]
    _ = runPropertyCases("GAIDESK_FAST_PATH_CASES", count: 3000, seed: 42) { random, _ in
      func name() -> String {
        (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % 20)] }.joined()
      }
      let left = name()
      // Half the time the same name in another case, byte by byte.
      let right =
        random.next() % 2 == 0
        ? left.map { random.next() % 2 == 0 ? $0.uppercased() : $0.lowercased() }.joined()
        : name()
      #expect(
        AccountBook.sameName(left, right) == (left.caseInsensitiveCompare(right) == .orderedSame),
        "\(left.debugDescription) \(right.debugDescription)")
      return 1
    }
  }

  @Test func segmentFileNamesAsBefore() {
    #expect(SegmentFormat.fileName(index: 1) == "00000001.seg")
    #expect(SegmentFormat.fileName(index: 12_345_678) == "12345678.seg")
    #expect(SegmentFormat.fileName(index: 123_456_789) == "123456789.seg")
    #expect(SegmentFormat.index(fileName: SegmentFormat.fileName(index: 907)) == 907)
  }
}
