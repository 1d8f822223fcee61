/// A name word as it sounds, for names written many ways (Portuguese, French, English, Wolof, Mandinka and
/// Fula transliterations): "Moussa" and "Musa", "Mamadou" and "Mamadu", "N'Diaye" and "Ndiaye" have one key.
/// The rules are in docs/SEARCH.md; the search finds names that sound alike after every spelling match, and
/// the duplicate check counts them as similar.
public enum SoundKey {
  /// The keys of the words of `text`: folded (case and accents aside), apostrophes dropped so that "N'Diaye" is
  /// one word, each word of two letters or more without digits keyed. The text is folded once, and its words
  /// are not folded again.
  public static func words(_ text: String) -> [String] {
    let folded = SearchText.fold(text).filter { !apostrophes.contains($0) }
    return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
      .filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
      .map { key(letters: Array($0.filter(\.isLetter))) }.filter { !$0.isEmpty }
  }

  /// The key of one word: folded, double letters made single, then spellings of one sound made one (see
  /// docs/SEARCH.md), double letters made single again.
  public static func key(_ word: String) -> String {
    key(letters: Array(SearchText.fold(word).lowercased().filter(\.isLetter)))
  }

  /// The key of a word's letters, already folded and in lower case.
  private static func key(letters folded: [Character]) -> String {
    var letters = single(folded)
    var out: [Character] = []
    var i = 0
    func at(_ offset: Int) -> Character? { i + offset < letters.count ? letters[i + offset] : nil }
    while i < letters.count {
      let c = letters[i]
      let next = at(1)
      switch (c, next) {
      case ("s", "c") where at(2) == "h":
        out.append("x")
        i += 3
        continue
      case ("c", "h"), ("s", "h"):
        out.append("x")
      case ("p", "h"):
        out.append("f")
      case ("t", "h"), ("k", "h"), ("g", "h"), ("d", "h"), ("b", "h"):
        out.append(c)
      case ("n", "h"), ("l", "h"):
        out += [c, "i"]
      case ("g", "n"):
        out += ["n", "i"]
      case ("d", "j"):
        out.append("j")
      case ("o", "u"), ("o", "o"):
        out.append("u")
      case ("q", "u"), ("c", "k"):
        out.append("k")
      case ("c", _):
        out.append(next == "e" || next == "i" || next == "y" ? "s" : "k")
        i += 1
        continue
      default:
        switch c {
        case "q": out.append("k")
        case "z": out.append("s")
        case "y": out.append("i")
        case "w": out.append("u")
        case "h": break  // silent
        default: out.append(c)
        }
        i += 1
        continue
      }
      i += 2
    }
    // A final silent e (French, Portuguese spellings of West African names: "Ndiaye", "Ousmane").
    if out.count > 2, out.last == "e" { out.removeLast() }
    letters = single(out)
    return String(letters)
  }

  /// The characters taken for apostrophes inside names.
  static let apostrophes: Set<Character> = ["'", "’", "ʼ", "`", "´", "‘"]

  /// `letters` with each run of one letter made one letter.
  private static func single(_ letters: [Character]) -> [Character] {
    var out: [Character] = []
    out.reserveCapacity(letters.count)
    for letter in letters where out.last != letter { out.append(letter) }
    return out
  }
}
