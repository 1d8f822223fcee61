import Foundation
import GAIDesk
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// One line of the results table (and of the JSON output).
struct Row: Codable {
  var section: String
  var what: String
  var measured: String
  var reference: String
  var ratio: String
  var target: String
  var verdict: String
  /// Raw figures for machines (seconds, bytes, rates).
  var figures: [String: Double]
}

/// What a benchmark section adds to the report.
struct Report {
  var rows: [Row] = []
  var notes: [String] = []

  mutating func add(
    _ section: String, _ what: String, measured: String, reference: String = "", ratio: String = "",
    target: String = "", ok: Bool? = nil, figures: [String: Double] = [:]
  ) {
    let verdict = ok.map { $0 ? "met" : "MISSED" } ?? ""
    rows.append(
      Row(
        section: section, what: what, measured: measured, reference: reference, ratio: ratio, target: target,
        verdict: verdict, figures: figures))
  }
}

let usage = """
  gaidesk-bench: durable appends and office opening against the physical limits and the peers.

  usage: gaidesk-bench [--dir DIR] [--only append,open,late,search,draw,reports,scan,bundle] [--appends N]
                       [--append-order shuffle|rotate|alone|mprfs] [--append-idle-us N]
                       [--sizes 10k,100k] [--million] [--repeats N] [--json FILE]

    --dir DIR       working folder (generated offices are kept there and reused; default /tmp/gaidesk-bench)
    --only LIST     sections to run: append, open, late, search, draw, reports, scan, bundle (default: all)
                    (bundle: export and import of the whole office of --bundle-events as one bundle, against
                    reading, copying and decrypting its segment files, with peak memory)
                    (late: one record of another origin arriving after everything, or a day before the
                    latest record so that the office folds everything again; per office size)
    --appends N     measured appends per contender (default 300, after 20 warm-up appends)
    --append-order O  shuffle (default: one append of each per round, in an order drawn each round),
                    rotate (the order rotated each round), alone (each contender's appends in a loop of
                    their own) or a fixed order of the letters m (with the mark), p (plain), r (raw),
                    f (floor), s (SQLite), e.g. prfsm
    --append-idle-us N  sleep N µs before each measured append (with --dir on a folder in memory: the
                    append's own cost when it starts cold, as after a sync on a disk)
    --sizes LIST    office sizes in events for the opening benchmark (default 10k,100k)
    --million       also 1M events (generation takes a few minutes the first time)
    --repeats N     child processes per opening (and late-record) scenario; median reported (default 3)
    --visitors N    visitors in the search benchmark's office (default 200k)
    --large N       events of the office drawn and reported on (default 1M; generated if missing)
    --bundle-events N  events of the office exported and imported as one bundle (default 1M)
    --json FILE     also write the rows as JSON
  """

// MARK: - Sections

func appendSection(
  _ report: inout Report, directory: String, count: Int, order: AppendOrder, idleMicroseconds: Int
) throws {
  note("durable append: \(count) interleaved appends per contender…")
  let r = try benchAppend(
    directory: directory, count: count, order: order, idleMicroseconds: idleMicroseconds)
  let section = "durable append (\(r.recordBytes) B record, n=\(r.count))"
  for (name, stats, key) in [
    ("append with mark", r.journal, "journal"), ("append (plain)", r.plain, "plain"),
  ] {
    for (percentile, value, limit) in [("p50", stats.p50, r.raw.p50), ("p99", stats.p99, r.raw.p99)] {
      let ratio = value / limit
      report.add(
        section, "\(name) \(percentile)", measured: format(seconds: value),
        reference: "raw write+fdatasync " + format(seconds: limit), ratio: format(ratio: ratio),
        target: "≤ 1.2× raw", ok: ratio <= 1.2,
        figures: [
          "\(key)_\(percentile)_s": value, "raw_\(percentile)_s": limit,
          "record_bytes": Double(r.recordBytes),
        ])
    }
  }
  // The floor: raw with the system calls an append with its mark must also make; what lies between it and
  // the append is the append's CPU.
  for (percentile, value, limit, floor) in [
    ("p50", r.floor.p50, r.raw.p50, r.journal.p50), ("p99", r.floor.p99, r.raw.p99, r.journal.p99),
  ] {
    report.add(
      section, "floor (raw + the append's other system calls) \(percentile)",
      measured: format(seconds: value),
      reference: "raw write+fdatasync " + format(seconds: limit), ratio: format(ratio: value / limit),
      target: "", ok: nil,
      figures: ["floor_\(percentile)_s": value, "journal_over_floor_\(percentile)": floor / value])
  }
  for (percentile, value, peer) in [
    ("p50", r.journal.p50, r.sqlite.p50), ("p99", r.journal.p99, r.sqlite.p99),
  ] {
    report.add(
      section, "append with mark vs SQLite \(r.sqliteVersion) WAL FULL \(percentile)",
      measured: format(seconds: value),
      reference: "SQLite " + format(seconds: peer), ratio: format(ratio: value / peer), target: "< 1× SQLite",
      ok: value < peer, figures: ["sqlite_\(percentile)_s": peer])
  }
  report.notes.append(
    String(
      format: "append means: with mark %@, plain %@, raw %@, floor %@, SQLite %@",
      format(seconds: r.journal.mean),
      format(seconds: r.plain.mean), format(seconds: r.raw.mean), format(seconds: r.floor.mean),
      format(seconds: r.sqlite.mean)))
}

