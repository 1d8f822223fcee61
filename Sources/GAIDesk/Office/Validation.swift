import Foundation

/// Checks on values typed by people, each refusal naming the field and what to do.
public enum Validation {
  /// The longest name accepted.
  public static let maxNameLength = 200
  /// The longest note accepted.
  public static let maxNoteLength = 2000
  /// The longest short field (phone, document number, desk, outcome) accepted.
  public static let maxShortLength = 60

  /// A trimmed, non-empty name without control characters.
  public static func name(_ value: String, field: String = "name") throws -> String {
    let trimmed = trimming(value, newlines: true)
    guard !trimmed.isEmpty else { throw GAIDeskError(.fieldEmpty, field) }
    try text(trimmed, field: field, limit: maxNameLength, allowNewlines: false)
    return trimmed
  }

  /// Free text within `limit` characters, without control characters (newlines allowed when asked).
  @discardableResult
  public static func text(
    _ value: String, field: String, limit: Int = maxNoteLength, allowNewlines: Bool = true
  )
    throws -> String
  {
    // Printable ASCII (what most forms hold) has no control, hiding or replacement characters, and one
    // character per byte.
    if isPrintableASCII(value) {
      guard value.utf8.count <= limit else { throw GAIDeskError(.fieldTooLong, field, String(limit)) }
      return value
    }
    // No more characters than bytes: counting characters is needed only for long text.
    guard value.utf8.count <= limit || value.count <= limit else {
      throw GAIDeskError(.fieldTooLong, field, String(limit))
    }
    // One pass over the scalars; the refusals keep their order (encoding, control, hiding).
    var replaced = false
    var control = false
    var hiding = false
    for scalar in value.unicodeScalars {
      // Bytes that were not UTF-8 arrive as U+FFFD: refuse them rather than store garbage.
      if scalar == "\u{FFFD}" { replaced = true }
      if isControl(scalar) && !(allowNewlines && (scalar == "\n" || scalar == "\t")) { control = true }
      // Characters that hide or reorder text would let a name look like another or scramble a listing.
      if TextEscaping.isHiding(scalar) { hiding = true }
    }
    if replaced { throw GAIDeskError(.fieldEncoding, field) }
    if control { throw GAIDeskError(.fieldControl, field) }
    if hiding { throw GAIDeskError(.fieldHidden, field) }
    return value
  }

  /// Whether a scalar is a control character (general category Cc, which Unicode fixes as these two ranges).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// An optional short field, trimmed; empty becomes nil.
  public static func short(_ value: String?, field: String) throws -> String? {
    guard let value = value.map({ trimming($0, newlines: false) }), !value.isEmpty else { return nil }
    return try text(value, field: field, limit: maxShortLength, allowNewlines: false)
  }

  /// A birth year between 1900 and this year.
  public static func birthYear(_ year: Int?, today: String) throws -> Int? {
    guard let year else { return nil }
    let current = Int(today.prefix(4)) ?? 2100
    guard (1900...current).contains(year) else {
      throw GAIDeskError(.fieldBirthYear, String(year), String(current))
    }
    return year
  }

  /// A birth year as typed (empty is none): a number between 1900 and this year.
  public static func birthYear(typed text: String?, today: String) throws -> Int? {
    guard let text = text.map({ trimming($0, newlines: false) }), !text.isEmpty else { return nil }
    guard let year = Int(text) else {
      throw GAIDeskError(.fieldBirthYear, text, String(Int(today.prefix(4)) ?? 2100))
    }
    return try birthYear(year, today: today)
  }

  /// A country typed as a code or a name in Portuguese, English or French (empty is none): its ISO code.
  public static func country(typed text: String?) throws -> String? {
    guard let text = text.map({ trimming($0, newlines: false) }), !text.isEmpty else { return nil }
    let codes = ReferenceData.shipped.countryCodes(matching: text)
    guard !codes.isEmpty else { throw GAIDeskError(.fieldNationality, text) }
    guard codes.count == 1 else {
      throw GAIDeskError(.fieldNationalityAmbiguous, text, codes.prefix(6).joined(separator: ", "))
    }
    return codes[0]
  }

  /// An ISO 3166 code known to the reference data, upper-cased.
  public static func nationality(_ code: String?) throws -> String? {
    guard let code = code.map({ trimming($0, newlines: false) }), !code.isEmpty else { return nil }
    guard let country = ReferenceData.shipped.country(code) else {
      throw GAIDeskError(.fieldNationality, code)
    }
    return country.code
  }

  /// Language codes known to the reference data, lower-cased.
  public static func languages(_ codes: [String]) throws -> [String] {
    try codes.map { code in
      guard let language = ReferenceData.shipped.language(trimming(code, newlines: false)) else {
        throw GAIDeskError(.fieldLanguage, code)
      }
      return language.code
    }
  }

