import Foundation
import Testing

@testable import GAIDesk

/// The compact visits (`VisitTable`: interned ids, shared texts, rows) answer exactly as the dictionaries
/// they replaced: `[String: Visit]`, the arrival order, and the ids per day and per visitor.
@Suite struct VisitTableTests {
  /// The visits as the fold kept them before: one `Visit` per id in dictionaries of strings.
  struct DictionaryVisits {
    var visits: [String: Visit] = [:]
    var order: [String] = []
    var byDay: [String: [String]] = [:]
    var byVisitor: [String: [String]] = [:]

    /// The fold's visit rules as they were written on `[String: Visit]`.
    mutating func apply(_ batch: EventBatch, time: WallTime) {
      for event in batch.events {
        switch event {
        case .visitArrived(let id, let visitorID, let day, let number, let letter):
          guard visits[id] == nil else { continue }
          var visit = Visit(
            id: id, visitorID: visitorID, day: day, number: number, office: batch.office, arrivedAt: time,
            arrivedBy: batch.staff)
          visit.letter = letter
          visits[id] = visit
          order.append(id)
          byDay[day, default: []].append(id)
          byVisitor[visitorID, default: []].append(id)
        case .visitCalled(let id, let desk):
          guard visits[id]?.status == .waiting else { continue }
          visits[id]?.status = .called
          visits[id]?.calledAt = time
          visits[id]?.desk = desk
          visits[id]?.servedBy = batch.staff
        case .visitClosed(let id, let topics, let outcome, let note):
          guard var visit = visits[id], visit.status == .waiting || visit.status == .called else { continue }
          if visit.calledAt == nil { visit.calledAt = time }
          visit.status = .done
          visit.endedAt = time
          visit.topics = topics
          visit.outcome = outcome
          visit.note = note
          visit.servedBy = visit.servedBy ?? batch.staff
          visits[id] = visit
        case .visitLeft(let id):
          guard let visit = visits[id], visit.status == .waiting || visit.status == .called else { continue }
          visits[id]?.status = .left
          visits[id]?.endedAt = time
        case .visitReopened(let id, let leftAt):
          guard let visit = visits[id], VisitReopening.undoes(leftAt, visit: visit, at: time) else {
            continue
          }
          visits[id]?.status = visit.calledAt == nil ? .waiting : .called
          visits[id]?.endedAt = nil
        case .visitReturned(let id, let calledAt):
          guard let visit = visits[id], VisitReturning.undoes(calledAt, visit: visit) else { continue }
          visits[id]?.status = .waiting
          visits[id]?.calledAt = nil
          visits[id]?.desk = nil
          visits[id]?.servedBy = nil
        default: continue
        }
      }
    }
  }

