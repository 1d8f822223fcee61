import Crypto
import Foundation
@_spi(Testing) import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// Names as a Cabo Verde front desk sees them: Guinea-Bissau, Senegal, Guinea, Nigeria, Portugal and Cabo Verde,
/// Brazil, China, Russia and Ukraine; a few in their own script.
enum SearchNames {
  static let first = [
    "Amadú", "Fatumata", "Mamadú", "Aissatú", "Ibrahima", "Mariama", "Ousmane", "Adama", "Abdoulaye",
    "Kadiatou",
    "Samba", "Djeneba", "Seydou", "Hawa", "Lamine", "Binta", "Aminata", "Boubacar", "Sadjo", "Braima",
    "Umaro",
    "Cadi", "Nfamara", "Quintino", "Domingos", "Mamadou", "Cheikh", "Khadija", "Moussa", "Awa", "Chinedu",
    "Ngozi", "Emeka", "Blessing", "Oluwaseun", "Adebayo", "Chiamaka", "Ifeoma", "Tunde", "Folake", "Uche",
    "Nkechi", "Babatunde", "João", "Maria", "José", "Ana", "António", "Francisca", "Carlos", "Luísa", "Pedro",
    "Rosa", "Mariana", "Ernesto", "Célia", "Gonçalo", "Inês", "Tomás", "Conceição", "Fátima", "Joana",
    "Lúcia",
    "Wei", "Li", "Xiaoming", "Mei", "Jing", "Hao", "Yan", "Jun", "Lei", "Fang", "Ivan", "Olga", "Sergei",
    "Natalia", "Dmitri", "Tatiana", "Yelena", "Aleksandr", "Svetlana", "Mikhail", "Oksana", "Andriy",
  ]
  static let last = [
    "Baldé", "Djaló", "Embaló", "Sané", "Diallo", "Camará", "Mendes", "Gomes", "Tavares", "Semedo",
    "Fernandes",
    "Lopes", "Monteiro", "Okafor", "Adeyemi", "Nwosu", "Okonkwo", "Eze", "Touré", "Keita", "Traoré",
    "Coulibaly",
    "Sow", "Bâ", "Ndiaye", "Fall", "Diop", "Mbaye", "Gueye", "Seck", "Zhang", "Chen", "Wang", "Liu", "Huang",
    "Zhao", "da Silva", "dos Santos", "Correia", "Varela", "Cabral", "Pereira", "Gonçalves", "Conceição",
    "Évora",
    "Brito", "Rodrigues", "Ivanova", "Smirnov", "Petrova", "Kuznetsov", "Popova", "Sokolov", "Volkova",
    "Shevchenko", "Nhaga", "Indjai", "Cassamá", "Mané", "Sambú", "Có", "Na Tchuda", "Furtado", "Spencer",
  ]
  /// Names in their own script (about 3 % of visitors).
  static let native = [
    "Мария Иванова", "Иван Петров", "Ольга Смирнова", "Сергей Кузнецов", "王伟", "李娜", "张敏", "陈静", "刘洋",
  ]
}

/// The 200k-visitor office for the search benchmark, built through `OfficeState.apply`.
func searchState(visitors count: Int, seed: UInt64 = 7) -> OfficeState {
  var random = SeededRandom(seed: seed)
  func pick(_ values: [String]) -> String { values[Int(random.next() % UInt64(values.count))] }
  func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) < p * 10_000 }
  var state = OfficeState()
  let start: UInt64 = 1_704_186_000_000
  state.apply(
    EventBatch(staff: "ana", office: "praia", events: [.officeCreated(office: "praia")]),
    time: WallTime(milliseconds: start))
  var registered = 0
  var batchNumber: UInt64 = 0
  while registered < count {
    var events: [Event] = []
    for _ in 0..<min(1000, count - registered) {
      let name: String
      if chance(0.03) {
        name = pick(SearchNames.native)
      } else if chance(0.5) {
        name = "\(pick(SearchNames.first)) \(pick(SearchNames.last)) \(pick(SearchNames.last))"
      } else if chance(0.5) {
        name = "\(pick(SearchNames.first)) \(pick(SearchNames.first)) \(pick(SearchNames.last))"
      } else {
        name = "\(pick(SearchNames.first)) \(pick(SearchNames.last))"
      }
      var visitor = Visitor(id: "V-S-\(registered)", fullName: name)
      if chance(0.15) { visitor.aliases = ["\(pick(SearchNames.first)) \(pick(SearchNames.last))"] }
      if chance(0.8) {
        visitor.phone = "+238 9\(random.next() % 10)\(random.next() % 10) \(1000 + random.next() % 9000)"
      }
      if chance(0.6) {
        visitor.document = IdentityDocument(type: "passport", number: "P\(100_000 + random.next() % 900_000)")
      }
      events.append(.visitorRegistered(visitor))
      registered += 1
    }
    batchNumber += 1
    state.apply(
      EventBatch(staff: "ana", office: "praia", events: events),
      time: WallTime(milliseconds: start + batchNumber * 1000))
  }
  return state
}

