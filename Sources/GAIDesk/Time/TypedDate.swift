import Foundation

extension LocalTime {
  /// A day typed as dd/mm/aaaa (or d/m/aaaa, with "/", "." or "-") as YYYY-MM-DD; any other text, or a day
  /// that does not exist (32/13/2026), is returned trimmed and unchanged, for the usual checks to say what is
  /// wrong with what was typed.
  public static func day(typed text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(whereSeparator: { "/.-".contains($0) })
    guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
      (1...2).contains(parts[1].count), let day = Int(parts[0]), let month = Int(parts[1]),
      let year = Int(parts[2])
    else { return trimmed }
    let iso = String(format: "%04d-%02d-%02d", year, month, day)
    return isDate(iso) ? iso : trimmed
  }

  /// A month typed as mm/aaaa (or m/aaaa, with "/", "." or "-") as YYYY-MM; any other text is returned trimmed
  /// and unchanged, for the usual checks to say what is wrong with what was typed.
  public static func month(typed text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(whereSeparator: { "/.-".contains($0) })
    guard parts.count == 2, parts[1].count == 4, (1...2).contains(parts[0].count), let month = Int(parts[0]),
      let year = Int(parts[1])
    else { return trimmed }
    let iso = String(format: "%04d-%02d", year, month)
    return isDate(iso + "-01") ? iso : trimmed
  }

  /// A YYYY-MM-DD day as people read it: dd/mm/aaaa in Portuguese and French, unchanged in English.
  public static func shown(_ day: String, language: Language) -> String {
    guard language != .english, isDate(day) else { return day }
    let parts = day.split(separator: "-")
    return "\(parts[2])/\(parts[1])/\(parts[0])"
  }

  /// A YYYY-MM month as people read it: mm/aaaa in Portuguese and French, unchanged in English.
  public static func shownMonth(_ month: String, language: Language) -> String {
    guard language != .english, isDate(month + "-01") else { return month }
    return "\(month.suffix(2))/\(month.prefix(4))"
  }
}
