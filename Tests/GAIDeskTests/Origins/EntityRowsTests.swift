import Foundation
import Testing

@testable import GAIDesk

/// Visitors, referrals and follow-ups written to the snapshot as rows (their texts in one table, their ids
/// interned, the rest numbers) come back exactly as they were folded, and a damaged encoding is refused
/// without a trap.
@Suite struct EntityRowsTests {
  /// The referrals and follow-ups as the fold's rules keep them on dictionaries of strings, and the order in
  /// which visitors were first registered.
  struct DictionaryEntities {
    var visitorOrder: [String] = []
    var registered: Set<String> = []
    var referrals: [String: Referral] = [:]
    var referralOrder: [String] = []
    var followUps: [String: FollowUp] = [:]
    var followUpOrder: [String] = []

    mutating func apply(_ batch: EventBatch, time: WallTime) {
      for event in batch.events {
        switch event {
        case .visitorRegistered(let visitor):
          if registered.insert(visitor.id).inserted { visitorOrder.append(visitor.id) }
        case .referralCreated(let id, let visitorID, let partner, let topic, let due, let note, let visitID):
          guard referrals[id] == nil else { continue }
          referrals[id] = Referral(
            id: id, visitorID: visitorID, partner: partner, topic: topic, due: due, note: note,
            visitID: visitID, createdAt: time, createdBy: batch.staff)
          referralOrder.append(id)
        case .referralChanged(let id, let status, let reason, let note):
          referrals[id]?.history.append(
            ReferralChange(status: status, reason: reason, note: note, at: time, by: batch.staff))
        case .followUpAdded(let id, let visitorID, let on, let note):
          guard followUps[id] == nil else { continue }
          followUps[id] = FollowUp(id: id, visitorID: visitorID, on: on, note: note, createdBy: batch.staff)
          followUpOrder.append(id)
        case .followUpDone(let id):
          guard followUps[id]?.doneAt == nil else { continue }
          followUps[id]?.doneAt = time
          followUps[id]?.doneBy = batch.staff
        default: continue
        }
      }
    }
  }

