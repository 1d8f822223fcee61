extension OfficeState {
  /// The visit events folded from their bytes (type numbers of ``EventType``), version 1 of each.
  private enum VisitEvent: UInt16 {
    case arrived = 5, called = 6, closed = 7, left = 8
  }

  /// The visit event of `type` and `version` folded from its bytes, or nil for one decoded as an `Event`.
  private static func visitEvent(type: UInt16, version: UInt16) -> VisitEvent? {
    version == 1 ? VisitEvent(rawValue: type) : nil
  }

  /// Applies the record of payload `payload`, written at wall time `time`, exactly as
  /// `apply(EventCodec.decode(payload), time:)` does (a payload that does not decode is one unknown event).
  /// A visit's arrival, call, close and leaving — most of an office's records — are folded from the bytes
  /// where they lie: their ids and texts are found in the tables by their bytes, and a `String` is built only
  /// for one the tables do not hold yet. Returns the record's other events, decoded (the search basis reads
  /// them; no visit event changes what it watches).
  mutating func apply(payload: ArraySlice<UInt8>, time: WallTime) -> [Event] {
    payload.withUnsafeBufferPointer { bytes in
      guard let batch = try? Self.check(payload, bytes) else {
        let unknown = EventBatch(staff: "", office: "", events: [.unknown(type: 0, version: 0, body: [])])
        apply(unknown, time: time)
        return unknown.events
      }
      applyChecked(batch, bytes, time: time)
      return batch.others
    }
  }

  /// A payload that decodes: where its staff and office lie, its events from `events` on, and the events
  /// that are not a visit's, decoded.
  private struct CheckedBatch {
    var staff: Range<Int>
    var office: Range<Int>
    var count: Int
    var events: Int
    var others: [Event]
    var visitEvents: Int
  }

  /// Reads the whole payload as `EventCodec.decode` does and refuses what it refuses; the events that are
  /// not a visit's are decoded by it.
  private static func check(_ payload: ArraySlice<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) throws
    -> CheckedBatch
  {
    var r = PayloadReader(bytes, range: 0..<bytes.count)
    guard try r.byte() == EventCodec.payloadVersion else { throw PayloadReader.Malformed() }
    var batch = CheckedBatch(
      staff: try r.string(), office: try r.string(), count: try r.length(), events: 0, others: [],
      visitEvents: 0)
    batch.events = r.offset
    for _ in 0..<batch.count {
      let type = try r.uint16()
      let version = try r.uint16()
      let body = try r.skip(try r.length())
      var b = PayloadReader(bytes, range: body)
      switch visitEvent(type: type, version: version) {
      case .arrived:
        for _ in 0..<3 { _ = try b.string() }
        _ = try b.int()
        if !b.isAtEnd { _ = try b.string() }
      case .called:
        _ = try b.string()
        _ = try b.optionalString()
      case .closed:
        _ = try b.string()
        for _ in 0..<(try b.length()) { _ = try b.string() }
        _ = try b.optionalString()
        _ = try b.optionalString()
      case .left:
        _ = try b.string()
      case nil:
        // `body` counts from the payload's first byte; the slice's indices from its buffer's.
        let slice = (payload.startIndex + body.lowerBound)..<(payload.startIndex + body.upperBound)
        var reader = ByteReader(payload, range: slice)
        batch.others.append(
          try EventCodec.decode(type: type, version: version, body: &reader, raw: { Array(payload[slice]) }))
        continue
      }
      batch.visitEvents += 1
    }
    return batch
  }

  /// Applies a checked payload: the record's counts, then each event in turn.
  private mutating func applyChecked(
    _ batch: CheckedBatch, _ bytes: UnsafeBufferPointer<UInt8>, time: WallTime
  ) {
    recordCount += 1
    countRecord(on: time)
    // Account changes (an office's first record names its accounts) do not date the desk's history.
    if batch.visitEvents > 0 || !batch.others.allSatisfy(\.isAccountChange),
      latestWall.map({ time > $0 }) ?? true
    {
      latestWall = time
    }
    var staffText: String?
    var officeText: String?
    var others = batch.others.makeIterator()
    // The payload was read whole by `check`: nothing below throws, and its strings are valid UTF-8.
    var r = PayloadReader(bytes, range: batch.events..<bytes.count, checked: true)
    do {
      for _ in 0..<batch.count {
        eventCount += 1
        let type = try r.uint16()
        let version = try r.uint16()
        let body = r.reader(of: try r.skip(try r.length()))
        if let visit = Self.visitEvent(type: type, version: version) {
          try applyVisit(visit, body, time: time, staff: r[batch.staff], office: r[batch.office])
        } else if let event = others.next() {
          if staffText == nil {
            staffText = String(decoding: r[batch.staff], as: UTF8.self)
            officeText = String(decoding: r[batch.office], as: UTF8.self)
          }
          apply(event, time: time, staff: staffText!, office: officeText!)
        }
      }
    } catch {}
  }

  /// Folds one visit event from its body's bytes, as `apply(_:time:staff:office:)` folds its `Event`.
  private mutating func applyVisit(
    _ visit: VisitEvent, _ body: PayloadReader, time: WallTime, staff: UnsafeBufferPointer<UInt8>,
    office: UnsafeBufferPointer<UInt8>
  ) throws(PayloadReader.Malformed) {
    var r = body
    switch visit {
    case .arrived:
      let id = r[try r.string()]
      let visitor = r[try r.string()]
      let day = r[try r.string()]
      let number = try r.int()
      let letter = r.isAtEnd ? nil : r[try r.string()]
      let defaultLetter: StaticString = "A"
      _ = defaultLetter.withUTF8Buffer { a in
        visits.arrive(
          id: id, visitorID: visitor, day: day, number: number, letter: letter ?? a, office: office, at: time,
          by: staff)
      }
    case .called:
      guard let row = visits.row(ofBytes: r[try r.string()]), visits.status(row) == .waiting else { return }
      let desk = try r.optionalString().map { visits.texts.intern(bytes: r[$0]) } ?? -1
      visits.call(row, at: time, desk: desk, by: visits.texts.intern(bytes: staff))
    case .closed:
      guard let row = visits.row(ofBytes: r[try r.string()]), visits.status(row).isOpen else { return }
      let topics = try visits.topicLists.intern(list: r)
      for _ in 0..<(try r.length()) { _ = try r.string() }
      let outcome = try r.optionalString().map { visits.texts.intern(bytes: r[$0]) } ?? -1
      let note = try r.optionalString().map { visits.texts.intern(bytes: r[$0]) } ?? -1
      let servedBy = visits.isCalled(row) ? visits.servedBy(row) : visits.texts.intern(bytes: staff)
      visits.close(row, at: time, topics: topics, outcome: outcome, note: note, by: servedBy)
    case .left:
      guard let row = visits.row(ofBytes: r[try r.string()]), visits.status(row).isOpen else { return }
      visits.leave(row, at: time)
    }
  }
}
