/// Encodes events in the compact binary form sealed into records (see docs/FORMAT.md).
///
/// Each event is its type, its schema version and a length-prefixed body, so a reader skips (and keeps)
/// types it does not know, and newer versions of a known type may append fields.
public enum EventCodec {
  /// The payload layout version.
  public static let payloadVersion: UInt8 = 1

  /// The bytes of a batch.
  public static func encode(_ batch: EventBatch) -> [UInt8] {
    // Room for a registration's record at once (the arrays grew twice or three times for it before); one
    // body buffer for all the events.
    var writer = ByteWriter(capacity: 512)
    writer.write(payloadVersion)
    writer.writeString(batch.staff)
    writer.writeString(batch.office)
    writer.writeVarint(UInt64(batch.events.count))
    var body = ByteWriter(capacity: 256)
    for event in batch.events {
      body.removeAll()
      let type = encode(event, into: &body)
      writer.write(type.type)
      writer.write(type.version)
      writer.writeBytes(body.bytes)
    }
    return writer.bytes
  }

  /// Decodes a batch; unknown event types come back as `.unknown`.
  public static func decode(_ bytes: [UInt8]) throws -> EventBatch { try decode(bytes[...]) }

  /// Decodes a batch held in a view of a larger buffer (a record's payload), without copying it.
  public static func decode(_ bytes: ArraySlice<UInt8>) throws -> EventBatch {
    var reader = ByteReader(bytes)
    guard try reader.readUInt8() == payloadVersion else {
      throw ByteReader.Malformed(reason: "payload version")
    }
    let staff = try reader.readString()
    let office = try reader.readString()
    let count = try reader.readLength()
    var events: [Event] = []
    events.reserveCapacity(count)
    for _ in 0..<count {
      let type = try reader.readUInt16()
      let version = try reader.readUInt16()
      let length = try reader.readLength()
      let start = reader.offset
      _ = try reader.readRaw(length)
      var body = ByteReader(bytes, range: start..<start + length)
      events.append(
        try decode(type: type, version: version, body: &body, raw: { Array(bytes[start..<start + length]) }))
    }
    return EventBatch(staff: staff, office: office, events: events)
  }

  private static func known(_ type: EventType) -> (type: UInt16, version: UInt16) {
    (type.rawValue, type.version)
  }

