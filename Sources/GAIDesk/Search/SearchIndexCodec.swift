/// The search index as the plaintext of its cache: every part a flat array of fixed-width little-endian
/// integers behind its element count, copied in and out whole (no entry decoded one by one). Reading checks
/// every count, offset and id against the others, so a file that opens but does not fit is refused rather than
/// trusted.
enum SearchIndexCodec {
  /// Written first, to refuse a file of a machine of the other byte order.
  static let byteOrderMark: UInt32 = 0x0102_0304

  /// The plaintext of `search`.
  static func encode(_ search: VisitorSearch) -> [UInt8] {
    var w = ColumnWriter()
    w.append([byteOrderMark])
    w.append([search.fingerprintKey.k0, search.fingerprintKey.k1])
    var idEnds: [Int32] = []
    var idBytes: [UInt8] = []
    idEnds.reserveCapacity(search.documents.count)
    for document in search.documents {
      idBytes += document.id.utf8
      idEnds.append(Int32(idBytes.count))
    }
    w.append(idEnds)
    w.append(idBytes)
    w.append(search.documents.map { Int32($0.nameWords) })
    w.append(search.fingerprints)
    // Each document's digits in document order (those indexed again were appended at the end).
    var digitEnds: [Int32] = []
    var digitStore: [UInt8] = []
    digitEnds.reserveCapacity(search.documents.count)
    digitStore.reserveCapacity(search.digitStore.count)
    for (start, end) in zip(search.digitStarts, search.digitEnds) {
      digitStore += search.digitStore[Int(start)..<Int(end)]
      digitEnds.append(Int32(digitStore.count))
    }
    w.append(digitEnds)
    w.append(digitStore)
    w.append(search.documentTokens)
    w.appendNested(search.tokens)
    w.appendNested(search.postings)
    w.append(search.sorted)
    w.appendNested(search.digitGrams)
    let letters = search.letterLists.keys.sorted()
    w.append(letters)
    w.appendNested(letters.map { search.letterLists[$0]!.map(\.doc) })
    w.append(letters.flatMap { search.letterLists[$0]!.map(\.score) })
    // The basis: its tag (none: empty), the base state's visitor count, the visitors touched since.
    w.append(search.basis?.tag ?? [])
    w.append(search.basis.map { [Int64($0.visitors)] } ?? [])
    var touchedEnds: [Int32] = []
    var touchedBytes: [UInt8] = []
    for id in search.basis?.touched.sorted() ?? [] {
      touchedBytes += id.utf8
      touchedEnds.append(Int32(touchedBytes.count))
    }
    w.append(touchedEnds)
    w.append(touchedBytes)
    return w.bytes
  }

  /// The index in `plain`, or nil when anything in it does not fit.
  static func decode(_ plain: [UInt8]) -> VisitorSearch? {
    var r = ColumnReader(plain)
    guard let mark: [UInt32] = r.read(), mark == [byteOrderMark],
      let key: [UInt64] = r.read(), key.count == 2,
      let idEnds: [Int32] = r.read(), let idBytes: [UInt8] = r.read(),
      let nameWords: [Int32] = r.read(), let fingerprints: [UInt64] = r.read(),
      let digitEnds: [Int32] = r.read(), let digitStore: [UInt8] = r.read(),
      let documentTokens: [Int32] = r.read(),
      let tokens: [[UInt32]] = r.readNested(),
      let postings: [[Int32]] = r.readNested(below: Int32(truncatingIfNeeded: idEnds.count)),
      let sorted: [Int32] = r.read(),
      let digitGrams: [[Int32]] = r.readNested(below: Int32(truncatingIfNeeded: idEnds.count)),
      let letters: [UInt32] = r.read(),
      let letterDocs: [[Int32]] = r.readNested(below: Int32(truncatingIfNeeded: idEnds.count)),
      let letterScores: [UInt8] = r.read(), let basisTag: [UInt8] = r.read(),
      let basisVisitors: [Int64] = r.read(), let touchedEnds: [Int32] = r.read(),
      let touchedBytes: [UInt8] = r.read(), r.isAtEnd
    else { return nil }
    let count = idEnds.count
    let tokenCount = tokens.count
    guard count < Int32.max, tokenCount < Int32.max, nameWords.count == count, fingerprints.count == count,
      digitEnds.count == count, documentTokens.count == count, postings.count == tokenCount,
      sorted.count == tokenCount, digitGrams.count == 1000, letterDocs.count == letters.count,
      letterScores.count == letterDocs.reduce(0, { $0 + $1.count }),
      ascending(idEnds, within: idBytes.count), ascending(digitEnds, within: digitStore.count),
      documentTokens.allSatisfy({ $0 >= -1 && Int($0) < tokenCount }),
      nameWords.allSatisfy({ $0 >= 0 }),
      letterDocs.allSatisfy({ $0.count <= VisitorSearch.letterListSize }),
      letterScores.allSatisfy({ $0 <= 1 }), Set(letters).count == letters.count,
      isPermutation(sorted, of: tokenCount),
      basisTag.isEmpty
        ? basisVisitors.isEmpty && touchedEnds.isEmpty
        : basisTag.count == 32 && basisVisitors.count == 1 && (0...Int64(count)).contains(basisVisitors[0]),
      ascending(touchedEnds, within: touchedBytes.count),
      touchedEnds.last.map({ Int($0) }) ?? 0 == touchedBytes.count
    else { return nil }
    var documents: [VisitorSearch.Document] = []
    documents.reserveCapacity(count)
    // Ids are ASCII as the desk makes them: checked once for all, then taken as they are.
    let ascii = idBytes.allSatisfy { $0 < 0x80 }
    let valid = idBytes.withUnsafeBufferPointer { bytes -> Bool in
      var start = 0
      for doc in 0..<count {
        let end = Int(idEnds[doc])
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let id = ascii ? String(decoding: slice, as: UTF8.self) : string(slice) else { return false }
        documents.append(VisitorSearch.Document(id: id, nameWords: Int(nameWords[doc])))
        start = end
      }
      return true
    }
    guard valid else { return nil }
    var touched = Set<String>()
    var touchedStart = 0
    for end in touchedEnds {
      let bytes = touchedBytes[touchedStart..<Int(end)]
      guard let id = bytes.withUnsafeBufferPointer({ string($0) }) else { return nil }
      touched.insert(id)
      touchedStart = Int(end)
    }
    let basis =
      basisTag.isEmpty
      ? nil : SearchBasis(tag: basisTag, visitors: Int(basisVisitors[0]), touched: touched)
    var letterLists: [UInt32: [VisitorSearch.LetterHit]] = [:]
    var scoreIndex = 0
    for (letter, docs) in zip(letters, letterDocs) {
      letterLists[letter] = docs.map { doc in
        defer { scoreIndex += 1 }
        return VisitorSearch.LetterHit(doc: doc, score: letterScores[scoreIndex])
      }
    }
    return VisitorSearch(
      documents: documents, fingerprints: fingerprints,
      fingerprintKey: SearchFingerprint.Key(k0: key[0], k1: key[1]),
      digitStarts: digitEnds.isEmpty ? [] : [0] + digitEnds.dropLast(), digitEnds: digitEnds,
      digitStore: digitStore, documentTokens: documentTokens, tokens: tokens, postings: postings,
      sorted: sorted, digitGrams: digitGrams, letterLists: letterLists, basis: basis)
  }

