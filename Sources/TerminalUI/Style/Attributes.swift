/// Text attributes every terminal supports.
public struct Attributes: OptionSet, Hashable, Sendable {
  /// The raw bit set.
  public let rawValue: UInt8

  /// Creates attributes from raw bits.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Bold (or bright) text.
  public static let bold = Attributes(rawValue: 1 << 0)
  /// Underlined text.
  public static let underline = Attributes(rawValue: 1 << 1)
  /// Foreground and background swapped.
  public static let reverse = Attributes(rawValue: 1 << 2)
}