  private static func encode(_ event: Event, into w: inout ByteWriter) -> (type: UInt16, version: UInt16) {
    switch event {
    case .officeCreated(let office):
      w.writeString(office)
      return known(.officeCreated)
    case .visitorRegistered(let visitor):
      encode(visitor, into: &w)
      return known(.visitorRegistered)
    case .visitorUpdated(let visitor, let fields, let base):
      w.writeVarint(UInt64(fields.rawValue))
      w.writeInt(base)
      encode(visitor, into: &w)
      return known(.visitorUpdated)
    case .consentRecorded(let visitorID, let store, let share):
      w.writeString(visitorID)
      encode(store, into: &w)
      encode(share, into: &w)
      return known(.consentRecorded)
    case .visitArrived(let visitID, let visitorID, let day, let number, let letter):
      w.writeString(visitID)
      w.writeString(visitorID)
      w.writeString(day)
      w.writeInt(number)
      // Appended field: written only when it is not the default `A`, so arrivals of one PC keep their bytes.
      if letter != "A" { w.writeString(letter) }
      return known(.visitArrived)
    case .visitCalled(let visitID, let desk):
      w.writeString(visitID)
      w.writeOptional(desk)
      return known(.visitCalled)
    case .visitClosed(let visitID, let topics, let outcome, let note):
      w.writeString(visitID)
      w.writeStrings(topics)
      w.writeOptional(outcome)
      w.writeOptional(note)
      return known(.visitClosed)
    case .visitLeft(let visitID):
      w.writeString(visitID)
      return known(.visitLeft)
    case .referralCreated(let id, let visitorID, let partner, let topic, let due, let note, let visitID):
      w.writeString(id)
      w.writeString(visitorID)
      w.writeString(partner)
      w.writeString(topic)
      w.writeOptional(due)
      w.writeOptional(note)
      w.writeOptional(visitID)
      return known(.referralCreated)
    case .referralChanged(let id, let status, let reason, let note):
      w.writeString(id)
      w.writeString(status.rawValue)
      w.writeOptional(reason?.rawValue)
      w.writeOptional(note)
      return known(.referralChanged)
    case .followUpAdded(let id, let visitorID, let on, let note):
      w.writeString(id)
      w.writeString(visitorID)
      w.writeString(on)
      w.writeString(note)
      return known(.followUpAdded)
    case .followUpDone(let id):
      w.writeString(id)
      return known(.followUpDone)
    case .visitorsMerged(let keep, let other):
      w.writeString(keep)
      w.writeString(other)
      return known(.visitorsMerged)
    case .visitorsUnmerged(let keep, let other):
      w.writeString(keep)
      w.writeString(other)
      return known(.visitorsUnmerged)
    case .partnerAdded(let partner):
      encode(partner, into: &w)
      return known(.partnerAdded)
    case .partnerUpdated(let partner):
      encode(partner, into: &w)
      return known(.partnerUpdated)
    case .partnerRetired(let code):
      w.writeString(code)
      return known(.partnerRetired)
    case .sheetUpdated(let sheet):
      encode(sheet, into: &w)
      return known(.sheetUpdated)
    case .historyLossAccepted(let origin, let through):
      w.writeString(origin)
      w.writeVarint(through)
      return known(.historyLossAccepted)
    case .knowledgeConfirmed(let subject, let method, let day, let note):
      w.writeString(subject.key)
      w.writeString(method.rawValue)
      w.writeString(day)
      w.writeOptional(note)
      return known(.knowledgeConfirmed)
    case .visitReopened(let visitID, let leftAt):
      w.writeString(visitID)
      w.writeVarint(leftAt.milliseconds)
      return known(.visitReopened)
    case .visitReturned(let visitID, let calledAt):
      w.writeString(visitID)
      w.writeVarint(calledAt.milliseconds)
      return known(.visitReturned)
    case .idsRemapped(let origin, let map):
      w.writeString(origin)
      w.writeVarint(UInt64(map.count))
      for change in map {
        w.writeString(change.old)
        w.writeString(change.new)
      }
      return known(.idsRemapped)
    case .accountAdded(let account):
      w.writeString(account.id)
      w.writeString(account.name)
      w.writeString(account.role.rawValue)
      w.writeBool(account.isRecovery)
      w.writeBytes(account.publicKey)
      w.writeBytes(account.slot)
      return known(.accountAdded)
    case .accountRemoved(let id):
      w.writeString(id)
      return known(.accountRemoved)
    case .accountRoleChanged(let id, let role):
      w.writeString(id)
      w.writeString(role.rawValue)
      return known(.accountRoleChanged)
    case .accountSlotReplaced(let id, let slot):
      w.writeString(id)
      w.writeBytes(slot)
      return known(.accountSlotReplaced)
    case .epochStarted(let start):
      w.write(start.epoch)
      w.writeVarint(UInt64(start.wraps.count))
      for wrap in start.wraps {
        w.writeString(wrap.account)
        w.writeBytes(wrap.ephemeral)
        w.writeBytes(wrap.box)
      }
      return known(.epochStarted)
    case .lockTimesChanged(let change):
      w.writeOptional(change.idleMinutes)
      w.writeOptional(change.wipeMinutes)
      w.writeOptional(change.sessionHours)
      return known(.lockTimesChanged)
    case .unknown(let type, let version, let body):
      w.write(raw: body)
      return (type, version)
    }
  }