  /// The string of valid UTF-8 `bytes` (ASCII taken as it is), or nil.
  private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    return String(validating: bytes, as: UTF8.self)
  }

  /// Whether `ends` never decrease and stay within `0...limit`.
  private static func ascending(_ ends: [Int32], within limit: Int) -> Bool {
    var previous: Int32 = 0
    for end in ends {
      guard end >= previous, Int(end) <= limit else { return false }
      previous = end
    }
    return true
  }

  /// Whether `ids` holds each of `0..<count` once.
  private static func isPermutation(_ ids: [Int32], of count: Int) -> Bool {
    var seen = [Bool](repeating: false, count: count)
    for id in ids {
      guard id >= 0, Int(id) < count, !seen[Int(id)] else { return false }
      seen[Int(id)] = true
    }
    return true
  }
}

/// Writes arrays of fixed-width integers as a count and their bytes.
struct ColumnWriter {
  private(set) var bytes: [UInt8] = []

  /// Appends the element count, then the elements' bytes.
  mutating func append<T: FixedWidthInteger>(_ values: [T]) {
    appendCount(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  /// Appends arrays as their ends (one `Int32` each) and their elements in one array.
  mutating func appendNested<T: FixedWidthInteger>(_ arrays: [[T]]) {
    var ends: [Int32] = []
    ends.reserveCapacity(arrays.count)
    var total = 0
    for array in arrays {
      total += array.count
      ends.append(Int32(total))
    }
    append(ends)
    appendCount(total)
    for array in arrays { array.withUnsafeBytes { bytes.append(contentsOf: $0) } }
  }

  private mutating func appendCount(_ count: Int) {
    withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
  }
}

/// Reads what `ColumnWriter` wrote, refusing counts beyond the bytes left.
struct ColumnReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Whether every byte was read.
  var isAtEnd: Bool { offset == bytes.count }

  /// The next array, or nil when its count goes beyond the end.
  mutating func read<T: FixedWidthInteger>() -> [T]? {
    guard let count = readCount(), count <= (bytes.count - offset) / MemoryLayout<T>.stride else {
      return nil
    }
    let size = count * MemoryLayout<T>.stride
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
      }
      initialized = count
    }
    offset += size
    return values
  }

  /// The next nested arrays, or nil when their ends do not fit their elements or, given `bound`, an element is
  /// outside `0..<bound` (checked on the elements in one array, before they are cut).
  mutating func readNested<T: FixedWidthInteger>(below bound: T? = nil) -> [[T]]? {
    guard let ends: [Int32] = read(), let flat: [T] = read() else { return nil }
    if let bound {
      var outside = false
      for value in flat { outside = outside || value < 0 || value >= bound }
      guard !outside else { return nil }
    }
    var arrays: [[T]] = []
    arrays.reserveCapacity(ends.count)
    let fits = flat.withUnsafeBufferPointer { elements -> Bool in
      var start = 0
      for end in ends {
        guard end >= start, Int(end) <= elements.count else { return false }
        arrays.append(
          start == Int(end) ? [] : Array(UnsafeBufferPointer(rebasing: elements[start..<Int(end)])))
        start = Int(end)
      }
      return start == elements.count
    }
    return fits ? arrays : nil
  }

  private mutating func readCount() -> Int? {
    guard bytes.count - offset >= 8 else { return nil }
    var value: UInt64 = 0
    for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += 8
    guard value <= UInt64(bytes.count) else { return nil }
    return Int(value)
  }
}
