/// Why the terminal user interface could not start; the caller shows a translated message per case.
public enum StartError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard input or output is not a terminal (piped or redirected).
  case notATerminal
  /// Neither the environment's locale nor C.UTF-8 uses UTF-8; `codeset` is the one found.
  case localeNotUTF8(codeset: String)
  /// ncurses could not set up the terminal named `term` (unknown or missing TERM).
  case cannotInitialise(term: String)
  /// Another terminal session is already running in this process.
  case alreadyStarted

  /// An English explanation, for logs and as a fallback.
  public var description: String {
    switch self {
    case .notATerminal: "standard input and output must be a terminal"
    case .localeNotUTF8(let codeset): "the locale uses \(codeset), not UTF-8, and C.UTF-8 is not available"
    case .cannotInitialise(let term): "cannot initialise the terminal (TERM=\(term))"
    case .alreadyStarted: "the terminal interface is already running"
    }
  }
}
