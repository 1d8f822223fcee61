import Foundation
import GAIDesk

/// Printing for the command line: translated text on stdout, stable versioned JSON.
enum Console {
  /// The version of every JSON document the command line prints (`"format"`).
  static let jsonFormat = 1

  /// The language of messages: `$GAIDESK_LANG`, else the saved setting, else Portuguese.
  nonisolated(unsafe) static var language: Language =
    Language(
      code: ProcessInfo.processInfo.environment["GAIDESK_LANG"] ?? "") ?? .portuguese

  /// A translated message.
  static func text(_ key: String, _ args: [String] = []) -> String {
    let named = args.map {
      Strings.shared.has("fieldname." + $0) ? Strings.shared.text("fieldname." + $0, language: language) : $0
    }
    return Strings.shared.text(key, named, language: language)
  }

  /// Prints a translated message.
  static func say(_ key: String, _ args: String...) { print(text(key, args)) }

  /// Prints `value` as JSON with sorted keys and `"format": 1`; a list goes under `"items"`.
  static func json(_ value: Any) {
    var document: [String: Any]
    if let object = value as? [String: Any] {
      document = object
    } else {
      document = ["items": value]
    }
    document["format"] = jsonFormat
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("null".utf8)
    print(String(decoding: data, as: UTF8.self))
  }

  /// Pads `text` to `width` characters.
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
