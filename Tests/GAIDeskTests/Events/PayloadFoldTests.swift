import Foundation
import GAIDeskTestSupport
import Testing

@testable import GAIDesk

/// The fold from a record's bytes (`OfficeState.apply(payload:time:)`: a visit's events read where they lie,
/// their ids and texts found in the tables by their bytes) gives exactly the state the general decoder's
/// events give, and refuses the same damaged payloads.
@Suite struct PayloadFoldTests {
  /// Ids of every shape: numbered, zero-padded, bare, 20 digits, trailing dash, non-ASCII, empty.
  static let shapes = [
    "", "-007", "-0", "x", "-99999999999999999999", "-1-", " ü-3", "-", "-123456789012345678",
  ]

  /// Whether the fold reads `event` from its bytes (so it does not return it).
  static func isVisitEvent(_ event: Event) -> Bool {
    switch event {
    case .visitArrived, .visitCalled, .visitClosed, .visitLeft: true
    default: false
    }
  }

  /// A length-prefixed string with its length as a two-byte varint (valid, but not what the encoder writes).
  static func writePadded(_ string: String, into w: inout ByteWriter) {
    let bytes = Array(string.utf8)
    w.write(UInt8(bytes.count & 0x7F | 0x80))
    w.write(UInt8(bytes.count >> 7))
    w.write(raw: bytes)
  }

  /// The body of a visit event with every length written as a two-byte varint.
  static func paddedBody(_ event: Event) -> (type: EventType, body: [UInt8])? {
    var w = ByteWriter()
    func optional(_ text: String?) {
      w.writeBool(text != nil)
      if let text { writePadded(text, into: &w) }
    }
    switch event {
    case .visitArrived(let id, let visitorID, let day, let number, let letter):
      for text in [id, visitorID, day] { writePadded(text, into: &w) }
      w.writeInt(number)
      if letter != "A" { writePadded(letter, into: &w) }
      return (.visitArrived, w.bytes)
    case .visitCalled(let id, let desk):
      writePadded(id, into: &w)
      optional(desk)
      return (.visitCalled, w.bytes)
    case .visitClosed(let id, let topics, let outcome, let note):
      writePadded(id, into: &w)
      w.write(UInt8(topics.count | 0x80))
      w.write(UInt8(0))
      for topic in topics { writePadded(topic, into: &w) }
      optional(outcome)
      optional(note)
      return (.visitClosed, w.bytes)
    case .visitLeft(let id):
      writePadded(id, into: &w)
      return (.visitLeft, w.bytes)
    default: return nil
    }
  }

  /// The payload of `batch` with its visit events' lengths padded.
  static func paddedPayload(_ batch: EventBatch) -> [UInt8] {
    var w = ByteWriter()
    w.write(EventCodec.payloadVersion)
    w.writeString(batch.staff)
    w.writeString(batch.office)
    w.writeVarint(UInt64(batch.events.count))
    for event in batch.events {
      guard let padded = paddedBody(event) else {
        // The encoder's bytes of this one event.
        let alone = EventCodec.encode(EventBatch(staff: "", office: "", events: [event]))
        w.write(raw: alone.dropFirst(4))
        continue
      }
      w.write(padded.type.rawValue)
      w.write(padded.type.version)
      w.writeBytes(padded.body)
    }
    return w.bytes
  }

