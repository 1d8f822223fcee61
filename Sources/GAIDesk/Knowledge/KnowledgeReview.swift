import Foundation

/// One sheet line or partner entry as the supervisor reviews it: what it says, what it rests on and when it
/// was last confirmed locally.
public struct ReviewItem: Equatable, Sendable {
  /// What it is.
  public let subject: KnowledgeSubject
  /// The line's text or the partner's name, in the language asked for.
  public let label: String
  /// What it rests on.
  public let backing: Backing
  /// The latest local confirmation, if any.
  public let confirmation: LocalConfirmation?
}

/// The office's knowledge seen line by line: every claim of the sheets and every partner entry, with its
/// backing and its latest local confirmation.
public struct KnowledgeReview: Sendable {
  /// Every item: active partners in directory order, then sheet lines (documents, then what to tell) by topic.
  public let items: [ReviewItem]

  /// The review of `state`, labelled in `language`.
  public init(state: OfficeState, language: Language) {
    let directory = PartnerDirectory(state: state)
    let knowledge = KnowledgeBase(state: state)
    var items: [ReviewItem] = directory.active().map { partner in
      let subject = KnowledgeSubject.partner(code: partner.code)
      return ReviewItem(
        subject: subject, label: partner.name, backing: directory.backing(partner.code),
        confirmation: state.confirmations[subject.key])
    }
    for topic in ReferenceData.shipped.topics.map(\.code) {
      guard let sheet = knowledge.sheet(topic) else { continue }
      for section in SheetSection.allCases where section.needsSource {
        for (index, text) in section.lines(sheet.content(language)).enumerated() {
          guard let subject = knowledge.subject(topic: topic, section: section, index: index) else {
            continue
          }
          items.append(
            ReviewItem(
              subject: subject, label: text,
              backing: knowledge.backing(topic: topic, section: section, index: index, language: language),
              confirmation: state.confirmations[subject.key]))
        }
      }
    }
    self.items = items
  }

  /// Items not confirmed locally in the 12 months before `today` (YYYY-MM-DD), oldest first: never
  /// confirmed ones first (in review order), then by the day of their last confirmation.
  public func unconfirmed(today: String) -> [ReviewItem] {
    let stale = items.enumerated().filter { _, item in
      KnowledgeReview.needsConfirming(item.confirmation, today: today)
    }
    return stale.sorted { a, b in
      switch (a.element.confirmation, b.element.confirmation) {
      case (nil, nil): return a.offset < b.offset
      case (nil, _): return true
      case (_, nil): return false
      case (let x?, let y?): return y.isLater(than: x) || (!x.isLater(than: y) && a.offset < b.offset)
      }
    }.map(\.element)
  }

  /// Whether a line or an entry whose latest confirmation is `confirmation` is to confirm on `today`: never
  /// confirmed locally, or 12 months ago or more.
  public static func needsConfirming(_ confirmation: LocalConfirmation?, today: String) -> Bool {
    confirmation.map { isStale($0, today: today) } ?? true
  }

  /// The items to confirm on `today` that are lines of the sheet for `topic`, in review order.
  public func unconfirmedLines(topic: String, today: String) -> [ReviewItem] {
    items.filter { item in
      guard case .sheetLine(let lineTopic, _, _) = item.subject, lineTopic == topic else { return false }
      return KnowledgeReview.needsConfirming(item.confirmation, today: today)
    }
  }

  /// Whether `confirmation` is 12 months old or more on `today`.
  public static func isStale(_ confirmation: LocalConfirmation, today: String) -> Bool {
    confirmation.day <= yearBefore(today)
  }

  /// The same day one year earlier (`2026-03-01` -> `2025-03-01`; 29 February -> 28 February).
  static func yearBefore(_ day: String) -> String {
    let parts = day.split(separator: "-").map(String.init)
    guard parts.count == 3, let year = Int(parts[0]) else { return day }
    let monthDay = parts[1] + "-" + parts[2] == "02-29" ? "02-28" : parts[1] + "-" + parts[2]
    return String(format: "%04d-%@", year - 1, monthDay)
  }
}

extension KnowledgeBase {
  /// The subject naming line `index` of `section` of the sheet for `topic`: its Portuguese text.
  public func subject(topic: String, section: SheetSection, index: Int) -> KnowledgeSubject? {
    guard let sheet = sheet(topic) else { return nil }
    let lines = section.lines(sheet.content(.portuguese))
    guard index >= 0, index < lines.count else { return nil }
    return .sheetLine(topic: topic, section: section, text: lines[index])
  }
}