  /// Random offices of 2–6 origins (the fold's property script) with visitors of every field filled or not,
  /// referrals with reasons and notes, ids of every shape, delivered in random orders: every read of the
  /// entities equals the dictionaries', before and after a snapshot's round trip, and the state read back
  /// encodes to the same bytes.
  @Test func theEntityRowsAnswerAsTheFoldedEntitiesDid() throws {
    let cases = try runPropertyCases("GAIDESK_PROPERTY_CASES", count: 200, seed: 20_261_201) {
      random, label in
      let script = RandomScript(&random, origins: Int.random(in: 2...6, using: &random))
      func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
      let shapes = ["", "-007", "-0", "x", "-99999999999999999999", "-1-", " ü-3", "-"]
      var rename: [String: String] = [:]
      func renamed(_ id: String) -> String {
        if let known = rename[id] { return known }
        let shape = pick(shapes)
        rename[id] = shape.isEmpty ? id : id + shape
        return rename[id]!
      }
      func filled(_ visitor: Visitor) -> Visitor {
        var v = Visitor(
          id: renamed(visitor.id),
          fullName: pick([visitor.fullName, "", "José 🇨🇻 Tavares", "Maria da Conceição Gonçalves Semedo"]))
        v.aliases = pick([[], ["Awa"], ["", "Ndiaye A."], ["Мария", "Masha", "M."]])
        v.sex = pick([nil] + Sex.allCases)
        v.birthYear = pick([nil, 1980, 0, -5, Int(Int64.max), Int(Int64.min)])
        v.birthDate = pick([nil, "1980-01-02", ""])
        v.nationality = pick([nil, "SN", "CV", visitor.nationality])
        v.languages = pick([[], ["pt"], ["kea", "pt", "fr"], visitor.languages])
        v.phone = pick([nil, "+238 991 23 45", "9912345"])
        v.island = pick([nil, "ST", "SV"])
        v.municipality = pick([nil, "PR", "Ribeira Grande de Santiago"])
        v.document = pick([
          nil, IdentityDocument(type: "passport", number: "A123"), IdentityDocument(type: "", number: ""),
        ])
        let consents = [
          nil, Consent(granted: true, date: "2026-11-30", recordedBy: "ana"),
          Consent(granted: false, date: "", recordedBy: "Zé"),
        ]
        v.consentToStore = pick(consents)
        v.consentToShare = pick(consents)
        return v
      }
      var records: [(date: Date, staff: String, events: [Event])] = []
      for (origin, list) in script.records.enumerated() {
        records += list.map { record in
          let events = record.events.map { event -> Event in
            switch event {
            case .visitorRegistered(let visitor): return .visitorRegistered(filled(visitor))
            case .visitorUpdated(let visitor, let fields, let base):
              return .visitorUpdated(filled(visitor), fields: fields, base: base)
            case .consentRecorded(let id, let store, let share):
              return .consentRecorded(visitorID: renamed(id), store: store, share: share)
            case .visitArrived(let id, let visitorID, let day, let number, let letter):
              return .visitArrived(
                visitID: renamed(id), visitorID: renamed(visitorID), day: day, number: number, letter: letter)
            case .referralCreated(let id, let visitorID, let partner, let topic, _, _, let visitID):
              return .referralCreated(
                referralID: renamed(id), visitorID: renamed(visitorID), partner: partner, topic: topic,
                due: pick([nil, "2026-12-24", ""]), note: pick([nil, "", "ligar à tarde"]),
                visitID: visitID.map(renamed))
            case .referralChanged(let id, let status, _, _):
              return .referralChanged(
                referralID: renamed(id), status: status, reason: pick([nil] + ReferralReason.allCases),
                note: pick([nil, "não atende", ""]))
            case .followUpAdded(let id, let visitorID, let on, let note):
              return .followUpAdded(
                followUpID: renamed(id), visitorID: renamed(visitorID), on: on, note: pick([note, "", "ç"]))
            case .followUpDone(let id): return .followUpDone(followUpID: renamed(id))
            case .visitorsMerged(let keep, let other):
              return .visitorsMerged(keep: renamed(keep), other: renamed(other))
            case .visitorsUnmerged(let keep, let other):
              return .visitorsUnmerged(keep: renamed(keep), other: renamed(other))
            default: return event
            }
          }
          return (record.date, pick(["staff \(origin)", "Zé \(origin)"]), events)
        }
      }
      records.shuffle(using: &random)
      var state = OfficeState()
      var expected = DictionaryEntities()
      for record in records {
        let batch = EventBatch(staff: record.staff, office: "praia", events: record.events)
        let time = WallTime(milliseconds: UInt64(record.date.timeIntervalSince1970 * 1000))
        state.apply(batch, time: time)
        expected.apply(batch, time: time)
      }
      var w = ByteWriter()
      StateCodec.encode(state, into: &w)
      var r = ByteReader(w.bytes)
      let loaded = try StateCodec.decode(&r)
      #expect(r.isAtEnd, "\(label)")
      for (name, entities) in [("folded", state), ("loaded", loaded)] {
        #expect(entities.visitorOrder == expected.visitorOrder, "\(label) \(name)")
        #expect(entities.visitors.values.map(\.id) == expected.visitorOrder, "\(label) \(name)")
        #expect(entities.visitors.count == expected.visitorOrder.count, "\(label) \(name)")
        #expect(entities.referralOrder == expected.referralOrder, "\(label) \(name)")
        #expect(entities.allReferrals.map(\.id) == expected.referralOrder, "\(label) \(name)")
        for id in expected.referralOrder {
          #expect(entities.referrals[id] == expected.referrals[id], "\(label) \(name) \(id)")
        }
        #expect(entities.followUpOrder == expected.followUpOrder, "\(label) \(name)")
        #expect(entities.allFollowUps.map(\.id) == expected.followUpOrder, "\(label) \(name)")
        for id in expected.followUpOrder {
          #expect(entities.followUps[id] == expected.followUps[id], "\(label) \(name) \(id)")
        }
        for id in rename.values where !expected.registered.contains(id) {
          #expect(entities.visitors[id] == nil, "\(label) \(name) \(id)")
        }
        for id in rename.values where expected.referrals[id] == nil && expected.followUps[id] == nil {
          #expect(entities.referrals[id] == nil && entities.followUps[id] == nil, "\(label) \(name) \(id)")
        }
      }
      for id in expected.visitorOrder {
        #expect(loaded.visitors[id] == state.visitors[id] && loaded.visitors[id] != nil, "\(label) \(id)")
      }
      #expect(loaded.visitors == state.visitors && loaded.referrals == state.referrals, "\(label)")
      #expect(loaded.followUps == state.followUps, "\(label)")
      #expect(digest(loaded) == digest(state), "\(label)")
      return 1
    }
    #expect(cases > 0)
  }

