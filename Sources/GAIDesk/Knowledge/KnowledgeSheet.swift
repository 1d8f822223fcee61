/// What a sheet says in one language: what to ask, which documents, what to tell the visitor.
public struct SheetContent: Equatable, Sendable, Codable {
  /// Questions to ask the visitor.
  public var ask: [String]
  /// Documents usually needed (varying ones marked "to confirm locally").
  public var documents: [String]
  /// What to tell the visitor.
  public var tell: [String]

  /// Creates content.
  public init(ask: [String] = [], documents: [String] = [], tell: [String] = []) {
    self.ask = ask
    self.documents = documents
    self.tell = tell
  }

  /// Whether nothing is written.
  public var isEmpty: Bool { ask.isEmpty && documents.isEmpty && tell.isEmpty }
}

/// A topic's knowledge sheet: the general, sound advice a new officer needs, in pt/en/fr, and when it was
/// last reviewed. The office's edited version (a journal event) replaces the shipped one.
public struct KnowledgeSheet: Equatable, Sendable {
  /// The topic code.
  public var topic: String
  /// Day of the last review (YYYY-MM-DD).
  public var reviewed: String
  /// Who reviewed it in this office (nil for the shipped sheet).
  public var reviewedBy: String?
  /// Partner codes that usually act, most relevant first.
  public var partners: [String]
  /// Portuguese content.
  public var pt: SheetContent
  /// English content.
  public var en: SheetContent
  /// French content.
  public var fr: SheetContent

  /// Creates a sheet.
  public init(
    topic: String, reviewed: String, reviewedBy: String? = nil, partners: [String] = [],
    pt: SheetContent = SheetContent(), en: SheetContent = SheetContent(), fr: SheetContent = SheetContent()
  ) {
    self.topic = topic
    self.reviewed = reviewed
    self.reviewedBy = reviewedBy
    self.partners = partners
    self.pt = pt
    self.en = en
    self.fr = fr
  }

  /// The content in `language`, falling back to Portuguese when that language is empty.
  public func content(_ language: Language) -> SheetContent {
    let wanted =
      switch language {
      case .portuguese: pt
      case .english: en
      case .french: fr
      }
    return wanted.isEmpty ? pt : wanted
  }

  /// A copy with the content in `language` replaced.
  public func setting(_ language: Language, to content: SheetContent) -> KnowledgeSheet {
    var copy = self
    switch language {
    case .portuguese: copy.pt = content
    case .english: copy.en = content
    case .french: copy.fr = content
    }
    return copy
  }
}

extension KnowledgeSheet: Decodable {
  private enum Keys: String, CodingKey { case topic, reviewed, partners, pt, en, fr }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    self.init(
      topic: try c.decode(String.self, forKey: .topic),
      reviewed: try c.decodeIfPresent(String.self, forKey: .reviewed) ?? "",
      partners: try c.decodeIfPresent([String].self, forKey: .partners) ?? [],
      pt: try c.decodeIfPresent(SheetContent.self, forKey: .pt) ?? SheetContent(),
      en: try c.decodeIfPresent(SheetContent.self, forKey: .en) ?? SheetContent(),
      fr: try c.decodeIfPresent(SheetContent.self, forKey: .fr) ?? SheetContent())
  }
}

/// The knowledge sheets an office works with: the shipped ones, replaced by the office's edited versions.
public struct KnowledgeBase: Sendable {
  /// The sheets shipped in `Resources/data/sheets.json`.
  public static let shipped: [KnowledgeSheet] = ReferenceData.load("sheets.json") ?? []
  private static let shippedByTopic: [String: KnowledgeSheet] = Dictionary(
    shipped.map { ($0.topic, $0) }, uniquingKeysWith: { first, _ in first })

  private let edited: [String: KnowledgeSheet]

  /// The sheets as `state` has them.
  public init(state: OfficeState) { edited = state.officeSheets }

  /// The sheet for `topic` (the office's version when edited).
  public func sheet(_ topic: String) -> KnowledgeSheet? {
    edited[topic] ?? KnowledgeBase.shippedByTopic[topic]
  }

  /// Whether the office edited the sheet for `topic`.
  public func isEdited(_ topic: String) -> Bool { edited[topic] != nil }

  /// The shipped sheet for `topic`.
  public func shippedSheet(_ topic: String) -> KnowledgeSheet? { KnowledgeBase.shippedByTopic[topic] }
}
