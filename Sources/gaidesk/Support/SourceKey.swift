import GAIDesk

/// Numbers the sources of the lines printed, in order of first use, and prints the key: `[1]` a source,
/// `[?]` to confirm, `[GAI]` the office's own text.
struct SourceKey {
  private(set) var used: [Source] = []

  /// The mark of `backing`, numbering a source the first time it is seen.
  mutating func mark(_ backing: Backing) -> String {
    switch backing {
    case .source(let source):
      if let index = used.firstIndex(of: source) { return "[\(index + 1)]" }
      used.append(source)
      return "[\(used.count)]"
    case .toConfirm: return "[?]"
    case .office: return "[GAI]"
    }
  }

  /// Prints the key: each source used, then what `[?]` and `[GAI]` mean.
  func printKey() {
    print("")
    print(Console.text("sources.title"))
    for (index, source) in used.enumerated() {
      let url = source.url.map { " — \($0)" } ?? ""
      print("  [\(index + 1)] \(source.title)\(url) (\(Console.text("sources.checked", [source.checked])))")
    }
    print("  [?] " + Console.text("sources.toConfirm"))
    print("  [GAI] " + Console.text("sources.office"))
  }

  /// A line saying who confirmed locally, when and how ("" when never).
  static func confirmed(_ confirmation: LocalConfirmation?) -> String {
    guard let c = confirmation else { return "" }
    return Console.text(
      "sources.confirmed", [c.day, c.by, Console.text("confirm.how.\(c.method.rawValue)")])
  }

  /// The JSON form of a backing and a confirmation.
  static func json(_ backing: Backing, _ confirmation: LocalConfirmation?) -> [String: Any] {
    var out: [String: Any] = [:]
    switch backing {
    case .source(let s):
      out["status"] = "sourced"
      var source: [String: Any] = ["id": s.id, "title": s.title, "checked": s.checked]
      source["url"] = s.url
      out["source"] = source
    case .toConfirm: out["status"] = "to-confirm"
    case .office: out["status"] = "office"
    }
    if let c = confirmation {
      var confirmed: [String: Any] = ["day": c.day, "by": c.by, "how": c.method.rawValue]
      confirmed["note"] = c.note
      out["confirmed"] = confirmed
    }
    return out
  }
}
