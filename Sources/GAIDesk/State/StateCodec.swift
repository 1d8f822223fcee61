/// Binary encoding of the whole state, for the snapshot cache.
enum StateCodec {
  /// Writes `state` to `w` in one piece.
  static func encode(_ state: OfficeState, into w: inout ByteWriter) {
    encode(state, into: &w, boundary: { _ in })
  }

  /// Writes `state` to `w`, calling `boundary` between entries (where the snapshot may seal a chunk and
  /// empty `w`: `decode` expects a new chunk only there).
  static func encode(
    _ state: OfficeState, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    w.writeOptional(state.office)
    w.writeVarint(UInt64(state.visitorOrder.count))
    for id in state.visitorOrder {
      try boundary(&w)
      let visitor = state.visitors[id]!
      EventCodec.encode(visitor, into: &w)
      w.writeOptional(visitor.mergedInto)
    }
    try encode(state.visits, into: &w, boundary: boundary)
    w.writeVarint(UInt64(state.referralOrder.count))
    for id in state.referralOrder {
      try boundary(&w)
      encode(state.referrals[id]!, into: &w)
    }
    w.writeVarint(UInt64(state.followUpOrder.count))
    for id in state.followUpOrder {
      try boundary(&w)
      encode(state.followUps[id]!, into: &w)
    }
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
    let days = state.recordsPerDay.keys.sorted()
    w.writeVarint(UInt64(days.count))
    for day in days {
      try boundary(&w)
      w.writeString(day)
      w.writeVarint(UInt64(state.recordsPerDay[day]!))
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

  /// Reads what `encode` wrote; with `chunks`, `r` holds one chunk at a time and the next is opened at each
  /// entry boundary `r` has read to its end.
  static func decode(_ r: inout ByteReader, chunks: SnapshotChunkReader? = nil) throws -> OfficeState {
    var state = OfficeState()
    state.office = try r.readOptionalString()
    let visitorCount = try entries(&r, chunks)
    state.visitors.reserveCapacity(visitorCount)
    for _ in 0..<visitorCount {
      try chunks?.next(&r)
      var visitor = try EventCodec.decodeVisitor(&r)
      visitor.mergedInto = try r.readOptionalString()
      guard state.visitors.insertNew(visitor, id: visitor.id) else {
        throw ByteReader.Malformed(reason: "visitor twice")
      }
      state.visitorOrder.append(visitor.id)
    }
    state.visits = try decodeVisits(&r, chunks)
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      let referral = try decodeReferral(&r)
      guard state.referrals.insertNew(referral, id: referral.id) else {
        throw ByteReader.Malformed(reason: "referral twice")
      }
      state.referralOrder.append(referral.id)
    }
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      let followUp = try decodeFollowUp(&r)
      guard state.followUps.insertNew(followUp, id: followUp.id) else {
        throw ByteReader.Malformed(reason: "follow-up twice")
      }
      state.followUpOrder.append(followUp.id)
    }
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
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      state.recordsPerDay[try r.readString()] = try r.readCount()
    }
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

  static func encode(_ x: Referral, into w: inout ByteWriter) {
    w.writeString(x.id)
    w.writeString(x.visitorID)
    w.writeString(x.partner)
    w.writeString(x.topic)
    w.writeOptional(x.due)
    w.writeOptional(x.note)
    w.writeOptional(x.visitID)
    w.write(x.createdAt.milliseconds)
    w.writeString(x.createdBy)
    w.writeVarint(UInt64(x.history.count))
    for change in x.history {
      w.writeString(change.status.rawValue)
      w.writeOptional(change.reason?.rawValue)
      w.writeOptional(change.note)
      w.write(change.at.milliseconds)
      w.writeString(change.by)
    }
  }

  static func decodeReferral(_ r: inout ByteReader) throws -> Referral {
    var x = Referral(
      id: try r.readString(), visitorID: try r.readString(), partner: try r.readString(),
      topic: try r.readString(),
      due: try r.readOptionalString(), note: try r.readOptionalString(), visitID: try r.readOptionalString(),
      createdAt: WallTime(milliseconds: try r.readUInt64()), createdBy: try r.readString())
    x.history = []
    for _ in 0..<(try r.readLength()) {
      guard let status = ReferralStatus(rawValue: try r.readString()) else {
        throw ByteReader.Malformed(reason: "status")
      }
      let reason = try r.readOptionalString().flatMap(ReferralReason.init(rawValue:))
      x.history.append(
        ReferralChange(
          status: status, reason: reason, note: try r.readOptionalString(),
          at: WallTime(milliseconds: try r.readUInt64()), by: try r.readString()))
    }
    return x
  }

  static func encode(_ f: FollowUp, into w: inout ByteWriter) {
    w.writeString(f.id)
    w.writeString(f.visitorID)
    w.writeString(f.on)
    w.writeString(f.note)
    w.writeString(f.createdBy)
    write(f.doneAt, &w)
    w.writeOptional(f.doneBy)
  }

  static func decodeFollowUp(_ r: inout ByteReader) throws -> FollowUp {
    FollowUp(
      id: try r.readString(), visitorID: try r.readString(), on: try r.readString(), note: try r.readString(),
      createdBy: try r.readString(), doneAt: try readTime(&r), doneBy: try r.readOptionalString())
  }
}