  /// The event of a body; `raw` gives its bytes, kept for an event this program does not read.
  static func decode(type: UInt16, version: UInt16, body r: inout ByteReader, raw: () -> [UInt8])
    throws -> Event
  {
    // Types and versions this program does not know are kept as they are and passed on.
    guard let known = EventType(rawValue: type), (1...known.version).contains(version) else {
      return .unknown(type: type, version: version, body: raw())
    }
    switch known {
    case .officeCreated: return .officeCreated(office: try r.readString())
    case .visitorRegistered: return .visitorRegistered(try decodeVisitor(&r))
    case .visitorUpdated:
      // Version 1 (format 1) replaced every detail and carried no base.
      guard version >= 2 else { return .visitorUpdated(try decodeVisitor(&r), fields: .all, base: .max) }
      let fields = VisitorFields(rawValue: UInt32(truncatingIfNeeded: try r.readVarint()))
      let base = try r.readInt()
      return .visitorUpdated(try decodeVisitor(&r), fields: fields, base: base)
    case .consentRecorded:
      return .consentRecorded(
        visitorID: try r.readString(), store: try decodeConsent(&r), share: try decodeConsent(&r))
    case .visitArrived:
      return .visitArrived(
        visitID: try r.readString(), visitorID: try r.readString(), day: try r.readString(),
        number: try r.readInt(), letter: r.isAtEnd ? "A" : try r.readString())
    case .visitCalled: return .visitCalled(visitID: try r.readString(), desk: try r.readOptionalString())
    case .visitClosed:
      return .visitClosed(
        visitID: try r.readString(), topics: try r.readStrings(), outcome: try r.readOptionalString(),
        note: try r.readOptionalString())
    case .visitLeft: return .visitLeft(visitID: try r.readString())
    case .referralCreated:
      return .referralCreated(
        referralID: try r.readString(), visitorID: try r.readString(), partner: try r.readString(),
        topic: try r.readString(), due: try r.readOptionalString(), note: try r.readOptionalString(),
        visitID: try r.readOptionalString())
    case .referralChanged:
      let id = try r.readString()
      guard let status = ReferralStatus(rawValue: try r.readString()) else {
        return .unknown(type: type, version: version, body: raw())
      }
      let reason = try r.readOptionalString().flatMap(ReferralReason.init(rawValue:))
      return .referralChanged(
        referralID: id, status: status, reason: reason, note: try r.readOptionalString())
    case .followUpAdded:
      return .followUpAdded(
        followUpID: try r.readString(), visitorID: try r.readString(), on: try r.readString(),
        note: try r.readString())
    case .followUpDone: return .followUpDone(followUpID: try r.readString())
    case .visitorsMerged: return .visitorsMerged(keep: try r.readString(), other: try r.readString())
    case .visitorsUnmerged: return .visitorsUnmerged(keep: try r.readString(), other: try r.readString())
    case .partnerAdded: return .partnerAdded(try decodePartner(&r))
    case .partnerUpdated: return .partnerUpdated(try decodePartner(&r))
    case .partnerRetired: return .partnerRetired(code: try r.readString())
    case .sheetUpdated: return .sheetUpdated(try decodeSheet(&r))
    case .visitReopened:
      return .visitReopened(visitID: try r.readString(), leftAt: WallTime(milliseconds: try r.readVarint()))
    case .visitReturned:
      return .visitReturned(
        visitID: try r.readString(), calledAt: WallTime(milliseconds: try r.readVarint()))
    case .historyLossAccepted:
      return .historyLossAccepted(origin: try r.readString(), through: try r.readVarint())
    case .idsRemapped:
      let origin = try r.readString()
      let map = try (0..<(try r.readLength())).map { _ in
        IDChange(old: try r.readString(), new: try r.readString())
      }
      return .idsRemapped(origin: origin, map: map)
    case .accountAdded:
      let id = try r.readString()
      let name = try r.readString()
      let role = try role(&r)
      let isRecovery = try r.readBool()
      let publicKey = try r.readBytes()
      return .accountAdded(
        Account(
          id: id, name: name, role: role, publicKey: publicKey, isRecovery: isRecovery,
          slot: try r.readBytes()))
    case .accountRemoved: return .accountRemoved(id: try r.readString())
    case .accountRoleChanged: return .accountRoleChanged(id: try r.readString(), role: try role(&r))
    case .accountSlotReplaced: return .accountSlotReplaced(id: try r.readString(), slot: try r.readBytes())
    case .epochStarted:
      let epoch = try r.readUInt32()
      let wraps = try (0..<(try r.readLength())).map { _ in  // bounded by the bytes left: no huge allocation
        EpochKeyWrap(account: try r.readString(), ephemeral: try r.readBytes(), box: try r.readBytes())
      }
      return .epochStarted(EpochStart(epoch: epoch, wraps: wraps))
    case .lockTimesChanged:
      return .lockTimesChanged(
        LockTimesChange(
          idleMinutes: try r.readOptionalInt(), wipeMinutes: try r.readOptionalInt(),
          sessionHours: try r.readOptionalInt()))
    case .knowledgeConfirmed:
      guard let subject = KnowledgeSubject(key: try r.readString()),
        let method = ConfirmationMethod(rawValue: try r.readString())
      else { return .unknown(type: type, version: version, body: raw()) }
      return .knowledgeConfirmed(
        subject: subject, method: method, day: try r.readString(), note: try r.readOptionalString())
    }
  }

  private static func role(_ r: inout ByteReader) throws -> StaffRole {
    guard let role = StaffRole(rawValue: try r.readString()) else {
      throw ByteReader.Malformed(reason: "unknown role")
    }
    return role
  }