func openSection(_ report: inout Report, directory: String, sizes: [Int], repeats: Int) throws {
  for size in sizes {
    note("opening: office of \(formatCount(size)) events…")
    let r = try benchOpen(directory: directory, events: size, repeats: repeats)
    let s = r.scenarios
    let section =
      "open \(formatCount(size)) (\(r.events) events, \(r.records) records, \(format(bytes: r.journalBytes)))"
    let read = s["read"]!, decrypt = s["decrypt"]!, unlock = s["unlock"]!, cold = s["cold"]!,
      warm = s["warm"]!
    let million = size >= 1_000_000
    // The key slot's scrypt is the passphrase's deliberate cost (the same in both opens): the rebuild's rate and
    // the warm open's limit are counted without it.
    let coldOwn = max(0, cold.seconds - unlock.seconds)
    let rebuildRate = Double(r.events) / max(coldOwn, 1e-9)
    let rebuildTarget: (rate: Double, text: String) = million ? (1_000_000, "1M") : (300_000, "300k")
    report.add(
      section, "read journal files (limit)", measured: format(seconds: read.seconds),
      reference: format(bytes: read.peakBytes) + " peak",
      figures: ["seconds": read.seconds, "peak_bytes": Double(read.peakBytes)])
    report.add(
      section, "decrypt without decoding (limit)", measured: format(seconds: decrypt.seconds),
      reference: format(rate: Double(r.events) / decrypt.seconds) + " events", ratio: "",
      figures: ["seconds": decrypt.seconds, "peak_bytes": Double(decrypt.peakBytes)])
    report.add(
      section, "key slot unlock (scrypt, in both opens)", measured: format(seconds: unlock.seconds),
      figures: ["seconds": unlock.seconds])
    report.add(
      section, "cold open (cache deleted, rebuilt)", measured: format(seconds: cold.seconds),
      reference: "decrypt " + format(seconds: decrypt.seconds),
      ratio: format(ratio: cold.seconds / decrypt.seconds),
      figures: ["seconds": cold.seconds, "peak_bytes": Double(cold.peakBytes)])
    report.add(
      section, "cold open without the key slot unlock", measured: format(seconds: coldOwn),
      reference: "unlock " + format(seconds: unlock.seconds), ratio: format(ratio: coldOwn / decrypt.seconds),
      target: "≥ \(rebuildTarget.text) events/s: " + format(rate: rebuildRate),
      ok: rebuildRate >= rebuildTarget.rate, figures: ["seconds": coldOwn, "events_per_s": rebuildRate])
    report.add(
      section, "warm open (cache present)", measured: format(seconds: warm.seconds),
      reference: "read " + format(seconds: read.seconds), ratio: format(ratio: warm.seconds / read.seconds),
      target: million ? "< 0.5 s" : "", ok: million ? warm.seconds < 0.5 : nil,
      figures: ["seconds": warm.seconds, "peak_bytes": Double(warm.peakBytes)])
    let warmOwn = max(0, warm.seconds - unlock.seconds)
    report.add(
      section, "warm open without the key slot unlock", measured: format(seconds: warmOwn),
      reference: "unlock " + format(seconds: unlock.seconds), target: million ? "≤ 0.2 s" : "",
      ok: million ? warmOwn <= 0.2 : nil, figures: ["seconds": warmOwn])
    if let readOnlyCold = s["readonly-cold"], let readOnlyWarm = s["readonly-warm"] {
      report.add(
        section, "read-only medium, 2nd open (user's cache)", measured: format(seconds: readOnlyWarm.seconds),
        reference: "1st open " + format(seconds: readOnlyCold.seconds),
        ratio: format(ratio: readOnlyWarm.seconds / readOnlyCold.seconds), target: "< 1× 1st open",
        ok: readOnlyWarm.seconds < readOnlyCold.seconds,
        figures: ["seconds": readOnlyWarm.seconds, "cold_seconds": readOnlyCold.seconds])
    }
    let peak = max(cold.peakBytes, warm.peakBytes)
    report.add(
      section, "peak memory (cold / warm)",
      measured: format(bytes: cold.peakBytes) + " / " + format(bytes: warm.peakBytes),
      target: million ? "< 400 MB" : "", ok: million ? peak < 400 << 20 : nil,
      figures: ["cold_peak_bytes": Double(cold.peakBytes), "warm_peak_bytes": Double(warm.peakBytes)])
    report.add(
      section, "held after the open, heap (cold / warm)",
      measured: format(bytes: cold.last.heldBytes) + " / " + format(bytes: warm.last.heldBytes),
      reference: "warm peak " + format(bytes: warm.peakBytes),
      figures: [
        "cold_held_bytes": Double(cold.last.heldBytes), "warm_held_bytes": Double(warm.last.heldBytes),
      ])
  }
}

