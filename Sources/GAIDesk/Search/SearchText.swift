import Foundation

/// Text folded for matching: lower case, no accents, words split on anything but letters and digits.
public enum SearchText {
  /// `"João  Gonçalves-Silva"` → `["joao", "goncalves", "silva"]`.
  public static func tokens(_ text: String) -> [String] {
    FoldedText(text).words
  }

  /// Lower case without diacritics (and full-width forms made narrow).
  public static func fold(_ text: String) -> String {
    if let ascii = LatinFold.ascii(text) { return String(decoding: ascii, as: UTF8.self) }
    return foundationFold(text)
  }

  /// `fold` as Foundation does it, for any text (`LatinFold` answers the same, faster, for most names).
  static func foundationFold(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
  }

  /// Only the digits of `text` (for phone and document numbers).
  public static func digits(_ text: String) -> String {
    String(decoding: text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
  }

  /// How many single-character edits (insert, delete, change, swap of neighbours) turn `a` into `b`, case
  /// and accents aside: the search's own typo measure, for "did you mean" suggestions.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = fold(a).unicodeScalars.map(\.value)
    let y = fold(b).unicodeScalars.map(\.value)
    var scratch: [Int32] = []
    return VisitorSearch.distance(x, y[...], limit: max(x.count, y.count), prefix: false, scratch: &scratch)
  }
}
