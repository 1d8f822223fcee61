import Foundation
import GAIDesk
import Testing

@Suite("Front desk: visitor search")
struct FrontDeskSearchTests {
  @Test("accents and case are ignored: joao finds João")
  func accents() throws {
    let f = try FrontDeskFixture()
    let joao = try f.visitor("João Gonçalves")
    let hits = VisitorSearch(state: f.office.state).find("joao", in: f.office.state)
    #expect(hits.map(\.visitorID) == [joao])
    #expect(
      VisitorSearch(state: f.office.state).find("GONCALVES", in: f.office.state).first?.visitorID == joao)
  }

  @Test("one typo in words of 4+ letters, two in words of 7+, word order free")
  func typos() throws {
    let f = try FrontDeskFixture()
    let fatoumata = try f.visitor("Fatoumata Diallo")
    try f.visitor("Mamadou Sow")
    let search = VisitorSearch(state: f.office.state)
    for query in ["Fatumata Dialo", "Diallo Fatoumata", "fatomatta diallo", "Fatoumata Dilalo"] {
      #expect(search.find(query, in: f.office.state).map(\.visitorID) == [fatoumata], "\(query)")
    }
    // Three letters: no typo allowed; three edits in a long word: too far.
    #expect(search.find("sov", in: f.office.state).isEmpty)
    #expect(search.find("fxtxxmata", in: f.office.state).isEmpty)
  }

  @Test("exact words rank before prefixes, prefixes before typos, shorter names first")
  func ranking() throws {
    let f = try FrontDeskFixture()
    let typo = try f.visitor("Mariana Silvo")
    let prefix = try f.visitor("Mariana Silvestre")
    let exactLong = try f.visitor("Mariana Silva Tavares")
    let exact = try f.visitor("Mariana Silva")
    // A finished word (trailing space): exact, then the longer name, then one typo.
    let hits = VisitorSearch(state: f.office.state).find("mariana silva ", in: f.office.state)
    #expect(hits.map(\.visitorID) == [exact, exactLong, typo])
    // A word being typed may also be the start of a longer word with a typo (silve…stre), ranked last.
    let typed = VisitorSearch(state: f.office.state).find("mariana silva", in: f.office.state)
    #expect(typed.map(\.visitorID) == [exact, exactLong, typo, prefix])
    let typing = VisitorSearch(state: f.office.state).find("mariana silv", in: f.office.state)
    #expect(Set(typing.map(\.visitorID)) == [exact, exactLong, typo, prefix])
    #expect(typing.last?.score == typing.first?.score)
  }

  @Test("the word being typed matches a prefix, with a typo too")
  func typing() throws {
    let f = try FrontDeskFixture()
    let id = try f.visitor("Fatoumata Diallo")
    let search = VisitorSearch(state: f.office.state)
    #expect(search.find("fatou", in: f.office.state).first?.visitorID == id)
    #expect(search.find("fatuom", in: f.office.state).first?.visitorID == id)
    #expect(search.find("dia fat", in: f.office.state).first?.visitorID == id)
  }

  @Test("phone and document digits match whatever the separators")
  func digits() throws {
    let f = try FrontDeskFixture()
    let phone = try f.visitor("Chinedu Okafor", phone: "+238 912 34 56")
    let passport = try f.visitor("Awa Ndiaye", document: "P-0098765")
    let search = VisitorSearch(state: f.office.state)
    #expect(search.find("9123456", in: f.office.state).map(\.visitorID) == [phone])
    #expect(search.find("912-34-56", in: f.office.state).map(\.visitorID) == [phone])
    #expect(search.find("P0098765", in: f.office.state).map(\.visitorID) == [passport])
    #expect(search.find("awa 0098", in: f.office.state).map(\.visitorID) == [passport])
    // Typed digit by digit, as at the desk: every prefix answers (three digits used to crash).
    for length in 1...9 {
      let typed = String("912345600".prefix(length))
      let hits = search.find(typed, in: f.office.state).map(\.visitorID)
      if length >= 3 && length <= 7 { #expect(hits.contains(phone), "\(typed)") }
    }
    #expect(search.find("+238", in: f.office.state).map(\.visitorID) == [phone])
  }

  @Test("aliases are searched; merged records are hidden")
  func aliasesAndMerged() throws {
    let f = try FrontDeskFixture()
    var form = VisitorForm(fullName: "Ngozi Adeyemi")
    form.aliases = ["Blessing"]
    let keep = try f.office.registerVisitor(form, staff: "Ana").id
    let other = try f.visitor("Ngozi Adeyemi")
    #expect(
      VisitorSearch(state: f.office.state).find("blessing", in: f.office.state).map(\.visitorID) == [keep])
    try f.office.mergeVisitors(keep: keep, other: other, staff: "Ana")
    #expect(VisitorSearch(state: f.office.state).find("ngozi", in: f.office.state).map(\.visitorID) == [keep])
  }

  @Test("the index grows as visitors are registered")
  func incremental() throws {
    let f = try FrontDeskFixture()
    try f.visitor("Moussa Diop")
    var search = VisitorSearch(state: f.office.state)
    let late = try f.visitor("Cheikh Diop")
    #expect(search.find("cheikh", in: f.office.state).isEmpty)
    search.update(with: f.office.state)
    #expect(search.find("cheikh", in: f.office.state).map(\.visitorID) == [late])
    #expect(search.find("diop", in: f.office.state).count == 2)
    for index in 0..<100 { _ = try f.visitor("Person\(index) Diop") }
    search.update(with: f.office.state)
    #expect(search.find("diop", in: f.office.state, limit: 500).count == 102)
    #expect(search.find("person42", in: f.office.state).count == 1)
  }

  @Test("many visitors: every kind of query finds the person (speed is a gaidesk-bench row)")
  func speed() throws {
    // 20k visitors drawn from a pool of 6k name words (real offices repeat names a lot). In a release build
    // the same code answers at 200k visitors with p99 under 5 ms (see the report); debug builds are far slower.
    var state = OfficeState()
    var random = SystemRandomNumberGenerator()
    let syllables = [
      "ma", "fa", "tou", "di", "al", "lo", "sa", "ba", "ka", "mo", "ne", "ri", "go", "an", "ta", "se",
      "li", "du", "na", "ke", "bo", "yi", "ze", "ou", "ch", "ie", "ra", "me", "no", "pa",
    ]
    let pool = (0..<6000).map { _ in
      (0..<Int.random(in: 2...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }
        .joined().capitalized
    }
    var names: [String] = []
    for chunk in 0..<20 {
      var events: [Event] = []
      for i in 0..<1000 {
        let name = (0..<3).map { _ in pool.randomElement(using: &random)! }.joined(separator: " ")
        var visitor = Visitor(id: "V-T-\(chunk * 1000 + i)", fullName: name)
        visitor.phone = "+238 9\(Int.random(in: 100000...999999, using: &random))"
        names.append(name)
        events.append(.visitorRegistered(visitor))
      }
      state.apply(
        EventBatch(staff: "Ana", office: "praia", events: events), time: WallTime(milliseconds: UInt64(chunk))
      )
    }
    let search = VisitorSearch(state: state)
    for index in 0..<100 {
      let name = names[index * 613 % names.count]
      let words = name.split(separator: " ").map(String.init)
      var typo = Array(words[0])
      if typo.count > 4 { typo.swapAt(1, 2) }
      let queries = [
        String(words[1].prefix(3)), words[2] + " " + String(typo), name.lowercased(),
        String(words[0].prefix(1)),
      ]
      for query in queries {
        #expect(!search.find(query, in: state).isEmpty, "\(query)")
      }
      #expect(search.find(name, in: state).first.map { state.visitors[$0.visitorID]!.fullName } == name)
    }
    // How fast is measured by gaidesk-bench's search rows against fzf, not here (a loaded machine is slow).
  }

  @Test("one letter typed alone ranks as the whole walk would: exact letter first, shorter names, newest")
  func oneLetter() throws {
    var state = OfficeState()
    var random = SeededRandom(seed: 26)
    let syllables = [
      "ma", "fa", "tou", "di", "al", "lo", "sa", "ba", "ka", "mo", "ne", "ri", "go", "an", "ze",
    ]
    let initials = ["A.", "M", "B", "Z."]
    let cyrillic = ["Мария", "Борис", "Анна", "Зоя"]
    func word() -> String {
      (0..<Int.random(in: 1...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }
        .joined().capitalized
    }
    var ids: [String] = []
    for chunk in 0..<6 {
      var events: [Event] = []
      for i in 0..<500 {
        var name = (0..<Int.random(in: 1...4, using: &random)).map { _ in word() }
        switch Int.random(in: 0..<10, using: &random) {
        case 0: name.insert(initials.randomElement(using: &random)!, at: 1)
        case 1: name[0] = cyrillic.randomElement(using: &random)!
        default: break
        }
        var visitor = Visitor(id: "V-L-\(chunk * 500 + i)", fullName: name.joined(separator: " "))
        if Int.random(in: 0..<5, using: &random) == 0 { visitor.aliases = [word() + " " + word()] }
        ids.append(visitor.id)
        events.append(.visitorRegistered(visitor))
      }
      // Some records merged into others (hidden from search).
      for _ in 0..<40 {
        let pair = ids.shuffled(using: &random).prefix(2)
        events.append(.visitorsMerged(keep: pair.first!, other: pair.last!))
      }
      state.apply(
        EventBatch(staff: "Ana", office: "praia", events: events), time: WallTime(milliseconds: UInt64(chunk))
      )
    }
    let search = VisitorSearch(state: state)
    // The oracle: every visible visitor with a word starting with the letter, ranked by score (0 when a word
    // is the letter alone), then words in the full name, then the most recent first.
    for letter in "abdfgkmnrstz" {
      let typed = String(letter)
      var ranked: [(id: String, score: Int, words: Int, order: Int)] = []
      for (order, id) in state.visitorOrder.enumerated() {
        guard let visitor = state.visitors[id], visitor.mergedInto == nil else { continue }
        let texts = [visitor.fullName] + visitor.aliases
        let words =
          texts.flatMap(SearchText.tokens) + texts.compactMap(SearchText.latin).flatMap(SearchText.tokens)
        guard words.contains(where: { $0.hasPrefix(typed) }) else { continue }
        ranked.append(
          (id, words.contains(typed) ? 0 : 1, SearchText.tokens(visitor.fullName).count, order))
      }
      ranked.sort { ($0.score, $0.words, -$0.order) < ($1.score, $1.words, -$1.order) }
      for limit in [1, 20, 127, 300] {
        let hits = search.find(typed.uppercased(), in: state, limit: limit)
        #expect(hits.map(\.visitorID) == ranked.prefix(limit).map(\.id), "\(typed) limit \(limit)")
        #expect(hits.map(\.score) == ranked.prefix(limit).map(\.score), "\(typed) limit \(limit)")
      }
      #expect(ranked.count > 300, "\(typed): \(ranked.count)")
    }
  }
}