/// Durable appends through the office in a large generated office: the cost of a command grows with the state.
func largeAppendSection(_ report: inout Report, directory: String, events: Int, count: Int) throws {
  let root = directory + "/office-" + formatCount(events)
  guard OfficePaths(root: root).exists else { return }
  note("durable append in the \(formatCount(events)) office: \(count) appends…")
  let office = try Office.open(at: OfficePaths(root: root), passphrase: benchPassphrase)
  var random = SeededRandom(seed: 9)
  var times: [Double] = []
  for i in 0..<(count + 5) {
    let form = benchForm(i, random: &random)
    let t = try measure { try office.registerVisitor(form, staff: "ana") }
    if i >= 5 { times.append(t) }
  }
  let stats = Stats(times)
  let section = "durable append in a large office (\(office.state.eventCount) events, n=\(count))"
  report.add(
    section, "GAIDesk journal p50 / p99",
    measured: format(seconds: stats.p50) + " / " + format(seconds: stats.p99),
    reference: "empty-office p50 above", target: "≤ 1.2× raw", ok: nil,
    figures: ["p50_s": stats.p50, "p99_s": stats.p99, "events": Double(office.state.eventCount)])
}

// Search (200k visitors vs fzf): SearchBench.swift. Drawing (queue/dashboard view + diff) and the day and
// month reports over the 1M office: LargeOfficeBench.swift.

// MARK: - Output

func printTable(_ report: Report) {
  let header = ["what", "measured", "against (same run)", "ratio", "target", ""]
  var sections: [String] = []
  for row in report.rows where !sections.contains(row.section) { sections.append(row.section) }
  var widths = header.map(\.count)
  for row in report.rows {
    for (i, cell) in [row.what, row.measured, row.reference, row.ratio, row.target, row.verdict].enumerated()
    {
      widths[i] = max(widths[i], cell.count)
    }
  }
  func render(_ cells: [String]) -> String {
    "| "
      + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
        separator: " | ") + " |"
  }
  for section in sections {
    print("\n**\(section)**\n")
    print(render(header))
    print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for row in report.rows where row.section == section {
      print(render([row.what, row.measured, row.reference, row.ratio, row.target, row.verdict]))
    }
  }
  print("")
  for text in report.notes { print("- " + text) }
}

func machineDescription() -> String {
  var name = utsname()
  uname(&name)
  let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  let cpu =
    (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }?
    .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "?"
  return
    "Linux \(release), \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), GAIDesk \(GAIDeskVersion.string)"
}

// MARK: - Main

let arguments = CommandLine.arguments
let command = arguments.count > 1 && !arguments[1].hasPrefix("-") ? arguments[1] : "run"
let options = Options(
  arguments.dropFirst(command == "run" ? 1 : 2), flags: ["million", "help", "sync-ack", "quiet"])