  /// Every cut of an encoding and every byte of it changed: the decoder refuses or reads a state, never
  /// traps on a number outside its table, a count beyond the bytes, or an unknown code.
  @Test func aDamagedEncodingIsRefusedWithoutATrap() throws {
    var state = OfficeState()
    var visitor = Visitor(id: "V-AB-1", fullName: "Awa Ndiaye")
    visitor.aliases = ["Awa"]
    visitor.languages = ["wo", "fr"]
    visitor.sex = .female
    visitor.birthYear = 1990
    visitor.document = IdentityDocument(type: "passport", number: "A1")
    visitor.consentToStore = Consent(granted: true, date: "2026-11-30", recordedBy: "ana")
    state.apply(
      EventBatch(
        staff: "ana", office: "praia",
        events: [
          .visitorRegistered(visitor), .visitorRegistered(Visitor(id: "V-AB-2", fullName: "Lin Wei")),
          .referralCreated(
            referralID: "R-AB-3", visitorID: "V-AB-1", partner: "def", topic: "t", due: "2026-12-01",
            note: nil,
            visitID: nil),
          .referralChanged(referralID: "R-AB-3", status: .rejected, reason: .notEligible, note: "n"),
          .followUpAdded(followUpID: "F-AB-4", visitorID: "V-AB-2", on: "2026-12-02", note: "call"),
          .followUpDone(followUpID: "F-AB-4"),
        ]), time: WallTime(milliseconds: 1_795_000_000_000))
    var w = ByteWriter()
    StateCodec.encode(state, into: &w)
    let bytes = w.bytes
    var intact = ByteReader(bytes)
    #expect(try StateCodec.decode(&intact).visitors == state.visitors)
    for cut in 0..<bytes.count {
      var r = ByteReader(Array(bytes[..<cut]))
      #expect(throws: (any Error).self, "cut at \(cut)") { try StateCodec.decode(&r) }
    }
    var refused = 0
    for place in 0..<bytes.count {
      for value in Set([bytes[place] ^ 0x01, bytes[place] ^ 0x80, 0xFF, 0x00, 0x7F]) {
        var damaged = bytes
        damaged[place] = value
        var r = ByteReader(damaged)
        if (try? StateCodec.decode(&r)) == nil { refused += 1 }
      }
    }
    #expect(refused > bytes.count, "most changes refused (\(refused))")
  }

  /// The hash slots an id table kept in the snapshot are used as they are only when they number every id
  /// once and leave the table at most half full; the table found again answers and grows as before.
  @Test func keptSlotsAreUsedOnlyWhenTheyNumberEveryIdOnce() {
    var table = IDTable()
    for number in 0..<40 { _ = table.insert("V-AB-\(number)") }
    _ = table.insert("V-AB-007")
    let slots = table.slotsAsStored
    guard var kept = IDTable(prefixes: table.prefixes, keys: table.keys, slots: slots) else {
      Issue.record("the intact slots refused")
      return
    }
    #expect((0..<40).allSatisfy { kept.index(of: "V-AB-\($0)") == Int32($0) })
    #expect(
      kept.index(of: "V-AB-007") == 40 && kept.index(of: "V-AB-7") == 7 && kept.index(of: "V-AB-41") == nil)
    for number in 41..<300 { #expect(kept.insert("V-AB-\(number)") == (Int32(number), true)) }
    #expect((41..<300).allSatisfy { kept.index(of: "V-AB-\($0)") == Int32($0) })
    #expect(kept.insert("V-AB-3") == (3, false))
    let used = slots.indices.filter { slots[$0] != 0 }
    let empty = slots.indices.first { slots[$0] == 0 }!
    var twice = slots
    twice[empty] = slots[used[0]]
    var beyond = slots
    beyond[used[0]] = Int32(table.count + 1)
    var missing = slots
    missing[used[0]] = 0
    var negative = slots
    negative[used[0]] = -1
    for damaged in [twice, beyond, missing, negative, slots + [0], Array(slots.prefix(slots.count / 2)), []] {
      #expect(IDTable(prefixes: table.prefixes, keys: table.keys, slots: damaged) == nil)
    }
    var outside = table.keys
    outside[5].prefix = 9
    #expect(IDTable(prefixes: table.prefixes, keys: outside, slots: slots) == nil)
    #expect(IDTable(prefixes: [], keys: [], slots: []) != nil)
  }

  /// An id spelled from its prefix and number in one buffer is the id the table spells.
  @Test func idsSpelledFromTheirKeysAreTheTablesIds() {
    var table = IDTable()
    let ids = [
      "V-K7QDABCD-123456", "V-0", "V-10", "V-", "ü-99", "V-999999999999999999", "V-1000000000000000000", "x",
    ]
    for id in ids { _ = table.insert(id) }
    for (number, key) in table.keys.enumerated() {
      #expect(StateCodec.id(table.prefixes[Int(key.prefix)], key.number) == ids[number])
    }
  }
}
