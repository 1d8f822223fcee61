import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// Where the passphrase comes from: a file, the environment, or a prompt that does not echo.
enum Passphrase {
  /// The passphrase from `file`, else `$GAIDESK_PASSPHRASE`, else a no-echo prompt (twice when `confirm`).
  static func obtain(file: String?, confirm: Bool = false) throws -> String {
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw GAIDeskError(.passphraseFile, file)
      }
      return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
    if let value = ProcessInfo.processInfo.environment["GAIDESK_PASSPHRASE"], !value.isEmpty { return value }
    guard isatty(STDIN_FILENO) == 1 else { throw GAIDeskError(.passphraseNone) }
    let first = prompt(Console.text("prompt.passphrase"))
    if confirm {
      guard prompt(Console.text("prompt.passphrase.again")) == first else {
        throw GAIDeskError(.passphraseMismatch)
      }
    }
    return first
  }

  /// A new passphrase (for an account being added, or one's own change): from `file`, else asked twice
  /// without echo. Never from `$GAIDESK_PASSPHRASE`, which opens the office.
  static func obtainNew(file: String?) throws -> String {
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw GAIDeskError(.passphraseFile, file)
      }
      return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
    guard isatty(STDIN_FILENO) == 1 else { throw GAIDeskError(.passphraseNewNone) }
    let first = prompt(Console.text("prompt.passphrase.new"))
    guard prompt(Console.text("prompt.passphrase.again")) == first else {
      throw GAIDeskError(.passphraseMismatch)
    }
    return first
  }

  private static func prompt(_ label: String) -> String {
    FileHandle.standardError.write(Data(label.utf8))
    var original = termios()
    tcgetattr(STDIN_FILENO, &original)
    var silent = original
    silent.c_lflag &= ~tcflag_t(ECHO)
    savedTerminal = original
    // Ctrl-C (or a kill) while echo is off must not leave the terminal silent.
    let previous = interruptions.map { ($0, signal($0, restoreAndDie)) }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
    defer {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
      for (number, handler) in previous { signal(number, handler) }
      FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true) ?? ""
  }

  /// The signals that end the process at the prompt.
  private static let interruptions = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
}

/// The terminal settings before the prompt, restored by `restoreAndDie` (a signal handler reads only globals).
nonisolated(unsafe) private var savedTerminal = termios()

/// Restores echo, then dies of the same signal with its default action.
private func restoreAndDie(_ number: Int32) {
  tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
  signal(number, SIG_DFL)
  raise(number)
}
