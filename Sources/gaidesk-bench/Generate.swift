import Foundation
import GAIDesk

/// The passphrase of every generated office.
let benchPassphrase = "bench-passphrase-2024"

/// Realistic visitors and office days, as a Cabo Verde front desk sees them.
struct OfficeSimulator {
  static let firstNames = [
    "Amadú", "Fatumata", "Mamadou", "Aissatou", "Ibrahima", "Mariama", "Ousmane", "Adama", "Chinedu", "Ngozi",
    "João", "Maria", "José", "Ana", "António", "Francisca", "Wei", "Li", "Abdoulaye", "Kadiatou", "Samba",
    "Djeneba", "Moussa", "Awa", "Emeka", "Blessing", "Seydou", "Hawa", "Lamine", "Binta", "Carlos", "Luísa",
    "Pedro", "Rosa", "Yusuf", "Aminata", "Boubacar", "Mariana", "Ernesto", "Célia",
  ]
  static let lastNames = [
    "Baldé", "Djaló", "Embaló", "Sané", "Diallo", "Camará", "Mendes", "Gomes", "Tavares", "Semedo",
    "Fernandes",
    "Lopes", "Monteiro", "Okafor", "Adeyemi", "Nwosu", "Touré", "Keita", "Traoré", "Coulibaly", "Sow", "Bâ",
    "Ndiaye", "Fall", "Zhang", "Chen", "da Silva", "dos Santos", "Correia", "Varela", "Cabral", "Pereira",
  ]
  static let nationalities = ["GW", "SN", "NG", "GN", "ML", "CN", "ST", "AO", "BR", "PT", "GH", "SL", "CV"]
  static let languages = ["pt", "kea", "fr", "en", "wo", "ff", "mnk", "yo", "ig", "zh", "cri"]
  static let partners = ["ACIDI", "CRCV", "OIM", "ICIEG", "Caritas", "CVM", "INPS", "Ordem dos Advogados"]
  static let outcomes = ["informed", "documents checked", "form filled", "referred", "appointment booked"]
  static let notes = [
    "Trouxe passaporte e comprovativo de morada.",
    "Needs the criminal record certificate from the country of origin.",
    "Voltará na próxima semana com o contrato de trabalho.",
    "Explained the renewal fees and the deadline.",
    "A pessoa fala pouco português; atendimento em crioulo.",
  ]

  var random: SeededRandom
  let municipalities = ReferenceData.shipped.municipalities.map(\.code)
  let topics = ReferenceData.shipped.topics.map(\.code)
  var day = "2024-01-02"
  var ticket = 0
  var visitsToday = 0
  /// Visitors registered so far (ids), for returning visitors and referrals.
  var visitorIDs: [String] = []
  var waiting: [String] = []
  var called: [String] = []
  var referralIDs: [String] = []
  var events = 0

  init(seed: UInt64) { random = SeededRandom(seed: seed) }

  mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
  mutating func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) < p * 10_000 }

  mutating func visitor(id: String) -> Visitor {
    var visitor = Visitor(
      id: id, fullName: "\(pick(Self.firstNames)) \(pick(Self.lastNames)) \(pick(Self.lastNames))")
    if chance(0.15) { visitor.aliases = ["\(pick(Self.firstNames)) \(pick(Self.lastNames))"] }
    visitor.sex = pick(Sex.allCases)
    visitor.birthYear = 1950 + Int(random.next() % 56)
    visitor.nationality = pick(Self.nationalities)
    visitor.languages = [pick(Self.languages), "pt"]
    if chance(0.8) {
      visitor.phone = "+238 9\(random.next() % 10)\(random.next() % 10) \(1000 + random.next() % 9000)"
    }
    let municipality = pick(municipalities)
    visitor.municipality = municipality
    visitor.island = ReferenceData.shipped.municipality(municipality)?.island
    if chance(0.6) {
      visitor.document = IdentityDocument(type: "passport", number: "P\(100_000 + random.next() % 900_000)")
    }
    visitor.consentToStore = Consent(granted: true, date: day, recordedBy: "ana")
    visitor.consentToShare = Consent(granted: chance(0.7), date: day, recordedBy: "ana")
    return visitor
  }

  /// The simulated wall clock: office hours, a few minutes per command.
  var clock = Date(timeIntervalSince1970: 1_704_186_000)  // 2024-01-02 08:00 in Cabo Verde (UTC-1)

  /// Moves the clock on, and to the next morning when today's visits are done.
  mutating func tick() -> Date {
    clock += Double(30 + random.next() % 150)
    if visitsToday >= 60 + Int(random.next() % 60), waiting.isEmpty, called.isEmpty {
      let start =
        LocalTime.startMilliseconds(of: day).map { Double($0) / 1000 } ?? clock.timeIntervalSince1970
      day = LocalTime.adding(days: 1, to: day) ?? day
      clock = Date(timeIntervalSince1970: start + 86400 + 8 * 3600)
      ticket = 0
      visitsToday = 0
    }
    return clock
  }

  /// An id as `CommandContext.newID` makes it: kind, origin tag, record sequence.
  func newID(_ kind: String, _ stamp: RecordStamp) -> String {
    "\(kind)-\(stamp.origin.tag)-\(stamp.sequence)"
  }

  /// The events of the next command at the desk, with ids from `stamp`.
  mutating func nextCommand(_ stamp: RecordStamp) -> [Event] {
    var out: [Event]
    let roll = random.next() % 100
    if !called.isEmpty && (roll < 35 || waiting.isEmpty && roll < 70) {
      let visit = called.removeFirst()
      if chance(0.06) {
        out = [.visitLeft(visitID: visit)]
      } else {
        let topicCount = 1 + Int(random.next() % 2)
        out = [
          .visitClosed(
            visitID: visit, topics: (0..<topicCount).map { _ in pick(topics) }, outcome: pick(Self.outcomes),
            note: chance(0.4) ? pick(Self.notes) : nil)
        ]
        if chance(0.12), let visitor = visitorIDs.last {
          let id = newID("R", stamp)
          referralIDs.append(id)
          out.append(
            .referralCreated(
              referralID: id, visitorID: visitor, partner: pick(Self.partners), topic: pick(topics),
              due: LocalTime.adding(days: 14, to: day), note: chance(0.3) ? pick(Self.notes) : nil,
              visitID: visit))
        }
      }
    } else if !waiting.isEmpty && (roll < 70 || visitsToday > 200) {
      let visit = waiting.removeFirst()
      called.append(visit)
      out = [.visitCalled(visitID: visit, desk: "\(1 + random.next() % 4)")]
    } else if !referralIDs.isEmpty && roll < 74 {
      let referral = referralIDs.removeFirst()
      out = [.referralChanged(referralID: referral, status: .sent, reason: nil, note: nil)]
    } else {
      ticket += 1
      visitsToday += 1
      let visitID = newID("T", stamp)
      let visitorID: String
      if visitorIDs.count < 50 || chance(0.35) {
        visitorID = newID("V", stamp)
        visitorIDs.append(visitorID)
        out = [.visitorRegistered(visitor(id: visitorID))]
      } else {
        visitorID = visitorIDs[Int(random.next() % UInt64(visitorIDs.count))]
        out = []
      }
      out.append(.visitArrived(visitID: visitID, visitorID: visitorID, day: day, number: ticket))
      waiting.append(visitID)
    }
    events += out.count
    return out
  }
}

/// The simulator behind a reference, for the journal's `now` closure.
final class SimulatorBox {
  var simulator: OfficeSimulator
  init(_ simulator: OfficeSimulator) { self.simulator = simulator }
}

/// Creates (or reuses) an office of at least `events` events in `root`. Returns the number of events.
///
/// Records are appended through `Journal.append` (build, seal, write, one fdatasync per `batch` records) with
/// the events a front desk produces, dated over simulated office days. (Not through `Office.perform`: it copies
/// the whole state per record, which makes bulk generation quadratic — see BENCHMARKS.md.)
@discardableResult
func generateOffice(root: String, events target: Int, batch: Int = 500, quiet: Bool = false) throws -> Int {
  let paths = OfficePaths(root: root)
  let marker = root + "/bench-events.txt"
  if paths.exists, let text = try? String(contentsOfFile: marker, encoding: .utf8),
    let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), count >= target
  {
    return count
  }
  try? FileManager.default.removeItem(atPath: root)
  let start = now()
  let office = try Office.create(at: paths, office: "praia", passphrase: benchPassphrase, staff: "ana")
  let origin = office.origin
  let journal = try Journal(root: paths.journal, origin: origin, keyring: office.journal.keyring)
  let box = SimulatorBox(OfficeSimulator(seed: 42))
  let staff = ["ana", "joao", "maria", "djamila"]
  var lastReport = start
  var records = 1
  while box.simulator.events + 1 < target {
    let count = max(1, min(batch, (target - box.simulator.events) * 3 / 4))
    try journal.append(count: count, now: { box.simulator.tick() }, deliver: { _ in }) { stamp in
      let events = box.simulator.nextCommand(stamp)
      return EventCodec.encode(
        EventBatch(staff: staff[Int(stamp.sequence) % staff.count], office: "praia", events: events))
    }
    records += count
    if let cursor = journal.ownCursor {
      DeviceMarks.resolve().save(DeviceMark(cursor: cursor, root: root), office: office.identity.id!)
    }
    if !quiet && now() - lastReport > 5 {
      lastReport = now()
      note(
        String(format: "  generating %@: %d events, %.0f s", root, box.simulator.events, lastReport - start))
    }
  }
  let total = box.simulator.events + 1
  try String(total).write(toFile: marker, atomically: true, encoding: .utf8)
  if !quiet {
    note(
      String(format: "  generated %@: %d events in %d records, %.1f s", root, total, records, now() - start))
  }
  return total
}
