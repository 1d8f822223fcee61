import Testing

@testable import GAIDesk

@Suite("Strings: placeholders")
struct StringsFillingTests {
  let strings = Strings(tables: [
    "k.plain": ["pt": "Sem nada a preencher", "en": "Nothing to fill"],
    "k.args": ["pt": "{0} e {1}, {0} outra vez ({authority})"],
    "k.braces": ["pt": "{chaves} {2} {0}"],
    "k.count": [
      "pt": "{0} {0|registo|registos} de {1} {1|origem|origens}, {1|na origem|nas {1} origens}",
      "en": "{0} {0|record|records}", "fr": "{0} {0|enregistrement|enregistrements}",
    ],
  ])

  @Test("each placeholder is filled everywhere it occurs, in order, the authority first")
  func filled() {
    #expect(strings.text("k.plain", ["x"], language: .english) == "Nothing to fill")
    #expect(
      strings.text("k.args", ["Ana", "Rui"], language: .french)
        == "Ana e Rui, Ana outra vez (\(Authority.shipped.short))")
    // As before: an argument that holds a later placeholder is filled in turn.
    #expect(strings.text("k.args", ["{1}", "Rui"], language: .portuguese).hasPrefix("Rui e Rui, Rui"))
    #expect(strings.text("k.braces", ["é"], language: .portuguese) == "{chaves} {2} é")
    #expect(strings.text("k.missing", ["x"], language: .portuguese) == "k.missing")
  }

  @Test("a count chooses its form: one in Portuguese and English, zero and one in French")
  func plurals() {
    let pt = { (args: [String]) in strings.text("k.count", args, language: .portuguese) }
    #expect(pt(["1", "1"]) == "1 registo de 1 origem, na origem")
    #expect(pt(["0", "3"]) == "0 registos de 3 origens, nas 3 origens")
    #expect(pt(["2 345", "12"]) == "2 345 registos de 12 origens, nas 12 origens")
    #expect(pt(["muitos"]).hasPrefix("muitos registos de {1} origens"))
    #expect(strings.text("k.count", ["0"], language: .french) == "0 enregistrement")
    #expect(strings.text("k.count", ["1"], language: .french) == "1 enregistrement")
    #expect(strings.text("k.count", ["2"], language: .french) == "2 enregistrements")
    #expect(strings.text("k.count", ["0"], language: .english) == "0 records")
    #expect(strings.text("k.count", ["1"], language: .english) == "1 record")
  }

  @Test("no shipped text hedges a count with (s), (ns), (m) or (nt): it says the count's form")
  func noHedgedPlurals() {
    for key in Strings.shared.keys {
      for language in Language.allCases {
        let text = Strings.shared.text(key, language: language)
        // A hedge is glued to its word ("registo(s)"); "(s)" after a space is the unit, seconds.
        #expect(text.firstMatch(of: /\p{L}\((s|ns|m|nt|es)\)/) == nil, "\(key) \(language): \(text)")
      }
    }
  }
}
