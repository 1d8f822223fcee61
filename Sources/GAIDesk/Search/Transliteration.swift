import Foundation

extension SearchText {
  /// The Latin transliteration of `text` (ICU's Any-Latin, accents dropped), or nil when it has no letters
  /// outside the Latin script: "Мария Иванова" → "Maria Ivanova", "Νίκος" → "Nikos", "王小明" → "wang xiao ming".
  public static func latin(_ text: String) -> String? {
    let needs = text.unicodeScalars.contains { $0.value > 0x24F && $0.properties.isAlphabetic }
    guard needs, let latin = text.applyingTransform(.toLatin, reverse: false) else { return nil }
    return latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
  }
}
