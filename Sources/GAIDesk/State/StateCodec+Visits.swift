/// The visits in the snapshot as the table holds them: its id prefixes, visitor ids and texts written once,
/// then one fixed-width row per visit (docs/FORMAT.md "Snapshot cache"). Reading them back is a copy of
/// integers; only the groups by day and visitor and the ids' hash slots are rebuilt, in one pass.
extension StateCodec {
  static func encode(
    _ table: VisitTable, into w: inout ByteWriter, boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    try writeStrings(table.ids.prefixes, &w, boundary)
    try writeStrings(table.visitorIDs.prefixes, &w, boundary)
    w.writeVarint(UInt64(table.visitorIDs.count))
    for key in table.visitorIDs.keys {
      try boundary(&w)
      w.write(UInt32(bitPattern: key.prefix))
      w.write(UInt64(bitPattern: key.number))
    }
    try writeSlots(table.visitorIDs.slotsAsStored, &w, boundary)
    try writeStrings(table.days.values, &w, boundary)
    try writeStrings(table.texts.values, &w, boundary)
    w.writeVarint(UInt64(table.topicLists.count))
    for topics in table.topicLists.values {
      try boundary(&w)
      w.writeStrings(topics)
    }
    w.writeVarint(UInt64(table.rows.count))
    for (key, row) in zip(table.ids.keys, table.rows) {
      try boundary(&w)
      w.write(UInt32(bitPattern: key.prefix))
      w.write(UInt64(bitPattern: key.number))
      w.write(row.arrivedAt)
      w.write(row.calledAt)
      w.write(row.endedAt)
      w.write(UInt64(bitPattern: Int64(row.number)))
      w.write(UInt32(bitPattern: row.visitor))
      w.write(UInt32(bitPattern: row.day))
      w.write(UInt32(bitPattern: row.letter))
      w.write(UInt32(bitPattern: row.office))
      w.write(UInt32(bitPattern: row.arrivedBy))
      w.write(UInt32(bitPattern: row.desk))
      w.write(UInt32(bitPattern: row.servedBy))
      w.write(UInt32(bitPattern: row.outcome))
      w.write(UInt32(bitPattern: row.note))
      w.write(UInt32(bitPattern: row.topics))
      w.write(statusCode(row.status))
      w.write(UInt8(row.hasCalledAt ? 1 : 0) | UInt8(row.hasEndedAt ? 2 : 0))
    }
    try writeSlots(table.ids.slotsAsStored, &w, boundary)
  }

