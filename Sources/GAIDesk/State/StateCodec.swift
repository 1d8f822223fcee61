/// Binary encoding of the whole state, for the snapshot cache.
enum StateCodec {
  /// Writes `state` to `w` in one piece: all but its activity, then its activity.
  static func encode(_ state: OfficeState, into w: inout ByteWriter) {
    encodeAllButActivity(state, into: &w, boundary: { _ in })
    encodeActivity(state, into: &w, boundary: { _ in })
  }

  /// Writes the visits, referrals and follow-ups of `state` to `w` (the snapshot's last section), a boundary
  /// between entries.
  static func encodeActivity(
    _ state: OfficeState, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    try encode(state.visits, into: &w, boundary: boundary)
    try encodeReferralsAndFollowUps(state, into: &w, boundary: boundary)
  }

  /// The visits, referrals and follow-ups of a state, read apart from the rest.
  struct Activity: Sendable {
    var visits: VisitTable
    var referralsAndFollowUps: ReferralsAndFollowUps

    /// Sets them in `state`.
    func set(in state: inout OfficeState) {
      state.visits = visits
      referralsAndFollowUps.set(in: &state)
    }
  }

  /// Reads what `encodeActivity` wrote.
  static func decodeActivity(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> Activity {
    Activity(
      visits: try decodeVisits(&r, chunks), referralsAndFollowUps: try decodeReferralsAndFollowUps(&r, chunks)
    )
  }

  /// Writes `state` but its activity to `w` (the snapshot writes that in a section of its own), calling
  /// `boundary` between entries (where the snapshot may seal a chunk and empty `w`: `decode` expects a new
  /// chunk only there).
  static func encodeAllButActivity(
    _ state: OfficeState, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    w.writeOptional(state.office)
    try encodeVisitors(state, into: &w, boundary: boundary)
    w.writeVarint(UInt64(state.unknownEvents))
    w.writeVarint(UInt64(state.recordCount))
    w.writeVarint(UInt64(state.eventCount))
    // Front desk: the office's partner directory entries and knowledge sheets.
    w.writeVarint(UInt64(state.partnerOrder.count))
    for code in state.partnerOrder {
      try boundary(&w)
      EventCodec.encode(state.officePartners[code]!, into: &w)
    }
    let topics = state.officeSheets.keys.sorted()
    w.writeVarint(UInt64(topics.count))
    for topic in topics {
      try boundary(&w)
      let sheet = state.officeSheets[topic]!
      EventCodec.encode(sheet, into: &w)
      w.writeOptional(sheet.reviewedBy)
    }
    let recordsPerDay = state.recordsPerDay
    let days = recordsPerDay.keys.sorted()
    w.writeVarint(UInt64(days.count))
    for day in days {
      try boundary(&w)
      w.writeString(day)
      w.writeVarint(UInt64(recordsPerDay[day]!))
    }
    write(state.latestWall, &w)
    w.writeVarint(UInt64(state.acceptedLoss.count))
    for origin in state.acceptedLoss.keys.sorted() {
      try boundary(&w)
      w.write(raw: origin.bytes)
      w.writeVarint(state.acceptedLoss[origin]!)
    }
    // Local confirmations of sheet lines and partner entries.
    let keys = state.confirmations.keys.sorted()
    w.writeVarint(UInt64(keys.count))
    for key in keys {
      try boundary(&w)
      let confirmation = state.confirmations[key]!
      w.writeString(key)
      w.writeString(confirmation.method.rawValue)
      w.writeOptional(confirmation.note)
      w.writeString(confirmation.by)
      w.writeString(confirmation.day)
      w.write(confirmation.at.milliseconds)
    }
    let updated = state.visitorUpdates.keys.sorted()
    w.writeVarint(UInt64(updated.count))
    for id in updated {
      try boundary(&w)
      w.writeString(id)
      let history = state.visitorUpdates[id]!
      w.writeVarint(UInt64(history.count))
      for fields in history { w.writeVarint(UInt64(fields.rawValue)) }
    }
    let remapped = state.remappedIDs.keys.sorted()
    w.writeVarint(UInt64(remapped.count))
    for old in remapped {
      try boundary(&w)
      w.writeString(old)
      w.writeString(state.remappedIDs[old]!)
    }
    w.writeVarint(UInt64(state.visitorConflicts.count))
    for conflict in state.visitorConflicts {
      try boundary(&w)
      w.writeVarint(UInt64(conflict.fields.rawValue))
      EventCodec.encode(conflict.overwritten, into: &w)
      w.writeString(conflict.keptBy)
      w.write(conflict.keptAt.milliseconds)
    }
    try boundary(&w)
    state.accounts.encode(into: &w)
    w.writeInt(state.lockTimes.idleMinutes)
    w.writeInt(state.lockTimes.wipeMinutes)
    w.writeInt(state.lockTimes.sessionHours)
  }

  /// Reads what `encode` wrote in one piece.
  static func decode(_ r: inout ByteReader) throws -> OfficeState {
    var state = try decodeAllButActivity(&r)
    try decodeActivity(&r, nil).set(in: &state)
    return state
  }

  /// Reads what `encodeAllButActivity` wrote (the state without its activity); with `chunks`, `r` holds one
  /// chunk at a time and the next is opened at each entry boundary `r` has read to its end.
  static func decodeAllButActivity(_ r: inout ByteReader, chunks: SnapshotChunkReader? = nil) throws
    -> OfficeState
  {
    var state = OfficeState()
    state.office = try r.readOptionalString()
    try decodeVisitors(&r, chunks, into: &state)
    state.unknownEvents = try r.readCount()
    state.recordCount = try r.readCount()
    state.eventCount = try r.readCount()
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      let partner = try EventCodec.decodePartner(&r)
      state.officePartners[partner.code] = partner
      state.partnerOrder.append(partner.code)
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      var sheet = try EventCodec.decodeSheet(&r)
      sheet.reviewedBy = try r.readOptionalString()
      state.officeSheets[sheet.topic] = sheet
    }
    var recordsPerDay: [String: Int] = [:]
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      recordsPerDay[try r.readString()] = try r.readCount()
    }
    state.recordsPerDay = recordsPerDay
    state.latestWall = try readTime(&r)
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      guard let origin = OriginID(bytes: Array(try r.readRaw(16))) else {
        throw ByteReader.Malformed(reason: "origin")
      }
      state.acceptedLoss[origin] = try r.readVarint()
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      guard let subject = KnowledgeSubject(key: try r.readString()),
        let method = ConfirmationMethod(rawValue: try r.readString())
      else { throw ByteReader.Malformed(reason: "confirmation") }
      let confirmation = LocalConfirmation(
        subject: subject, method: method, note: try r.readOptionalString(), by: try r.readString(),
        day: try r.readString(), at: WallTime(milliseconds: try r.readUInt64()))
      state.confirmations[subject.key] = confirmation
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      let id = try r.readString()
      state.visitorUpdates[id] = try (0..<(try r.readLength())).map { _ in
        VisitorFields(rawValue: UInt32(truncatingIfNeeded: try r.readVarint()))
      }
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      state.remappedIDs[try r.readString()] = try r.readString()
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      let fields = VisitorFields(rawValue: UInt32(truncatingIfNeeded: try r.readVarint()))
      let overwritten = try EventCodec.decodeVisitor(&r)
      state.visitorConflicts.append(
        VisitorConflict(
          visitorID: overwritten.id, fields: fields, overwritten: overwritten, keptBy: try r.readString(),
          keptAt: WallTime(milliseconds: try r.readUInt64())))
    }
    try chunks?.next(&r)
    state.accounts = try AccountBook.decode(&r)
    state.lockTimes = LockTimesChange(
      idleMinutes: try r.readInt(), wipeMinutes: try r.readInt(), sessionHours: try r.readInt()
    ).applied(to: .standard)
    return state
  }

  /// A count of entries, checked against the bytes left in this chunk and, when chunked, the file.
  static func entries(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> Int {
    let count = try r.readVarint()
    guard count <= UInt64(r.remaining + (chunks?.unread ?? 0)) else {
      throw ByteReader.Malformed(reason: "length beyond end")
    }
    return Int(count)
  }

  private static func write(_ time: WallTime?, _ w: inout ByteWriter) {
    w.writeBool(time != nil)
    if let time { w.write(time.milliseconds) }
  }

  private static func readTime(_ r: inout ByteReader) throws -> WallTime? {
    try r.readBool() ? WallTime(milliseconds: try r.readUInt64()) : nil
  }
}
