/// Visitors, referrals and follow-ups in the snapshot as rows (docs/FORMAT.md "Snapshot cache"): the texts
/// they hold in one table (those many entities share once), the lists of texts (aliases, languages) in
/// another, then per kind the id prefixes, one row of numbers per entity and the ids' hash slots. Reading them
/// back decodes each text of the table once and builds every entity from strings already decoded.
extension StateCodec {
  /// The texts and lists the entities name, numbered in the order they are written: a text most entities
  /// share (dates, codes, staff, languages) once, found by `StringPool`; a text of one entity (a name, a
  /// phone, an id, a note) appended without a lookup.
  struct EntityTexts {
    private(set) var values: [String] = []
    private var shared = StringPool()
    /// Per number in `shared`, its number in `values`.
    private var sharedNumbers: [Int32] = []
    /// The lists of text numbers, by number, each once.
    private(set) var lists: [[Int32]] = []
    private var listNumbers: [[Int32]: Int32] = [:]

    /// The number of `value`, written once.
    mutating func text(_ value: String) -> Int32 {
      let number = shared.intern(value)
      if Int(number) == sharedNumbers.count {
        sharedNumbers.append(Int32(values.count))
        values.append(value)
      }
      return sharedNumbers[Int(number)]
    }

    /// The number of `value`, written once; -1 for nil.
    mutating func text(_ value: String?) -> Int32 { value.map { text($0) } ?? -1 }

    /// The number of `value`, a text of one entity: written again when another entity holds it too.
    mutating func own(_ value: String?) -> Int32 {
      guard let value else { return -1 }
      values.append(value)
      return Int32(values.count - 1)
    }

    /// The number of the list of `values`, -1 when empty.
    mutating func list(_ values: [String]) -> Int32 {
      guard !values.isEmpty else { return -1 }
      let list = values.map { text($0) }
      if let number = listNumbers[list] { return number }
      listNumbers[list] = Int32(lists.count)
      lists.append(list)
      return Int32(lists.count - 1)
    }
  }

  /// A visitor as written: numbers into the texts and lists, -1 for none.
  struct VisitorRow {
    var fullName: Int32
    var aliases: Int32
    var birthDate: Int32
    var nationality: Int32
    var languages: Int32
    var phone: Int32
    var island: Int32
    var municipality: Int32
    var documentType: Int32
    var documentNumber: Int32
    var storeDate: Int32
    var storeBy: Int32
    var shareDate: Int32
    var shareBy: Int32
    var mergedInto: Int32
    var birthYear: Int64
    var sex: UInt8
    /// Bit 0: a birth year; bits 1–2 and 3–4: consent to store and to share (0 none, 1 refused, 2 granted).
    var flags: UInt8
  }

  /// Writes the visitors of `state` and the texts and lists they hold, a boundary between entries.
  static func encodeVisitors(
    _ state: OfficeState, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    var pool = EntityTexts()
    let visitorRows = state.visitors.values.map { visitorRow($0, &pool) }
    try writeStrings(pool.values, &w, boundary)
    w.writeVarint(UInt64(pool.lists.count))
    for list in pool.lists {
      try boundary(&w)
      w.writeVarint(UInt64(list.count))
      for text in list { w.write(UInt32(bitPattern: text)) }
    }
    let visitorIDs = state.visitors.idTable
    try writeStrings(visitorIDs.prefixes, &w, boundary)
    w.writeVarint(UInt64(visitorRows.count))
    for (key, row) in zip(visitorIDs.keys, visitorRows) {
      try boundary(&w)
      write(key, &w)
      for number in [
        row.fullName, row.aliases, row.birthDate, row.nationality, row.languages, row.phone, row.island,
        row.municipality, row.documentType, row.documentNumber, row.storeDate, row.storeBy, row.shareDate,
        row.shareBy, row.mergedInto,
      ] {
        w.write(UInt32(bitPattern: number))
      }
      w.write(UInt64(bitPattern: row.birthYear))
      w.write(row.sex)
      w.write(row.flags)
    }
    try writeSlots(visitorIDs.slotsAsStored, &w, boundary)
  }

