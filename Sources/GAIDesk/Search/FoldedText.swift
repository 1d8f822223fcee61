/// Text folded once (`SearchText.fold`), for its words (`SearchText.tokens`) and their sound keys
/// (`SoundKey.words`) without folding it again: as ASCII bytes when the fold is ASCII (most names), read byte by
/// byte; otherwise as the folded string, read by `Character`.
struct FoldedText {
  private enum Form {
    case ascii([UInt8])
    case other(String)
  }

  private let form: Form

  /// `text` folded.
  init(_ text: String) {
    if let ascii = LatinFold.ascii(text) {
      form = .ascii(ascii)
      return
    }
    let folded = SearchText.foundationFold(text)
    form = folded.utf8.allSatisfy { $0 < 0x80 } ? .ascii(Array(folded.utf8)) : .other(folded)
  }

  /// The words: split on anything but letters and digits (in ASCII, a `Character` is a byte, and its letters
  /// and digits are A–Z, a–z and 0–9).
  var words: [String] {
    switch form {
    case .ascii(let bytes):
      var words: [String] = []
      FoldedText.forEachRun(in: bytes, keeping: { _ in false }) { start, end, _ in
        words.append(String(decoding: bytes[start..<end], as: UTF8.self))
      }
      return words
    case .other(let folded):
      return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
  }

  /// Calls `body` with the scalars of each of `words` in turn (`scratch` holds them, reused between words).
  func forEachWord(_ scratch: inout [UInt32], _ body: ([UInt32]) -> Void) {
    switch form {
    case .ascii(let bytes):
      FoldedText.forEachRun(in: bytes, keeping: { _ in false }) { start, end, _ in
        scratch.removeAll(keepingCapacity: true)
        for byte in bytes[start..<end] { scratch.append(UInt32(byte)) }
        body(scratch)
      }
    case .other(let folded):
      for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: word.unicodeScalars.lazy.map(\.value))
        body(scratch)
      }
    }
  }

  /// The sound keys of the words (`SoundKey.words`): apostrophes dropped, each word of two letters or more
  /// without digits keyed, empty keys left out. Calls `body` with `prefix` followed by each key's scalars
  /// (`scratch` holds them, reused between keys).
  func forEachSoundKey(prefix: [UInt32], _ scratch: inout SoundKey.Scratch, _ body: ([UInt32]) -> Void) {
    switch form {
    case .ascii(let bytes):
      FoldedText.forEachRun(in: bytes, keeping: SoundKey.isASCIIApostrophe) { start, end, kept in
        guard end - start - kept >= 2,
          !bytes[start..<end].contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return }
        scratch.key.removeAll(keepingCapacity: true)
        scratch.key.append(contentsOf: prefix)
        let letters = bytes[start..<end].lazy.filter { !SoundKey.isASCIIApostrophe($0) }.map(UInt32.init)
        SoundKey.key(letters, into: &scratch.key, single: &scratch.single)
        if scratch.key.count > prefix.count { body(scratch.key) }
      }
    case .other(let folded):
      for key in SoundKey.keys(ofFolded: folded) {
        scratch.key.removeAll(keepingCapacity: true)
        scratch.key.append(contentsOf: prefix)
        scratch.key.append(contentsOf: key.unicodeScalars.lazy.map(\.value))
        body(scratch.key)
      }
    }
  }

  /// Calls `body` with the start and end of each run of ASCII letters, digits and bytes `kept` in `bytes`,
  /// and how many bytes `kept` it holds.
  private static func forEachRun(
    in bytes: [UInt8], keeping kept: (UInt8) -> Bool, _ body: (Int, Int, Int) -> Void
  ) {
    var index = 0
    while index < bytes.count {
      while index < bytes.count, !isLetterOrDigit(bytes[index]), !kept(bytes[index]) { index += 1 }
      let start = index
      var keptCount = 0
      while index < bytes.count {
        let byte = bytes[index]
        if isLetterOrDigit(byte) {
        } else if kept(byte) {
          keptCount += 1
        } else {
          break
        }
        index += 1
      }
      if index > start { body(start, index, keptCount) }
    }
  }

  /// Whether an ASCII byte is a letter or a digit (`Character.isLetter || isNumber` for ASCII).
  @inline(__always)
  static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }
}
