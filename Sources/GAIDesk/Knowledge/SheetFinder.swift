/// Where the words typed to find a sheet were found.
public enum SheetMatch: Equatable, Sendable {
  /// In the topic's name, its area's name or its code (in any of the three languages).
  case topic
  /// Only in the sheet itself (what to ask, documents, what to tell, in any of the three languages).
  case sheet
}

/// A topic found by words typed, and where the words were.
public struct TopicMatch: Equatable, Sendable {
  /// The topic.
  public let topic: Topic
  /// Where every word typed was found.
  public let match: SheetMatch
}

extension KnowledgeBase {
  /// The topics that hold every word of `text` as the start of one of their words: first those whose name,
  /// area or code hold them, then those whose sheet (the office's version, any language) does; each group in
  /// taxonomy order. Nothing typed lists every topic. The one finder of the desk and `gaidesk topic find`.
  public func topics(matching text: String, reference: ReferenceData = .shipped) -> [TopicMatch] {
    let typed = SearchText.tokens(text)
    guard !typed.isEmpty else { return reference.topics.map { TopicMatch(topic: $0, match: .topic) } }
    func holdsAll(_ words: [String]) -> Bool {
      typed.allSatisfy { part in words.contains { $0.hasPrefix(part) } }
    }
    var byName: [TopicMatch] = []
    var bySheet: [TopicMatch] = []
    for topic in reference.topics {
      let area = reference.areas.first { $0.code == topic.area }
      let names = [topic.pt, topic.en, topic.fr, area?.pt ?? "", area?.en ?? "", area?.fr ?? "", topic.code]
      if holdsAll(SearchText.tokens(names.joined(separator: " "))) {
        byName.append(TopicMatch(topic: topic, match: .topic))
      } else if let words = sheetWords(topic.code), holdsAll(words) {
        bySheet.append(TopicMatch(topic: topic, match: .sheet))
      }
    }
    return byName + bySheet
  }

  /// Every word the sheet of `topic` says: the shipped sheets' words folded once, an edited sheet's when asked.
  private func sheetWords(_ topic: String) -> [String]? {
    guard isEdited(topic), let sheet = sheet(topic) else { return Self.shippedWords[topic] }
    return Self.words(of: sheet)
  }

  /// The words of every shipped sheet, by topic: folded once, not at every keystroke of the finder.
  private static let shippedWords: [String: [String]] = Dictionary(
    shipped.map { ($0.topic, words(of: $0)) }, uniquingKeysWith: { first, _ in first })

  /// Every word a sheet says, in its three languages.
  private static func words(of sheet: KnowledgeSheet) -> [String] {
    let lines = [sheet.pt, sheet.en, sheet.fr].flatMap { $0.ask + $0.documents + $0.tell }
    return SearchText.tokens(lines.joined(separator: " "))
  }
}