/// Lower case without accents (what a receptionist types on a keyboard without them).
func foldAccents(_ text: String) -> String {
  text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
}

/// The query classes: what is typed, and the name it is meant to find (nil for prefixes).
struct SearchQueries {
  var prefixes: [String] = []
  var accentFree: [(query: String, name: String)] = []
  var typos: [(query: String, name: String)] = []

  init(state: OfficeState, names: Int, seed: UInt64 = 11) {
    var random = SeededRandom(seed: seed)
    let latin = state.visitorOrder.compactMap { state.visitors[$0]?.fullName }
      .filter { name in name.unicodeScalars.allSatisfy { $0.value < 0x250 } }
    func pickName() -> String { latin[Int(random.next() % UInt64(latin.count))] }
    // Keystrokes of a real name: 1…5 letters of its first word, and of its last word.
    for i in 0..<names {
      let words = pickName().split(separator: " ")
      let word = String(i % 2 == 0 ? words[0] : words[words.count - 1])
      for length in 1...5 where length <= word.count { prefixes.append(String(word.prefix(length))) }
    }
    // Accented names typed without their accents.
    let accented = latin.filter { foldAccents($0) != $0.lowercased() }
    for _ in 0..<names {
      let name = accented[Int(random.next() % UInt64(accented.count))]
      accentFree.append((foldAccents(name), name))
    }
    // One typo (substitution, deletion, insertion or transposition) in a word of 4+ letters.
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    while typos.count < names {
      let name = pickName()
      var words = foldAccents(name).split(separator: " ").map { Array($0) }
      let long = words.indices.filter { words[$0].count >= 4 }
      guard let w = long.isEmpty ? nil : long[Int(random.next() % UInt64(long.count))] else { continue }
      var word = words[w]
      let at = 1 + Int(random.next() % UInt64(word.count - 1))
      switch random.next() % 4 {
      case 0:
        let old = word[at]
        let others = letters.filter { $0 != old }
        word[at] = others[Int(random.next() % UInt64(others.count))]
      case 1: word.remove(at: at)
      case 2: word.insert(letters[Int(random.next() % 26)], at: at)
      default:
        if at + 1 < word.count { word.swapAt(at, at + 1) } else { word.swapAt(at - 1, at) }
      }
      guard word != words[w] else { continue }
      words[w] = word
      typos.append((words.map { String($0) }.joined(separator: " "), name))
    }
  }
}

/// A ratio far below 1, with enough digits to read.
func format(smallRatio ratio: Double) -> String { String(format: "%.4f×", ratio) }

/// How long `fzf --filter QUERY` takes as a whole process over `file`, or nil when fzf is missing.
func fzfExecutable() -> String? {
  for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
    let path = String(folder) + "/fzf"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

func timeFzf(_ fzf: String, query: String, file: String) throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: fzf)
  process.arguments = ["--filter", query]
  guard let input = FileHandle(forReadingAtPath: file) else { fail("cannot read \(file)") }
  process.standardInput = input
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  let start = now()
  try process.run()
  process.waitUntilExit()
  let elapsed = now() - start
  try? input.close()
  // fzf exits 1 when nothing matches (typos): still a full run.
  guard process.terminationStatus <= 1 else { fail("fzf exited with \(process.terminationStatus)") }
  return elapsed
}

