/// The section of a knowledge sheet a line belongs to.
public enum SheetSection: String, CaseIterable, Sendable {
  /// Questions to ask (they make no claim, so carry no source).
  case ask
  /// Documents usually needed.
  case documents
  /// What to tell the visitor.
  case tell

  /// The lines of this section in `content`.
  public func lines(_ content: SheetContent) -> [String] {
    switch self {
    case .ask: content.ask
    case .documents: content.documents
    case .tell: content.tell
    }
  }

  /// Whether its lines are claims that need a source (documents and what to tell).
  public var needsSource: Bool { self != .ask }
}

/// The sources of one shipped sheet's lines: one source code (or nil: to confirm) per line, by position,
/// shared by the three languages (their lines are translations of each other).
struct ShippedSheetSources: Decodable {
  let topic: String
  let sources: Lines?

  struct Lines: Decodable {
    let documents: [String?]?
    let tell: [String?]?
  }
}

extension KnowledgeBase {
  /// The source codes of the shipped sheets' lines, by topic and section.
  static let shippedSources: [String: [SheetSection: [String?]]] = {
    let sheets: [ShippedSheetSources] = ReferenceData.load("sheets.json") ?? []
    var out: [String: [SheetSection: [String?]]] = [:]
    for sheet in sheets {
      out[sheet.topic] = [.documents: sheet.sources?.documents ?? [], .tell: sheet.sources?.tell ?? []]
    }
    return out
  }()

  /// The source code of line `index` of `section` of the shipped sheet for `topic` (nil when it has none).
  public static func shippedSourceCode(topic: String, section: SheetSection, index: Int) -> String? {
    guard let codes = shippedSources[topic]?[section], index < codes.count else { return nil }
    return codes[index]
  }

  /// What line `index` of `section`, as the office's sheet for `topic` has it in `language`, rests on: the
  /// shipped line with the same text carries its source; a line the office wrote is its own.
  public func backing(topic: String, section: SheetSection, index: Int, language: Language) -> Backing {
    guard section.needsSource, let sheet = sheet(topic) else { return .toConfirm }
    let lines = section.lines(sheet.content(language))
    guard index < lines.count else { return .toConfirm }
    guard let shipped = shippedSheet(topic),
      let match = section.lines(shipped.content(language)).firstIndex(of: lines[index])
    else { return .office }
    let code = KnowledgeBase.shippedSourceCode(topic: topic, section: section, index: match)
    return code.flatMap(SourceCatalogue.source).map(Backing.source) ?? .toConfirm
  }
}
