import Testing

@testable import GAIDesk

@Suite("Strings: placeholders")
struct StringsFillingTests {
  let strings = Strings(tables: [
    "k.plain": ["pt": "Sem nada a preencher", "en": "Nothing to fill"],
    "k.args": ["pt": "{0} e {1}, {0} outra vez ({authority})"],
    "k.braces": ["pt": "{chaves} {2} {0}"],
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
}