  /// Writes the referrals and follow-ups of `state` and the texts they hold (a table of their own, so that
  /// they are read without the visitors'), a boundary between entries.
  static func encodeReferralsAndFollowUps(
    _ state: OfficeState, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    var pool = EntityTexts()
    // Each referral's and follow-up's texts interned in the order they are written below: a referral's
    // seven, then a note and an author per change of its history; a follow-up's five.
    let referralTexts = state.referrals.values.map { referral in
      (
        fields: [
          pool.own(referral.visitorID), pool.text(referral.partner), pool.text(referral.topic),
          pool.text(referral.due), pool.own(referral.note), pool.own(referral.visitID),
          pool.text(referral.createdBy),
        ],
        changes: referral.history.map { (note: pool.own($0.note), by: pool.text($0.by)) }
      )
    }
    let followUpTexts = state.followUps.values.map { followUp in
      [
        pool.own(followUp.visitorID), pool.text(followUp.on), pool.own(followUp.note),
        pool.text(followUp.createdBy), pool.text(followUp.doneBy),
      ]
    }
    try writeStrings(pool.values, &w, boundary)
    let referralIDs = state.referrals.idTable
    try writeStrings(referralIDs.prefixes, &w, boundary)
    w.writeVarint(UInt64(state.referrals.count))
    for ((key, referral), texts) in zip(zip(referralIDs.keys, state.referrals.values), referralTexts) {
      try boundary(&w)
      write(key, &w)
      for number in texts.fields { w.write(UInt32(bitPattern: number)) }
      w.write(referral.createdAt.milliseconds)
      w.write(UInt32(referral.history.count))
      for (change, numbers) in zip(referral.history, texts.changes) {
        w.write(UInt8(ReferralStatus.allCases.firstIndex(of: change.status)!))
        w.write(change.reason.map { UInt8(ReferralReason.allCases.firstIndex(of: $0)! + 1) } ?? 0)
        w.write(UInt32(bitPattern: numbers.note))
        w.write(UInt32(bitPattern: numbers.by))
        w.write(change.at.milliseconds)
      }
    }
    try writeSlots(referralIDs.slotsAsStored, &w, boundary)
    let followUpIDs = state.followUps.idTable
    try writeStrings(followUpIDs.prefixes, &w, boundary)
    w.writeVarint(UInt64(state.followUps.count))
    for ((key, followUp), texts) in zip(zip(followUpIDs.keys, state.followUps.values), followUpTexts) {
      try boundary(&w)
      write(key, &w)
      for number in texts { w.write(UInt32(bitPattern: number)) }
      w.write(followUp.doneAt?.milliseconds ?? 0)
      w.write(UInt8(followUp.doneAt == nil ? 0 : 1))
    }
    try writeSlots(followUpIDs.slotsAsStored, &w, boundary)
  }

  private static func visitorRow(_ v: Visitor, _ pool: inout EntityTexts) -> VisitorRow {
    func consent(_ c: Consent?) -> UInt8 { c.map { $0.granted ? 2 : 1 } ?? 0 }
    return VisitorRow(
      fullName: pool.own(v.fullName), aliases: pool.list(v.aliases), birthDate: pool.text(v.birthDate),
      nationality: pool.text(v.nationality), languages: pool.list(v.languages), phone: pool.own(v.phone),
      island: pool.text(v.island), municipality: pool.text(v.municipality),
      documentType: pool.text(v.document?.type), documentNumber: pool.own(v.document?.number),
      storeDate: pool.text(v.consentToStore?.date), storeBy: pool.text(v.consentToStore?.recordedBy),
      shareDate: pool.text(v.consentToShare?.date), shareBy: pool.text(v.consentToShare?.recordedBy),
      mergedInto: pool.own(v.mergedInto), birthYear: Int64(v.birthYear ?? 0),
      sex: v.sex.map { UInt8(Sex.allCases.firstIndex(of: $0)! + 1) } ?? 0,
      flags: (v.birthYear == nil ? 0 : 1) | consent(v.consentToStore) << 1 | consent(v.consentToShare) << 3)
  }