  /// A telephone number: digits, spaces, `+ - ( ) .`, at least 3 digits.
  public static func phone(_ value: String?) throws -> String? {
    guard let value = try short(value, field: "phone") else { return nil }
    if value.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the same check byte by byte, without building a character set.
      let digits = value.utf8.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) }
      guard value.utf8.allSatisfy(isPhoneByte), digits >= 3 else { throw GAIDeskError(.fieldPhone, value) }
      return value
    }
    let allowed = CharacterSet(charactersIn: "0123456789 +-().")
    guard value.unicodeScalars.allSatisfy(allowed.contains), value.filter(\.isNumber).count >= 3 else {
      throw GAIDeskError(.fieldPhone, value)
    }
    return value
  }

  /// Topic codes known to the taxonomy.
  public static func topics(_ codes: [String]) throws -> [String] {
    for code in codes where ReferenceData.shipped.topic(code) == nil {
      throw GAIDeskError(.fieldTopic, code)
    }
    return codes
  }

  /// A YYYY-MM-DD date.
  public static func date(_ value: String?, field: String) throws -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    guard LocalTime.isDate(value) else { throw GAIDeskError(.fieldDate, field, value) }
    return value
  }

  /// A date for planned work (a due date, a follow-up): at most a year back, at most ten years ahead.
  public static func plannedDate(_ value: String?, field: String, today: String) throws -> String? {
    guard let date = try date(value, field: field) else { return nil }
    let earliest = LocalTime.adding(days: -366, to: today) ?? today
    let latest = LocalTime.adding(days: 3653, to: today) ?? today
    guard date >= earliest && date <= latest else {
      throw GAIDeskError(.fieldDateRange, field, date, earliest, latest)
    }
    return date
  }

  /// Refuses a date before `today` for work planned now (a visit's referrals and follow-up): a slip would send
  /// the visitor to a deadline already gone.
  public static func notPast(_ value: String?, field: String, today: String) throws {
    guard let date = try date(value, field: field), date < today else { return }
    throw GAIDeskError(.fieldDatePast, field, date, today)
  }

  /// Whether every byte of `value` is printable ASCII (space to tilde).
  static func isPrintableASCII(_ value: String) -> Bool {
    let printable = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
    // The bytes in place (a native or small string): a loop over memory, not the view's indices.
    return value.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printable) }
      ?? value.utf8.allSatisfy(printable)
  }

  /// `value` without leading and trailing white space, scalar by scalar as Foundation's
  /// `trimmingCharacters(in:)` with `.whitespacesAndNewlines` when `newlines`, else `.whitespaces`
  /// (``isWhitespace(_:newlines:)``), without Foundation.
  static func trimming(_ value: String, newlines: Bool) -> String {
    guard isPrintableASCII(value) else {
      let scalars = value.unicodeScalars
      guard let first = scalars.firstIndex(where: { !isWhitespace($0, newlines: newlines) }),
        let last = scalars.lastIndex(where: { !isWhitespace($0, newlines: newlines) })
      else { return "" }
      if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return value }
      return String(scalars[first...last])
    }
    // Printable ASCII's only white space is the space.
    let bytes = value.utf8
    guard bytes.first == 0x20 || bytes.last == 0x20 else { return value }
    guard let first = bytes.firstIndex(where: { $0 != 0x20 }),
      let last = bytes.lastIndex(where: { $0 != 0x20 })
    else { return "" }
    return String(value[first...last])
  }

  /// Whether Foundation's `CharacterSet.whitespaces` (tab, the space separators and U+200B) holds `scalar`,
  /// or, with `newlines`, `.whitespacesAndNewlines` (those, U+000A…U+000D, U+0085, U+2028 and U+2029).
  static func isWhitespace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    switch scalar.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: newlines
    default: false
    }
  }

  /// A byte a telephone number may hold: a digit, a space or one of `+ - ( ) .`.
  private static func isPhoneByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x20, 0x2B, 0x2D, 0x28, 0x29, 0x2E: true
    default: false
    }
  }

  /// The shortest passphrase accepted for a new key slot.
  public static let minPassphraseLength = 10

  /// A passphrase of at least 10 characters that is not one of the most common ones.
  public static func passphrase(_ value: String) throws {
    guard value.count >= minPassphraseLength else {
      throw GAIDeskError(.passphraseShort, String(minPassphraseLength))
    }
    let folded = value.lowercased().filter { !$0.isWhitespace }
    guard !commonPassphrases.contains(folded) else { throw GAIDeskError(.passphraseCommon) }
  }

  /// Passphrases that guessing tools try first (lower case, without spaces).
  static let commonPassphrases: Set<String> = [
    "1234567890", "12345678910", "0123456789", "9876543210", "1111111111", "0000000000", "qwertyuiop",
    "password123", "password1234", "passw0rd123", "iloveyou123", "qwerty1234", "qwerty12345", "1q2w3e4r5t",
    "abcdefghij", "abc1234567", "senha12345", "palavrapasse", "motdepasse", "azertyuiop", "passphrase",
    "administrator", "admin12345", "letmein123", "welcome123", "caboverde", "caboverde1", "caboverde123",
    "praia12345", "gaidesk123", "gaideskpraia", "imigrante123", "changeme123",
  ]

  /// A count given on the command line (a limit, a number of days), within `range`.
  public static func count(_ value: Int, field: String, in range: ClosedRange<Int>) throws -> Int {
    guard range.contains(value) else {
      throw GAIDeskError(
        .fieldRange, field, String(value), String(range.lowerBound), String(range.upperBound))
    }
    return value
  }
}
