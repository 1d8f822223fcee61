import Foundation
import GAIDesk
import ProcessTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension JournalTorture {
  /// Several processes append to one office; one of them is killed with SIGKILL at a random instant, again
  /// and again. After each kill, everything any process acknowledged is in the journal exactly once, and the
  /// office opens without damage.
  @Test func sigkillDuringConcurrentAppends() throws {
    let bench = try #require(
      Spawn.benchExecutable(),
      "gaidesk-bench is not built next to the tests (swift build --product gaidesk-bench)")
    let kills = Torture.count("TORTURE_KILLS", ci: 200, long: 5000)
    let workers = 3
    var random = SeededRandom(seed: Torture.seed("sigkill"))
    let scratch = Scratch("kill")
    defer { scratch.remove() }
    let root = scratch.path + "/office"
    _ = try TestOffice.create(root)
    try FileManager.default.createDirectory(atPath: scratch.path + "/acks", withIntermediateDirectories: true)
    let stderrPath = scratch.path + "/workers.stderr"

    var running: [(pid: pid_t, tag: Int)] = []
    var nextTag = 0
    func spawn() throws {
      nextTag += 1
      let pid = try Spawn.start(
        bench,
        [
          "append-worker", "--root", root, "--ack", scratch.path + "/acks/\(nextTag).txt", "--tag",
          String(nextTag),
          "--passphrase", Torture.passphrase,
        ], stderrPath: stderrPath)
      running.append((pid, nextTag))
    }
    // Acknowledgement files of dead workers no longer change: parse them once.
    var finished: [(name: String, id: String, tag: Int)] = []
    var finishedTags: Set<Int> = []
    func parse(_ tag: Int) -> [(name: String, id: String, tag: Int)] {
      guard let text = try? String(contentsOfFile: scratch.path + "/acks/\(tag).txt", encoding: .utf8) else {
        return []
      }
      return text.split(separator: "\n").compactMap { line in
        let parts = line.split(separator: " ")
        return parts.count == 2 ? (String(parts[0]), String(parts[1]), tag) : nil
      }
    }
    func acknowledged() -> [(name: String, id: String, tag: Int)] {
      let alive = Set(running.map(\.tag))
      for tag in 1...nextTag where !alive.contains(tag) && !finishedTags.contains(tag) {
        finished += parse(tag)
        finishedTags.insert(tag)
      }
      return finished + alive.sorted().flatMap(parse)
    }

    var killedWhileAppending = 0
    var checks = 0
    var opens = 0
    var checked: Set<String> = []
    var verifier = try TestOffice.open(root)
    let started = Date()
    for _ in 0..<workers { try spawn() }
    for kill in 0..<kills {
      // The oldest worker dies. Four kills in five wait until it has acknowledged an append (so they land in
      // the middle of appending), then a random 0–30 ms; the fifth lands anywhere, start-up and repair included.
      let victim = running.removeFirst()
      let ackFile = scratch.path + "/acks/\(victim.tag).txt"
      if kill % 5 != 4 {
        let deadline = Date().addingTimeInterval(5)
        while (FileIO.size(ackFile) ?? 0) == 0 && Date() < deadline { usleep(1_000) }
      }
      usleep(useconds_t(random.below(30_000)))
      let acksBefore = FileIO.size(ackFile) ?? 0
      Glibc.kill(victim.pid, SIGKILL)
      let status = ChildProcess.wait(victim.pid)
      if ChildProcess.signal(status) != SIGKILL {
        let log = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        Issue.record("worker \(victim.tag) ended on its own (status \(status)) before kill \(kill): \(log)")
        break
      }
      if acksBefore > 0 { killedWhileAppending += 1 }

      // Acknowledgements first, then the journal: whatever was acknowledged must already be there. A full
      // opening every tenth kill (and at the end); in between, the open office reads what was appended.
      let acks = acknowledged()
      if kill % 10 == 0 {
        verifier = try TestOffice.open(root)
        opens += 1
      } else {
        try verifier.refresh()
      }
      let office = verifier
      checks += 1
      #expect(office.damage.isEmpty, "damage after kill \(kill): \(office.damage)")
      #expect(!office.isReadOnly)
      var missing: [String] = []
      for ack in acks where !checked.contains(ack.name) {
        if office.state.visitors[ack.id]?.fullName == ack.name {
          checked.insert(ack.name)
        } else {
          missing.append(ack.name)
        }
      }
      #expect(missing.isEmpty, "acknowledged but not present after kill \(kill): \(missing.prefix(10))")
      if !missing.isEmpty || !office.damage.isEmpty { break }
      try spawn()
    }
    for worker in running {
      Glibc.kill(worker.pid, SIGKILL)
      _ = ChildProcess.wait(worker.pid)
    }

    // Final check: everything acknowledged, exactly once; every segment scans clean to its end.
    let acks = acknowledged()
    let office = try TestOffice.open(root)
    let counts = TestOffice.nameCounts(office)
    #expect(acks.allSatisfy { counts[$0.name] == 1 && office.state.visitors[$0.id]?.fullName == $0.name })
    let duplicated = counts.filter { $0.value > 1 }
    #expect(duplicated.isEmpty, "recorded twice: \(duplicated.keys.prefix(10))")
    #expect(office.damage.isEmpty)
    let origin = try TestOffice.origin(root)
    let scan = try scanClean(TestOffice.segments(root, origin: origin), origin: origin)
    #expect(scan.clean)
    #expect(scan.records == office.state.recordCount)
    let torn =
      (try? FileManager.default.contentsOfDirectory(atPath: root + "/journal/" + origin.hex + "/torn")) ?? []
    // Most kills must land while the victim was appending, or the test proves little.
    #expect(
      killedWhileAppending * 10 >= kills * 7,
      "only \(killedWhileAppending) of \(kills) kills hit a worker that had appended")
    Torture.figure(
      "sigkill: \(kills) kills of \(workers) concurrent appenders (\(killedWhileAppending) after the victim's first "
        + "acknowledged append), \(checks) checks (\(opens + 1) full openings), \(acks.count) acknowledged appends all present once, "
        + "\(office.state.recordCount) records, \(torn.count) torn tails repaired, "
        + String(format: "%.1f s", Date().timeIntervalSince(started)))
  }
}