  /// The visitors `encodeVisitors` wrote, into `state`.
  static func decodeVisitors(
    _ r: inout ByteReader, _ chunks: SnapshotChunkReader?, into state: inout OfficeState
  ) throws {
    let texts = try readTexts(&r, chunks)
    let textCount = Int32(texts.count)
    var lists: [[String]] = []
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      lists.append(
        try (0..<(try entries(&r, chunks))).map { _ in texts[Int(try readNumber(&r, below: textCount))] })
    }
    // Read through buffers: a closure reading an array retains and releases it at every access.
    try texts.withUnsafeBufferPointer { texts in
      try lists.withUnsafeBufferPointer { lists in
        try decodeVisitorRows(&r, chunks, texts: texts, lists: lists, into: &state)
      }
    }
  }

  /// The visitors' rows, their texts in `texts` and `lists`.
  private static func decodeVisitorRows(
    _ r: inout ByteReader, _ chunks: SnapshotChunkReader?, texts: UnsafeBufferPointer<String>,
    lists: UnsafeBufferPointer<[String]>, into state: inout OfficeState
  ) throws {
    let textCount = Int32(texts.count)
    let listCount = Int32(lists.count)
    func text(_ r: inout ByteReader) throws -> String { texts[Int(try readNumber(&r, below: textCount))] }
    func optionalText(_ r: inout ByteReader) throws -> String? {
      let number = try readNumber(&r, below: textCount, orNone: true)
      return number < 0 ? nil : texts[Int(number)]
    }

    state.visitors = try readTable(&r, chunks, kind: "visitors") { r, id in
      var visitor = Visitor(id: id, fullName: try text(&r))
      let aliases = try readNumber(&r, below: listCount, orNone: true)
      visitor.aliases = aliases < 0 ? [] : lists[Int(aliases)]
      visitor.birthDate = try optionalText(&r)
      visitor.nationality = try optionalText(&r)
      let languages = try readNumber(&r, below: listCount, orNone: true)
      visitor.languages = languages < 0 ? [] : lists[Int(languages)]
      visitor.phone = try optionalText(&r)
      visitor.island = try optionalText(&r)
      visitor.municipality = try optionalText(&r)
      let documentType = try optionalText(&r)
      let documentNumber = try optionalText(&r)
      if let documentType, let documentNumber {
        visitor.document = IdentityDocument(type: documentType, number: documentNumber)
      }
      let store = (date: try optionalText(&r), by: try optionalText(&r))
      let share = (date: try optionalText(&r), by: try optionalText(&r))
      visitor.mergedInto = try optionalText(&r)
      let birthYear = Int(Int64(bitPattern: try r.readUInt64()))
      let sex = try r.readUInt8()
      let flags = try r.readUInt8()
      guard Int(sex) <= Sex.allCases.count, flags < 1 << 5, flags >> 1 & 3 < 3, flags >> 3 & 3 < 3 else {
        throw ByteReader.Malformed(reason: "visitor row")
      }
      visitor.sex = sex == 0 ? nil : Sex.allCases[Int(sex) - 1]
      visitor.birthYear = flags & 1 == 0 ? nil : birthYear
      visitor.consentToStore = try consent(flags >> 1 & 3, store.date, store.by)
      visitor.consentToShare = try consent(flags >> 3 & 3, share.date, share.by)
      return visitor
    }
    state.visitorOrder = state.visitors.values.map(\.id)
  }

  /// The referrals and follow-ups `encodeReferralsAndFollowUps` wrote.
  static func decodeReferralsAndFollowUps(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws
    -> ReferralsAndFollowUps
  {
    let texts = try readTexts(&r, chunks)
    return try texts.withUnsafeBufferPointer { try decodeReferralRows(&r, chunks, texts: $0) }
  }

  /// The referrals and follow-ups of a state, in creation order.
  struct ReferralsAndFollowUps: Sendable {
    var referrals = EntityTable<Referral>()
    var followUps = EntityTable<FollowUp>()

    /// Sets them in `state`, with their orders.
    func set(in state: inout OfficeState) {
      state.referrals = referrals
      state.referralOrder = referrals.values.map(\.id)
      state.followUps = followUps
      state.followUpOrder = followUps.values.map(\.id)
    }
  }

  /// The referrals' and follow-ups' rows, their texts in `texts`.
  private static func decodeReferralRows(
    _ r: inout ByteReader, _ chunks: SnapshotChunkReader?, texts: UnsafeBufferPointer<String>
  ) throws -> ReferralsAndFollowUps {
    let textCount = Int32(texts.count)
    func text(_ r: inout ByteReader) throws -> String { texts[Int(try readNumber(&r, below: textCount))] }
    func optionalText(_ r: inout ByteReader) throws -> String? {
      let number = try readNumber(&r, below: textCount, orNone: true)
      return number < 0 ? nil : texts[Int(number)]
    }
    var result = ReferralsAndFollowUps()
    result.referrals = try readTable(&r, chunks, kind: "referrals") { r, id in
      var referral = Referral(
        id: id, visitorID: try text(&r), partner: try text(&r), topic: try text(&r),
        due: try optionalText(&r),
        note: try optionalText(&r), visitID: try optionalText(&r), createdAt: WallTime(milliseconds: 0),
        createdBy: try text(&r))
      referral.createdAt = WallTime(milliseconds: try r.readUInt64())
      let changes = Int(try r.readUInt32())
      guard changes <= r.remaining / 18 else { throw ByteReader.Malformed(reason: "referral row") }
      referral.history = []
      referral.history.reserveCapacity(changes)
      for _ in 0..<changes {
        let status = Int(try r.readUInt8())
        let reason = Int(try r.readUInt8())
        guard status < ReferralStatus.allCases.count, reason <= ReferralReason.allCases.count else {
          throw ByteReader.Malformed(reason: "referral row")
        }
        referral.history.append(
          ReferralChange(
            status: ReferralStatus.allCases[status],
            reason: reason == 0 ? nil : ReferralReason.allCases[reason - 1], note: try optionalText(&r),
            at: WallTime(milliseconds: 0), by: try text(&r)))
        referral.history[referral.history.count - 1].at = WallTime(milliseconds: try r.readUInt64())
      }
      return referral
    }
    result.followUps = try readTable(&r, chunks, kind: "follow-ups") { r, id in
      var followUp = FollowUp(
        id: id, visitorID: try text(&r), on: try text(&r), note: try text(&r), createdBy: try text(&r),
        doneAt: nil, doneBy: try optionalText(&r))
      let doneAt = try r.readUInt64()
      let done = try r.readUInt8()
      guard done < 2 else { throw ByteReader.Malformed(reason: "follow-up row") }
      followUp.doneAt = done == 1 ? WallTime(milliseconds: doneAt) : nil
      return followUp
    }
    return result
  }

  /// A consent of `code` (0 none, 1 refused, 2 granted) recorded on `date` by `by`.
  private static func consent(_ code: UInt8, _ date: String?, _ by: String?) throws -> Consent? {
    guard code != 0 else {
      guard date == nil, by == nil else { throw ByteReader.Malformed(reason: "consent") }
      return nil
    }
    guard let date, let by else { throw ByteReader.Malformed(reason: "consent") }
    return Consent(granted: code == 2, date: date, recordedBy: by)
  }

  /// The id prefixes of one kind, then its rows, each read by `entity` given the row's id.
  private static func readTable<Entity>(
    _ r: inout ByteReader, _ chunks: SnapshotChunkReader?, kind: String,
    entity: (inout ByteReader, String) throws -> Entity
  ) throws -> EntityTable<Entity> {
    let prefixes = try readTexts(&r, chunks)
    let count = try entries(&r, chunks)
    var keys: [IDTable.Key] = []
    var values: [Entity] = []
    keys.reserveCapacity(count)
    values.reserveCapacity(count)
    for _ in 0..<count {
      try chunks?.next(&r)
      let key = try readKey(&r)
      guard key.prefix >= 0, Int(key.prefix) < prefixes.count, key.number >= -1 else {
        throw ByteReader.Malformed(reason: kind)
      }
      let prefix = prefixes[Int(key.prefix)]
      keys.append(key)
      values.append(try entity(&r, id(prefix, key.number)))
    }
    let ids = try readIDTable(prefixes: prefixes, keys: keys, &r, chunks, kind: kind)
    guard let table = EntityTable(values: values, ids: ids) else { throw ByteReader.Malformed(reason: kind) }
    return table
  }

  static func write(_ key: IDTable.Key, _ w: inout ByteWriter) {
    w.write(UInt32(bitPattern: key.prefix))
    w.write(UInt64(bitPattern: key.number))
  }

  /// A count of texts, then each: decoded without the check of `ByteReader.readString`, since the chunks are
  /// authenticated and were written from Swift strings (bytes that were not UTF-8 would come back repaired,
  /// never trap).
  static func readTexts(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> [String] {
    let count = try entries(&r, chunks)
    var texts: [String] = []
    texts.reserveCapacity(count)
    for _ in 0..<count {
      try chunks?.next(&r)
      let bytes = try r.readRaw(try r.readLength())
      texts.append(bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
    }
    return texts
  }
}
