/// A failure the user can act on: a typed code with its arguments, never a stack trace.
public struct GAIDeskError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong; its message is in the string tables in pt, en and fr.
  public let code: ErrorCode
  /// The values substituted for `{0}`, `{1}`… in the message.
  public let args: [String]

  /// Creates an error with a code and its arguments.
  public init(_ code: ErrorCode, _ args: String...) {
    self.code = code
    self.args = args
  }

  /// Creates an error with a code and an argument list.
  public init(_ code: ErrorCode, args: [String]) {
    self.code = code
    self.args = args
  }

  /// The key of the message in the translation tables.
  public var key: String { code.rawValue }

  /// The exit status a script sees.
  public var status: ExitStatus { code.status }

  /// The message in English, for logs and debugging.
  public var description: String { Strings.shared.text(key, args, language: .english) }
}
