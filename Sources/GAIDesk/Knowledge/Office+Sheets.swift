extension Office {
  /// The knowledge sheets as this office has them (shipped, replaced by its edited versions).
  public var knowledge: KnowledgeBase { KnowledgeBase(state: state) }

  /// Records the office's version of the sheet for `topic`: `change` edits the current sheet; the review date
  /// becomes today and the reviewer the staff member (an edit with no change marks the sheet reviewed).
  @discardableResult
  public func updateSheet(topic: String, staff: String, _ change: (inout KnowledgeSheet) throws -> Void)
    throws
    -> KnowledgeSheet
  {
    try authorize(.editSheets, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      _ = try Validation.topics([topic])
      var sheet =
        KnowledgeBase(state: context.state).sheet(topic)
        ?? KnowledgeSheet(topic: topic, reviewed: context.today)
      try change(&sheet)
      sheet.topic = topic
      sheet.reviewed = context.today
      let directory = PartnerDirectory(state: context.state)
      for code in sheet.partners where directory.partner(code) == nil {
        throw GAIDeskError(.partnerUnknown, code)
      }
      for content in [sheet.pt, sheet.en, sheet.fr] {
        for line in content.ask + content.documents + content.tell {
          try Validation.text(line, field: "sheet", limit: 1000, allowNewlines: false)
        }
      }
      return [.sheetUpdated(sheet)]
    }
    return knowledge.sheet(topic)!
  }
}
