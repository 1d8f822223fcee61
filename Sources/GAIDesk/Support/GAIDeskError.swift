/// A failure the user can act on: a translation key with its arguments, never a stack trace.
public struct GAIDeskError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The key of the message in the translation tables.
  public let key: String
  /// The values substituted for `{0}`, `{1}`… in the message.
  public let args: [String]

  /// Creates an error with a message key and its arguments.
  public init(_ key: String, _ args: String...) {
    self.key = key
    self.args = args
  }

  /// Creates an error with a message key and an argument list.
  public init(key: String, args: [String]) {
    self.key = key
    self.args = args
  }

  /// The message in English, for logs and debugging.
  public var description: String { Strings.shared.text(key, args, language: .english) }
}