  static func decodeVisits(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> VisitTable {
    var table = VisitTable()
    let idPrefixes = try readStrings(&r, chunks)
    let visitorPrefixes = try readStrings(&r, chunks)
    var visitorKeys: [IDTable.Key] = []
    let visitorKeyCount = try entries(&r, chunks)
    visitorKeys.reserveCapacity(visitorKeyCount)
    for _ in 0..<visitorKeyCount {
      try chunks?.next(&r)
      visitorKeys.append(try readKey(&r))
    }
    let visitorIDs = try readIDTable(
      prefixes: visitorPrefixes, keys: visitorKeys, &r, chunks, kind: "visitor ids")
    guard let days = StringPool(try readStrings(&r, chunks)),
      let texts = StringPool(try readStrings(&r, chunks))
    else { throw ByteReader.Malformed(reason: "visit tables") }
    var lists: [[String]] = []
    for _ in 0..<(try entries(&r, chunks)) {
      try chunks?.next(&r)
      lists.append(try r.readStrings())
    }
    guard let topicLists = InternPool(lists) else { throw ByteReader.Malformed(reason: "topic lists") }
    let rowCount = try entries(&r, chunks)
    var keys: [IDTable.Key] = []
    keys.reserveCapacity(rowCount)
    table.rows.reserveCapacity(rowCount)
    let visitorCount = Int32(visitorIDs.count)
    let textCount = Int32(texts.count)
    for _ in 0..<rowCount {
      try chunks?.next(&r)
      keys.append(try readKey(&r))
      var row = VisitTable.Row(
        arrivedAt: try r.readUInt64(), number: 0, visitor: 0, day: 0, letter: 0, office: 0, arrivedBy: 0)
      row.calledAt = try r.readUInt64()
      row.endedAt = try r.readUInt64()
      row.number = Int(Int64(bitPattern: try r.readUInt64()))
      row.visitor = try readNumber(&r, below: visitorCount)
      row.day = try readNumber(&r, below: Int32(days.count))
      row.letter = try readNumber(&r, below: textCount)
      row.office = try readNumber(&r, below: textCount)
      row.arrivedBy = try readNumber(&r, below: textCount)
      row.desk = try readNumber(&r, below: textCount, orNone: true)
      row.servedBy = try readNumber(&r, below: textCount, orNone: true)
      row.outcome = try readNumber(&r, below: textCount, orNone: true)
      row.note = try readNumber(&r, below: textCount, orNone: true)
      row.topics = try readNumber(&r, below: Int32(topicLists.count), orNone: true)
      let status = try r.readUInt8()
      let flags = try r.readUInt8()
      guard Int(status) < statusCodes.count, flags < 4 else {
        throw ByteReader.Malformed(reason: "visit row")
      }
      row.status = statusCodes[Int(status)]
      row.hasCalledAt = flags & 1 != 0
      row.hasEndedAt = flags & 2 != 0
      table.rows.append(row)
    }
    table.ids = try readIDTable(prefixes: idPrefixes, keys: keys, &r, chunks, kind: "visit ids")
    table.visitorIDs = visitorIDs
    table.days = days
    table.texts = texts
    table.topicLists = topicLists
    table.rowsByDay = try groups(table.rows, count: days.count, by: { $0.day })
    table.rowsByVisitor = try groups(table.rows, count: visitorIDs.count, by: { $0.visitor })
    return table
  }

  /// The numbers of `rows` grouped by `key` (below `count`), in order: where each group starts in one flat
  /// list of row numbers, that list filled in row order, then each group copied out of it at its size. Every
  /// group holds a row: every day and visitor a table holds was named by a visit when it was folded.
  private static func groups(_ rows: [VisitTable.Row], count: Int, by key: (VisitTable.Row) -> Int32)
    throws -> [[Int32]]
  {
    var starts = [Int](repeating: 0, count: count + 1)
    for row in rows { starts[Int(key(row)) + 1] += 1 }
    for group in 0..<count {
      guard starts[group + 1] > 0 else { throw ByteReader.Malformed(reason: "visit groups") }
      starts[group + 1] += starts[group]
    }
    var next = starts
    var flat = [Int32](repeating: 0, count: rows.count)
    for (number, row) in rows.enumerated() {
      let group = Int(key(row))
      flat[next[group]] = Int32(number)
      next[group] += 1
    }
    return flat.withUnsafeBufferPointer { flat in
      (0..<count).map { Array(UnsafeBufferPointer(rebasing: flat[starts[$0]..<starts[$0 + 1]])) }
    }
  }

  private static let statusCodes: [VisitStatus] = [.waiting, .called, .done, .left]

  private static func statusCode(_ status: VisitStatus) -> UInt8 {
    UInt8(statusCodes.firstIndex(of: status)!)
  }

  static func readKey(_ r: inout ByteReader) throws -> IDTable.Key {
    IDTable.Key(prefix: Int32(bitPattern: try r.readUInt32()), number: Int64(bitPattern: try r.readUInt64()))
  }

  /// A number into a table of `count` entries (or -1 when `orNone`).
  static func readNumber(_ r: inout ByteReader, below count: Int32, orNone: Bool = false) throws
    -> Int32
  {
    let number = Int32(bitPattern: try r.readUInt32())
    guard number < count, number >= (orNone ? -1 : 0) else { throw ByteReader.Malformed(reason: "number") }
    return number
  }

  static func writeStrings(
    _ strings: [String], _ w: inout ByteWriter, _ boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    w.writeVarint(UInt64(strings.count))
    for string in strings {
      try boundary(&w)
      w.writeString(string)
    }
  }

  private static func readStrings(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> [String] {
    try (0..<(try entries(&r, chunks))).map { _ in
      try chunks?.next(&r)
      return try r.readString()
    }
  }
}
