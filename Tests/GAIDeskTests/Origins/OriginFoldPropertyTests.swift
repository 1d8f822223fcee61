import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// The state is a function of the set of records: several origins write random commands with their own
/// clocks, and the records reach an office in random interleavings (each origin's order kept), in random
/// chunks, with random folder names, sometimes across a warm reopening. The state's digest (lists and
/// histories included) must equal the canonical fold's, a cold rebuild's and a warm opening's.
@Suite struct OriginFoldPropertyTests {
  /// 500 cases in `swift test`; `GAIDESK_PROPERTY_CASES` sets more (scripts/property-long.sh).
  @Test func everyInterleavingFoldsToTheCanonicalState() throws {
    var reopened = 0
    var returned = 0
    let refolds = try runPropertyCases("GAIDESK_PROPERTY_CASES", count: 500, seed: 20_261_130) {
      try runCase(&$0, label: $1, reopened: &reopened, returned: &returned)
    }
    // The random deliveries do send records that belong before others already folded.
    #expect(refolds > 0)
    // Some undone leaves do put a visit back in the queue (the others are ignored by the same rule).
    #expect(reopened > 0)
    // Some undone calls do put a visit back in the queue (the others name a call that is no longer the visit's).
    #expect(returned > 0)
  }

  /// One case; returns how many times the office had to fold again, and counts in `reopened` the leaves
  /// and in `returned` the calls the canonical fold undid.
  private func runCase(
    _ random: inout SeededRandom, label: String, reopened: inout Int, returned: inout Int
  ) throws -> Int {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let keyring = office.keyringForVerification
    let script = RandomScript(&random, origins: Int.random(in: 3...5, using: &random))

    // Each origin writes its records in a folder of its own (its clock sees only its own records).
    let logs = try OriginRecords.write(
      script.records.map { $0.map { ($0.date, $0.events) } }, keyring: keyring, scratch: dir.path)

    // The canonical fold: every record, sorted by (clock, origin, sequence).
    var canonical = OfficeState()
    canonical.office = "praia"
    var entries: [JournalEntry] = []
    try office.journal.replay { entries.append($0) }  // the office's first record: its accounts
    for log in logs {
      for frame in log.frames {
        let record = try #require(
          SegmentScanner(bytes: frame, base: 0, origin: log.origin).scan().records.first)
        entries.append(JournalEntry(header: record.header, content: try #require(keyring.open(record))))
      }
    }
    for entry in entries.sorted(by: { $0.key < $1.key }) {
      let batch = try EventCodec.decode(entry.payload)
      let left = Set(canonical.visits.values.filter { $0.status == .left }.map(\.id))
      let called = Set(canonical.visits.values.filter { $0.status == .called }.map(\.id))
      canonical.apply(batch, time: entry.content.wall)
      for case .visitReopened(let id, _) in batch.events where left.contains(id) {
        if canonical.visits[id]?.status != .left { reopened += 1 }
      }
      for case .visitReturned(let id, _) in batch.events where called.contains(id) {
        if canonical.visits[id]?.status == .waiting { returned += 1 }
      }
    }
    let expected = digest(canonical)

    // Delivery: a random interleaving keeping each origin's order, in chunks, refreshing in between.
    var positions = [Int](repeating: 0, count: logs.count)
    var live = office
    for log in logs {
      let folder = dir.path + "/journal/" + log.origin.hex
      try FileIO.makeDirectory(folder)
      try Data(log.header).write(to: URL(fileURLWithPath: folder + "/" + SegmentFormat.fileName(index: 1)))
    }
    var reopenedWarm = false
    while positions.indices.contains(where: { positions[$0] < logs[$0].frames.count }) {
      let chunk = Int.random(in: 1...6, using: &random)
      for _ in 0..<chunk {
        let open = positions.indices.filter { positions[$0] < logs[$0].frames.count }
        guard let pick = open.randomElement(using: &random) else { break }
        let log = logs[pick]
        let file = dir.path + "/journal/" + log.origin.hex + "/" + SegmentFormat.fileName(index: 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(log.frames[positions[pick]]))
        try handle.close()
        positions[pick] += 1
      }
      try live.refresh()
      if !reopenedWarm && Int.random(in: 0..<8, using: &random) == 0 {
        // Close and open again from the snapshot in the middle of the delivery.
        live.saveSnapshot()
        live = try TestOffice.reopen(dir)
        reopenedWarm = true
      }
    }
    try live.refresh()
    #expect(digest(live.state) == expected, "\(label): delivered")
    #expect(live.damage.isEmpty, "\(label): \(live.damage)")

    // In chunks of any size: the state crosses chunk boundaries at random places.
    live.saveSnapshot(chunkSize: Int.random(in: 1...4096, using: &random))
    let warm = try TestOffice.reopen(dir)
    #expect(warm.openedFromSnapshot, "\(label)")
    #expect(digest(warm.state) == expected, "\(label): warm opening")
    try FileManager.default.removeItem(atPath: dir.path + "/cache")
    let cold = try TestOffice.reopen(dir)
    #expect(!cold.openedFromSnapshot)
    #expect(digest(cold.state) == expected, "\(label): cold rebuild")
    return live.refolds + office.refolds
  }
}

/// SHA-256 of the whole state as the snapshot encodes it (every list in its order).
func digest(_ state: OfficeState) -> [UInt8] {
  var writer = ByteWriter(capacity: 4096)
  StateCodec.encode(state, into: &writer)
  return Array(SHA256.hash(data: writer.bytes))
}

/// Random commands of several origins, each record with the wall time of its origin's clock (skewed per
/// origin, now and then set back). Commands refer to entities any origin created, so updates often reach
/// an office before the thing they update.
struct RandomScript {
  struct Record {
    var date: Date
    var events: [Event]
  }

