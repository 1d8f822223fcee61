/// One terminal cell: a grapheme cluster and its style, or the right half of a wide grapheme. Held in eight
/// bytes without a reference (a 240×70 frame fills, writes and compares 16,800 of them): the grapheme's one
/// scalar, or the number of a grapheme of several scalars (``GraphemeClusters``), its width and its style.
public struct Cell: Hashable, Sendable {
  /// Bits 0–31 the grapheme (0: empty; a scalar's value plus one; with bit 31, a cluster's number), bits
  /// 32–39 the width, 40–47 the role, 48–55 the attributes.
  private var bits: UInt64

  /// Creates a cell holding `character` in `style`.
  public init(_ character: Character, style: Style = .normal) {
    self.init(grapheme: String(character), width: min(2, max(1, character.displayWidth)), style: style)
  }

  /// A cell holding `grapheme`, which takes `width` columns (1 or 2).
  init(grapheme: String, width: Int, style: Style) {
    let scalars = grapheme.unicodeScalars
    let code: UInt32
    if scalars.isEmpty {
      code = 0
    } else if scalars.index(after: scalars.startIndex) == scalars.endIndex {
      code = scalars.first!.value + 1
    } else {
      code = Self.clusterBit | GraphemeClusters.number(of: grapheme)
    }
    bits = Self.pack(code: code, width: width, style: style)
  }

  /// A cell holding `scalar` alone, which takes `width` columns (1 or 2).
  init(scalar: Unicode.Scalar, width: Int, style: Style) {
    bits = Self.pack(code: scalar.value + 1, width: width, style: style)
  }

  /// A space in `style`.
  public static func blank(_ style: Style = .normal) -> Cell {
    Cell(scalar: " ", width: 1, style: style)
  }

  /// The right half of a wide grapheme drawn in `style`.
  public static func continuation(_ style: Style) -> Cell {
    Cell(bits: pack(code: 0, width: 0, style: style))
  }

  private init(bits: UInt64) { self.bits = bits }

  /// The grapheme cluster drawn here (empty for a continuation cell).
  public var grapheme: String {
    let code = UInt32(truncatingIfNeeded: bits)
    if code == 0 { return "" }
    if code & Self.clusterBit != 0 { return GraphemeClusters.text(of: code & ~Self.clusterBit) }
    return String(Character(Unicode.Scalar(code - 1)!))
  }

  /// Columns the grapheme takes: 1 or 2, or 0 for the continuation of a wide grapheme.
  public var width: Int { Int(truncatingIfNeeded: (bits >> 32) & 0xFF) }

  /// How the cell is drawn.
  public var style: Style {
    get {
      Style(
        Role(rawValue: Int((bits >> 40) & 0xFF)) ?? .normal,
        attributes: Attributes(rawValue: UInt8(truncatingIfNeeded: bits >> 48)))
    }
    set {
      bits = bits & 0xFF_FFFF_FFFF | Self.styleBits(newValue)
    }
  }

  /// Whether this cell is the right half of a wide grapheme.
  public var isContinuation: Bool { width == 0 }

  private static let clusterBit: UInt32 = 1 << 31

  private static func pack(code: UInt32, width: Int, style: Style) -> UInt64 {
    UInt64(code) | UInt64(UInt8(clamping: width)) << 32 | styleBits(style)
  }

  private static func styleBits(_ style: Style) -> UInt64 {
    UInt64(UInt8(truncatingIfNeeded: style.role.rawValue)) << 40 | UInt64(style.attributes.rawValue) << 48
  }
}
