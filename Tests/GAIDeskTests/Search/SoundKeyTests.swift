import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Names written many ways are found by how they sound (docs/SEARCH.md), after every spelling match, and the
/// duplicate check at registration counts them as similar.
@Suite struct SoundKeyTests {
  @Test(
    "spellings of one name have one key",
    arguments: [
      ("Moussa", "Musa"), ("Mamadou", "Mamadu"), ("N'Diaye", "Ndiaye"), ("Ndiaye", "NDIAIE"),
      ("Fatoumata", "Fatumata"), ("Ousmane", "Usman"), ("Cheikh", "Sheikh"), ("Philippe", "Filipe"),
      ("Souza", "Sousa"), ("Aïssatou", "Aysatu"), ("Khadija", "Kadija"), ("Djibril", "Jibril"),
      ("Camara", "Kamara"), ("Hawa", "Awa"), ("Awa", "Aoua"), ("Gonçalves", "Goncalves"),
    ])
  func sameKey(_ a: String, _ b: String) {
    #expect(SoundKey.key(a) == SoundKey.key(b), "\(a) \(SoundKey.key(a)), \(b) \(SoundKey.key(b))")
  }

  @Test(
    "different names keep different keys",
    arguments: [
      ("Diop", "Diouf"), ("Sarr", "Sall"), ("Ba", "Bah Diallo"), ("Lopes", "Lobo"), ("Mané", "Mara"),
    ])
  func differentKeys(_ a: String, _ b: String) {
    #expect(SoundKey.words(a) != SoundKey.words(b), "\(a) \(SoundKey.words(a)), \(b) \(SoundKey.words(b))")
  }

  @Test func theKeyIgnoresCaseAccentsAndDoubledLettersAndHasNoDoubleLetter() {
    let letters = Array("abcdefghijklmnopqrstuvwxyzçéèêàãõôíú")
    let checked = runPropertyCases("GAIDESK_SOUND_CASES", count: 500, seed: 31) { random, label in
      let length = random.next(in: 2...10)
      let word = String((0..<length).map { _ in letters[random.next(in: 0...(letters.count - 1))] })
      let key = SoundKey.key(word)
      #expect(SoundKey.key(word.uppercased()) == key, "\(label): \(word)")
      #expect(SoundKey.key(SearchText.fold(word)) == key, "\(label): \(word)")
      let at = random.next(in: 0...(length - 1))
      var doubled = Array(word)
      doubled.insert(doubled[at], at: at)
      #expect(SoundKey.key(String(doubled)) == key, "\(label): \(word) doubled at \(at)")
      #expect(!zip(key, key.dropFirst()).contains { $0 == $1 }, "\(label): \(word) → \(key)")
      return 1
    }
    #expect(checked > 0)
  }

  /// A name's keys are its words' keys, each word as the search splits it (the name folded once, not once per
  /// word): names with accents, capitals, apostrophes, digits, hyphens and non-Latin letters.
  @Test func aNamesKeysAreItsWordsKeys() {
    let pieces = [
      "Moussa", "N'Diaye", "MAMADOU", "João", "Çé", "d’Almeida", "Ba", "x", "K2", "Sow-Diallo", "王", "Ωmega",
      "Oumar  Ba", "ßtraße", "Ndèye", "ÉLODIE",
    ]
    let checked = runPropertyCases("GAIDESK_SOUND_CASES", count: 300, seed: 47) { random, label in
      let name = (0..<random.next(in: 1...4)).map { _ in pieces[random.below(pieces.count)] }.joined(
        separator: " ")
      let folded = String(SearchText.fold(name).filter { !SoundKey.apostrophes.contains($0) })
      let expected = SearchText.tokens(folded).filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
        .map(SoundKey.key).filter { !$0.isEmpty }
      #expect(SoundKey.words(name) == expected, "\(label): \(name)")
      return 1
    }
    #expect(checked > 0)
  }

  @Test func searchFindsNamesThatSoundAlikeAfterEverySpellingMatch() throws {
    let f = try FrontDeskFixture()
    let musa = try f.visitor("Musa Diop")
    let moussa = try f.visitor("Moussa Diop")
    let mamadu = try f.visitor("Mamadu Camara")
    let ndiaye = try f.visitor("Awa N'Diaye")
    let other = try f.visitor("Moussa Diouf")
    let search = VisitorSearch(state: f.office.state)
    let state = f.office.state
    func found(_ query: String) -> [String] { search.find(query + " ", in: state).map(\.visitorID) }

    // The exact spelling first, the one that sounds alike after it; a different name is not found by sound.
    #expect(found("Moussa Diop") == [moussa, musa])
    #expect(found("Musa Diop") == [musa, moussa])
    #expect(!found("Musa Diop").contains(other))
    #expect(found("Mamadou") == [mamadu])
    #expect(found("Mamadou Kamara") == [mamadu])
    #expect(found("Ndiaye") == [ndiaye])
    #expect(found("Awa Ndiaye") == [ndiaye])
    #expect(search.find("Musa Diop", in: state).first?.score == 0)
    #expect(search.find("Moussa Diop", in: state).last?.score == 2 * VisitorSearch.soundScore)

    // The cached index keeps the sound words: loaded again, it answers the same.
    let reloaded = try #require(SearchIndexCodec.decode(SearchIndexCodec.encode(search)))
    #expect(reloaded.find("Moussa Diop ", in: state).map(\.visitorID) == [moussa, musa])
  }

  @Test func theDuplicateCheckWarnsOfANameThatSoundsTheSame() throws {
    let f = try FrontDeskFixture()
    let existing = try f.visitor("Moussa Diop", year: 1988, nationality: "SN")
    var form = VisitorForm(fullName: "Musa Diop")
    form.nationality = "SN"
    let found = f.office.possibleDuplicates(of: form)
    #expect(found.map(\.visitorID) == [existing])
    #expect(found.first?.reasons == [.similarName, .sameNationality])
    var apostrophe = VisitorForm(fullName: "Awa N'Diaye")
    apostrophe.birthYear = 1990
    let awa = try f.visitor("Awa Ndiaye", year: 1990)
    #expect(f.office.possibleDuplicates(of: apostrophe).map(\.visitorID) == [awa])
    // Another name that only shares a first name is not similar.
    var different = VisitorForm(fullName: "Moussa Diouf")
    different.nationality = "SN"
    #expect(f.office.possibleDuplicates(of: different).isEmpty)
  }
}
