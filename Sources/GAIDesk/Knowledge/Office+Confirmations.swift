import Foundation

extension Office {
  /// What the office's knowledge rests on, line by line and partner by partner, labelled in `language`.
  public func review(language: Language) -> KnowledgeReview {
    KnowledgeReview(state: state, language: language)
  }

  /// Records that `subject` was checked with the service itself (who: `staff`; when: now; how: `method`).
  @discardableResult
  public func confirm(
    _ subject: KnowledgeSubject, method: ConfirmationMethod, note: String? = nil, staff: String
  )
    throws -> LocalConfirmation
  {
    try authorize(subject.editAction, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      try Office.checkExists(subject, in: context.state)
      return [
        .knowledgeConfirmed(
          subject: subject, method: method, day: context.today, note: try Office.checkedNote(note))
      ]
    }
    return state.confirmations[subject.key]!
  }

  /// Corrects a partner's entry after checking it with the service: the change and its confirmation are
  /// one record.
  @discardableResult
  public func correctPartner(
    _ code: String, method: ConfirmationMethod, note: String? = nil, staff: String,
    _ change: (inout Partner) throws -> Void
  ) throws -> Partner {
    try authorize(.editPartners, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      guard var partner = PartnerDirectory(state: context.state).partner(code) else {
        throw GAIDeskError(.partnerUnknown, code)
      }
      try change(&partner)
      guard partner.code == code else { throw GAIDeskError(.partnerCode, partner.code) }
      return [
        .partnerUpdated(try Validation.partner(partner)),
        .knowledgeConfirmed(
          subject: .partner(code: code), method: method, day: context.today,
          note: try Office.checkedNote(note)),
      ]
    }
    return partners.partner(code)!
  }

  /// Corrects line `index` of `section` of the sheet for `topic` after checking it with the service: the
  /// new texts (by language) replace the line, and the corrected line is confirmed, in one record.
  @discardableResult
  public func correctSheetLine(
    topic: String, section: SheetSection, index: Int, texts: [Language: String], method: ConfirmationMethod,
    note: String? = nil, staff: String
  ) throws -> KnowledgeSheet {
    try authorize(.editSheets, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      guard var sheet = KnowledgeBase(state: context.state).sheet(topic) else {
        throw GAIDeskError(.sheetMissing, topic)
      }
      for (language, text) in texts {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw GAIDeskError(.sheetLineEmpty) }
        try Validation.text(text, field: "sheet", limit: 1000, allowNewlines: false)
        var content = sheet.content(language)
        var lines = section.lines(content)
        guard index >= 0, index < lines.count else {
          throw GAIDeskError(.sheetLine, String(index + 1))
        }
        lines[index] = text
        switch section {
        case .ask: content.ask = lines
        case .documents: content.documents = lines
        case .tell: content.tell = lines
        }
        sheet = sheet.setting(language, to: content)
      }
      sheet.reviewed = context.today
      let lines = section.lines(sheet.content(.portuguese))
      guard index >= 0, index < lines.count else { throw GAIDeskError(.sheetLine, String(index + 1)) }
      let subject = KnowledgeSubject.sheetLine(topic: topic, section: section, text: lines[index])
      return [
        .sheetUpdated(sheet),
        .knowledgeConfirmed(
          subject: subject, method: method, day: context.today, note: try Office.checkedNote(note)),
      ]
    }
    return knowledge.sheet(topic)!
  }

  static func checkExists(_ subject: KnowledgeSubject, in state: OfficeState) throws {
    switch subject {
    case .partner(let code):
      guard PartnerDirectory(state: state).partner(code) != nil else {
        throw GAIDeskError(.partnerUnknown, code)
      }
    case .sheetLine(let topic, let section, let text):
      guard let sheet = KnowledgeBase(state: state).sheet(topic) else {
        throw GAIDeskError(.sheetMissing, topic)
      }
      guard section.lines(sheet.content(.portuguese)).contains(text) else {
        throw GAIDeskError(.sheetLine, text)
      }
    }
  }

  static func checkedNote(_ note: String?) throws -> String? {
    guard let note, !note.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    try Validation.text(note, field: "note")
    return note
  }
}
