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
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw GAIDeskError("error.field.empty", field) }
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
    guard value.count <= limit else { throw GAIDeskError("error.field.tooLong", field, String(limit)) }
    // Bytes that were not UTF-8 arrive as U+FFFD: refuse them rather than store garbage.
    guard !value.unicodeScalars.contains("\u{FFFD}") else {
      throw GAIDeskError("error.field.encoding", field)
    }
    for scalar in value.unicodeScalars where scalar.properties.generalCategory == .control {
      if allowNewlines && (scalar == "\n" || scalar == "\t") { continue }
      throw GAIDeskError("error.field.control", field)
    }
    // Characters that hide or reorder text would let a name look like another or scramble a listing.
    guard !value.unicodeScalars.contains(where: TextEscaping.isHiding) else {
      throw GAIDeskError("error.field.hidden", field)
    }
    return value
  }

  /// An optional short field, trimmed; empty becomes nil.
  public static func short(_ value: String?, field: String) throws -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    return try text(value, field: field, limit: maxShortLength, allowNewlines: false)
  }

  /// A birth year between 1900 and this year.
  public static func birthYear(_ year: Int?, today: String) throws -> Int? {
    guard let year else { return nil }
    let current = Int(today.prefix(4)) ?? 2100
    guard (1900...current).contains(year) else {
      throw GAIDeskError("error.field.birthYear", String(year), String(current))
    }
    return year
  }

  /// An ISO 3166 code known to the reference data, upper-cased.
  public static func nationality(_ code: String?) throws -> String? {
    guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { return nil }
    guard let country = ReferenceData.shipped.country(code) else {
      throw GAIDeskError("error.field.nationality", code)
    }
    return country.code
  }

  /// Language codes known to the reference data, lower-cased.
  public static func languages(_ codes: [String]) throws -> [String] {
    try codes.map { code in
      guard let language = ReferenceData.shipped.language(code.trimmingCharacters(in: .whitespaces)) else {
        throw GAIDeskError("error.field.language", code)
      }
      return language.code
    }
  }

  /// A telephone number: digits, spaces, `+ - ( ) .`, at least 3 digits.
  public static func phone(_ value: String?) throws -> String? {
    guard let value = try short(value, field: "phone") else { return nil }
    let allowed = CharacterSet(charactersIn: "0123456789 +-().")
    guard value.unicodeScalars.allSatisfy(allowed.contains), value.filter(\.isNumber).count >= 3 else {
      throw GAIDeskError("error.field.phone", value)
    }
    return value
  }

  /// Topic codes known to the taxonomy.
  public static func topics(_ codes: [String]) throws -> [String] {
    for code in codes where ReferenceData.shipped.topic(code) == nil {
      throw GAIDeskError("error.field.topic", code)
    }
    return codes
  }

  /// A YYYY-MM-DD date.
  public static func date(_ value: String?, field: String) throws -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    guard LocalTime.isDate(value) else { throw GAIDeskError("error.field.date", field, value) }
    return value
  }

  /// A date for planned work (a due date, a follow-up): at most a year back, at most ten years ahead.
  public static func plannedDate(_ value: String?, field: String, today: String) throws -> String? {
    guard let date = try date(value, field: field) else { return nil }
    let earliest = LocalTime.adding(days: -366, to: today) ?? today
    let latest = LocalTime.adding(days: 3653, to: today) ?? today
    guard date >= earliest && date <= latest else {
      throw GAIDeskError("error.field.dateRange", field, date, earliest, latest)
    }
    return date
  }

  /// The shortest passphrase accepted for a new key slot.
  public static let minPassphraseLength = 10

  /// A passphrase of at least 10 characters that is not one of the most common ones.
  public static func passphrase(_ value: String) throws {
    guard value.count >= minPassphraseLength else {
      throw GAIDeskError("error.passphrase.short", String(minPassphraseLength))
    }
    let folded = value.lowercased().filter { !$0.isWhitespace }
    guard !commonPassphrases.contains(folded) else { throw GAIDeskError("error.passphrase.common") }
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
        "error.field.range", field, String(value), String(range.lowerBound), String(range.upperBound))
    }
    return value
  }
}