func fzfVersion(_ fzf: String) -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: fzf)
  process.arguments = ["--version"]
  let pipe = Pipe()
  process.standardOutput = pipe
  guard (try? process.run()) != nil else { return "?" }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? "?"
}

/// Search as you type over `visitors` visitors, in the process, against `fzf --filter` as a whole process.
func searchSection(_ report: inout Report, directory: String, visitors: Int, repeats: Int, fzfQueries: Int)
  throws
{
  note("search: building an office of \(formatCount(visitors)) visitors…")
  let state = searchState(visitors: visitors)
  var search = VisitorSearch()
  let buildTime = measure { search = VisitorSearch(state: state) }
  let queries = SearchQueries(state: state, names: 200)
  let section = "search as you type (\(visitors) visitors, \(search.distinctWords) distinct words, limit 20)"
  report.add(
    section, "index build (once, at opening)", measured: format(seconds: buildTime),
    figures: ["seconds": buildTime, "distinct_words": Double(search.distinctWords)])
  // The index as the office keeps it in its sealed cache, written for the snapshot the office is loaded from
  // (its basis). A warm opening from that snapshot loads it and checks only the visitors the records folded
  // since touched: here 1000 visitors of the base state (the most records an opening folds before it writes
  // the snapshot again), found among the documents and fingerprinted. The peer is the same file under
  // another basis (another snapshot, or none): every visitor checked.
  let indexFile = directory + "/search-index.bin"
  let key = SymmetricKey(size: .bits256)
  let order = state.visitorOrder
  let tag = Array(SHA256.hash(data: Array("bench base".utf8)))
  let basis = SearchBasis(tag: tag, visitors: order.count)
  search.update(with: state, basis: basis)
  try SearchIndexFile.save(search, file: indexFile, masterKey: key)
  let touched = Set(
    stride(from: 0, to: order.count, by: max(1, order.count / 1000)).prefix(1000).map { order[$0] })
  let touchedBasis = SearchBasis(tag: tag, visitors: order.count, touched: touched)
  var loaded: VisitorSearch?
  var checked = 0
  let loadTime = measure {
    loaded = SearchIndexFile.load(file: indexFile, keys: [key])
    _ = loaded?.update(with: state, basis: touchedBasis)
  }
  checked = loaded?.checkedLastUpdate ?? 0
  let otherTime = measure {
    var other = SearchIndexFile.load(file: indexFile, keys: [key])
    _ = other?.update(with: state)
  }
  let fileSize = Double(FileIO.size(indexFile) ?? 0)
  if let loaded, loaded.count == search.count, checked <= touched.count {
    report.add(
      section, "search index load, warm (persisted; same snapshot, 1000 visitors touched since)",
      measured: format(seconds: loadTime) + " (" + String(format: "%.1f", fileSize / 1_048_576)
        + " MB sealed)",
      reference: "build " + format(seconds: buildTime), ratio: String(format: "%.3f×", loadTime / buildTime),
      target: "≤ 100 ms", ok: loadTime <= 0.1,
      figures: [
        "seconds": loadTime, "file_bytes": fileSize, "vs_build": loadTime / buildTime,
        "checked": Double(checked),
      ])
    report.add(
      section, "search index load, warm, another snapshot (every visitor checked)",
      measured: format(seconds: otherTime), reference: "same snapshot " + format(seconds: loadTime),
      ratio: String(format: "%.2f×", otherTime / loadTime),
      figures: ["seconds": otherTime, "vs_same_snapshot": otherTime / loadTime])
    // The searches below run on the loaded index (the one a warm opening uses).
    search = loaded
  } else {
    report.notes.append("search: the index written to its cache did not load back")
  }

  // fzf reads the same names, one a line.
  let namesFile = directory + "/search-names.txt"
  let names = state.visitorOrder.compactMap { state.visitors[$0]?.fullName }
  try (names.joined(separator: "\n") + "\n").write(toFile: namesFile, atomically: true, encoding: .utf8)
  let fzf = fzfExecutable()
  if fzf == nil {
    report.notes.append("search: fzf not found (apt-get install -y fzf), the fzf column is left empty")
  }

  // Warm-up: a few of each class.
  let warmUp: [String] =
    Array(queries.prefixes.prefix(20)) + queries.accentFree.prefix(10).map(\.query)
    + queries.typos.prefix(10).map(\.query)
  for q in warmUp {
    _ = search.find(q, in: state, limit: 20)
  }
  let classes: [(label: String, queries: [String], expected: [String]?)] = [
    ("prefixes of 1–5 letters", queries.prefixes, nil),
    ("accent-free (joao for João)", queries.accentFree.map(\.query), queries.accentFree.map(\.name)),
    ("one typo", queries.typos.map(\.query), queries.typos.map(\.name)),
  ]
  for cls in classes {
    note("search: \(cls.queries.count) \(cls.label) queries × \(repeats)…")
    var times: [Double] = []
    var byLength: [Int: [Double]] = [:]
    var found = 0
    for round in 0..<repeats {
      for (i, q) in cls.queries.enumerated() {
        var hits: [VisitorSearch.Hit] = []
        let t = measure { hits = search.find(q, in: state, limit: 20) }
        times.append(t)
        if cls.expected == nil { byLength[q.count, default: []].append(t) }
        if round == 0, let expected = cls.expected?[i] {
          let folded = foldAccents(expected)
          if hits.contains(where: { state.visitors[$0.visitorID].map { foldAccents($0.fullName) } == folded })
          {
            found += 1
          }
        }
      }
    }
    let stats = Stats(times)
    if !byLength.isEmpty {
      let parts = byLength.keys.sorted().map { n in
        let s = Stats(byLength[n]!)
        return "\(n) letter\(n == 1 ? "" : "s") " + format(seconds: s.p50) + " / " + format(seconds: s.p99)
      }
      report.notes.append("search, prefixes p50 / p99 by length: " + parts.joined(separator: ", "))
    }
    var fzfStats: Stats?
    if let fzf {
      // An even spread of the class (prefixes: every length).
      let step = max(1, cls.queries.count / fzfQueries)
      let sample = stride(from: 0, to: cls.queries.count, by: step).prefix(fzfQueries).map { cls.queries[$0] }
      note("search: fzf --filter over \(sample.count) \(cls.label) queries…")
      fzfStats = Stats(try sample.map { try timeFzf(fzf, query: $0, file: namesFile) })
    }
    let label = cls.label
    var figures = ["p50_s": stats.p50, "p99_s": stats.p99, "queries": Double(cls.queries.count)]
    if let f = fzfStats {
      figures["fzf_p50_s"] = f.p50
      figures["fzf_p99_s"] = f.p99
    }
    if cls.expected != nil { figures["found_rate"] = Double(found) / Double(cls.queries.count) }
    let fzfRef = fzfStats.map { "fzf --filter " + format(seconds: $0.p50) } ?? "fzf missing"
    report.add(
      section, "\(label) p50", measured: format(seconds: stats.p50), reference: fzfRef,
      ratio: fzfStats.map { format(smallRatio: stats.p50 / $0.p50) } ?? "", target: "≤ 0.05× fzf",
      ok: fzfStats.map { stats.p50 <= $0.p50 / 20 }, figures: figures)
    let p99OK = stats.p99 < 0.005 && (fzfStats.map { stats.p99 <= $0.p50 / 20 } ?? true)
    report.add(
      section, "\(label) p99", measured: format(seconds: stats.p99), reference: fzfRef,
      ratio: fzfStats.map { format(smallRatio: stats.p99 / $0.p50) } ?? "", target: "< 5 ms, ≤ 0.05× fzf",
      ok: p99OK)
    if cls.expected != nil {
      report.notes.append(
        String(
          format: "search, %@: the intended name is among the 20 hits for %d of %d queries", label, found,
          cls.queries.count))
    }
  }
  if let fzf {
    report.notes.append(
      "search: fzf \(fzfVersion(fzf)), `fzf --filter QUERY < \(namesFile)` per query (process start included), \(fzfQueries) queries per class"
    )
  }
}
