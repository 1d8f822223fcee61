import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// The search's fold, words and sound keys read folded names as ASCII bytes (`LatinFold`, `FoldedText`,
/// `SoundKey`): each must answer exactly what the plain definitions below answer (Foundation's fold, words split
/// by `Character`, the sound rules applied `Character` by `Character`), for any text.
@Suite struct FoldFastPathTests {
  /// Pieces of names: ASCII in both cases, digits, punctuation and apostrophes of every kind, accented Latin
  /// letters, letters whose fold is not ASCII (ß, ø, Ł), combining accents, other scripts, full-width and
  /// invisible characters, and the spellings the sound rules read.
  static let pieces: [String] = [
    "a", "b", "C", "h", "ou", "sch", "ch", "SH", "ph", "th", "kh", "gh", "dh", "bh", "nh", "lh", "gn", "dj",
    "oo",
    "qu", "ck", "q", "ce", "ci", "cy", "ca", "z", "y", "w", "e", "ee", "ss", "Moussa", "N'Diaye", "Aïssatou",
    "João", "Gonçalves", "Çé", "d’Almeida", "ʼ", "´", "‘", "`", "'", " ", "  ", "-", ".", ",", "_", "/", "(",
    "K2",
    "2", "09", "ß", "ø", "Æ", "Ł", "ĳ", "ǅ", "İ", "ı", "e\u{301}", "E\u{327}", "\u{301}", "Мария", "Ωmega",
    "王",
    "ｆｕｌｌ", "\u{A0}", "\t", "\r\n", "\u{200B}", "🙂", "Ñ", "Ǻ", "ɐ", "ʰ", "Ð", "Þ", "ü", "ÿ", "Ÿ",
  ]

  static func randomText(_ random: inout SeededRandom) -> String {
    (0..<random.next(in: 0...8)).map { _ in
      random.below(4) == 0
        ? String(Character(Unicode.Scalar(UInt32(random.next(in: 0x20...0x24F)))!))
        : pieces[random.below(pieces.count)]
    }.joined()
  }

  @Test func theFoldWordsAndSoundKeysAreThePlainDefinitions() {
    let checked = runPropertyCases("GAIDESK_FOLD_CASES", count: 3000, seed: 61) { random, label in
      let text = Self.randomText(&random)
      #expect(SearchText.fold(text) == Plain.fold(text), "\(label): \(text.debugDescription)")
      #expect(SearchText.tokens(text) == Plain.tokens(text), "\(label): \(text.debugDescription)")
      #expect(SoundKey.words(text) == Plain.soundWords(text), "\(label): \(text.debugDescription)")
      #expect(SoundKey.key(text) == Plain.soundKey(text), "\(label): \(text.debugDescription)")
      return 1
    }
    #expect(checked > 0)
  }

  /// Every scalar below the end of the table, alone and between letters, folds as Foundation folds it.
  @Test func everyScalarOfTheTableFoldsAsFoundationFoldsIt() {
    for value in UInt32(0)..<LatinFold.tableEnd {
      let scalar = String(Character(Unicode.Scalar(value)!))
      for text in [scalar, "A" + scalar + "b", scalar + scalar, "\u{E9}" + scalar] {
        #expect(SearchText.fold(text) == Plain.fold(text), "U+\(String(value, radix: 16))")
      }
    }
  }

  /// The index's words are, visitor after visitor, the words of the full name, the aliases, their Latin
  /// spellings and the document number, then the sound keys of the names and Latin spellings, each new word
  /// taking the next id.
  @Test func theIndexHoldsThePlainWordsInTheirOrder() {
    var random = SeededRandom(seed: 67)
    var state = OfficeState()
    var expected: [[UInt32]] = []
    var seen = Set<[UInt32]>()
    func note(_ word: String) {
      let scalars = word.unicodeScalars.map(\.value)
      if seen.insert(scalars).inserted { expected.append(scalars) }
    }
    var events: [Event] = []
    for index in 0..<400 {
      var visitor = Visitor(
        id: "V-F-\(index)", fullName: Self.randomText(&random) + " " + Self.randomText(&random))
      if random.below(3) == 0 { visitor.aliases = [Self.randomText(&random)] }
      if random.below(3) == 0 {
        visitor.document = IdentityDocument(type: "passport", number: "p-\(random.below(50))Ø")
      }
      events.append(.visitorRegistered(visitor))
    }
    state.apply(EventBatch(staff: "Ana", office: "praia", events: events), time: WallTime(milliseconds: 1))
    for id in state.visitorOrder {
      guard let visitor = state.visitors[id] else { continue }
      let names = [visitor.fullName] + visitor.aliases
      let latin = names.compactMap(SearchText.latin)
      (names + latin).flatMap(Plain.tokens).forEach(note)
      if let number = visitor.document?.number, !Plain.tokens(number).joined().isEmpty {
        note(Plain.tokens(number).joined())
      }
      (names + latin).flatMap(Plain.soundWords).map { VisitorSearch.soundWord($0) }.forEach(note)
    }
    let search = VisitorSearch(state: state)
    #expect(search.count == state.visitorOrder.count)
    #expect(search.tokens == expected)
  }
}

/// The plain definitions: Foundation's fold, words split by `Character`, and the sound rules of docs/SEARCH.md
/// applied to `Character`s, as search by sound first wrote them.
private enum Plain {
  static func fold(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
  }

  static func tokens(_ text: String) -> [String] {
    fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
  }

  static func soundWords(_ text: String) -> [String] {
    fold(text).filter { !SoundKey.apostrophes.contains($0) }.split(whereSeparator: {
      !($0.isLetter || $0.isNumber)
    })
    .filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
    .map { key(letters: Array($0.filter(\.isLetter))) }.filter { !$0.isEmpty }
  }

  static func soundKey(_ word: String) -> String {
    key(letters: Array(fold(word).lowercased().filter(\.isLetter)))
  }

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
        case "h": break
        default: out.append(c)
        }
        i += 1
        continue
      }
      i += 2
    }
    if out.count > 2, out.last == "e" { out.removeLast() }
    letters = single(out)
    return String(letters)
  }

  private static func single(_ letters: [Character]) -> [Character] {
    var out: [Character] = []
    for letter in letters where out.last != letter { out.append(letter) }
    return out
  }
}
