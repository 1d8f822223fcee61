/// How a supervisor checked a line or a contact with the service itself.
public enum ConfirmationMethod: String, CaseIterable, Sendable {
  /// By telephone.
  case phone
  /// In person, at the service.
  case visit
  /// By letter or e-mail.
  case letter
}

/// What a local confirmation is about: a partner's entry, or one line of a sheet.
public enum KnowledgeSubject: Hashable, Sendable {
  /// The entry (presence and contacts) of the partner with this code.
  case partner(code: String)
  /// A line of a topic's sheet, named by its Portuguese text (a changed text is a new, unconfirmed line).
  case sheetLine(topic: String, section: SheetSection, text: String)

  /// A stable key, e.g. `partner:def` or `sheet:residence.renewal:tell:<text>`.
  public var key: String {
    switch self {
    case .partner(let code): "partner:\(code)"
    case .sheetLine(let topic, let section, let text): "sheet:\(topic):\(section.rawValue):\(text)"
    }
  }

  /// The subject a key names (nil for a malformed key).
  public init?(key: String) {
    let parts = key.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
    switch parts.first {
    case "partner" where parts.count == 2: self = .partner(code: parts[1])
    case "sheet" where parts.count == 4:
      guard let section = SheetSection(rawValue: parts[2]) else { return nil }
      self = .sheetLine(topic: parts[1], section: section, text: parts[3])
    default: return nil
    }
  }
}

/// A supervisor's record that a line or a contact was checked with the service: who, when, how.
public struct LocalConfirmation: Equatable, Sendable {
  /// What was confirmed.
  public var subject: KnowledgeSubject
  /// How it was checked.
  public var method: ConfirmationMethod
  /// What was said or changed, if anything.
  public var note: String?
  /// Who confirmed it.
  public var by: String
  /// The local day it was checked (YYYY-MM-DD), written with the event.
  public var day: String
  /// When the record was written (orders two confirmations of one day).
  public var at: WallTime

  /// Whether this confirmation is more recent than `other` (by day, then time written).
  public func isLater(than other: LocalConfirmation) -> Bool {
    day != other.day ? day > other.day : at > other.at
  }
}

extension KnowledgeSubject {
  /// What confirming this subject changes: the partner directory or a knowledge sheet.
  var editAction: Action {
    switch self {
    case .partner: .editPartners
    case .sheetLine: .editSheets
    }
  }
}