do {
  switch command {
  case "append-worker":
    try appendWorker(options)
  case "open-child":
    guard let root = options["root"], let mode = options["mode"] else {
      fail("open-child needs --root and --mode")
    }
    try openChild(root: root, mode: mode)
  case "late-child":
    guard let root = options["root"], let mode = options["mode"], let work = options["work"] else {
      fail("late-child needs --root, --mode and --work")
    }
    try lateChild(root: root, mode: mode, work: work)
  case "bundle-child":
    guard let root = options["root"], let mode = options["mode"], let work = options["work"] else {
      fail("bundle-child needs --root, --mode and --work")
    }
    try bundleChild(root: root, mode: mode, work: work)
  case "draw-child":
    guard let root = options["root"], let scene = options["scene"].flatMap(DrawScene.init(rawValue:)),
      let size = options["size"].map({ $0.split(separator: "x").compactMap { Int($0) } }), size.count == 2
    else {
      fail("draw-child needs --root, --scene queue|day|referrals|follow-ups and --size WxH")
    }
    try drawChild(
      root: root, scene: scene, size: Size(width: size[0], height: size[1]),
      frames: options.int("frames", default: 100))
  case "generate":
    guard let root = options["root"] else { fail("generate needs --root") }
    let total = try generateOffice(root: root, events: options.int("events", default: 10_000))
    print(total)
  case "run":
    if options.has("help") {
      print(usage)
      exit(0)
    }
    let directory = options["dir"] ?? "/tmp/gaidesk-bench"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let only = Set(
      (options["only"] ?? "append,open,late,search,draw,reports,scan,bundle").split(separator: ",").map(
        String.init))
    var sizes = (options["sizes"] ?? "10k,100k").split(separator: ",").map { text -> Int in
      guard let n = parseCount(String(text)) else { fail("bad size \(text)") }
      return n
    }
    if options.has("million") && !sizes.contains(1_000_000) { sizes.append(1_000_000) }
    var report = Report()
    let started = now()
    if only.contains("append") {
      let orderText = options["append-order"] ?? "shuffle"
      guard let order = AppendOrder(orderText) else {
        fail(
          "--append-order wants shuffle, rotate, alone or the five letters mprfs in some order, not \(orderText)"
        )
      }
      try appendSection(
        &report, directory: directory, count: options.int("appends", default: 300), order: order,
        idleMicroseconds: options.int("append-idle-us", default: 0))
    }
    if only.contains("open") {
      try openSection(
        &report, directory: directory, sizes: sizes, repeats: options.int("repeats", default: 3))
      if let largest = sizes.max() {
        try largeAppendSection(
          &report, directory: directory, events: largest, count: options.int("large-appends", default: 50))
      }
    }
    if only.contains("late") {
      try lateSection(
        &report, directory: directory, sizes: sizes, repeats: options.int("repeats", default: 3))
    }
    if only.contains("scan") {
      try scanSection(&report, directory: directory, repeats: options.int("repeats", default: 3))
    }
    if only.contains("bundle") {
      try bundleSection(
        &report, directory: directory, events: options.int("bundle-events", default: 1_000_000),
        repeats: options.int("repeats", default: 3))
    }
    if only.contains("search") {
      try searchSection(
        &report, directory: directory, visitors: options.int("visitors", default: 200_000),
        repeats: options.int("search-repeats", default: 3),
        fzfQueries: options.int("fzf-queries", default: 20))
    }
    if only.contains("draw") || only.contains("reports") {
      let large = try largeOfficeState(directory: directory, events: options.int("large", default: 1_000_000))
      if only.contains("reports") {
        reportsSection(&report, state: large, repeats: options.int("report-repeats", default: 10))
      }
      if only.contains("draw") {
        drawSection(&report, state: large, tickets: 60, frames: options.int("frames", default: 500))
      }
    }
    report.notes.append(machineDescription())
    report.notes.append(String(format: "bench folder %@, total %.0f s", directory, now() - started))
    printTable(report)
    if let path = options["json"] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      struct Output: Codable {
        var machine: String
        var date: String
        var rows: [Row]
        var notes: [String]
      }
      let output = Output(
        machine: machineDescription(), date: ISO8601DateFormatter().string(from: Date()), rows: report.rows,
        notes: report.notes)
      try encoder.encode(output).write(to: URL(fileURLWithPath: path))
    }
  default:
    print(usage)
    exit(2)
  }
} catch {
  fail("\(error)")
}
