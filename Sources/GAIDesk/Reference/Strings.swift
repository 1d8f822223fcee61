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

  /// The text of `key` in `language` (falling back to Portuguese, then to the key) with `{n}` filled in and
  /// `{authority}` naming the national immigration authority (reference data).
  public func text(_ key: String, _ args: [String] = [], language: Language) -> String {
    let entry = tables[key]
    var text = entry?[language.rawValue] ?? entry?["pt"] ?? key
    text = text.replacingOccurrences(of: "{authority}", with: Authority.shipped.short)
    for (index, arg) in args.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: arg) }
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
