import Foundation

/// `SearchText.fold` without Foundation for the text names are mostly made of: printable ASCII and the Latin
/// letters below U+0250 whose fold is one ASCII letter ("É" → "e", "ç" → "c", "Ł" is not one). Each such
/// scalar is its own character, folded on its own, so the fold of the text is the fold of each scalar in
/// turn; the table holds Foundation's own answer for each scalar, so the two folds are one fold.
enum LatinFold {
  /// The first scalar above the table: U+0250 starts the IPA letters (`SearchText.latin` transliterates from
  /// there).
  static let tableEnd: UInt32 = 0x250

  /// Per scalar below `tableEnd`, its fold when that is one ASCII byte, else 0 (Foundation folds the text).
  /// ASCII: printable characters, capitals made small (what Foundation's fold does to them); controls and
  /// DEL are left to Foundation.
  static let table: [UInt8] = (0..<tableEnd).map { value in
    switch value {
    case 0x41...0x5A: return UInt8(value + 0x20)
    case 0x20..<0x7F: return UInt8(value)
    case 0x80...:
      let folded = SearchText.foundationFold(String(Character(Unicode.Scalar(value)!))).utf8
      guard folded.count == 1, let byte = folded.first, byte >= 0x20, byte < 0x7F else { return 0 }
      return byte
    default: return 0
    }
  }

  /// The fold of `text` as ASCII bytes, when every scalar of it is in the table; nil otherwise.
  static func ascii(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { ascii(utf8: $0) }
  }

  /// The fold of the UTF-8 `bytes` as ASCII bytes, when every scalar is in the table (one byte, or two for a
  /// scalar from U+0080 to U+024F); nil otherwise.
  static func ascii(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: bytes.count)
    let count = table.withUnsafeBufferPointer { table -> Int in
      var written = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let value: Int
        if byte < 0x80 {
          value = Int(byte)
          index += 1
        } else if byte >= 0xC2, byte <= 0xC9, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
          value = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
          guard value < table.count else { return -1 }
          index += 2
        } else {
          return -1
        }
        let folded = table[value]
        guard folded != 0 else { return -1 }
        out[written] = folded
        written += 1
      }
      return written
    }
    guard count >= 0 else { return nil }
    out.removeLast(out.count - count)
    return out
  }
}
