import Foundation
import GAIDeskResources

/// The translation tables: every user-facing string, keyed, in Portuguese, English and French.
public final class Strings: Sendable {
  /// The tables shipped in `Resources/data/strings/`.
  public static let shared = Strings(tables: Strings.loadShipped())

  private let tables: [String: [String: String]]

  /// Creates tables from `key -> (language code -> text)`.
  public init(tables: [String: [String: String]]) { self.tables = tables }

  /// Whether a key exists in the tables.
  public func has(_ key: String) -> Bool { tables[key] != nil }

  /// Every key in the tables.
  public var keys: [String] { Array(tables.keys) }

  /// The text of `key` in `language` (falling back to Portuguese, then to the key) with `{n}` filled in,
  /// `{n|singular|plural}` written as the form `language` uses for the count in argument `n`, and
  /// `{authority}` naming the national immigration authority (reference data).
  public func text(_ key: String, _ args: [String] = [], language: Language) -> String {
    let entry = tables[key]
    var text = entry?[language.rawValue] ?? entry?["pt"] ?? key
    // Most texts have no placeholder: they are returned as they are, without a search per placeholder.
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    if text.contains("|") {
      text = text.replacing(/\{([0-9])\|((?:[^|{}]|\{[0-9]\})*)\|((?:[^|{}]|\{[0-9]\})*)\}/) { choice in
        let count = Int(choice.1).flatMap { $0 < args.count ? Int(args[$0].filter(\.isASCIIDigit)) : nil }
        return count.map(language.isSingular) == true ? choice.2 : choice.3
      }
    }
    text = text.filling("{authority}", with: Authority.shipped.short)
    for (index, arg) in args.enumerated() { text = text.filling("{\(index)}", with: arg) }
    return text
  }

  private static func loadShipped() -> [String: [String: String]] {
    var merged: [String: [String: String]] = [:]
    for path in ResourceLocator.paths(in: "strings") where path.hasSuffix(".json") {
      guard let data = ResourceLocator.data(for: path),
        let table = try? JSONDecoder().decode([String: [String: String]].self, from: data)
      else { continue }
      merged.merge(table) { first, _ in first }
    }
    return merged
  }
}

extension Character {
  /// Whether this is one of the digits 0 to 9.
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// The text with each occurrence of `placeholder` replaced by `value`, left to right, without overlaps
  /// (what `replacingOccurrences(of:with:)` does for these ASCII placeholders, without Foundation).
  fileprivate func filling(_ placeholder: String, with value: String) -> String {
    let pattern = Array(placeholder.utf8)
    guard let first = pattern.first else { return self }
    let bytes = Array(utf8)
    var result: [UInt8] = []
    var copied = 0
    var index = 0
    while index + pattern.count <= bytes.count {
      if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        result += bytes[copied..<index]
        result += value.utf8
        index += pattern.count
        copied = index
      } else {
        index += 1
      }
    }
    guard copied > 0 else { return self }
    result += bytes[copied...]
    return String(decoding: result, as: UTF8.self)
  }
}
