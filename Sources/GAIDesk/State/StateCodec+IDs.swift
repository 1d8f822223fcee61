/// An interned id table in the snapshot: its prefixes, then (written by the caller, one per row) its keys,
/// then its hash slots as they are, in pieces between chunk boundaries. Opening copies the slots instead of
/// hashing every id again (at 1M events, a random access into a table of megabytes per id).
extension StateCodec {
  /// Slots written between two boundaries.
  static let slotsPerPiece = 8192

  /// Writes `slots` in pieces, a boundary before each.
  static func writeSlots(
    _ slots: [Int32], _ w: inout ByteWriter, _ boundary: (inout ByteWriter) throws -> Void
  ) rethrows {
    w.writeVarint(UInt64(slots.count))
    var start = 0
    while start < slots.count {
      try boundary(&w)
      let end = min(start + slotsPerPiece, slots.count)
      slots[start..<end].withUnsafeBytes { w.write(raw: $0) }
      start = end
    }
  }

  /// Reads what `writeSlots` wrote.
  static func readSlots(_ r: inout ByteReader, _ chunks: SnapshotChunkReader?) throws -> [Int32] {
    let count = try entries(&r, chunks)
    var slots = [Int32](repeating: 0, count: count)
    var start = 0
    while start < count {
      try chunks?.next(&r)
      let end = min(start + slotsPerPiece, count)
      let piece = try r.readRaw((end - start) * 4)
      slots.withUnsafeMutableBytes { out in
        piece.withUnsafeBytes {
          out.baseAddress!.advanced(by: start * 4).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
        }
      }
      start = end
    }
    return slots
  }

  /// The table of `prefixes` and `keys` with the slots that follow in `r`.
  static func readIDTable(
    prefixes: [String], keys: [IDTable.Key], _ r: inout ByteReader, _ chunks: SnapshotChunkReader?,
    kind: String
  ) throws -> IDTable {
    guard let table = IDTable(prefixes: prefixes, keys: keys, slots: try readSlots(&r, chunks)) else {
      throw ByteReader.Malformed(reason: kind)
    }
    return table
  }

  /// The id of `prefix` and `number` (-1: the prefix alone), as `IDTable` spells it, written in one buffer.
  static func id(_ prefix: String, _ number: Int64) -> String {
    guard number >= 0 else { return prefix }
    var digits = 1
    var rest = number
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    var prefix = prefix
    return prefix.withUTF8 { head in
      String(unsafeUninitializedCapacity: head.count + digits) { out in
        _ = out.initialize(fromContentsOf: head)
        var rest = number
        for place in stride(from: head.count + digits - 1, through: head.count, by: -1) {
          out[place] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
        return head.count + digits
      }
    }
  }
}