  /// Random visit events (ids of every shape, desks, letters, topics, outcomes and notes present or not,
  /// non-ASCII and empty texts) mixed with the fold's property script and one event of every type.
  static func records(_ random: inout SeededRandom) -> [(payload: [UInt8], time: WallTime)] {
    let script = RandomScript(&random, origins: Int.random(in: 1...4, using: &random))
    var rename: [String: String] = [:]
    func renamed(_ id: String) -> String {
      if let known = rename[id] { return known }
      let shape = shapes[Int.random(in: 0..<shapes.count, using: &random)]
      rename[id] = id + shape
      return rename[id]!
    }
    let texts = ["", "1", "Ç", "documentos verificados", "é", "e\u{301}", "日本"]
    func text() -> String { texts[Int.random(in: 0..<texts.count, using: &random)] }
    func maybe() -> String? { Bool.random(using: &random) ? text() : nil }
    var visits: [String] = ["", "T-1-0"]
    var out: [(payload: [UInt8], time: WallTime)] = []
    for (origin, list) in script.records.enumerated() {
      for record in list {
        var events: [Event] = record.events.map { event in
          switch event {
          case .visitArrived(let id, let visitorID, let day, let number, _):
            let id = renamed(id)
            visits.append(id)
            let letter = ["A", "B", "Ç", ""][Int.random(in: 0..<4, using: &random)]
            return .visitArrived(
              visitID: id, visitorID: renamed(visitorID), day: day, number: number, letter: letter)
          case .visitCalled(let id, _): return .visitCalled(visitID: renamed(id), desk: maybe())
          case .visitClosed(let id, _, _, _):
            let topics = (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
            return .visitClosed(visitID: renamed(id), topics: topics, outcome: maybe(), note: maybe())
          case .visitLeft(let id): return .visitLeft(visitID: renamed(id))
          case .visitReopened(let id, let at): return .visitReopened(visitID: renamed(id), leftAt: at)
          case .visitReturned(let id, let at): return .visitReturned(visitID: renamed(id), calledAt: at)
          default: return event
          }
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
          let type = EventType.allCases.randomElement(using: &random)!
          events.insert(EventVectorTests.sample(type), at: Int.random(in: 0...events.count, using: &random))
        }
        if Int.random(in: 0..<4, using: &random) == 0 {
          let visit = visits.randomElement(using: &random)!
          events.append(
            [
              .visitCalled(visitID: visit, desk: maybe()),
              .visitClosed(visitID: visit, topics: [text()], outcome: maybe(), note: maybe()),
              .visitLeft(visitID: visit),
              .visitArrived(visitID: visit, visitorID: text(), day: text(), number: -7, letter: text()),
            ].randomElement(using: &random)!)
        }
        let batch = EventBatch(
          staff: ["staff \(origin)", "", "Zé"][origin % 3], office: text(), events: events)
        var payload =
          Int.random(in: 0..<5, using: &random) == 0 ? paddedPayload(batch) : EventCodec.encode(batch)
        damage(&payload, &random)
        out.append((payload, WallTime(record.date)))
      }
    }
    out.shuffle(using: &random)
    return out
  }

  /// Damages one payload in eight: a byte changed, cut short, bytes added, a string made invalid UTF-8, an
  /// event's version or type changed.
  static func damage(_ payload: inout [UInt8], _ random: inout SeededRandom) {
    guard !payload.isEmpty, Int.random(in: 0..<8, using: &random) == 0 else { return }
    let at = Int.random(in: 0..<payload.count, using: &random)
    switch Int.random(in: 0..<5, using: &random) {
    case 0: payload[at] ^= UInt8.random(in: 1...255, using: &random)
    case 1: payload.removeSubrange(at...)
    case 2: payload.insert(contentsOf: [0x80, 0xFF, 0x01, 0x00], at: at)
    case 3: payload[at] = [0xC3, 0xFF, 0xED, 0x80][Int.random(in: 0..<4, using: &random)]
    default: payload[at] = [0, 1, 2, 5, 6, 7, 8, 99][Int.random(in: 0..<8, using: &random)]
    }
  }

  @Test func foldingFromBytesGivesTheDecodedEventsState() {
    var damaged = 0
    let cases = runPropertyCases("GAIDESK_PROPERTY_CASES", count: 300, seed: 20_261_201) {
      random, label in
      var fromBytes = OfficeState()
      var decoded = OfficeState()
      for (payload, time) in Self.records(&random) {
        // A payload lies inside its segment's buffer, as when read: its slice does not start at 0.
        let buffer = [UInt8](repeating: 0xA5, count: random.next(in: 1...40)) + payload + [0x5A]
        let returned = fromBytes.apply(
          payload: buffer[(buffer.count - payload.count - 1)...].dropLast(), time: time)
        let batch = try? EventCodec.decode(payload)
        if batch == nil { damaged += 1 }
        let events = batch?.events ?? [.unknown(type: 0, version: 0, body: [])]
        decoded.apply(
          EventBatch(staff: batch?.staff ?? "", office: batch?.office ?? "", events: events), time: time)
        #expect(returned == events.filter { !Self.isVisitEvent($0) }, "\(label)")
      }
      #expect(digest(fromBytes) == digest(decoded), "\(label)")
      #expect(fromBytes.visits == decoded.visits, "\(label)")
      #expect(fromBytes.unknownEvents == decoded.unknownEvents && fromBytes.eventCount == decoded.eventCount)
      #expect(fromBytes.latestWall == decoded.latestWall && fromBytes.recordsPerDay == decoded.recordsPerDay)
      for visit in decoded.visits.values {
        #expect(fromBytes.visits[visit.id] == visit, "\(label) \(visit.id)")
        #expect(
          fromBytes.visits[visit.id]?.topics.map { Array($0.utf8) } == visit.topics.map { Array($0.utf8) })
      }
      return 1
    }
    #expect(cases > 0 && damaged > 0)
  }

  /// The checks the fold makes on a visit event's fields refuse what the decoder refuses, field by field.
  @Test func everyCutOfAVisitEventIsRefusedAsTheDecoderRefusesIt() throws {
    let events: [Event] = [
      .visitArrived(visitID: "T-K7QD2M9X-13", visitorID: "V-1", day: "2026-11-30", number: 7, letter: "Ç"),
      .visitCalled(visitID: "T-K7QD2M9X-13", desk: "2"),
      .visitClosed(visitID: "T-K7QD2M9X-13", topics: ["a", "b"], outcome: "ok", note: "n"),
      .visitLeft(visitID: "T-K7QD2M9X-13"),
    ]
    for payload in [
      EventCodec.encode(EventBatch(staff: "ana", office: "praia", events: events)),
      Self.paddedPayload(EventBatch(staff: "ana", office: "praia", events: events)),
    ] {
      for end in 0...payload.count {
        for change in [nil, UInt8(0x80), 0xFF, 2] {
          var bytes = Array(payload[..<end])
          if let change, end > 0 { bytes[end - 1] = change }
          var state = OfficeState()
          var expected = OfficeState()
          let returned = state.apply(payload: bytes[...], time: WallTime(milliseconds: 1_796_043_600_000))
          let batch =
            (try? EventCodec.decode(bytes))
            ?? EventBatch(staff: "", office: "", events: [.unknown(type: 0, version: 0, body: [])])
          expected.apply(batch, time: WallTime(milliseconds: 1_796_043_600_000))
          #expect(
            returned == batch.events.filter { !Self.isVisitEvent($0) },
            "cut at \(end), \(String(describing: change))")
          #expect(digest(state) == digest(expected), "cut at \(end), \(String(describing: change))")
        }
      }
    }
  }
}
