/// A name word as it sounds, for names written many ways (Portuguese, French, English, Wolof, Mandinka and
/// Fula transliterations): "Moussa" and "Musa", "Mamadou" and "Mamadu", "N'Diaye" and "Ndiaye" have one key.
/// The rules are in docs/SEARCH.md; the search finds names that sound alike after every spelling match, and
/// the duplicate check counts them as similar.
///
/// A word is keyed as units: its ASCII letters as their bytes, any other letter as a number above every byte
/// (one per distinct `Character` of the word). The rules read only ASCII letters and compare letters for
/// equality, so a name folded to ASCII (most names) is keyed from its bytes without a `Character` or a
/// `String` per letter, and a name with other letters gets the same key it would get letter by letter.
public enum SoundKey {
  /// The keys of the words of `text`: folded (case and accents aside), apostrophes dropped so that "N'Diaye" is
  /// one word, each word of two letters or more without digits keyed. The text is folded once, and its words
  /// are not folded again.
  public static func words(_ text: String) -> [String] {
    var keys: [String] = []
    var scratch = Scratch()
    FoldedText(text).forEachSoundKey(prefix: [], &scratch) { key in
      keys.append(String(String.UnicodeScalarView(key.lazy.compactMap(Unicode.Scalar.init))))
    }
    return keys
  }

  /// `words` of a text already folded that is not all ASCII.
  static func keys(ofFolded folded: String) -> [String] {
    folded.filter { !apostrophes.contains($0) }.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
      .filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
      .map { key(characters: Array($0)) }.filter { !$0.isEmpty }
  }

  /// The key of one word: folded, double letters made single, then spellings of one sound made one (see
  /// docs/SEARCH.md), double letters made single again.
  public static func key(_ word: String) -> String {
    let folded = SearchText.fold(word)
    if folded.utf8.allSatisfy({ $0 < 0x80 }) {
      let letters = folded.utf8.filter { FoldedText.isLetterOrDigit($0) && $0 > UInt8(ascii: "9") }
      var out: [UInt32] = []
      var single: [UInt32] = []
      key(letters.map { UInt32($0 | 0x20) }, into: &out, single: &single)
      return String(decoding: out.map { UInt8($0) }, as: UTF8.self)
    }
    return key(characters: Array(folded.lowercased().filter(\.isLetter)))
  }

  /// The key of a word's letters, already folded and in lower case, whatever their script.
  private static func key(characters: [Character]) -> String {
    var numbers: [Character: UInt32] = [:]
    var others: [Character] = []  // the letter of each number from 0x100 on
    let units = characters.map { character -> UInt32 in
      if let ascii = character.asciiValue { return UInt32(ascii) }
      if let unit = numbers[character] { return unit }
      let unit = 0x100 + UInt32(others.count)
      numbers[character] = unit
      others.append(character)
      return unit
    }
    var out: [UInt32] = []
    var single: [UInt32] = []
    key(units, into: &out, single: &single)
    return String(out.map { $0 < 0x100 ? Character(Unicode.Scalar(UInt8($0))) : others[Int($0 - 0x100)] })
  }

  /// Buffers reused between the words of a name.
  struct Scratch {
    var single: [UInt32] = []
    var key: [UInt32] = []
  }

  /// The letters the rules read, as units.
  private enum Letter {
    static let b: UInt32 = 0x62  // b
    static let c: UInt32 = 0x63  // c
    static let d: UInt32 = 0x64  // d
    static let e: UInt32 = 0x65  // e
    static let f: UInt32 = 0x66  // f
    static let g: UInt32 = 0x67  // g
    static let h: UInt32 = 0x68  // h
    static let i: UInt32 = 0x69  // i
    static let j: UInt32 = 0x6a  // j
    static let k: UInt32 = 0x6b  // k
    static let l: UInt32 = 0x6c  // l
    static let n: UInt32 = 0x6e  // n
    static let o: UInt32 = 0x6f  // o
    static let p: UInt32 = 0x70  // p
    static let q: UInt32 = 0x71  // q
    static let s: UInt32 = 0x73  // s
    static let t: UInt32 = 0x74  // t
    static let u: UInt32 = 0x75  // u
    static let w: UInt32 = 0x77  // w
    static let x: UInt32 = 0x78  // x
    static let y: UInt32 = 0x79  // y
    static let z: UInt32 = 0x7a  // z
  }

  /// Appends to `out` the key of a word's letters as units (ASCII letters in lower case as their bytes, other
  /// letters above 0xFF): double letters made single, the rules of docs/SEARCH.md, a final silent e dropped,
  /// double letters made single again. `single` is scratch space.
  static func key(_ word: some Sequence<UInt32>, into out: inout [UInt32], single letters: inout [UInt32]) {
    letters.removeAll(keepingCapacity: true)
    for letter in word where letters.last != letter { letters.append(letter) }
    let start = out.count
    let count = letters.count
    var index = 0
    func at(_ offset: Int) -> UInt32 { index + offset < count ? letters[index + offset] : 0 }
    while index < count {
      let letter = letters[index]
      let next = at(1)
      var step = 2
      switch letter {
      case Letter.s where next == Letter.c && at(2) == Letter.h:
        out.append(Letter.x)
        step = 3
      case Letter.c where next == Letter.h, Letter.s where next == Letter.h:
        out.append(Letter.x)
      case Letter.p where next == Letter.h:
        out.append(Letter.f)
      case Letter.t where next == Letter.h, Letter.k where next == Letter.h, Letter.g where next == Letter.h,
        Letter.d where next == Letter.h, Letter.b where next == Letter.h:
        out.append(letter)
      case Letter.n where next == Letter.h, Letter.l where next == Letter.h:
        out.append(letter)
        out.append(Letter.i)
      case Letter.g where next == Letter.n:
        out.append(Letter.n)
        out.append(Letter.i)
      case Letter.d where next == Letter.j:
        out.append(Letter.j)
      case Letter.o where next == Letter.u || next == Letter.o:
        out.append(Letter.u)
      case Letter.q where next == Letter.u, Letter.c where next == Letter.k:
        out.append(Letter.k)
      case Letter.c:
        out.append(next == Letter.e || next == Letter.i || next == Letter.y ? Letter.s : Letter.k)
        step = 1
      case Letter.q:
        out.append(Letter.k)
        step = 1
      case Letter.z:
        out.append(Letter.s)
        step = 1
      case Letter.y:
        out.append(Letter.i)
        step = 1
      case Letter.w:
        out.append(Letter.u)
        step = 1
      case Letter.h:  // silent
        step = 1
      default:
        out.append(letter)
        step = 1
      }
      index += step
    }
    // A final silent e (French, Portuguese spellings of West African names: "Ndiaye", "Ousmane").
    if out.count - start > 2, out.last == Letter.e { out.removeLast() }
    // Double letters made single again, in place.
    var kept = start
    for index in start..<out.count where kept == start || out[kept - 1] != out[index] {
      out[kept] = out[index]
      kept += 1
    }
    out.removeLast(out.count - kept)
  }

  /// The characters taken for apostrophes inside names.
  static let apostrophes: Set<Character> = ["'", "’", "ʼ", "`", "´", "‘"]

  /// Whether an ASCII byte is one of `apostrophes`.
  @inline(__always)
  static func isASCIIApostrophe(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
  }
}