  var records: [[Record]]

  init(_ random: inout SeededRandom, origins: Int) {
    records = Array(repeating: [], count: origins)
    var clocks = (0..<origins).map { _ in
      1_795_000_000 + Double(Int.random(in: -7200...7200, using: &random))
    }
    var visitors: [String] = []
    var visits: [String] = []
    var referrals: [String] = []
    var followUps: [String] = []
    var leaves: [(visit: String, at: WallTime)] = []
    var calls: [(visit: String, at: WallTime)] = []
    var counter = 0
    func newID(_ kind: String, _ origin: Int) -> String {
      counter += 1
      return "\(kind)-\(origin)-\(counter)"
    }
    let names = [
      "Awa Ndiaye", "Kofi Mensah", "Lin Wei", "Мария Иванова", "João Gonçalves", "Fatoumata Diallo",
    ]
    let topics = ["residence.renewal", "integration.health", "entry.visa-information"]
    for _ in 0..<Int.random(in: 12...30, using: &random) {
      let origin = Int.random(in: 0..<origins, using: &random)
      clocks[origin] += Double(Int.random(in: -120...900, using: &random))
      let date = Date(timeIntervalSince1970: clocks[origin])
      var events: [Event] = []
      for _ in 0..<Int.random(in: 1...2, using: &random) {
        let pick = Int.random(in: 0..<18, using: &random)
        switch pick {
        case 0...1:
          let id = newID("V", origin)
          var visitor = Visitor(id: id, fullName: names.randomElement(using: &random)!)
          visitor.nationality = ["SN", "GH", "CN", "RU"].randomElement(using: &random)
          visitors.append(id)
          events.append(.visitorRegistered(visitor))
        case 2 where !visitors.isEmpty:
          var visitor = Visitor(
            id: visitors.randomElement(using: &random)!, fullName: names.randomElement(using: &random)!)
          visitor.languages = [["fr"], ["pt", "en"], ["wo"]].randomElement(using: &random)!
          events.append(
            .visitorUpdated(
              visitor, fields: VisitorFields(rawValue: UInt32.random(in: 0...0x7FF, using: &random)),
              base: Int.random(in: 0...2, using: &random)))
        case 3 where !visitors.isEmpty:
          let consent = Consent(
            granted: Bool.random(using: &random), date: LocalTime.day(date), recordedBy: "staff \(origin)")
          events.append(
            .consentRecorded(
              visitorID: visitors.randomElement(using: &random)!, store: consent, share: consent))
        case 4...5 where !visitors.isEmpty:
          let id = newID("T", origin)
          visits.append(id)
          events.append(
            .visitArrived(
              visitID: id, visitorID: visitors.randomElement(using: &random)!, day: LocalTime.day(date),
              number: Int.random(in: 1...40, using: &random)))
        case 6 where !visits.isEmpty:
          let visit = visits.randomElement(using: &random)!
          calls.append((visit, WallTime(date)))
          events.append(.visitCalled(visitID: visit, desk: "\(origin + 1)"))
        case 7 where !visits.isEmpty:
          events.append(
            .visitClosed(
              visitID: visits.randomElement(using: &random)!, topics: [topics.randomElement(using: &random)!],
              outcome: "ok \(origin)", note: nil))
        case 8 where !visits.isEmpty:
          let visit = visits.randomElement(using: &random)!
          leaves.append((visit, WallTime(date)))
          events.append(.visitLeft(visitID: visit))
        case 15 where !leaves.isEmpty:
          // Undo a leave of any origin (often one this origin has not seen, or too late, or undone already).
          let leave = leaves.randomElement(using: &random)!
          events.append(.visitReopened(visitID: leave.visit, leftAt: leave.at))
        case 17 where !calls.isEmpty:
          // Undo a call of any origin (often one this origin has not seen, or one served, left or called
          // again since).
          let call = calls.randomElement(using: &random)!
          events.append(.visitReturned(visitID: call.visit, calledAt: call.at))
        case 9 where !visitors.isEmpty:
          let id = newID("R", origin)
          referrals.append(id)
          events.append(
            .referralCreated(
              referralID: id, visitorID: visitors.randomElement(using: &random)!, partner: "def",
              topic: topics[0], due: nil, note: nil, visitID: visits.randomElement(using: &random)))
        case 10 where !referrals.isEmpty:
          events.append(
            .referralChanged(
              referralID: referrals.randomElement(using: &random)!,
              status: ReferralStatus.allCases.randomElement(using: &random)!, reason: nil, note: nil))
        case 11 where !visitors.isEmpty:
          let id = newID("F", origin)
          followUps.append(id)
          events.append(
            .followUpAdded(
              followUpID: id, visitorID: visitors.randomElement(using: &random)!, on: LocalTime.day(date),
              note: "call back"))
        case 12 where !followUps.isEmpty:
          events.append(.followUpDone(followUpID: followUps.randomElement(using: &random)!))
        case 13 where visitors.count >= 2:
          let pair = visitors.shuffled(using: &random).prefix(2)
          events.append(
            Bool.random(using: &random)
              ? .visitorsMerged(keep: pair.first!, other: pair.last!)
              : .visitorsUnmerged(keep: pair.first!, other: pair.last!))
        case 14:
          let code = ["def", "inps", "office-\(origin)"].randomElement(using: &random)!
          events.append(
            Bool.random(using: &random)
              ? .partnerUpdated(Partner(code: code, name: "Partner \(origin)", phone: "\(counter)"))
              : .partnerRetired(code: code))
        case 16:
          // Lock times: each field's latest change in canonical order wins (out-of-bounds values ignored).
          events.append(
            .lockTimesChanged(
              LockTimesChange(
                idleMinutes: Bool.random(using: &random) ? Int.random(in: 0...31, using: &random) : nil,
                wipeMinutes: Bool.random(using: &random) ? Int.random(in: 4...61, using: &random) : nil,
                sessionHours: Bool.random(using: &random) ? Int.random(in: 0...13, using: &random) : nil)))
        default:
          events.append(
            .sheetUpdated(
              KnowledgeSheet(
                topic: topics.randomElement(using: &random)!, reviewed: LocalTime.day(date),
                pt: SheetContent(tell: ["versão \(origin)-\(counter)"]))))
        }
      }
      records[origin].append(Record(date: date, events: events))
    }
  }
}
