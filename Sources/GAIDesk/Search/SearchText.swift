import Foundation

/// Text folded for matching: lower case, no accents, words split on anything but letters and digits.
public enum SearchText {
  /// `"João  Gonçalves-Silva"` → `["joao", "goncalves", "silva"]`.
  public static func tokens(_ text: String) -> [String] {
    fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
  }

  /// Lower case without diacritics (and full-width forms made narrow).
  public static func fold(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
  }

  /// Only the digits of `text` (for phone and document numbers).
  public static func digits(_ text: String) -> String {
    String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
  }

  /// Damerau–Levenshtein (optimal string alignment) distance, giving up beyond `limit`.
  public static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMin = min(rowMin, value)
      }
      if rowMin > limit { return limit + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
