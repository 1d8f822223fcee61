/// A key label and its help text, as shown in a footer.
public struct FooterEntry: Hashable, Sendable {
  /// The key label, such as "F1".
  public var key: String
  /// The help text, such as "Ajuda".
  public var help: String

  /// Creates a footer entry.
  public init(key: String, help: String) {
    self.key = key
    self.help = help
  }
}