  /// Random offices of 2–6 origins (the fold's property script), delivered in random orders, with ids of
  /// every shape: the table's reads equal the dictionaries', before and after a snapshot's round trip.
  @Test func theCompactVisitsAnswerAsTheDictionariesDid() throws {
    let cases = try runPropertyCases("GAIDESK_PROPERTY_CASES", count: 200, seed: 20_261_202) {
      random, label in
      let script = RandomScript(&random, origins: Int.random(in: 2...6, using: &random))
      // Ids of any shape: numbered, zero-padded, bare, long numbers, no dash, text after the number.
      let shapes = ["", "-007", "-0", "x", "-99999999999999999999", "-1-", " ü-3", "-"]
      var rename: [String: String] = [:]
      func renamed(_ id: String) -> String {
        if let known = rename[id] { return known }
        let shape = shapes[Int.random(in: 0..<shapes.count, using: &random)]
        rename[id] = shape.isEmpty ? id : id + shape
        return rename[id]!
      }
      var records: [(date: Date, staff: String, events: [Event])] = []
      for (origin, list) in script.records.enumerated() {
        records += list.map { record in
          let events = record.events.map { event -> Event in
            switch event {
            case .visitArrived(let id, let visitorID, let day, let number, _):
              let letter = ["A", "B", "Ç"][Int.random(in: 0..<3, using: &random)]
              return .visitArrived(
                visitID: renamed(id), visitorID: renamed(visitorID), day: day, number: number, letter: letter)
            case .visitCalled(let id, let desk): return .visitCalled(visitID: renamed(id), desk: desk)
            case .visitClosed(let id, let topics, let outcome, let note):
              return .visitClosed(visitID: renamed(id), topics: topics, outcome: outcome, note: note)
            case .visitLeft(let id): return .visitLeft(visitID: renamed(id))
            case .visitReopened(let id, let at): return .visitReopened(visitID: renamed(id), leftAt: at)
            case .visitReturned(let id, let at): return .visitReturned(visitID: renamed(id), calledAt: at)
            default: return event
            }
          }
          return (record.date, "staff \(origin)", events)
        }
      }
      records.shuffle(using: &random)
      var state = OfficeState()
      var expected = DictionaryVisits()
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
      for (name, visits) in [("folded", state), ("loaded", loaded)] {
        #expect(visits.visits.count == expected.visits.count, "\(label) \(name)")
        #expect(visits.visits.isEmpty == expected.visits.isEmpty, "\(label) \(name)")
        #expect(visits.visits.values.map(\.id) == expected.order, "\(label) \(name)")
        for id in expected.order {
          #expect(visits.visits[id] == expected.visits[id], "\(label) \(name) \(id)")
        }
        for id in rename.values where expected.visits[id] == nil {
          #expect(visits.visits[id] == nil, "\(label) \(name) \(id)")
        }
        #expect(Set(visits.visitsByDay.keys) == Set(expected.byDay.keys), "\(label) \(name)")
        #expect(visits.visitsByDay.count == expected.byDay.count, "\(label) \(name)")
        for (day, ids) in expected.byDay {
          #expect(visits.visitsByDay[day] == ids, "\(label) \(name) \(day)")
          #expect(visits.visits(on: day) == ids.map { expected.visits[$0]! }, "\(label) \(name) \(day)")
        }
        #expect(Set(visits.visitsByVisitor.keys) == Set(expected.byVisitor.keys), "\(label) \(name)")
        for (visitor, ids) in expected.byVisitor {
          #expect(visits.visitsByVisitor[visitor] == ids, "\(label) \(name) \(visitor)")
        }
        #expect(visits.visitsByDay["1999-01-01"] == nil && visits.visitsByVisitor["V-none-1"] == nil)
      }
      #expect(loaded.visits == state.visits, "\(label)")
      return 1
    }
    #expect(cases > 0)
  }

  /// Ids that differ only by their digits' spelling stay different ids and come back as they were given.
  @Test func idsOfEveryShapeComeBackAsGiven() {
    let ids = [
      "T-7", "T-07", "T-007", "T-0", "T-00", "T-", "T", "", "-", "-5", "T-7-", "T-K7QDABCD-123456",
      "T-K7QDABCD-1234567890123456789", "T-K7QDABCD-999999999999999999", "T-K7QDABCD-12a",
      "V-K7QDABCD-123456",
      "T-ü-1", "T-ü-01", "T-+1", "T- 1",
    ]
    var table = IDTable()
    for (number, id) in ids.enumerated() {
      let added = table.insert(id)
      #expect(added.index == Int32(number) && added.inserted, "\(id)")
    }
    for (number, id) in ids.enumerated() {
      let again = table.insert(id)
      #expect(again.index == Int32(number) && !again.inserted, "\(id)")
      #expect(table.index(of: id) == Int32(number), "\(id)")
      #expect(table.id(at: Int32(number)) == id)
      #expect(table.id(at: Int32(number), hasPrefix: "T-K7QDABCD-") == id.hasPrefix("T-K7QDABCD-"), "\(id)")
      #expect(table.id(at: Int32(number), hasPrefix: "T-0") == id.hasPrefix("T-0"), "\(id)")
    }
    #expect(
      table.index(of: "T-8") == nil && table.index(of: "T-0007") == nil && table.index(of: "X-7") == nil)
    // Past the first growth of the slots, every id still found.
    for number in 0..<5000 { _ = table.insert("T-AB-\(number)") }
    #expect((0..<5000).allSatisfy { table.index(of: "T-AB-\($0)") == Int32(ids.count + $0) })
    #expect(IDTable(prefixes: table.prefixes, keys: table.keys + [table.keys[3]]) == nil)
  }
}
