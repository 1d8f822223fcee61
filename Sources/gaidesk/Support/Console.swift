import Foundation
import GAIDesk
import TerminalUI

/// Printing for the command line: translated text on stdout, stable versioned JSON.
enum Console {
  /// The version of every JSON document the command line prints (`"format"`).
  static let jsonFormat = 1

  /// The language of messages: `$GAIDESK_LANG`, else the saved setting, else Portuguese.
  nonisolated(unsafe) static var language: Language =
    Language(
      code: ProcessInfo.processInfo.environment["GAIDESK_LANG"] ?? "") ?? .portuguese

  /// Damage found in the office opened by this command: JSON gets `"damaged": true`, the exit status is 4.
  nonisolated(unsafe) static var damage: [JournalDamage] = []
  /// Other origins' logs ending in an incomplete record (not damage): JSON gets `"incompleteTails"`.
  nonisolated(unsafe) static var incompleteTails: [JournalDamage] = []
  /// Why the office opened read-only although intact: JSON gets `"readOnly"` with its cause and path.
  nonisolated(unsafe) static var medium: ReadOnlyMedium?

  /// A translated message.
  static func text(_ key: String, _ args: [String] = []) -> String {
    let named = args.map {
      if let word = term($0) { return word }
      // A message inside a message (why a key slot was skipped).
      if $0.hasPrefix("error."), Strings.shared.has($0) { return Strings.shared.text($0, language: language) }
      return Strings.shared.has("fieldname." + $0)
        ? Strings.shared.text("fieldname." + $0, language: language) : $0
    }
    return Strings.shared.text(key, named, language: language)
  }

  /// A code's words (`term.CODE` in the string tables: roles, actions), nil when it is not a term.
  static func term(_ code: String) -> String? {
    Strings.shared.has("term." + code) ? Strings.shared.text("term." + code, language: language) : nil
  }

  /// Prints a translated message.
  static func say(_ key: String, _ args: String...) { print(text(key, args)) }

  /// Prints one line on stderr (control characters escaped: arguments come from the user) and exits with 1.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("gaidesk: " + line(message) + "\n").utf8))
    exit(1)
  }

  /// `text` on one line: newlines, control and hiding characters escaped, so stored text cannot forge lines.
  static func line(_ text: String) -> String { TextEscaping.oneLine(text) }

  /// Prints `value` as JSON with sorted keys and `"format": 1`; a list goes under `"items"`.
  static func json(_ value: Any) {
    var document: [String: Any]
    if let object = value as? [String: Any] {
      document = object
    } else {
      document = ["items": value]
    }
    if !damage.isEmpty && document["damaged"] == nil && document["damage"] == nil {
      document["damaged"] = true
      document["damage"] = damage.map { ["segment": $0.segment, "offset": $0.offset, "reason": $0.reason] }
    }
    if !incompleteTails.isEmpty && document["incompleteTails"] == nil {
      document["incompleteTails"] = incompleteTails.map {
        ["segment": $0.segment, "offset": $0.offset, "reason": $0.reason]
      }
    }
    if let medium, document["readOnly"] == nil {
      document["readOnly"] = ["cause": medium.cause.rawValue, "path": medium.path]
    }
    document["format"] = jsonFormat
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("null".utf8)
    print(String(decoding: data, as: UTF8.self))
  }

  /// Says where a printed page went; a page saved for want of a printer goes to the user's home folder.
  static func report(_ outcome: PrintOutcome) {
    switch outcome {
    case .printed(let printer): say("print.sent", printer)
    case .saved(let path): say("print.saved", path)
    }
  }

  /// Where pages are saved when there is no printer: `$HOME`.
  static var pageFolder: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

  /// Pads `text` with spaces to `width` terminal columns (the program's one display width, `TextWidth`: a
  /// wide character takes two, a ZWJ family its members side by side); longer text is kept whole.
  static func pad(_ text: String, _ width: Int) -> String { text.padded(toColumns: width) }

  /// The terminal columns `text` takes.
  static func columns(_ text: String) -> Int { text.displayWidth }

  /// A YYYY-MM-DD day as the desk writes it in the message language (dd/mm/aaaa in Portuguese and French).
  static func day(_ day: String) -> String { LocalTime.shown(day, language: language) }

  /// A topic's name in the message language (its code when the taxonomy does not know it).
  static func topic(_ code: String) -> String { ReferenceData.shipped.topic(code)?.label(language) ?? code }

  /// A day given on the command line, as the desk writes it (dd/mm/aaaa) or as YYYY-MM-DD, as YYYY-MM-DD.
  static func typedDay(_ text: String?) -> String? { text.map { LocalTime.day(typed: $0) } }
}