  static func encode(_ visitor: Visitor, into w: inout ByteWriter) {
    w.writeString(visitor.id)
    w.writeString(visitor.fullName)
    w.writeStrings(visitor.aliases)
    w.writeOptional(visitor.sex?.rawValue)
    w.writeOptional(visitor.birthYear)
    w.writeOptional(visitor.birthDate)
    w.writeOptional(visitor.nationality)
    w.writeStrings(visitor.languages)
    w.writeOptional(visitor.phone)
    w.writeOptional(visitor.island)
    w.writeOptional(visitor.municipality)
    w.writeOptional(visitor.document?.type)
    w.writeOptional(visitor.document?.number)
    encode(visitor.consentToStore, into: &w)
    encode(visitor.consentToShare, into: &w)
  }

  static func decodeVisitor(_ r: inout ByteReader) throws -> Visitor {
    var visitor = Visitor(id: try r.readString(), fullName: try r.readString())
    visitor.aliases = try r.readStrings()
    visitor.sex = try r.readOptionalString().flatMap(Sex.init(rawValue:))
    visitor.birthYear = try r.readOptionalInt()
    visitor.birthDate = try r.readOptionalString()
    visitor.nationality = try r.readOptionalString()
    visitor.languages = try r.readStrings()
    visitor.phone = try r.readOptionalString()
    visitor.island = try r.readOptionalString()
    visitor.municipality = try r.readOptionalString()
    let documentType = try r.readOptionalString()
    let documentNumber = try r.readOptionalString()
    if let documentType, let documentNumber {
      visitor.document = IdentityDocument(type: documentType, number: documentNumber)
    }
    visitor.consentToStore = try decodeConsent(&r)
    visitor.consentToShare = try decodeConsent(&r)
    return visitor
  }

  static func encode(_ consent: Consent?, into w: inout ByteWriter) {
    w.writeBool(consent != nil)
    guard let consent else { return }
    w.writeBool(consent.granted)
    w.writeString(consent.date)
    w.writeString(consent.recordedBy)
  }

  static func decodeConsent(_ r: inout ByteReader) throws -> Consent? {
    guard try r.readBool() else { return nil }
    return Consent(granted: try r.readBool(), date: try r.readString(), recordedBy: try r.readString())
  }

  static func encode(_ p: Partner, into w: inout ByteWriter) {
    w.writeString(p.code)
    w.writeString(p.name)
    w.writeOptional(p.short)
    w.writeString(p.kind)
    w.writeStrings(p.topics)
    w.writeStrings(p.islands)
    w.writeStrings(p.languages)
    w.writeOptional(p.phone)
    w.writeOptional(p.email)
    w.writeOptional(p.address)
    w.writeBool(p.toConfirm)
    w.writeString(p.note.pt)
    w.writeString(p.note.en)
    w.writeString(p.note.fr)
    w.writeBool(p.active)
  }

  static func decodePartner(_ r: inout ByteReader) throws -> Partner {
    Partner(
      code: try r.readString(), name: try r.readString(), short: try r.readOptionalString(),
      kind: try r.readString(),
      topics: try r.readStrings(), islands: try r.readStrings(), languages: try r.readStrings(),
      phone: try r.readOptionalString(), email: try r.readOptionalString(),
      address: try r.readOptionalString(),
      toConfirm: try r.readBool(),
      note: LocalizedText(pt: try r.readString(), en: try r.readString(), fr: try r.readString()),
      active: try r.readBool())
  }

  static func encode(_ sheet: KnowledgeSheet, into w: inout ByteWriter) {
    w.writeString(sheet.topic)
    w.writeString(sheet.reviewed)
    w.writeStrings(sheet.partners)
    for content in [sheet.pt, sheet.en, sheet.fr] {
      w.writeStrings(content.ask)
      w.writeStrings(content.documents)
      w.writeStrings(content.tell)
    }
  }

  static func decodeSheet(_ r: inout ByteReader) throws -> KnowledgeSheet {
    var sheet = KnowledgeSheet(
      topic: try r.readString(), reviewed: try r.readString(), partners: try r.readStrings())
    func content() throws -> SheetContent {
      SheetContent(ask: try r.readStrings(), documents: try r.readStrings(), tell: try r.readStrings())
    }
    sheet.pt = try content()
    sheet.en = try content()
    sheet.fr = try content()
    return sheet
  }
}
